#include "verify/error_trace.h"

#include <gtest/gtest.h>

namespace lisbind::verify {
namespace {

TEST(ErrorTrace, ParsesLisUnixDiagnostics) {
  auto d = parse_lis_diagnostics(
      "src/probe_x.lis:7:10: error: Interface not implemented: `Scalar` does not implement `Value` "
      "[infer.interface_not_implemented]\n"
      "noise\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].file, "src/probe_x.lis");
  EXPECT_EQ(d[0].line, 7);
  EXPECT_EQ(d[0].column, 10);
  EXPECT_EQ(d[0].code, "infer.interface_not_implemented");
  EXPECT_EQ(d[0].message, "Interface not implemented: `Scalar` does not implement `Value`");
}

TEST(ErrorTrace, ParsesGoErrorsWithContinuations) {
  auto d = parse_go_errors(
      "# lisbind_probe\n"
      "./probe_a.go:10:8: cannot use model.F (value of type func(n string) bool) as func(string) "
      "int value\n"
      "target/probe_b.go:3:1: impossible type assertion:\n"
      "\tImpl4 does not implement x.I (missing method M)\n"
      "ERROR: Failed to build project\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].file, "probe_a.go");
  EXPECT_EQ(d[0].line, 10);
  EXPECT_EQ(d[1].file, "probe_b.go");
  EXPECT_EQ(d[1].message,
            "impossible type assertion:\nImpl4 does not implement x.I (missing method M)");
}

TEST(ErrorTrace, FindsProbeByLineSpan) {
  std::vector<std::pair<int, int>> spans = {{3, 6}, {8, 12}};
  std::vector<int> ids = {17, 18};
  EXPECT_EQ(probe_at_line(spans, ids, 4), 17);
  EXPECT_EQ(probe_at_line(spans, ids, 12), 18);
  EXPECT_EQ(probe_at_line(spans, ids, 7), -1);
  EXPECT_EQ(probe_at_line(spans, ids, 1), -1);
}

TEST(ErrorTrace, FindsEnclosingEmittedProbeInGo) {
  const std::string go =
      "package main\n"                          // 1
      "\n"                                      // 2
      "func take17(_ func(string) int) {}\n"    // 3
      "\n"                                      // 4
      "func probe17() {\n"                      // 5
      "\ttake17(model.F)\n"                     // 6
      "}\n"                                     // 7
      "type Impl18 struct{}\n"                  // 8
      "func (self Impl18) String() string {\n"  // 9
      "\tpanic(\"x\")\n"                        // 10
      "}\n";                                    // 11
  EXPECT_EQ(probe_in_go_source(go, 1), -1);
  EXPECT_EQ(probe_in_go_source(go, 3), 17);
  EXPECT_EQ(probe_in_go_source(go, 6), 17);
  EXPECT_EQ(probe_in_go_source(go, 8), 18);
  EXPECT_EQ(probe_in_go_source(go, 10), 18);
  const std::string adapter =
      "func (a _lisAdapter_Impl_411_TransformingStore_4) Transformer() func(any) (any, error) "
      "{\n"                               // 1
      "\tcb := a.inner.Transformer()\n";  // 2
  EXPECT_EQ(probe_in_go_source(adapter, 2), 411);
  EXPECT_EQ(probe_in_go_source("func probe1234x() {\n}\n", 1), -1);  // not a probe's name
}

TEST(ErrorTrace, FileStem) {
  EXPECT_EQ(file_stem("./probe_a.go"), "probe_a");
  EXPECT_EQ(file_stem("src/probe_github_com_x.lis"), "probe_github_com_x");
}

}  // namespace
}  // namespace lisbind::verify
