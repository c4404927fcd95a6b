#!/usr/bin/env python3
"""Counts the pixels of a binary PPM (pdftoppm's output) near a colour.

    ppmcount.py FILE.ppm R G B [TOLERANCE]

Prints the number of pixels whose every channel is within TOLERANCE
(default 12) of R G B: how much of a test picture's colour reached the page.
"""
import sys


def main():
    path, r, g, b = sys.argv[1], *map(int, sys.argv[2:5])
    tol = int(sys.argv[5]) if len(sys.argv) > 5 else 12
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b"P6" or int(fields[3]) != 255:
        sys.exit("not an 8-bit P6 PPM: " + path)
    px = data[pos:]
    n = 0
    for i in range(0, len(px) - 2, 3):
        if (abs(px[i] - r) <= tol and abs(px[i + 1] - g) <= tol
                and abs(px[i + 2] - b) <= tol):
            n += 1
    print(n)


if __name__ == "__main__":
    main()
