// The type rules: a Go type declaration in, the Lisette declaration, its status and rule out.
#include "mapping/type_rules.h"

#include <gtest/gtest.h>

#include "mapping/rule_test_support.h"
#include "syntax/printer.h"

namespace lisbind::emit {
namespace {

using namespace rule_test;

model::InterfaceMethod interface_method(const std::string& name, model::Signature sig) {
  return {.name = name, .sig = std::move(sig), .doc = ""};
}

class TypeRules : public ::testing::Test {
 protected:
  // Reader { Read() (int, error) } is declared beside T and I, so that embedding it resolves.
  model::ApiModel api_ = api_with({type_decl(
      "Reader",
      interface_type({interface_method("Read", signature({}, {basic("int"), error_type()}))}))});
  TypeMapper types_ = bare_names(api_);

  TypeMapping map(const model::Decl& d) { return map_type_decl(types_, api_, kPackage, d); }
  static std::string text(const TypeMapping& m) { return lis::print_type_decl(m.declaration); }
};

TEST_F(TypeRules, AStructWithAHiddenFieldSaysSoAndIsIncomparable) {
  // type Holder struct { Name string; count int; *T }
  model::Decl holder =
      type_decl("Holder", struct_type({field("Name", basic("string")), field("count", basic("int")),
                                       embedded(pointer(local("T")))}));
  TypeMapping m = map(holder);
  EXPECT_EQ(m.code.rule, Rule::StructHiddenFields);
  EXPECT_EQ(m.status, BindStatus::Bound);
  EXPECT_EQ(text(m),
            "#[go(hidden_fields)]\n#[go(incomparable)]\npub struct Holder {\n  pub Name: string,\n"
            "  embed mut Ref<T>,\n}\n");
  // Go knows it is comparable; lis cannot see the hidden field, so only the fact tells it.
  holder.comparable = true;
  EXPECT_FALSE(
      lis::has_attribute(map(holder).declaration.attributes, lis::AttributeKind::Incomparable));
}

TEST_F(TypeRules, AFieldEmbeddedThroughAnAliasEmbedsTheAliasWhoseNameGoGivesIt) {
  // type Meta struct{ Name string }; type MetaRef = *Meta; type Ref struct { MetaRef }
  model::Decl meta_ref = type_decl("MetaRef", pointer(local("Meta")));
  meta_ref.alias = true;
  api_ = api_with({type_decl("Meta", struct_type({field("Name", basic("string"))})), meta_ref});
  TypeMapper types = bare_names(api_);
  auto alias = std::make_shared<model::TypeRef>();
  alias->kind = model::TypeKind::Alias;
  alias->pkg = kPackage;
  alias->name = "MetaRef";
  alias->target = pointer(local("Meta"));
  model::Field by_alias = embedded(alias);
  by_alias.name = "MetaRef";
  TypeMapping m = map_type_decl(types, api_, kPackage, type_decl("Ref", struct_type({by_alias})));
  // Not `embed mut Ref<Meta>`, which lis would name `Meta`: Go's field is `MetaRef`.
  EXPECT_EQ(text(m), "pub struct Ref {\n  embed MetaRef,\n}\n");
}

TEST_F(TypeRules, AStructWithNoVisibleFieldIsOpaque) {
  TypeMapping m = map(type_decl("Mutex", struct_type({field("state", basic("int32"))})));
  EXPECT_EQ(m.code.rule, Rule::OpaqueNoExportedFields);
  EXPECT_EQ(m.status, BindStatus::Opaque);
  EXPECT_EQ(text(m), "#[go(incomparable)]\npub type Mutex\n");
}

TEST_F(TypeRules, NewtypeAliasAndFunctionType) {
  TypeMapping mode = map(type_decl("Mode", basic("uint32")));
  EXPECT_EQ(mode.code.rule, Rule::Newtype);
  EXPECT_EQ(text(mode), "pub struct Mode(uint32)\n");

  model::Decl alias = type_decl("Object", local("I"));
  alias.alias = true;
  EXPECT_EQ(map(alias).code.rule, Rule::Alias);
  EXPECT_EQ(text(map(alias)), "pub type Object = I\n");

  auto fn = std::make_shared<model::TypeRef>();
  fn->kind = model::TypeKind::Func;
  fn->sig = std::make_shared<model::Signature>(
      signature({param("t", pointer(local("T")))}, {error_type()}));
  TypeMapping handler = map(type_decl("Handler", fn));
  EXPECT_EQ(handler.code.rule, Rule::FuncType);
  EXPECT_EQ(handler.declaration.form, lis::TypeForm::Alias);
}

TEST_F(TypeRules, AnInterfaceListsTheMethodsOfWhatItEmbeds) {
  // type ReadCloser interface { Reader; Close() error }
  TypeMapping m = map(type_decl(
      "ReadCloser", interface_type({interface_method("Close", signature({}, {error_type()}))},
                                   {local("Reader")})));
  EXPECT_EQ(m.code.rule, Rule::Interface);
  EXPECT_TRUE(m.declaration.embeds.empty());
  ASSERT_EQ(m.declaration.methods.size(), 2u);
  EXPECT_EQ(m.declaration.methods[0].name, "Close");
  EXPECT_EQ(m.declaration.methods[1].name, "Read");
  // Listed, the embedded method keeps every rule: io's Read is a partial result.
  EXPECT_EQ(lis::to_text(*m.declaration.methods[1].result), "Partial<int, error>");
}

TEST_F(TypeRules, AnUnexportedMethodSealsAnInterface) {
  TypeMapping m =
      map(type_decl("Sealed", interface_type({interface_method("seal", signature({}))})));
  EXPECT_EQ(m.code.rule, Rule::InterfaceSealed);
  ASSERT_EQ(m.declaration.methods.size(), 1u);
  EXPECT_EQ(m.declaration.methods[0].attributes[0].kind, lis::AttributeKind::UnexportedIdentity);
}

TEST_F(TypeRules, ATypeSetIsAConstraint) {
  // type Number interface { ~int | ~float64 }
  auto set = std::make_shared<model::TypeRef>(*interface_type());
  set->unions = {
      {{.tilde = true, .type = basic("int")}, {.tilde = true, .type = basic("float64")}}};
  TypeMapping m = map(type_decl("Number", set));
  EXPECT_EQ(m.code.rule, Rule::Constraint);
  EXPECT_EQ(text(m), "#[go(constraint)]\npub type Number\n");
}

TEST_F(TypeRules, AnUnexportedTypeIsOpaqueAndARepresentationWithoutFormToo) {
  TypeMapping hidden = map(type_decl("state", struct_type({field("N", basic("int"))})));
  EXPECT_EQ(hidden.code.rule, Rule::UnexportedType);
  EXPECT_EQ(hidden.status, BindStatus::Opaque);
  EXPECT_TRUE(lis::has_attribute(hidden.declaration.attributes, lis::AttributeKind::Unexported));

  // type Ptr *I: a pointer to an interface has no Lisette form; the name still does.
  TypeMapping ptr = map(type_decl("Ptr", pointer(local("I"))));
  EXPECT_EQ(ptr.code.text(), "opaque-pointer-to-interface");
  EXPECT_EQ(ptr.status, BindStatus::Opaque);
  EXPECT_EQ(ptr.declaration.form, lis::TypeForm::Opaque);
  EXPECT_FALSE(ptr.note.empty());
}

TEST_F(TypeRules, AFieldBindingExplainsItsType) {
  Binding b = field_binding("Holder", {.doc = {},
                                       .attributes = {},
                                       .name = "Ptr",
                                       .type = lis::option(lis::ref(lis::named("T"), true))});
  EXPECT_EQ(b.symbol, "Holder.Ptr");
  EXPECT_EQ(b.lisette, "pub Ptr: Option<mut Ref<T>>");
  EXPECT_EQ(b.code.rule, Rule::Struct);
  ASSERT_TRUE(b.field_type.has_value());
}

TEST_F(TypeRules, AStandInIsOpaqueUnexportedAndSaysWhatItStandsFor) {
  lis::TypeDecl t = stand_in_decl(
      types_, {.path = "example.com/m/internal/impl", .name = "Engine", .local = "impl_Engine"},
      nullptr);
  EXPECT_EQ(lis::print_type_decl(t),
            "/// Stands in for example.com/m/internal/impl.Engine, which lives in an internal "
            "package.\n#[go(unexported)]\npub type impl_Engine\n");
}

}  // namespace
}  // namespace lisbind::emit
