#!/usr/bin/env python3
"""calls.py BUILDDIR -- the module call graph, and every loop in it.

A module is one object file under BUILDDIR (build/course.o is "course",
build/pdf/pdf_layout.o is "pdf/pdf_layout").  Module a calls module b when
`nm` lists a symbol undefined in a.o (U) that b.o defines; a loop is a path
a -> b -> ... -> a.  The code is meant to be layered (main -> build ->
course -> datadoc -> prep -> pass_* -> doc, ...): a loop means two modules
that can only be understood, tested and changed together.

Prints "PASS calls: no loop between N modules", or one "FAIL calls: a -> b
-> a" line per loop (each elementary cycle once); exits 1 on a loop.

It also checks that the passes over a document are run from one place,
prep.c (prep_passes), so that every document gets them in one order:
"FAIL calls: course calls pass_levels, which only prep may call".
"""
import itertools
import os
import subprocess
import sys

# Loops still allowed while their fix is under way on another branch.
# pdfhouse (issue 10.2) makes pdf_layout's row store a leaf, which ends
# pdf_inline <-> pdf_layout <-> pdf_table and pdf_code <-> pdf_layout:
ALLOWED = []


# The per-document passes, and the one module that may call them.
ONLY = {f: "prep" for f in ("pass_levels", "pass_number", "pass_number_taken",
                            "pass_unnumber", "pass_gloss_find",
                            "pass_xref_collect", "pass_xref", "pass_edition")}


def objects(build):
    out = []
    for d in (build, os.path.join(build, "pdf")):
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".o") and f != "builtin.o":
                out.append(os.path.join(d, f))
    return out


def module(build, path):
    return os.path.relpath(path, build)[:-2]


def symbols(path):
    r = subprocess.run(["nm", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("calls.py: nm %s: %s" % (path, r.stderr.strip()))
    defined, undefined = set(), set()
    for line in r.stdout.splitlines():
        f = line.split()
        if len(f) == 2 and f[0] == "U":
            undefined.add(f[1])
        elif len(f) == 3 and f[1] in "TDBRGSCV":
            defined.add(f[2])
    return defined, undefined


def cycles(graph):
    """Every elementary cycle, each once: started from its least node."""
    found = []
    nodes = sorted(graph)
    for start in nodes:
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        on = {start}
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                on.discard(path.pop())
                continue
            if nxt == start:
                found.append(path + [start])
            elif nxt > start and nxt not in on:
                stack.append((nxt, iter(sorted(graph[nxt]))))
                path.append(nxt)
                on.add(nxt)
            if len(found) > 200:
                return found
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: calls.py BUILDDIR")
    build = sys.argv[1]
    objs = objects(build)
    if not objs:
        print("FAIL calls: no objects in %s (build first)" % build)
        return 1
    owner, needs = {}, {}
    for o in objs:
        m = module(build, o)
        d, u = symbols(o)
        needs[m] = u
        for s in d:
            owner.setdefault(s, m)
    graph = {m: set() for m in needs}
    for m, u in needs.items():
        for s in u:
            t = owner.get(s)
            if t is not None and t != m:
                graph[m].add(t)
    bad = 0
    for c in cycles(graph):
        if any(set(c) <= a for a in ALLOWED):
            continue
        print("FAIL calls: " + " -> ".join(c))
        bad += 1
    for m in sorted(needs):
        for f in sorted(needs[m]):
            if f in ONLY and m != ONLY[f] and owner.get(f) != m:
                print("FAIL calls: %s calls %s, which only %s may call"
                      % (m, f, ONLY[f]))
                bad += 1
    if bad == 0:
        print("PASS calls: no loop between %d modules" % len(graph))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
