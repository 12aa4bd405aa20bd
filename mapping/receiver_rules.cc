#include "mapping/receiver_rules.h"

namespace lisbind::emit {

ReceiverBinding map_receiver(const model::Method& method, lis::Type self_type) {
  bool writes = method.facts.receiver_writes == model::WriteFact::Yes;
  lis::ReceiverForm form = !method.pointer_receiver ? lis::ReceiverForm::Value
                           : writes                 ? lis::ReceiverForm::MutRef
                                                    : lis::ReceiverForm::Ref;
  return {.declared = {.form = form, .self_type = std::move(self_type)},
          .writes_at = writes ? method.facts.receiver_writes_at : std::string{}};
}

lis::Type self_type(const std::string& own_name, const std::vector<model::TypeParam>& tparams) {
  std::vector<lis::Type> args;
  for (const auto& tp : tparams) args.push_back(lis::type_param(tp.name));
  return lis::named(own_name, std::move(args));
}

}  // namespace lisbind::emit
