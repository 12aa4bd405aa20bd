#include "verify/probe_program.h"

#include <gtest/gtest.h>

namespace lisbind::verify {
namespace {

using model::DeclKind;
using model::TypeKind;

model::TypePtr basic(const std::string& name) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = TypeKind::Basic;
  t->name = name;
  return t;
}

std::string qualified(const lis::Type& type, const std::set<std::string>& own,
                      const std::optional<lis::Type>& self_type = std::nullopt) {
  return lis::to_text(qualify_type(type, own, "model", self_type));
}

TEST(QualifyType, QualifiesOwnTypesOnly) {
  using lis::named;
  std::set<std::string> own = {"Sample", "Unknown", "Option", "T"};
  EXPECT_EQ(qualified(lis::option(lis::ref(named("Sample"), true)), own),
            "Option<mut Ref<model.Sample>>");
  EXPECT_EQ(qualified(lis::map(lis::basic("string"), named("io.Reader"), false), own),
            "Map<string, io.Reader>");
  EXPECT_EQ(qualified(lis::fn({named("Sample"), named("Unknown")}, named("Option")), own),
            "fn(model.Sample, model.Unknown) -> model.Option");
  EXPECT_EQ(qualified(lis::fn({lis::unknown()}, lis::option(lis::basic("int"))), own),
            "fn(Unknown) -> Option<int>");  // the prelude's, not the package's
  EXPECT_EQ(qualified(named("model.Option", {lis::basic("int")}), own), "model.Option<int>");
  EXPECT_EQ(qualified(lis::ref(named("Self"), false), own, named("model.Sample")),
            "Ref<model.Sample>");
  EXPECT_EQ(qualified(lis::slice(lis::type_param("T"), false), own), "Slice<T>");
  // The typedef names its own `Option` through its binding name, lest it read as the prelude's.
  EXPECT_EQ(lis::to_text(qualify_type(named("p.Option", {lis::basic("int")}), own, "model",
                                      std::nullopt, "p")),
            "model.Option<int>");
}

// A package `example.com/p` with func F(string) int, type S struct{ N int } with method
// (*S) M() string, and interface I { M() string }: *S implements I.
struct Fixture {
  model::ApiModel api;
  lis::File file;
  Fixture() {
    model::Package p;
    p.path = "example.com/p";
    p.name = "p";
    p.root = true;
    model::Decl f;
    f.kind = DeclKind::Func;
    f.name = "F";
    f.sig.params = {{"s", basic("string")}};
    f.sig.results = {{"", basic("int")}};
    model::Decl s;
    s.kind = DeclKind::Type;
    s.name = "S";
    auto st = std::make_shared<model::TypeRef>();
    st->kind = TypeKind::Struct;
    st->fields = {{.name = "N",
                   .type = basic("int"),
                   .embedded = false,
                   .exported = true,
                   .tag = "",
                   .doc = ""}};
    s.underlying = st;
    model::Method m;
    m.name = "M";
    m.pointer_receiver = true;
    m.sig.results = {{"", basic("string")}};
    s.methods = {m};
    model::Decl i;
    i.kind = DeclKind::Type;
    i.name = "I";
    auto it = std::make_shared<model::TypeRef>();
    it->kind = TypeKind::Interface;
    it->methods = {{.name = "M", .sig = m.sig, .doc = ""}};
    i.underlying = it;
    p.decls = {f, i, s};
    api.packages = {p};

    lis::Function lf;
    lf.name = "F";
    lf.params = {{"s", lis::basic("string")}};
    lf.result = lis::basic("int");
    file.functions = {lf};
    lis::TypeDecl ls;
    ls.form = lis::TypeForm::Struct;
    ls.name = "S";
    ls.fields = {{.doc = {}, .attributes = {}, .name = "N", .type = lis::basic("int")}};
    lis::TypeDecl li;
    li.form = lis::TypeForm::Interface;
    li.name = "I";
    lis::Function im;
    im.name = "M";
    im.result = lis::basic("string");
    li.methods = {im};
    file.types = {li, ls};
    lis::Impl impl;
    impl.type_name = "S";
    lis::Function lm = im;
    lm.receiver = lis::Receiver{.form = lis::ReceiverForm::Ref, .self_type = lis::named("S")};
    impl.methods = {lm};
    file.impls = {impl};
  }
};

TEST(FindImplementations, PointerReceiverMeansOnlyPointerImplements) {
  Fixture fx;
  auto found = find_implementations(fx.api, "example.com/p");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type_name, "S");
  EXPECT_TRUE(found[0].pointer);
  EXPECT_EQ(found[0].interface_name, "I");
}

TEST(MakeProbes, OneProbePerUseWithTypedHelpers) {
  Fixture fx;
  PackageProbes probes = make_probes(fx.api, fx.api.packages[0], fx.file, {"example.com/p"}, 10);
  EXPECT_EQ(probes.binding, "lisbind_probed");  // never collides with the typedef's own imports
  std::map<std::string, const Probe*> by_what;
  for (const auto& p : probes.probes) by_what[p.what] = &p;
  ASSERT_TRUE(by_what.contains("F"));
  EXPECT_EQ(by_what["F"]->id, 10);
  EXPECT_EQ(
      by_what["F"]->text,
      "fn take_10(_x: fn(string) -> int) {}\nfn probe_10() {\n  take_10(lisbind_probed.F)\n}\n");
  EXPECT_EQ(by_what["F"]->go_decl, "func F(s string) int");
  ASSERT_TRUE(by_what.contains("S.M"));
  EXPECT_NE(by_what["S.M"]->text.find("fn(Ref<lisbind_probed.S>) -> string"), std::string::npos);
  EXPECT_NE(by_what["S.M"]->text.find("lisbind_probed.S.M"), std::string::npos);
  ASSERT_TRUE(by_what.contains("S.N"));
  EXPECT_NE(by_what["S.N"]->text.find("fn probe_"), std::string::npos);
  EXPECT_NE(by_what["S.N"]->text.find("(v: mut Ref<lisbind_probed.S>)"), std::string::npos);
  ASSERT_TRUE(by_what.contains("*S implements I"));
  EXPECT_FALSE(by_what.contains("S implements I"));  // the value does not
  ASSERT_TRUE(by_what.contains("Lisette struct implements I"));
  EXPECT_NE(by_what["Lisette struct implements I"]->text.find("fn M(self) -> string { panic("),
            std::string::npos);

  RenderedFile r = render_probe_file(probes, {&probes.probes[0], &probes.probes[1]});
  ASSERT_EQ(r.spans.size(), 2u);
  EXPECT_LT(r.spans[0].second, r.spans[1].first);
  EXPECT_NE(r.text.find("import lisbind_probed \"go:example.com/p\""), std::string::npos);
}

// func F[T any](s T) T, bound as F<T>(s: T) -> T: probed at T = int, which lis infers from the
// expected fn type and emits as `p.F[int]`.
TEST(MakeProbes, AGenericFunctionIsProbedAtAnInstantiationItsConstraintsAllow) {
  Fixture fx;
  model::Decl& go_f = fx.api.packages[0].decls[0];
  auto t = std::make_shared<model::TypeRef>();
  t->kind = TypeKind::TypeParam;
  t->name = "T";
  go_f.tparams = {{"T", nullptr}};
  go_f.sig.params = {{"s", t}};
  go_f.sig.results = {{"", t}};
  lis::Function& f = fx.file.functions[0];
  f.generics = {"T"};
  f.params = {{"s", lis::type_param("T")}};
  f.result = lis::type_param("T");
  PackageProbes probes = make_probes(fx.api, fx.api.packages[0], fx.file, {"example.com/p"}, 1);
  const Probe* probe = nullptr;
  for (const auto& p : probes.probes) {
    if (p.ledger_symbol == "F") probe = &p;
  }
  ASSERT_NE(probe, nullptr);
  EXPECT_EQ(probe->what, "F<int>");
  EXPECT_NE(probe->text.find("fn take_1(_x: fn(int) -> int) {}"), std::string::npos) << probe->text;
  EXPECT_NE(probe->text.find("take_1(lisbind_probed.F)"), std::string::npos) << probe->text;
}

TEST(MakeProbes, AGenericFunctionWhoseConstraintHasMethodsIsListedAsUnprobed) {
  Fixture fx;
  auto stringer = std::make_shared<model::TypeRef>();
  stringer->kind = TypeKind::Interface;
  model::InterfaceMethod string_method;
  string_method.name = "String";
  stringer->methods = {string_method};
  fx.api.packages[0].decls[0].tparams = {{"T", stringer}};
  fx.file.functions[0].generics = {"T"};
  PackageProbes probes = make_probes(fx.api, fx.api.packages[0], fx.file, {"example.com/p"}, 1);
  ASSERT_FALSE(probes.unprobed.empty());
  EXPECT_EQ(probes.unprobed[0].ledger_symbol, "F");
  EXPECT_NE(probes.unprobed[0].reason.find("constraint with methods"), std::string::npos);
}

TEST(MakeProbes, SignaturesNamingAnUnexportedTypeAreListedAsUnprobed) {
  Fixture fx;
  lis::TypeDecl hidden;
  hidden.name = "internal_state";
  hidden.attributes = {lis::AttributeKind::Unexported};
  fx.file.types.push_back(hidden);
  fx.file.functions[0].params = {{"s", lis::option(lis::ref(lis::named("internal_state"), true))}};
  PackageProbes probes = make_probes(fx.api, fx.api.packages[0], fx.file, {"example.com/p"}, 1);
  ASSERT_FALSE(probes.unprobed.empty());
  EXPECT_EQ(probes.unprobed[0].ledger_symbol, "F");
  EXPECT_EQ(probes.unprobed[0].reason,
            "signature names an unexported type that Lisette code cannot write");
}

// Fields are not ledger symbols: the field is listed under its type, so that the type's verdict
// says one of its fields was not probed.
TEST(MakeProbes, AFieldNamingAnUnexportedTypeIsListedUnderItsType) {
  Fixture fx;
  lis::TypeDecl hidden;
  hidden.name = "internal_state";
  hidden.attributes = {lis::AttributeKind::Unexported};
  fx.file.types.push_back(hidden);
  for (auto& t : fx.file.types) {
    if (t.name == "S")
      t.fields.push_back(
          {.doc = {}, .attributes = {}, .name = "State", .type = lis::named("internal_state")});
  }
  PackageProbes probes = make_probes(fx.api, fx.api.packages[0], fx.file, {"example.com/p"}, 1);
  ASSERT_EQ(probes.unprobed.size(), 1u);
  EXPECT_EQ(probes.unprobed[0].ledger_symbol, "S");
  EXPECT_EQ(probes.unprobed[0].reason,
            "field State: its type names an unexported type that Lisette code cannot write");
  bool field_n = false;
  for (const auto& probe : probes.probes) {
    if (probe.what == "S.N") {
      field_n = true;
      EXPECT_NE(probe.text.find("(v: mut Ref<lisbind_probed.S>)"), std::string::npos) << probe.text;
    }
  }
  EXPECT_TRUE(field_n);
}

TEST(RenderMain, ReferencesEveryProbe) {
  EXPECT_EQ(render_main({1, 2}),
            "// lisbind verify: references every probe so that lis emits it.\nfn main() {\n  let _ "
            "= probe_1\n  let _ = probe_2\n}\n");
}

}  // namespace
}  // namespace lisbind::verify

namespace lisbind::verify {
namespace {

// type Outer struct{ S } (S by value) and type Holder struct{ *S }: S's method (*S) M() string is
// promoted to both. Outer gets `v.S` and `Outer.M` taken with Ref<Outer> (M's own receiver form);
// through the pointer, lis takes Holder.M on Holder itself.
TEST(MakeProbes, EmbeddedFieldsAndPromotedMethodsWithTheReceiverLisGivesThem) {
  Fixture fx;
  model::Package& p = fx.api.packages[0];
  auto named_s = std::make_shared<model::TypeRef>();
  named_s->kind = TypeKind::Named;
  named_s->pkg = p.path;
  named_s->name = "S";
  auto pointer_s = std::make_shared<model::TypeRef>();
  pointer_s->kind = TypeKind::Pointer;
  pointer_s->elem = named_s;
  auto outer_decl = [&](const std::string& name, model::TypePtr embedded, bool pointer_only) {
    model::Decl d;
    d.kind = DeclKind::Type;
    d.name = name;
    auto st = std::make_shared<model::TypeRef>();
    st->kind = TypeKind::Struct;
    st->fields = {
        {.name = "S", .type = embedded, .embedded = true, .exported = true, .tag = "", .doc = ""}};
    d.underlying = st;
    d.promoted = {{.name = "M",
                   .via = {"S"},
                   .pointer_only = pointer_only,
                   .sig = p.decls[2].methods[0].sig,
                   .from = named_s}};
    return d;
  };
  p.decls.push_back(outer_decl("Outer", named_s, true));
  p.decls.push_back(outer_decl("Holder", pointer_s, false));
  auto lis_outer = [](const std::string& name, lis::Type embedded) {
    lis::TypeDecl t;
    t.form = lis::TypeForm::Struct;
    t.name = name;
    t.fields = {{.doc = {}, .attributes = {}, .name = "", .type = std::move(embedded)}};
    return t;
  };
  fx.file.types.push_back(lis_outer("Outer", lis::named("S")));
  fx.file.types.push_back(lis_outer("Holder", lis::ref(lis::named("S"), true)));
  PackageProbes probes = make_probes(fx.api, p, fx.file, {"example.com/p"}, 1);
  std::map<std::string, const Probe*> by_use;
  for (const auto& probe : probes.probes) by_use[probe.what] = &probe;
  ASSERT_TRUE(by_use.contains("Outer.S (embedded)"));
  EXPECT_NE(by_use["Outer.S (embedded)"]->text.find("(_x: lisbind_probed.S)"), std::string::npos);
  EXPECT_NE(by_use["Outer.S (embedded)"]->text.find("take_"), std::string::npos);
  ASSERT_TRUE(by_use.contains("Outer.M (promoted from S)"));
  EXPECT_NE(
      by_use["Outer.M (promoted from S)"]->text.find("fn(Ref<lisbind_probed.Outer>) -> string"),
      std::string::npos)
      << by_use["Outer.M (promoted from S)"]->text;
  ASSERT_TRUE(by_use.contains("Holder.M (promoted from S)"));
  EXPECT_NE(by_use["Holder.M (promoted from S)"]->text.find("fn(lisbind_probed.Holder) -> string"),
            std::string::npos)
      << by_use["Holder.M (promoted from S)"]->text;
  EXPECT_EQ(by_use["Holder.M (promoted from S)"]->kind, ProbeKind::Promoted);
  EXPECT_EQ(by_use["Holder.M (promoted from S)"]->ledger_symbol, "Holder");
}

}  // namespace
}  // namespace lisbind::verify
