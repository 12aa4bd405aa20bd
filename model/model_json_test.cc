#include "model/model_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/errors.h"

namespace lisbind::model {
namespace {

// A document that uses every kind of type and declaration the schema has.
const char* kDocument = R"json({
  "schema": 1, "go_version": "go1.26.8",
  "build": {"goos": "linux", "goarch": "amd64", "tags": ["netgo"], "cgo": true},
  "patterns": ["example.com/m/p"],
  "packages": [
    {"path": "example.com/m/p", "name": "p", "root": true, "doc": "Package p.",
     "module": {"path": "example.com/m", "version": "v1.2.3", "dir": "/mod",
                "replace": {"path": "../m"}},
     "files": ["p.go"], "imports": ["time"],
     "decls": [
       {"kind": "const", "name": "Big", "exported": true, "untyped": true,
        "type": {"k": "basic", "name": "int"}, "value": {"kind": "int", "exact": "18446744073709551616", "literal": "1_0000_0000_0000_0000_0000"}},
       {"kind": "const", "name": "Pi", "exported": true, "type": {"k": "basic", "name": "float64"},
        "value": {"kind": "float", "exact": "314159/100000", "float": "3.14159"}},
       {"kind": "var", "name": "Default", "exported": true, "pos": "p.go:3",
        "type": {"k": "pointer", "elem": {"k": "named", "pkg": "example.com/m/p", "name": "Pod"}}},
       {"kind": "func", "name": "Map", "exported": true, "deprecated": "use Other.",
        "tparams": [{"name": "K", "constraint": {"k": "interface", "comparable": true}},
                    {"name": "V", "constraint": {"k": "interface",
                       "union": [[{"tilde": true, "type": {"k": "basic", "name": "int"}},
                                  {"type": {"k": "basic", "name": "string"}}]]}}],
        "sig": {"params": [{"name": "m", "type": {"k": "map", "key": {"k": "tparam", "name": "K"},
                                                   "elem": {"k": "slice", "elem": {"k": "tparam", "name": "V"}}}},
                           {"name": "opts", "type": {"k": "slice", "elem": {"k": "func", "sig": {}}}}],
                "results": [{"type": {"k": "chan", "dir": "recv", "elem": {"k": "array", "len": 4,
                              "elem": {"k": "basic", "name": "byte"}}}},
                            {"name": "err", "type": {"k": "named", "name": "error"}}],
                "variadic": true},
        "facts": {"results": [{"nil": "may", "at": "p.go:20"}, {}],
                  "params": [{"writes": "no"}, {}], "never_returns": true, "never_returns_at": "p.go:21"}},
       {"kind": "type", "name": "Pod", "exported": true, "is_error": true, "comparable": true,
        "underlying": {"k": "struct", "fields": [
           {"name": "ObjectMeta", "type": {"k": "named", "pkg": "example.com/m/meta", "name": "ObjectMeta"},
            "embedded": true, "exported": true, "tag": "json:\",inline\""},
           {"name": "count", "type": {"k": "basic", "name": "int"}, "doc": "hidden"}]},
        "methods": [{"name": "Error", "sig": {"results": [{"type": {"k": "basic", "name": "string"}}]}},
                    {"name": "Reset", "ptr": true, "sig": {}, "doc": "Reset clears.", "pos": "p.go:9",
                     "facts": {"receiver": {"writes": "yes", "writes_at": "p.go:10"}}}],
        "promoted": [{"name": "GetName", "via": ["ObjectMeta"], "ptr": true,
                      "sig": {"results": [{"type": {"k": "basic", "name": "string"}}]},
                      "from": {"k": "named", "pkg": "example.com/m/meta", "name": "ObjectMeta"}}]},
       {"kind": "type", "name": "List", "exported": true, "alias": true,
        "tparams": [{"name": "T", "constraint": {"k": "interface"}}],
        "underlying": {"k": "slice", "elem": {"k": "tparam", "name": "T"}}},
       {"kind": "type", "name": "Reader", "exported": true,
        "underlying": {"k": "interface", "embeds": [{"k": "named", "pkg": "io", "name": "Closer"}],
          "methods": [{"name": "Read", "sig": {"params": [{"name": "p", "type": {"k": "slice",
              "elem": {"k": "basic", "name": "byte"}}}]}, "doc": "Read reads."},
                      {"name": "seal", "sig": {}}]}},
       {"kind": "type", "name": "IntSet", "exported": true, "alias": true,
        "underlying": {"k": "alias", "pkg": "example.com/m/p", "name": "Set",
                       "args": [{"k": "basic", "name": "int"}],
                       "target": {"k": "named", "pkg": "example.com/m/p", "name": "Set",
                                  "args": [{"k": "basic", "name": "int"}]}}},
       {"kind": "type", "name": "impl", "exported": false, "ptr_is_error": true,
        "underlying": {"k": "struct"}}
     ]}
  ],
  "errors": [{"package": "example.com/m/broken", "message": "x.go:3:9: undefined: y"}]
})json";

TEST(ModelJson, ReadsEveryConstruct) {
  ApiModel m = parse_api_model(kDocument);
  EXPECT_EQ(m.build.goos, "linux");
  EXPECT_TRUE(m.build.cgo);
  ASSERT_EQ(m.packages.size(), 1u);
  const Package& p = m.packages[0];
  EXPECT_TRUE(p.root);
  ASSERT_TRUE(p.module);
  EXPECT_EQ(p.module->version, "v1.2.3");
  EXPECT_EQ(p.module->replace_path, "../m");

  const Decl* big = p.find_decl("Big");
  ASSERT_TRUE(big);
  EXPECT_TRUE(big->untyped);
  EXPECT_EQ(big->value.exact, "18446744073709551616");
  EXPECT_EQ(big->value.literal, "1_0000_0000_0000_0000_0000");
  EXPECT_EQ(p.find_decl("Pi")->value.float_text, "3.14159");

  const Decl* fn = p.find_decl("Map");
  ASSERT_TRUE(fn);
  EXPECT_EQ(fn->deprecated, "use Other.");
  ASSERT_EQ(fn->tparams.size(), 2u);
  EXPECT_TRUE(fn->tparams[0].constraint->comparable);
  ASSERT_EQ(fn->tparams[1].constraint->unions.size(), 1u);
  EXPECT_TRUE(fn->tparams[1].constraint->unions[0][0].tilde);
  EXPECT_FALSE(fn->tparams[1].constraint->unions[0][1].tilde);
  EXPECT_TRUE(fn->sig.variadic);
  const TypeRef& result = *fn->sig.results[0].type;
  EXPECT_EQ(result.kind, TypeKind::Chan);
  EXPECT_EQ(result.dir, ChanDir::Recv);
  EXPECT_EQ(result.elem->kind, TypeKind::Array);
  EXPECT_EQ(result.elem->length, 4);
  EXPECT_EQ(fn->sig.results[1].type->name, "error");
  EXPECT_EQ(fn->sig.params[0].type->elem->kind, TypeKind::Slice);
  ASSERT_TRUE(fn->facts.present);
  EXPECT_EQ(fn->facts.result(0)->nil, model::NilFact::May);
  EXPECT_EQ(fn->facts.result(0)->at, "p.go:20");
  EXPECT_EQ(fn->facts.param(0)->writes, model::WriteFact::No);
  EXPECT_TRUE(fn->facts.never_returns);
  EXPECT_EQ(fn->facts.result(5), nullptr);

  const Decl* pod = p.find_decl("Pod");
  ASSERT_TRUE(pod);
  EXPECT_TRUE(pod->is_error);
  ASSERT_EQ(pod->underlying->fields.size(), 2u);
  EXPECT_TRUE(pod->underlying->fields[0].embedded);
  EXPECT_FALSE(pod->underlying->fields[1].exported);
  EXPECT_TRUE(pod->methods[1].pointer_receiver);
  EXPECT_EQ(pod->methods[1].facts.receiver_writes, model::WriteFact::Yes);
  EXPECT_FALSE(pod->methods[0].facts.present);
  ASSERT_EQ(pod->promoted.size(), 1u);
  EXPECT_EQ(pod->promoted[0].via, std::vector<std::string>{"ObjectMeta"});
  EXPECT_TRUE(pod->promoted[0].pointer_only);
  EXPECT_EQ(pod->promoted[0].from->name, "ObjectMeta");

  EXPECT_TRUE(p.find_decl("List")->alias);
  const Decl* intset = p.find_decl("IntSet");
  EXPECT_EQ(intset->underlying->kind, TypeKind::Alias);
  EXPECT_EQ(intset->underlying->target->args[0]->name, "int");
  const Decl* reader = p.find_decl("Reader");
  EXPECT_EQ(reader->underlying->embeds[0]->pkg, "io");
  EXPECT_EQ(reader->underlying->methods.size(), 2u);
  EXPECT_FALSE(p.find_decl("impl")->exported);
  EXPECT_TRUE(p.find_decl("impl")->pointer_is_error);

  ASSERT_EQ(m.errors.size(), 1u);
  EXPECT_EQ(m.errors[0].package, "example.com/m/broken");
}

TEST(ModelJson, RoundTripLosesNothing) {
  nlohmann::json original = nlohmann::json::parse(kDocument);
  EXPECT_EQ(to_json(parse_api_model(kDocument)), original);
}

TEST(ModelJson, RejectsOtherSchemasAndBrokenInput) {
  EXPECT_THROW(parse_api_model(R"({"schema": 2, "build": {}})"), UserError);
  EXPECT_THROW(parse_api_model("{not json"), UserError);
  EXPECT_THROW(parse_api_model(R"({"schema": 1, "build": {}, "packages": [{"path": "x"}]})"),
               UserError);
}

// The UserError message parse_api_model throws for a document, or "" when it reads it.
std::string error_of(std::string_view document) {
  try {
    parse_api_model(document);
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A document with one declaration of `decl` in package p.
std::string with_decl(std::string_view decl) {
  return R"({"schema": 1, "build": {}, "packages": [{"path": "p", "name": "p", "decls": [)" +
         std::string(decl) + "]}]}";
}

TEST(ModelJson, ReportsInvalidJsonAsSuch) {
  for (const char* broken :
       {"", "  ", "{not json", R"({"schema": 1, "build": {})",  // truncated
        R"({"schema": 1, "build": {}} x)", R"({"schema": 1, "build": {}}})",
        R"({"schema": 1, "build": {}, "patterns": ["a",]})", R"({"schema": 1 "build": {}})",
        R"({"schema": 1, "build": {}, "patterns": ["a\qb"]})",
        "{\"schema\": 1, \"build\": {}, \"patterns\": [\"a\tb\"]}",
        "{\"schema\": 1, \"build\": {}, \"patterns\": [\"\xff\"]}",
        R"({"schema": 1, "build": {"cgo": tru}})",
        R"({"schema": 1, "build": {}, "go_version": nul})",
        R"({"schema": 1, "build": {}, "x": 01})", R"({"schema": 1, "build": {}, "x": 1e999})"}) {
    EXPECT_TRUE(contains(error_of(broken), "the Go helper wrote invalid JSON"))
        << broken << ": " << error_of(broken);
  }
}

TEST(ModelJson, ChecksValuesItDoesNotUse) {
  // Unknown keys are ignored, but they must still be JSON, down to their last value.
  EXPECT_EQ(
      error_of(R"({"schema": 1, "build": {}, "future": {"a": [1, 2.5, "s", null, true, {}]}})"),
      "");
  EXPECT_TRUE(contains(error_of(R"({"schema": 1, "build": {}, "future": {"a": [1, tru]}})"),
                       "invalid JSON"));
  EXPECT_TRUE(
      contains(error_of(R"({"schema": 1, "build": {"cgo": {"x": [nul]}}})"), "invalid JSON"));
  EXPECT_TRUE(contains(error_of(R"({"schema": 1, "build": {}, "future": "\x"})"), "invalid JSON"));
  // The first `patterns` does not fit, and a second replaces it, but the first is not JSON either.
  EXPECT_TRUE(
      contains(error_of(R"({"schema": 1, "build": {}, "patterns": [5, tru], "patterns": ["a"]})"),
               "invalid JSON"));
  EXPECT_EQ(error_of(R"({"schema": 1, "build": {}, "patterns": [5, true], "patterns": ["a"]})"),
            "");
}

TEST(ModelJson, InvalidJsonOutranksAMisfitBeforeIt) {
  // Reading stops at the misfit (a number for a name), but the document is not JSON at all.
  std::string message =
      error_of(R"({"schema": 1, "build": {}, "packages": [{"path": 5, "name": "p"}], "x": [1 2]})");
  EXPECT_TRUE(contains(message, "invalid JSON")) << message;
}

TEST(ModelJson, SchemaMismatchOutranksEverythingButSyntax) {
  std::string message = error_of(R"({"packages": [{"path": 5}], "build": 7, "schema": 2})");
  EXPECT_EQ(message,
            "the Go helper wrote schema 2 but lisbind reads schema 1; rebuild lisbind so both "
            "halves match");
  EXPECT_TRUE(contains(error_of(R"({"build": {}})"), "key 'schema' not found"));
  EXPECT_TRUE(contains(error_of(R"({"schema": "1", "build": {}})"),
                       "schema: expected a number, found a string"));
  EXPECT_TRUE(contains(error_of(R"({"schema": 1})"), "key 'build' not found"));
  EXPECT_TRUE(contains(error_of("[1]"), "expected the document to be an object, found an array"));
}

TEST(ModelJson, NamesTheValueThatDoesNotFit) {
  auto misfit = [](std::string_view decl, std::string_view expected) {
    std::string message = error_of(with_decl(decl));
    EXPECT_TRUE(contains(message, "the Go helper's JSON does not fit the model: ")) << message;
    EXPECT_TRUE(contains(message, expected)) << message;
  };
  misfit(R"({"kind": "var", "name": 5})",
         "packages[0].decls[0].name: expected a string, found a number");
  misfit(R"({"kind": "var", "name": null})",
         "packages[0].decls[0].name: expected a string, found null");
  misfit(R"({"kind": "var"})", "packages[0].decls[0]: key 'name' not found");
  misfit(R"("v")", "packages[0].decls[0]: expected an object with key 'kind', found a string");
  misfit(R"({"kind": "var", "name": "V", "doc": ["x"]})",
         "packages[0].decls[0].doc: expected a string, found an array");
  misfit(R"({"kind": "var", "name": "V", "type": {"name": "int"}})",
         "packages[0].decls[0].type: key 'k' not found");
  misfit(
      R"({"kind": "var", "name": "V", "type": {"k": "array", "len": "4", "elem": {"k": "basic"}}})",
      "packages[0].decls[0].type.len: expected a number, found a string");
  misfit(
      R"({"kind": "func", "name": "F", "sig": {"params": [{"name": "a", "type": {"k": "basic"}}, {"name": "b"}]}})",
      "packages[0].decls[0].sig.params[1]: key 'type' not found");
  misfit(R"({"kind": "type", "name": "T", "promoted": [{"sig": {}, "via": ["A", 1]}]})",
         "packages[0].decls[0].promoted[0].via[1]: expected a string, found a number");
  misfit(R"({"kind": "type", "name": "T", "methods": [{"name": "M"}]})",
         "packages[0].decls[0].methods[0]: key 'sig' not found");
  misfit(R"({"kind": "func", "name": "F", "facts": {"results": [{"nil": true}]}})",
         "packages[0].decls[0].facts.results[0].nil: expected a string, found a boolean");
  EXPECT_TRUE(contains(error_of(R"({"schema": 1, "build": {"tags": "netgo"}})"),
                       "build.tags: expected an array of strings, found a string"));

  std::string message =
      error_of(with_decl(R"({"kind": "var", "name": "V", "type": {"k": "tuple"}})"));
  EXPECT_EQ(
      message,
      "the Go helper's JSON has an unknown type kind 'tuple' (at packages[0].decls[0].type.k)");
  message = error_of(
      with_decl(R"({"kind": "func", "name": "F", "facts": {"results": [{"nil": "perhaps"}]}})"));
  EXPECT_EQ(message,
            "the Go helper's JSON has an unknown nil fact 'perhaps' (at "
            "packages[0].decls[0].facts.results[0].nil)");
  message = error_of(with_decl(
      R"({"kind": "func", "name": "F", "facts": {"params": [{"writes": "sometimes"}]}})"));
  EXPECT_EQ(message,
            "the Go helper's JSON has an unknown writes fact 'sometimes' (at "
            "packages[0].decls[0].facts.params[0].writes)");
  message = error_of(with_decl(R"({"kind": "macro", "name": "M"})"));
  EXPECT_EQ(message,
            "the Go helper's JSON has an unknown declaration kind 'macro' (at "
            "packages[0].decls[0].kind)");
}

// What the reader accepts beyond what the helper writes, as the nlohmann-based reader did.
TEST(ModelJson, KeepsTheLenientReadings) {
  ApiModel m = parse_api_model(R"({"schema": 1, "build": null, "go_version": null, "patterns": null,
      "packages": {"only": {"path": "p", "name": "p", "module": 7, "std": "yes", "doc": null,
        "decls": [
          {"kind": "var", "name": "V", "exported": 1, "type": null, "facts": null},
          {"kind": "func", "name": "F", "facts": {"receiver": null, "results": [7]}, "sig": null},
          {"kind": "type", "name": "T", "underlying": {"k": "interface", "union": [null, {"t": {"type": {"k": "basic"}}}]}},
          {"kind": "type", "name": "C", "underlying": {"k": "chan", "dir": null, "elem": null, "sig": null}},
          {"kind": "var", "name": "first", "name": "Last", "doc": 5, "doc": "kept"}
        ]}},
      "errors": "oops"})");
  EXPECT_EQ(m.build.goos, "");
  ASSERT_EQ(m.packages.size(), 1u);
  const Package& p = m.packages[0];
  ASSERT_TRUE(p.module);
  EXPECT_EQ(p.module->path, "");
  EXPECT_FALSE(p.std);
  ASSERT_EQ(p.decls.size(), 5u);
  EXPECT_FALSE(p.decls[0].exported);
  EXPECT_EQ(p.decls[0].type, nullptr);
  EXPECT_FALSE(p.decls[0].facts.present);
  EXPECT_TRUE(p.decls[1].facts.present);
  EXPECT_EQ(p.decls[1].facts.results.size(), 1u);
  const TypeRef& iface = *p.decls[2].underlying;
  ASSERT_EQ(iface.unions.size(), 2u);
  EXPECT_TRUE(iface.unions[0].empty());
  ASSERT_EQ(iface.unions[1].size(), 1u);
  const TypeRef& chan = *p.decls[3].underlying;
  EXPECT_EQ(chan.dir, ChanDir::Both);
  EXPECT_EQ(chan.elem, nullptr);
  ASSERT_TRUE(chan.sig);
  EXPECT_TRUE(chan.sig->params.empty());
  EXPECT_EQ(p.decls[4].name, "Last");
  EXPECT_EQ(p.decls[4].doc, "kept");
  ASSERT_EQ(m.errors.size(), 1u);
  EXPECT_EQ(m.errors[0].message, "");

  EXPECT_EQ(parse_api_model("\xEF\xBB\xBF{\"schema\": 1, \"build\": {\"go\\u006fs\": \"linux\"}}")
                .build.goos,
            "linux");
  EXPECT_EQ(
      parse_api_model(R"({"schema": 1, "build": {}, "x": 123456789012345678901234567890})").schema,
      1);
}

TEST(ModelJson, ReadsFromAnNlohmannDocumentToo) {
  EXPECT_EQ(to_json(api_model_from_json(nlohmann::json::parse(kDocument))),
            nlohmann::json::parse(kDocument));
}

TEST(ModelJson, FindPackageUsesSortedOrder) {
  ApiModel m;
  for (const char* path : {"a", "b/c", "k8s.io/api/core/v1"}) {
    m.packages.emplace_back();
    m.packages.back().path = path;
  }
  EXPECT_EQ(m.find_package("b/c"), &m.packages[1]);
  EXPECT_EQ(m.find_package("b"), nullptr);
}

}  // namespace
}  // namespace lisbind::model
