// testdata/dlis/sample.json is what tools/dlis-parse prints for testdata/dlis/sample.d.lis (a
// typedef accepted by `lis check`); verify/std_typedefs_test.cc checks it is still what the tool
// prints.
#include "syntax/dlis_json_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/errors.h"
#include "syntax/printer.h"

namespace lisbind::lis {
namespace {

nlohmann::json sample_json() {
  std::ifstream in(std::string(LISBIND_SOURCE_DIR) + "/testdata/dlis/sample.json");
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

const DlisReadResult& sample() {
  static const DlisReadResult r = read_dlis_json(sample_json());
  return r;
}

const Function* find_function(const File& f, const std::string& name) {
  for (const auto& fn : f.functions) {
    if (fn.name == name) return &fn;
  }
  return nullptr;
}

const TypeDecl* find_type(const File& f, const std::string& name) {
  for (const auto& t : f.types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string unread_reason(const std::string& name) {
  for (const auto& u : sample().unread) {
    if (u.name == name) return u.reason;
  }
  return "";
}

TEST(DlisJsonReader, HeaderAndImports) {
  const auto& r = sample();
  EXPECT_EQ(r.package_name, "sample");
  ASSERT_EQ(r.file.imports.size(), 3u);
  EXPECT_EQ(r.file.imports[0].path, "cmp");
  EXPECT_EQ(r.file.imports[1].path, "io");
  EXPECT_EQ(r.file.imports[1].alias, "");
  EXPECT_EQ(r.file.imports[2].path, "io/fs");
  EXPECT_EQ(r.file.imports[2].alias, "iofs");
}

TEST(DlisJsonReader, FunctionTypesBecomeTypeTrees) {
  const File& f = sample().file;
  const Function* parse = find_function(f, "Parse");
  ASSERT_NE(parse, nullptr);
  ASSERT_EQ(parse->params.size(), 2u);
  EXPECT_EQ(parse->params[0].type, basic("string"));
  EXPECT_EQ(*parse->result, result(basic("int64"), error_type()));

  const Function* fill = find_function(f, "Fill");
  ASSERT_NE(fill, nullptr);
  EXPECT_EQ(fill->params[0].type, slice(basic("byte"), true));
  EXPECT_EQ(fill->params[1].type, var_args(basic("string")));
  EXPECT_EQ(*fill->result, partial(basic("int"), error_type()));

  const Function* walk = find_function(f, "Walk");
  ASSERT_NE(walk, nullptr);
  EXPECT_FALSE(walk->result.has_value());
  EXPECT_EQ(walk->params[1].type,
            fn({basic("string"), named("iofs.FileInfo")}, result(unit(), error_type())));

  EXPECT_EQ(*find_function(f, "Halt")->result, never());
  EXPECT_EQ(*find_function(f, "Pair")->result, tuple({unknown(), basic("bool")}));
  EXPECT_EQ(find_function(f, "Pair")->params[0].type, array(basic("byte"), 16));

  const Function* pipe = find_function(f, "Pipe");
  ASSERT_NE(pipe, nullptr);
  EXPECT_EQ(pipe->params[0].type, channel(TypeKind::Channel, basic("int")));
  EXPECT_EQ(pipe->params[1].type, channel(TypeKind::Sender, ref(named("Buffer"), false)));
  EXPECT_EQ(pipe->params[2].type, channel(TypeKind::Receiver, basic("string")));

  const Function* sort = find_function(f, "Sort");
  ASSERT_NE(sort, nullptr);
  EXPECT_EQ(sort->attributes,
            std::vector<Attribute>{Attribute(AttributeKind::CollapsedTypeParams, "Slice<E>, E")});
  EXPECT_EQ(sort->generics[0].bounds, std::vector<Type>{named("cmp.Ordered")});

  const Function* index = find_function(f, "Index");
  ASSERT_NE(index, nullptr);
  EXPECT_TRUE(has_attribute(index->attributes, AttributeKind::SentinelMinusOne));
}

TEST(DlisJsonReader, TypeParametersComeFromTheEnclosingGenerics) {
  const File& f = sample().file;
  const Function* lookup = find_function(f, "Lookup");
  ASSERT_NE(lookup, nullptr);
  ASSERT_EQ(lookup->generics.size(), 2u);
  EXPECT_EQ(lookup->generics[0].name, "K");
  EXPECT_EQ(lookup->generics[0].bounds, std::vector<Type>{named("Comparable")});
  EXPECT_EQ(lookup->params[0].type, map(type_param("K"), type_param("V"), false));
  EXPECT_EQ(*lookup->result, option(type_param("V")));

  const TypeDecl* set = find_type(f, "Set");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->fields[0].type, map(type_param("T"), unit(), false));

  const TypeDecl* getter = find_type(f, "Getter");
  ASSERT_NE(getter, nullptr);
  EXPECT_EQ(*getter->methods[0].result, option(type_param("T")));

  // `T` outside any generics is a type name.
  EXPECT_EQ(find_function(f, "Parse")->params[1].type, basic("int"));
}

TEST(DlisJsonReader, TypeDeclarations) {
  const File& f = sample().file;
  const TypeDecl* buffer = find_type(f, "Buffer");
  ASSERT_NE(buffer, nullptr);
  EXPECT_EQ(buffer->form, TypeForm::Struct);
  EXPECT_TRUE(has_attribute(buffer->attributes, AttributeKind::HiddenFields));
  EXPECT_TRUE(has_attribute(buffer->attributes, AttributeKind::Incomparable));
  ASSERT_EQ(buffer->fields.size(), 3u);
  EXPECT_EQ(buffer->fields[1].name, "Data");
  EXPECT_EQ(buffer->fields[1].type, slice(basic("byte"), true));
  EXPECT_EQ(buffer->fields[2].name, "");  // embedded
  EXPECT_EQ(buffer->fields[2].type, named("io.Reader"));

  EXPECT_EQ(find_type(f, "Duration")->form, TypeForm::Newtype);
  EXPECT_EQ(find_type(f, "Duration")->target, basic("int64"));
  EXPECT_EQ(find_type(f, "Addr")->form, TypeForm::Opaque);
  const TypeDecl* handler = find_type(f, "HandlerFunc");
  ASSERT_NE(handler, nullptr);
  EXPECT_EQ(handler->form, TypeForm::Alias);
  EXPECT_EQ(handler->target, fn({named("io.Writer"), ref(named("Buffer"), false)}, unit()));

  const TypeDecl* node = find_type(f, "Node");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->form, TypeForm::Interface);
  EXPECT_EQ(node->embeds, std::vector<Type>{named("io.Closer")});
  ASSERT_EQ(node->methods.size(), 2u);
  EXPECT_FALSE(node->methods[0].receiver.has_value());
  EXPECT_EQ(node->methods[1].attributes,
            std::vector<Attribute>{
                Attribute(AttributeKind::UnexportedIdentity, "example.com/sample.node()")});
}

TEST(DlisJsonReader, ImplBlocksKeepTheReceiverForm) {
  const File& f = sample().file;
  ASSERT_EQ(f.impls.size(), 3u);
  const Impl& buffer = f.impls[0];
  EXPECT_EQ(buffer.type_name, "Buffer");
  ASSERT_EQ(buffer.methods.size(), 3u);
  EXPECT_EQ(buffer.methods[0].receiver->form, ReceiverForm::Ref);
  EXPECT_EQ(buffer.methods[1].receiver->form, ReceiverForm::MutRef);
  EXPECT_TRUE(has_attribute(buffer.methods[1].attributes, AttributeKind::AllowUnusedResult));
  EXPECT_EQ(buffer.methods[2].receiver->form, ReceiverForm::Value);
  EXPECT_EQ(buffer.methods[2].receiver->self_type, named("Buffer"));

  const Impl& set = f.impls[2];
  EXPECT_EQ(set.type_name, "Set");
  ASSERT_EQ(set.generics.size(), 1u);
  EXPECT_EQ(set.methods[0].receiver->self_type, named("Set", {type_param("T")}));
  EXPECT_EQ(set.methods[0].params[0].type, type_param("T"));
  // The printer spells it as lis wrote it.
  EXPECT_EQ(print_function(set.methods[0], "", false),
            "fn Has(self: Ref<Set<T>>, item: T) -> bool\n");
}

TEST(DlisJsonReader, ConstantsAndVariables) {
  const File& f = sample().file;
  ASSERT_EQ(f.consts.size(), 4u);
  EXPECT_EQ(f.consts[0].name, "Nanosecond");
  EXPECT_EQ(*f.consts[0].type, named("Duration"));
  EXPECT_EQ(f.consts[0].value, "1");
  EXPECT_FALSE(f.consts[1].type.has_value());
  EXPECT_EQ(f.consts[1].value, "1 << 20");
  EXPECT_EQ(f.consts[2].value, "");  // valueless
  EXPECT_EQ(f.consts[3].value, "\"sample\"");
  ASSERT_EQ(f.vars.size(), 2u);
  EXPECT_EQ(f.vars[0].type, ref(named("Buffer"), false));
  EXPECT_EQ(f.vars[1].type, error_type());
}

TEST(DlisJsonReader, WhatCannotBeHeldIsListedNotDropped) {
  const auto& r = sample();
  EXPECT_NE(unread_reason("Color").find("enum"), std::string::npos);
  EXPECT_EQ(find_type(r.file, "Color"), nullptr);
  EXPECT_EQ(r.unread.size(), 1u);
  // `-> mut Addr`: a value whose methods may write through it, held as Named with `mut`.
  const Function* from16 = find_function(r.file, "From16");
  ASSERT_NE(from16, nullptr);
  Type mut_addr = named("Addr");
  mut_addr.mut = true;
  EXPECT_EQ(*from16->result, mut_addr);
  EXPECT_EQ(to_text(*from16->result), "mut Addr");
  // Attributes with no lis::Attribute kind: dropped from the declaration, and listed.
  auto dropped = [&](const std::string& name, const std::string& attribute) {
    return std::any_of(
        r.dropped_attributes.begin(), r.dropped_attributes.end(),
        [&](const DroppedAttribute& d) { return d.name == name && d.attribute == attribute; });
  };
  EXPECT_TRUE(dropped("Addr", "#[go(zero_safe)]"));
  EXPECT_TRUE(dropped("Default", "#[go(read_only)]"));
}

nlohmann::json named_json(const std::string& name, bool mut = false,
                          nlohmann::json args = nlohmann::json::array()) {
  return {{"kind", "named"},
          {"name", name},
          {"mut", mut},
          {"args", args},
          {"text", (mut ? "mut " : "") + name}};
}

nlohmann::json file_with(nlohmann::json decls) {
  return {{"package_name", nullptr},
          {"parse_errors", nlohmann::json::array()},
          {"imports", nlohmann::json::array()},
          {"decls", decls}};
}

// crypto/hpke declares `Sender`, pkix a newtype of `mut Slice<mut T>` that other declarations name,
// go/ast unexported methods that seal interfaces.
TEST(DlisJsonReader, DeclaredNamesShadowBuiltinsAndMutValueTypesAreHeld) {
  nlohmann::json decls = nlohmann::json::array();
  decls.push_back({{"kind", "opaque"},
                   {"name", "Sender"},
                   {"public", true},
                   {"attributes", nlohmann::json::array()},
                   {"generics", nlohmann::json::array()}});
  decls.push_back({{"kind", "fn"},
                   {"name", "NewSender"},
                   {"method", "NewSender"},
                   {"public", true},
                   {"attributes", nlohmann::json::array()},
                   {"generics", nlohmann::json::array()},
                   {"params", nlohmann::json::array()},
                   {"result", named_json("Ref", false, {named_json("Sender")})}});
  decls.push_back({{"kind", "newtype"},
                   {"name", "Seq"},
                   {"public", true},
                   {"attributes", nlohmann::json::array()},
                   {"generics", nlohmann::json::array()},
                   {"elements", {named_json("Slice", true, {named_json("Set", true)})}}});
  decls.push_back({{"kind", "method"},
                   {"name", "Seq.seal"},
                   {"method", "seal"},
                   {"public", false},
                   {"receiver_type", named_json("Seq")},
                   {"impl_generics", nlohmann::json::array()},
                   {"self", {{"type", nullptr}}},
                   {"attributes", nlohmann::json::array()},
                   {"generics", nlohmann::json::array()},
                   {"params", nlohmann::json::array()},
                   {"result", nullptr}});
  DlisReadResult r = read_dlis_json(file_with(decls));
  ASSERT_EQ(r.file.functions.size(), 1u);
  EXPECT_EQ(*r.file.functions[0].result, ref(named("Sender"), false));
  ASSERT_EQ(r.file.types.size(), 2u);
  EXPECT_EQ(r.file.types[1].name, "Seq");
  EXPECT_EQ(r.file.types[1].form, TypeForm::Newtype);
  EXPECT_EQ(to_text(r.file.types[1].target), "mut Slice<mut Set>");
  EXPECT_TRUE(r.file.impls.empty());
  ASSERT_EQ(r.unread.size(), 1u);
  EXPECT_EQ(r.unread[0].name, "Seq.seal");
  EXPECT_NE(r.unread[0].reason.find("unexported"), std::string::npos);
}

nlohmann::json fn_json(const std::string& name, nlohmann::json result) {
  return {{"kind", "fn"},
          {"name", name},
          {"method", name},
          {"public", true},
          {"attributes", nlohmann::json::array()},
          {"generics", nlohmann::json::array()},
          {"params", nlohmann::json::array()},
          {"result", result}};
}

// database/sql declares `Result` and writes the built-in as `Result<T, error>`; go/types declares
// `Array` and `Slice`, writing its own Array as `types.Array`.
TEST(DlisJsonReader, BuiltinsWithTheirTypeArgumentsAndSelfQualifiedNames) {
  nlohmann::json decls = nlohmann::json::array();
  for (const char* name : {"Result", "Array", "Slice"}) {
    decls.push_back({{"kind", "opaque"},
                     {"name", name},
                     {"public", true},
                     {"attributes", nlohmann::json::array()},
                     {"generics", nlohmann::json::array()}});
  }
  decls.push_back(
      fn_json("Begin", named_json("Result", false, {named_json("int"), named_json("error")})));
  decls.push_back(fn_json("Exec", named_json("Result")));
  decls.push_back(fn_json("NewArray", named_json("Ref", true, {named_json("types.Array")})));
  decls.push_back(fn_json("NewSlice", named_json("Ref", true, {named_json("Slice")})));
  decls.push_back(fn_json("Params", named_json("Slice", false, {named_json("Slice")})));
  decls.push_back({{"kind", "method"},
                   {"name", "types.Array.Len"},
                   {"method", "Len"},
                   {"receiver_type", named_json("types.Array")},
                   {"impl_generics", nlohmann::json::array()},
                   {"self", {{"type", named_json("Ref", false, {named_json("types.Array")})}}},
                   {"attributes", nlohmann::json::array()},
                   {"generics", nlohmann::json::array()},
                   {"params", nlohmann::json::array()},
                   {"result", named_json("int64")}});
  DlisReadResult r = read_dlis_json(file_with(decls), "types");
  ASSERT_EQ(r.file.functions.size(), 5u);
  EXPECT_EQ(*r.file.functions[0].result, result(basic("int"), error_type()));
  EXPECT_EQ(*r.file.functions[1].result, named("Result"));
  EXPECT_EQ(*r.file.functions[2].result, ref(named("Array"), true));
  EXPECT_EQ(*r.file.functions[3].result, ref(named("Slice"), true));
  EXPECT_EQ(*r.file.functions[4].result, slice(named("Slice"), false));
  ASSERT_EQ(r.file.impls.size(), 1u);
  EXPECT_EQ(r.file.impls[0].type_name, "Array");
  EXPECT_EQ(r.file.impls[0].methods[0].receiver->self_type, named("Array"));
  EXPECT_TRUE(r.unread.empty());
}

TEST(DlisJsonReader, ParseErrorsAndForeignJsonAreRefused) {
  nlohmann::json bad = sample_json();
  bad["parse_errors"] = nlohmann::json::array({{{"line", 3}, {"message", "boom"}, {"code", "x"}}});
  EXPECT_THROW(read_dlis_json(bad), UserError);
  EXPECT_THROW(read_dlis_json(nlohmann::json::array()), UserError);
  nlohmann::json no_kind = sample_json();
  no_kind["decls"] = nlohmann::json::array({{{"name", "X"}}});
  EXPECT_THROW(read_dlis_json(no_kind), UserError);
}

// Members of the wrong JSON type that the reader reads without checking first: refused as the
// header promises, not as nlohmann's type_error (which `verify std` would report as an internal
// error).
TEST(DlisJsonReader, MalformedMembersAreUserErrors) {
  nlohmann::json string_line = sample_json();
  string_line["path"] = "bad.d.lis";
  string_line["parse_errors"] =
      nlohmann::json::array({{{"line", "three"}, {"message", "boom"}, {"code", "x"}}});
  try {
    read_dlis_json(string_line);
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.d.lis"), std::string::npos) << e.what();
  }
  nlohmann::json number_argument = file_with(nlohmann::json::array());
  nlohmann::json f = fn_json("F", nullptr);
  f["attributes"] = nlohmann::json::array({{{"name", "go"}, {"args", {3}}, {"text", "#[go(3)]"}}});
  number_argument["decls"].push_back(f);
  EXPECT_THROW(read_dlis_json(number_argument), UserError);
}

// A file's own one-parameter `Array<T>` keeps its type argument: only the built-in's last argument
// is a length.
TEST(DlisJsonReader, DeclaredArrayKeepsItsTypeArgument) {
  nlohmann::json decls = nlohmann::json::array();
  decls.push_back({{"kind", "opaque"},
                   {"name", "Array"},
                   {"public", true},
                   {"attributes", nlohmann::json::array()},
                   {"generics", nlohmann::json::array({{{"name", "T"}, {"bounds", nullptr}}})}});
  decls.push_back(fn_json("Own", named_json("Array", false, {named_json("int")})));
  nlohmann::json length = {
      {"kind", "lit"}, {"mut", false}, {"args", nlohmann::json::array()}, {"text", "4"}};
  decls.push_back(fn_json("Builtin", named_json("Array", false, {named_json("int"), length})));
  DlisReadResult r = read_dlis_json(file_with(decls));
  EXPECT_TRUE(r.unread.empty());
  ASSERT_EQ(r.file.functions.size(), 2u);
  EXPECT_EQ(*r.file.functions[0].result, named("Array", {basic("int")}));
  EXPECT_EQ(*r.file.functions[1].result, array(basic("int"), 4));
}

}  // namespace
}  // namespace lisbind::lis
