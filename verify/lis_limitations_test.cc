#include "verify/lis_limitations.h"

#include <gtest/gtest.h>

namespace lisbind::verify {
namespace {

TEST(LisLimitations, VoidFunctionInATupleIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use tup (variable of struct type "
      "lisette.Tuple2[[]*io_prometheus_client.MetricFamily, func()]) as "
      "lisette.Tuple2[[]*io_prometheus_client.MetricFamily, func() struct{}] value in argument to "
      "lisette.MakeResultOk[lisette.Tuple2[[]*io_prometheus_client.MetricFamily, func() struct{}], "
      "error]");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "void-fn-in-tuple");
}

TEST(LisLimitations, NamedFunctionResultOfAnImplementationIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use _lisAdapter_Impl_211_Middleware_2{…} (value of struct type "
      "_lisAdapter_Impl_211_Middleware_2) as "
      "httpmiddleware.Middleware value in argument to take211: _lisAdapter_Impl_211_Middleware_2 "
      "does not implement "
      "httpmiddleware.Middleware (wrong type for method WrapHandler)\n"
      "\t\thave WrapHandler(string, http.Handler) func(http.ResponseWriter, *http.Request)\n"
      "\t\twant WrapHandler(string, http.Handler) http.HandlerFunc");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "named-func-result-in-implementation");
}

TEST(LisLimitations, OptionInsideAResultOfAFunctionValueIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use cb(arg0) (value of type *tls.Config) as lisette.Option[*tls.Config] value in "
      "argument to "
      "lisette.ResultFromPair[lisette.Option[*tls.Config]]");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "option-in-result-function-value");
}

TEST(LisLimitations, AQuotedPackagePathInTheWantedTypeStillMatches) {
  auto l = known_lis_limitation(
      "does not implement \"k8s.io/client-go/tools/cache\".TransformingStore (wrong type for "
      "method Transformer)\n"
      "\t\thave Transformer() func(interface{}) (interface{}, error)\n"
      "\t\twant Transformer() \"k8s.io/client-go/tools/cache\".TransformFunc");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "named-func-result-in-implementation");
}

TEST(LisLimitations, TheAdaptersSecondErrorForANamedFunctionResultIsRecognised) {
  auto l = known_lis_limitation("assignment mismatch: 1 variable but cb returns 2 values");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "named-func-result-in-implementation");
  EXPECT_FALSE(
      known_lis_limitation("assignment mismatch: 1 variable but occ.RawConfig returns 2 values")
          .has_value());
}

TEST(LisLimitations, ANestedVoidFunctionInAVariadicIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use arg0 (variable of type []func() struct{}) as []func() value in argument to cb");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "void-fn-in-tuple");
  // With parameters (samber/lo NewDebounceBy's `f ...func(T, int)` at T = int).
  auto with_params = known_lis_limitation(
      "cannot use arg1 (variable of type []func(int, int) struct{}) as []func(key int, count int) "
      "value in argument to cb");
  ASSERT_TRUE(with_params.has_value());
  EXPECT_EQ(with_params->code, "void-fn-in-tuple");
}

TEST(LisLimitations, ANestedCallbackInAFunctionValueIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use lisbind_probed.Hooks (value of type func(hooks ...func(zapcore.Entry) error) "
      "zap.Option) as "
      "func(...func(zapcore.Entry) lisette.Result[struct{}, error]) zap.Option value in argument "
      "to take261");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "nested-function-in-function-value");
  auto returned = known_lis_limitation(
      "cannot use ret (variable of type func(*cobra.Command, []string, string) ([]string, "
      "cobra.ShellCompDirective)) as "
      "func(*cobra.Command, []string, string) lisette.Tuple2[[]string, cobra.ShellCompDirective] "
      "value in argument to "
      "lisette.MakeOptionSome[func(*lisbind_probed.Command, []string, string) "
      "lisette.Tuple2[[]string, "
      "lisbind_probed.ShellCompDirective]]");
  ASSERT_TRUE(returned.has_value());
  EXPECT_EQ(returned->code, "nested-function-in-function-value");
}

TEST(LisLimitations, AChannelOfReceiveChannelsIsRecognised) {
  auto l = known_lis_limitation(
      "cannot use raw (variable of type chan (<-chan int)) as chan<- chan int value in argument to "
      "lisette.OptionFromNilable[chan<- chan int]");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->code, "channel-of-receive-channels");
}

TEST(LisLimitations, AWrongBindingIsNotExcused) {
  EXPECT_FALSE(known_lis_limitation("cannot use cb(arg0) (value of type []*MetricFamily) as "
                                    "[]lisette.Option[*MetricFamily] value in return statement")
                   .has_value());
  EXPECT_FALSE(
      known_lis_limitation(
          "does not implement Collector (wrong type for method Describe)\n"
          "\t\thave Describe(chan<- lisette.Option[*Desc])\n\t\twant Describe(chan<- *Desc)")
          .has_value());
}

}  // namespace
}  // namespace lisbind::verify
