#include "mapping/package_mapper.h"

#include <gtest/gtest.h>

#include "mapping/type_mapper.h"
#include "model/model_json.h"
#include "syntax/printer.h"

namespace lisbind::emit {
namespace {

// Small JSON builders keep each case readable: the Go signature is in the test name.
std::string basic(const char* n) { return std::string(R"({"k":"basic","name":")") + n + "\"}"; }
std::string named(const char* pkg, const char* n) {
  return std::string(R"({"k":"named","pkg":")") + pkg + R"(","name":")" + n + "\"}";
}
const std::string kError = R"({"k":"named","name":"error"})";
std::string ptr(const std::string& t) { return R"({"k":"pointer","elem":)" + t + "}"; }
std::string slice(const std::string& t) { return R"({"k":"slice","elem":)" + t + "}"; }
std::string param(const char* name, const std::string& t) {
  return std::string(R"({"name":")") + name + R"(","type":)" + t + "}";
}
std::string result(const std::string& t) { return R"({"type":)" + t + "}"; }
std::string func(const char* name, const std::string& params, const std::string& results,
                 bool variadic = false, const std::string& facts = {}) {
  return std::string(R"({"kind":"func","name":")") + name +
         R"(","exported":true,"sig":{"params":[)" + params + R"(],"results":[)" + results + "]" +
         (variadic ? R"(,"variadic":true)" : "") + "}" +
         (facts.empty() ? "" : R"(,"facts":)" + facts) + "}";
}

class MapperTest : public ::testing::Test {
 protected:
  // Maps package example.com/m/p whose decls are given, next to a package q with a struct T and
  // an interface I, and an internal package.
  std::string map(const std::string& decls, MappedPackage* out = nullptr) {
    std::string doc =
        R"({"schema":1,"go_version":"go1.26.8","build":{"goos":"linux","goarch":"amd64"},
      "packages":[
        {"path":"example.com/m/internal/impl","name":"impl","internal":true,"decls":[
          {"kind":"type","name":"Engine","exported":true,"underlying":{"k":"struct"},
           "methods":[{"name":"Start","ptr":true,"sig":{}}]}]},
        {"path":"example.com/m/p","name":"p","root":true,"module":{"path":"example.com/m","version":"v1.0.0"},
         "decls":[)" +
        decls + R"(]},
        {"path":"example.com/m/q","name":"q","decls":[
          {"kind":"type","name":"I","exported":true,"underlying":{"k":"interface"}},
          {"kind":"type","name":"T","exported":true,"underlying":{"k":"struct","fields":[
            {"name":"A","type":{"k":"basic","name":"int"},"exported":true}]}}]}]})";
    model_ = model::parse_api_model(doc);
    MappedPackage mapped = map_package(model_, model_.packages[1],
                                       {.lisbind_version = "test", .lis_version = "0.12.5"});
    std::string text = lis::print_file(mapped.file);
    if (out) *out = std::move(mapped);
    return text;
  }
  model::ApiModel model_;
};

TEST_F(MapperTest, ErrorConventions) {
  std::string text =
      map(func("Parse", param("s", basic("string")), result(basic("int")) + "," + result(kError)) +
          "," + func("Close", "", result(kError)) + "," +
          func("NewError", param("msg", basic("string")), result(kError)) + "," +
          func("Triple", "",
               result(basic("int64")) + "," + result(basic("bool")) + "," + result(kError)));
  EXPECT_NE(text.find("pub fn Parse(s: string) -> Result<int, error>\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("pub fn Close() -> Result<(), error>\n"), std::string::npos);
  EXPECT_NE(text.find("pub fn NewError(msg: string) -> error\n"), std::string::npos);
  EXPECT_NE(text.find("pub fn Triple() -> Result<(int64, bool), error>\n"), std::string::npos);
}

TEST_F(MapperTest, CommaOkOnlyWhenTheBoolMeansPresence) {
  std::string ok = R"({"name":"ok","type":{"k":"basic","name":"bool"}})";
  std::string shutdown = R"({"name":"shutdown","type":{"k":"basic","name":"bool"}})";
  std::string text = map(
      func("Load", "", result(basic("string")) + "," + ok) + "," +
      func("Get", "", result(basic("string")) + "," + shutdown) + "," +
      func("Lookup", "", result(ptr(named("example.com/m/q", "T"))) + "," + result(basic("bool"))) +
      "," + func("Split", "", result(basic("string")) + "," + result(basic("bool"))));
  EXPECT_NE(text.find("pub fn Load() -> Option<string>\n"), std::string::npos) << text;
  EXPECT_NE(text.find("pub fn Get() -> (string, bool)\n"), std::string::npos);
  // A nil-able value needs the hint, or lis would read a single nil-able result.
  EXPECT_NE(text.find("#[go(comma_ok)]\npub fn Lookup() -> Option<mut Ref<q.T>>\n"),
            std::string::npos);
  EXPECT_NE(text.find("pub fn Split() -> (string, bool)\n"), std::string::npos);
}

TEST_F(MapperTest, PointersSlicesAndNilability) {
  std::string t = named("example.com/m/q", "T");
  std::string text = map(
      func("NewThing", "", result(ptr(t))) + "," + func("Find", "", result(ptr(t))) + "," +
      func("Use", param("t", ptr(t)) + "," + param("xs", slice(ptr(t))), "") + "," +
      func("Join", param("sep", basic("string")) + "," + param("parts", slice(basic("string"))), "",
           true) +
      "," + R"({"kind":"type","name":"Holder","exported":true,"underlying":{"k":"struct","fields":[
                           {"name":"Ptr","type":)" +
      ptr(t) + R"(,"exported":true},
                           {"name":"Iface","type":)" +
      named("example.com/m/q", "I") + R"(,"exported":true},
                           {"name":"Items","type":)" +
      slice(ptr(t)) + R"(,"exported":true},
                           {"name":"Err","type":)" +
      kError + R"(,"exported":true},
                           {"name":"hidden","type":{"k":"basic","name":"int"}}]}})");
  EXPECT_NE(text.find("pub fn NewThing() -> mut Ref<q.T>\n"), std::string::npos) << text;
  EXPECT_NE(text.find("pub fn Find() -> Option<mut Ref<q.T>>\n"), std::string::npos);
  EXPECT_NE(text.find("pub fn Use(t: Ref<q.T>, xs: Slice<Ref<q.T>>)\n"), std::string::npos);
  EXPECT_NE(text.find("pub fn Join(sep: string, parts: VarArgs<string>)\n"), std::string::npos);
  EXPECT_NE(text.find("#[go(hidden_fields)]\n#[go(incomparable)]\npub struct Holder {\n  pub Ptr: "
                      "Option<mut Ref<q.T>>,\n"
                      "  pub Iface: Option<q.I>,\n  pub Items: mut Slice<mut Ref<q.T>>,\n"
                      "  pub Err: Option<error>,\n}\n"),
            std::string::npos);
}

TEST_F(MapperTest, InternalTypesBecomeLocalStandIns) {
  std::string text =
      map(func("Default", "", result(ptr(named("example.com/m/internal/impl", "Engine")))));
  EXPECT_EQ(text.find("import"), std::string::npos) << text;
  EXPECT_NE(text.find("pub fn Default() -> Option<mut Ref<impl_Engine>>\n"), std::string::npos);
  EXPECT_NE(text.find("#[go(unexported)]\npub type impl_Engine\n"), std::string::npos);
  EXPECT_NE(text.find("impl impl_Engine {\n  fn Start(self: Ref<impl_Engine>)\n}"),
            std::string::npos);
}

TEST_F(MapperTest, PreludeNamesAreSelfQualified) {
  MappedPackage mapped;
  std::string text =
      map(R"({"kind":"type","name":"Array","exported":true,"underlying":{"k":"struct","fields":[
      {"name":"N","type":{"k":"basic","name":"int"},"exported":true}]},
      "methods":[{"name":"Len","ptr":true,"sig":{"results":[{"type":{"k":"basic","name":"int"}}]}}]},
    {"kind":"type","name":"Self","exported":true,"underlying":{"k":"struct"}})",
          &mapped);
  EXPECT_NE(text.find("impl p.Array {\n  fn Len(self: Ref<p.Array>) -> int\n}"), std::string::npos)
      << text;
  EXPECT_NE(text.find("// SKIPPED: Self - reserved-name"), std::string::npos);
  ASSERT_EQ(mapped.ledger.size(), 3u);
}

TEST_F(MapperTest, ParameterNamesAndHeader) {
  std::string text = map(func("Fetch",
                              param("URL", basic("string")) + "," + param("type", basic("int")) +
                                  "," + param("", basic("bool")),
                              ""));
  EXPECT_NE(text.find("pub fn Fetch(url: string, type_: int, arg2: bool)\n"), std::string::npos)
      << text;
  EXPECT_TRUE(text.starts_with(
      "// Generated by lisbind test\n// Source: example.com/m/p (example.com/m@v1.0.0)\n"
      "// Go: 1.26.8\n// Lisette: 0.12.5\n"));
}

TEST_F(MapperTest, EvidenceDecidesBeforeNamesAndOverridesComeLast) {
  std::string t = named("example.com/m/q", "T");
  std::string facts_may =
      R"({"results":[{"nil":"may","at":"p.go:7"}],"params":[{"writes":"yes","writes_at":"p.go:8","nil":"accepted","nil_at":"p.go:9"}]})";
  std::string decls =
      // A constructor-like name, but the body returns nil on some path: Option wins over the name.
      func("NewThing", param("c", ptr(t)), result(ptr(t)), false, facts_may) + "," +
      func("Halt", "", "", false, R"({"never_returns":true,"never_returns_at":"p.go:3"})") + "," +
      func("Get", "", result(ptr(t)));
  std::string text = map(decls);
  EXPECT_NE(text.find("pub fn NewThing(c: Option<mut Ref<q.T>>) -> Option<mut Ref<q.T>>\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("pub fn Halt() -> Never\n"), std::string::npos);
  EXPECT_NE(text.find("pub fn Get() -> Option<mut Ref<q.T>>\n"), std::string::npos);

  Overrides overrides =
      Overrides::parse("[\"example.com/m/p\"]\n\"Get\" = { result = \"non-nil\" }\n", "o.toml");
  model_ = model::parse_api_model(
      R"({"schema":1,"go_version":"go1.26.8","build":{"goos":"linux","goarch":"amd64"},
      "packages":[{"path":"example.com/m/p","name":"p","root":true,"decls":[)" +
      func("Get", "", result(ptr(named("example.com/m/p", "S")))) +
      R"(,{"kind":"type","name":"S","exported":true,"underlying":{"k":"struct"}}]}]})");
  MappedPackage mapped =
      map_package(model_, model_.packages[0], {.lisbind_version = "test", .lis_version = "0.12.5"},
                  {.overrides = &overrides, .record_decisions = true});
  std::string overridden = lis::print_file(mapped.file);
  EXPECT_NE(overridden.find("pub fn Get() -> mut Ref<S>\n"), std::string::npos) << overridden;
  ASSERT_TRUE(mapped.bindings.contains("Get"));
  const Binding& get = mapped.bindings["Get"];
  EXPECT_EQ(decision_lines(get).back(), "overrides file: applied");
  EXPECT_EQ(get.code.rule, Rule::EvidenceNonNil);
  EXPECT_TRUE(get.code.via_override);
  ASSERT_TRUE(get.function.has_value());
  EXPECT_EQ(get.function->result.shape, ResultShape::Plain);
  EXPECT_EQ(get.function->result.type.kind, lis::TypeKind::Ref);
  bool ledger_says_override = false;
  for (const auto& e : mapped.ledger)
    ledger_says_override |= e.symbol == "Get" && e.code == "evidence-non-nil+override";
  EXPECT_TRUE(ledger_says_override);
}

}  // namespace
}  // namespace lisbind::emit
