#include "migrate/api_diff.h"

#include <gtest/gtest.h>

#include "model/model_json.h"

namespace lisbind::migrate {
namespace {

const std::string kInt = R"({"k":"basic","name":"int"})";
const std::string kBool = R"({"k":"basic","name":"bool"})";
const std::string kError = R"({"k":"named","name":"error"})";
const std::string kPrice = R"({"k":"named","pkg":"example.com/shop/pricing","name":"Price"})";

std::string func(const std::string& name, const std::string& params, const std::string& results) {
  return R"({"kind":"func","name":")" + name + R"(","exported":true,"sig":{"params":[)" + params +
         R"(],"results":[)" + results + "]}}";
}
std::string p(const std::string& t) { return R"({"type":)" + t + "}"; }

// One package example.com/shop/pricing holding `decls` (a JSON list body), as the helper writes it.
model::ApiModel api(const std::string& decls, const std::string& name = "pricing") {
  return model::parse_api_model(
      R"({"schema":1,"go_version":"go1.26","build":{"goos":"linux","goarch":"amd64"},
    "packages":[{"path":"example.com/shop/pricing","name":")" +
      name + R"(","decls":[)" + decls + "]}]}");
}

const std::string kPriceType =
    R"({"kind":"type","name":"Price","exported":true,"underlying":{"k":"struct","fields":[
    {"name":"Cents","type":{"k":"basic","name":"int"},"exported":true}]}})";
const std::string kDiscount =
    R"({"kind":"type","name":"Discount","exported":true,"underlying":{"k":"interface",
    "methods":[{"name":"Apply","sig":{"params":[{"type":)" +
    kPrice + R"(}],"results":[{"type":)" + kPrice + R"(}]}}]}})";
std::string percent(bool with_apply, bool pointer = false) {
  std::string m = with_apply ? R"(,"methods":[{"name":"Apply",)" +
                                   std::string(pointer ? R"("ptr":true,)" : "") +
                                   R"("sig":{"params":[{"type":)" + kPrice +
                                   R"(}],"results":[{"type":)" + kPrice + "}]}}]"
                             : "";
  return R"({"kind":"type","name":"Percent","exported":true,"underlying":{"k":"struct","fields":[
    {"name":"Off","type":{"k":"basic","name":"int"},"exported":true}]})" +
         m + "}";
}

std::vector<Incompatibility> diff(const model::ApiModel& a, const model::ApiModel& b) {
  return compare_apis(a, a.packages[0], b, b.packages[0]);
}

const std::string kOriginal = func("Cheapest", p(kInt), p(kPrice) + "," + p(kBool)) + "," +
                              func("Total", p(kInt), p(kPrice) + "," + p(kError)) + "," +
                              kDiscount + "," + percent(true) + "," + kPriceType;

TEST(ApiDiff, AFaithfulRewriteHasNoIncompatibility) {
  model::ApiModel a = api(kOriginal);
  model::ApiModel b = api(kOriginal + "," + func("Extra", "", ""));  // additions are compatible
  EXPECT_TRUE(diff(a, b).empty());
}

TEST(ApiDiff, EachKindOfBreakIsFoundWithBothDeclarations) {
  model::ApiModel a = api(kOriginal);
  // Cheapest returns (Price, error); Total takes a bool; Percent lost Apply; Price lost Cents.
  model::ApiModel b = api(
      func("Cheapest", p(kInt), p(kPrice) + "," + p(kError)) + "," +
      func("Total", p(kBool), p(kPrice) + "," + p(kError)) + "," + kDiscount + "," +
      percent(false) +
      R"(,{"kind":"type","name":"Price","exported":true,"underlying":{"k":"struct","fields":[]}})");
  auto found = diff(a, b);
  std::map<std::string, const Incompatibility*> by;
  for (const auto& i : found) by[i.symbol] = &i;
  ASSERT_TRUE(by.contains("Cheapest"));
  EXPECT_EQ(by["Cheapest"]->kind, ChangeKind::ResultsChanged);
  EXPECT_EQ(by["Cheapest"]->old_decl, "func Cheapest(int) (example.com/shop/pricing.Price, bool)");
  EXPECT_EQ(by["Cheapest"]->new_decl, "func Cheapest(int) (example.com/shop/pricing.Price, error)");
  ASSERT_TRUE(by.contains("Total"));
  EXPECT_EQ(by["Total"]->kind, ChangeKind::ParametersChanged);
  ASSERT_TRUE(by.contains("Percent.Apply"));
  EXPECT_EQ(by["Percent.Apply"]->kind, ChangeKind::MethodRemoved);
  ASSERT_TRUE(by.contains("Price.Cents"));
  EXPECT_EQ(by["Price.Cents"]->kind, ChangeKind::FieldRemoved);
  EXPECT_EQ(found.size(), 4u);
}

TEST(ApiDiff, ARemovedFunctionAndAVariableLisetteCannotDeclare) {
  model::ApiModel a =
      api(kOriginal + R"(,{"kind":"var","name":"Default","exported":true,"type":)" + kPrice + "}");
  model::ApiModel b = api(func("Total", p(kInt), p(kPrice) + "," + p(kError)) + "," + kDiscount +
                          "," + percent(true) + "," + kPriceType);
  auto found = diff(a, b);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].symbol, "Cheapest");
  EXPECT_EQ(found[0].kind, ChangeKind::Removed);
  EXPECT_EQ(found[1].symbol, "Default");
  EXPECT_EQ(found[1].kind, ChangeKind::NoPackageVariables);
}

TEST(ApiDiff, APointerReceiverWhereGoHadAValueOneLosesTheInterface) {
  model::ApiModel a = api(kOriginal);
  model::ApiModel b = api(func("Cheapest", p(kInt), p(kPrice) + "," + p(kBool)) + "," +
                          func("Total", p(kInt), p(kPrice) + "," + p(kError)) + "," + kDiscount +
                          "," + percent(true, true) + "," + kPriceType);
  auto found = diff(a, b);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, ChangeKind::ReceiverNarrowed);
  EXPECT_EQ(found[0].symbol, "Percent.Apply");
}

TEST(ApiDiff, AnInterfaceThatGainsAMethodBreaksItsImplementers) {
  model::ApiModel a = api(kDiscount);
  model::ApiModel b =
      api(R"({"kind":"type","name":"Discount","exported":true,"underlying":{"k":"interface",
    "methods":[{"name":"Apply","sig":{"params":[{"type":)" +
          kPrice + R"(}],"results":[{"type":)" + kPrice + R"(}]}},
               {"name":"Name","sig":{"results":[{"type":{"k":"basic","name":"string"}}]}}]}})");
  auto found = diff(a, b);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, ChangeKind::InterfaceChanged);
  EXPECT_EQ(found[0].symbol, "Discount.Name");
}

TEST(ApiDiff, ThePackageNameMatters) {
  auto found = diff(api(kPriceType), api(kPriceType, "main"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, ChangeKind::PackageName);
}

}  // namespace
}  // namespace lisbind::migrate
