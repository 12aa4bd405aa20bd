"""`lisbind binding-name`, the one implementation of the binding-name rule the scripts use, against
the cases of the C++ rule's own test (syntax/names_test.cc)."""
import json
import os
import re
import subprocess
import unittest

from lisbind_scripts.binding_names import binding_names, default_binding_name, lisbind_binary
from tests.util import ROOT, load_script

CASE = re.compile(r'EXPECT_EQ\(default_binding_name\("([^"]*)"\),\s*"([^"]*)"\)')


def names_test_cases():
    with open(os.path.join(ROOT, "syntax", "names_test.cc"), encoding="utf-8") as fh:
        return CASE.findall(fh.read())


class BindingNameCommand(unittest.TestCase):
    def run_lisbind(self, *paths, as_json=False):
        # `--` as binding_names.py passes it: a path is never read as an option.
        flags = ["--json"] if as_json else []
        ran = subprocess.run([lisbind_binary(), "binding-name", *flags, "--", *paths],
                             capture_output=True, text=True)
        self.assertEqual(ran.returncode, 0, ran.stderr)
        return ran.stdout

    def test_prints_the_cases_of_syntax_names_test_one_per_line(self):
        cases = names_test_cases()
        self.assertGreaterEqual(len(cases), 4)
        out = self.run_lisbind(*[path for path, _ in cases])
        self.assertEqual(out.splitlines(), [want for _, want in cases])

    def test_json_maps_each_path_to_its_name(self):
        cases = names_test_cases()
        out = self.run_lisbind(*[path for path, _ in cases], as_json=True)
        self.assertEqual(json.loads(out), dict(cases))

    def test_only_v2_and_up_are_version_suffixes(self):
        # syntax/names.cc is_major_version_suffix: `v`, digits only, value >= 2.
        cases = {"example.com/m/v0": "v0", "example.com/m/v1": "v1", "example.com/m/v2": "m",
                 "example.com/m/v10": "m", "example.com/m/v02": "m", "example.com/m/v": "v",
                 "example.com/m/v2x": "v2x", "v2": "v2", "math/rand/v2": "rand", "gopkg.in/yaml.v3": "yaml.v3"}
        self.assertEqual(binding_names(list(cases)), cases)
        self.assertEqual(default_binding_name("k8s.io/api/core/v1"), "v1")

    def test_lis_probe_uses_it(self):
        probe = load_script("lis-probe")
        self.assertEqual(probe.binding_of("example.com/m/v1", ""), "v1")
        self.assertEqual(probe.binding_of("example.com/m/v3", ""), "m")
        self.assertEqual(probe.binding_of("example.com/m/v3", "// Package: other\n"), "other")


if __name__ == "__main__":
    unittest.main()
