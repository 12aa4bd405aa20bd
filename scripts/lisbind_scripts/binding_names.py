"""Go import paths -> the names Lisette binds them to, as lisbind says (`lisbind binding-name`).

The rule lives in one place, syntax/names.cc default_binding_name; the scripts ask the lisbind
binary ($LISBIND, else <repo>/build/lisbind) for a batch of paths at a time and remember the
answers."""

import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BATCH = 2000  # paths per lisbind run, well below the argument-length limit

_known = {}


def lisbind_binary():
    return os.environ.get("LISBIND") or os.path.join(ROOT, "build", "lisbind")


def binding_names(paths):
    """{path: name} for every path in `paths`; one lisbind run per batch of paths not seen before."""
    missing = sorted({p for p in paths if p not in _known})
    for start in range(0, len(missing), BATCH):
        batch = missing[start:start + BATCH]
        binary = lisbind_binary()
        try:
            ran = subprocess.run([binary, "binding-name", "--json", "--"] + batch,
                                 capture_output=True, text=True)
        except OSError as e:
            raise RuntimeError(f"cannot run {binary} ({e}); build lisbind or set LISBIND") from e
        if ran.returncode != 0:
            raise RuntimeError(f"{binary} binding-name failed: {ran.stderr.strip()}")
        _known.update(json.loads(ran.stdout))
    return {p: _known[p] for p in paths}


def default_binding_name(import_path):
    """The name lis binds an unaliased `import "go:PATH"` to when the typedef has no
    `// Package:` header."""
    return binding_names([import_path])[import_path]
