#include "mapping/function_rules.h"

#include "mapping/doc_comment.h"
#include "mapping/param_rules.h"
#include "mapping/receiver_rules.h"
#include "syntax/names.h"

namespace lisbind::emit {

MappedFunction map_function(const TypeMapper& types, const model::Signature& sig,
                            const SignatureContext& context, const FunctionEvidence& evidence) {
  const std::string& name = context.function_name;
  if (names::is_lisette_keyword(name))
    throw Unmappable(Rule::KeywordName, name + " is a Lisette keyword");
  const Override* o = evidence.override;
  if (o && o->skip) throw Unmappable(Rule::OverrideSkip, "skipped by the project's overrides file");
  model::Facts facts = apply_override(evidence.facts ? *evidence.facts : model::Facts{}, sig, o);
  const model::Facts* known = facts.present ? &facts : nullptr;

  MappedFunction mapped;
  FunctionBinding& binding = mapped.binding;
  binding.params = map_params(types, sig, known);
  SignatureContext results_context = context;
  results_context.sentinel_minus_one = says_minus_one_means_absent(evidence.doc);
  results_context.facts = known;
  if (o) {
    results_context.override = {
        .partial = o->partial, .flag_bool = o->flag_bool, .direct_error = o->direct_error};
  }
  binding.result = map_results(types, sig, results_context);
  binding.override_applied = o != nullptr;
  mapped.rule = binding.result.rule;

  lis::Function& f = mapped.declaration;
  f.doc = doc_lines(evidence.doc);
  f.name = name;
  for (const auto& p : binding.params) f.params.push_back({.name = p.name, .type = p.type});
  const ResultMapping& r = binding.result;
  if (r.has_result()) f.result = r.type;
  if (o && !o->rename.empty()) {
    f.attributes.push_back({lis::AttributeKind::GoName, name});  // Lisette name, Go name
    f.name = o->rename;
  }
  if (r.comma_ok) f.attributes.push_back(lis::AttributeKind::CommaOk);
  if (r.rule == Rule::SentinelMinusOne)
    f.attributes.push_back(lis::AttributeKind::SentinelMinusOne);
  // Results callers routinely drop: closing, flushing, and a builder handing back itself.
  if (r.is_unit_result() && (name == "Close" || name == "Flush")) {
    f.attributes.push_back(lis::AttributeKind::AllowUnusedResult);
  }
  if (r.rule == Rule::FluentBuilder) f.attributes.push_back(lis::AttributeKind::AllowUnusedValue);
  return mapped;
}

MappedFunction map_method(const TypeMapper& types, const MethodOwner& owner,
                          const model::Method& method, const ImplementedMethod* implemented,
                          const Override* override) {
  MappedFunction mapped;
  if (implemented) {
    // The interface's shape, not the body's evidence: were the result Option here and plain
    // in the interface, the type would no longer implement it in Lisette (DeepCopyObject).
    const InterfaceMethodEntry& im = *implemented->method;
    mapped = map_function(types, im.sig,
                          {.function_name = method.name,
                           .is_method = true,
                           .receiver_pkg = im.declaring_package,
                           .receiver_name = im.declaring_interface},
                          {.doc = im.doc, .facts = nullptr, .override = override});
    mapped.rule = Rule::InterfaceMethodShape;
    mapped.binding.shape_source = ShapeSource{.interface_package = implemented->interface_package,
                                              .interface_name = implemented->interface_name};
  } else {
    mapped = map_function(types, method.sig,
                          {.function_name = method.name,
                           .is_method = true,
                           .receiver_pkg = owner.go_package,
                           .receiver_name = owner.type_name},
                          {.doc = method.doc, .facts = &method.facts, .override = override});
  }
  mapped.declaration.doc = doc_lines(method.doc);
  ReceiverBinding receiver = map_receiver(method, owner.self_type);
  mapped.declaration.receiver = receiver.declared;
  mapped.binding.receiver = std::move(receiver);
  return mapped;
}

}  // namespace lisbind::emit
