#include "verify/lis_limitations.h"

#include <gtest/gtest.h>

namespace lisbind::verify {
namespace {

TEST(LisLimitations, VoidFunctionInATupleIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use tup (variable of struct type lisette.Tuple2[[]*io_prometheus_client.MetricFamily, func()]) as "
      "lisette.Tuple2[[]*io_prometheus_client.MetricFamily, func() struct{}] value in argument to "
      "lisette.MakeResultOk[lisette.Tuple2[[]*io_prometheus_client.MetricFamily, func() struct{}], error]");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "void-fn-in-tuple");
}

TEST(LisLimitations, NamedFunctionResultOfAnImplementationIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use _lisAdapter_Impl_211_Middleware_2{…} (value of struct type _lisAdapter_Impl_211_Middleware_2) as "
      "httpmiddleware.Middleware value in argument to take211: _lisAdapter_Impl_211_Middleware_2 does not implement "
      "httpmiddleware.Middleware (wrong type for method WrapHandler)\n"
      "\t\thave WrapHandler(string, http.Handler) func(http.ResponseWriter, *http.Request)\n"
      "\t\twant WrapHandler(string, http.Handler) http.HandlerFunc");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "named-func-result-in-implementation");
}

TEST(LisLimitations, OptionInsideAResultOfAFunctionValueIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use cb(arg0) (value of type *tls.Config) as lisette.Option[*tls.Config] value in argument to "
      "lisette.ResultFromPair[lisette.Option[*tls.Config]]");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "option-in-result-function-value");
}

TEST(LisLimitations, AQuotedPackagePathInTheWantedTypeStillMatches) {
  auto l = known_lis_limitation(
      "does not implement \"k8s.io/client-go/tools/cache\".TransformingStore (wrong type for method Transformer)\n"
      "\t\thave Transformer() func(interface{}) (interface{}, error)\n"
      "\t\twant Transformer() \"k8s.io/client-go/tools/cache\".TransformFunc");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "named-func-result-in-implementation");
}

TEST(LisLimitations, TheAdaptersSecondErrorForANamedFunctionResultIsRecognised) {
  auto l = known_lis_limitation("assignment mismatch: 1 variable but cb returns 2 values");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "named-func-result-in-implementation");
  EXPECT_FALSE(known_lis_limitation("assignment mismatch: 1 variable but occ.RawConfig returns 2 values").has_value());
}

TEST(LisLimitations, AWrongBindingIsNotExcused) {
  EXPECT_FALSE(known_lis_limitation("cannot use cb(arg0) (value of type []*MetricFamily) as "
                                    "[]lisette.Option[*MetricFamily] value in return statement")
                   .has_value());
  EXPECT_FALSE(known_lis_limitation("does not implement Collector (wrong type for method Describe)\n"
                                    "\t\thave Describe(chan<- lisette.Option[*Desc])\n\t\twant Describe(chan<- *Desc)")
                   .has_value());
}

}  // namespace
}  // namespace lisbind::verify
