"""compare-stdlib's comparison: small .d.lis snippets through tools/dlis-parse."""
import os
import shutil
import tempfile
import unittest

from lisbind_scripts import stdlib_compare as sc
from lisbind_scripts.dlis import TypeNode, parse_text


def tree(tmp, side, files):
    """{import path: PkgFile} of {import path: source}, flattened."""
    paths = {}
    for pkg, src in files.items():
        path = os.path.join(tmp, side, pkg + ".d.lis")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(src)
        paths[pkg] = path
    loaded = sc.load_tree(paths)
    sc.flatten_interfaces(loaded)
    return loaded


class CompareStdlib(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="compare-stdlib-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def compare(self, lis, ours):
        """lis/ours: {pkg: source} or one source for package `p`."""
        lis = lis if isinstance(lis, dict) else {"p": lis}
        ours = ours if isinstance(ours, dict) else {"p": ours}
        lf, of = tree(self.tmp, "lis", lis), tree(self.tmp, "ours", ours)
        return sc.compare_packages(lf, of, sorted(set(lis) & set(ours)))

    def status(self, c, name, kind=None):
        recs = [r for r in c.decl_records if r["name"] == name and (kind is None or r["kind"] == kind)]
        self.assertEqual(len(recs), 1, (name, c.decl_records))
        return recs[0]

    def test_layout_does_not_matter(self):
        c = self.compare("pub fn F(a: mut Ref<x.T>, f: fn(int) -> ()) -> Result<(), error>\n",
                         "pub fn F(\n  a:   mut Ref< x.T >,\n  f: fn(int),\n) -> Result<Unit, error>\n")
        self.assertEqual(self.status(c, "F")["status"], "agree")

    def test_option_on_a_result_only_in_lis(self):
        c = self.compare("pub fn F() -> Option<Ref<T>>\n", "pub fn F() -> Ref<T>\n")
        rec = self.status(c, "F")
        self.assertEqual(rec["status"], "differ")
        self.assertEqual(rec["categories"], ["result: Option (nil-able) only in lis"])
        self.assertEqual(sc.family(rec["categories"][0]), "nil-ability (Option on one side only)")

    def test_mut_receiver_and_param(self):
        c = self.compare("pub struct T {}\nimpl T {\n  fn M(self: mut Ref<T>, b: mut Slice<uint8>)\n}\n",
                         "pub struct T {}\nimpl T {\n  fn M(self: Ref<T>, b: Slice<uint8>)\n}\n")
        rec = self.status(c, "T.M")
        self.assertEqual(rec["categories"], ["receiver: mut only in lis", "param: mut only in lis"])
        self.assertEqual(c.per_kind["method"]["differ"], 1)
        self.assertEqual(c.per_kind["struct"]["agree"], 1)

    def test_comma_ok(self):
        c = self.compare("#[go(comma_ok)]\npub fn Lookup(k: string) -> Option<string>\n",
                         "pub fn Lookup(k: string) -> (string, bool)\n")
        self.assertEqual(self.status(c, "Lookup")["categories"],
                         ["result: #[go(comma_ok)] Option<T> (lis) vs (T, bool) tuple (lisbind)"])

    def test_collapsed_type_params_are_applied_to_lisbind(self):
        c = self.compare('#[go(collapsed_type_params, "Slice<E>, E")]\npub fn Sort<E: cmp.Ordered>(x: mut Slice<E>)\n',
                         "pub fn Sort<S, E: cmp.Ordered>(x: mut S)\n")
        self.assertEqual(self.status(c, "Sort")["categories"],
                         ["generics: collapsed type params (#[go(collapsed_type_params)] in lis, Go's full list in lisbind)"])

    def test_interfaces_are_flattened_and_requalified(self):
        a = "pub struct Buf {}\npub interface Getter {\n  fn Get(self) -> Ref<Buf>\n}\n"
        lis = {"a": a, "b": 'import "go:a"\npub interface G2 {\n  embed a.Getter\n}\n'}
        ours = {"a": a, "b": 'import "go:a"\npub interface G2 {\n  fn Get(self) -> Ref<a.Buf>\n}\n'}
        c = self.compare(lis, ours)
        self.assertEqual(self.status(c, "G2")["categories"], ["interface: embed vs flattened methods"])
        self.assertEqual(self.status(c, "G2.Get")["status"], "agree")

    def test_requalify_drops_the_destination_package(self):
        lf = tree(self.tmp, "x", {"a": 'import "go:b"\npub interface I {\n  fn F(self, x: b.X) -> Ref<Buf>\n}\npub struct Buf {}\n',
                                   "b": 'import "go:a"\npub struct X {}\n'})
        f = sc.requalify(lf["a"].decls[("iface_method", "I.F")].data, lf["a"], lf["b"])
        self.assertEqual(sc.fn_canon(f), "fn F(self, x: X) -> Ref<a.Buf>")

    def test_constants(self):
        c = self.compare("pub const A = 16\npub const B = 1\npub const C: int = 3\npub const D = \"\\x41\"\n",
                         "pub const A = 0x10\npub const B = 2\npub const C = 3\npub const D = \"A\"\n")
        self.assertEqual(self.status(c, "A")["categories"], ["const: value formatting (same value)"])
        self.assertEqual(self.status(c, "B")["categories"], ["const: value differs"])
        self.assertEqual(self.status(c, "C")["categories"], ["const: type annotation only in lis"])
        self.assertEqual(self.status(c, "D")["categories"], ["const: value formatting (same value)"])

    def test_struct_fields_and_kinds(self):
        c = self.compare("pub struct S {\n  pub A: int,\n  pub B: string,\n}\npub type K\n",
                         "pub struct S {\n  pub A: int,\n}\npub struct K {}\n")
        self.assertEqual(self.status(c, "S")["categories"], ["struct: fields only in lis"])
        self.assertEqual(self.status(c, "K")["categories"], ["declared as a different kind (type in lis, struct in lisbind)"])

    def test_missing_and_extra_with_reasons(self):
        c = self.compare("pub fn Gone()\npub fn Skipped()\n",
                         "// SKIPPED: Skipped - unsupported-type\npub fn New()\n")
        self.assertEqual(self.status(c, "Gone"), {"pkg": "p", "kind": "fn", "name": "Gone", "status": "missing",
                                                 "reason": "declaration absent"})
        self.assertEqual(self.status(c, "Skipped")["reason"], "SKIPPED by lisbind: unsupported-type")
        self.assertEqual(self.status(c, "New")["reason"], "declaration absent in lis")

    def test_python_renders_types_as_dlis_parse_does(self):
        src = "pub fn F(a: mut Map<string, Slice<Array<int, 3>>>, b: fn(int, (bool, string)) -> Option<mut Ref<x.Y>>, c: fn()) -> Result<(), error>\n"
        d = parse_text(src)["decls"][0]
        types = [p["type"] for p in d["params"]] + [d["result"]]

        def walk(j):
            yield j
            for a in j.get("args", []):
                yield from walk(a)
            if j.get("ret"):
                yield from walk(j["ret"])

        for j in (n for t in types for n in walk(t)):
            t = TypeNode.from_json(j)
            self.assertEqual(t.replace().text, j["text"])

    def test_parse_errors_become_warnings(self):
        c = self.compare("pub fn F(\n", "pub fn F()\n")
        self.assertTrue(any("lis p: unparsed" in w for w in c.warnings), c.warnings)


if __name__ == "__main__":
    unittest.main()
