#include "verify/type_arguments.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace lisbind::verify {
namespace {

using model::TypeKind;
using model::TypePtr;

TypePtr ref(model::TypeRef t) { return std::make_shared<const model::TypeRef>(std::move(t)); }
model::TypeRef of_kind(TypeKind kind, const std::string& name = "", const std::string& pkg = "") {
  model::TypeRef t;
  t.kind = kind;
  t.name = name;
  t.pkg = pkg;
  return t;
}
TypePtr basic(const std::string& name) { return ref(of_kind(TypeKind::Basic, name)); }
TypePtr tparam(const std::string& name) { return ref(of_kind(TypeKind::TypeParam, name)); }
TypePtr named(const std::string& pkg, const std::string& name) {
  return ref(of_kind(TypeKind::Named, name, pkg));
}
TypePtr slice_of(TypePtr elem) {
  model::TypeRef s = of_kind(TypeKind::Slice);
  s.elem = std::move(elem);
  return ref(std::move(s));
}
TypePtr type_set(std::vector<TypePtr> terms) {
  model::TypeRef i = of_kind(TypeKind::Interface);
  std::vector<model::UnionTerm> union_terms;
  for (auto& t : terms) union_terms.push_back({.tilde = true, .type = t});
  i.unions.push_back(union_terms);
  return ref(std::move(i));
}

// Declares type `name` = `underlying` in package `path` of `api`, adding the package if needed.
void declare(model::ApiModel& api, const std::string& path, const std::string& name,
             model::TypePtr underlying) {
  auto p = std::find_if(api.packages.begin(), api.packages.end(),
                        [&](const model::Package& q) { return q.path == path; });
  if (p == api.packages.end()) {
    api.packages.emplace_back();
    p = api.packages.end() - 1;
    p->path = path;
  }
  model::Decl d;
  d.kind = model::DeclKind::Type;
  d.name = name;
  d.underlying = std::move(underlying);
  p->decls.push_back(std::move(d));
}

std::string text(const TypeArguments& a, const std::string& param) {
  return lis::to_text(a.by_param.at(param));
}

TEST(TypeArguments, AnyAndComparableTakeInt) {
  model::ApiModel api;
  auto a = choose_type_arguments(
      api, {{"T", named("", "any")}, {"K", named("", "comparable")}, {"U", nullptr}});
  ASSERT_EQ(a.unsupported, "");
  EXPECT_EQ(text(a, "T"), "int");
  EXPECT_EQ(text(a, "K"), "int");
  EXPECT_EQ(text(a, "U"), "int");
}

TEST(TypeArguments, TheErrorConstraintTakesErrorItself) {
  model::ApiModel api;
  auto a = choose_type_arguments(api, {{"T", named("", "error")}});
  ASSERT_EQ(a.unsupported, "");
  EXPECT_EQ(text(a, "T"), "error");
}

TEST(TypeArguments, ATypeSetTakesItsFirstTermThroughANamedConstraint) {
  model::ApiModel api;
  declare(api, "example.com/g", "Number", type_set({basic("float64"), basic("int")}));
  auto a = choose_type_arguments(api, {{"T", named("example.com/g", "Number")}});
  ASSERT_EQ(a.unsupported, "");
  EXPECT_EQ(text(a, "T"), "float64");
}

TEST(TypeArguments, ATermThatIsItselfATypeSetTakesItsFirstTerm) {
  // constraints.Integer = Signed | Unsigned; Signed = ~int | ~int8 ...
  model::ApiModel api;
  const std::string path = "example.com/constraints";
  declare(api, path, "Signed", type_set({basic("int"), basic("int8")}));
  declare(api, path, "Integer", type_set({named(path, "Signed"), named(path, "Unsigned")}));
  auto a = choose_type_arguments(api, {{"T", named(path, "Integer")}});
  ASSERT_EQ(a.unsupported, "");
  EXPECT_EQ(text(a, "T"), "int");
}

TEST(TypeArguments, ACoreTypeUsesTheArgumentOfTheParameterItNames) {
  model::ApiModel api;
  auto slice_of_e = slice_of(tparam("E"));
  // S comes first and waits for E.
  auto a = choose_type_arguments(
      api, {{"S", type_set({slice_of_e})}, {"E", named("", "any")}, {"R", named("", "any")}});
  ASSERT_EQ(a.unsupported, "");
  EXPECT_EQ(text(a, "S"), "Slice<int>");
  EXPECT_EQ(text(a, "E"), "int");
}

TEST(TypeArguments, AConstraintWithMethodsOrUnknownIsUnsupported) {
  model::ApiModel api;
  model::TypeRef with_method = of_kind(TypeKind::Interface);
  model::InterfaceMethod string_method;
  string_method.name = "String";
  with_method.methods.push_back(string_method);
  auto a = choose_type_arguments(api, {{"T", ref(with_method)}});
  EXPECT_NE(a.unsupported.find("constraint with methods"), std::string::npos);
  EXPECT_TRUE(a.by_param.empty());
  auto b = choose_type_arguments(api, {{"T", named("example.com/missing", "C")}});
  EXPECT_NE(b.unsupported.find("does not declare"), std::string::npos);
}

TEST(TypeArguments, ACycleIsUnsupportedNotALoop) {
  model::ApiModel api;
  auto a = choose_type_arguments(
      api, {{"A", type_set({slice_of(tparam("B"))})}, {"B", type_set({slice_of(tparam("A"))})}});
  EXPECT_NE(a.unsupported.find("cycle"), std::string::npos);
}

TEST(TypeArguments, SubstituteReplacesEveryTypeParameterNode) {
  lis::Type f =
      lis::fn({lis::type_param("S"), lis::fn({lis::type_param("E")}, lis::type_param("R"))},
              lis::slice(lis::type_param("R"), true));
  lis::Type g = substitute(f, {{"S", lis::slice(lis::basic("int"), false)},
                               {"E", lis::basic("int")},
                               {"R", lis::basic("string")}});
  EXPECT_EQ(lis::to_text(g), "fn(Slice<int>, fn(int) -> string) -> mut Slice<string>");
}

}  // namespace
}  // namespace lisbind::verify
