#!/usr/bin/env bash
# lisbind verify on standard library packages: they are judged against lis's own embedded typedefs
# (docs/verify-std.md), the only ones lis reads for std. A small slice, with the real lis and Go:
# 1. every package is probed from lis's typedef and most probes verify;
# 2. every disagreement is lis's, reported as a LIS entry with the lis-std-typedef code and its
#    probe (the minimal reproduction), and none fails the run (exit 0);
# 3. text/tabwriter's flags, typed `uint` in Go and untyped in lis's typedef, are such
#    disagreements, caught by go build.
set -euo pipefail
lisbind=$1
export PATH="$HOME/.cargo/bin:$PATH"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$lisbind" verify strconv errors net/url text/tabwriter --report "$out/report.json" \
  --ledger "$out/ledger.json" -q >"$out/text" 2>&1 || {
  cat "$out/text"; echo "verify-std-e2e: lis's own disagreements must not fail the run"; exit 1; }
tail -n 7 "$out/text"
grep -q '^4 passed, 0 failed$' "$out/text"
grep -q "^ok   strconv (lis's typedef): " "$out/text"
grep -q "^lis's own typedefs of 4 std packages: " "$out/text"
grep -q '^LIS  text/tabwriter AlignRight (const) \[go build\]' "$out/text"
grep -q '^ledger: 0 symbols of 0 packages: ' "$out/text"
python3 - "$out/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
packages = {p["package"]: p for p in report["packages"]}
assert set(packages) == {"strconv", "errors", "net/url", "text/tabwriter"}, set(packages)
assert all(p["typedef"] == "lis" and p["typedef_file"].endswith(".d.lis") for p in packages.values())
probes = [(s, p) for s in report["symbols"] for p in s.get("probes", [])]
verified = sum(1 for _, p in probes if p["status"] == "verified")
assert len(probes) > 100 and verified > 100, (len(probes), verified)
lis = [(s, p) for s, p in probes if p["status"] == "lis-limitation"]
assert lis, "text/tabwriter's untyped flags must disagree with Go"
for s, p in lis:
    assert p.get("limitation") == "lis-std-typedef", (s["symbol"], p)
    assert "lis-std-typedef: " in p["message"] and p["probe_text"].startswith("fn take_"), p
assert not [p for _, p in probes if p["status"] in ("failed", "unchecked")]
by = {(s["package"], s["symbol"]): s["verification"] for s in report["symbols"]}
assert by[("text/tabwriter", "AlignRight")] == "lis-limitation", by[("text/tabwriter", "AlignRight")]
assert by[("strconv", "Atoi")] == "verified"
assert report["notes"] == [], report["notes"]
print(f"verify-std-e2e: {verified} of {len(probes)} probes verified, {len(lis)} lis-std-typedef")
PY
# std has no lisbind ledger: the ledger verify writes judges none of these packages and counts
# nothing (lis's typedefs are judged in the report, not in lisbind's ledger).
python3 - "$out/ledger.json" <<'PY'
import json, sys
verification = json.load(open(sys.argv[1]))["verification"]
assert verification["packages"] == [], verification["packages"]
assert set(verification["tally"].values()) == {0}, verification["tally"]
PY
