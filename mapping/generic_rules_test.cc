// The generic rules: Go type parameters with their constraints in, Lisette bounds out.
#include "mapping/generic_rules.h"

#include <gtest/gtest.h>

#include "mapping/rule_test_support.h"

namespace lisbind::emit {
namespace {

using namespace rule_test;

std::string bounds_text(const lis::Generic& g) {
  std::string text = g.name;
  for (size_t i = 0; i < g.bounds.size(); ++i)
    text += (i ? " + " : ": ") + lis::to_text(g.bounds[i]);
  return text;
}

class GenericRules : public ::testing::Test {
 protected:
  model::ApiModel api_ = api_with({type_decl("Number", interface_type())});
  TypeMapper types_ = bare_names(api_);
};

TEST_F(GenericRules, ComparableAndAnyNeedNoTypeSet) {
  // [K comparable, V any]
  GenericsMapping m = map_type_params(types_, {{.name = "K", .constraint = named("", "comparable")},
                                               {.name = "V", .constraint = interface_type()}});
  ASSERT_EQ(m.generics.size(), 2u);
  EXPECT_EQ(bounds_text(m.generics[0]), "K: Comparable");
  EXPECT_EQ(bounds_text(m.generics[1]), "V");
  EXPECT_EQ(m.note, "");
}

TEST_F(GenericRules, AnInlineTypeSetHasNoBoundAndSaysSo) {
  // [T ~int | ~string]
  auto set = std::make_shared<model::TypeRef>(*interface_type());
  set->unions = {{{.tilde = true, .type = basic("int")}, {.tilde = true, .type = basic("string")}}};
  GenericsMapping m = map_type_params(types_, {{.name = "T", .constraint = set}});
  EXPECT_EQ(bounds_text(m.generics[0]), "T");
  EXPECT_EQ(m.note, "inline constraint with a type set or methods has no Lisette bound");
}

TEST_F(GenericRules, ANamedConstraintAndEmbeddedComparableAreBounds) {
  // [N Number], and [E interface{ comparable; Number }]
  auto both = std::make_shared<model::TypeRef>(*interface_type({}, {local("Number")}));
  both->comparable = true;
  GenericsMapping m = map_type_params(
      types_, {{.name = "N", .constraint = local("Number")}, {.name = "E", .constraint = both}});
  EXPECT_EQ(bounds_text(m.generics[0]), "N: Number");
  EXPECT_EQ(bounds_text(m.generics[1]), "E: Comparable + Number");
}

model::TypePtr tparam(const std::string& name) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::TypeParam;
  t->name = name;
  return t;
}

model::TypePtr map_of(model::TypePtr key, model::TypePtr value) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Map;
  t->key = std::move(key);
  t->elem = std::move(value);
  return t;
}

// interface{ ~T }: a constraint with one term.
model::TypePtr exactly(model::TypePtr term) {
  auto set = std::make_shared<model::TypeRef>(*interface_type());
  set->unions = {{{.tilde = true, .type = std::move(term)}}};
  return set;
}

TEST_F(GenericRules, AMapTypeParameterIsCollapsedIntoTheMapSoEveryArgumentIsInferable) {
  // func Keys[M ~map[K]V, K comparable, V any](m M) []K
  model::Signature sig = signature({param("m", tparam("M"))}, {slice(tparam("K"))});
  CollapsedSignature c = collapse_core_type_params(
      types_, sig,
      {{.name = "M", .constraint = exactly(map_of(tparam("K"), tparam("V")))},
       {.name = "K", .constraint = named("", "comparable")},
       {.name = "V", .constraint = interface_type()}});
  EXPECT_EQ(c.recipe, "Map<K, V>, K, V");
  EXPECT_EQ(c.note, "collapsed-type-params: M = Map<K, V>");
  ASSERT_EQ(c.tparams.size(), 2u);
  EXPECT_EQ(c.tparams[0].name, "K");
  ASSERT_EQ(c.sig.params[0].type->kind, model::TypeKind::Map);
  EXPECT_EQ(c.sig.params[0].type->elem->name, "V");
  EXPECT_EQ(c.sig.results[0].type->kind, model::TypeKind::Slice);  // []K is left alone
}

TEST_F(GenericRules, ACollapsedParameterIsReplacedInsideAStructLiteralToo) {
  // func Each[S ~[]E, E any](in struct{ Items S })
  auto literal = std::make_shared<model::TypeRef>(*struct_type({field("Items", tparam("S"))}));
  CollapsedSignature c =
      collapse_core_type_params(types_, signature({param("in", literal)}, {}),
                                {{.name = "S", .constraint = exactly(slice(tparam("E")))},
                                 {.name = "E", .constraint = interface_type()}});
  ASSERT_EQ(c.recipe, "Slice<E>, E");
  EXPECT_EQ(c.sig.params[0].type->fields[0].type->kind, model::TypeKind::Slice);
}

TEST_F(GenericRules, ASliceParameterOthersConstrainOrATypeSetOfSeveralStays) {
  // [S ~[]E, E any, T interface{ ~[]S }]: S is named by T's constraint, so nothing collapses
  // but T; [N ~int | ~float64] is not one collection type.
  model::Signature sig = signature({param("s", tparam("S"))}, {});
  CollapsedSignature kept =
      collapse_core_type_params(types_, sig,
                                {{.name = "S", .constraint = exactly(slice(tparam("E")))},
                                 {.name = "E", .constraint = interface_type()},
                                 {.name = "T", .constraint = exactly(slice(tparam("S")))}});
  EXPECT_EQ(kept.recipe, "S, E, Slice<S>");
  ASSERT_EQ(kept.tparams.size(), 2u);
  EXPECT_EQ(kept.sig.params[0].type->kind, model::TypeKind::TypeParam);
  auto numbers = std::make_shared<model::TypeRef>(*interface_type());
  numbers->unions = {
      {{.tilde = true, .type = basic("int")}, {.tilde = true, .type = basic("float64")}}};
  CollapsedSignature none =
      collapse_core_type_params(types_, sig, {{.name = "N", .constraint = numbers}});
  EXPECT_EQ(none.recipe, "");
  EXPECT_EQ(none.note, "");
  EXPECT_EQ(none.tparams.size(), 1u);
}

}  // namespace
}  // namespace lisbind::emit
