#include "syntax/dlis_json_reader.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "base/errors.h"
#include "syntax/names.h"

namespace lisbind::lis {
namespace {

using json = nlohmann::json;

// A declaration that cannot be converted; caught where the declaration is, and listed.
struct Unrepresentable {
  std::string reason;
};

const json& member(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key))
    throw UserError(std::string("dlis-parse JSON: an object lacks \"") + key + "\"");
  return object.at(key);
}

std::string string_member(const json& object, const char* key) {
  const json& v = member(object, key);
  if (!v.is_string())
    throw UserError(std::string("dlis-parse JSON: \"") + key + "\" is not a string");
  return v.get<std::string>();
}

const json& array_member(const json& object, const char* key) {
  static const json kEmpty = json::array();
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) return kEmpty;
  const json& v = object.at(key);
  if (!v.is_array())
    throw UserError(std::string("dlis-parse JSON: \"") + key + "\" is not an array");
  return v;
}

bool bool_member(const json& object, const char* key) {
  return object.is_object() && object.contains(key) && object.at(key).is_boolean() &&
         object.at(key).get<bool>();
}

std::string text_of(const json& type) {
  return type.is_object() && type.contains("text") && type.at("text").is_string()
             ? type.at("text").get<std::string>()
             : "?";
}

const std::set<std::string>& basic_names() {
  static const std::set<std::string> kBasic = {
      "bool", "string",  "int",     "int8",      "int16",     "int32",   "int64",
      "uint", "uint8",   "uint16",  "uint32",    "uint64",    "uintptr", "byte",
      "rune", "float32", "float64", "complex64", "complex128"};
  return kBasic;
}

// Lisette's built-in type constructors and how many arguments each takes.
const std::map<std::string, std::pair<TypeKind, size_t>>& constructors() {
  static const std::map<std::string, std::pair<TypeKind, size_t>> kConstructors = {
      {"Ref", {TypeKind::Ref, 1}},           {"Slice", {TypeKind::Slice, 1}},
      {"Map", {TypeKind::Map, 2}},           {"Option", {TypeKind::Option, 1}},
      {"Result", {TypeKind::Result, 2}},     {"Partial", {TypeKind::Partial, 2}},
      {"Channel", {TypeKind::Channel, 1}},   {"Sender", {TypeKind::Sender, 1}},
      {"Receiver", {TypeKind::Receiver, 1}}, {"VarArgs", {TypeKind::VarArgs, 1}},
      {"Array", {TypeKind::Array, 2}},       {"Unit", {TypeKind::Unit, 0}},
      {"Unknown", {TypeKind::Unknown, 0}},   {"Never", {TypeKind::Never, 0}},
  };
  return kConstructors;
}

// Converts types with the type parameters of the enclosing declarations in scope.
// Names as lis's bindgen writes them. A type the file declares under a built-in's name is meant
// where the built-in's type arguments are not given (crypto/hpke's `Ref<Sender>`, go/types'
// `Ref<Slice>`, sync's `Map`), the built-in where they are (database/sql's `Result<T, error>`
// beside its own interface `Result`); where that cannot tell them apart the file qualifies its
// own type with its own package name (go/types' `types.Array`).
class TypeReader {
 public:
  TypeReader(const std::set<std::string>* declared, const std::string* own_prefix)
      : declared_(declared), own_prefix_(own_prefix) {}

  TypeReader with(const std::vector<Generic>& generics) const {
    TypeReader inner = *this;
    for (const auto& g : generics) inner.type_params_.insert(g.name);
    return inner;
  }

  Type type(const json& t) const {
    const std::string kind = string_member(t, "kind");
    const bool mut = bool_member(t, "mut");
    if (kind == "fn" || kind == "tuple") {
      std::vector<Type> args;
      for (const auto& a : array_member(t, "args")) args.push_back(type(a));
      if (kind == "tuple") return tuple(std::move(args));
      const json& ret = member(t, "ret");
      return fn(std::move(args), ret.is_null() ? unit() : type(ret));
    }
    if (kind != "named") {
      throw Unrepresentable{"the type `" + text_of(t) + "` (" + kind +
                            ") has no form in lisbind's type model"};
    }
    std::string name = string_member(t, "name");
    if (!own_prefix_->empty() && name.starts_with(*own_prefix_) &&
        declared_->contains(name.substr(own_prefix_->size())))
      name = name.substr(own_prefix_->size());
    auto mut_unsupported = [&] {
      return Unrepresentable{"`" + text_of(t) + "`: `mut` on a type that has no such form in lis"};
    };
    const json& given_args = array_member(t, "args");
    const size_t given = given_args.size();
    auto c = constructors().find(name);
    const bool declared =
        declared_->contains(name) &&
        (c == constructors().end() || c->second.second == 0 || c->second.second != given);
    const bool builtin = c != constructors().end() && !declared;
    std::vector<Type> args;
    for (size_t i = 0; i < given; ++i) {
      // The built-in Array's last argument is its length, not a type: read below.
      if (builtin && c->second.first == TypeKind::Array && i + 1 == given) continue;
      args.push_back(type(given_args[i]));
    }
    if (builtin) {
      auto [type_kind, arity] = c->second;
      if (given != arity)
        throw Unrepresentable{"`" + text_of(t) + "` has the wrong number of type arguments"};
      const bool mutable_kind =
          type_kind == TypeKind::Ref || type_kind == TypeKind::Slice || type_kind == TypeKind::Map;
      if (mut && !mutable_kind) throw mut_unsupported();
      if (type_kind == TypeKind::Array) {
        const json& length = given_args.back();
        try {
          return array(std::move(args[0]), std::stoll(text_of(length)));
        } catch (const std::exception&) {
          throw Unrepresentable{"`" + text_of(t) + "`: the array length is not an integer"};
        }
      }
      Type out;
      out.kind = type_kind;
      out.mut = mut;
      out.args = std::move(args);
      return out;
    }
    // `mut Addr`: a value whose methods may write through it.
    auto with_mut = [&](Type value) {
      value.mut = mut;
      return value;
    };
    if (type_params_.contains(name)) {
      if (!args.empty())
        throw Unrepresentable{"`" + text_of(t) + "`: a type parameter with type arguments"};
      return with_mut(type_param(name));
    }
    if (basic_names().contains(name) && !declared) {
      if (!args.empty())
        throw Unrepresentable{"`" + text_of(t) + "`: a basic type with type arguments"};
      return with_mut(basic(name));
    }
    return with_mut(named(name, std::move(args)));
  }

  std::vector<Generic> generics(const json& list) const {
    std::vector<Generic> out;
    for (const auto& g : list) out.emplace_back(string_member(g, "name"));
    // Bounds may name any of the list's parameters (`K: Comparable, V: Ord<K>`).
    TypeReader inner = with(out);
    size_t i = 0;
    for (const auto& g : list) {
      for (const auto& b : array_member(g, "bounds")) out[i].bounds.push_back(inner.type(b));
      ++i;
    }
    return out;
  }

 private:
  const std::set<std::string>* declared_;
  const std::string* own_prefix_;  // `types.` in go/types: the file naming its own types
  std::set<std::string> type_params_;
};

std::string unquote(const std::string& arg) {
  if (arg.size() >= 2 && arg.front() == '"' && arg.back() == '"')
    return arg.substr(1, arg.size() - 2);
  return arg;
}

bool is_quoted(const std::string& arg) { return arg.size() >= 2 && arg.front() == '"'; }

class Reader {
 public:
  explicit Reader(const std::string& own_binding) {
    if (!own_binding.empty()) own_prefix_ = own_binding + ".";
  }

  DlisReadResult read(const json& file) {
    if (!array_member(file, "parse_errors").empty()) {
      const json& e = array_member(file, "parse_errors").front();
      throw UserError("lis's parser rejects " +
                      (file.contains("path") && file.at("path").is_string()
                           ? file.at("path").get<std::string>()
                           : std::string("the typedef")) +
                      ": line " + std::to_string(e.value("line", 0)) + ": " +
                      e.value("message", std::string("?")));
    }
    if (file.contains("package_name") && file.at("package_name").is_string())
      out_.package_name = file.at("package_name").get<std::string>();
    if (!out_.package_name.empty()) out_.file.header.push_back("Package: " + out_.package_name);
    for (const auto& i : array_member(file, "imports")) {
      std::string path = string_member(i, "path");
      if (path.starts_with("go:")) path = path.substr(3);
      const json& alias = member(i, "alias");
      out_.file.imports.push_back({path, alias.is_string() ? alias.get<std::string>() : ""});
      // An import bound to the same name makes `name.X` that package's X, not the file's own.
      std::string binding =
          alias.is_string() ? alias.get<std::string>() : names::default_binding_name(path);
      if (binding + "." == own_prefix_) own_prefix_.clear();
    }
    std::map<std::string, size_t> impl_index;  // receiver type name -> index into impls
    for (const auto& d : array_member(file, "decls")) {
      const std::string kind = string_member(d, "kind");
      if (kind == "struct" || kind == "newtype" || kind == "opaque" || kind == "alias" ||
          kind == "interface" || kind == "enum")
        declared_.insert(string_member(d, "name"));
    }
    for (const auto& d : array_member(file, "decls")) {
      const std::string kind = string_member(d, "kind");
      const std::string name = d.contains("name") && d.at("name").is_string()
                                   ? d.at("name").get<std::string>()
                                   : std::string();
      try {
        if (kind != "method" && !bool_member(d, "public"))
          throw Unrepresentable{"not `pub`: not visible to code importing the package"};
        if (kind == "fn") {
          out_.file.functions.push_back(function(d, name, TypeReader{&declared_, &own_prefix_}));
        } else if (kind == "method") {
          method(d, impl_index);
        } else if (kind == "struct" || kind == "newtype" || kind == "opaque" || kind == "alias" ||
                   kind == "interface") {
          TypeDecl t = type_decl_header(d, name);
          try {
            type_body(d, kind, t);
          } catch (const Unrepresentable& u) {
            // Kept as an opaque type, so that the declarations naming it can still be probed;
            // only its representation (target, methods) is not.
            out_.unread.push_back(
                {name, u.reason + " (its representation is not probed; read as an opaque type)"});
            t.form = TypeForm::Opaque;
            t.fields.clear();
            t.target = Type{};
            t.embeds.clear();
            t.methods.clear();
          }
          out_.file.types.push_back(std::move(t));
        } else if (kind == "const") {
          Const c;
          c.name = name;
          const json& type = member(d, "type");
          if (!type.is_null()) c.type = TypeReader{&declared_, &own_prefix_}.type(type);
          const json& value = member(d, "value");
          if (!value.is_null()) c.value = text_of(value);
          out_.file.consts.push_back(std::move(c));
        } else if (kind == "var") {
          Var v;
          v.name = name;
          v.attributes = attributes(d, name);
          v.type = TypeReader{&declared_, &own_prefix_}.type(member(d, "type"));
          out_.file.vars.push_back(std::move(v));
        } else if (kind == "enum") {
          throw Unrepresentable{"an enum: lisbind's model of a typedef has no enums"};
        } else {
          throw Unrepresentable{"a declaration dlis-parse could not classify (`" + text_of(d) +
                                "`)"};
        }
      } catch (const Unrepresentable& u) {
        out_.unread.push_back({name.empty() ? "?" : name, u.reason});
      }
    }
    return std::move(out_);
  }

 private:
  // The attributes of `decl`; what lis::Attribute has no kind for goes to
  // `out_.dropped_attributes`, under `owner`.
  std::vector<Attribute> attributes(const json& decl, const std::string& owner) {
    std::vector<Attribute> out;
    for (const auto& a : array_member(decl, "attributes")) {
      const std::string name = string_member(a, "name");
      std::vector<std::string> args;
      for (const auto& arg : array_member(a, "args")) {
        if (!arg.is_string())
          throw UserError("dlis-parse JSON: an argument of `" + text_of(a) + "` is not a string");
        args.push_back(arg.get<std::string>());
      }
      auto drop = [&](const std::string& what) {
        out_.dropped_attributes.push_back({owner, what});
      };
      if (name == "allow") {
        for (const auto& arg : args) {
          if (arg == "unused_result") {
            out.emplace_back(AttributeKind::AllowUnusedResult);
          } else if (arg == "unused_value") {
            out.emplace_back(AttributeKind::AllowUnusedValue);
          } else {
            drop("#[allow(" + arg + ")]");
          }
        }
        continue;
      }
      if (name != "go") {
        drop(text_of(a));
        continue;
      }
      if (args.size() == 1 && is_quoted(args[0])) {
        out.emplace_back(AttributeKind::GoName, unquote(args[0]));
        continue;
      }
      for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        const bool has_string = i + 1 < args.size() && is_quoted(args[i + 1]);
        if (flag == "collapsed_type_params" && has_string) {
          out.emplace_back(AttributeKind::CollapsedTypeParams, unquote(args[++i]));
        } else if (flag == "unexported") {
          if (has_string) {
            out.emplace_back(AttributeKind::UnexportedIdentity, unquote(args[++i]));
          } else {
            out.emplace_back(AttributeKind::Unexported);
          }
        } else if (flag == "constraint") {
          out.emplace_back(AttributeKind::Constraint);
        } else if (flag == "hidden_fields") {
          out.emplace_back(AttributeKind::HiddenFields);
        } else if (flag == "incomparable") {
          out.emplace_back(AttributeKind::Incomparable);
        } else if (flag == "comma_ok") {
          out.emplace_back(AttributeKind::CommaOk);
        } else if (flag == "sentinel_minus_one") {
          out.emplace_back(AttributeKind::SentinelMinusOne);
        } else {
          drop("#[go(" + flag + (has_string ? ", " + args[++i] : "") + ")]");
        }
      }
    }
    return out;
  }

  std::vector<Param> params(const json& decl, const TypeReader& types) {
    std::vector<Param> out;
    for (const auto& p : array_member(decl, "params")) {
      const json& type = member(p, "type");
      if (type.is_null()) throw Unrepresentable{"a parameter without a type"};
      out.push_back({string_member(p, "name"), types.type(type)});
    }
    return out;
  }

  // A function, a method (receiver set by the caller) or an interface method.
  Function function(const json& d, const std::string& owner, const TypeReader& outer) {
    Function f;
    f.name = d.contains("method") ? string_member(d, "method") : string_member(d, "name");
    f.attributes = attributes(d, owner);
    f.generics = outer.generics(array_member(d, "generics"));
    TypeReader types = outer.with(f.generics);
    f.params = params(d, types);
    const json& result = member(d, "result");
    if (!result.is_null()) {
      Type r = types.type(result);
      if (!r.is(TypeKind::Unit)) f.result = std::move(r);
    }
    return f;
  }

  void method(const json& d, std::map<std::string, size_t>& impl_index) {
    const json& receiver_type = member(d, "receiver_type");
    std::string type_name = string_member(receiver_type, "name");
    if (!own_prefix_.empty() && type_name.starts_with(own_prefix_))
      type_name = type_name.substr(own_prefix_.size());
    const std::string symbol = type_name + "." + string_member(d, "method");
    std::vector<Generic> impl_generics =
        TypeReader{&declared_, &own_prefix_}.generics(array_member(d, "impl_generics"));
    TypeReader types = TypeReader{&declared_, &own_prefix_}.with(impl_generics);
    const json& self = member(d, "self");
    if (self.is_null())
      throw Unrepresentable{"an impl function without `self`: a Go method always has a receiver"};
    Receiver receiver;
    receiver.self_type = types.type(receiver_type);
    const json& self_type = member(self, "type");
    if (!self_type.is_null()) {
      Type t = types.type(self_type);
      if (!t.is(TypeKind::Ref) || t.args[0] != receiver.self_type)
        throw Unrepresentable{"receiver `self: " + text_of(self_type) +
                              "` is neither the type nor a reference to it"};
      receiver.form = t.mut ? ReceiverForm::MutRef : ReceiverForm::Ref;
    }
    Function f = function(d, symbol, types);
    f.receiver = receiver;
    if (has_attribute(f.attributes, AttributeKind::Unexported) ||
        has_attribute(f.attributes, AttributeKind::UnexportedIdentity) ||
        !std::isupper(static_cast<unsigned char>(f.name[0]))) {
      throw Unrepresentable{
          "an unexported Go method (it seals an interface): Lisette code cannot name it"};
    }
    auto [it, added] = impl_index.try_emplace(type_name, out_.file.impls.size());
    if (added)
      out_.file.impls.push_back({.type_name = type_name, .generics = impl_generics, .methods = {}});
    Impl& impl = out_.file.impls[it->second];
    if (impl.generics != impl_generics)
      throw Unrepresentable{"impl blocks of " + type_name + " with different type parameters"};
    impl.methods.push_back(std::move(f));
  }

  TypeDecl type_decl_header(const json& d, const std::string& name) {
    TypeDecl t;
    t.name = name;
    t.attributes = attributes(d, name);
    t.generics = TypeReader{&declared_, &own_prefix_}.generics(array_member(d, "generics"));
    return t;
  }

  void type_body(const json& d, const std::string& kind, TypeDecl& t) {
    const std::string& name = t.name;
    TypeReader types = TypeReader{&declared_, &own_prefix_}.with(t.generics);
    if (kind == "struct") {
      t.form = TypeForm::Struct;
      for (const auto& f : array_member(d, "fields")) {
        Field field;
        const bool embedded = bool_member(f, "embedded");
        const std::string field_name = string_member(f, "name");
        const std::string symbol = name + "." + field_name;
        if (!embedded && !bool_member(f, "public")) {
          out_.unread.push_back({symbol, "a field that is not `pub`"});
          continue;
        }
        field.name = embedded ? "" : field_name;
        field.attributes = attributes(f, symbol);
        try {
          field.type = types.type(member(f, "type"));
        } catch (const Unrepresentable& u) {
          // The struct stays usable; only this field is not read.
          out_.unread.push_back({symbol, u.reason});
          continue;
        }
        t.fields.push_back(std::move(field));
      }
    } else if (kind == "newtype") {
      t.form = TypeForm::Newtype;
      const json& elements = array_member(d, "elements");
      if (elements.size() != 1)
        throw Unrepresentable{"a tuple struct with " + std::to_string(elements.size()) +
                              " elements (a newtype has one)"};
      t.target = types.type(elements[0]);
    } else if (kind == "opaque") {
      t.form = TypeForm::Opaque;
    } else if (kind == "alias") {
      t.form = TypeForm::Alias;
      t.target = types.type(member(d, "target"));
    } else {
      t.form = TypeForm::Interface;
      for (const auto& e : array_member(d, "embeds")) t.embeds.push_back(types.type(e));
      // One method that cannot be read makes the whole interface unreadable: an interface
      // missing a method is a different interface.
      for (const auto& m : array_member(d, "methods"))
        t.methods.push_back(function(m, name + "." + string_member(m, "name"), types));
    }
  }

  DlisReadResult out_;
  std::set<std::string> declared_;  // type names the file declares
  std::string own_prefix_;          // `<own binding>.`, or empty
};

}  // namespace

DlisReadResult read_dlis_json(const nlohmann::json& file_json, const std::string& own_binding) {
  if (!file_json.is_object()) throw UserError("dlis-parse JSON: a file entry is not an object");
  try {
    return Reader{own_binding}.read(file_json);
  } catch (const nlohmann::json::exception& e) {
    // A member of the wrong JSON type where the reader does not check it first.
    const json* path = file_json.contains("path") ? &file_json.at("path") : nullptr;
    throw UserError("dlis-parse JSON" +
                    (path && path->is_string() ? " for " + path->get<std::string>() : "") +
                    ": not in dlis-parse's form (" + e.what() + ")");
  }
}

}  // namespace lisbind::lis
