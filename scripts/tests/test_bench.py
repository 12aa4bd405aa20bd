"""scripts/bench's parsing and table helpers (no command is run)."""
import argparse
import math
import unittest

from tests.util import load_script

bench = load_script("bench")


def run(wall, rc=0, **kw):
    r = {"rc": rc, "wall": wall, "rss_kib": 100 * 1024, "cpu": wall, "tree_kib": 200 * 1024, "load1": 1.0,
         "by_name": {"lisbind": 100 * 1024}}
    r.update(kw)
    return r


def fake_bench(results, sets=("client_golang",)):
    b = bench.Bench.__new__(bench.Bench)  # no temporary directory, nothing run
    b.args = argparse.Namespace(runs=3, cold=False, cold_runs=1)
    b.results = results
    b.timelines = {}
    b.sets = list(sets)
    return b


MACHINE = {"nproc": 2, "cpu": "test cpu", "mem_gib": 4.0, "kernel": "6.0", "go": "go1.26", "lis": "lis 0.12.5",
           "lisbind": "lisbind 0.1.0", "commit": "abc123", "binaries": {"lisbind": {"sha256": "0" * 12, "mtime": "now"}}}


class Parsing(unittest.TestCase):
    def test_time_output(self):
        self.assertEqual(bench.parse_time_output("1.25 2048 0.50 0.25\n"), (1.25, 2048, 0.5, 0.25))
        self.assertEqual(bench.parse_time_output("Command exited with non-zero status 1\n3.0 10 1.0 2.0\n\n"),
                         (3.0, 10, 1.0, 2.0))
        wall, rss, user, _sys = bench.parse_time_output("")
        self.assertTrue(math.isnan(wall) and math.isnan(user))
        self.assertEqual(rss, 0)

    def test_gen_phases(self):
        self.assertEqual(bench.gen_phases("wrote 12 typedef files to out (load 120 ms, map 30 ms, write 5 ms)\n"),
                         {"load_ms": 120, "map_ms": 30, "write_ms": 5})
        self.assertEqual(bench.gen_phases("error: no such package"), {})

    def test_first_line_prefers_lis_reason(self):
        self.assertEqual(bench.first_line("· something\n· reason: proxy refused\nerror: x"), "proxy refused")
        self.assertEqual(bench.first_line("resolving\nerror: go: module not found\n"), "error: go: module not found")
        self.assertEqual(bench.first_line("Command exited with status 1\nplain"), "Command exited with status 1")
        self.assertEqual(bench.first_line("   \n"), "(no output)")

    def test_package_specs(self):
        s = bench.SETS["client_golang"]
        self.assertEqual(bench.pkg_paths(s)[0], "github.com/prometheus/client_golang/prometheus")
        self.assertEqual(bench.pkg_specs(s)[0], "github.com/prometheus/client_golang/prometheus@v1.25.0")
        self.assertEqual(bench.pkg_specs(s, "v1.24.1")[1], "github.com/prometheus/client_golang/prometheus/promhttp@v1.24.1")


class Table(unittest.TestCase):
    def test_stats_take_the_median_of_successful_runs(self):
        b = fake_bench({("client_golang", "import"): {"command": "lisbind import", "runs": [
            run(1.0), run(3.0), run(2.0), run(9.0, rc=1, error="boom")]}})
        st = b.stats("client_golang", "import")
        self.assertEqual((st["n"], st["ok"], st["wall"], st["wall_min"], st["wall_max"]), (4, 3, 2.0, 1.0, 3.0))
        self.assertEqual(st["failed"][0]["error"], "boom")
        self.assertIsNone(b.stats("client_golang", "gen"))

    def test_lis_unavailable_shortens_the_reason(self):
        b = fake_bench({("client_golang", "lis add+check"): {"command": "lis add", "runs": [
            run(1.0, rc=1, error="x: go: reading https://proxy.golang.org/foo: 403 Forbidden")]}})
        self.assertEqual(b.lis_unavailable(b.stats("client_golang", "lis add+check")),
                         "n/a (lis bindgen unavailable: proxy: 403 Forbidden)")
        self.assertEqual(b.lis_unavailable(None), "not run")

    def test_table_rows_and_verdicts(self):
        b = fake_bench({
            ("client_golang", "floor"): {"command": "go list", "runs": [run(1.0), run(1.2)]},
            ("client_golang", "import"): {"command": "lisbind import", "runs": [run(1.4), run(1.4)]},
            ("client_golang", "import-again"): {"command": "lisbind import (again)",
                                                "runs": [run(0.2, lock_unchanged=True)]},
            ("client_golang", "lis add+check"): {"command": "lis add", "runs": [run(10.0)]},
        })
        text = b.table(MACHINE)
        self.assertIn("| client_golang | import           |   1.40 (1.40–1.40)", text)
        self.assertIn("| lisbind import ÷ (lis add + lis check) | client_golang | 1.40 / 10.00 s = 0.14 | ≤ 0.20 | met |", text)
        self.assertIn("| lisbind import ÷ go list floor (warm Go caches) | client_golang | 1.40 / 1.10 s = 1.3× | ≤ 1.5× | met |", text)
        self.assertIn("| lisbind import again, nothing changed | client_golang | 0.20 s | ≤ 0.5 s | met |", text)
        self.assertIn("second import left lisbind.lock byte-identical: yes", text)
        self.assertIn("n/a (run with --cold)", text)


if __name__ == "__main__":
    unittest.main()
