// The function and method rules: a Go signature with its evidence and override in, the Lisette
// declaration, its attributes and the decisions behind it out.
#include "mapping/function_rules.h"

#include <gtest/gtest.h>

#include "mapping/rule_test_support.h"
#include "syntax/printer.h"

namespace lisbind::emit {
namespace {

using namespace rule_test;

std::string text(const MappedFunction& m) { return lis::print_function(m.declaration, "", true); }

class FunctionRules : public ::testing::Test {
 protected:
  model::ApiModel api_ = api_with();
  TypeMapper types_ = bare_names(api_);
  const MethodOwner owner_{.go_package = kPackage, .type_name = "T", .self_type = lis::named("T")};
};

TEST_F(FunctionRules, ARenameKeepsTheGoNameAndMarksTheOverride) {
  Override o;
  o.rename = "CurrentDir";
  MappedFunction m = map_function(types_, signature({}, {basic("string"), error_type()}),
                                  {.function_name = "Getwd"}, {.override = &o});
  EXPECT_EQ(text(m), "#[go(\"Getwd\")]\npub fn CurrentDir() -> Result<string, error>\n");
  EXPECT_EQ(m.rule, Rule::ResultValueError);
  EXPECT_TRUE(m.binding.override_applied);
}

TEST_F(FunctionRules, AKeywordNameOrAnOverrideSkipIsUnmappable) {
  try {
    map_function(types_, signature({}), {.function_name = "match"});
    FAIL();
  } catch (const Unmappable& e) {
    EXPECT_EQ(e.code, Rule::KeywordName);
  }
  Override skip;
  skip.skip = true;
  try {
    map_function(types_, signature({}), {.function_name = "Getpagesize"}, {.override = &skip});
    FAIL();
  } catch (const Unmappable& e) {
    EXPECT_EQ(e.code, Rule::OverrideSkip);
  }
}

TEST_F(FunctionRules, TheDocDecidesTheMinusOneSentinel) {
  model::Signature sig = signature({param("s", basic("string"))}, {basic("int")});
  MappedFunction index =
      map_function(types_, sig, {.function_name = "Index"},
                   {.doc = "Index returns the index of s, or -1 if s is not present.\n"});
  EXPECT_EQ(index.rule, Rule::SentinelMinusOne);
  EXPECT_EQ(text(index),
            "/// Index returns the index of s, or -1 if s is not present.\n"
            "#[go(sentinel_minus_one)]\npub fn Index(s: string) -> Option<int>\n");
  MappedFunction count =
      map_function(types_, sig, {.function_name = "Count"}, {.doc = "Count returns how many."});
  EXPECT_EQ(count.rule, Rule::SingleResult);
}

TEST_F(FunctionRules, CloseMayDropItsErrorAndABuilderItself) {
  MappedFunction close = map_function(types_, signature({}, {error_type()}),
                                      {.function_name = "Close", .is_method = true});
  EXPECT_EQ(text(close), "#[allow(unused_result)]\npub fn Close() -> Result<(), error>\n");
  // func (t *T) WithName(name string) *T
  model::Method with_name;
  with_name.name = "WithName";
  with_name.pointer_receiver = true;
  with_name.sig = signature({param("name", basic("string"))}, {pointer(local("T"))});
  MappedFunction builder = map_method(types_, owner_, with_name, nullptr, nullptr);
  EXPECT_EQ(builder.rule, Rule::FluentBuilder);
  EXPECT_EQ(lis::print_function(builder.declaration, "", false),
            "#[allow(unused_value)]\nfn WithName(self: Ref<T>, name: string) -> mut Ref<T>\n");
}

TEST_F(FunctionRules, AnOverrideSaysWhichParameterIsWritten) {
  // io.Copy-like, with no body read: the override is the only evidence.
  Override o;
  o.mutates = {"dst"};
  MappedFunction m = map_function(
      types_, signature({param("dst", pointer(local("T"))), param("src", pointer(local("T")))}),
      {.function_name = "Fill"}, {.override = &o});
  ASSERT_EQ(m.binding.params.size(), 2u);
  EXPECT_EQ(m.binding.params[0].mutability, ParamMutability::Written);
  EXPECT_EQ(m.binding.params[0].writes_at, "the overrides file");
  EXPECT_EQ(m.binding.params[1].mutability, ParamMutability::NoEvidence);
  EXPECT_EQ(text(m), "pub fn Fill(dst: mut Ref<T>, src: Ref<T>)\n");
}

TEST_F(FunctionRules, AnImplementingMethodKeepsTheInterfaceShapeAndItsOwnReceiver) {
  // func (t *T) Clone() *T: the body never returns nil and writes t, but interface I declares
  // Clone() *T without evidence, so Lisette reads it as Option.
  model::Method clone;
  clone.name = "Clone";
  clone.pointer_receiver = true;
  clone.doc = "Clone copies t.";
  clone.sig = signature({}, {pointer(local("T"))});
  clone.facts.present = true;
  clone.facts.results = {{.nil = model::NilFact::Never,
                          .at = "",
                          .nil_with_nil_error = model::NilFact::Unstated,
                          .nil_with_nil_error_at = ""}};
  clone.facts.receiver_writes = model::WriteFact::Yes;
  clone.facts.receiver_writes_at = "t.go:5";

  MappedFunction own = map_method(types_, owner_, clone, nullptr, nullptr);
  EXPECT_EQ(own.rule, Rule::EvidenceNonNil);
  EXPECT_EQ(lis::to_text(*own.declaration.result), "mut Ref<T>");

  InterfaceMethodEntry entry{.name = "Clone",
                             .sig = clone.sig,
                             .doc = "Clone returns a copy.",
                             .declaring_package = kPackage,
                             .declaring_interface = "I"};
  ImplementedMethod implemented{
      .interface_package = kPackage, .interface_name = "I", .method = &entry};
  MappedFunction shaped = map_method(types_, owner_, clone, &implemented, nullptr);
  EXPECT_EQ(shaped.rule, Rule::InterfaceMethodShape);
  EXPECT_EQ(lis::print_function(shaped.declaration, "", false),
            "/// Clone copies t.\nfn Clone(self: mut Ref<T>) -> Option<mut Ref<T>>\n");
  ASSERT_TRUE(shaped.binding.shape_source.has_value());
  EXPECT_EQ(shaped.binding.shape_source->interface_name, "I");
  ASSERT_TRUE(shaped.binding.receiver.has_value());
  EXPECT_EQ(shaped.binding.receiver->writes_at, "t.go:5");
}

}  // namespace
}  // namespace lisbind::emit
