// The receiver rules: a Go method and its body's evidence in, how Lisette takes `self` out.
#include "mapping/receiver_rules.h"

#include <gtest/gtest.h>

#include "syntax/printer.h"

namespace lisbind::emit {
namespace {

model::Method method(bool pointer_receiver, model::WriteFact receiver_writes,
                     const std::string& at = "") {
  model::Method m;
  m.name = "Reset";
  m.pointer_receiver = pointer_receiver;
  m.facts.present = true;
  m.facts.receiver_writes = receiver_writes;
  m.facts.receiver_writes_at = at;
  return m;
}

TEST(ReceiverRules, APointerReceiverTheBodyWritesIsMutRefWithThePosition) {
  ReceiverBinding r =
      map_receiver(method(true, model::WriteFact::Yes, "buffer.go:40"), lis::named("Buffer"));
  EXPECT_EQ(r.declared.form, lis::ReceiverForm::MutRef);
  EXPECT_EQ(lis::receiver_text(r.declared), "self: mut Ref<Buffer>");
  EXPECT_EQ(r.writes_at, "buffer.go:40");
}

TEST(ReceiverRules, APointerReceiverWithoutWritesIsARef) {
  for (auto fact : {model::WriteFact::No, model::WriteFact::Unknown, model::WriteFact::Unstated}) {
    ReceiverBinding r = map_receiver(method(true, fact), lis::named("Buffer"));
    EXPECT_EQ(lis::receiver_text(r.declared), "self: Ref<Buffer>");
    EXPECT_EQ(r.writes_at, "");
  }
}

TEST(ReceiverRules, AValueReceiverIsSelfEvenWhenTheBodyWritesItsCopy) {
  ReceiverBinding r =
      map_receiver(method(false, model::WriteFact::Yes, "point.go:3"), lis::named("Point"));
  EXPECT_EQ(r.declared.form, lis::ReceiverForm::Value);
  EXPECT_EQ(lis::receiver_text(r.declared), "self");
}

TEST(ReceiverRules, AGenericTypesSelfNamesItsParameters) {
  std::vector<model::TypeParam> tparams = {{.name = "K", .constraint = nullptr},
                                           {.name = "V", .constraint = nullptr}};
  EXPECT_EQ(lis::to_text(self_type("Cache", tparams)), "Cache<K, V>");
  EXPECT_EQ(lis::to_text(self_type("p.Option", {})), "p.Option");
}

}  // namespace
}  // namespace lisbind::emit
