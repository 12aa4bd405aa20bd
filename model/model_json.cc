#include "model/model_json.h"

#include <simdjson.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/errors.h"

namespace lisbind::model {
namespace {

using nlohmann::json;
namespace od = simdjson::ondemand;

// --- reading -----------------------------------------------------------------------------------
// One pass of simdjson's On-Demand API, straight into the model with no document tree in between
// (several times faster than nlohmann on a 25 MB client-go model). It reads documents exactly as
// the nlohmann reader before it did:
//  - an absent key and `null` both read as empty (the helper leaves empty values out);
//  - a value that should be an object but is not reads as an object without keys (nlohmann's
//    `find` found nothing in it), so it is an error only where a key is required;
//  - a list may also be an object (its values count) or a lone value (it counts itself), as
//    nlohmann iterated them;
//  - a flag is true only when it is `true`;
//  - when a key repeats, the last one counts.
// Values the model does not use are still read through (`skip`), so every byte of the document is
// checked to be JSON, as On-Demand would otherwise leave them unchecked.

// Thrown while reading; `path` grows as the exception unwinds, naming the offending value.
struct ReadError {
  enum Kind { Syntax, Misfit, Verbatim } kind;  // Verbatim: `message` is already the whole message
  std::string message;
  std::string path;  // e.g. packages[3].decls[12].sig

  void enter(std::string_view step) {  // step: a key, or "[i]"
    if (!path.empty() && path.front() != '[') path.insert(0, 1, '.');
    path.insert(0, step);
  }
};

[[noreturn]] void misfit(std::string message) {
  throw ReadError{.kind = ReadError::Misfit, .message = std::move(message), .path = {}};
}

[[noreturn]] void syntax_error(simdjson::error_code code) {
  // Having looked at the value's first byte, the reader only asks for a type it has; then
  // INCORRECT_TYPE means a broken literal such as `tru`.
  throw ReadError{
      ReadError::Syntax,
      code == simdjson::INCORRECT_TYPE ? "malformed literal" : simdjson::error_message(code),
      {}};
}

template <typename T>
T check(simdjson::simdjson_result<T>&& result) {
  T value;
  if (auto code = std::move(result).get(value)) syntax_error(code);
  return value;
}

const char* type_name(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

[[noreturn]] void expected(const char* what, od::json_type found) {
  misfit(std::string("expected ") + what + ", found " + type_name(found));
}

od::json_type type_of(od::value& v) { return check(v.type()); }

// Reads a value known to start with 'n'.
void null(od::value& v) {
  if (!check(v.is_null())) syntax_error(simdjson::N_ATOM_ERROR);
}

bool take_null(od::value& v) {
  if (type_of(v) != od::json_type::null) return false;
  null(v);
  return true;
}

// Set when a repeated key replaced a value that did not fit. Reading had stopped inside that value
// and On-Demand skipped the rest of it unchecked, so the whole document is checked once more.
thread_local bool skipped_unchecked = false;

// Calls fn(key, value) for each member of an object. As the last of repeated keys counts, a value
// that does not fit is an error only if no later member with the same key replaces it.
template <typename Fn>
void each_member(od::object object, Fn&& fn) {
  std::vector<std::pair<std::string_view, ReadError>> misfits;  // almost always empty
  for (auto member : object) {
    od::field field = check(std::move(member));
    std::string_view key = check(field.unescaped_key());
    if (!misfits.empty() &&
        std::erase_if(misfits, [&](const auto& m) { return m.first == key; }) > 0) {
      skipped_unchecked = true;
    }
    try {
      fn(key, field.value());
    } catch (ReadError& e) {
      e.enter(key);
      if (e.kind == ReadError::Syntax) throw;
      misfits.emplace_back(key, std::move(e));  // iterating on skips what is left of the value
    }
  }
  if (!misfits.empty()) throw std::move(misfits.front().second);
}

template <typename Fn>
void each_element(od::array array, Fn&& fn) {
  std::size_t i = 0;
  for (auto element : array) {
    try {
      od::value item = check(std::move(element));
      fn(item);
    } catch (ReadError& e) {
      e.enter("[" + std::to_string(i) + "]");
      throw;
    }
    ++i;
  }
}

// Reads a value the model has no use for, checking it and everything inside it.
void skip(od::value& v) {
  switch (type_of(v)) {
    case od::json_type::object:
      each_member(check(v.get_object()), [](std::string_view, od::value& x) { skip(x); });
      return;
    case od::json_type::array:
      each_element(check(v.get_array()), [](od::value& x) { skip(x); });
      return;
    case od::json_type::string:
      check(v.get_string());
      return;
    case od::json_type::number:
      check(v.get_double());
      return;  // takes any valid number
    case od::json_type::boolean:
      check(v.get_bool());
      return;
    case od::json_type::null:
      null(v);
      return;
  }
}

// Calls fn(key, value) for each member of an object, which must have the `required` keys. A value
// of another type reads as an object without members.
template <typename Fn>
void members(od::value& v, std::initializer_list<std::string_view> required, Fn&& fn) {
  if (od::json_type t = type_of(v); t != od::json_type::object) {
    if (required.size() > 0) {
      misfit("expected an object with key '" + std::string(*required.begin()) + "', found " +
             type_name(t));
    }
    skip(v);
    return;
  }
  unsigned seen = 0;  // one bit per required key
  each_member(check(v.get_object()), [&](std::string_view key, od::value& x) {
    unsigned bit = 1;
    for (std::string_view r : required) {
      if (key == r) seen |= bit;
      bit <<= 1;
    }
    fn(key, x);
  });
  unsigned bit = 1;
  for (std::string_view r : required) {
    if (!(seen & bit)) misfit("key '" + std::string(r) + "' not found");
    bit <<= 1;
  }
}

template <typename Fn>
void members(od::value& v, Fn&& fn) {
  members(v, {}, std::forward<Fn>(fn));
}

// Calls fn(value) for each item of a list: an array's elements, or what nlohmann iterated
// otherwise (see above).
template <typename Fn>
void items(od::value& v, Fn&& fn) {
  switch (type_of(v)) {
    case od::json_type::array:
      each_element(check(v.get_array()), fn);
      return;
    case od::json_type::object:
      each_member(check(v.get_object()), [&](std::string_view, od::value& x) { fn(x); });
      return;
    case od::json_type::null:
      null(v);
      return;
    default:
      fn(v);
      return;
  }
}

// A string that must be there: null does not do. The view lives as long as the document.
std::string_view text(od::value& v) {
  if (od::json_type t = type_of(v); t != od::json_type::string) expected("a string", t);
  return check(v.get_string());
}

// A string that may be left out: null reads as "".
std::string str(od::value& v) { return take_null(v) ? std::string() : std::string(text(v)); }

bool flag(od::value& v) {
  if (type_of(v) == od::json_type::boolean) return check(v.get_bool());
  skip(v);
  return false;
}

std::vector<std::string> strings(od::value& v) {
  std::vector<std::string> out;
  if (take_null(v)) return out;
  if (od::json_type t = type_of(v); t != od::json_type::array) expected("an array of strings", t);
  each_element(check(v.get_array()), [&](od::value& x) { out.emplace_back(text(x)); });
  return out;
}

// A number read as an integer; like nlohmann's get<std::int64_t>, this truncates a fraction.
std::int64_t integer(od::value& v) {
  if (od::json_type t = type_of(v); t != od::json_type::number) expected("a number", t);
  if (std::int64_t i; v.get_int64().get(i) == simdjson::SUCCESS) return i;
  if (std::uint64_t u; v.get_uint64().get(u) == simdjson::SUCCESS)
    return static_cast<std::int64_t>(u);
  double d = check(v.get_double());
  if (!(d >= -0x1p63 && d < 0x1p63)) misfit("number out of range");
  return static_cast<std::int64_t>(d);
}

[[noreturn]] void unknown(const char* what, std::string_view name) {
  throw ReadError{
      ReadError::Verbatim,
      "the Go helper's JSON has an unknown " + std::string(what) + " '" + std::string(name) + "'",
      {}};
}

TypeKind parse_kind(std::string_view k) {
  static const std::pair<std::string_view, TypeKind> kinds[] = {
      {"basic", TypeKind::Basic},     {"named", TypeKind::Named},
      {"alias", TypeKind::Alias},     {"tparam", TypeKind::TypeParam},
      {"pointer", TypeKind::Pointer}, {"slice", TypeKind::Slice},
      {"array", TypeKind::Array},     {"map", TypeKind::Map},
      {"chan", TypeKind::Chan},       {"func", TypeKind::Func},
      {"struct", TypeKind::Struct},   {"interface", TypeKind::Interface}};
  for (const auto& [name, kind] : kinds) {
    if (k == name) return kind;
  }
  unknown("type kind", k);
}

ChanDir parse_dir(std::string_view d) {
  if (d == "send") return ChanDir::Send;
  if (d == "recv") return ChanDir::Recv;
  return ChanDir::Both;
}

TypePtr read_type(od::value& v);

TypePtr read_optional_type(od::value& v) { return take_null(v) ? nullptr : read_type(v); }

// Reads a list (see `items`) into a vector, one T per item.
template <typename T, typename Fn>
std::vector<T> read_list(od::value& v, Fn&& read_item) {
  std::vector<T> list;
  items(v, [&](od::value& item) { read_item(item, list.emplace_back()); });
  return list;
}

std::vector<TypePtr> read_types(od::value& v) {
  return read_list<TypePtr>(v, [](od::value& item, TypePtr& t) { t = read_type(item); });
}

std::vector<Param> read_params(od::value& v) {
  return read_list<Param>(v, [](od::value& item, Param& p) {
    members(item, {"type"}, [&](std::string_view key, od::value& x) {
      if (key == "type")
        p.type = read_type(x);
      else if (key == "name")
        p.name = str(x);
      else
        skip(x);
    });
  });
}

Signature read_signature(od::value& v) {
  Signature s;
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "params")
      s.params = read_params(x);
    else if (key == "results")
      s.results = read_params(x);
    else if (key == "variadic")
      s.variadic = flag(x);
    else
      skip(x);
  });
  return s;
}

std::vector<Field> read_fields(od::value& v) {
  return read_list<Field>(v, [](od::value& item, Field& f) {
    members(item, {"type"}, [&](std::string_view key, od::value& x) {
      if (key == "name")
        f.name = str(x);
      else if (key == "type")
        f.type = read_type(x);
      else if (key == "embedded")
        f.embedded = flag(x);
      else if (key == "exported")
        f.exported = flag(x);
      else if (key == "tag")
        f.tag = str(x);
      else if (key == "doc")
        f.doc = str(x);
      else
        skip(x);
    });
  });
}

std::vector<InterfaceMethod> read_interface_methods(od::value& v) {
  return read_list<InterfaceMethod>(v, [](od::value& item, InterfaceMethod& m) {
    members(item, {"sig"}, [&](std::string_view key, od::value& x) {
      if (key == "name")
        m.name = str(x);
      else if (key == "sig")
        m.sig = read_signature(x);
      else if (key == "doc")
        m.doc = str(x);
      else
        skip(x);
    });
  });
}

std::vector<std::vector<UnionTerm>> read_unions(od::value& v) {
  return read_list<std::vector<UnionTerm>>(
      v, [](od::value& element, std::vector<UnionTerm>& terms) {
        terms = read_list<UnionTerm>(element, [](od::value& item, UnionTerm& term) {
          members(item, {"type"}, [&](std::string_view key, od::value& x) {
            if (key == "type")
              term.type = read_type(x);
            else if (key == "tilde")
              term.tilde = flag(x);
            else
              skip(x);
          });
        });
      });
}

TypePtr read_type(od::value& v) {
  auto t = std::make_shared<TypeRef>();
  members(v, {"k"}, [&](std::string_view key, od::value& x) {
    if (key == "k")
      t->kind = parse_kind(text(x));
    else if (key == "name")
      t->name = str(x);
    else if (key == "pkg")
      t->pkg = str(x);
    else if (key == "elem")
      t->elem = read_optional_type(x);
    else if (key == "sig")
      t->sig = std::make_shared<Signature>(read_signature(x));
    else if (key == "args")
      t->args = read_types(x);
    else if (key == "target")
      t->target = read_optional_type(x);
    else if (key == "key")
      t->key = read_optional_type(x);
    else if (key == "len")
      t->length = integer(x);
    else if (key == "dir")
      t->dir = parse_dir(str(x));
    else if (key == "fields")
      t->fields = read_fields(x);
    else if (key == "methods")
      t->methods = read_interface_methods(x);
    else if (key == "embeds")
      t->embeds = read_types(x);
    else if (key == "union")
      t->unions = read_unions(x);
    else if (key == "comparable")
      t->comparable = flag(x);
    else
      skip(x);
  });
  return t;
}

// A fact's value: one of the helper's words (see fact_name), or null / "" for none stated.
template <typename Fact>
Fact parse_fact(od::value& v, const char* what, std::initializer_list<Fact> values) {
  std::string s = str(v);
  if (s.empty()) return Fact::Unstated;
  for (Fact f : values) {
    if (s == fact_name(f)) return f;
  }
  unknown(what, s);
}

NilFact nil_fact(od::value& v) {
  return parse_fact(v, "nil fact", {NilFact::Unknown, NilFact::Never, NilFact::May});
}
WriteFact write_fact(od::value& v) {
  return parse_fact(v, "writes fact", {WriteFact::Unknown, WriteFact::No, WriteFact::Yes});
}
NilArgFact nil_arg_fact(od::value& v) {
  return parse_fact(v, "parameter nil fact",
                    {NilArgFact::Unknown, NilArgFact::Accepted, NilArgFact::Rejected});
}

std::vector<ResultFact> read_result_facts(od::value& v) {
  return read_list<ResultFact>(v, [](od::value& item, ResultFact& r) {
    members(item, [&](std::string_view key, od::value& x) {
      if (key == "nil")
        r.nil = nil_fact(x);
      else if (key == "at")
        r.at = str(x);
      else if (key == "nil_with_nil_error")
        r.nil_with_nil_error = nil_fact(x);
      else if (key == "nil_with_nil_error_at")
        r.nil_with_nil_error_at = str(x);
      else
        skip(x);
    });
  });
}

std::vector<ParamFact> read_param_facts(od::value& v) {
  return read_list<ParamFact>(v, [](od::value& item, ParamFact& p) {
    members(item, [&](std::string_view key, od::value& x) {
      if (key == "writes")
        p.writes = write_fact(x);
      else if (key == "writes_at")
        p.writes_at = str(x);
      else if (key == "nil")
        p.nil = nil_arg_fact(x);
      else if (key == "nil_at")
        p.nil_at = str(x);
      else
        skip(x);
    });
  });
}

// `receiver` sets both of its facts, to "" where it leaves one out.
void read_receiver_facts(od::value& v, Facts& f) {
  f.receiver_writes = WriteFact::Unstated;
  f.receiver_writes_at.clear();
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "writes")
      f.receiver_writes = write_fact(x);
    else if (key == "writes_at")
      f.receiver_writes_at = str(x);
    else
      skip(x);
  });
}

// The value of a `facts` key; null means none were gathered.
Facts read_facts(od::value& v) {
  Facts f;
  if (take_null(v)) return f;
  f.present = true;
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "results")
      f.results = read_result_facts(x);
    else if (key == "params")
      f.params = read_param_facts(x);
    else if (key == "receiver")
      read_receiver_facts(x, f);
    else if (key == "never_returns")
      f.never_returns = flag(x);
    else if (key == "never_returns_at")
      f.never_returns_at = str(x);
    else
      skip(x);
  });
  return f;
}

std::vector<TypeParam> read_tparams(od::value& v) {
  return read_list<TypeParam>(v, [](od::value& item, TypeParam& tp) {
    members(item, {"constraint"}, [&](std::string_view key, od::value& x) {
      if (key == "name")
        tp.name = str(x);
      else if (key == "constraint")
        tp.constraint = read_type(x);
      else
        skip(x);
    });
  });
}

DeclKind parse_decl_kind(std::string_view k) {
  if (k == "const") return DeclKind::Const;
  if (k == "var") return DeclKind::Var;
  if (k == "func") return DeclKind::Func;
  if (k == "type") return DeclKind::Type;
  unknown("declaration kind", k);
}

ConstValue read_value(od::value& v) {
  ConstValue c;
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "kind")
      c.kind = str(x);
    else if (key == "exact")
      c.exact = str(x);
    else if (key == "float")
      c.float_text = str(x);
    else if (key == "literal")
      c.literal = str(x);
    else
      skip(x);
  });
  return c;
}

std::vector<Method> read_methods(od::value& v) {
  return read_list<Method>(v, [](od::value& item, Method& m) {
    members(item, {"sig"}, [&](std::string_view key, od::value& x) {
      if (key == "name")
        m.name = str(x);
      else if (key == "ptr")
        m.pointer_receiver = flag(x);
      else if (key == "sig")
        m.sig = read_signature(x);
      else if (key == "doc")
        m.doc = str(x);
      else if (key == "deprecated")
        m.deprecated = str(x);
      else if (key == "pos")
        m.pos = str(x);
      else if (key == "facts")
        m.facts = read_facts(x);
      else
        skip(x);
    });
  });
}

std::vector<PromotedMethod> read_promoted(od::value& v) {
  return read_list<PromotedMethod>(v, [](od::value& item, PromotedMethod& p) {
    members(item, {"sig"}, [&](std::string_view key, od::value& x) {
      if (key == "name")
        p.name = str(x);
      else if (key == "via")
        p.via = strings(x);
      else if (key == "ptr")
        p.pointer_only = flag(x);
      else if (key == "sig")
        p.sig = read_signature(x);
      else if (key == "from")
        p.from = read_optional_type(x);
      else
        skip(x);
    });
  });
}

std::vector<Decl> read_decls(od::value& v) {
  return read_list<Decl>(v, [](od::value& item, Decl& d) {
    d.exported = false;  // the struct's default suits models built in code; a document must say so
    members(item, {"kind", "name"}, [&](std::string_view key, od::value& x) {
      if (key == "name")
        d.name = text(x);
      else if (key == "kind")
        d.kind = parse_decl_kind(text(x));
      else if (key == "exported")
        d.exported = flag(x);
      else if (key == "doc")
        d.doc = str(x);
      else if (key == "deprecated")
        d.deprecated = str(x);
      else if (key == "pos")
        d.pos = str(x);
      else if (key == "type")
        d.type = read_optional_type(x);
      else if (key == "untyped")
        d.untyped = flag(x);
      else if (key == "value")
        d.value = read_value(x);
      else if (key == "sig")
        d.sig = read_signature(x);
      else if (key == "facts")
        d.facts = read_facts(x);
      else if (key == "tparams")
        d.tparams = read_tparams(x);
      else if (key == "alias")
        d.alias = flag(x);
      else if (key == "underlying")
        d.underlying = read_optional_type(x);
      else if (key == "methods")
        d.methods = read_methods(x);
      else if (key == "promoted")
        d.promoted = read_promoted(x);
      else if (key == "is_error")
        d.is_error = flag(x);
      else if (key == "ptr_is_error")
        d.pointer_is_error = flag(x);
      else if (key == "comparable")
        d.comparable = flag(x);
      else
        skip(x);
    });
  });
}

// `replace` sets both halves of the replacement, to "" where it leaves one out (null: none).
void read_replace(od::value& v, Module& m) {
  m.replace_path.clear();
  m.replace_version.clear();
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "path")
      m.replace_path = str(x);
    else if (key == "version")
      m.replace_version = str(x);
    else
      skip(x);
  });
}

std::optional<Module> read_module(od::value& v) {
  if (take_null(v)) return std::nullopt;
  Module m;
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "path")
      m.path = str(x);
    else if (key == "version")
      m.version = str(x);
    else if (key == "dir")
      m.dir = str(x);
    else if (key == "main")
      m.main = flag(x);
    else if (key == "replace")
      read_replace(x, m);
    else
      skip(x);
  });
  return m;
}

std::vector<Package> read_packages(od::value& v) {
  return read_list<Package>(v, [](od::value& item, Package& p) {
    members(item, {"path", "name"}, [&](std::string_view key, od::value& x) {
      if (key == "path")
        p.path = text(x);
      else if (key == "name")
        p.name = text(x);
      else if (key == "module")
        p.module = read_module(x);
      else if (key == "std")
        p.std = flag(x);
      else if (key == "internal")
        p.internal = flag(x);
      else if (key == "command")
        p.command = flag(x);
      else if (key == "root")
        p.root = flag(x);
      else if (key == "doc")
        p.doc = str(x);
      else if (key == "files")
        p.files = strings(x);
      else if (key == "imports")
        p.imports = strings(x);
      else if (key == "decls")
        p.decls = read_decls(x);
      else
        skip(x);
    });
  });
}

BuildContext read_build(od::value& v) {
  BuildContext b;
  members(v, [&](std::string_view key, od::value& x) {
    if (key == "goos")
      b.goos = str(x);
    else if (key == "goarch")
      b.goarch = str(x);
    else if (key == "tags")
      b.tags = strings(x);
    else if (key == "cgo")
      b.cgo = flag(x);
    else
      skip(x);
  });
  return b;
}

std::vector<LoadError> read_errors(od::value& v) {
  return read_list<LoadError>(v, [](od::value& item, LoadError& e) {
    members(item, [&](std::string_view key, od::value& x) {
      if (key == "package")
        e.package = str(x);
      else if (key == "message")
        e.message = str(x);
      else
        skip(x);
    });
  });
}

// Anything after the top-level value is an error. (simdjson 3.0 has no document::at_end();
// current_location() reports OUT_OF_BOUNDS there.)
void expect_end(od::document& doc) {
  const char* location = nullptr;
  if (doc.current_location().get(location) != simdjson::OUT_OF_BOUNDS)
    syntax_error(simdjson::TRAILING_CONTENT);
}

ApiModel read_model(od::document& doc) {
  if (od::json_type t = check(doc.type()); t != od::json_type::object) {
    misfit(std::string("expected the document to be an object, found ") + type_name(t));
  }
  // The schema first, so that a document from a mismatched helper is reported as such rather than
  // by the first thing in it this reader does not understand.
  std::int64_t schema = 0;
  bool has_schema = false;
  each_member(check(doc.get_object()), [&](std::string_view key, od::value& x) {
    if (key != "schema") return;  // the second pass reads the rest
    schema = integer(x);
    has_schema = true;
  });
  if (!has_schema) misfit("key 'schema' not found");
  if (schema != kSchemaVersion) {
    throw ReadError{ReadError::Verbatim,
                    "the Go helper wrote schema " + std::to_string(schema) +
                        " but lisbind reads schema " + std::to_string(kSchemaVersion) +
                        "; rebuild lisbind so both halves match",
                    {}};
  }
  doc.rewind();

  ApiModel model;
  model.schema = kSchemaVersion;
  bool has_build = false;
  each_member(check(doc.get_object()), [&](std::string_view key, od::value& x) {
    has_build |= key == "build";
    if (key == "schema")
      integer(x);  // read above
    else if (key == "go_version")
      model.go_version = str(x);
    else if (key == "build")
      model.build = read_build(x);
    else if (key == "patterns")
      model.patterns = strings(x);
    else if (key == "packages")
      model.packages = read_packages(x);
    else if (key == "errors")
      model.errors = read_errors(x);
    else
      skip(x);
  });
  if (!has_build) misfit("key 'build' not found");
  expect_end(doc);
  return model;
}

// Reads a whole document through, to tell whether it is JSON at all.
void check_syntax(od::document& doc) {
  switch (check(doc.type())) {
    case od::json_type::object:
    case od::json_type::array: {
      od::value root = check(doc.get_value());
      skip(root);
      break;
    }
    case od::json_type::string:
      check(doc.get_string());
      break;
    case od::json_type::number:
      check(doc.get_double());
      break;
    case od::json_type::boolean:
      check(doc.get_bool());
      break;
    case od::json_type::null:
      if (!check(doc.is_null())) syntax_error(simdjson::N_ATOM_ERROR);
      break;
  }
  expect_end(doc);
}

std::string describe(const ReadError& e) {
  std::string at = e.path.empty() ? "" : " (at " + e.path + ")";
  switch (e.kind) {
    case ReadError::Syntax:
      return "the Go helper wrote invalid JSON: " + e.message + at;
    case ReadError::Misfit:
      return "the Go helper's JSON does not fit the model: " +
             (e.path.empty() ? "" : e.path + ": ") + e.message;
    case ReadError::Verbatim:
      return e.message + at;
  }
  return e.message;
}

// --- writing -----------------------------------------------------------------------------------
// Mirrors the helper: empty values are left out so that a round trip reproduces its document.

void put(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}
void put(json& j, const char* key, bool value) {
  if (value) j[key] = true;
}
void put(json& j, const char* key, const std::vector<std::string>& value) {
  if (!value.empty()) j[key] = value;
}

json write_type(const TypePtr& t);

json write_signature(const Signature& s) {
  json j = json::object();
  auto params = [](const std::vector<Param>& list) {
    json a = json::array();
    for (const auto& p : list) {
      json pj = json::object();
      put(pj, "name", p.name);
      pj["type"] = write_type(p.type);
      a.push_back(std::move(pj));
    }
    return a;
  };
  if (!s.params.empty()) j["params"] = params(s.params);
  if (!s.results.empty()) j["results"] = params(s.results);
  put(j, "variadic", s.variadic);
  return j;
}

const char* kind_name(TypeKind k) {
  switch (k) {
    case TypeKind::Basic:
      return "basic";
    case TypeKind::Named:
      return "named";
    case TypeKind::Alias:
      return "alias";
    case TypeKind::TypeParam:
      return "tparam";
    case TypeKind::Pointer:
      return "pointer";
    case TypeKind::Slice:
      return "slice";
    case TypeKind::Array:
      return "array";
    case TypeKind::Map:
      return "map";
    case TypeKind::Chan:
      return "chan";
    case TypeKind::Func:
      return "func";
    case TypeKind::Struct:
      return "struct";
    case TypeKind::Interface:
      return "interface";
  }
  return "basic";
}

json write_type(const TypePtr& t) {
  json j = json::object();
  j["k"] = kind_name(t->kind);
  put(j, "name", t->name);
  put(j, "pkg", t->pkg);
  if (!t->args.empty()) {
    for (const auto& a : t->args) j["args"].push_back(write_type(a));
  }
  if (t->target) j["target"] = write_type(t->target);
  if (t->kind == TypeKind::Array) j["len"] = t->length;
  if (t->key) j["key"] = write_type(t->key);
  if (t->elem) j["elem"] = write_type(t->elem);
  if (t->kind == TypeKind::Chan)
    j["dir"] = t->dir == ChanDir::Send ? "send" : t->dir == ChanDir::Recv ? "recv" : "both";
  if (t->sig) j["sig"] = write_signature(*t->sig);
  for (const auto& f : t->fields) {
    json fj = json::object();
    put(fj, "name", f.name);
    fj["type"] = write_type(f.type);
    put(fj, "embedded", f.embedded);
    put(fj, "exported", f.exported);
    put(fj, "tag", f.tag);
    put(fj, "doc", f.doc);
    j["fields"].push_back(std::move(fj));
  }
  for (const auto& m : t->methods) {
    json mj = json::object();
    mj["name"] = m.name;
    mj["sig"] = write_signature(m.sig);
    put(mj, "doc", m.doc);
    j["methods"].push_back(std::move(mj));
  }
  for (const auto& e : t->embeds) j["embeds"].push_back(write_type(e));
  for (const auto& element : t->unions) {
    json ej = json::array();
    for (const auto& term : element) {
      json tj = json::object();
      put(tj, "tilde", term.tilde);
      tj["type"] = write_type(term.type);
      ej.push_back(std::move(tj));
    }
    j["union"].push_back(std::move(ej));
  }
  put(j, "comparable", t->comparable);
  return j;
}

void write_facts(json& j, const Facts& f) {
  if (!f.present) return;
  json out = json::object();
  for (const auto& r : f.results) {
    json rj = json::object();
    put(rj, "nil", std::string(fact_name(r.nil)));
    put(rj, "at", r.at);
    put(rj, "nil_with_nil_error", std::string(fact_name(r.nil_with_nil_error)));
    put(rj, "nil_with_nil_error_at", r.nil_with_nil_error_at);
    out["results"].push_back(std::move(rj));
  }
  for (const auto& p : f.params) {
    json pj = json::object();
    put(pj, "writes", std::string(fact_name(p.writes)));
    put(pj, "writes_at", p.writes_at);
    put(pj, "nil", std::string(fact_name(p.nil)));
    put(pj, "nil_at", p.nil_at);
    out["params"].push_back(std::move(pj));
  }
  if (f.receiver_writes != WriteFact::Unstated) {
    json rj = json::object();
    put(rj, "writes", std::string(fact_name(f.receiver_writes)));
    put(rj, "writes_at", f.receiver_writes_at);
    out["receiver"] = std::move(rj);
  }
  put(out, "never_returns", f.never_returns);
  put(out, "never_returns_at", f.never_returns_at);
  j["facts"] = std::move(out);
}

json write_decl(const Decl& d) {
  json j = json::object();
  j["kind"] = decl_kind_name(d.kind);
  j["name"] = d.name;
  j["exported"] = d.exported;
  put(j, "doc", d.doc);
  put(j, "deprecated", d.deprecated);
  put(j, "pos", d.pos);
  if (d.type) j["type"] = write_type(d.type);
  put(j, "untyped", d.untyped);
  if (d.kind == DeclKind::Const) {
    json v = json::object();
    put(v, "kind", d.value.kind);
    put(v, "exact", d.value.exact);
    put(v, "float", d.value.float_text);
    put(v, "literal", d.value.literal);
    j["value"] = std::move(v);
  }
  if (d.kind == DeclKind::Func) j["sig"] = write_signature(d.sig);
  write_facts(j, d.facts);
  for (const auto& tp : d.tparams)
    j["tparams"].push_back({{"name", tp.name}, {"constraint", write_type(tp.constraint)}});
  put(j, "alias", d.alias);
  if (d.underlying) j["underlying"] = write_type(d.underlying);
  for (const auto& m : d.methods) {
    json mj = json::object();
    mj["name"] = m.name;
    put(mj, "ptr", m.pointer_receiver);
    mj["sig"] = write_signature(m.sig);
    put(mj, "doc", m.doc);
    put(mj, "deprecated", m.deprecated);
    put(mj, "pos", m.pos);
    write_facts(mj, m.facts);
    j["methods"].push_back(std::move(mj));
  }
  for (const auto& p : d.promoted) {
    json pj = json::object();
    pj["name"] = p.name;
    put(pj, "via", p.via);
    put(pj, "ptr", p.pointer_only);
    pj["sig"] = write_signature(p.sig);
    if (p.from) pj["from"] = write_type(p.from);
    j["promoted"].push_back(std::move(pj));
  }
  put(j, "is_error", d.is_error);
  put(j, "ptr_is_error", d.pointer_is_error);
  put(j, "comparable", d.comparable);
  return j;
}

json write_package(const Package& p) {
  json j = json::object();
  j["path"] = p.path;
  j["name"] = p.name;
  if (p.module) {
    json m = json::object();
    put(m, "path", p.module->path);
    put(m, "version", p.module->version);
    put(m, "main", p.module->main);
    put(m, "dir", p.module->dir);
    if (!p.module->replace_path.empty()) {
      json r = json::object();
      put(r, "path", p.module->replace_path);
      put(r, "version", p.module->replace_version);
      m["replace"] = std::move(r);
    }
    j["module"] = std::move(m);
  }
  put(j, "std", p.std);
  put(j, "internal", p.internal);
  put(j, "command", p.command);
  put(j, "root", p.root);
  put(j, "doc", p.doc);
  put(j, "files", p.files);
  put(j, "imports", p.imports);
  j["decls"] = json::array();
  for (const auto& d : p.decls) j["decls"].push_back(write_decl(d));
  return j;
}

}  // namespace

ApiModel parse_api_model(std::string_view json_text) {
  // nlohmann, which read these documents before, skips a byte order mark; simdjson does not.
  if (json_text.starts_with("\xEF\xBB\xBF")) json_text.remove_prefix(3);
  simdjson::padded_string padded(json_text);
  od::parser parser;
  skipped_unchecked = false;
  try {
    od::document doc = check(parser.iterate(padded));
    ApiModel model = read_model(doc);
    if (skipped_unchecked) {
      od::document again = check(parser.iterate(padded));
      check_syntax(again);
    }
    return model;
  } catch (const ReadError& e) {
    if (e.kind != ReadError::Syntax) {
      // Broken JSON is reported as such even where reading stopped at a misfit before it, as when
      // the whole document was parsed first.
      try {
        od::document doc = check(parser.iterate(padded));
        check_syntax(doc);
      } catch (const ReadError& syntax) {
        throw UserError(describe(syntax));
      }
    }
    throw UserError(describe(e));
  }
}

ApiModel api_model_from_json(const json& document) {
  std::string text;
  try {
    text = document.dump();
  } catch (const json::exception& e) {
    throw UserError(std::string("the Go helper's JSON does not fit the model: ") + e.what());
  }
  return parse_api_model(text);
}

json to_json(const ApiModel& model) {
  json j = json::object();
  j["schema"] = model.schema;
  j["go_version"] = model.go_version;
  json build = json::object();
  build["goos"] = model.build.goos;
  build["goarch"] = model.build.goarch;
  put(build, "tags", model.build.tags);
  put(build, "cgo", model.build.cgo);
  j["build"] = std::move(build);
  j["patterns"] = model.patterns;
  j["packages"] = json::array();
  for (const auto& p : model.packages) j["packages"].push_back(write_package(p));
  for (const auto& e : model.errors)
    j["errors"].push_back({{"package", e.package}, {"message", e.message}});
  return j;
}

}  // namespace lisbind::model
