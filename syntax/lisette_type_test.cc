#include "syntax/lisette_type.h"

#include <gtest/gtest.h>

namespace lisbind::lis {
namespace {

TEST(LisetteType, PrintsEveryKind) {
  Type pod = named("v1.Pod");
  EXPECT_EQ(to_text(option(ref(pod, true))), "Option<mut Ref<v1.Pod>>");
  EXPECT_EQ(to_text(ref(pod, false)), "Ref<v1.Pod>");
  EXPECT_EQ(to_text(slice(basic("byte"), false)), "Slice<byte>");
  EXPECT_EQ(to_text(map(basic("string"), slice(basic("string"), true), true)),
            "mut Map<string, mut Slice<string>>");
  EXPECT_EQ(to_text(array(basic("uint8"), 16)), "Array<uint8, 16>");
  EXPECT_EQ(to_text(result(unit(), error_type())), "Result<(), error>");
  EXPECT_EQ(to_text(partial(basic("int"), error_type())), "Partial<int, error>");
  EXPECT_EQ(to_text(tuple({basic("int"), basic("bool")})), "(int, bool)");
  EXPECT_EQ(to_text(fn({basic("int"), var_args(unknown())}, unit())),
            "fn(int, VarArgs<Unknown>) -> ()");
  EXPECT_EQ(to_text(fn({}, never())), "fn() -> Never");
  EXPECT_EQ(to_text(channel(TypeKind::Sender, type_param("T"))), "Sender<T>");
  EXPECT_EQ(to_text(channel(TypeKind::Receiver, basic("int"))), "Receiver<int>");
  EXPECT_EQ(to_text(channel(TypeKind::Channel, basic("int"))), "Channel<int>");
  EXPECT_EQ(to_text(named("cache.Store", {type_param("K"), named("Comparable")})),
            "cache.Store<K, Comparable>");
}

TEST(LisetteType, OptionalDoesNotNest) {
  Type once = optional(ref(named("T"), true));
  EXPECT_EQ(to_text(optional(once)), "Option<mut Ref<T>>");
  EXPECT_TRUE(once.is(TypeKind::Option));
}

}  // namespace
}  // namespace lisbind::lis
