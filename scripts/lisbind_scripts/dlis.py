"""`.d.lis` files as lis's own parser reads them, through tools/dlis-parse (a Rust program built
on the lisette-syntax crate; scripts/setup builds it). This module only runs it and wraps its
JSON: no Lisette lexing or parsing happens in Python."""

import json
import os
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL_DIR = os.path.join(ROOT, "tools", "dlis-parse")


def tool_path():
    """$LISBIND_DLIS_PARSE, else tools/dlis-parse/target/release/dlis-parse, else on PATH."""
    env = os.environ.get("LISBIND_DLIS_PARSE")
    if env:
        return env
    built = os.path.join(TOOL_DIR, "target", "release", "dlis-parse")
    if os.path.isfile(built):
        return built
    found = shutil.which("dlis-parse")
    if found:
        return found
    raise SystemExit("dlis-parse not found: build it with scripts/setup "
                     "(or: cargo build --release --locked --manifest-path tools/dlis-parse/Cargo.toml)")


def parse_files(paths):
    """{path: file JSON} for the given .d.lis files (one run of the tool for all of them)."""
    paths = list(paths)
    if not paths:
        return {}
    r = subprocess.run([tool_path(), "-"], input="\n".join(paths) + "\n", capture_output=True, text=True)
    if r.returncode not in (0, 1) or not r.stdout:  # 1: some file has parse errors (listed in it)
        raise SystemExit("dlis-parse failed (exit %d): %s" % (r.returncode, r.stderr[-2000:]))
    return {f["path"]: f for f in json.loads(r.stdout)["files"]}


def parse_text(text, name="snippet.d.lis", tmpdir=None):
    """The file JSON of a .d.lis text (tests use this)."""
    import tempfile
    with tempfile.TemporaryDirectory(dir=tmpdir) as d:
        path = os.path.join(d, name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        f = parse_files([path])[path]
    f["path"] = name
    return f


class TypeNode:
    """A type: kind is 'named', 'tuple', 'fn', 'lit' (an Array length) or 'unknown'.

    `text` is the canonical text dlis-parse rendered from lis's AST; types built in Python
    (substitutions) are rendered by render_type, which follows the same rules."""

    __slots__ = ("mut", "kind", "name", "args", "ret", "text")

    def __init__(self, mut, kind, name="", args=(), ret=None, text=None):
        self.mut = mut
        self.kind = kind
        self.name = name
        self.args = list(args)
        self.ret = ret
        self.text = text if text is not None else render_type(self)

    @classmethod
    def from_json(cls, j):
        if j is None:
            return None
        kind = j["kind"]
        args = [cls.from_json(a) for a in j.get("args", [])]
        ret = cls.from_json(j.get("ret")) if kind == "fn" else None
        name = j.get("name", "")
        if kind == "tuple":
            name = "tuple" if args else "()"
        elif kind == "fn":
            name = "fn"
        elif kind == "lit":
            name = j["text"]
        return cls(bool(j.get("mut")), kind, name, args, ret, j["text"])

    def bare(self):
        return self.name.split(".")[-1]

    def replace(self, **kw):
        """A copy with some slots changed and the text rendered again."""
        vals = {s: getattr(self, s) for s in ("mut", "kind", "name", "args", "ret")}
        vals.update(kw)
        return TypeNode(**vals)


def render_type(t):
    """Canonical text of a type, as dlis-parse renders it (tools/dlis-parse/src/lib.rs `ty`)."""
    if t is None:
        return "()"
    pre = "mut " if t.mut else ""
    if t.kind == "named":
        if t.name == "Unit" and not t.args:
            return pre + "()"
        if t.args:
            return pre + "%s<%s>" % (t.name, ", ".join(render_type(a) for a in t.args))
        return pre + t.name
    if t.kind == "tuple":
        return "(%s)" % ", ".join(render_type(a) for a in t.args)
    if t.kind == "fn":
        s = "fn(%s)" % ", ".join(render_type(a) for a in t.args)
        return s + (" -> " + render_type(t.ret) if t.ret is not None else "")
    if t.kind == "lit":
        return t.name
    return "?"


def map_named(t, fn):
    """Rebuild t bottom-up; fn(node) may return a replacement for each named node (or None)."""
    if t is None:
        return None
    args = [map_named(a, fn) for a in t.args]
    ret = map_named(t.ret, fn) if t.kind == "fn" else None
    changed = any(a is not b for a, b in zip(args, t.args)) or ret is not t.ret
    node = t.replace(args=args, ret=ret) if changed else t
    if node.kind == "named":
        rep = fn(node)
        if rep is not None:
            return rep
    return node
