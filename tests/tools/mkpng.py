#!/usr/bin/env python3
"""Writes test PNGs of every kind, whole or damaged (tests/harden image cases).

    mkpng.py OUT [--size WxH] [--type gray|rgb|pal|ga|rgba] [--depth N]
                 [--interlace] [--trns] [--bad-crc] [--bad-text] [--cut BYTES]
                 [--header-only]

The picture: the left half colour A (red 220,30,30; grey 40), opaque; the
right half colour B (green 30,160,30; grey 200), transparent where the type
has alpha or --trns is given, else opaque.  --bad-crc spoils the IDAT
checksum, --bad-text adds a tEXt chunk with a bad checksum (libpng warns
and skips it), --cut keeps only the first BYTES bytes, --header-only writes the
signature and IHDR alone (for a size that must be refused from the header).
"""
import argparse
import struct
import zlib

A_RGB, B_RGB = (220, 30, 30), (30, 160, 30)
A_GRAY, B_GRAY = 40, 200


def chunk(kind, data, bad=False):
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    if bad:
        crc ^= 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def scale(v, depth):
    """An 8-bit value at depth bits."""
    return (v * ((1 << depth) - 1) + 127) // 255


def pixel(x, w, kind, depth, trns):
    """The samples of pixel x of a row, at depth bits."""
    left = x < w // 2
    if kind == "pal":
        return [0 if left else 1]
    if kind in ("gray", "ga"):
        if depth < 8:
            g = 0 if left else (1 << depth) - 1
        else:
            g = scale(A_GRAY if left else B_GRAY, depth)
        return [g] + ([((1 << depth) - 1) if left else 0] if kind == "ga" else [])
    c = [scale(v, depth) for v in (A_RGB if left else B_RGB)]
    return c + ([((1 << depth) - 1) if left else 0] if kind == "rgba" else [])


def pack(samples, depth):
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if depth == 8:
        return bytes(samples)
    out, acc, n = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        n += depth
        if n == 8:
            out.append(acc)
            acc, n = 0, 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)


def raw(xs, y, w, kind, depth, trns):
    samples = []
    for x in xs:
        samples += pixel(x, w, kind, depth, trns)
    return b"\0" + pack(samples, depth)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
         (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--size", default="64x48")
    ap.add_argument("--type", default="rgb",
                    choices=["gray", "rgb", "pal", "ga", "rgba"])
    ap.add_argument("--depth", type=int, default=8)
    ap.add_argument("--interlace", action="store_true")
    ap.add_argument("--trns", action="store_true")
    ap.add_argument("--bad-crc", action="store_true")
    ap.add_argument("--cut", type=int, default=0)
    ap.add_argument("--header-only", action="store_true")
    ap.add_argument("--bad-text", action="store_true")
    a = ap.parse_args()
    w, h = (int(v) for v in a.size.split("x"))
    ctype = {"gray": 0, "rgb": 2, "pal": 3, "ga": 4, "rgba": 6}[a.type]
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", w, h, a.depth, ctype, 0, 0, 1 if a.interlace else 0))
    if not a.header_only:
        if a.type == "pal":
            png += chunk(b"PLTE", bytes(A_RGB + B_RGB))
            if a.trns:
                png += chunk(b"tRNS", bytes([255, 0]))
        elif a.trns and a.type == "gray":
            b = (1 << a.depth) - 1 if a.depth < 8 else scale(B_GRAY, a.depth)
            png += chunk(b"tRNS", struct.pack(">H", b))
        elif a.trns and a.type == "rgb":
            png += chunk(b"tRNS", struct.pack(
                ">HHH", *(scale(v, a.depth) for v in B_RGB)))
        if a.bad_text:
            png += chunk(b"tEXt", b"Comment\0spoilt", True)
        data = bytearray()
        if a.interlace:
            for x0, y0, dx, dy in ADAM7:
                xs = list(range(x0, w, dx))
                if not xs:
                    continue
                # every row of the picture is alike: made once a pass
                row = raw(xs, y0, w, a.type, a.depth, a.trns)
                data += row * len(range(y0, h, dy))
        else:
            data += raw(range(w), 0, w, a.type, a.depth, a.trns) * h
        png += chunk(b"IDAT", zlib.compress(bytes(data), 9), a.bad_crc)
        png += chunk(b"IEND", b"")
    if a.cut:
        png = png[:a.cut]
    with open(a.out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
