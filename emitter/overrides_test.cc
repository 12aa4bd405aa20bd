#include "emitter/overrides.h"

#include <gtest/gtest.h>

#include "importer/errors.h"

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

}  // namespace
}  // namespace lisbind::emit
