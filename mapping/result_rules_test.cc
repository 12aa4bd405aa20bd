// The result rules, one Go signature each: what the results become and which rule decided.
#include "mapping/result_rules.h"

#include <gtest/gtest.h>

#include "model/model_json.h"
#include "syntax/lisette_type.h"

namespace lisbind::emit {
namespace {

// Package example.com/r with one function per test, and the types its signatures name.
model::ApiModel api_with(const std::string& sig_json) {
  return model::parse_api_model(
      R"({"schema":1,"go_version":"go1.26","build":{"goos":"linux","goarch":"amd64"},"packages":[
        {"path":"example.com/r","name":"r","decls":[
          {"kind":"type","name":"Object","exported":true,"underlying":{"k":"interface","methods":[
            {"name":"GetName","sig":{"results":[{"type":{"k":"basic","name":"string"}}]}}]}},
          {"kind":"type","name":"T","exported":true,"underlying":{"k":"struct"}},
          {"kind":"func","name":"F","exported":true,"sig":)" +
      sig_json + "}]}]}");
}

struct Mapped {
  ResultMapping mapping;
  std::string text;
};

Mapped map(const std::string& sig_json, SignatureContext context) {
  model::ApiModel api = api_with(sig_json);
  TypeMapper types(api, "example.com/r",
                   [](const std::string&, const std::string& name, size_t) { return name; });
  ResultMapping r = map_results(types, api.packages[0].find_decl("F")->sig, context);
  return {.mapping = r, .text = lis::to_text(r.type)};
}

const char* kBool = R"({"k":"basic","name":"bool"})";
const char* kError = R"({"k":"named","name":"error"})";
const char* kObject = R"({"k":"named","pkg":"example.com/r","name":"Object"})";
const char* kPtrT = R"({"k":"pointer","elem":{"k":"named","pkg":"example.com/r","name":"T"}})";

std::string result(const std::string& name, const std::string& type) {
  return R"({"name":")" + name + R"(","type":)" + type + "}";
}

TEST(ResultRules, AHandledFlagBesideAValueAndAnErrorIsATupleNotAResult) {
  // func F() (handled bool, ret Object, err error): the fake clientset's ReactionFunc.
  Mapped m = map(R"({"results":[)" + result("handled", kBool) + "," + result("ret", kObject) + "," +
                     result("err", kError) + "]}",
                 {.function_name = "F", .is_callback = true});
  EXPECT_EQ(m.mapping.rule, Rule::FlagBesideError);
  EXPECT_EQ(m.mapping.shape, ResultShape::Tuple);
  EXPECT_EQ(m.text, "(bool, Option<Object>, Option<error>)");
}

TEST(ResultRules, APresenceFlagBesideAnErrorStaysAResult) {
  // func F() (val int64, found bool, err error): unstructured.NestedInt64.
  Mapped m = map(R"({"results":[)" + result("val", R"({"k":"basic","name":"int64"})") + "," +
                     result("found", kBool) + "," + result("err", kError) + "]}",
                 {.function_name = "F"});
  EXPECT_EQ(m.mapping.rule, Rule::ResultValueError);
  EXPECT_EQ(m.text, "Result<(int64, bool), error>");
}

TEST(ResultRules, AFactoryMethodNamedNewIsAConstructor) {
  // func (Factory) NewCounter() *T: promauto.Factory.NewCounterVec, no body evidence.
  Mapped m = map(R"({"results":[)" + result("", kPtrT) + "]}", {.function_name = "NewCounter",
                                                                .is_method = true,
                                                                .receiver_pkg = "example.com/r",
                                                                .receiver_name = "Factory"});
  EXPECT_EQ(m.mapping.rule, Rule::Constructor);
  EXPECT_EQ(m.text, "mut Ref<T>");
  Mapped find = map(R"({"results":[)" + result("", kPtrT) + "]}", {.function_name = "Find",
                                                                   .is_method = true,
                                                                   .receiver_pkg = "example.com/r",
                                                                   .receiver_name = "Factory"});
  EXPECT_EQ(find.mapping.rule, Rule::SingleResult);
  EXPECT_EQ(find.text, "Option<mut Ref<T>>");
}

TEST(ResultRules, CommaOkOnlyForAPresenceName) {
  Mapped ok = map(R"({"results":[)" + result("", kPtrT) + "," + result("ok", kBool) + "]}",
                  {.function_name = "F"});
  EXPECT_EQ(ok.mapping.shape, ResultShape::CommaOk);
  EXPECT_TRUE(ok.mapping.comma_ok);  // a nil-able T needs lis's hint
  Mapped flag = map(R"({"results":[)" + result("", kPtrT) + "," + result("shutdown", kBool) + "]}",
                    {.function_name = "F"});
  EXPECT_EQ(flag.mapping.rule, Rule::BoolNamedFlag);
  EXPECT_EQ(flag.mapping.shape, ResultShape::Tuple);
}

}  // namespace
}  // namespace lisbind::emit
