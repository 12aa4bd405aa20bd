#include "syntax/printer.h"

#include <algorithm>
#include <map>
#include <set>

namespace lisbind::lis {
namespace {

void print_doc(std::string& out, const std::vector<std::string>& doc, const std::string& indent) {
  for (const auto& line : doc) {
    out += indent + "///";
    if (!line.empty()) out += " " + line;
    out += "\n";
  }
}

void print_attributes(std::string& out, const std::vector<Attribute>& attributes,
                      const std::string& indent) {
  for (const auto& a : attributes) out += indent + attribute_text(a) + "\n";
}

// `<K: Comparable, V>` with bounds, `<K, V>` without.
std::string generics_text(const std::vector<Generic>& generics, bool with_bounds = true) {
  if (generics.empty()) return {};
  std::string s = "<";
  for (size_t i = 0; i < generics.size(); ++i) {
    const auto& g = generics[i];
    s += (i ? ", " : "") + g.name;
    if (!with_bounds) continue;
    for (size_t b = 0; b < g.bounds.size(); ++b) s += (b ? " + " : ": ") + to_text(g.bounds[b]);
  }
  return s + ">";
}

std::string param_text(const Param& p) { return p.name + ": " + to_text(p.type); }

}  // namespace

std::string attribute_text(const Attribute& a) {
  switch (a.kind) {
    case AttributeKind::Unexported:
      return "#[go(unexported)]";
    case AttributeKind::UnexportedIdentity:
      return "#[go(unexported, \"" + a.arg + "\")]";
    case AttributeKind::Constraint:
      return "#[go(constraint)]";
    case AttributeKind::HiddenFields:
      return "#[go(hidden_fields)]";
    case AttributeKind::Incomparable:
      return "#[go(incomparable)]";
    case AttributeKind::CommaOk:
      return "#[go(comma_ok)]";
    case AttributeKind::SentinelMinusOne:
      return "#[go(sentinel_minus_one)]";
    case AttributeKind::GoName:
      return "#[go(\"" + a.arg + "\")]";
    case AttributeKind::CollapsedTypeParams:
      return "#[go(collapsed_type_params, \"" + a.arg + "\")]";
    case AttributeKind::AllowUnusedResult:
      return "#[allow(unused_result)]";
    case AttributeKind::AllowUnusedValue:
      return "#[allow(unused_value)]";
  }
  return {};
}

bool has_attribute(const std::vector<Attribute>& attributes, AttributeKind kind) {
  return std::any_of(attributes.begin(), attributes.end(),
                     [&](const Attribute& a) { return a.kind == kind; });
}

std::string receiver_text(const Receiver& r) {
  switch (r.form) {
    case ReceiverForm::Value:
      return "self";
    case ReceiverForm::Ref:
      return "self: " + to_text(ref(r.self_type, false));
    case ReceiverForm::MutRef:
      return "self: " + to_text(ref(r.self_type, true));
  }
  return "self";
}

std::string print_function(const Function& f, const std::string& indent, bool is_pub) {
  std::string out;
  print_doc(out, f.doc, indent);
  print_attributes(out, f.attributes, indent);
  std::string head =
      indent + (is_pub ? "pub fn " : "fn ") + f.name + generics_text(f.generics) + "(";
  std::vector<std::string> items;
  if (f.receiver) items.push_back(receiver_text(*f.receiver));
  for (const auto& p : f.params) items.push_back(param_text(p));
  std::string tail = ")";
  if (f.result) tail += " -> " + to_text(*f.result);

  std::string one_line = head;
  for (size_t i = 0; i < items.size(); ++i) one_line += (i ? ", " : "") + items[i];
  one_line += tail;
  if (one_line.size() <= kMaxLineWidth || items.empty()) return out + one_line + "\n";
  out += head + "\n";
  for (const auto& item : items) out += indent + "  " + item + ",\n";
  return out + indent + tail + "\n";
}

std::string print_type_decl(const TypeDecl& t) {
  std::string out;
  print_doc(out, t.doc, "");
  print_attributes(out, t.attributes, "");
  std::string name = t.name + generics_text(t.generics);
  switch (t.form) {
    case TypeForm::Opaque:
      out += "pub type " + name + "\n";
      break;
    case TypeForm::Alias:
      out += "pub type " + name + " = " + to_text(t.target) + "\n";
      break;
    case TypeForm::Newtype:
      out += "pub struct " + name + "(" + to_text(t.target) + ")\n";
      break;
    case TypeForm::Struct:
      if (t.fields.empty()) {
        out += "pub struct " + name + " {}\n";
        break;
      }
      out += "pub struct " + name + " {\n";
      for (const auto& f : t.fields) {
        // On fields lis wants attributes before the doc comment, unlike everywhere else.
        print_attributes(out, f.attributes, "  ");
        print_doc(out, f.doc, "  ");
        out += f.name.empty() ? "  embed " + to_text(f.type) + ",\n"
                              : "  pub " + f.name + ": " + to_text(f.type) + ",\n";
      }
      out += "}\n";
      break;
    case TypeForm::Interface:
      if (t.embeds.empty() && t.methods.empty()) {
        out += "pub interface " + name + " {}\n";
        break;
      }
      out += "pub interface " + name + " {\n";
      for (const auto& e : t.embeds) out += "  embed " + to_text(e) + "\n";
      for (const auto& m : t.methods) out += print_function(m, "  ", false);
      out += "}\n";
      break;
  }
  return out;
}

std::string print_file(const File& file) {
  std::vector<std::string> blocks;  // each printed item; joined with blank lines

  // Named types that own typed constants print first, each followed by its constants, the way
  // an enum reads: the type, then its values.
  std::map<std::string, std::vector<const Const*>> consts_by_type;
  std::vector<const Const*> loose_consts;
  std::set<std::string> type_names;
  for (const auto& t : file.types) type_names.insert(t.name);
  for (const auto& c : file.consts) {
    bool of_own_type = c.type && c.type->is(TypeKind::Named) && c.type->args.empty() &&
                       type_names.contains(c.type->name);
    if (of_own_type) {
      consts_by_type[c.type->name].push_back(&c);
    } else {
      loose_consts.push_back(&c);
    }
  }
  auto by_name = [](const auto* a, const auto* b) { return a->name < b->name; };
  auto print_const = [](const Const& c) {
    std::string out;
    print_doc(out, c.doc, "");  // lis rejects attributes on constants, so there are none
    out += "pub const " + c.name + (c.type ? ": " + to_text(*c.type) : "") +
           (c.value.empty() ? "" : " = " + c.value) + "\n";
    return out;
  };

  std::vector<const TypeDecl*> types;
  for (const auto& t : file.types) types.push_back(&t);
  std::sort(types.begin(), types.end(), by_name);
  for (const auto* t : types) {
    auto it = consts_by_type.find(t->name);
    if (it == consts_by_type.end()) continue;
    blocks.push_back(print_type_decl(*t));
    std::sort(it->second.begin(), it->second.end(), by_name);
    for (const auto* c : it->second) blocks.push_back(print_const(*c));
  }

  std::vector<const Function*> functions;
  for (const auto& f : file.functions) functions.push_back(&f);
  std::sort(functions.begin(), functions.end(), by_name);
  for (const auto* f : functions) blocks.push_back(print_function(*f, "", true));

  for (const auto* t : types) {
    if (!consts_by_type.contains(t->name)) blocks.push_back(print_type_decl(*t));
  }
  std::sort(loose_consts.begin(), loose_consts.end(), by_name);
  for (const auto* c : loose_consts) blocks.push_back(print_const(*c));

  std::vector<const Var*> vars;
  for (const auto& v : file.vars) vars.push_back(&v);
  std::sort(vars.begin(), vars.end(), by_name);
  for (const auto* v : vars) {
    std::string out;
    print_doc(out, v->doc, "");
    print_attributes(out, v->attributes, "");
    blocks.push_back(out + "pub var " + v->name + ": " + to_text(v->type) + "\n");
  }

  std::vector<const Skipped*> skipped;
  for (const auto& s : file.skipped) skipped.push_back(&s);
  std::stable_sort(skipped.begin(), skipped.end(), by_name);
  for (const auto* s : skipped) {
    // Both lines are comments whatever the reason says: a newline inside it would break parsing.
    std::string reason = s->reason;
    std::replace(reason.begin(), reason.end(), '\n', ' ');
    blocks.push_back("// SKIPPED: " + s->name + " - " + s->code + "\n// " + reason + "\n");
  }

  std::vector<const Impl*> impls;
  for (const auto& i : file.impls) {
    if (!i.methods.empty()) impls.push_back(&i);
  }
  std::sort(impls.begin(), impls.end(),
            [](auto* a, auto* b) { return a->type_name < b->type_name; });
  for (const auto* impl : impls) {
    std::vector<const Function*> methods;
    for (const auto& m : impl->methods) methods.push_back(&m);
    std::sort(methods.begin(), methods.end(), by_name);
    // `impl<T: Comparable> Set<T>`: bounds on the impl's parameters, bare names on the type.
    std::string out = "impl" + generics_text(impl->generics) + " " + impl->type_name +
                      generics_text(impl->generics, false) + " {\n";
    for (size_t i = 0; i < methods.size(); ++i) {
      if (i) out += "\n";
      out += print_function(*methods[i], "  ", false);
    }
    blocks.push_back(out + "}\n");
  }

  std::string out;
  for (const auto& h : file.header) out += "// " + h + "\n";
  if (!file.imports.empty()) {
    out += "\n";
    std::vector<Import> imports = file.imports;
    std::sort(imports.begin(), imports.end(), [](auto& a, auto& b) { return a.path < b.path; });
    for (const auto& i : imports) {
      out += "import " + (i.alias.empty() ? "" : i.alias + " ") + "\"go:" + i.path + "\"\n";
    }
  }
  for (const auto& b : blocks) out += "\n" + b;
  return out;
}

}  // namespace lisbind::lis
