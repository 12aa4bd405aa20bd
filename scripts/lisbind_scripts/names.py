"""Go import paths -> the names Lisette binds them to."""


def is_major_version_suffix(element):
    """`v2`, `v3`, ... (a `/vN` module suffix, N >= 2); not `v0`, `v1`, `v`, `v2a`.

    Matches syntax/names.cc is_major_version_suffix: `v` then only ASCII digits, value >= 2."""
    digits = element[1:]
    return (len(element) >= 2 and element[0] == "v" and all("0" <= c <= "9" for c in digits)
            and int(digits) >= 2)


def default_binding_name(import_path):
    """The name lis binds an unaliased `import "go:PATH"` to when the typedef has no `// Package:`
    header: the last path element, or the one before it when the last is a `/vN` suffix (N >= 2).

    The one Python copy of syntax/names.cc default_binding_name (scripts/tests/test_names.py runs
    the cases of syntax/names_test.cc against it)."""
    parts = import_path.split("/")
    last = parts[-1]
    if len(parts) >= 2 and is_major_version_suffix(last):
        last = parts[-2]
    return last
