#!/usr/bin/env python3
"""Checks the line-end hyphenations of a PDF layout dump against a
language's patterns.

    hyph_check.py DUMP WORDS.txt PATTERNS.dic

DUMP is what SALESGEN_LAYOUT_DUMP wrote (gen/pdf/pdf_dump.h): a text run
ending in "-" at a line's end, then the rest of the word as the next run.
Only words listed in WORDS.txt (whitespace-separated, any punctuation
ignored) are checked: a word of that language.  Each break must be a
hyphenation point of PATTERNS.dic (a libhyphen file, Liang's patterns,
read here without libhyphen); the typesetter may use fewer points, never
others.  Prints every break it checked; exits 1 on a break the patterns do
not allow, or when no listed word was broken at all (nothing was tested).
"""
import re
import sys


def patterns(path):
    pats = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            line = line.strip()
            if i == 0 or not line or line.startswith("%") or \
                    re.match(r"^[A-Z]+ ", line) or line == "NEXTLEVEL":
                continue
            line = line.split("/")[0]	# non-standard: the plain part
            letters = re.sub(r"\d", "", line)
            digits = [0] * (len(letters) + 1)
            k = 0
            for ch in line:
                if ch.isdigit():
                    digits[k] = int(ch)
                else:
                    k += 1
            pats[letters] = digits
    return pats


def points(word, pats):
    """The offsets (1..len-1) where word may be broken."""
    w = "." + word.lower() + "."
    v = [0] * (len(w) + 1)
    for i in range(len(w)):
        for j in range(i + 1, len(w) + 1):
            d = pats.get(w[i:j])
            if d is not None:
                for k, x in enumerate(d):
                    v[i + k] = max(v[i + k], x)
    return {i - 1 for i in range(2, len(w) - 1) if v[i] % 2 == 1}


def main():
    dump, words, pat = sys.argv[1:4]
    vocab = {re.sub(r"\W", "", x).lower()
             for x in open(words, encoding="utf-8").read().split()}
    pats = patterns(pat)
    runs = []
    for line in open(dump, encoding="utf-8"):
        f = line.rstrip("\n").split(" ", 7)
        if len(f) == 8 and f[1] == "text":
            runs.append(f[7])
    bad = checked = 0
    for i, a in enumerate(runs):
        if not a.endswith("-") or len(a) < 2 or not a[-2].isalpha():
            continue
        # the rest of the word is the next run that starts with a
        # letter: a list item's bullet may be drawn between the two
        b = next((r for r in runs[i + 1:i + 4] if r[:1].isalpha()), "")
        head = re.sub(r"^\W+", "", a[:-1])
        tail = re.sub(r"\W+$", "", b)
        word = head + tail
        if word.lower() not in vocab:
            continue
        checked += 1
        ok = len(head) in points(word, pats)
        bad += not ok
        print("%s %s-%s" % ("ok " if ok else "BAD", head, tail))
    if checked == 0:
        print("no word of the list was broken: nothing checked")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
