#include "mapping/const_rules.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "mapping/doc_comment.h"

namespace lisbind::emit {
namespace {

using model::TypeKind;

// go/types rounds a float32 constant to float32 precision; printing that value as a float64
// gives 0.10000000149011612 where the source (and any reader) says 0.1.
std::string shortest_float32(const std::string& text) {
  float f = std::strtof(text.c_str(), nullptr);
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, f);
  if (ec != std::errc()) return text;
  std::string s(buffer, end);
  if (s.find_first_of(".eE") == std::string::npos && s.find_first_of("ni") == std::string::npos)
    s += ".0";
  return s;
}

bool fits_int64(const std::string& v) {
  if (v.starts_with("-")) return true;  // negative values below int64 do not fit any literal anyway
  const std::string limit = "9223372036854775807";
  return v.size() < limit.size() || (v.size() == limit.size() && v <= limit);
}

}  // namespace

std::optional<lis::Type> untyped_const_type(const model::ConstValue& value) {
  if (value.kind == "int") return lis::basic(fits_int64(value.exact) ? "int" : "uint64");
  if (value.kind == "float") return lis::basic("float64");
  if (value.kind == "string") return lis::basic("string");
  if (value.kind == "bool") return lis::basic("bool");
  return std::nullopt;
}

namespace {

std::string valueless_type(const std::string& kind) {
  if (kind == "complex") return "complex128";
  if (kind == "string") return "string";
  if (kind == "bool") return "bool";
  return "float64";  // an integer beyond 64 bits is only usable as a float in Go, too
}

// The author's literal in a form lis 0.12.5 reads, or empty where it has none (hex floats, a
// float literal for an integer constant). lis wants 0o for octal and digits on both sides of '.'.
std::string lisette_number_literal(const std::string& literal, const std::string& kind) {
  if (literal.empty()) return {};
  bool negative = literal.starts_with("-");
  std::string body = negative ? literal.substr(1) : literal;
  std::string lower = body;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  bool prefixed = lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b");
  bool floaty = !prefixed && lower.find_first_of(".e") != std::string::npos;
  if (lower.starts_with("0x") && lower.find('p') != std::string::npos) return {};  // hex float
  if (kind == "int") {
    if (floaty || lower.ends_with("i")) return {};
    if (prefixed) {
      body = lower.substr(0, 2) + body.substr(2);
    } else if (body.size() > 1 && body[0] == '0') {
      body = "0o" + body.substr(1);  // legacy octal 0755
    }
  } else if (kind == "float") {
    if (prefixed || lower.ends_with("i")) return {};
    if (body.starts_with(".")) body = "0" + body;
    if (auto dot = body.find('.');
        dot != std::string::npos &&
        (dot + 1 == body.size() || !std::isdigit(static_cast<unsigned char>(body[dot + 1])))) {
      body.insert(dot + 1, "0");
    }
  } else {
    return {};
  }
  return (negative ? "-" : "") + body;
}

}  // namespace

ConstMapping map_const(const TypeMapper& types, const model::Decl& decl) {
  ConstMapping mapped;
  lis::Const& c = mapped.declaration;
  c.doc = doc_lines(decl.doc);
  c.name = decl.name;
  // `: int` says nothing lis would not infer; every other type is worth stating.
  bool plain_int = decl.type && decl.type->kind == TypeKind::Basic && decl.type->name == "int";
  if (!decl.untyped && !plain_int) c.type = types.map(decl.type, Position::TypeArg);
  mapped.rule = decl.untyped ? Rule::ConstUntyped : Rule::ConstTyped;
  try {
    c.value = const_literal(decl.value);
    if (decl.value.literal.empty() && !decl.untyped && decl.type &&
        decl.type->kind == TypeKind::Basic && decl.type->name == "float32") {
      c.value = shortest_float32(c.value);
    }
    // lis types an unannotated integer constant as int; one above int64 needs saying otherwise.
    if (decl.untyped && decl.value.kind == "int" && !fits_int64(decl.value.exact))
      c.type = lis::basic("uint64");
  } catch (const Unmappable& e) {
    // No literal can write it (beyond 64 bits, a fraction, complex): a valueless constant
    // still lets Lisette code use it, and Go supplies the value.
    if (!c.type) c.type = lis::basic(valueless_type(decl.value.kind));
    mapped.rule = Rule::ConstValueless;
    mapped.note = e.what();
  }
  return mapped;
}

lis::Var map_var(const TypeMapper& types, const model::Decl& decl) {
  // Package variables are initialised by their package; nil is the exception, not the rule.
  return {.doc = doc_lines(decl.doc),
          .attributes = {},
          .name = decl.name,
          .type = types.map(decl.type, Position::NonNilResult)};
}

std::string lisette_string_literal(const std::string& go_quoted) {
  // ExactString quotes with strconv.Quote. lis 0.12.5 reads the same escapes (\a \b \f \n \r
  // \t \v \\ \" \xHH \UHHHHHHHH) except the four-digit \uHHHH, which it spells \u{HHHH}.
  std::string out;
  out.reserve(go_quoted.size());
  for (size_t i = 0; i < go_quoted.size(); ++i) {
    if (go_quoted[i] == '\\' && i + 1 < go_quoted.size()) {
      if (go_quoted[i + 1] == 'u' && i + 5 < go_quoted.size()) {
        out += "\\u{" + go_quoted.substr(i + 2, 4) + "}";
        i += 5;
      } else {
        out += go_quoted.substr(i, 2);
        ++i;
      }
      continue;
    }
    out += go_quoted[i];
  }
  return out;
}

std::string const_literal(const model::ConstValue& value) {
  if (value.kind == "bool") return value.exact;
  if (value.kind == "string") return lisette_string_literal(value.exact);
  if (value.kind == "int") {
    // Lisette integers are at most 64 bits: anything outside [-2^63, 2^64-1] cannot be written.
    const std::string& v = value.exact;
    bool negative = v.starts_with("-");
    std::string digits = negative ? v.substr(1) : v;
    const std::string limit = negative ? "9223372036854775808" : "18446744073709551615";
    if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) {
      throw Unmappable(Rule::ConstOverflow, "the constant " + v + " does not fit in 64 bits");
    }
    std::string as_written = lisette_number_literal(value.literal, "int");
    return as_written.empty() ? v : as_written;
  }
  if (value.kind == "float") {
    if (std::string as_written = lisette_number_literal(value.literal, "float");
        !as_written.empty()) {
      // A literal with more digits than a float64 holds (math.Pi) is still exact to Go.
      return as_written;
    }
    std::string f = value.float_text.empty() ? value.exact : value.float_text;
    if (f.find_first_of("/") != std::string::npos || f.find("Inf") != std::string::npos ||
        f.find("NaN") != std::string::npos) {
      throw Unmappable(Rule::ConstFloatForm,
                       "the float constant " + value.exact + " has no finite decimal form");
    }
    // lis wants a digit on both sides of the point; Go's shortest form gives "1e+06" or "0.5".
    if (f.find_first_of(".eE") == std::string::npos) f += ".0";
    return f;
  }
  throw Unmappable(value.kind == "complex" ? Rule::ConstComplex : Rule::ConstUnknown,
                   "a " + value.kind + " constant has no Lisette literal");
}

}  // namespace lisbind::emit
