#!/usr/bin/python3
"""Checks that every character a PDF shows can be drawn at its width.

    /usr/bin/python3 tests/tools/pdf_glyphs.py FILE.pdf...

For every Type0 font a page uses, each 2-byte code shown with it (Tj, TJ,
' and ") must have, in the font's descendant CIDFontType2:
  - a glyph: a non-zero GID in /CIDToGIDMap (a stream), and that glyph in
    the embedded font program;
  - a width, in /W or else /DW, equal to the glyph's advance in the
    embedded font (hmtx, scaled to 1000 units per em; 1 unit of rounding).
A character that falls back to /DW or to GID 0 is drawn as a box or at the
wrong width; salesgen builds these tables itself around libharu
(gen/pdf_font.c), so they are checked here and not taken on trust.
Prints one line per problem, nothing when all is well; exit 0 either way,
2 when a module is missing.
"""
import io
import sys

try:
    import pikepdf
    from fontTools.ttLib import TTFont
except ImportError as e:
    print(f"pdf_glyphs.py: {e}")
    sys.exit(2)


def widths(desc):
    """The /W array as a dict CID -> width."""
    out = {}
    w = list(desc.get('/W', []))
    i = 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], pikepdf.Array):
            for k, x in enumerate(w[i + 1]):
                out[first + k] = float(x)
            i += 2
        else:
            last, x = int(w[i + 1]), float(w[i + 2])
            for c in range(first, last + 1):
                out[c] = x
            i += 3
    return out


class Font:
    def __init__(self, font):
        self.name = str(font.get('/BaseFont', '?'))
        desc = font.DescendantFonts[0]
        self.w = widths(desc)
        self.dw = float(desc.get('/DW', 1000))
        m = desc.get('/CIDToGIDMap')
        self.map = m.read_bytes() if isinstance(m, pikepdf.Stream) else None
        self.tt = None
        ff = desc.FontDescriptor.get('/FontFile2')
        if ff is not None:
            self.tt = TTFont(io.BytesIO(ff.read_bytes()))
            self.upem = self.tt['head'].unitsPerEm
            self.order = self.tt.getGlyphOrder()

    def check(self, cid):
        """What is wrong with drawing CID, or None."""
        if self.map is None:
            return "no /CIDToGIDMap stream"
        gid = int.from_bytes(self.map[2 * cid:2 * cid + 2], 'big')
        if gid == 0:
            return "GID 0 in /CIDToGIDMap (drawn as a box)"
        w = self.w.get(cid, self.dw)
        if self.tt is not None:
            if gid >= len(self.order):
                return f"GID {gid} is not in the embedded font"
            adv = self.tt['hmtx'][self.order[gid]][0] * 1000.0 / self.upem
            if abs(adv - w) > 1.0:
                where = "/W" if cid in self.w else "not in /W, /DW"
                return f"{where} {w:g}, the glyph's advance {adv:.0f}"
        elif cid not in self.w:
            return "no width in /W (drawn at /DW)"
        return None


def codes(op, operands):
    """The byte strings an operator shows."""
    if op in ('Tj', "'"):
        return [bytes(operands[0])]
    if op == '"':
        return [bytes(operands[2])]
    if op == 'TJ':
        return [bytes(x) for x in operands[0] if isinstance(x, pikepdf.String)]
    return []


def check(path):
    problems = {}
    pdf = pikepdf.open(path)
    cache = {}
    for pno, page in enumerate(pdf.pages, 1):
        fonts = page.Resources.get('/Font', {})
        cur = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == 'Tf':
                res = fonts.get(str(operands[0]))
                cur = None
                if res is not None and res.get('/Subtype') == '/Type0':
                    key = res.objgen
                    if key not in cache:
                        cache[key] = Font(res)
                    cur = cache[key]
                continue
            if cur is None:
                continue
            for s in codes(op, operands):
                for i in range(0, len(s) - 1, 2):
                    cid = (s[i] << 8) | s[i + 1]
                    why = cur.check(cid)
                    if why and (cur.name, cid) not in problems:
                        problems[(cur.name, cid)] = (
                            f"{path}: {cur.name} U+{cid:04X} ({chr(cid)!r}),"
                            f" first on page {pno}: {why}")
    return [problems[k] for k in sorted(problems)]


def main():
    for path in sys.argv[1:]:
        for line in check(path):
            print(line)


if __name__ == '__main__':
    main()
