#!/usr/bin/env python3
"""Check what one `salesgen merge` run of the benchmark wrote.

    python3 bench/check_merge.py ROWS.csv OUTDIR pdf|html [SAMPLE] [REPORT]

Reads ROWS.csv (as bench/gen_rows.py writes it) and checks OUTDIR:

- count: there is exactly one NUMMER.pdf (or .html) per row, and nothing
  else (no temporary files left behind);
- qpdf: `qpdf --check` on SAMPLE (default 10) of the PDFs, spread evenly
  over the rows, first and last included; its exit status 0 is "ok",
  3 "warnings", anything else "errors";
- text: the text of the same sample, and of up to 3 more rows whose
  klant.naam had to be quoted in the CSV file (pdftotext, or the HTML
  itself), holds the row's nummer and klant.naam, i.e. the row really was
  merged in (blanks and line breaks compared loosely, HTML entities
  decoded).

Prints one line to standard output for merge.sh:

    CHECK files=F expected=N other=O bytes=B sample=S quoted=U qpdf_ok=Q qpdf_bad=X text_ok=T

and the details of every problem (qpdf's output, missing files, a row
whose text is not found) to standard error and to REPORT when given.
"""

import csv
import html
import os
import re
import shutil
import subprocess
import sys


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def main(argv):
    if len(argv) < 4 or argv[3] not in ("pdf", "html"):
        sys.stderr.write(__doc__)
        return 2
    rows_path, outdir, kind = argv[1], argv[2], argv[3]
    nsample = int(argv[4]) if len(argv) > 4 else 10
    report = argv[5] if len(argv) > 5 else None
    problems = []

    with open(rows_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    want = {r["nummer"] + "." + kind: r for r in rows}

    names = sorted(os.listdir(outdir)) if os.path.isdir(outdir) else []
    have = [n for n in names if n in want]
    other = [n for n in names if n not in want]
    missing = sorted(set(want) - set(have))
    total = sum(os.path.getsize(os.path.join(outdir, n)) for n in names
                if os.path.isfile(os.path.join(outdir, n)))
    if missing:
        problems.append(f"{len(missing)} of {len(want)} documents missing, "
                        f"e.g. {', '.join(missing[:5])}")
    if other:
        problems.append(f"{len(other)} unexpected file(s) in {outdir}: "
                        f"{', '.join(other[:5])}")

    order = [r["nummer"] + "." + kind for r in rows]
    k = min(nsample, len(order))
    idx = sorted({round(i * (len(order) - 1) / (k - 1)) for i in range(k)}
                 if k > 1 else {0})
    sample = [order[i] for i in idx]
    # Plus, for the text check only, up to 3 rows whose name had to be
    # quoted in the CSV file: they test the reader's quoting.
    quoted = [n for n in order if n not in sample
              and any(c in want[n]["klant.naam"] for c in '";')][:3]

    qpdf_ok = qpdf_bad = text_ok = 0
    has_qpdf = kind == "pdf" and shutil.which("qpdf")
    has_text = kind == "html" or shutil.which("pdftotext")
    for name in sample + quoted:
        path = os.path.join(outdir, name)
        if not os.path.isfile(path):
            problems.append(f"{name}: not written")
            continue
        if has_qpdf and name in sample:
            p = subprocess.run(["qpdf", "--check", path],
                               capture_output=True, text=True)
            if p.returncode == 0:
                qpdf_ok += 1
            else:
                qpdf_bad += 1
                what = "warnings" if p.returncode == 3 else "errors"
                problems.append(f"{name}: qpdf --check exit {p.returncode} "
                                f"({what}):\n{p.stdout}{p.stderr}")
        if has_text:
            if kind == "pdf":
                p = subprocess.run(["pdftotext", "-q", path, "-"],
                                   capture_output=True, text=True)
                text = p.stdout
            else:
                with open(path, encoding="utf-8") as f:
                    text = html.unescape(re.sub(r"<[^>]*>", " ", f.read()))
            text = squash(text)
            row = want[name]
            lost = [c for c in ("nummer", "klant.naam")
                    if squash(row[c]) not in text]
            if lost:
                problems.append(f"{name}: text lacks the row's "
                                + ", ".join(f"{c} {row[c]!r}" for c in lost))
            else:
                text_ok += 1

    print(f"CHECK files={len(have)} expected={len(want)} other={len(other)} "
          f"bytes={total} sample={len(sample)} quoted={len(quoted)} "
          f"qpdf_ok={qpdf_ok if has_qpdf else '-'} "
          f"qpdf_bad={qpdf_bad if has_qpdf else '-'} "
          f"text_ok={text_ok if has_text else '-'}")
    if problems:
        msg = "".join(f"check_merge: {outdir}: {p}\n" for p in problems)
        sys.stderr.write(msg)
        if report:
            with open(report, "w", encoding="utf-8") as f:
                f.write(msg)
    elif report and os.path.exists(report):
        os.remove(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
