#include "mapping/binding_record.h"

#include "syntax/printer.h"

namespace lisbind::emit {

namespace {

std::string param_line(const ParamBinding& p) {
  std::string why;
  switch (p.mutability) {
    case ParamMutability::ByValue:
      why = "passed by value";
      break;
    case ParamMutability::Written:
      why = "written through (" + p.writes_at + "): mut";
      break;
    case ParamMutability::OnlyRead:
      why = "only read: read-only";
      break;
    case ParamMutability::NoEvidence:
      why = "no evidence of writes: read-only, so any reference can be passed";
      break;
  }
  if (p.nil_accepted) why += "; nil accepted (" + p.nil_at + "): Option";
  return "param " + p.name + ": " + lis::to_text(p.type) + " \u2014 " + why;
}

}  // namespace

std::vector<std::string> decision_lines(const Binding& b) {
  std::vector<std::string> lines;
  if (b.field_type) {
    lines.push_back("type: " + lis::to_text(*b.field_type) + " \u2014 " +
                    (b.field_type->is(lis::TypeKind::Option)
                         ? "a field's zero value is nil for this Go type, so it is an Option"
                         : "a field of a type that cannot be nil"));
  }
  if (!b.function) return lines;
  const FunctionBinding& f = *b.function;
  if (f.receiver) {
    const ReceiverBinding& r = *f.receiver;
    lis::ReceiverForm form = r.declared.form;
    lines.push_back("receiver: " + lis::receiver_text(r.declared) + " \u2014 " +
                    (form == lis::ReceiverForm::Value ? std::string("value receiver")
                     : form == lis::ReceiverForm::MutRef
                         ? "writes through it (" + r.writes_at + ")"
                         : std::string("no evidence of writes: read-only")));
  }
  for (const auto& p : f.params) lines.push_back(param_line(p));
  const ResultMapping& r = f.result;
  lines.push_back("result: " + lis::to_text(r.type) + " \u2014 rule " +
                  std::string(rule_code(r.rule)) +
                  (r.evidence.empty() ? std::string{} : " (" + r.evidence + ")"));
  if (f.override_applied) lines.push_back("overrides file: applied");
  if (f.shape_source) {
    lines.push_back("shape: as " + f.shape_source->interface_package + "." +
                    f.shape_source->interface_name + "." + b.symbol.substr(b.symbol.find('.') + 1) +
                    ", which " + b.symbol.substr(0, b.symbol.find('.')) + " implements");
  }
  return lines;
}

}  // namespace lisbind::emit
