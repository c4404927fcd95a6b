#!/usr/bin/python3
"""pdf_struct_dump -- a PDF's structure tree as text, to compare two builds.

    pdf_struct_dump.py FILE.pdf...

Prints, per file, the structure tree in the order of the /K arrays: one
line per element (indented by depth) with its number in that order, its
/S, and every other key but /P, /K and /Pg, values resolved (pages as
"page N", annotations as "annot N/M": page and index in its /Annots,
strings decoded), then one line per leaf of its /K (an MCID with its
page, an MCR, an OBJR) in order, and whether its /P is the element above
it.  Then the ParentTree as key -> element numbers, the StructTreeRoot's
other keys, the catalog's tagging keys (/MarkInfo, /Lang,
/ViewerPreferences) and the pages' /StructParents and /Tabs, the
annotations' /StructParent.  Object numbers and how objects are stored
(object streams, direct or indirect) do not show: two files with the same
dump have the same tags in meaning.  tests/unit/test_tagw.sh and the
commit that wrote the structure tree as text (h-tagfast) compare dumps.
"""
import sys

import pikepdf


def key_of(o):
    try:
        return o.objgen if o.is_indirect else None
    except Exception:
        return None


class Dumper:
    def __init__(self, pdf):
        self.pdf = pdf
        self.pages = {}
        self.annots = {}
        for i, p in enumerate(pdf.pages):
            self.pages[p.obj.objgen] = i + 1
            for j, a in enumerate(p.obj.get("/Annots", [])):
                if a.is_indirect:
                    self.annots[a.objgen] = "%d/%d" % (i + 1, j)
        self.ids = {}
        self.lines = []

    def val(self, v, depth=0):
        if depth > 20:
            return "..."
        if isinstance(v, pikepdf.Dictionary) or isinstance(v, pikepdf.Stream):
            g = key_of(v)
            if g in self.pages:
                return "page %d" % self.pages[g]
            if g in self.annots:
                return "annot %s" % self.annots[g]
            if g in self.ids:
                return "el %d" % self.ids[g]
            return "<<" + " ".join("%s %s" % (k, self.val(v[k], depth + 1))
                                   for k in sorted(v.keys())) + ">>"
        if isinstance(v, pikepdf.Array):
            return "[" + " ".join(self.val(x, depth + 1) for x in v) + "]"
        if isinstance(v, pikepdf.String):
            return repr(str(v))
        if isinstance(v, pikepdf.Name):
            return str(v)
        return repr(v)

    def number(self, el):
        # every element numbered first, so /P and the ParentTree name them
        todo = [el]
        n = 0
        while todo:
            e = todo.pop()
            if not isinstance(e, pikepdf.Dictionary) or "/S" not in e:
                continue
            if key_of(e) in self.ids:
                continue
            self.ids[key_of(e)] = n
            n += 1
            k = e.get("/K")
            kids = list(k) if isinstance(k, pikepdf.Array) else [k]
            todo.extend(reversed([x for x in kids if x is not None]))

    def walk(self, e, depth, parent):
        ind = "  " * depth
        keys = [k for k in sorted(e.keys()) if k not in ("/P", "/K", "/Pg")]
        p = e.get("/P")
        pok = (key_of(p) == parent) if parent is not None else \
            (p is not None and p.get("/Type") == "/StructTreeRoot")
        self.lines.append("%sel %d %s%s%s" % (
            ind, self.ids.get(key_of(e), -1), e.get("/S"),
            "".join(" %s=%s" % (k, self.val(e[k])) for k in keys
                    if k != "/S"),
            "" if pok else " BAD-/P"))
        pg = e.get("/Pg")
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else \
            ([] if k is None else [k])
        form = "array" if isinstance(k, pikepdf.Array) else "single"
        self.lines.append("%s  K %s" % (ind, form))
        for x in kids:
            if isinstance(x, int) or isinstance(x, pikepdf.Object) and \
                    not isinstance(x, pikepdf.Dictionary):
                self.lines.append("%s  mcid %s %s" % (
                    ind, int(x), self.val(pg) if pg is not None else "?"))
            elif isinstance(x, pikepdf.Dictionary) and "/S" in x:
                self.walk(x, depth + 1, key_of(e))
            elif isinstance(x, pikepdf.Dictionary) and \
                    x.get("/Type") == "/MCR":
                self.lines.append("%s  mcr %s %s" % (
                    ind, int(x.MCID), self.val(x.get("/Pg", pg))))
            elif isinstance(x, pikepdf.Dictionary) and \
                    x.get("/Type") == "/OBJR":
                self.lines.append("%s  objr %s" % (ind, self.val(x.Obj)))
            else:
                self.lines.append("%s  ? %s" % (ind, self.val(x)))

    def nums(self, node, out, depth=0):
        if depth > 30:
            return
        if "/Nums" in node:
            a = node.Nums
            for i in range(0, len(a) - 1, 2):
                out.append((int(a[i]), a[i + 1]))
        for kid in node.get("/Kids", []):
            self.nums(kid, out, depth + 1)

    def dump(self):
        cat = self.pdf.Root
        root = cat.get("/StructTreeRoot")
        for k in ("/MarkInfo", "/Lang", "/ViewerPreferences"):
            self.lines.append("catalog %s %s" % (k, self.val(cat.get(k))))
        if root is None:
            self.lines.append("no StructTreeRoot")
            return self.lines
        k = root.get("/K")
        tops = list(k) if isinstance(k, pikepdf.Array) else [k]
        for t in tops:
            self.number(t)
        for k2 in sorted(root.keys()):
            if k2 not in ("/K", "/ParentTree"):
                self.lines.append("root %s %s" % (k2, self.val(root[k2])))
        for t in tops:
            self.walk(t, 0, None)
        pt = []
        self.nums(root.get("/ParentTree", pikepdf.Dictionary()), pt)
        for key, v in sorted(pt, key=lambda x: x[0]):
            self.lines.append("parent %d %s" % (key, self.val(v)))
        for i, p in enumerate(self.pdf.pages):
            self.lines.append("page %d StructParents=%s Tabs=%s" % (
                i + 1, p.obj.get("/StructParents"), p.obj.get("/Tabs")))
            for j, a in enumerate(p.obj.get("/Annots", [])):
                self.lines.append("annot %d/%d StructParent=%s Contents=%s" % (
                    i + 1, j, a.get("/StructParent"),
                    self.val(a.get("/Contents"))))
        return self.lines


def main():
    for f in sys.argv[1:]:
        print("== %s" % f)
        with pikepdf.open(f) as pdf:
            for line in Dumper(pdf).dump():
                print(line)


if __name__ == "__main__":
    main()
