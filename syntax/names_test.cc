#include "syntax/names.h"

#include <gtest/gtest.h>

namespace lisbind::names {
namespace {

TEST(Names, ParameterNamesAreLowerCasedAndEscaped) {
  EXPECT_EQ(parameter_name("ctx", 0), "ctx");
  EXPECT_EQ(parameter_name("URL", 0), "url");
  EXPECT_EQ(parameter_name("T", 0), "t");
  EXPECT_EQ(parameter_name("HTTPClient", 0), "httpClient");
  EXPECT_EQ(parameter_name("Name", 0), "name");
  EXPECT_EQ(parameter_name("type", 0), "type_");
  EXPECT_EQ(parameter_name("Match", 0), "match_");
  EXPECT_EQ(parameter_name("assert", 0), "assert_");
  EXPECT_EQ(parameter_name("self", 0), "self");  // not a keyword in lis 0.12.5
  EXPECT_EQ(parameter_name("", 3), "arg3");
  EXPECT_EQ(parameter_name("_", 1), "arg1");
}

TEST(Names, DefaultBindingFollowsLis) {
  EXPECT_EQ(default_binding_name("k8s.io/api/core/v1"), "v1");
  EXPECT_EQ(default_binding_name("github.com/foo/bar/v5"), "bar");
  EXPECT_EQ(default_binding_name("gopkg.in/yaml.v3"),
            "yaml.v3");  // lis needs a // Package: header here
  EXPECT_EQ(default_binding_name("fmt"), "fmt");
}

TEST(Names, ImportsThatWouldBindTheSameNameGetAliases) {
  std::map<std::string, std::string> go_names = {{"k8s.io/api/core/v1", "v1"},
                                                 {"k8s.io/apimachinery/pkg/apis/meta/v1", "v1"},
                                                 {"log", "log"},
                                                 {"github.com/go-logr/logr/log", "log"},
                                                 {"gopkg.in/yaml.v3", "yaml"}};
  ImportNamer namer({"Pod"},
                    [&](const std::string& p) { return go_names.count(p) ? go_names.at(p) : ""; });
  for (const char* p : {"github.com/go-logr/logr/log", "k8s.io/api/core/v1",
                        "k8s.io/apimachinery/pkg/apis/meta/v1", "log", "gopkg.in/yaml.v3"}) {
    namer.add(p);
  }
  EXPECT_EQ(namer.binding("k8s.io/api/core/v1"), "v1");
  EXPECT_EQ(namer.alias("k8s.io/api/core/v1"), "");
  EXPECT_EQ(namer.binding("k8s.io/apimachinery/pkg/apis/meta/v1"), "metav1");
  EXPECT_EQ(namer.alias("k8s.io/apimachinery/pkg/apis/meta/v1"), "metav1");
  EXPECT_EQ(namer.binding("github.com/go-logr/logr/log"), "log");
  EXPECT_EQ(namer.binding("log"), "log2");
  EXPECT_EQ(namer.binding("gopkg.in/yaml.v3"), "yaml");
  EXPECT_EQ(namer.alias("gopkg.in/yaml.v3"), "");
}

TEST(Names, KeywordPackageNamesAreAliased) {
  ImportNamer namer({}, [](const std::string&) { return std::string("match"); });
  namer.add("example.com/x/match");
  EXPECT_EQ(namer.binding("example.com/x/match"), "xmatch");
}

}  // namespace
}  // namespace lisbind::names
