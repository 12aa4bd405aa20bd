"""Comparison of two trees of standard-library typedefs (lis's embedded ones and lisbind's), for
scripts/compare-stdlib.

Files are read by tools/dlis-parse (lis's own parser, see lisbind_scripts.dlis); this module turns
its JSON into declarations keyed (package, kind, name), flattens interfaces through their embeds,
and classifies every difference between the two sides (what differs: Option on a result, `mut`
on a receiver, a `#[go(...)]` flag, a struct field, ...). scripts/compare-stdlib does the
reporting. Unit tests: scripts/tests/test_compare_stdlib.py.
"""

import collections
import glob
import os
import re
import zlib

from .dlis import TypeNode, map_named, parse_files
from .binding_names import binding_names

GOOS, GOARCH = "linux", "amd64"

KIND_ORDER = ["fn", "method", "iface_method", "struct", "type", "interface", "const", "var"]
KIND_LABEL = {
    "fn": "fn",
    "method": "method",
    "iface_method": "interface method",
    "struct": "struct",
    "type": "type",
    "interface": "interface",
    "const": "const",
    "var": "var",
}


def tstr(node):
    return node.text if node is not None else "()"


def unit_type(node):
    return node is None or (node.kind == "tuple" and not node.args) or (
        node.kind == "named" and node.name == "Unit" and not node.args
    )


def attr_set(attrs):
    out = set()
    for a in attrs:
        for it in a:
            out.add(it)
    return frozenset(out)


def attr_text(item):
    name, flag, arg = item
    inner = ", ".join(x for x in (flag, arg) if x)
    return "#[%s(%s)]" % (name, inner) if inner else "#[%s]" % name


def fn_canon(f):
    parts = []
    if f.recv is not None:
        parts.append("self" if f.recv == "value" else "self: " + f.recv.text)
    parts.extend("%s: %s" % (n, t.text) for n, t in f.params)
    s = "fn %s%s(%s)" % (f.name, f.generics, ", ".join(parts))
    if f.ret is not None:
        s += " -> " + f.ret.text
    return s


class Decl:
    __slots__ = ("pkg", "kind", "name", "attrs", "canon", "show", "data", "origin")

    def __init__(self, pkg, kind, name, attrs, canon, show, data, origin=None):
        self.pkg = pkg
        self.kind = kind
        self.name = name
        self.attrs = attrs  # frozenset of (name, flag, arg)
        self.canon = canon
        self.show = show
        self.data = data
        self.origin = origin


def attrs_prefix(attrs):
    return "".join(attr_text(a) + " " for a in sorted(attrs))

class PkgFile:
    def __init__(self, path, pkgpath):
        self.path = path
        self.pkg = pkgpath
        self.decls = collections.OrderedDict()  # (kind, name) -> Decl
        self.dups = []
        self.skipped = {}  # name -> code
        self.imports = {}  # binding -> import path
        self.binding = None
        self.unparsed = []
        self.iface_members = {}  # iface name -> (list of Fn decl, list of embed types)


# --------------------------------------------------------------------------------------------
# Declarations, from dlis-parse's JSON
# --------------------------------------------------------------------------------------------


def attr_items(attr):
    """A dlis-parse attribute -> its (name, flag, arg) items: a quoted or raw argument belongs to
    the flag before it (`#[go(tag, `json:"a"`)]` -> ("go", "tag", "`json:\\"a\\"`"))."""
    name = attr["name"]
    items = []
    for txt in attr["args"]:
        if txt.startswith('"') or txt.startswith("`"):
            if items:
                n, f, prev = items[-1]
                items[-1] = (n, f, (prev + ", " if prev else "") + txt)
            else:
                items.append((name, "", txt))
        else:
            items.append((name, txt, ""))
    if not attr["args"]:
        items.append((name, "", ""))
    return items


def attrs_of(j):
    return attr_set(attr_items(a) for a in j.get("attributes", []))


def generics_text(gparams):
    """`<K: Comparable, V>` from [(name, [bound T])], as dlis-parse writes `generics_text`."""
    if not gparams:
        return ""
    return "<%s>" % ", ".join(n + (": " + " + ".join(b.text for b in bs) if bs else "") for n, bs in gparams)


class Fn:
    """A function or method: recv is None (none), "value" (`self`) or the T of `self: T`;
    collapsed: the types of #[go(collapsed_type_params, "...")], if any."""

    __slots__ = ("name", "generics", "gparams", "params", "ret", "recv", "collapsed")

    @classmethod
    def from_json(cls, j):
        f = cls()
        f.name = j["method"]
        f.gparams = [(g["name"], [TypeNode.from_json(b) for b in g["bounds"]]) for g in j.get("generics", [])]
        f.generics = j.get("generics_text", "")
        f.params = [(p["name"], TypeNode.from_json(p["type"])) for p in j["params"]]
        r = TypeNode.from_json(j.get("result"))
        f.ret = None if unit_type(r) else r
        s = j.get("self")
        f.recv = None if s is None else ("value" if s.get("type") is None else TypeNode.from_json(s["type"]))
        f.collapsed = None
        for a in j.get("attributes", []):
            if "types" in a and "collapsed_type_params" in a["args"]:
                f.collapsed = [TypeNode.from_json(t) for t in a["types"]]
        return f

    def copy(self, **kw):
        nf = Fn()
        for s in self.__slots__:
            setattr(nf, s, kw.get(s, getattr(self, s)))
        return nf


def import_paths(fj):
    """The import paths of one file's dlis-parse JSON, without the `go:` prefix."""
    return [imp["path"][3:] if imp["path"].startswith("go:") else imp["path"] for imp in fj.get("imports", [])]


def load_file(fj, pkgpath, names):
    """PkgFile of one file's dlis-parse JSON; `names` holds the binding name of its path and of
    each path it imports."""
    pf = PkgFile(fj.get("path"), pkgpath)
    pf.skipped = dict(fj.get("skipped") or {})
    pf.binding = fj.get("package_name") or names[pkgpath]
    for e in fj.get("parse_errors") or []:
        pf.unparsed.append("line %s: %s" % (e.get("line"), e.get("message")))

    def add(kind, name, attrs, canon, show, data, origin=None):
        key = (kind, name)
        d = Decl(pkgpath, kind, name, attrs, canon, show, data, origin)
        if key in pf.decls:
            pf.dups.append(d)
            return
        pf.decls[key] = d

    for imp, ip in zip(fj.get("imports", []), import_paths(fj)):
        pf.imports[imp.get("alias") or names[ip]] = ip
    for j in fj.get("decls", []):
        kind = j["kind"]
        attrs = attrs_of(j)
        name = j["name"]
        if kind in ("fn", "method"):
            f = Fn.from_json(j)
            canon = attrs_prefix(attrs) + fn_canon(f)
            if kind == "method":
                name = TypeNode.from_json(j["receiver_type"]).bare() + "." + f.name
            add(kind, name, attrs, canon, canon, f)
        elif kind in ("struct", "newtype"):
            load_struct(j, attrs, add)
        elif kind in ("opaque", "alias"):
            gen = j.get("generics_text", "")
            target = TypeNode.from_json(j.get("target")) if kind == "alias" else None
            canon = attrs_prefix(attrs) + "type %s%s" % (name, gen)
            if target is not None:
                canon += " = " + target.text
            add("type", name, attrs, canon, canon, {"generics": gen, "target": target})
        elif kind == "interface":
            load_interface(j, attrs, add, pf)
        elif kind == "const":
            ann = TypeNode.from_json(j.get("type"))
            val = j.get("value")
            canon = "const %s" % name
            if ann is not None:
                canon += ": " + ann.text
            if val is not None:
                canon += " = " + val["text"]
            add("const", name, attrs, canon, canon, {"ann": ann, "val": val})
        elif kind == "var":
            ty = TypeNode.from_json(j.get("type"))
            canon = attrs_prefix(attrs) + "var %s: %s" % (name, tstr(ty))
            add("var", name, attrs, canon, canon, {"type": ty})
        elif kind == "enum":
            canon = attrs_prefix(attrs) + j["text"]
            add("type", name, attrs, canon, canon, {"generics": "", "target": None, "enum": True})
        else:
            pf.unparsed.append(j.get("text", "?"))
    return pf


def load_struct(j, attrs, add):
    name = j["name"]
    gen = j.get("generics_text", "")
    data = {"generics": gen, "tuple": None, "fields": collections.OrderedDict(), "embeds": []}
    if j["kind"] == "newtype":
        data["tuple"] = [TypeNode.from_json(e) for e in j["elements"]]
        canon = attrs_prefix(attrs) + "struct %s%s(%s)" % (name, gen, ", ".join(t.text for t in data["tuple"]))
        show = canon
    else:
        lines = []
        for fj in j["fields"]:
            fattrs = attrs_of(fj)
            ty = TypeNode.from_json(fj["type"])
            if fj["embedded"]:
                data["embeds"].append((fattrs, ty))
                lines.append(attrs_prefix(fattrs) + "embed " + ty.text)
                continue
            pub = bool(fj["public"])
            data["fields"][fj["name"]] = (pub, fattrs, ty)
            lines.append(attrs_prefix(fattrs) + ("pub " if pub else "") + "%s: %s" % (fj["name"], tstr(ty)))
        canon = attrs_prefix(attrs) + "struct %s%s { %s }" % (name, gen, ", ".join(sorted(lines)))
        show = attrs_prefix(attrs) + "struct %s%s { %s }" % (name, gen, ", ".join(lines))
    add("struct", name, attrs, canon, show, data)


def load_interface(j, attrs, add, pf):
    name = j["name"]
    methods = []
    for mj in j["methods"]:
        mattrs = attrs_of(mj)
        f = Fn.from_json(mj)
        canon = attrs_prefix(mattrs) + fn_canon(f)
        methods.append(Decl(pf.pkg, "iface_method", name + "." + f.name, mattrs, canon, canon, f))
    embeds = [TypeNode.from_json(e) for e in j["embeds"]]
    pf.iface_members[name] = (methods, embeds)
    data = {"generics": j.get("generics_text", ""), "methods": methods, "embeds": embeds}
    # canon is finalised after embed flattening (see flatten_interfaces)
    add("interface", name, attrs, None, None, data)


def load_tree(packages):
    """{import path: PkgFile} for {import path: .d.lis file}, one dlis-parse run and one
    `lisbind binding-name` run for all."""
    parsed = parse_files(packages.values())
    names = binding_names(set(packages) | {ip for f in packages.values() for ip in import_paths(parsed[f])})
    return {p: load_file(parsed[f], p, names) for p, f in packages.items()}


# --------------------------------------------------------------------------------------------
# Interface flattening (embeds -> method set), done on both sides the same way
# --------------------------------------------------------------------------------------------

def error_methods(pkg):
    f = Fn()
    f.name, f.generics, f.gparams, f.params, f.recv, f.collapsed = "Error", "", [], [], None, None
    f.ret = TypeNode(False, "named", "string")
    canon = fn_canon(f)
    return [Decl(pkg, "iface_method", "error.Error", frozenset(), canon, canon, f)]


def requalify(f, src_pf, dst_pf):
    """A method signature declared in package src, with its type names as package dst names
    them: `q.N` gets dst's binding for q's package (none for dst itself), and src's own type
    names get src's binding in dst. None when src is dst."""
    if src_pf is dst_pf:
        return None
    local = {n for (k, n) in src_pf.decls if k in ("struct", "type", "interface")}
    src_binding = src_pf.binding
    for b, p in dst_pf.imports.items():
        if p == src_pf.pkg:
            src_binding = b
            break

    def rename(node):
        if "." in node.name:
            q, n = node.name.rsplit(".", 1)
            path = src_pf.imports.get(q)
            if path == dst_pf.pkg:
                return node.replace(name=n)
            if path is not None:
                for b, p in dst_pf.imports.items():
                    if p == path:
                        return node.replace(name=b + "." + n) if b != q else None
            return None
        if node.name in local:
            return node.replace(name=src_binding + "." + node.name)
        return None

    def conv(t):
        return t if t in (None, "value") else map_named(t, rename)

    return f.copy(params=[(n, conv(t)) for n, t in f.params], ret=conv(f.ret), recv=conv(f.recv))


def flatten_interfaces(files):
    """For each interface, compute the full method set (declared + from embeds)."""
    cache = {}

    def resolve(pf, ty):
        if ty.name == "error" and not ty.args:
            return ("builtin", "error")
        if "." in ty.name:
            q, n = ty.name.rsplit(".", 1)
            path = pf.imports.get(q)
            if path is None and q == pf.binding:
                path = pf.pkg
            tpf = files.get(path)
            if tpf is None or n not in tpf.iface_members:
                return None
            return (tpf, n)
        if ty.name in pf.iface_members:
            return (pf, ty.name)
        return None

    def methods_of(pf, name, stack):
        key = (pf.pkg, name)
        if key in cache:
            return cache[key]
        if key in stack:
            return {}
        stack = stack | {key}
        own, embeds = pf.iface_members[name]
        result = collections.OrderedDict()
        for d in own:
            result[d.data.name] = (d, None, pf)
        for e in embeds:
            r = resolve(pf, e)
            if r is None:
                continue
            if r[0] == "builtin":
                for d in error_methods(pf.pkg):
                    result.setdefault(d.data.name, (d, "error", pf))
                continue
            epf, ename = r
            for mname, (d, via, spf) in methods_of(epf, ename, stack).items():
                if mname not in result:
                    result[mname] = (d, via or e.text, spf)
        cache[key] = result
        return result

    for pf in files.values():
        for name in list(pf.iface_members):
            d = pf.decls.get(("interface", name))
            if d is None:
                continue
            ms = methods_of(pf, name, frozenset())
            own, embeds = pf.iface_members[name]
            members = []
            for mname, (md, via, src_pf) in ms.items():
                if via is None:
                    nd = md
                else:
                    if via == "error":
                        nd = Decl(pf.pkg, "iface_method", name + "." + mname, md.attrs, md.canon, md.show, md.data, origin="via embed error")
                    else:
                        canon = md.canon
                        f = requalify(md.data, src_pf, pf) if src_pf is not pf else None
                        if f is not None:
                            canon = attrs_prefix(md.attrs) + fn_canon(f)
                        else:
                            f = md.data
                        nd = Decl(pf.pkg, "iface_method", name + "." + mname, md.attrs, canon, canon, f, origin="via embed " + via)
                members.append(nd)
                key = ("iface_method", name + "." + mname)
                if key in pf.decls:
                    pf.dups.append(nd)
                else:
                    pf.decls[key] = nd
            d.data["flat"] = members
            member_names = sorted(m.data.name for m in members)
            embed_texts = sorted("embed " + e.text for e in embeds)
            own_names = sorted(m.data.name for m in own)
            hdr = attrs_prefix(d.attrs) + "interface %s%s" % (name, d.data["generics"])
            d.canon = hdr + " { %s }" % ", ".join(embed_texts + ["fn " + n for n in own_names]) if (embed_texts or own_names) else hdr + " {}"
            d.show = d.canon
            d.data["member_names"] = member_names


# --------------------------------------------------------------------------------------------
# Loading both sides
# --------------------------------------------------------------------------------------------


def find_lis_stdlib(version):
    pats = [os.path.expanduser("~/.cargo/registry/src/*/lisette-stdlib-%s" % version)]
    for p in pats:
        hits = sorted(glob.glob(p))
        if hits:
            return hits[-1]
    return None


def lis_packages(stdlib):
    """import path -> file, for linux/amd64."""
    out = {}
    overlays = {}
    with open(os.path.join(stdlib, "src", "go_modules.tsv")) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[0] == "common" and len(f) >= 3:
                out[f[1]] = f[2]
            elif f[0] == "overlay" and len(f) >= 5 and f[1] == GOOS and f[2] == GOARCH:
                overlays[f[3]] = f[4]
            elif f[0] == "targets" and len(f) >= 2:
                pairs = list(zip(f[2::2], f[3::2]))
                if (GOOS, GOARCH) not in pairs:
                    out.pop(f[1], None)
    out.update(overlays)
    return {k: os.path.join(stdlib, "typedefs", v) for k, v in out.items()}


def our_packages(root):
    out = {}
    base = os.path.join(root, "std")
    for dirpath, _dirs, files in os.walk(base):
        for fn in files:
            if fn.endswith(".d.lis"):
                full = os.path.join(dirpath, fn)
                rel = os.path.relpath(full, base)[: -len(".d.lis")].replace(os.sep, "/")
                out[rel] = full
    return out


# --------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------


class Diff:
    """Categories of one differing declaration, each with a (lis, lisbind) detail pair."""

    def __init__(self):
        self.cats = collections.OrderedDict()
        self.pairs = []  # leaf type pairs (where, lis, lisbind) for the type-pair breakdown

    def add(self, cat, lis_txt, ours_txt):
        if cat not in self.cats:
            self.cats[cat] = (lis_txt, ours_txt)


def is_option(t):
    return t is not None and t.kind == "named" and t.name == "Option" and len(t.args) == 1


def tdiff(a, b, out, path=()):
    """Collect leaf differences between types a (lis) and b (lisbind).

    Adds tuples (tag, lis_text, ours_text, path) to out; tags: mut, option, type."""
    if a is None or b is None:
        if (a is None) != (b is None):
            out.append(("type", tstr(a), tstr(b), path))
        return
    if a.text == b.text:
        return
    for x, y, tag in ((a, b, "commaok-lis"), (b, a, "commaok-ours")):
        if is_option(x) and y.kind == "tuple" and len(y.args) >= 2 and y.args[-1].text == "bool":
            out.append((tag, a.text, b.text, path))
            rest = y.args[0] if len(y.args) == 2 else TypeNode(False, "tuple", "tuple", y.args[:-1],
                                                         text="(" + ", ".join(e.text for e in y.args[:-1]) + ")")
            if tag == "commaok-lis":
                tdiff(x.args[0], rest, out, path)
            else:
                tdiff(rest, x.args[0], out, path)
            return
    if is_option(a) and not is_option(b):
        out.append(("option-lis", a.text, b.text, path))
        tdiff(a.args[0], b, out, path)
        return
    if is_option(b) and not is_option(a):
        out.append(("option-ours", a.text, b.text, path))
        tdiff(a, b.args[0], out, path)
        return
    if a.kind == b.kind and a.name == b.name and len(a.args) == len(b.args):
        if a.mut != b.mut:
            out.append(("mut-lis" if a.mut else "mut-ours", a.text, b.text, path))
        if a.kind == "fn":
            for x, y in zip(a.args, b.args):
                tdiff(x, y, out, path + ("fnparam",))
            ra = None if unit_type(a.ret) else a.ret
            rb = None if unit_type(b.ret) else b.ret
            if (ra is None) != (rb is None):
                out.append(("type", tstr(ra), tstr(rb), path + ("fnret",)))
            elif ra is not None:
                tdiff(ra, rb, out, path + ("fnret",))
            return
        for x, y in zip(a.args, b.args):
            tdiff(x, y, out, path + (a.name,))
        return
    if unit_type(a) and unit_type(b):
        return
    out.append(("type", a.text, b.text, path))


def result_shape(t):
    if t is None:
        return "unit"
    if t.kind == "named" and not t.mut:
        if t.name == "Result" and len(t.args) == 2:
            return "Result"
        if t.name == "Partial" and len(t.args) == 2:
            return "Partial"
        if t.name == "Option" and len(t.args) == 1:
            return "Option"
    if t.kind == "tuple" and t.args:
        return "tuple"
    return "plain"


def classify_type_leafs(leafs, where, diff, lis_show, ours_show):
    """Map tdiff leafs into categories named after `where` (param/result/field/...)."""
    for tag, lt, ot, path in leafs:
        nest = ""
        inner = [c for c in path if c not in ("Result", "Partial", "Option", "tuple")]
        if any(c in ("fnparam", "fnret") for c in inner):
            nest = " (inside a fn type)"
        elif inner:
            nest = " (element type)"
        if tag in ("mut-lis", "mut-ours"):
            diff.add("%s: mut only in %s%s" % (where, "lis" if tag == "mut-lis" else "lisbind", nest), lt, ot)
        elif tag == "option-lis":
            diff.add("%s: Option (nil-able) only in lis%s" % (where, nest), lt, ot)
        elif tag == "option-ours":
            diff.add("%s: Option (nil-able) only in lisbind%s" % (where, nest), lt, ot)
        elif tag == "commaok-lis":
            diff.add("%s: Option<T> (lis) vs (T, bool) tuple (lisbind)%s" % (where, nest), lt, ot)
        elif tag == "commaok-ours":
            diff.add("%s: (T, bool) tuple (lis) vs Option<T> (lisbind)%s" % (where, nest), lt, ot)
        else:
            sub = type_subcategory(lt, ot)
            diff.add("%s: type (%s)" % (where, sub), lt, ot)
            diff.pairs.append((where, lt, ot))


CTX = {"lis": None, "ours": None}


def qualifier_path(pf, qualified):
    q = qualified.rsplit(".", 1)[0]
    if pf is None:
        return None
    if q in pf.imports:
        return pf.imports[q]
    if q == pf.binding:
        return pf.pkg
    return None


def type_subcategory(lt, ot):
    """Name what a leaf type difference is."""
    lmut = lt.startswith("mut ")
    omut = ot.startswith("mut ")
    la = lt[4:] if lmut else lt
    oa = ot[4:] if omut else ot
    la = la.split("<")[0].strip()
    oa = oa.split("<")[0].strip()
    if la.split(".")[-1] == oa.split(".")[-1] and la != oa:
        if "." in la and "." in oa:
            lp = qualifier_path(CTX["lis"], la)
            op = qualifier_path(CTX["ours"], oa)
            if lp is not None and lp == op:
                return "same package imported under another name"
        return "package qualification"
    if lmut != omut and la == oa:
        return "mut"
    builtin = {"bool", "string", "error", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
               "uint32", "uint64", "uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128"}
    if oa[:1].islower() and "." not in oa and oa not in builtin and la != oa:
        return "unexported type in lisbind"
    if "VarArgs" in (la, oa):
        return "VarArgs"
    if (la == "unsafe.Pointer" and oa == "Unknown") or (oa == "unsafe.Pointer" and la == "Unknown"):
        return "unsafe.Pointer vs Unknown"
    if "Unknown" in (la, oa):
        return "Unknown vs concrete"
    if lt in ("()", "Unit") or ot in ("()", "Unit"):
        return "unit vs value"
    if la == "Array" or oa == "Array":
        return "Array"
    if la.startswith("fn") or oa.startswith("fn"):
        return "function type"
    ints = {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
            "uint64", "uintptr", "byte", "rune", "float32", "float64"}
    if la in ints and oa in ints:
        return "basic type"
    if la in ("Slice", "Map", "Ref", "Channel", "Sender", "Receiver") or oa in (
        "Slice", "Map", "Ref", "Channel", "Sender", "Receiver"
    ):
        if la != oa:
            return "%s vs %s" % (la or "?", oa or "?")
    if la.startswith("(") or oa.startswith("("):
        return "tuple"
    return "other"


def attr_diffs(la, oa, where, diff):
    lo = {(n, f): a for (n, f, a) in la}
    oo = {(n, f): a for (n, f, a) in oa}
    for k in sorted(set(lo) | set(oo)):
        label = "#[%s(%s)]" % k if k[1] else "#[%s]" % k[0]
        if k not in oo:
            diff.add("%sattribute %s only in lis" % (where, label), attr_text((k[0], k[1], lo[k])), "-")
        elif k not in lo:
            diff.add("%sattribute %s only in lisbind" % (where, label), "-", attr_text((k[0], k[1], oo[k])))
        elif lo[k] != oo[k]:
            diff.add("%sattribute %s argument" % (where, label), attr_text((k[0], k[1], lo[k])), attr_text((k[0], k[1], oo[k])))


def generic_names(f):
    """Names of a function's type parameters."""
    return [n for n, _ in f.gparams]


def subst_type(t, mapping):
    """t with the type parameters in mapping (name -> T) replaced; `mut S` with S := Slice<E>
    becomes `mut Slice<E>`."""
    if t is None or not mapping:
        return t

    def rep(node):
        if node.name in mapping and not node.args:
            r = mapping[node.name]
            return r.replace(mut=True) if node.mut and r.kind == "named" else r
        return None

    return map_named(t, rep)


def uncollapse(lf, of, lattrs, oattrs):
    """lis writes Go's `S ~[]E, E any` as `<E>` + Slice<E> and records the Go list in
    #[go(collapsed_type_params, "Slice<E>, E")]. Apply the same collapse to lisbind's
    signature so that the remaining differences can be compared. Returns a new Fn or None."""
    if not lf.collapsed or any(f == "collapsed_type_params" for (_n, f, _a) in oattrs):
        return None
    entries = lf.collapsed
    if len(entries) != len(of.gparams):
        return None
    mapping = {}
    kept = []
    for (name, bounds), entry in zip(of.gparams, entries):
        if entry.text == name:
            kept.append((name, bounds))
        else:
            mapping[name] = entry
    return of.copy(gparams=kept, generics=generics_text(kept),
                   params=[(n, subst_type(t, mapping)) for n, t in of.params],
                   ret=subst_type(of.ret, mapping))


def has_attr(attrs, flag):
    return any(f == flag for (_n, f, _a) in attrs)


def compare_fn(l, o, diff, is_method):
    lf, of = l.data, o.data
    lattrs, oattrs = set(l.attrs), set(o.attrs)
    # Go type-set parameters collapsed by lis
    nf = uncollapse(lf, of, lattrs, oattrs)
    if nf is not None:
        diff.add("generics: collapsed type params (#[go(collapsed_type_params)] in lis, Go's full list in lisbind)",
                 attrs_prefix([a for a in lattrs if a[1] == "collapsed_type_params"]) + "fn %s%s" % (lf.name, lf.generics),
                 "fn %s%s" % (of.name, of.generics))
        lattrs = {a for a in lattrs if a[1] != "collapsed_type_params"}
        of = nf
    # value receivers of map/slice types: lis writes `self: mut Ref<T>` + #[go(value_method_set)]
    vms = is_method and has_attr(lattrs, "value_method_set") and not has_attr(oattrs, "value_method_set") and of.recv == "value"
    if vms:
        diff.add("receiver: #[go(value_method_set)] + `self: mut Ref<T>` (lis) vs `self` (lisbind)",
                 "#[go(value_method_set)] self: " + (lf.recv.text if lf.recv not in (None, "value") else "self"), "self")
        lattrs = {a for a in lattrs if a[1] != "value_method_set"}
    # result conventions that come with an attribute
    lr, orr = lf.ret, of.ret
    ret_done = False
    for flag in ("sentinel_minus_one", "comma_ok"):
        if has_attr(lattrs, flag) != has_attr(oattrs, flag):
            side_l = has_attr(lattrs, flag)
            a, b = (lr, orr) if side_l else (orr, lr)  # a: the side with the attribute
            if is_option(a) and not is_option(b):
                if flag == "sentinel_minus_one":
                    cat = "result: #[go(sentinel_minus_one)] Option<int> (%s) vs plain int (%s)" % (
                        ("lis", "lisbind") if side_l else ("lisbind", "lis"))
                else:
                    cat = "result: #[go(comma_ok)] Option<T> (%s) vs %s (%s)" % (
                        "lis" if side_l else "lisbind",
                        "(T, bool) tuple" if b is not None and b.kind == "tuple" else "other",
                        "lisbind" if side_l else "lis")
                diff.add(cat, attrs_prefix([x for x in lattrs if x[1] == flag]) + "-> " + tstr(lr),
                         attrs_prefix([x for x in oattrs if x[1] == flag]) + "-> " + tstr(orr))
                inner_b = b.args[0] if (b is not None and b.kind == "tuple" and len(b.args) == 2) else b
                leafs = []
                if side_l:
                    tdiff(a.args[0], inner_b, leafs)
                else:
                    tdiff(inner_b, a.args[0], leafs)
                classify_type_leafs(leafs, "result", diff, tstr(lr), tstr(orr))
                ret_done = True
                lattrs = {x for x in lattrs if x[1] != flag}
                oattrs = {x for x in oattrs if x[1] != flag}
    attr_diffs(lattrs, oattrs, "", diff)
    skip_params = set()
    if lf.generics != of.generics:
        ln = generic_names(lf)
        on = generic_names(of)
        extra_l = [n for n in ln if n not in on]
        anyparams = [
            i for i, ((_a, lt), (_b, ot)) in enumerate(zip(lf.params, of.params))
            if ot.text == "Unknown" and any(re.search(r"\b%s\b" % re.escape(n), lt.text) for n in extra_l)
        ] if len(lf.params) == len(of.params) and extra_l and all(n in ln for n in on) else []
        if anyparams:
            diff.add("generics: lis turns an `any` param into a type param (mut Ref<T>) vs Unknown",
                     lf.generics + " " + ", ".join(lf.params[i][1].text for i in anyparams),
                     (of.generics or "-") + " " + ", ".join(of.params[i][1].text for i in anyparams))
            skip_params = set(anyparams)
        elif ln == on:
            diff.add("generics: type-parameter bounds", lf.generics or "-", of.generics or "-")
        else:
            diff.add("generics: type-parameter list", lf.generics or "-", of.generics or "-")
    # receiver
    if is_method and lf.recv != of.recv and not vms:
        lrv, orv = lf.recv, of.recv
        ltxt = "self" if lrv == "value" else ("self: " + lrv.text if lrv else "static")
        otxt = "self" if orv == "value" else ("self: " + orv.text if orv else "static")
        if ltxt != otxt:
            if lrv in (None, "value") or orv in (None, "value"):
                diff.add("receiver: value vs pointer", ltxt, otxt)
            else:
                leafs = []
                tdiff(lrv, orv, leafs)
                for tag, a, b, _p in leafs:
                    if tag in ("mut-lis", "mut-ours"):
                        diff.add("receiver: mut only in %s" % ("lis" if tag == "mut-lis" else "lisbind"), ltxt, otxt)
                    else:
                        diff.add("receiver: other", ltxt, otxt)
    # params
    lp, op = lf.params, of.params
    if len(lp) != len(op):
        diff.add("params: count", ", ".join(n + ": " + t.text for n, t in lp), ", ".join(n + ": " + t.text for n, t in op))
    else:
        bad = [(a, b) for (a, _x), (b, _y) in zip(lp, op) if a != b]
        if bad:
            if all(re.match(r"^arg[0-9]+$", b) for _a, b in bad):
                cat = "params: names (unnamed Go params: lisbind argN, lis derives a name)"
            elif all(a.rstrip("_") == b.rstrip("_") for a, b in bad):
                cat = "params: names (keyword escaping)"
            else:
                cat = "params: names"
            diff.add(cat, ", ".join(a for a, _ in bad), ", ".join(b for _, b in bad))
        for i, ((ln, lt), (on, ot)) in enumerate(zip(lp, op)):
            if lt.text != ot.text and i not in skip_params:
                leafs = []
                tdiff(lt, ot, leafs)
                classify_type_leafs(leafs, "param", diff, lt.text, ot.text)
    # result
    if ret_done or tstr(lr) == tstr(orr):
        return
    ls, os_ = result_shape(lr), result_shape(orr)
    if ls == os_:
        leafs = []
        tdiff(lr, orr, leafs)
        classify_type_leafs(leafs, "result", diff, tstr(lr), tstr(orr))
    elif ls == "Option" or os_ == "Option":
        opt, other = (lr, orr) if ls == "Option" else (orr, lr)
        side = "lis" if ls == "Option" else "lisbind"
        if other is not None and other.kind == "tuple" and len(other.args) >= 2 and other.args[-1].text == "bool":
            diff.add("result: Option<T> (%s) vs (T, bool) tuple (%s)" % (side, "lisbind" if side == "lis" else "lis"), tstr(lr), tstr(orr))
            if len(other.args) == 2:
                inner = other.args[0]
            else:
                inner = TypeNode(False, "tuple", "tuple", other.args[:-1], text="(" + ", ".join(a.text for a in other.args[:-1]) + ")")
        elif opt.args[0].text == "error" and other is not None and other.text == "Result<(), error>":
            if side == "lis":
                diff.add("result: Option<error> accessor (lis) vs Result<(), error> (lisbind)", tstr(lr), tstr(orr))
            else:
                diff.add("result: Result<(), error> (lis) vs Option<error> accessor (lisbind)", tstr(lr), tstr(orr))
            return
        else:
            diff.add("result: Option (nil-able) only in %s" % side, tstr(lr), tstr(orr))
            inner = other
        leafs = []
        if side == "lis":
            tdiff(opt.args[0], inner, leafs)
        else:
            tdiff(inner, opt.args[0], leafs)
        classify_type_leafs(leafs, "result", diff, tstr(lr), tstr(orr))
    elif lr is not None and lr.text == "Never" and orr is None:
        diff.add("result: Never (lis) vs unit (lisbind)", tstr(lr), tstr(orr))
    else:
        diff.add("result shape: %s (lis) vs %s (lisbind)" % (ls, os_), tstr(lr), tstr(orr))
        if ls in ("Result", "Partial") and os_ in ("Result", "Partial"):
            leafs = []
            tdiff(lr.args[0], orr.args[0], leafs)
            tdiff(lr.args[1], orr.args[1], leafs)
            classify_type_leafs(leafs, "result", diff, tstr(lr), tstr(orr))


def compare_struct(l, o, diff):
    ld, od = l.data, o.data
    attr_diffs(l.attrs, o.attrs, "", diff)
    if ld["generics"] != od["generics"]:
        diff.add("generics / type-parameter bounds", ld["generics"] or "-", od["generics"] or "-")
    if (ld["tuple"] is None) != (od["tuple"] is None):
        diff.add("struct: tuple vs braced form", l.show, o.show)
        return
    if ld["tuple"] is not None:
        if len(ld["tuple"]) != len(od["tuple"]):
            diff.add("struct: tuple arity", l.show, o.show)
            return
        for a, b in zip(ld["tuple"], od["tuple"]):
            leafs = []
            tdiff(a, b, leafs)
            classify_type_leafs(leafs, "newtype underlying", diff, a.text, b.text)
        return
    lf, of = ld["fields"], od["fields"]
    lemb = list(ld["embeds"])
    oemb = list(od["embeds"])
    # an embedded field that one side writes as a named field (lis: #[go(hidden_embed)])
    paired = set()
    for side_fields, other_emb, label in ((lf, oemb, "lis"), (of, lemb, "lisbind")):
        for a, t in list(other_emb):
            n = t.bare()
            if n in side_fields and not (n in lf and n in of):
                pub, fattrs, fty = side_fields[n]
                if label == "lis":
                    diff.add("struct: embedded field written as a named field (lis) vs embed (lisbind)",
                             ("pub " if pub else "") + "%s: %s" % (n, tstr(fty)), "embed " + t.text)
                else:
                    diff.add("struct: embedded field written as a named field (lisbind) vs embed (lis)",
                             "embed " + t.text, ("pub " if pub else "") + "%s: %s" % (n, tstr(fty)))
                other_emb.remove((a, t))
                paired.add(n)
    miss = [f for f in lf if f not in of and f not in paired]
    extra = [f for f in of if f not in lf and f not in paired]

    def ftxt(fd, name):
        pub, fattrs, ty = fd[name]
        return attrs_prefix(fattrs) + ("pub " if pub else "") + "%s: %s" % (name, tstr(ty))

    if miss:
        diff.add("struct: fields only in lis", ", ".join(ftxt(lf, f) for f in miss[:4]), "-")
    if extra:
        diff.add("struct: fields only in lisbind", "-", ", ".join(ftxt(of, f) for f in extra[:4]))
    # field order is not meaningful (fields are compared by name)
    for f in lf:
        if f not in of:
            continue
        lpub, lat, lt = lf[f]
        opub, oat, ot = of[f]
        if lpub != opub:
            diff.add("field: pub visibility", ftxt(lf, f), ftxt(of, f))
        attr_diffs(lat, oat, "field ", diff)
        if tstr(lt) != tstr(ot):
            leafs = []
            tdiff(lt, ot, leafs)
            n0 = len(diff.cats)
            classify_type_leafs(leafs, "field", diff, ftxt(lf, f), ftxt(of, f))
            # show the whole field line in examples
            for k in list(diff.cats)[n0:]:
                diff.cats[k] = (ftxt(lf, f), ftxt(of, f))
    le = sorted((attrs_prefix(a) + t.text) for a, t in lemb)
    oe = sorted((attrs_prefix(a) + t.text) for a, t in oemb)
    if le != oe:
        lm = {t.bare(): (a, t) for a, t in lemb}
        om = {t.bare(): (a, t) for a, t in oemb}
        for k in sorted(set(lm) | set(om)):
            if k not in om:
                diff.add("struct: embed only in lis", "embed " + lm[k][1].text, "-")
            elif k not in lm:
                diff.add("struct: embed only in lisbind", "-", "embed " + om[k][1].text)
            else:
                attr_diffs(lm[k][0], om[k][0], "embed ", diff)
                leafs = []
                tdiff(lm[k][1], om[k][1], leafs)
                n0 = len(diff.cats)
                classify_type_leafs(leafs, "embed", diff, "", "")
                for kk in list(diff.cats)[n0:]:
                    diff.cats[kk] = ("embed " + lm[k][1].text, "embed " + om[k][1].text)


def compare_type(l, o, diff):
    ld, od = l.data, o.data
    attr_diffs(l.attrs, o.attrs, "", diff)
    if ld["generics"] != od["generics"]:
        diff.add("generics / type-parameter bounds", ld["generics"] or "-", od["generics"] or "-")
    lt, ot = ld["target"], od["target"]
    if (lt is None) != (ot is None):
        diff.add("type: opaque vs alias", l.show, o.show)
    elif lt is not None and lt.text != ot.text:
        leafs = []
        tdiff(lt, ot, leafs)
        classify_type_leafs(leafs, "alias target", diff, lt.text, ot.text)


def compare_interface(l, o, diff):
    ld, od = l.data, o.data
    attr_diffs(l.attrs, o.attrs, "", diff)
    if ld["generics"] != od["generics"]:
        diff.add("generics / type-parameter bounds", ld["generics"] or "-", od["generics"] or "-")
    le = [e.text for e in ld["embeds"]]
    oe = [e.text for e in od["embeds"]]
    if sorted(le) != sorted(oe):
        diff.add(
            "interface: embed vs flattened methods",
            "; ".join(["embed " + e for e in le] + ["fn " + m.data.name for m in ld["methods"]]),
            "; ".join(["embed " + e for e in oe] + ["fn " + m.data.name for m in od["methods"]]),
        )
    lm, om = ld["member_names"], od["member_names"]
    if lm != om:
        only_l = [m for m in lm if m not in om]
        only_o = [m for m in om if m not in lm]
        if only_l and all(m[:1].islower() for m in only_l) and not only_o:
            diff.add("interface: unexported (sealing) methods only in lis", ", ".join(only_l), "-")
        else:
            diff.add("interface: method set (after flattening)", ", ".join(only_l) or "-", ", ".join(only_o) or "-")


def normalize_const_value(val):
    """(kind, value) of a dlis-parse constant value, or None: kinds num, imag, bool, str, expr."""
    if val is None:
        return None
    k = val["kind"]
    if k == "int":
        return ("num", int(val["value"]))
    if k == "float":
        v = float(val["value"])
        if v == int(v) and abs(v) < 2**64:
            v = int(v)
        return ("num", v)
    if k == "imag":
        return ("imag", float(val["value"]))
    if k == "bool":
        return ("bool", "true" if val["value"] else "false")
    if k == "string":
        return ("str", bytes.fromhex(val["bytes_hex"])) if val.get("bytes_hex") is not None else ("raw", val["text"])
    if k == "char":
        return ("num", val["codepoint"]) if val.get("codepoint") is not None else ("raw", val["text"])
    return ("expr", val["text"])


def compare_const(l, o, diff):
    ld, od = l.data, o.data
    lis_ann, our_ann = ld["ann"], od["ann"]
    if tstr(lis_ann) != tstr(our_ann) or (lis_ann is None) != (our_ann is None):
        if lis_ann is None:
            diff.add("const: type annotation only in lisbind", l.show, o.show)
        elif our_ann is None:
            diff.add("const: type annotation only in lis", l.show, o.show)
        else:
            diff.add("const: type annotation differs", l.show, o.show)
    lis_value, our_value = ld["val"], od["val"]
    if lis_value is None or our_value is None:
        if (lis_value is None) != (our_value is None):
            diff.add("const: value only on one side (valueless const)", l.show, o.show)
        return
    if lis_value["text"] == our_value["text"]:
        return
    a, b = normalize_const_value(lis_value), normalize_const_value(our_value)  # (kind, value)
    if a is not None and a == b:
        diff.add("const: value formatting (same value)", l.show, o.show)
    elif a and b and a[0] == "num" and b[0] == "num" and isinstance(a[1], float) != isinstance(b[1], float):
        if abs(float(a[1]) - float(b[1])) <= 1e-15 * max(abs(float(a[1])), 1.0):
            diff.add("const: value formatting (same value)", l.show, o.show)
        else:
            diff.add("const: value differs", l.show, o.show)
    elif a and b and a[0] == "num" and b[0] == "num" and isinstance(a[1], float) and isinstance(b[1], float):
        if a[1] == b[1] or abs(a[1] - b[1]) <= 1e-15 * max(abs(a[1]), 1.0):
            diff.add("const: float value rounding/formatting", l.show, o.show)
        else:
            diff.add("const: value differs", l.show, o.show)
    elif a and b and a[0] != b[0]:
        diff.add("const: value kind (%s vs %s)" % (a[0], b[0]), l.show, o.show)
    else:
        diff.add("const: value differs", l.show, o.show)


def compare_var(l, o, diff):
    attr_diffs(l.attrs, o.attrs, "", diff)
    lt, ot = l.data["type"], o.data["type"]
    if tstr(lt) != tstr(ot):
        leafs = []
        tdiff(lt, ot, leafs)
        classify_type_leafs(leafs, "var", diff, tstr(lt), tstr(ot))


def classify(l, o):
    diff = Diff()
    k = l.kind
    if l.kind != o.kind:
        if l.kind == "type" and o.kind == "interface" and l.data["target"] is not None and l.data["target"].text == "Unknown" and not o.data["member_names"]:
            diff.add("empty interface type: alias to Unknown (lis) vs empty interface (lisbind)", l.show, o.show)
            return diff
        diff.add("declared as a different kind (%s in lis, %s in lisbind)" % (l.kind, o.kind), l.show, o.show)
        if {l.kind, o.kind} <= {"struct", "type"}:
            attr_diffs(l.attrs, o.attrs, "", diff)
        return diff
    if k in ("fn", "method", "iface_method"):
        compare_fn(l, o, diff, k == "method")
    elif k == "struct":
        compare_struct(l, o, diff)
    elif k == "type":
        compare_type(l, o, diff)
    elif k == "interface":
        compare_interface(l, o, diff)
    elif k == "const":
        compare_const(l, o, diff)
    elif k == "var":
        compare_var(l, o, diff)
    if not diff.cats:
        diff.add("other", l.show, o.show)
    return diff


def stable_hash(s):
    return zlib.crc32(s.encode("utf-8"))


def pick_examples(items, n):
    """Deterministic, spread over packages: items are (pkg, name, ...)."""
    items = sorted(items, key=lambda it: stable_hash("%s %s" % (it[0], it[1])))
    out = []
    seen = set()
    for it in items:
        if it[0] in seen:
            continue
        seen.add(it[0])
        out.append(it)
        if len(out) >= n:
            return out
    for it in items:
        if it not in out:
            out.append(it)
            if len(out) >= n:
                break
    return out


def clip(s, width=150):
    s = s if s is not None else "-"
    return s if len(s) <= width else s[: width - 3] + "..."



FAMILIES = [
    "mut (write permission)",
    "nil-ability (Option on one side only)",
    "comma-ok / sentinel_minus_one",
    "result shape (Result / Partial / tuple / plain / Never)",
    "receiver form",
    "other #[go(...)] / #[allow(...)] attributes",
    "generics / type parameters",
    "parameter names",
    "struct fields / embeds",
    "interface flattening / method set",
    "constants (value / annotation)",
    "type substitutions / declaration form",
    "other",
    "missing in lisbind",
    "extra in lisbind",
]
assert len(set(FAMILIES)) == len(FAMILIES)

COSMETIC = {
    "const: value formatting (same value)",
    "param: type (same package imported under another name)",
    "result: type (same package imported under another name)",
    "field: type (same package imported under another name)",
    "alias target: type (same package imported under another name)",
}


def family(cat):
    if cat in ("missing in lisbind", "extra in lisbind", "other"):
        return cat
    if "sentinel_minus_one" in cat or "comma_ok" in cat or "(T, bool) tuple" in cat or "comma-ok" in cat:
        return "comma-ok / sentinel_minus_one"
    if cat.startswith("attribute") or cat.startswith("field attribute") or cat.startswith("embed attribute"):
        return "other #[go(...)] / #[allow(...)] attributes"
    if cat.startswith("receiver:") and "mut" not in cat.split(":", 1)[1].split("(")[0] or "value vs pointer" in cat or "value_method_set" in cat:
        return "receiver form"
    if re.search(r": mut\b", cat):
        return "mut (write permission)"
    if "Option (nil-able)" in cat:
        return "nil-ability (Option on one side only)"
    if cat.startswith("result shape") or cat.startswith("result: Never") or "Option<error>" in cat:
        return "result shape (Result / Partial / tuple / plain / Never)"
    if cat.startswith("generics"):
        return "generics / type parameters"
    if cat.startswith("params:"):
        return "parameter names"
    if cat.startswith("struct:") or cat.startswith("field: pub"):
        return "struct fields / embeds"
    if cat.startswith("interface:"):
        return "interface flattening / method set"
    if cat.startswith("const:"):
        return "constants (value / annotation)"
    if ": type (" in cat or cat.startswith("declared as") or cat.startswith("empty interface") or cat.startswith("type: opaque"):
        return "type substitutions / declaration form"
    return "other"


def missing_reason(d, of):
    """Why a lis declaration has no counterpart in lisbind's file."""
    name = d.name
    owner = name.split(".")[0] if "." in name else None
    if name in of.skipped:
        return "SKIPPED by lisbind: %s" % of.skipped[name]
    if owner and owner in of.skipped:
        return "owner SKIPPED by lisbind: %s" % of.skipped[owner]
    if d.kind == "method":
        if not any(n == owner for (_k, n) in of.decls):
            return "receiver type absent in lisbind"
        if name.split(".")[1][:1].islower():
            return "unexported method (lis lists it to satisfy a sealed interface)"
        sd = of.decls.get(("struct", owner))
        if sd is not None and sd.data["embeds"]:
            return "method promoted from an embedded field (lis lists promoted methods)"
        return "method absent"
    if d.kind == "iface_method":
        if ("interface", owner) not in of.decls:
            return "interface absent in lisbind"
        if name.split(".")[1][:1].islower():
            return "unexported interface method"
        return "interface method absent"
    if name[:1].islower():
        return "unexported helper declaration"
    return "declaration absent"


def extra_reason(d, lf, of):
    """Why a lisbind declaration has no counterpart in lis's file."""
    name = d.name
    owner = name.split(".")[0] if "." in name else None
    if name in lf.skipped:
        return "lis SKIPPED it: %s" % lf.skipped[name]

    def unexported(decl):
        return decl is not None and any(a[1] == "unexported" for a in decl.attrs)

    if owner:
        od = of.decls.get(("type", owner)) or of.decls.get(("struct", owner)) or of.decls.get(("interface", owner))
        if not any(n == owner for (_k, n) in lf.decls):
            if unexported(od):
                return "member of a #[go(unexported)] helper type"
            if owner[:1].islower():
                return "member of an unexported type (no #[go(unexported)])"
            return "owner type absent in lis"
        return "%s absent in lis" % ("method" if d.kind == "method" else "interface method")
    if unexported(d):
        return "#[go(unexported)] helper %s" % ("interface" if d.kind == "interface" else "type")
    if name[:1].islower():
        return "unexported name without #[go(unexported)]"
    return "declaration absent in lis"


# --------------------------------------------------------------------------------------------
# Pairing and counting
# --------------------------------------------------------------------------------------------


class Comparison:
    """Figures of a comparison of packages present on both sides (see compare_packages)."""

    def __init__(self):
        self.per_kind = {k: collections.Counter() for k in KIND_ORDER}
        self.cat_count = collections.Counter()
        self.cat_kind = collections.defaultdict(collections.Counter)
        self.cat_examples = collections.defaultdict(list)
        self.type_pairs = collections.defaultdict(collections.Counter)
        self.missing_detail = collections.Counter()
        self.extra_detail = collections.Counter()
        self.decl_records = []
        self.warnings = []


def pair_declarations(lf, of):
    """(pairs, lis-only keys, lisbind-only keys) of two files of one package. A name declared as
    a different kind on the two sides (opaque type vs struct ...) is one pair."""
    lkeys = set(lf.decls)
    okeys = set(of.decls)
    both = lkeys & okeys
    lonly = lkeys - okeys
    oonly = okeys - lkeys
    pairs = [(lf.decls[k], of.decls[k]) for k in sorted(both)]
    top = ("struct", "type", "interface", "fn", "var", "const")
    oby = {}
    for k in oonly:
        if k[0] in top:
            oby.setdefault(k[1], []).append(k)
    for k in sorted(lonly):
        if k[0] in top and k[1] in oby and oby[k[1]]:
            ok = oby[k[1]].pop()
            pairs.append((lf.decls[k], of.decls[ok]))
            lonly.discard(k)
            oonly.discard(ok)
    return pairs, lonly, oonly


def compare_packages(lis_files, our_files, common):
    """Compare the packages `common` of two loaded, flattened trees."""
    c = Comparison()
    for p in common:
        lf, of = lis_files[p], our_files[p]
        CTX["lis"], CTX["ours"] = lf, of
        for pf, side in ((lf, "lis"), (of, "lisbind")):
            for u in pf.unparsed:
                c.warnings.append("%s %s: unparsed: %s" % (side, p, clip(u, 120)))
        for d in of.dups:
            c.warnings.append("lisbind %s: duplicate declaration %s %s" % (p, d.kind, d.name))
        for d in lf.dups:
            c.warnings.append("lis %s: duplicate declaration %s %s" % (p, d.kind, d.name))
        pairs, lonly, oonly = pair_declarations(lf, of)
        for l, o in pairs:
            kind = l.kind
            if l.canon == o.canon:
                c.per_kind[kind]["agree"] += 1
                c.decl_records.append({"pkg": p, "kind": kind, "name": l.name, "status": "agree"})
                continue
            diff = classify(l, o)
            c.per_kind[kind]["differ"] += 1
            c.decl_records.append({"pkg": p, "kind": kind, "name": l.name, "status": "differ", "categories": list(diff.cats)})
            for cat, (lt, ot) in diff.cats.items():
                c.cat_count[cat] += 1
                c.cat_kind[cat][kind] += 1
                c.cat_examples[cat].append((p, l.name, KIND_LABEL[kind], lt, ot, l.show, o.show, l.origin or o.origin))
            for where, lt, ot in diff.pairs:
                c.type_pairs[where][(lt, ot)] += 1
        for k in sorted(lonly):
            d = lf.decls[k]
            kind = d.kind
            c.per_kind[kind]["missing"] += 1
            reason = missing_reason(d, of)
            c.missing_detail[(KIND_LABEL[kind], reason)] += 1
            cat = "missing in lisbind"
            c.cat_count[cat] += 1
            c.cat_kind[cat][kind] += 1
            c.cat_examples[cat].append((p, d.name, KIND_LABEL[kind], d.show, "- (%s)" % reason, d.show, "-", d.origin))
            c.decl_records.append({"pkg": p, "kind": kind, "name": d.name, "status": "missing", "reason": reason})
        for k in sorted(oonly):
            d = of.decls[k]
            kind = d.kind
            c.per_kind[kind]["extra"] += 1
            reason = extra_reason(d, lf, of)
            c.extra_detail[(KIND_LABEL[kind], reason)] += 1
            cat = "extra in lisbind"
            c.cat_count[cat] += 1
            c.cat_kind[cat][kind] += 1
            c.cat_examples[cat].append((p, d.name, KIND_LABEL[kind], "- (%s)" % reason, d.show, "-", d.show, d.origin))
            c.decl_records.append({"pkg": p, "kind": kind, "name": d.name, "status": "extra", "reason": reason})
    return c
