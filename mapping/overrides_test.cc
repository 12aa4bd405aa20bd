#include "mapping/overrides.h"

#include <gtest/gtest.h>

#include "base/errors.h"
#include "model/api_model.h"

namespace lisbind::emit {
namespace {

TEST(Overrides, ReadsEveryKindOfCorrection) {
  auto o = Overrides::parse(R"(
["k8s.io/client-go/util/workqueue"]
"TypedInterface.Get" = { flag_bool = true }
[os]
"NewFile" = { result = "non-nil" }
"Getpagesize" = { skip = true }
"Getwd" = { rename = "CurrentDir" }
[io]
"Copy" = { partial = true, mutates = ["dst"] }
)",
                            "lisbind-overrides.toml");
  EXPECT_TRUE(o.find("k8s.io/client-go/util/workqueue", "TypedInterface.Get")->flag_bool);
  EXPECT_EQ(o.find("os", "NewFile")->result, "non-nil");
  EXPECT_TRUE(o.find("os", "Getpagesize")->skip);
  EXPECT_EQ(o.find("os", "Getwd")->rename, "CurrentDir");
  EXPECT_TRUE(o.find("io", "Copy")->partial);
  EXPECT_EQ(o.find("io", "Copy")->mutates, std::vector<std::string>{"dst"});
  EXPECT_EQ(o.find("io", "Nothing"), nullptr);
}

TEST(Overrides, RejectsMistakesWithTheirPlace) {
  try {
    Overrides::parse("[os]\n\"NewFile\" = { result = \"maybe\" }\n", "o.toml");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()), "o.toml: os.NewFile: result is \"nilable\" or \"non-nil\"");
  }
  EXPECT_THROW(Overrides::parse("[os]\n\"NewFile\" = { nullable = true }\n", "o.toml"), UserError);
  EXPECT_THROW(Overrides::parse("[os\n", "o.toml"), UserError);
}

TEST(Overrides, ARenameMustBeALisetteIdentifier) {
  for (const char* bad : {"with space", "1abc", "fn", "../x", "a-b", ""}) {
    EXPECT_THROW(
        Overrides::parse(std::string("[os]\n\"Getwd\" = { rename = \"") + bad + "\" }\n", "o.toml"),
        UserError)
        << bad;
  }
  EXPECT_THROW(Overrides::parse("[os]\n\"Getwd\" = { rename = 5 }\n", "o.toml"), UserError);
  EXPECT_THROW(Overrides::parse("[os]\n\"Getwd\" = { result = true }\n", "o.toml"), UserError);
  EXPECT_THROW(Overrides::parse("[io]\n\"Copy\" = { mutates = [1] }\n", "o.toml"), UserError);
  EXPECT_EQ(Overrides::parse("[os]\n\"Getwd\" = { rename = \"current_dir2\" }\n", "o.toml")
                .find("os", "Getwd")
                ->rename,
            "current_dir2");
}

TEST(Overrides, UnknownSymbolsCollisionsAndUnknownParametersAreReported) {
  model::ApiModel api;
  model::Package os;
  os.path = "os";
  os.name = "os";
  model::Decl getwd;
  getwd.kind = model::DeclKind::Func;
  getwd.name = "Getwd";
  model::Decl hostname = getwd;
  hostname.name = "Hostname";
  model::Decl file;
  file.kind = model::DeclKind::Type;
  file.name = "File";
  model::Method close;
  close.name = "Close";
  close.sig.params.push_back({"how", nullptr});
  file.methods.push_back(close);
  os.decls = {file, getwd, hostname};
  api.packages.push_back(os);
  auto o = Overrides::parse(R"(
[os]
"Getwd" = { rename = "Hostname" }
"Nope" = { skip = true }
"File.Close" = { mutates = ["how", "what"] }
"File.Open" = { skip = true }
["not.loaded/pkg"]
"Anything" = { skip = true }
)",
                            "o.toml");
  auto problems = o.check_against(api);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0], "os.File.Close: mutates names \"what\", which is not a parameter of it");
  EXPECT_EQ(problems[1], "os.File.Open: package os declares no method File.Open");
  EXPECT_EQ(problems[2], "os.Getwd: rename \"Hostname\" collides with the existing os.Hostname");
  EXPECT_EQ(problems[3], "os.Nope: package os declares no Nope");
  EXPECT_TRUE(Overrides::parse("[os]\n\"Getwd\" = { rename = \"CurrentDir\" }\n", "o.toml")
                  .check_against(api)
                  .empty());
}

TEST(Overrides, ApplyOnTopOfTheBodyEvidence) {
  // func Copy(dst, src *Buffer) *Buffer, whose body returns nil on one path and reads dst only.
  auto buffer = std::make_shared<model::TypeRef>();
  buffer->kind = model::TypeKind::Pointer;
  model::Signature sig;
  sig.params = {{"dst", buffer}, {"src", buffer}};
  sig.results = {{"", buffer}};
  model::Facts body;
  body.present = true;
  body.results = {{.nil = model::NilFact::May,
                   .at = "copy.go:9",
                   .nil_with_nil_error = model::NilFact::Unstated,
                   .nil_with_nil_error_at = ""}};
  body.params = {{.writes = model::WriteFact::No,
                  .writes_at = "",
                  .nil = model::NilArgFact::Unstated,
                  .nil_at = ""}};
  Override o;
  o.result = "non-nil";
  o.mutates = {"dst"};

  model::Facts f = apply_override(body, sig, &o);
  ASSERT_EQ(f.results.size(), 1u);
  EXPECT_EQ(f.results[0].nil, model::NilFact::Never);
  EXPECT_EQ(f.results[0].at, "the overrides file");
  ASSERT_EQ(f.params.size(), 2u);
  EXPECT_EQ(f.params[0].writes, model::WriteFact::Yes);
  EXPECT_EQ(f.params[0].writes_at, "the overrides file");
  EXPECT_EQ(f.params[1].writes, model::WriteFact::Unstated);  // no evidence, none claimed

  // A function the helper read no body of still takes the override as its evidence.
  model::Facts none = apply_override({}, sig, &o);
  EXPECT_TRUE(none.present);
  EXPECT_EQ(none.results[0].nil, model::NilFact::Never);
  // Without an override the evidence passes through untouched.
  model::Facts untouched = apply_override(body, sig, nullptr);
  EXPECT_EQ(untouched.results[0].nil, model::NilFact::May);
  EXPECT_EQ(untouched.params[0].writes, model::WriteFact::No);
}

}  // namespace
}  // namespace lisbind::emit
