#include "mapping/method_sets.h"

#include <gtest/gtest.h>

namespace lisbind::emit {
namespace {

using model::TypeKind;
using model::TypePtr;
using model::TypeRef;

TypePtr basic(const std::string& name) {
  auto t = std::make_shared<TypeRef>();
  t->kind = TypeKind::Basic;
  t->name = name;
  return t;
}

TypePtr named(const std::string& pkg, const std::string& name, std::vector<TypePtr> args = {}) {
  auto t = std::make_shared<TypeRef>();
  t->kind = TypeKind::Named;
  t->pkg = pkg;
  t->name = name;
  t->args = std::move(args);
  return t;
}

TypePtr tparam(const std::string& name) {
  auto t = std::make_shared<TypeRef>();
  t->kind = TypeKind::TypeParam;
  t->name = name;
  return t;
}

TypePtr pointer(TypePtr elem) {
  auto t = std::make_shared<TypeRef>();
  t->kind = TypeKind::Pointer;
  t->elem = std::move(elem);
  return t;
}

model::Signature sig(std::vector<TypePtr> params, std::vector<TypePtr> results) {
  model::Signature s;
  for (auto& p : params) s.params.push_back({"", p});
  for (auto& r : results) s.results.push_back({"", r});
  return s;
}

model::Decl interface_decl(const std::string& name, std::vector<model::InterfaceMethod> methods,
                           std::vector<TypePtr> embeds = {},
                           std::vector<model::TypeParam> tparams = {}) {
  auto u = std::make_shared<TypeRef>();
  u->kind = TypeKind::Interface;
  u->methods = std::move(methods);
  u->embeds = std::move(embeds);
  model::Decl d;
  d.kind = model::DeclKind::Type;
  d.name = name;
  d.underlying = u;
  d.tparams = std::move(tparams);
  return d;
}

model::ApiModel api_with(std::vector<model::Decl> decls) {
  model::ApiModel api;
  model::Package p;
  p.path = "example.com/p";
  p.name = "p";
  std::sort(decls.begin(), decls.end(), [](auto& a, auto& b) { return a.name < b.name; });
  p.decls = std::move(decls);
  api.packages.push_back(std::move(p));
  return api;
}

TEST(MethodSets, FlatteningListsEmbeddedMethodsWithTypeArgumentsSubstituted) {
  // type Getter[T any] interface { Get() (T, error) }
  // type Store interface { Getter[string]; error; Close() error }
  auto getter =
      interface_decl("Getter", {{"Get", sig({}, {tparam("T"), named("", "error")}), "Get gets."}},
                     {}, {{"T", nullptr}});
  auto store =
      interface_decl("Store", {{"Close", sig({}, {named("", "error")}), ""}},
                     {named("example.com/p", "Getter", {basic("string")}), named("", "error")});
  model::ApiModel api = api_with({getter, store});
  const model::Decl* d = api.packages[0].find_decl("Store");
  FlatInterface flat = flatten_interface(api, *d->underlying, "example.com/p", "Store");
  ASSERT_EQ(flat.methods.size(), 3u);
  EXPECT_EQ(flat.methods[0].name, "Close");
  EXPECT_EQ(flat.methods[1].name, "Error");
  EXPECT_EQ(flat.methods[2].name, "Get");
  EXPECT_EQ(flat.methods[2].declaring_interface, "Getter");
  EXPECT_EQ(flat.methods[2].doc, "Get gets.");
  ASSERT_EQ(flat.methods[2].sig.results.size(), 2u);
  EXPECT_EQ(flat.methods[2].sig.results[0].type->kind, TypeKind::Basic);
  EXPECT_EQ(flat.methods[2].sig.results[0].type->name, "string");
  EXPECT_TRUE(flat.unresolved_embeds.empty());
}

TEST(MethodSets, AnEmbedOutsideTheModelStaysAnEmbed) {
  auto i = interface_decl("I", {}, {named("example.com/elsewhere", "J")});
  model::ApiModel api = api_with({i});
  FlatInterface flat =
      flatten_interface(api, *api.packages[0].find_decl("I")->underlying, "example.com/p", "I");
  EXPECT_TRUE(flat.methods.empty());
  ASSERT_EQ(flat.unresolved_embeds.size(), 1u);
}

TEST(MethodSets, IdentityIgnoresByteSpellingAndAliasesButNotTypes) {
  EXPECT_TRUE(identical(basic("byte"), basic("uint8")));
  EXPECT_FALSE(identical(basic("int"), basic("int64")));
  auto alias = std::make_shared<TypeRef>();
  alias->kind = TypeKind::Alias;
  alias->name = "A";
  alias->target = named("example.com/p", "T");
  EXPECT_TRUE(identical(alias, named("example.com/p", "T")));
  EXPECT_FALSE(identical(pointer(named("example.com/p", "T")), named("example.com/p", "T")));
}

TEST(MethodSets, APointerReceiverTypeImplementsAnInterfaceAndItsMethodIsFound) {
  // type Object interface { DeepCopyObject() Object }; func (*Pod) DeepCopyObject() Object
  auto object = interface_decl(
      "Object", {{"DeepCopyObject", sig({}, {named("example.com/p", "Object")}), ""}});
  model::Decl pod;
  pod.kind = model::DeclKind::Type;
  pod.name = "Pod";
  auto fields = std::make_shared<TypeRef>();
  fields->kind = TypeKind::Struct;
  pod.underlying = fields;
  model::Method deep_copy;
  deep_copy.name = "DeepCopyObject";
  deep_copy.pointer_receiver = true;
  deep_copy.sig = sig({}, {named("example.com/p", "Object")});
  pod.methods.push_back(deep_copy);
  model::Decl other = pod;
  other.name = "Other";
  other.methods[0].sig = sig({}, {pointer(named("example.com/p", "Other"))});  // different result
  model::ApiModel api = api_with({object, pod, other});
  ImplementsIndex index(api);
  const ImplementedMethod* m = index.implemented("example.com/p", "Pod", "DeepCopyObject");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->interface_name, "Object");
  EXPECT_EQ(index.implemented("example.com/p", "Other", "DeepCopyObject"), nullptr);
}

TEST(MethodSets, SubstitutionLeavesTypesWithoutParametersShared) {
  auto t = pointer(named("example.com/p", "T"));
  EXPECT_EQ(substitute(t, {{"X", basic("int")}}), t);
  auto g = pointer(tparam("X"));
  TypePtr s = substitute(g, {{"X", basic("int")}});
  ASSERT_NE(s, g);
  EXPECT_EQ(s->elem->name, "int");
}

}  // namespace
}  // namespace lisbind::emit
