#!/usr/bin/python3
"""pdf_tagtext -- a PDF's text as a reader that follows the tags gets it.

    pdf_tagtext.py FILE.pdf

Walks the structure tree in order and prints one line per element,
indented by its depth: its type, its /Lang in brackets when it has one,
and the text of its own marked content (the MCIDs it owns, in the order
of its /K), quoted.  Marked content inside an /Artifact is skipped, as a
screen reader skips it, and nothing is added between two pieces of an
element: what separates words must be in the content (a real space at a
wrapped line's end, none after a hyphen that is an artifact).  Text is
decoded through each font's /ToUnicode map.  The tests use it to see
what tagged text reads like (tests/pdfua.sh): a hyphenated word whole, a
table cell as one TD.
"""
import re
import sys

import pikepdf


def cmap_of(font):
    """code (bytes) -> str from a font's /ToUnicode (bfchar, bfrange)."""
    m = {}
    tu = font.get("/ToUnicode")
    if tu is None:
        return m, 1
    s = bytes(tu.read_bytes()).decode("latin-1")
    width = 1
    for a in re.findall(r"begincodespacerange(.*?)endcodespacerange", s,
                        re.S):
        for lo in re.findall(r"<([0-9A-Fa-f]+)>", a)[:1]:
            width = len(lo) // 2

    def u(h):
        return bytes.fromhex(h).decode("utf-16-be", "replace")
    for blk in re.findall(r"beginbfchar(.*?)endbfchar", s, re.S):
        for c, v in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>",
                               blk):
            m[bytes.fromhex(c)] = u(v)
    for blk in re.findall(r"beginbfrange(.*?)endbfrange", s, re.S):
        for lo, hi, rest in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)",
                blk):
            a, b = int(lo, 16), int(hi, 16)
            n = len(lo) // 2
            if rest.startswith("["):
                vals = re.findall(r"<([0-9A-Fa-f]*)>", rest)
                for i, v in enumerate(vals):
                    m[(a + i).to_bytes(n, "big")] = u(v)
            else:
                v = int(rest[1:-1], 16)
                vn = (len(rest) - 2) // 2
                for i in range(b - a + 1):
                    m[(a + i).to_bytes(n, "big")] = u(
                        "%0*X" % (vn * 2, v + i))
    return m, width


def decode(fontinfo, data):
    m, w = fontinfo
    out = []
    for i in range(0, len(data) - w + 1, w):
        c = bytes(data[i:i + w])
        out.append(m.get(c, "\ufffd"))
    return "".join(out)


def page_texts(page):
    """{mcid: text} of one page: text shown inside marked content with
    that MCID (the innermost one), nothing inside an artifact."""
    fonts = {}
    res = page.obj.get("/Resources", {})
    for name, f in res.get("/Font", {}).items():
        fonts[name] = cmap_of(f)
    cur = None
    stack = []
    texts = {}

    def owner():
        for tag, mcid in reversed(stack):
            if tag == "/Artifact":
                return None
            if mcid is not None:
                return mcid
        return None

    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
            stack.append((str(operands[0]), mcid))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "Tf":
            cur = fonts.get(str(operands[0]), ({}, 1))
        elif op in ("Tj", "'", '"', "TJ"):
            o = owner()
            if o is None or cur is None:
                continue
            if op == "TJ":
                parts = [x for x in operands[0]
                         if isinstance(x, pikepdf.String)]
            else:
                parts = [operands[-1]]
            texts[o] = texts.get(o, "") + "".join(
                decode(cur, bytes(p)) for p in parts)
    return texts


def main():
    pdf = pikepdf.open(sys.argv[1])
    pages = {}
    for p in pdf.pages:
        pages[p.obj.objgen] = p

    cache = {}

    def text_of(pg, mcid):
        if pg is None:
            return ""
        key = pg.objgen
        if key not in cache:
            cache[key] = page_texts(pages[key]) if key in pages else {}
        return cache[key].get(mcid, "")

    def walk(e, depth):
        if depth > 200:
            return
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else \
            ([] if k is None else [k])
        own = []
        subs = []
        for kid in kids:
            if isinstance(kid, int):
                own.append(text_of(e.get("/Pg"), int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and \
                    kid.get("/Type") == "/MCR":
                own.append(text_of(kid.get("/Pg", e.get("/Pg")),
                                   int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                subs.append(kid)
        lang = " [%s]" % str(e.Lang) if "/Lang" in e else ""
        line = "  " * depth + str(e.S)[1:] + lang
        if own:
            line += ' "%s"' % "".join(own)
        print(line)
        for s in subs:
            walk(s, depth + 1)

    root = pdf.Root.StructTreeRoot
    k = root.get("/K")
    for e in (list(k) if isinstance(k, pikepdf.Array) else [k]):
        if isinstance(e, pikepdf.Dictionary):
            walk(e, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
