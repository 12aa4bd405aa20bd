"""scripts/lis-probe's type-name resolver: lis accepts unknown types in typedef signatures, so the
probe checks that every type name resolves."""
import unittest

from tests.util import load_script

probe = load_script("lis-probe")

DEP = """// Source: example.com/dep (example.com/dep@v1.0.0)
pub struct Thing {}
pub interface Doer {
  fn Do(self)
}
"""
V2 = """// Source: example.com/mod/v2 (example.com/mod/v2@v2.0.0)
pub struct Client {}
"""


def unresolved(text, package="example.com/pkg", index=None):
    index = {"example.com/dep": DEP, "example.com/mod/v2": V2} if index is None else index
    return probe.unresolved_names(package, text, index, None)


class Resolver(unittest.TestCase):
    def test_everything_resolves(self):
        text = """import "go:example.com/dep"
import m "go:example.com/mod/v2"
pub struct Local {
  pub A: Option<Ref<dep.Thing>>,
  pub B: Map<string, Slice<m.Client>>,
}
pub fn New<T: Comparable>(x: T, f: fn(int) -> bool, d: dep.Doer) -> Result<Ref<Local>, error>
impl Local {
  fn Get(self: Ref<Local>) -> Option<dep.Thing>
}
pub type Alias = Map<string, Local>
pub const C: int = 1
pub var V: Ref<Local>
"""
        self.assertEqual(unresolved(text), [])

    def test_an_unknown_name(self):
        self.assertEqual(unresolved("pub fn F(x: Missing) -> int\n"),
                         ["example.com/pkg: Missing: not declared here"])

    def test_a_qualifier_that_is_not_imported(self):
        self.assertEqual(unresolved("pub fn F() -> Ref<other.Thing>\n"),
                         ["example.com/pkg: other.Thing: `other` is not imported"])

    def test_a_name_the_imported_package_does_not_declare(self):
        self.assertEqual(unresolved('import "go:example.com/dep"\npub var V: dep.Nothing\n'),
                         ["example.com/pkg: dep.Nothing: not declared by that package"])

    def test_a_major_version_suffix_binds_the_element_before_it(self):
        self.assertEqual(unresolved('import "go:example.com/mod/v2"\npub var V: mod.Client\n'), [])

    def test_generics_of_an_impl_are_in_scope_of_its_methods(self):
        text = "pub struct Box<T> {\n  pub V: T,\n}\nimpl<T> Box<T> {\n  fn Get(self: Ref<Box<T>>) -> T\n}\n"
        self.assertEqual(unresolved(text), [])

    def test_own_binding_qualifies_own_types(self):
        self.assertEqual(unresolved("pub struct T {}\npub fn F() -> pkg.T\n"), [])

    def test_string_literals_name_nothing(self):
        self.assertEqual(unresolved('#[go(tag, "Nope")]\npub const S: string = "Also.Nope"\n'), [])

    def test_unknown_imports_are_not_checked(self):
        # A package neither in the tree nor in lis's stdlib: its names cannot be checked.
        self.assertEqual(unresolved('import "go:example.com/elsewhere"\npub var V: elsewhere.X\n'), [])


if __name__ == "__main__":
    unittest.main()
