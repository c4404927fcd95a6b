#!/usr/bin/python3
"""Checks the streams of a PDF salesgen wrote: compressed, and readable.

    /usr/bin/python3 tests/tools/pdf_streams.py FILE.pdf...

salesgen compresses its streams itself (gen/pdf/pdf_zip.c, through the
packer for fonts, CMaps, images and the ICC profile), so each must:
  - the XMP metadata: have no /Filter (PDF/A wants it readable);
  - any other stream that is not empty: have a filter (a stream left
    uncompressed by mistake makes every offer of a mailing larger);
  - inflate, to as many bytes as it held: a font program (FontFile2) to
    its /Length1, and be a TrueType font fontTools reads;
  - end where its /Length says: an end of line and "endstream" right
    after that many bytes (PDF/A asks for the end of line); zlib and qpdf
    forgive a length a byte or two long, so this is read from the file.
Prints one line per problem, nothing when all is well; exit 0 either way,
2 when a module is missing.
"""
import io
import os
import re
import sys

try:
    import pikepdf
    from fontTools.ttLib import TTFont
except ImportError as e:
    print(f"pdf_streams.py: {e}")
    sys.exit(2)


def lengths(path, pdf, name):
    """Every stream in the file: its data, /Length bytes after the end of
    line that follows "stream", is followed by an end of line and
    "endstream"."""
    probs = []
    s = open(path, 'rb').read()
    for m in re.finditer(rb'(\d+) (\d+) obj\s*<<', s):
        st = re.compile(rb'>>\s*stream(\r\n|\n)').search(s, m.end())
        nxt = re.compile(rb'\d+ \d+ obj\s').search(s, m.end())
        if st is None or (nxt is not None and nxt.start() < st.start()):
            continue
        o = pdf.get_object(int(m.group(1)), int(m.group(2)))
        n = int(o.stream_dict.Length)
        if not re.compile(rb'(\r\n|\r|\n)endstream').match(s, st.end() + n):
            probs.append(f"{name}: object {m.group(1).decode()}: no "
                         f"'endstream' after its /Length {n}")
    return probs


def check(path):
    name = os.path.basename(path)
    probs = []
    try:
        pdf = pikepdf.open(path)
    except Exception as e:      # a file pikepdf cannot open at all
        return [f"{name}: cannot open: {e}"]
    fonts = set()
    for o in pdf.objects:
        if isinstance(o, pikepdf.Dictionary) and '/FontFile2' in o:
            fonts.add(o.FontFile2.objgen)
    for o in pdf.objects:
        if not isinstance(o, pikepdf.Stream):
            continue
        d = o.stream_dict
        what = f"{name}: object {o.objgen[0]}"
        raw = o.read_raw_bytes()
        if d.get('/Type') == '/Metadata':
            if '/Filter' in d:
                probs.append(f"{what}: the XMP metadata is filtered")
            continue
        if len(raw) == 0:
            continue
        if '/Filter' not in d:
            probs.append(f"{what}: {len(raw)} bytes not compressed")
            continue
        try:
            data = o.read_bytes()
        except Exception as e:
            probs.append(f"{what}: does not decode: {e}")
            continue
        if o.objgen in fonts:
            if '/Length1' not in d or int(d.Length1) != len(data):
                probs.append(f"{what}: font program of {len(data)} bytes, "
                             f"/Length1 {d.get('/Length1')}")
            try:
                TTFont(io.BytesIO(data)).getGlyphOrder()
            except Exception as e:
                probs.append(f"{what}: no TrueType font: {e}")
    if not fonts:
        probs.append(f"{name}: no embedded font program")
    probs += lengths(path, pdf, name)
    for w in pdf.get_warnings():
        probs.append(f"{name}: qpdf: {w}")
    return probs


def main():
    for p in sys.argv[1:]:
        for line in check(p):
            print(line)
    return 0


if __name__ == '__main__':
    sys.exit(main())
