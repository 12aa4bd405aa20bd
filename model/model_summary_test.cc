#include "model/model_summary.h"

#include <gtest/gtest.h>

namespace lisbind::model {
namespace {

Decl decl(DeclKind kind, const char* name) {
  Decl d;
  d.kind = kind;
  d.name = name;
  return d;
}

TEST(ModelSummary, CountsPerPackageAndInTotal) {
  ApiModel m;
  m.go_version = "go1.26.8";
  m.build = {.goos = "linux", .goarch = "amd64", .tags = {}, .cgo = false};
  Package a;
  a.path = "example.com/a";
  a.name = "a";
  a.root = true;
  a.module = Module{.path = "example.com/a",
                    .version = "v1.0.0",
                    .dir = "",
                    .main = false,
                    .replace_path = "",
                    .replace_version = ""};
  Decl t = decl(DeclKind::Type, "T");
  t.methods.resize(3);
  Decl hidden = decl(DeclKind::Type, "impl");
  hidden.exported = false;
  a.decls = {decl(DeclKind::Const, "C"), decl(DeclKind::Func, "F"), t, hidden};
  Package b;
  b.path = b.name = "time";
  b.std = true;
  b.decls = {decl(DeclKind::Var, "V")};
  m.packages = {a, b};
  m.errors = {{"example.com/broken", "undefined: x"}};

  std::string s = format_summary(m);
  EXPECT_NE(
      s.find(
          "2 packages (1 requested, 1 reached through exported signatures), go1.26.8 linux/amd64"),
      std::string::npos)
      << s;
  EXPECT_NE(
      s.find("example.com/a       1      0      1      1       3      1  example.com/a@v1.0.0\n"),
      std::string::npos)
      << s;
  EXPECT_NE(s.find("std (closure)"), std::string::npos);
  EXPECT_NE(s.find("total               1      1      1      1       3      1\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("load errors: 1\n  example.com/broken: undefined: x\n"), std::string::npos);
}

}  // namespace
}  // namespace lisbind::model
