import os
import re
import unittest

from lisbind_scripts.names import default_binding_name
from tests.util import ROOT, load_script

CASE = re.compile(r'EXPECT_EQ\(default_binding_name\("([^"]*)"\),\s*"([^"]*)"\)')


class DefaultBindingName(unittest.TestCase):
    def test_the_cases_of_syntax_names_test(self):
        """The same table as the C++ rule's test, read from syntax/names_test.cc."""
        with open(os.path.join(ROOT, "syntax", "names_test.cc"), encoding="utf-8") as fh:
            cases = CASE.findall(fh.read())
        self.assertGreaterEqual(len(cases), 4)
        for path, want in cases:
            self.assertEqual(default_binding_name(path), want, path)

    def test_only_v2_and_up_are_version_suffixes(self):
        # syntax/names.cc is_major_version_suffix: `v`, digits only, value >= 2.
        for path, want in [("example.com/m/v0", "v0"), ("example.com/m/v1", "v1"), ("example.com/m/v2", "m"),
                           ("example.com/m/v10", "m"), ("example.com/m/v02", "m"), ("example.com/m/v", "v"),
                           ("example.com/m/v2x", "v2x"), ("v2", "v2"), ("math/rand/v2", "rand"),
                           ("gopkg.in/yaml.v3", "yaml.v3")]:
            self.assertEqual(default_binding_name(path), want, path)

    def test_lis_probe_uses_it(self):
        probe = load_script("lis-probe")
        self.assertEqual(probe.binding_of("example.com/m/v1", ""), "v1")
        self.assertEqual(probe.binding_of("example.com/m/v3", ""), "m")
        self.assertEqual(probe.binding_of("example.com/m/v3", "// Package: other\n"), "other")


if __name__ == "__main__":
    unittest.main()
