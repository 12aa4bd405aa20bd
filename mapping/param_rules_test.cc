// The parameter rules: a Go signature and the body's evidence in, each parameter's Lisette type
// and the reason for its mutability and nilability out.
#include "mapping/param_rules.h"

#include <gtest/gtest.h>

#include "mapping/rule_test_support.h"

namespace lisbind::emit {
namespace {

using namespace rule_test;

model::ParamFact writes(model::WriteFact fact, const std::string& at = "") {
  return {.writes = fact, .writes_at = at, .nil = model::NilArgFact::Unstated, .nil_at = ""};
}

model::Facts body(std::vector<model::ParamFact> params) {
  model::Facts f;
  f.present = true;
  f.params = std::move(params);
  return f;
}

class ParamRules : public ::testing::Test {
 protected:
  model::ApiModel api_ = api_with();
  TypeMapper types_ = bare_names(api_);
};

TEST_F(ParamRules, APointerParamTheBodyWritesIsMutWithWrittenAndThePosition) {
  // func Decode(into *T), whose body assigns into.A at decode.go:12.
  model::Facts facts = body({writes(model::WriteFact::Yes, "decode.go:12")});
  auto params = map_params(types_, signature({param("into", pointer(local("T")))}), &facts);
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(lis::to_text(params[0].type), "mut Ref<T>");
  EXPECT_EQ(params[0].mutability, ParamMutability::Written);
  EXPECT_EQ(params[0].writes_at, "decode.go:12");
  EXPECT_FALSE(params[0].nil_accepted);
}

TEST_F(ParamRules, AReferenceTheBodyOnlyReadsOrWithoutEvidenceIsReadOnly) {
  model::Facts facts = body({writes(model::WriteFact::No)});
  auto read = map_params(types_, signature({param("items", slice(pointer(local("T"))))}), &facts);
  EXPECT_EQ(lis::to_text(read[0].type), "Slice<Ref<T>>");
  EXPECT_EQ(read[0].mutability, ParamMutability::OnlyRead);
  EXPECT_EQ(read[0].writes_at, "");

  auto unknown = map_params(types_, signature({param("t", pointer(local("T")))}), nullptr);
  EXPECT_EQ(lis::to_text(unknown[0].type), "Ref<T>");
  EXPECT_EQ(unknown[0].mutability, ParamMutability::NoEvidence);
}

TEST_F(ParamRules, AValueIsPassedByValueWhateverTheEvidence) {
  model::Facts facts = body({writes(model::WriteFact::Yes, "f.go:1")});
  auto params = map_params(types_, signature({param("n", basic("int"))}), &facts);
  EXPECT_EQ(lis::to_text(params[0].type), "int");
  EXPECT_EQ(params[0].mutability, ParamMutability::ByValue);
}

TEST_F(ParamRules, APointerTheBodyAcceptsNilForIsAnOption) {
  model::Facts facts = body({{.writes = model::WriteFact::No,
                              .writes_at = "",
                              .nil = model::NilArgFact::Accepted,
                              .nil_at = "opts.go:4"}});
  auto params = map_params(types_, signature({param("opts", pointer(local("T")))}), &facts);
  EXPECT_EQ(lis::to_text(params[0].type), "Option<Ref<T>>");
  EXPECT_TRUE(params[0].nil_accepted);
  EXPECT_EQ(params[0].nil_at, "opts.go:4");
}

TEST_F(ParamRules, AVariadicSliceIsVarArgs) {
  model::Signature sig =
      signature({param("sep", basic("string")), param("parts", slice(basic("string")))});
  sig.variadic = true;
  auto params = map_params(types_, sig, nullptr);
  EXPECT_EQ(lis::to_text(params[1].type), "VarArgs<string>");
  EXPECT_EQ(params[1].mutability, ParamMutability::NoEvidence);
}

TEST_F(ParamRules, NamesLisetteAcceptsAndNoTwoAlike) {
  auto params = map_params(
      types_,
      signature({param("URL", basic("string")), param("type", basic("int")),
                 param("", basic("bool")), param("T", basic("int")), param("t", basic("int"))}),
      nullptr);
  std::vector<std::string> names;
  for (const auto& p : params) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"url", "type_", "arg2", "t", "t4"}));
  // The position suffix can itself be taken: (a2, A, a).
  names.clear();
  for (const auto& p : map_params(types_,
                                  signature({param("a2", basic("int")), param("A", basic("int")),
                                             param("a", basic("int"))}),
                                  nullptr))
    names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a2", "a", "a2_1"}));
}

}  // namespace
}  // namespace lisbind::emit
