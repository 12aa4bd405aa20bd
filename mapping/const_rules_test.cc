// The constant and variable rules: a Go declaration in, the Lisette declaration and the rule out.
#include "mapping/const_rules.h"

#include <gtest/gtest.h>

#include "mapping/rule_test_support.h"

namespace lisbind::emit {
namespace {

using namespace rule_test;

// A constant's value as the Go helper reports it: the exact value, the nearest float64 for
// floats, and the literal as the source wrote it.
model::ConstValue int_value(const std::string& exact, const std::string& literal = "") {
  return {.kind = "int", .exact = exact, .float_text = "", .literal = literal};
}
model::ConstValue float_value(const std::string& exact, const std::string& float_text,
                              const std::string& literal = "") {
  return {.kind = "float", .exact = exact, .float_text = float_text, .literal = literal};
}
model::ConstValue other_value(const std::string& kind, const std::string& exact) {
  return {.kind = kind, .exact = exact, .float_text = "", .literal = ""};
}

model::Decl constant(const std::string& name, model::TypePtr type, bool untyped,
                     model::ConstValue value) {
  model::Decl d;
  d.kind = model::DeclKind::Const;
  d.name = name;
  d.type = std::move(type);
  d.untyped = untyped;
  d.value = std::move(value);
  return d;
}

std::string type_text(const lis::Const& c) { return c.type ? lis::to_text(*c.type) : "(none)"; }

class ConstRules : public ::testing::Test {
 protected:
  model::ApiModel api_ = api_with();
  TypeMapper types_ = bare_names(api_);
};

TEST_F(ConstRules, AnUntypedIntConstBeyondInt64BecomesUint64) {
  // const MaxUint64 = 1<<64 - 1
  ConstMapping m = map_const(
      types_, constant("MaxUint64", basic("untyped int"), true, int_value("18446744073709551615")));
  EXPECT_EQ(m.rule, Rule::ConstUntyped);
  EXPECT_EQ(type_text(m.declaration), "uint64");
  EXPECT_EQ(m.declaration.value, "18446744073709551615");
  // Within int64 lis infers int by itself: no type.
  ConstMapping small = map_const(
      types_, constant("Small", basic("untyped int"), true, int_value("9223372036854775807")));
  EXPECT_FALSE(small.declaration.type.has_value());
}

TEST_F(ConstRules, AnIntBeyond64BitsIsValuelessAsAFloat64) {
  // const Huge = 1 << 100: usable in Go only as a float, and no Lisette literal writes it.
  ConstMapping m = map_const(types_, constant("Huge", basic("untyped int"), true,
                                              int_value("1267650600228229401496703205376")));
  EXPECT_EQ(m.rule, Rule::ConstValueless);
  EXPECT_EQ(type_text(m.declaration), "float64");
  EXPECT_EQ(m.declaration.value, "");
  EXPECT_EQ(m.note, "the constant 1267650600228229401496703205376 does not fit in 64 bits");
}

TEST_F(ConstRules, ATypedConstStatesItsTypeExceptPlainInt) {
  ConstMapping plain = map_const(types_, constant("N", basic("int"), false, int_value("3", "3")));
  EXPECT_EQ(plain.rule, Rule::ConstTyped);
  EXPECT_FALSE(plain.declaration.type.has_value());
  ConstMapping sized =
      map_const(types_, constant("Mode", basic("uint32"), false, int_value("493", "0755")));
  EXPECT_EQ(type_text(sized.declaration), "uint32");
  EXPECT_EQ(sized.declaration.value, "0o755");
}

TEST_F(ConstRules, AFloat32ConstIsWrittenAsTheSourceSaysIt) {
  // go/types hands 0.1 rounded to float32 precision, printed as a float64.
  ConstMapping m =
      map_const(types_, constant("Ratio", basic("float32"), false,
                                 float_value("13421773/134217728", "0.10000000149011612")));
  EXPECT_EQ(m.declaration.value, "0.1");
  EXPECT_EQ(type_text(m.declaration), "float32");
}

TEST_F(ConstRules, AValuelessTypedConstKeepsItsOwnType) {
  ConstMapping m = map_const(
      types_, constant("I", basic("complex128"), false, other_value("complex", "(0 + 1i)")));
  EXPECT_EQ(m.rule, Rule::ConstValueless);
  EXPECT_EQ(type_text(m.declaration), "complex128");
  EXPECT_EQ(m.declaration.value, "");
}

TEST_F(ConstRules, AVariableIsInitialisedByItsPackageSoNotOption) {
  model::Decl d;
  d.kind = model::DeclKind::Var;
  d.name = "Default";
  d.type = pointer(local("T"));
  d.doc = "Default is the shared T.\n";
  lis::Var v = map_var(types_, d);
  EXPECT_EQ(v.name, "Default");
  EXPECT_EQ(lis::to_text(v.type), "mut Ref<T>");
  EXPECT_EQ(v.doc, std::vector<std::string>{"Default is the shared T."});
}

TEST(ConstLiteral, EveryKind) {
  EXPECT_EQ(const_literal(int_value("-42")), "-42");
  EXPECT_EQ(const_literal(int_value("18446744073709551615")), "18446744073709551615");
  EXPECT_THROW(const_literal(int_value("18446744073709551616")), Unmappable);
  EXPECT_EQ(const_literal(float_value("5/2", "2.5")), "2.5");
  EXPECT_EQ(const_literal(float_value("1000000", "1e+06")), "1e+06");
  EXPECT_EQ(const_literal(float_value("3", "3")), "3.0");
  EXPECT_EQ(const_literal(other_value("bool", "true")), "true");
  // The author's form is kept where Lisette can write it.
  EXPECT_EQ(const_literal(int_value("769", "0x0301")), "0x0301");
  EXPECT_EQ(const_literal(int_value("493", "0755")), "0o755");
  EXPECT_EQ(const_literal(int_value("-16", "-0X10")), "-0x10");
  EXPECT_EQ(const_literal(int_value("1000000", "1e6")), "1000000");  // a float literal for an int
  EXPECT_EQ(const_literal(float_value("1/2", "0.5", ".5")), "0.5");
  EXPECT_EQ(const_literal(float_value("5", "5", "5.")), "5.0");
  EXPECT_EQ(const_literal(float_value("1/4", "0.25", "0x1p-2")), "0.25");
  EXPECT_THROW(const_literal(other_value("complex", "(1 + 2i)")), Unmappable);
  EXPECT_EQ(lisette_string_literal(R"("tab\there \"q\" \u00e9 \U0001f600 \x00")"),
            R"("tab\there \"q\" \u{00e9} \U0001f600 \x00")");
}

TEST(UntypedConstType, GoDefaultTypesAndUint64BeyondInt64) {
  auto type_of = [](const std::string& kind, const std::string& exact) {
    model::ConstValue v;
    v.kind = kind;
    v.exact = exact;
    auto t = untyped_const_type(v);
    return t ? lis::to_text(*t) : std::string("none");
  };
  EXPECT_EQ(type_of("int", "9223372036854775807"), "int");
  EXPECT_EQ(type_of("int", "18446744073709551615"), "uint64");  // math.MaxUint64, crc64.ECMA
  EXPECT_EQ(type_of("float", "1.5"), "float64");
  EXPECT_EQ(type_of("string", "\"a\""), "string");
  EXPECT_EQ(type_of("complex", "(1 + 2i)"), "none");
}

}  // namespace
}  // namespace lisbind::emit
