#!/usr/bin/env python3
"""Prints how the folders of src/ArticleApi depend on each other, from type references between hand-written files.

    python3 .ci/folder-deps.py [--check]

A file depends on another when it names a top-level type the other declares (comments and string literals left out,
member accesses and declared names not counted). Prints every folder edge, the pairs of folders that depend on each
other both ways, the file cycles (strongly connected groups of files), and the files over 250 lines. With --check it
exits 1 when more than 2 two-way folder pairs, any file cycle, or any file over 250 lines is found. Migrations are
generated code and left out.
"""
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ArticleApi")
MAX_LINES = 250
MAX_TWO_WAY_PAIRS = 2

DECLARATION = re.compile(
    r"^(?:(?:internal|public|file|static|sealed|abstract|partial|readonly|ref)\s+)*(?:class|record(?:\s+struct|\s+class)?|struct|interface|enum)\s+(\w+)",
    re.M)
TOKEN = re.compile(r"[A-Za-z_]\w*")
# After these a name is a type being used, not a declared member or variable name.
TYPE_CONTEXT = {
    "new", "is", "as", "return", "in", "out", "ref", "static", "await", "typeof", "nameof", "case", "throw", "using",
    "where", "else", "yield", "params", "this", "base", "sealed", "abstract", "internal", "public", "private",
    "protected", "readonly", "partial", "async", "const", "override", "virtual", "file", "required", "not", "and", "or",
    "when", "select", "from", "default", "record", "class", "struct", "interface", "enum", "namespace", "scoped",
}


def strip(code):
    """Blanks out comments and string/char literals, keeping line structure."""
    out = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * code.count("\n", i, j))
            i = j
        elif code.startswith('"""', i):
            j = code.find('"""', i + 3)
            j = n if j < 0 else j + 3
            while j < n and code[j] == '"':
                j += 1
            out.append('""' + "\n" * code.count("\n", i, j))
            i = j
        elif c == '"' or (c in "@$" and i + 1 < n and code[i + 1] in '"$@'):
            start = i
            verbatim = False
            while i < n and code[i] in "@$":
                verbatim = verbatim or code[i] == "@"
                i += 1
            i += 1  # opening quote
            while i < n:
                if code[i] == "\\" and not verbatim:
                    i += 2
                    continue
                if code[i] == '"':
                    if verbatim and i + 1 < n and code[i + 1] == '"':
                        i += 2
                        continue
                    i += 1
                    break
                i += 1
            out.append('""' + "\n" * code.count("\n", start, i))
        elif c == "'" and i + 2 < n and (code[i + 2] == "'" or code[i + 1] == "\\"):
            j = code.find("'", i + 2 if code[i + 1] == "\\" else i + 1)
            i = n if j < 0 else j + 1
            out.append("' '")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def files():
    for directory, subdirectories, names in os.walk(ROOT):
        subdirectories[:] = sorted(d for d in subdirectories if d not in ("bin", "obj", "Migrations"))
        for name in sorted(names):
            if name.endswith(".cs"):
                path = os.path.join(directory, name)
                yield os.path.relpath(path, ROOT).replace(os.sep, "/")


def folder(path):
    parent = os.path.dirname(path)
    return parent if parent else "(root)"


def main():
    check = "--check" in sys.argv[1:]
    sources = {}
    declared = defaultdict(set)
    long_files = []
    for path in files():
        with open(os.path.join(ROOT, path), encoding="utf-8-sig") as handle:
            text = handle.read()
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        if lines > MAX_LINES:
            long_files.append((path, lines))
        code = strip(text)
        sources[path] = code
        for name in DECLARATION.findall(code):
            declared[name].add(path)

    edges = defaultdict(set)
    for path, code in sources.items():
        previous = ""
        for match in TOKEN.finditer(code):
            name = match.group(0)
            before = code[:match.start()].rstrip()
            member_access = before.endswith(".") and not before.endswith("..")
            declared_name = previous and previous not in TYPE_CONTEXT and re.match(r"[\w>\]?]$", before[-1:] or "") and before.endswith(previous) is False
            if name in declared and not member_access and not _is_declared_name(code, match):
                for target in declared[name]:
                    if target != path:
                        edges[path].add(target)
            previous = name

    folder_edges = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            if folder(source) != folder(target):
                folder_edges[folder(source)].add(folder(target))

    print("folder dependencies (from -> to):")
    for source in sorted(folder_edges):
        print(f"  {source} -> {', '.join(sorted(folder_edges[source]))}")

    pairs = sorted({tuple(sorted((a, b))) for a in folder_edges for b in folder_edges[a] if a in folder_edges.get(b, ())})
    print(f"\ntwo-way folder pairs: {len(pairs)}")
    for a, b in pairs:
        why_ab = sorted(f"{s} -> {t}" for s in edges for t in edges[s] if folder(s) == a and folder(t) == b)
        why_ba = sorted(f"{s} -> {t}" for s in edges for t in edges[s] if folder(s) == b and folder(t) == a)
        print(f"  {a} <-> {b}")
        for line in why_ab[:3] + why_ba[:3]:
            print(f"      {line}")

    cycles = [c for c in strongly_connected(sources.keys(), edges) if len(c) > 1]
    print(f"\nfile cycles: {len(cycles)}")
    for cycle in cycles:
        print("  " + " <-> ".join(sorted(cycle)))

    print(f"\nfiles over {MAX_LINES} lines: {len(long_files)}")
    for path, lines in long_files:
        print(f"  {path}: {lines}")

    if check and (len(pairs) > MAX_TWO_WAY_PAIRS or cycles or long_files):
        print(f"\nFAILED: at most {MAX_TWO_WAY_PAIRS} two-way folder pairs, no file cycle and no file over {MAX_LINES} lines are allowed")
        return 1
    return 0


def _is_declared_name(code, match):
    """True when the name is what a declaration declares (`Type Name {`, `Type Name =`, `Type Name;`, `Type Name,`)."""
    before = code[:match.start()]
    stripped = before.rstrip()
    if not stripped or stripped == before:
        return False  # not preceded by whitespace: cannot follow a type
    previous = re.search(r"([A-Za-z_]\w*|[>\]?])$", stripped)
    if not previous:
        return False
    token = previous.group(1)
    if token in TYPE_CONTEXT:
        return False
    after = code[match.end():].lstrip()
    return bool(after) and after[0] in "{=;,)(:" and not after.startswith("==")


def strongly_connected(nodes, edges):
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            result.append(component)

    sys.setrecursionlimit(10000)
    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return result


if __name__ == "__main__":
    sys.exit(main())
