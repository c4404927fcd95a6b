#!/usr/bin/python3
"""pdfua_check -- the machine-checkable core of PDF/UA-1 (Matterhorn).

    pdfua_check.py [--lang TEXT=LANG]... FILE.pdf...

Prints "PASS file" or "FAIL file" with one indented line per problem;
exits 1 when any file fails.  It checks: /MarkInfo /Marked true, /Lang,
/StructTreeRoot with a /ParentTree that owns every MCID of every page,
/ViewerPreferences /DisplayDocTitle true, a title in the document
information and the XMP (dc:title) with pdfuaid:part 1, /Tabs /S on every
page, no text or image operator outside marked content (a tagged MCID or
an /Artifact), heading levels without a skip, tables with TH cells that
carry /Scope, every Figure with /Alt, every /Lang a language tag, every
form field with /TU; in a PDF/A file every annotation printed and, links
aside, with an /AP /N appearance stream; every link annotation with
/Contents and a /StructParent, reached from a Link element through an
/OBJR that the ParentTree maps back; no heading outside a Sect once the
Sects begin, every Sect and Part with what it should hold; every TOCI in
a TOC; every LI with an LBody, its Lbl (the bullet or number) before it,
and a Lbl wherever the item starts with text (an Index's entries aside);
no text directly in an LBody (a P holds it); no image in the marked
content of anything but a Figure (or an element with an alternate
text) or an artifact; an Index with an L; a Part
with a heading (its title) before its Sects; every widget annotation (a
form field) in a Form element through an /OBJR that the ParentTree maps
back.  With --lang TEXT=LANG (a
passage in another language, such as a chapter whose front matter says
lang: en in a Dutch course): the element whose text starts with TEXT has
LANG as its language (its own /Lang or the nearest above it), while the
catalog's /Lang stays the document's.  It is not veraPDF: see README.md.
"""
import re
import sys

import pikepdf

sys.path.insert(0, __import__("os").path.dirname(__file__))
import pdf_tagtext  # noqa: E402  (the text of marked content)

TEXT_OPS = {"Tj", "TJ", "'", '"', "Do", "BI", "sh"}


def walk(node, out, depth=0):
    """Structure elements in reading order: (element, depth)."""
    if depth > 200:
        return
    k = node.get("/K")
    if k is None:
        return
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            out.append((kid, depth))
            walk(kid, out, depth + 1)


def walk_path(node, out, path=(), depth=0):
    """Structure elements in reading order: (element, parent, roles of
    its ancestors)."""
    if depth > 200:
        return
    k = node.get("/K")
    if k is None:
        return
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            out.append((kid, node, path))
            walk_path(kid, out, path + (str(kid.S),), depth + 1)


def kids_of(e):
    """The structure elements directly below e, in order."""
    k = e.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    return [x for x in kids if isinstance(x, pikepdf.Dictionary) and
            "/S" in x]


def number_tree(node, out, depth=0):
    """A number tree's pairs (its /Nums and its /Kids' leaves)."""
    if depth > 32:
        return
    nums = list(node.get("/Nums", []))
    for i in range(0, len(nums) - 1, 2):
        out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out, depth + 1)


def objrs(elems, role, bad):
    """The annotations that elements of role reach through an /OBJR:
    annotation to element; an element of role without one is a fault."""
    objr = {}
    for e, _ in elems:
        if str(e.S) != role:
            continue
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else [k]
        n = 0
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and \
                    kid.get("/Type") == "/OBJR" and "/Obj" in kid:
                objr[kid.Obj.objgen] = e.objgen
                n += 1
        if n == 0:
            bad.append("%s element without an /OBJR" % role[1:])
    return objr


def check_annots(pdf, elems, ptree, bad, subtype, role):
    """Every annotation of subtype tagged: reached from an element of
    role through an /OBJR, with a /StructParent that the ParentTree maps
    back to it; a link's with /Contents too.  Links in Link elements
    (PDF/UA-1 7.18.5), widgets (form fields) in Form ones (7.18.4)."""
    what = subtype[1:].lower()
    objr = objrs(elems, role, bad)
    for pno, page in enumerate(pdf.pages, 1):
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != subtype:
                continue
            if subtype == "/Link" and ("/Contents" not in a or
                                       str(a.Contents) == ""):
                bad.append("page %d: link annotation without /Contents"
                           % pno)
            if a.objgen not in objr:
                bad.append("page %d: %s annotation not reached from a "
                           "%s element (/OBJR)" % (pno, what, role[1:]))
            sp = a.get("/StructParent")
            if sp is None:
                bad.append("page %d: %s annotation without /StructParent"
                           % (pno, what))
            elif int(sp) not in ptree or \
                    ptree[int(sp)].objgen != objr.get(a.objgen):
                bad.append("page %d: the ParentTree does not map %s "
                           "annotation %d to its %s"
                           % (pno, what, int(sp), role[1:]))


def check_groups(root, bad):
    """Sect, Part, TOC and list structure."""
    els = []
    walk_path(root, els)
    sect_seen = False
    for e, parent, path in els:
        s = str(e.S)
        if s == "/Sect":
            sect_seen = True
            sub = []
            walk(e, sub)
            if not any(re.fullmatch(r"/H[1-6]", str(x.S)) for x, _ in sub):
                bad.append("Sect without a heading")
        elif s == "/Part":
            roles = [str(x.S) for x in kids_of(e)]
            if "/Sect" not in roles:
                bad.append("Part without a Sect")
            elif not any(re.fullmatch(r"/H[1-6]", r) for r in
                         roles[:roles.index("/Sect")]):
                # its title ("Deel 1" and the name) read as a heading
                bad.append("Part without a heading before its Sects")
        elif re.fullmatch(r"/H[1-6]", s):
            # a Part's own heading is its title, in no Sect
            if sect_seen and "/Sect" not in path and \
                    str(parent.get("/S")) != "/Part":
                bad.append("heading %s outside a Sect" % s[1:])
        elif s == "/TOCI":
            if str(parent.get("/S")) != "/TOC":
                bad.append("TOCI outside a TOC")
        elif s == "/TOC":
            if not any(str(x.S) in ("/TOCI", "/TOC") for x in kids_of(e)):
                bad.append("TOC without a TOCI")
        elif s == "/LI":
            roles = [str(x.S) for x in kids_of(e)]
            if "/LBody" not in roles:
                bad.append("LI without an LBody")
            elif "/Lbl" in roles and roles.index("/Lbl") > \
                    roles.index("/LBody"):
                bad.append("LI with its Lbl after its LBody")
            elif "/Lbl" not in roles:
                body = kids_of(e)[roles.index("/LBody")]
                first = kids_of(body)
                # an index's entries have no bullet or number
                if first and str(first[0].S) == "/P" and \
                        "/Index" not in path:
                    bad.append("LI without a Lbl (its bullet or number)")
        elif s == "/Lbl" and str(parent.get("/S")) != "/LI":
            bad.append("Lbl outside an LI")
        elif s == "/Index":
            if not any(str(x.S) == "/L" for x in kids_of(e)):
                bad.append("Index without an L of its entries")
        if s == "/LBody" and own_content(e):
            # an item's text in a block (P), as a list item's is
            bad.append("LBody with text of its own, not in a P")


def is_image(page, op, operands):
    """Whether op (Do or BI) paints an image, not a form XObject."""
    if op == "BI":
        return True
    try:
        xo = page.obj.Resources.XObject[str(operands[0])]
        return xo.get("/Subtype") == "/Image"
    except (AttributeError, KeyError, IndexError):
        return False


def own_content(e):
    """Whether e has marked content of its own (MCIDs, MCRs)."""
    k = e.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    return any(isinstance(x, int) or (isinstance(x, pikepdf.Dictionary)
                                      and x.get("/Type") == "/MCR")
               for x in kids)


def mcids_in_tree(root):
    owned = set()
    elems = []
    walk(root, elems)
    for e, _ in elems:
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else [k]
        for kid in kids:
            if isinstance(kid, int):
                pg = e.get("/Pg")
                owned.add((pg.objgen if pg is not None else None, kid))
            elif isinstance(kid, pikepdf.Dictionary) and \
                    kid.get("/Type") == "/MCR":
                owned.add((kid.Pg.objgen, int(kid.MCID)))
    return owned, elems


def check_langs(pdf, str_root, langs):
    """Each (text, lang): the element whose own text starts with text is
    read in lang (its /Lang or the nearest one above it)."""
    bad = []
    pages = {p.obj.objgen: p for p in pdf.pages}
    cache = {}

    def text_of(pg, mcid):
        if pg is None or pg.objgen not in pages:
            return ""
        if pg.objgen not in cache:
            cache[pg.objgen] = pdf_tagtext.page_texts(pages[pg.objgen])
        return cache[pg.objgen].get(mcid, "")

    found = {}

    def walk(e, lang, depth):
        if depth > 200:
            return
        if "/Lang" in e:
            lang = str(e.Lang)
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else \
            ([] if k is None else [k])
        own = ""
        for kid in kids:
            if isinstance(kid, int):
                own += text_of(e.get("/Pg"), int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and \
                    kid.get("/Type") == "/MCR":
                own += text_of(kid.get("/Pg"), int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, lang, depth + 1)
        for text, want in langs:
            if own.startswith(text) and text not in found:
                found[text] = lang
    k = str_root.get("/K")
    for e in (list(k) if isinstance(k, pikepdf.Array) else [k]):
        if isinstance(e, pikepdf.Dictionary):
            walk(e, str(pdf.Root.get("/Lang", "")), 0)
    for text, want in langs:
        if text not in found:
            bad.append("no element reads %r" % text)
        elif found[text] != want:
            bad.append("%r is read as /Lang %s, want %s"
                       % (text, found[text], want))
    return bad


def check(path, langs=()):
    bad = []
    pdf = pikepdf.open(path)
    root = pdf.Root
    mi = root.get("/MarkInfo")
    if mi is None or not bool(mi.get("/Marked", False)):
        bad.append("no /MarkInfo /Marked true")
    if "/Lang" not in root or str(root.Lang) == "":
        bad.append("no /Lang in the catalog")
    vp = root.get("/ViewerPreferences")
    if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
        bad.append("no /ViewerPreferences /DisplayDocTitle true")
    title = pdf.docinfo.get("/Title") if pdf.docinfo is not None else None
    if title is None or str(title) == "":
        bad.append("no /Title in the document information")
    try:
        xmp = bytes(root.Metadata.read_bytes()).decode("utf-8", "replace")
    except Exception:
        xmp = ""
    if not re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"",
                     xmp):
        bad.append("no pdfuaid:part 1 in the XMP metadata")
    if "<dc:title>" not in xmp:
        bad.append("no dc:title in the XMP metadata")
    # PDF/A-2a, when the file claims it: an sRGB output intent with its
    # profile, the trailer's /ID, conformance A
    if "pdfaid:part" in xmp:
        if not re.search(r"<pdfaid:part>2</pdfaid:part>", xmp) or \
                not re.search(r"<pdfaid:conformance>A</pdfaid:conformance>",
                              xmp):
            bad.append("pdfaid is not part 2 conformance A")
        ois = root.get("/OutputIntents")
        if ois is None or not any(
                oi.get("/S") == "/GTS_PDFA1" and
                "/DestOutputProfile" in oi for oi in ois):
            bad.append("PDF/A: no GTS_PDFA1 output intent with a profile")
        if "/ID" not in pdf.trailer:
            bad.append("PDF/A: no /ID in the trailer")
        if pdf.pdf_version < "1.7":
            bad.append("PDF version %s, want 1.7" % pdf.pdf_version)
    str_root = root.get("/StructTreeRoot")
    if str_root is None:
        bad.append("no /StructTreeRoot")
        return bad
    if "/ParentTree" not in str_root:
        bad.append("no /ParentTree")
    owned, elems = mcids_in_tree(str_root)
    # the ParentTree's arrays: each page's MCIDs to their elements
    ptree = {}
    if "/ParentTree" in str_root:
        number_tree(str_root.ParentTree, ptree)
    pdfa = "pdfaid:part" in xmp
    for pno, page in enumerate(pdf.pages, 1):
        if page.obj.get("/Tabs") != "/S":
            bad.append("page %d: no /Tabs /S" % pno)
        for an in page.obj.get("/Annots", []):
            st = str(an.get("/Subtype"))
            # PDF/A-2 6.3.2 and 6.3.3: printed, not hidden, and drawn
            # by its own appearance stream (links and popups aside)
            fl = int(an.get("/F", 0))
            if pdfa and (not fl & 4 or fl & 0x23):
                bad.append("page %d: %s annotation not printed or hidden"
                           % (pno, st))
            if pdfa and st not in ("/Link", "/Popup"):
                ap = an.get("/AP")
                if ap is None or not isinstance(ap.get("/N"),
                                                pikepdf.Stream):
                    bad.append("page %d: %s annotation without an /AP /N "
                               "appearance stream" % (pno, st))
            # PDF/UA 7.18.1: a form field says what it is for
            if st == "/Widget" and str(an.get("/TU", "")) == "":
                bad.append("page %d: form field without /TU" % pno)
        sp = page.obj.get("/StructParents")
        if sp is None:
            bad.append("page %d: no /StructParents" % pno)
            continue
        arr = ptree.get(int(sp))
        depth = 0
        stack = []
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1],
                                              pikepdf.Dictionary):
                    if "/MCID" in operands[1]:
                        mcid = int(operands[1].MCID)
                stack.append((tag, mcid))
                if mcid is not None:
                    if (page.obj.objgen, mcid) not in owned:
                        bad.append("page %d: MCID %d belongs to no element"
                                   % (pno, mcid))
                    if arr is None or mcid >= len(arr):
                        bad.append("page %d: MCID %d not in the ParentTree"
                                   % (pno, mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
                else:
                    bad.append("page %d: EMC without BDC" % pno)
            elif op in TEXT_OPS:
                ok = any(t == "/Artifact" or m is not None
                         for t, m in stack)
                if not ok:
                    bad.append("page %d: %s outside marked content"
                               % (pno, op))
                    break
                if op in ("Do", "BI") and is_image(page, op, operands) \
                        and not any(t == "/Artifact" for t, _ in stack):
                    # Matterhorn 13-001/13-004: a picture that is content
                    # is a Figure (or has an alternate text), else a
                    # reader passes it in silence
                    mc = [m for _, m in stack if m is not None]
                    e = arr[mc[-1]] if arr is not None and mc and \
                        mc[-1] < len(arr) else None
                    if e is None or (str(e.get("/S")) not in
                                     ("/Figure", "/Formula", "/Form") and
                                     "/Alt" not in e and
                                     "/ActualText" not in e):
                        bad.append("page %d: an image in a %s, neither a "
                                   "Figure nor an artifact" % (pno, str(
                                       e.get("/S")) if e is not None
                                       else "?"))
        if stack:
            bad.append("page %d: marked content left open" % pno)
    for e, _ in elems:
        if "/Lang" in e and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*",
                                             str(e.Lang)):
            bad.append("/Lang %r is no language tag" % str(e.Lang))
    if langs:
        bad += check_langs(pdf, str_root, langs)
    last = 0
    for e, _ in elems:
        s = str(e.S)
        m = re.fullmatch(r"/H([1-6])", s)
        if m:
            lvl = int(m.group(1))
            if lvl > last + 1:
                bad.append("heading H%d after H%d skips a level"
                           % (lvl, last))
            last = lvl
        elif s == "/Figure":
            if "/Alt" not in e or str(e.Alt) == "":
                bad.append("Figure without /Alt")
        elif s == "/Table":
            sub = []
            walk(e, sub)
            ths = [x for x, _ in sub if str(x.S) == "/TH"]
            if not ths:
                bad.append("Table without TH")
            for th in ths:
                a = th.get("/A")
                if a is None or "/Scope" not in a:
                    bad.append("TH without /Scope")
                    break
    check_annots(pdf, elems, ptree, bad, "/Link", "/Link")
    check_annots(pdf, elems, ptree, bad, "/Widget", "/Form")
    check_groups(str_root, bad)
    return bad


def main():
    fails = 0
    args = sys.argv[1:]
    langs = []
    while len(args) >= 2 and args[0] == "--lang" and "=" in args[1]:
        text, _, lang = args[1].rpartition("=")
        langs.append((text, lang))
        args = args[2:]
    for path in args:
        try:
            bad = check(path, langs)
        except Exception as ex:  # a damaged file is a failure, not a crash
            bad = ["cannot read: %s" % ex]
        if bad:
            fails += 1
            print("FAIL %s" % path)
            seen = set()
            for b in bad:
                if b not in seen:
                    print("    " + b)
                    seen.add(b)
        else:
            print("PASS %s" % path)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
