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

}  // namespace
}  // namespace lisbind::emit
