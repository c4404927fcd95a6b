#!/usr/bin/env python3
"""The colours of a test picture on a rendered page (pdftoppm's PPM).

    ppmspot.py FILE.ppm ASPECT

The page holds the picture first (no heading above it): the picture is
the first band of rows with pixels that are not white, and its width is
its height times ASPECT (64/48 for the fixtures, whose right half may be
transparent and so white).  Prints the colour at a quarter and at three
quarters of its width, half way down: "R G B R G B".
"""
import sys


def main():
    path, aspect = sys.argv[1], float(sys.argv[2])
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    w, h = int(fields[1]), int(fields[2])
    px = data[pos:]
    x0, y0, x1, y1 = w, -1, -1, -1
    for y in range(int(h * 0.08), h):    # below the running head
        row = px[y * w * 3:(y + 1) * w * 3]
        xs = [x for x in range(w) if min(row[x * 3:x * 3 + 3]) < 235]
        if xs:
            if y0 < 0:
                y0 = y
            y1 = y
            x0, x1 = min(x0, xs[0]), max(x1, xs[-1])
        elif y0 >= 0:
            break
    if y0 < 0:
        sys.exit("no picture on the page")
    pw = (y1 - y0 + 1) * aspect
    y = (y0 + y1) // 2
    out = []
    for f in (0.25, 0.75):
        x = int(x0 + f * pw)
        i = (y * w + x) * 3
        out += [px[i], px[i + 1], px[i + 2]]
    print(*out)


main()
