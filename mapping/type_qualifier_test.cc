// The type qualifier: how a typedef writes references to its own types, imported types, prelude
// look-alikes and types of internal packages.
#include "mapping/type_qualifier.h"

#include <gtest/gtest.h>

#include "mapping/rule_test_support.h"

namespace lisbind::emit {
namespace {

using namespace rule_test;

model::Package package(const std::string& path, const std::string& name, bool internal,
                       std::vector<model::Decl> decls = {}) {
  model::Package p;
  p.path = path;
  p.name = name;
  p.internal = internal;
  p.decls = std::move(decls);
  return p;
}

class TypeQualifierTest : public ::testing::Test {
 protected:
  TypeQualifierTest() {
    // Package p declares impl_Engine itself, so the stand-in for impl.Engine must step aside.
    api_.packages = {
        package("example.com/m/internal/impl", "impl", true),
        package("example.com/m/p", "p", false,
                {type_decl("impl_Engine", struct_type({})), type_decl("Pod", struct_type({}))}),
        package("example.com/m/q", "q", false),
    };
  }
  model::ApiModel api_;
};

TEST_F(TypeQualifierTest, OwnTypesAreBareUnlessAPreludeTypeHasTheirNameAndArity) {
  TypeQualifier q(api_, api_.packages[1]);
  EXPECT_EQ(q.qualify("example.com/m/p", "Pod", 0), "Pod");
  EXPECT_EQ(q.qualify("example.com/m/p", "Option", 1), "p.Option");
  EXPECT_EQ(q.qualify("example.com/m/p", "Option", 2), "Option");
  EXPECT_EQ(q.own_name("Array", 0), "p.Array");  // lis reads Array as the prelude's at any arity
  EXPECT_TRUE(q.imports().empty());
}

TEST_F(TypeQualifierTest, AnotherPackagesTypeGoesThroughItsImport) {
  TypeQualifier q(api_, api_.packages[1]);
  EXPECT_EQ(q.qualify("example.com/m/q", "T", 0), "q.T");
  auto imports = q.imports();
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].path, "example.com/m/q");
  EXPECT_EQ(imports[0].alias, "");
}

TEST_F(TypeQualifierTest, AnInternalTypeBecomesOneLocalStandIn) {
  TypeQualifier q(api_, api_.packages[1]);
  EXPECT_EQ(q.qualify("example.com/m/internal/impl", "Engine", 0), "impl_Engine_");
  EXPECT_EQ(q.qualify("example.com/m/internal/impl", "Engine", 0), "impl_Engine_");
  // A path the model lacks is internal by its shape.
  EXPECT_EQ(q.qualify("example.com/x/internal", "Conn", 0), "internal_Conn");
  ASSERT_EQ(q.stand_ins().size(), 2u);
  EXPECT_EQ(q.stand_ins()[0].path, "example.com/m/internal/impl");
  EXPECT_EQ(q.stand_ins()[0].name, "Engine");
  EXPECT_EQ(q.stand_ins()[0].local, "impl_Engine_");
  EXPECT_TRUE(q.imports().empty());  // lis refuses internal imports
}

TEST_F(TypeQualifierTest, ReservedNamesAndPreludeShadowsAreUnmappable) {
  TypeQualifier q(api_, api_.packages[1]);
  try {
    q.qualify("example.com/m/q", "Self", 0);
    FAIL();
  } catch (const Unmappable& e) {
    EXPECT_EQ(e.code, Rule::ReservedName);
  }
  try {
    q.qualify("example.com/m/q", "Unknown", 0);
    FAIL();
  } catch (const Unmappable& e) {
    EXPECT_EQ(e.code, Rule::ShadowsPreludeType);
  }
  EXPECT_EQ(q.qualify("example.com/m/q", "Unknown", 1), "q.Unknown");
}

TEST(UndeclarableType, ReservedAndPreludeShadowingNames) {
  EXPECT_EQ(undeclarable_type(type_decl("Self", struct_type({})))->code, Rule::ReservedName);
  model::Decl never = type_decl("Never", struct_type({}));
  EXPECT_EQ(undeclarable_type(never)->code, Rule::ShadowsPreludeType);
  never.tparams = {{.name = "T", .constraint = nullptr}};
  EXPECT_FALSE(undeclarable_type(never).has_value());  // a generic Never is not the prelude's
  EXPECT_FALSE(undeclarable_type(type_decl("Pod", struct_type({}))).has_value());
}

}  // namespace
}  // namespace lisbind::emit
