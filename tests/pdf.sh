#!/bin/sh
# PDF checks: build the sample course into a temporary folder, render small
# Markdown files with `salesgen render -t pdf`, and check the PDFs with
# qpdf, poppler (pdftotext, pdffonts, pdfinfo) and the house typography
# tool (shared/tools/pdf_typography.py beside the repository, or its copy
# in tests/tools).
#
#   sh tests/pdf.sh SALESGEN [--regen]
#
# One line per test, "PASS name" or "FAIL name" with the details indented
# by two spaces below it; the exit status is always 0 (tests/run.sh counts
# the lines).  PREFIX is put before every name, VALGRIND before every run
# of salesgen.  Golden layout dumps: tests/regress/pdf/<case>.md is
# rendered, salesgen's dump of what it drew must equal <case>.layout; with
# --regen (make regen) only those run, each difference shown and offered
# for acceptance (tests/lib.sh, golden).
# Nothing is written into the repository but those expectations (--regen):
# the project (content/ and templates/) is copied into a mktemp -d folder.
unset SOURCE_DATE_EPOCH
PYTHONUTF8=1		# Python reads and writes UTF-8 whatever the locale
export PYTHONUTF8
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
regen=$2
# The project's shared copy when the repository sits beside it, else the
# copy kept in tests/tools (a clone on its own).
typo=$top/../shared/tools/pdf_typography.py
[ -f "$typo" ] || typo=$top/tests/tools/pdf_typography.py
lib_tmp pdf
# Limits for runs that could hang: seconds, and KiB of address space where
# the binary runs under such a limit at all (a sanitizer build does not: it
# gets a resident-size limit of its own instead).
limit_s=10
limit_kb=1000000

# ---------------------------------------------------------------- helpers
# (note, note_file, result, have, copy_sample, build, limited, golden:
# tests/lib.sh)

render() {	# render IN OUT [OPTIONS...]: render -t pdf, in IN's folder
	in=$1 o=$2
	shift 2
	(cd "$(dirname "$in")" && $VALGRIND "$bin" render -t pdf "$@" \
	    "$(basename "$in")" -o "$o")
}

# tests/regress/pdf/<case>.md -> <case>.layout: salesgen's own dump of what
# it draws (SALESGEN_LAYOUT_DUMP, gen/pdf/pdf_dump.h: page, position,
# face, size, colour and text of every run, rule, image and link), which
# does not change with poppler's version as pdftotext's text did.
goldens() {
	for md in "$top"/tests/regress/pdf/*.md; do
		[ -f "$md" ] || continue
		case=$(basename "$md" .md)
		exp=${md%.md}.layout
		rm -rf "$tmp/g"
		mkdir -p "$tmp/g"
		# the case and what it shows (<case>.png ...)
		cp "${md%.md}".* "$tmp/g/"
		(SALESGEN_LAYOUT_DUMP=$tmp/g/$case.dump
		export SALESGEN_LAYOUT_DUMP
		render "$tmp/g/$case.md" "$case.pdf") > /dev/null 2> "$tmp/g/$case.err"
		st=$?
		[ $st = 0 ] || { note "render exit status $st"; note_file "$tmp/g/$case.err"; }
		[ -s "$tmp/g/$case.pdf" ] || note "no PDF written"
		if golden "pdf/golden/$case" "$exp" "$tmp/g/$case.dump"; then
			:
		elif [ "$regen" = --regen ]; then
			note "differs from $(basename "$exp"), kept"
		else
			note "the layout dump differs from $(basename "$exp") (make regen):"
			diff -u "$exp" "$tmp/g/$case.dump" 2>&1 | head -n 40 >> "$why"
		fi
		result "pdf/golden/$case"
	done
}

# make regen: the goldens only.
if [ "$regen" = --regen ]; then
	goldens
	exit 0
fi

# py CHECK ARGS...: the checks written in Python (below, one function per
# CHECK); each prints what is wrong, one line per problem, nothing if all
# is well.
py() {
	MDS=$mds "$python" - "$typo" "$@" <<'EOF'
import json, os, re, subprocess, sys

tool, check, args = sys.argv[1], sys.argv[2], sys.argv[3:]
MDS = [f for f in os.environ.get('MDS', '').split('\n') if f]
out = []
say = out.append

def run(*a):
    return subprocess.run(list(a), capture_output=True, text=True)

_pages = {}
def page_text(pdf, n, layout=False):
    """Page n's text (pdftotext per page, or -layout), from one run per PDF."""
    k = (pdf, layout)
    if k not in _pages:
        _pages[k] = run('pdftotext', *(['-layout'] if layout else []), pdf, '-').stdout.split('\f')
    p = _pages[k]
    return p[n - 1] if 1 <= n <= len(p) else ''

def all_pages(pdf):
    page_text(pdf, 1)
    return _pages[(pdf, False)]

def npages(pdf):
    m = re.search(r'^Pages:\s+(\d+)', run('pdfinfo', pdf).stdout, re.M)
    return int(m.group(1)) if m else 0

def qjson(pdf, *keys):
    a = ['qpdf', '--json=2'] + ['--json-key=' + k for k in keys] + [pdf]
    return json.loads(run(*a).stdout)

def outlines(pdf):
    return qjson(pdf, 'outlines')['outlines']

def plain(md):
    """A heading's text as plain text (the outline and the page show it so)."""
    md = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', md)
    return re.sub(r'[*_`]', '', md).strip()

def chapters(mds):
    """[(title, [(h2, [h3...])...])] of the sample's chapters, in file order."""
    res = []
    for f in mds:
        s = re.sub(r'\A---\n.*?\n---\n', '', open(f, encoding='utf-8').read(), flags=re.S)
        s = re.sub(r'^```.*?^```', '', s, flags=re.S | re.M)
        title, secs = None, []
        for m in re.finditer(r'^(#{1,3}) (.+)$', s, re.M):
            lvl, t = len(m.group(1)), plain(m.group(2))
            if lvl == 1 and title is None:
                title = t
            elif lvl == 2:
                secs.append((t, []))
            elif lvl == 3 and secs:
                secs[-1][1].append(t)
        res.append((title, secs))
    return res

def contents_range(pdf):
    """First and last page of the contents: from the "Inhoud" bookmark up to
    the first chapter's."""
    top = outlines(pdf)
    for k, o in enumerate(top):
        if o['title'] == 'Inhoud':
            end = top[k + 1]['destpageposfrom1'] - 1 if k + 1 < len(top) else o['destpageposfrom1']
            return o['destpageposfrom1'], end
    return None, None

def contents_entries(pdf):
    """[(level, number, title, page)] from the contents pages (pdftotext -layout)."""
    a, b = contents_range(pdf)
    if a is None:
        say('no "Inhoud" bookmark: cannot find the contents pages')
        return []
    ents = []
    for n in range(a, b + 1):
        for l in page_text(pdf, n, True).split('\n'):
            m = re.match(r'^(\s*)(?:(\d+(?:\.\d+)*) )?(.*?\S)\s{2,}(\d+)\s*$', l)
            if m:
                ents.append((0 if not m.group(1) else 1, m.group(2), m.group(3), int(m.group(4))))
    return ents

def first_line(s):
    for l in s.split('\n'):
        if l.strip():
            return re.sub(r'\s+', ' ', l.strip())
    return ''

def norm(s):
    """Running text: words broken at line ends joined, white space single."""
    return re.sub(r'\s+', ' ', re.sub(r'(\w)-\n\s*(\w)', r'\1\2', s))

# ----------------------------------------------------------------- checks

def c_words(pdf):
    sys.path.insert(0, os.path.dirname(tool))
    import pdf_typography as pt
    txt = run('pdftotext', pdf, '-').stdout
    have = set(pt.words_of(txt))
    # A compound broken at its own hyphen ("SMART-|elementen") comes out
    # joined ("smartelementen"): pdftotext and words_of() cannot tell that
    # hyphen from one added by hyphenation.  Its parts count as well, as
    # the line ends of pdftotext -layout show them.
    lay = run('pdftotext', '-layout', pdf, '-').stdout
    have |= set(re.findall(r'[^\W\d_]{4,}', re.sub(r'-\n\s*', '-', lay).lower()))
    for f in MDS:
        s = re.sub(r'\A---\n.*?\n---\n', '', open(f, encoding='utf-8').read(), flags=re.S)
        words = pt.md_words(s)
        miss = sorted(set(w for w in words if w not in have))
        if not words:
            say(f'{os.path.basename(f)}: no words found in the Markdown')
        if miss:
            say(f'{os.path.basename(f)}: {len(miss)} of {len(set(words))} words missing: ' + ' '.join(miss[:40]))

def c_contains(*a):
    """PDF TEXT 1|0 ...: the PDF has (1) or lacks (0) the text."""
    for pdf, text, want in zip(a[0::3], a[1::3], a[2::3]):
        got = norm(text) in norm(''.join(all_pages(pdf)))
        if got != (want == '1'):
            say(f'{os.path.basename(pdf)} {"lacks" if want == "1" else "has"} "{text}"')

def c_typo(jsonfile):
    d = list(json.load(open(jsonfile)).values())[0]
    lim = [('justified', '>=', 0.998), ('over20_per_1000', '==', 0), ('over15_per_1000', '<=', 7.3),
           ('max_hyph_run', '<=', 2), ('page_end_hyph', '==', 0), ('short_word_hyph', '==', 0),
           ('min_left', '>=', 2), ('min_right', '>=', 3)]
    if not d.get('lines'):
        say(f'no body lines measured: {d}')
        return
    for k, op, v in lim:
        x = d.get(k)
        if x is None or not {'>=': lambda: x >= v, '<=': lambda: x <= v, '==': lambda: x == v}[op]():
            say(f'{k} = {x}, expected {op} {v}')
    if out:
        say('measured: ' + ', '.join(f'{k}={d.get(k)}' for k in
            ('lines', 'justified', 'hyph_per_1000', 'max_hyph_run', 'over15_per_1000', 'over20_per_1000')))

def c_contents(*pdfs):
    for pdf in pdfs:
        contents1(pdf)

def contents1(pdf):
    ents = contents_entries(pdf)
    chs = chapters(MDS)
    nch = [e for e in ents if e[0] == 0 and e[1]]
    if [e[2] for e in nch] != [c[0] for c in chs]:
        say(f'{os.path.basename(pdf)}: chapters in the contents {[e[2] for e in nch]}, expected {[c[0] for c in chs]}')
    last = npages(pdf)
    prev = 0
    for lvl, num, title, pg in ents:
        label = f'{num} {title}' if num else title
        if pg < prev:
            say(f'{label}: page {pg} comes before the previous entry\'s {prev}')
        prev = pg
        if not 1 <= pg <= last:
            say(f'{label}: page {pg} is not in the PDF ({last} pages)')
            continue
        if lvl == 0:
            # The page that opens the chapter starts with its title; the
            # page before does not (later pages repeat it as running head).
            got = norm(page_text(pdf, pg)).strip()
            if not got.startswith(label):
                say(f'{label}: the contents say page {pg}, which starts with "{got[:40]}"')
            elif pg > 1 and norm(page_text(pdf, pg - 1)).strip().startswith(label):
                say(f'{label}: the contents say page {pg}, but page {pg - 1} starts with it too')
        else:
            on = lambda n: label in norm(page_text(pdf, n))
            if not on(pg):
                where = [n for n in range(1, last + 1) if n != pg and on(n)]
                say(f'{label}: the contents say page {pg}, heading found on page(s) {where}')
    if not ents:
        say(f'{os.path.basename(pdf)}: no contents entries found')

def c_outline(*a):
    """PDF:KIND ...: KIND is course or a chapter's number."""
    for x in a:
        pdf, kind = x.rsplit(':', 1)
        outline1(pdf, kind)

def outline1(pdf, kind):
    top = outlines(pdf)
    chs = chapters(MDS)
    want = []
    for i, (t, secs) in enumerate(chs, 1):
        want.append((f'{i} {t}', [(f'{i}.{j} {s}', [f'{i}.{j}.{k} {x}' for k, x in enumerate(sub, 1)])
                                  for j, (s, sub) in enumerate(secs, 1)]))
    if kind == 'course':
        names = ['Inhoud'] + [w[0] for w in want] + ['Begrippenlijst', 'Register']
    else:                       # a chapter: kind is its number
        want = [want[int(kind) - 1]]
        names = [want[0][0]]
    got = [o['title'] for o in top]
    if got != names:
        say(f'{os.path.basename(pdf)}: top-level bookmarks {got}, expected {names}')
    byname = {o['title']: o for o in top}
    for t, secs in want:
        o = byname.get(t)
        if o is None:
            continue
        kids = [k['title'] for k in o['kids']]
        if kids != [s[0] for s in secs]:
            say(f'{t}: section bookmarks {kids}, expected {[s[0] for s in secs]}')
            continue
        for k, (s, sub) in zip(o['kids'], secs):
            gk = [g['title'] for g in k['kids']]
            if gk != sub:
                say(f'{s}: subsection bookmarks {gk}, expected {sub}')
        # every bookmark points at the page that shows its heading
        for k in [o] + o['kids']:
            n = k['destpageposfrom1']
            if k['title'] not in norm(page_text(pdf, n)):
                say(f'bookmark "{k["title"]}" goes to page {n}, which does not show that heading')

def annots(pdf):
    """{page number: [annotation dicts]}, the page references in order, and
    a function from a reference to its object."""
    d = qjson(pdf, 'qpdf')['qpdf'][1]
    val = lambda ref: (d.get('obj:' + ref) or {}).get('value') or {}
    pages = []
    def walk(ref):
        v = val(ref)
        if v.get('/Type') == '/Pages':
            for k in v.get('/Kids', []):
                walk(k)
        else:
            pages.append(ref)
    walk(val(d['trailer']['value']['/Root'])['/Pages'])
    res = {}
    for n, ref in enumerate(pages, 1):
        a = val(ref).get('/Annots', [])
        if isinstance(a, str):
            a = val(a) or []
        res[n] = [val(x) if isinstance(x, str) else x for x in a]
    return res, pages, val

def c_links(pdf, nch):
    a, b = contents_range(pdf)
    if a is None:
        say('no "Inhoud" bookmark: cannot find the contents pages')
        return
    res, pages, val = annots(pdf)
    links = [x for n in range(a, b + 1) for x in res.get(n, []) if x and x.get('/Subtype') == '/Link']
    if len(links) <= int(nch):
        say(f'{len(links)} link annotations on the contents pages {a}-{b}, expected more than {nch} (one per entry)')
    # Each link goes to the page its contents line gives: the words whose
    # middle lies inside the link's rectangle end in that page number.
    words = {}
    for n in range(a, b + 1):
        bb = run('pdftotext', '-bbox', '-f', str(n), '-l', str(n), pdf, '-').stdout
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bb)
        words[n] = (float(m.group(2)) if m else 0, [(float(w[0]), float(w[1]), float(w[2]), float(w[3]), w[4]) for w in
                    re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bb)])
    for n in range(a, b + 1):
        for x in res.get(n, []):
            if not x or x.get('/Subtype') != '/Link':
                continue
            d = x.get('/Dest') or (x.get('/A') or {}).get('/D')
            if isinstance(d, str) and d.endswith(' R'):
                d = val(d)
            if not isinstance(d, list) or d[0] not in pages:
                say(f'a contents link on page {n} has no destination page: {x}')
                continue
            h, ws = words[n]
            x0, y0, x1, y1 = (float(v) for v in x['/Rect'])
            line = [w for w in ws if h - y1 <= (w[1] + w[3]) / 2 <= h - y0]
            text = ' '.join(w[4] for w in sorted(line))
            got = pages.index(d[0]) + 1
            if not re.search(r' (\d+)$', text) or int(text.split()[-1]) != got:
                say(f'page {n}: the link over "{text}" goes to page {got}')

def fold(s):
    """Lower case, accents off: how the register's check compares words."""
    import unicodedata
    s = unicodedata.normalize('NFKD', s.lower())
    return ''.join(c for c in s if not unicodedata.combining(c))

def register_entries(pdf):
    """[(term, [page...], register page)] from the pages after the
    "Register" bookmark; a subentry's term is "main > sub"."""
    top = outlines(pdf)
    first = [o['destpageposfrom1'] for o in top if o['title'] == 'Register']
    if not first:
        say(f'{os.path.basename(pdf)}: no "Register" bookmark')
        return []
    ents, main = [], None
    for n in range(first[0], npages(pdf) + 1):
        for l in page_text(pdf, n).split('\n')[1 if n == first[0] else 0:]:
            l = l.strip()
            if not l or re.fullmatch(r'\d+', l) and l == str(n):
                continue
            m = re.fullmatch(r'(.*?\D)\s+(\d+(?:\u2013\d+)?(?:,\s*\d+(?:\u2013\d+)?)*),?', l)
            c = re.fullmatch(r'(\d+(?:\u2013\d+)?(?:,\s*\d+(?:\u2013\d+)?)*),?', l)
            if c and ents:
                nums = c.group(1)
            elif m:
                ents.append([m.group(1), [], n])
                nums = m.group(2)
            else:
                ents.append([l, [], n])
                continue
            for r in re.split(r',\s*', nums):
                a, _, b = r.partition('\u2013')
                ents[-1][1].extend(range(int(a), int(b or a) + 1))
    return ents

def c_register(*pdfs):
    """Every page the register lists carries its term: each of its words,
    less two letters at most (prijs, prijzen), in a compound too."""
    for pdf in pdfs:
        ents = register_entries(pdf)
        if len(ents) < 10:
            say(f'{os.path.basename(pdf)}: {len(ents)} register entries, expected the glossary\'s at least')
        keys = [fold(e[0]) for e in ents]
        for term, pages, _ in ents:
            if not pages:
                continue
            # an inflection keeps all but the last two letters at most
            # (klantvoordeel: klantvoordelen; prijs: prijzen)
            words = [w[:max(len(w) - 2, 1)] for w in re.findall(r'\w+', fold(term))]
            for n in pages:
                text = fold(norm(page_text(pdf, n)))
                miss = [w for w in words if w not in text]
                if miss:
                    say(f'{os.path.basename(pdf)}: register "{term}" lists page {n}, which has no {miss}')

def c_register_links(pdf):
    """Each page number of the register is a link to that page."""
    ents = register_entries(pdf)
    if not ents:
        return
    a, b = ents[0][2], npages(pdf)
    res, pages, val = annots(pdf)
    nlinks = 0
    for n in range(a, b + 1):
        bb = run('pdftotext', '-bbox', '-f', str(n), '-l', str(n), pdf, '-').stdout
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bb)
        h = float(m.group(2)) if m else 0
        ws = [(float(w[0]), float(w[1]), float(w[2]), float(w[3]), w[4]) for w in
              re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bb)]
        for x in res.get(n, []):
            if not x or x.get('/Subtype') != '/Link':
                continue
            nlinks += 1
            d = x.get('/Dest') or (x.get('/A') or {}).get('/D')
            if isinstance(d, str) and d.endswith(' R'):
                d = val(d)
            if not isinstance(d, list) or d[0] not in pages:
                say(f'a register link on page {n} has no destination page: {x}')
                continue
            x0, y0, x1, y1 = (float(v) for v in x['/Rect'])
            # a range ("15\u201317") is one word over two links: overlap will do
            inside = [w[4] for w in ws if w[0] < x1 and w[2] > x0 and h - y1 <= (w[1] + w[3]) / 2 <= h - y0]
            got = pages.index(d[0]) + 1
            nums = [int(t) for t in re.findall(r'\d+', ' '.join(inside))]
            if got not in nums:
                say(f'page {n}: the register link over {inside} goes to page {got}')
    want = sum(len(re.findall(r'\d+', ','.join(map(str, e[1])))) for e in ents)
    if nlinks == 0 or nlinks > want:
        say(f'{nlinks} links on the register pages for {want} page numbers')

def c_info(*a):
    """PDF TITLE ...: /Title is TITLE (any, if empty), /Lang is nl."""
    for pdf, title in zip(a[0::2], a[1::2]):
        info1(pdf, title)

def info_dict(pdf):
    d = qjson(pdf, 'qpdf')['qpdf'][1]
    tr = d['trailer']['value']
    return d.get('obj:' + tr['/Info'], {}).get('value', {}) if tr.get('/Info') else {}

def c_date(prefix, *pdfs):
    for pdf in pdfs:
        c = info_dict(pdf).get('/CreationDate', 'none')
        c = c[2:] if c.startswith(('u:', 'b:')) else c
        if not c.startswith(prefix):
            say(f'{os.path.basename(pdf)}: /CreationDate {c}, expected {prefix}...')

def info1(pdf, title):
    d = qjson(pdf, 'qpdf')['qpdf'][1]
    tr = d['trailer']['value']
    info = d.get('obj:' + tr.get('/Info', ''), {}).get('value', {}) if tr.get('/Info') else {}
    root = d.get('obj:' + tr['/Root'], {}).get('value', {})
    t = info.get('/Title', '')
    t = t[2:] if t.startswith(('u:', 'b:')) else t
    if title and t != title:
        say(f'{os.path.basename(pdf)}: /Title "{t}", expected "{title}"')
    if not title and not t:
        say(f'{os.path.basename(pdf)}: no /Title in the document information')
    if root.get('/Lang') not in ('u:nl', 'nl'):
        say(f'{os.path.basename(pdf)}: /Lang is {root.get("/Lang")}, expected nl')

def c_table(pdf, nrows):
    nrows = int(nrows)
    last = npages(pdf)
    seen = {}
    spans = []
    for n in range(1, last + 1):
        lines = [l for l in page_text(pdf, n, True).split('\n') if l.strip()]
        rows = [k for k, l in enumerate(lines) if re.match(r'^\s*\d+\s+Klant\d', l)]
        if not rows:
            continue
        spans.append(n)
        head = [k for k, l in enumerate(lines) if re.fullmatch(r'\s*Nr\s+Klant\s+Omzet\s*', l)]
        if not head:
            say(f'page {n}: no header row "Nr Klant Omzet"')
        elif head[0] + 1 != rows[0]:
            say(f'page {n}: the header is not right above the table: {lines[head[0]:rows[0] + 1]}')
        # every word of a row carries its number: "Klant17", "Holding17"
        for w in re.findall(r'[A-Za-z]+(\d+)', page_text(pdf, n, True)):
            seen.setdefault(int(w), set()).add(n)
    if len(spans) < 3:
        say(f'the table spans pages {spans}, expected at least 3')
    for r in range(1, nrows + 1):
        p = seen.get(r)
        if not p:
            say(f'row {r} is missing')
        elif len(p) > 1:
            say(f'row {r} is split over pages {sorted(p)}')
    extra = sorted(set(seen) - set(range(1, nrows + 1)))
    if extra:
        say(f'rows that are not in the table: {extra[:10]}')

def c_amounts(pdf, want):
    """No line ends in a euro sign and none starts with a percent sign; every
    amount is there.  Table cells: pdftotext -layout, cut at wide gaps."""
    plain_t = run('pdftotext', pdf, '-').stdout
    lay = run('pdftotext', '-layout', pdf, '-').stdout
    frags = [f.strip() for l in lay.split('\n') for f in re.split(r'\s{2,}', l) if f.strip()]
    for where, ls in (('line', plain_t.split('\n')), ('cell line', frags)):
        for l in ls:
            l = l.strip()
            if re.search(r'€\W*$', l):
                say(f'a {where} ends in a euro sign: "{l}"')
            if l.startswith('%'):
                say(f'a {where} starts with a percent sign: "{l}"')
    n = len(re.findall(r'€ 1\.250,00', norm(plain_t))), len(re.findall(r'15 %', norm(plain_t)))
    w = tuple(int(x) for x in want.split(','))
    if n != w:
        say(f'found "€ 1.250,00" and "15 %" {n[0]} and {n[1]} times, expected {w[0]} and {w[1]}')

getattr(sys.modules[__name__], 'c_' + check)(*args)
if out:
    print('\n'.join(out[:60]))
EOF
}

need() {	# need teacher|student|chapters...: note what the build did not write
	n=0
	for w; do
		case $w in
		teacher) [ -s "$teacher" ] || { note "no teacher PDF (see pdf/build)"; n=1; } ;;
		student) [ -s "$student" ] || { note "no student PDF (see pdf/build)"; n=1; } ;;
		chapters)
			for f in $mds; do
				[ -s "$tmp/a/out/pdf/$(basename "$f" .md).pdf" ] ||
				    { note "no $(basename "$f" .md).pdf (see pdf/build)"; n=1; }
			done ;;
		esac
	done
	return $n
}

pycheck() {	# pycheck CHECK ARGS...: py, its output as details
	py "$@" > "$tmp/py.out" 2>&1 || note "python check $1 failed to run"
	note_file "$tmp/py.out" 60
}

# pytool TOOL PDF...: tests/tools/TOOL run by Debian's python3 (pikepdf,
# fontTools); the problems it prints become the details.
pytool() {
	t=$1
	shift
	if /usr/bin/python3 -c 'import pikepdf, fontTools' 2>/dev/null; then
		/usr/bin/python3 "$top/tests/tools/$t" "$@" > "$tmp/pytool" 2>&1 ||
		    note "$t failed"
		sed "s|$tmp/||" "$tmp/pytool" | head -n 20 >> "$why"
	else
		note "python3-pikepdf and python3-fonttools are needed (.ci/deps test)"
	fi
}

# ------------------------------------------------------------ the sample

have qpdf pdftotext pdffonts pdfinfo python3 timeout
tools_ok=$?
# the interpreter itself, not a version manager's shim in front of it
python=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -x "$python" ] || python=python3
if [ $tools_ok != 0 ]; then
	result pdf/tools
	exit 0
fi
# ulimit -v stops a sanitizer build (it maps terabytes of shadow memory).
limit_mem=
# (The extra shell keeps the note of the probe's death off stderr.)
(sh -c 'ulimit -v "$1" && exec "$2" --version' sh "$limit_kb" "$bin"; exit $?) \
    > /dev/null 2>&1 && limit_mem=1

title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$top/content/salesgen.xml" | head -n 1)
slug=$(printf '%s' "$title" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9]\{1,\}/-/g; s/^-//; s/-$//')
mds=$(ls "$top"/content/*.md | LC_ALL=C sort)
nch=$(printf '%s\n' "$mds" | wc -l | tr -d ' ')
teacher=$tmp/a/out/pdf/$slug.pdf
student=$tmp/a/out/pdf/$slug-student.pdf

copy_sample "$tmp/a"
build "$tmp/a"
# Two more builds for the determinism checks, in the background meanwhile.
copy_sample "$tmp/b"
copy_sample "$tmp/c"
build "$tmp/b" --only pdf -q &
SOURCE_DATE_EPOCH=1700000000 build "$tmp/c" --only pdf -q &
st=$(cat "$tmp/a.status")
[ "$st" = 0 ] || { note "exit status $st, expected 0"; note_file "$tmp/a.err"; }
grep -q ': error: ' "$tmp/a.err" && { note "errors:"; grep ': error: ' "$tmp/a.err" | head -n 10 >> "$why"; }
want="$slug.pdf $slug-student.pdf"
for f in $mds; do want="$want $(basename "$f" .md).pdf"; done
# the sales documents of the project, one PDF each
for f in "$top"/content/data/*.xml; do
	[ -f "$f" ] && want="$want $(basename "$f" .xml).pdf"
done
for f in $want; do
	[ -s "$tmp/a/out/pdf/$f" ] || note "missing: out/pdf/$f"
done
for f in "$tmp"/a/out/pdf/* "$tmp"/a/out/pdf/.*; do
	[ -f "$f" ] || continue
	f=$(basename "$f")
	case " $want " in *" $f "*) ;; *) note "unexpected file: out/pdf/$f" ;; esac
done
result pdf/build

pdfs=
for f in $want; do [ -s "$tmp/a/out/pdf/$f" ] && pdfs="$pdfs $tmp/a/out/pdf/$f"; done

# -------------------------------------------------- renders of small files

mkdir -p "$tmp/r"

# A table of 300 rows; every 7th has a customer name that wraps, and every
# word of a row carries the row's number so a row cut in two shows.
{
	printf '# Omzet per klant\n\nDe omzet van alle klanten in het afgelopen jaar.\n\n'
	printf '| Nr | Klant | Omzet |\n|---:|---|---:|\n'
	i=1
	while [ $i -le 300 ]; do
		if [ $((i % 7)) = 0 ]; then
			n="Klant$i Groothandel$i Installatietechniek$i Nederland$i Beheer$i Holding$i Deelnemingen$i Internationaal$i Vestiging$i Zuid$i Oost$i West$i"
		else
			n="Klant$i BV$i"
		fi
		printf '| %d | %s | € %d.%03d |\n' $i "$n" $((i * 7 / 10)) $((i * 37 % 1000))
		i=$((i + 1))
	done
	printf '\nNa de tabel volgt gewone tekst.\n'
} > "$tmp/r/tabel.md"
render "$tmp/r/tabel.md" tabel.pdf > "$tmp/r/tabel.out" 2> "$tmp/r/tabel.err"
st=$?
[ $st = 0 ] || { note "render exit status $st"; note_file "$tmp/r/tabel.err"; }
[ -s "$tmp/r/tabel.pdf" ] && pycheck table "$tmp/r/tabel.pdf" 300
result pdf/table-300-rows
[ -s "$tmp/r/tabel.pdf" ] && pdfs="$pdfs $tmp/r/tabel.pdf"

# A table's label is set once, with or without a caption (the HTML has
# "Tabel 1" and "Tabel 2 Omzet van ...").
cp "$top/tests/pdf/table-captions.md" "$tmp/r/"
render "$tmp/r/table-captions.md" table-captions.pdf > /dev/null 2> "$tmp/r/tc.err"
st=$?
[ $st = 0 ] || { note "render exit status $st"; note_file "$tmp/r/tc.err"; }
if [ -s "$tmp/r/table-captions.pdf" ]; then
	pdftotext -layout "$tmp/r/table-captions.pdf" - | sed 's/^ *//; s/ *$//' | grep '^Tabel [0-9]' > "$tmp/r/tc.txt"
	printf 'Tabel 1\nTabel 2 Omzet van Drukkerij De Vries\n' | diff - "$tmp/r/tc.txt" > "$tmp/r/tc.diff" ||
	    { note "table labels (expected, got):"; note_file "$tmp/r/tc.diff"; }
	pdfs="$pdfs $tmp/r/table-captions.pdf"
fi
result pdf/table-label-once

# Dutch letters, the euro sign, quotes and dashes come back out as set.
chars='één, ideeën, coöperatie, € 1.250,00, „quote” ‘x’ – —'
printf '# Tekens\n\n%s\n' "$chars" > "$tmp/r/tekens.md"
render "$tmp/r/tekens.md" tekens.pdf > /dev/null 2> "$tmp/r/tekens.err"
st=$?
[ $st = 0 ] || { note "render exit status $st"; note_file "$tmp/r/tekens.err"; }
note_file "$tmp/r/tekens.err"
if [ -s "$tmp/r/tekens.pdf" ]; then
	pdftotext "$tmp/r/tekens.pdf" - > "$tmp/r/tekens.txt" 2>&1
	grep -qxF "$chars" "$tmp/r/tekens.txt" || {
		note "expected the line: $chars"
		note "got:"
		note_file "$tmp/r/tekens.txt" 8
	}
	pdfs="$pdfs $tmp/r/tekens.pdf"
fi
result pdf/characters-round-trip

# A character that no installed font has: a warning with its position.
cp=
have fc-list || cp=none
for c in 4E2D 0F40 1200 A000 10330; do
	[ "$cp" = none ] && break
	if [ -z "$(fc-list ":charset=$c" 2>/dev/null)" ]; then cp=$c; break; fi
done
if [ "$cp" = none ]; then
	:
elif [ -z "$cp" ]; then
	note "every candidate character (U+4E2D U+0F40 U+1200 U+A000 U+10330) is in an installed font"
else
	ch=$("$python" -c "import sys; sys.stdout.write(chr(0x$cp))")
	printf '# Glyph\n\nEen zin op de eerste regel\nen het teken %s op de tweede.\n' "$ch" > "$tmp/r/glyph.md"
	render "$tmp/r/glyph.md" glyph.pdf > /dev/null 2> "$tmp/r/glyph.err"
	st=$?
	[ $st = 0 ] || note "exit status $st, expected 0"
	# The paragraph starts on line 3; the character is on line 4, column 14.
	grep -q "^glyph\.md:[34]:[0-9]*: warning: character U+$cp " "$tmp/r/glyph.err" || {
		note "expected glyph.md:4:14: warning: character U+$cp ... (line 3 or 4), got:"
		note_file "$tmp/r/glyph.err"
	}
	[ "$(grep -c 'warning: character' "$tmp/r/glyph.err")" -le 1 ] ||
		note "the warning is given more than once"
	[ -s "$tmp/r/glyph.pdf" ] || note "no PDF written"
fi
result pdf/missing-glyph-warning

# "€ 1.250,00" and "15 %" stay on one line: a long justified paragraph
# with the amounts at ever other places, amounts broken across source
# lines, and a table of narrow columns.
"$python" - "$tmp/r/bedragen.md" <<'EOF'
import random, sys
random.seed(7)
fill = 'de klant betaalt voor het onderhoud per kwartaal ongeveer een bedrag van'.split()
forms = ['€ 1.250,00', '15 %', '(€ 1.250,00)', '15 %,', '€ 1.250,00.', '15 %;']
para = []
for i in range(240):
    para += random.sample(fill, random.randint(0, 5)) + [forms[i % 6]]
cells = ['', 'de ', 'een korting ', 'per kwartaal ', 'voor het onderhoud ']
rows = ['| ' + ' | '.join(f'{cells[(i + c) % 5]}kosten € 1.250,00 en {cells[(i * c) % 5]}marge 15 % klaar'
                          for c in range(5)) + ' |' for i in range(20)]
open(sys.argv[1], 'w').write('# Bedragen\n\n' + ' '.join(para) + '\n\n'
    + 'Een bedrag van €\n1.250,00 en een korting van 15\n% over twee regels.\n\n'
    + '| A | B | C | D | E |\n|---|---|---|---|---|\n' + '\n'.join(rows) + '\n')
EOF
render "$tmp/r/bedragen.md" bedragen.pdf > /dev/null 2> "$tmp/r/bedragen.err"
st=$?
[ $st = 0 ] || { note "render exit status $st"; note_file "$tmp/r/bedragen.err"; }
# 240 / 2 + 1 + 20 x 5 of each
[ -s "$tmp/r/bedragen.pdf" ] && pycheck amounts "$tmp/r/bedragen.pdf" 221,221
result pdf/amounts-not-split
[ -s "$tmp/r/bedragen.pdf" ] && pdfs="$pdfs $tmp/r/bedragen.pdf"

# -o - writes the PDF to standard output.
(cd "$tmp/r" && $VALGRIND "$bin" render -t pdf tekens.md -o -) > "$tmp/r/stdout.pdf" 2> "$tmp/r/stdout.err"
st=$?
[ $st = 0 ] || { note "exit status $st"; note_file "$tmp/r/stdout.err"; }
head -c 5 "$tmp/r/stdout.pdf" | grep -q '^%PDF-' || note "standard output does not start with %PDF-"
qpdf --check "$tmp/r/stdout.pdf" > "$tmp/r/stdout.q" 2>&1 || { note "qpdf --check:"; note_file "$tmp/r/stdout.q"; }
[ -s "$tmp/r/stdout.err" ] && { note "stderr:"; note_file "$tmp/r/stdout.err"; }
result pdf/render-to-stdout

# A render that fails exits 1 and leaves the output as it was.
mkdir -p "$tmp/f"
cp "$top/tests/pdf/unknown-callout.md" "$tmp/f/"
cp "$tmp/r/tekens.pdf" "$tmp/f/keep.pdf" 2>/dev/null || echo 'not a pdf' > "$tmp/f/keep.pdf"
cp "$tmp/f/keep.pdf" "$tmp/was.pdf"
before=$(ls -A "$tmp/f")
render "$tmp/f/unknown-callout.md" keep.pdf > /dev/null 2> "$tmp/fail.err"
st=$?
[ $st = 1 ] || note "exit status $st, expected 1"
grep -q "^unknown-callout\.md:3:3: error: unknown callout kind 'foo'" "$tmp/fail.err" || {
	note "expected unknown-callout.md:3:3: error: unknown callout kind 'foo' ..., got:"
	note_file "$tmp/fail.err"
}
cmp -s "$tmp/f/keep.pdf" "$tmp/was.pdf" || note "the existing output file was changed"
render "$tmp/f/unknown-callout.md" new.pdf > /dev/null 2>&1
[ -e "$tmp/f/new.pdf" ] && note "a failed render created new.pdf"
rm -f "$tmp/f/new.pdf"
[ "$(ls -A "$tmp/f")" = "$before" ] || note "files left behind: $(ls -A "$tmp/f" | tr '\n' ' ')"
result pdf/failed-render-keeps-output

# A table row taller than a page (a long cell in a narrow column) must not
# hang the paginator, and its text must all be on the pages.
"$python" - "$tmp/r/lange-cel.md" <<'EOF'
import sys
w = ('klant omzet korting levering factuur contract offerte ' * 130).split()
open(sys.argv[1], 'w').write('# Lange cel\n\n| A | B | C | D | E |\n|---|---|---|---|---|\n'
                             f'| {" ".join(w)} | b | c | d | e |\n| x | y | z | w | v |\n')
EOF
(cd "$tmp/r" && limited "$bin" render -t pdf lange-cel.md -o lange-cel.pdf) > /dev/null 2> "$tmp/r/lange-cel.err"
st=$?
case $st in
0)	# nothing lost: the cell's words all on a page, none past its edge
	n=$(pdftotext "$tmp/r/lange-cel.pdf" - 2>/dev/null | grep -o 'offerte' | wc -l | tr -d ' ')
	[ "$n" = 130 ] || note "\"offerte\" is 130 times in the cell, $n times in the PDF's text (the rest is set below the page)"
	pdftotext -bbox "$tmp/r/lange-cel.pdf" - 2>/dev/null | awk -F'"' '
	    /<page / { h = $4 } /<word / && $8 + 0 > h + 0 { n++ }
	    END { if (n) print n " words extend below the bottom edge of their page" }' >> "$why" ;;
124)	note "salesgen render did not finish within $limit_s s (a table row taller than the text area; paginate() loops)" ;;
*)	note "exit status $st (the paginator loops: a table row taller than the text area)"
	grep -v '^[[:space:]]*0x' "$tmp/r/lange-cel.err" | head -n 3 >> "$why" ;;
esac
result pdf/table-row-taller-than-page

# ------------------------------------------------------------ code blocks

# codecheck CHECK PDF ARGS...: the code-block checks on pdftotext -bbox;
# each prints what is wrong, one line per problem.
codecheck() {
	"$python" - "$@" <<'EOF' >> "$why" 2>&1 || note "python check $1 failed to run"
import re, subprocess, sys
check, pdf, args = sys.argv[1], sys.argv[2], sys.argv[3:]
bb = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True).stdout
page_w = float(re.search(r'<page width="([\d.]+)"', bb).group(1))
words = [(m.group(5), float(m.group(1)), float(m.group(2)), float(m.group(3)))
         for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bb)]
def rows():
    """The words grouped into rows by their top, each row left to right."""
    r = {}
    for w in words:
        r.setdefault(round(w[2]), []).append(w)
    return [sorted(v, key=lambda w: w[1]) for _, v in sorted(r.items())]
def find(text):
    return [w for w in words if w[0] == text]

if check == 'tabs':
    # args: tab width, then TOKEN=COLUMN...; the reference line is the
    # alphabet at column 0, which also gives the width of a column
    ref = find('abcdefghijklmnopqrstuvwxyz')
    if not ref:
        print('the line "abcdefghijklmnopqrstuvwxyz" is not in the PDF')
        sys.exit(0)
    x0, cw = ref[0][1], (ref[0][3] - ref[0][1]) / 26
    for a in args[1:]:
        tok, col = a.split('=')
        w = find(tok)
        if not w:
            print(f'{tok}: not in the PDF')
            continue
        got = (w[0][1] - x0) / cw
        if abs(got - int(col)) > 0.1:
            print(f'{tok}: at column {got:.2f}, expected {col} (tab stops every {args[0]})')

elif check == 'wrap':
    # args: the long lines, each its own line of the block, which starts
    # with the line "begin" (column 0); every
    # continuation row starts with the mark at the line's indentation (its
    # text two columns further), no word leaves the box, and the rows put
    # together give the line back
    measure = 453.543	# 160 mm
    left = (page_w - measure) / 2
    right = left + measure - 6	# the box's padding
    for w in words:
        if w[1] < left - 0.01 or w[3] > right + 0.05:
            print(f'"{w[0]}" at x {w[1]:.2f}..{w[3]:.2f}, outside the code box\'s text area {left:.2f}..{right:.2f}')
    rs = rows()
    if not find('begin'):
        print('the line "begin" is not in the PDF')
        sys.exit(0)
    col0 = find('begin')[0][1]
    cw = None
    for line in args:
        ind = len(line) - len(line.lstrip(' '))
        first = line.split()[0]
        # a word longer than a row is cut: the row holds its start
        start = [k for k, r in enumerate(rs) if len(r[0][0]) > 4 and first.startswith(r[0][0])]
        if not start:
            print(f'the line starting "{first[:30]}" is not in the PDF')
            continue
        k = start[0]
        got = [rs[k]]
        while k + 1 < len(rs) and rs[k + 1][0][0] == '\u21aa':
            k += 1
            got.append(rs[k])
        if len(got) < 3:
            print(f'the {len(line)}-character line starting "{first[:30]}" is set on {len(got)} rows, expected 3 or more with a mark on each continuation')
            continue
        text = ''.join(w[0] for r in got for w in r if w[0] != '\u21aa')
        if text != line.replace(' ', ''):
            print(f'the rows of the line starting "{first[:30]}" do not give it back: {text[:80]}...')
        # the width of a column: the first row is set from column ind on
        r0 = got[0]
        if cw is None:
            big = max(r0, key=lambda w: len(w[0]))
            cw = (big[3] - big[1]) / len(big[0])
        for r in got[1:]:
            mark, head = r[0], r[1] if len(r) > 1 else None
            mcol = (mark[1] - col0) / cw
            if abs(mcol - ind) > 0.2:
                print(f'a mark of the line starting "{first[:30]}" at column {mcol:.2f}, expected {ind} (the line\'s indentation)')
            if head is not None and abs((head[1] - col0) / cw - ind - 2) > 0.2:
                print(f'a continuation of the line starting "{first[:30]}" at column {(head[1] - col0) / cw:.2f}, expected {ind + 2}')
        # a row ends after a space or a punctuation mark when the line has them
        toks = set(line.split())
        if len(toks) > 1:
            for r in got[:-1]:
                last = r[-1][0]
                if last not in toks and not re.search(r'[,;:.()\[\]{}=+*/<>-]$', last):
                    print(f'a row of the line starting "{first[:30]}" ends inside a word: "{last}"')

elif check == 'split':
    # blocks bN of lines bNrM: one that runs over a page leaves two lines
    # or more on each; one of four lines or fewer is not split
    pages = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True).stdout.split('\f')
    where = {}
    for p, t in enumerate(pages, 1):
        for m in re.finditer(r'\bb(\d+)r(\d+)\b', t):
            where.setdefault(int(m.group(1)), {}).setdefault(p, []).append(int(m.group(2)))
    if len(where) != int(args[0]):
        print(f'{len(where)} blocks in the PDF, expected {args[0]}')
    split = 0
    for b, ps in sorted(where.items()):
        n = sum(len(v) for v in ps.values())
        if len(ps) > 1:
            split += 1
            parts = [len(v) for _, v in sorted(ps.items())]
            if n <= 4 or min(parts) < 2:
                print(f'block {b} of {n} lines is split {"+".join(map(str, parts))} over pages {sorted(ps)}')
    if split == 0:
        print('no block runs over a page: the test tests nothing')
EOF
}

# Tabs in a code block go to the next tab stop, every 4 columns, counted
# in characters (é and € are one column, however many bytes): no warning
# about U+0009, the indentation kept.
mkdir -p "$tmp/code"
T=$(printf '\t')
printf '%s\n' '# Tabs' '' "Een \`code${T}span\` met een tab." '' '```' 'abcdefghijklmnopqrstuvwxyz' \
    "a${T}T1" "ab${T}T2" "abc${T}T3" "abcd${T}T4" "${T}T5" "ééé${T}T6" "€€${T}T7" \
    "x${T}${T}T8" "abcdefghi${T}T9" "ab${T}cd${T}T10" "  ${T}T11" '```' > "$tmp/code/tabs.md"
render "$tmp/code/tabs.md" tabs.pdf > /dev/null 2> "$tmp/code/tabs.err"
st=$?
[ $st = 0 ] || note "render exit status $st"
[ -s "$tmp/code/tabs.err" ] && { note "diagnostics, expected none:"; note_file "$tmp/code/tabs.err"; }
if [ -s "$tmp/code/tabs.pdf" ]; then
	codecheck tabs "$tmp/code/tabs.pdf" 4 T1=4 T2=4 T3=4 T4=8 T5=4 T6=4 T7=4 \
	    T8=8 T9=12 T10=8 T11=4
	# a tab in a code span is a space
	pdftotext "$tmp/code/tabs.pdf" - | grep -q '^Een code span met een tab\.$' ||
	    note "the code span with a tab is not set as 'code span'"
	pdfs="$pdfs $tmp/code/tabs.pdf"
fi
result pdf/code-tabs-to-stops

# <code tabs="8"/> in salesgen.xml sets the stops of every PDF a build
# writes.
d=$tmp/code/p8
mkdir -p "$d/content"
printf '<course><title>Tabs</title><code tabs="8"/></course>\n' > "$d/salesgen.xml"
cp "$tmp/code/tabs.md" "$d/content/01-tabs.md"
build "$d"
[ "$(cat "$d.status")" = 0 ] || note "build exit status $(cat "$d.status")"
grep -E ': (error|warning): ' "$d.err" >> "$why"
for f in "$d/out/pdf/01-tabs.pdf" "$d/out/pdf/tabs.pdf"; do
	if [ -s "$f" ]; then
		codecheck tabs "$f" 8 T1=8 T2=8 T3=8 T4=8 T5=8 T6=8 T7=8 \
		    T8=16 T9=16 T10=16 T11=8
	else
		note "no $(basename "$f")"
	fi
done
result pdf/code-tabs-setting

# A code line of 300 characters stays inside the box: it wraps, after a
# space or punctuation where the line has them, each continuation marked
# with ↪ at the line's indentation; nothing is lost.
"$python" - "$tmp/code/wrap.md" "$tmp/code/wrap.args" <<'EOF'
import sys
a = '    ' + 'offerte.totaal(klant, korting) + ' * 9 + 'btw'
b = '0123456789' * 30
open(sys.argv[1], 'w').write('# Lange regels\n\n```\nbegin\n' + a + '\n' + b + '\neinde\n```\n')
open(sys.argv[2], 'w').write(a + '\n' + b + '\n')
EOF
render "$tmp/code/wrap.md" wrap.pdf > /dev/null 2> "$tmp/code/wrap.err"
st=$?
[ $st = 0 ] || note "render exit status $st"
[ -s "$tmp/code/wrap.err" ] && { note "diagnostics, expected none:"; note_file "$tmp/code/wrap.err"; }
if [ -s "$tmp/code/wrap.pdf" ]; then
	a=$(sed -n 1p "$tmp/code/wrap.args")
	b=$(sed -n 2p "$tmp/code/wrap.args")
	codecheck wrap "$tmp/code/wrap.pdf" "$a" "$b"
	pdfs="$pdfs $tmp/code/wrap.pdf"
fi
result pdf/code-long-line-wraps

# A code block that runs over a page leaves at least two of its lines on
# each page, and one of four lines or fewer is not split: 150 blocks of 3
# to 13 lines after paragraphs of 1 to 6 sentences put page ends at every
# place in a block.
"$python" - "$tmp/code/split.md" <<'EOF'
import sys
out = ["# Codeblokken over pagina's", '']
zin = 'De verkoper legt de offerte naast het verkoopplan en kijkt of de korting past. '
for i in range(150):
    out += [zin * (i * 7 % 6 + 1), '', '```']
    out += [f'b{i}r{j} = offerte.regel({j}) * korting' for j in range(3 + i * 5 % 11)]
    out += ['```', '']
open(sys.argv[1], 'w').write('\n'.join(out))
EOF
render "$tmp/code/split.md" split.pdf > /dev/null 2> "$tmp/code/split.err"
st=$?
[ $st = 0 ] || { note "render exit status $st"; note_file "$tmp/code/split.err"; }
if [ -s "$tmp/code/split.pdf" ]; then
	codecheck split "$tmp/code/split.pdf" 150
	pdfs="$pdfs $tmp/code/split.pdf"
fi
result pdf/code-split-two-lines-each-page

# ------------------------------------- other tools' markup, HTML inside
# The MkDocs-, MyST- and Quarto-flavoured projects build with no error or
# warning, and their PDFs hold the callouts' text, never the other tools'
# marks.
for p in compat-mkdocs compat-myst compat-quarto; do
	mkdir -p "$tmp/c"
	cp -R "$top/tests/regress/project/$p" "$tmp/c/$p"
	build "$tmp/c/$p"
	[ "$(cat "$tmp/c/$p.status")" = 0 ] || note "$p: build exit status $(cat "$tmp/c/$p.status")"
	grep -E ': (error|warning): ' "$tmp/c/$p.err" >> "$why"
	for f in "$tmp/c/$p/out/pdf/"*.pdf; do
		pdftotext "$f" - 2>/dev/null | grep -nE '^ *(:::|!!!|\?\?\?|```)|\{[a-z]+\}|\[!|<!--|docent:' |
		    sed "s|^|$p/$(basename "$f"): markup in the text: |" >> "$why"
		pdfs="$pdfs $f"
	done
done
t=$(pdftotext "$tmp/c/compat-mkdocs/out/pdf/01-gesprek.pdf" - 2>/dev/null)
for w in 'Open vragen' 'Schrijf de antwoorden letterlijk op.' 'Zo klinkt het' \
    'Praat nooit over de concurrent.' 'Voorbereiding' '☑ Agenda verstuurd' \
    '☐ Verslag gemaakt' 'Laat na een vraag gerust drie seconden stilte vallen.'; do
	printf '%s\n' "$t" | grep -qF -- "$w" || note "01-gesprek.pdf lacks '$w'"
done
t=$(pdftotext "$tmp/c/compat-quarto/out/pdf/01-afsluiten.pdf" - 2>/dev/null)
for w in 'Koopsignalen' 'Niet drammen' 'Een kantlijn wordt gewone tekst.'; do
	printf '%s\n' "$t" | grep -qF -- "$w" || note "01-afsluiten.pdf lacks '$w'"
done
result pdf/foreign-markup-projects

# HTML comments reach no output, whatever the raw setting: not the site,
# not either edition's PDF.
for raw in no yes; do
	d=$tmp/h-$raw
	mkdir -p "$d/content"
	printf '<course><html raw="%s"/></course>\n' "$raw" > "$d/salesgen.xml"
	printf '%s\n' '# Toets' '' 'Kies het juiste antwoord. <!-- docent: antwoorden B, C, A -->' '' \
	    '<!-- docent: de toets duurt twintig minuten -->' '' '<!--' 'docent: over twee regels' \
	    '-->' '' 'Einde van de toets.' > "$d/content/01-toets.md"
	build "$d"
	[ "$(cat "$d.status")" = 0 ] || { note "raw=$raw: build exit status $(cat "$d.status")"; note_file "$d.err"; }
	grep -rl 'docent' "$d/out/site" | sed "s|^|raw=$raw: a comment reached |" >> "$why"
	for f in "$d/out/pdf/"*.pdf; do
		pdftotext "$f" - 2>/dev/null | grep -q 'docent' && note "raw=$raw: a comment reached $(basename "$f")"
		pdftotext "$f" - 2>/dev/null | grep -q 'Einde van de toets' || note "raw=$raw: $(basename "$f") lost the text after the comments"
	done
done
result pdf/html-comments-absent

# With raw="yes" the PDF sets the inline tags as their styles, <br> as a
# line break, an iframe as a link with its title, and leaves other
# elements out with one note per file; no markup is printed.
d=$tmp/h-tags
mkdir -p "$d/content"
printf '<course><html raw="yes"/></course>\n' > "$d/salesgen.xml"
printf '%s\n' '# Tags' '' \
    'Water is H<sub>2</sub>O en de oppervlakte is 3 m<sup>2</sup>. Druk op <kbd>Ctrl</kbd>,' \
    'lees <u>dit</u>, <b>vet</b>, <strong>sterk</strong>, <i>schuin</i> en <em>nadruk</em>.<br>Tweede regel<br/>Derde regel.' '' \
    '<iframe src="https://video.example.org/embed/pitch" title="Video over de pitch"></iframe>' '' \
    '<div class="kader">Een kader</div>' '' '<span>los</span> en <details>meer</details>' > "$d/content/01-tags.md"
build "$d"
[ "$(cat "$d.status")" = 0 ] || { note "build exit status $(cat "$d.status")"; note_file "$d.err"; }
grep -q '^content/01-tags.md:8:1: note: HTML element <div> is left out of the PDF' "$d.err" ||
	grep -q '/01-tags.md:8:1: note: HTML element <div> is left out of the PDF' "$d.err" ||
	{ note "expected 01-tags.md:8:1: note: HTML element <div> is left out of the PDF ..., got:"; note_file "$d.err"; }
[ "$(grep -c 'is left out of the PDF' "$d.err")" = 1 ] || note "not one note for the file"
f=$d/out/pdf/01-tags.pdf
t=$(pdftotext -layout "$f" - 2>/dev/null)
printf '%s\n' "$t" | grep -n '[<>]' | sed 's/^/markup in the PDF: /' >> "$why"
for w in 'Water is H2O' 'Druk op Ctrl' 'Video over de pitch (https://video.example.org/embed/pitch)'; do
	printf '%s\n' "$t" | grep -qF -- "$w" || note "01-tags.pdf lacks '$w'"
done
printf '%s\n' "$t" | grep -q '^ *Tweede regel$' || note "<br> did not break the line before 'Tweede regel'"
printf '%s\n' "$t" | grep -q '^ *Derde regel\.' || note "<br/> did not break the line before 'Derde regel'"
qpdf --qdf --object-streams=disable "$f" - 2>/dev/null | grep -q 'video.example.org/embed/pitch' ||
	note "no link to the iframe's src"
# sub and sup: set smaller than the text and off its baseline
pdftotext -bbox "$f" - 2>/dev/null | "$python" -c '
import re, sys
w = [(m.group(5), float(m.group(2)), float(m.group(4)) - float(m.group(2)))
     for m in re.finditer(r"<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)</word>", sys.stdin.read())]
def script(base, name, up):
    for i in range(len(w) - 1):
        if w[i][0] == base and w[i + 1][0].startswith("2"):
            b, s = w[i], w[i + 1]
            if not s[2] < b[2] * 0.85:
                print("the 2 of %s is not set smaller (%.1f against %.1f)" % (name, s[2], b[2]))
            # baselines from the boxes: the descent of the face is about
            # 0.22 of the height of a box (Charis, DejaVu)
            shift = (s[1] + s[2] - 0.22 * s[2]) - (b[1] + b[2] - 0.22 * b[2])
            if up and not shift < -1.5:
                print("the 2 of %s is not raised (%.2f pt)" % (name, -shift))
            if not up and not shift > 0.7:
                print("the 2 of %s is not lowered (%.2f pt)" % (name, shift))
            return
    print("%s not found as %s then 2: %r" % (name, base, [t for t, _, _ in w][:20]))
script("H", "H2O", False)
script("m", "m2", True)
' >> "$why"
pdffonts "$f" 2>/dev/null | grep -q 'Mono' || note "no monospace font for <kbd>"
result pdf/raw-html-styles

# -------------------------------------------------- every PDF: validity

for f in $pdfs; do
	qpdf --check "$f" > "$tmp/q" 2>&1
	st=$?
	if [ $st != 0 ] || grep -qi 'warning' "$tmp/q"; then
		note "$(basename "$f"): qpdf --check exit status $st"
		grep -iv '^checking\|^PDF Version\|^File is not\|^No syntax\|^errors that qpdf' "$tmp/q" | head -n 5 | sed 's/^/  /' >> "$why"
	fi
done
result pdf/qpdf-check

for f in $pdfs; do
	pdffonts "$f" > "$tmp/fonts" 2> "$tmp/fonts.err"
	note_file "$tmp/fonts.err" 5
	# the columns end in: emb sub uni object-number generation
	awk -v f="$(basename "$f")" 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes") {
		print f ": font " $1 " emb=" $(NF-4) " uni=" $(NF-2) }' "$tmp/fonts" >> "$why"
	[ "$(wc -l < "$tmp/fonts")" -gt 2 ] || note "$(basename "$f"): no fonts"
done
result pdf/fonts-embedded-with-tounicode

# Every character shown has a glyph and its width: salesgen fills the
# fonts' /W and /CIDToGIDMap itself around libharu (gen/pdf/pdf_font.c).
pytool pdf_glyphs.py $pdfs
result pdf/every-glyph-mapped-at-its-width

# salesgen compresses its streams itself (gen/pdf/pdf_zip.c): every one
# but the XMP metadata is compressed, inflates to what it held (a font
# program to its /Length1, and a TrueType font fontTools reads) and ends
# where its /Length says.
pytool pdf_streams.py $pdfs
result pdf/streams-compressed-and-readable

for f in $pdfs; do
	for a in '' -layout; do
		pdftotext $a "$f" /dev/null 2> "$tmp/e"
		if [ -s "$tmp/e" ]; then
			note "$(basename "$f"): pdftotext $a writes to stderr:"
			sort "$tmp/e" | uniq -c | sort -rn | head -n 5 | sed 's/^/  /' >> "$why"
		fi
	done
	pdfinfo "$f" > /dev/null 2> "$tmp/e"
	[ -s "$tmp/e" ] && { note "$(basename "$f"): pdfinfo writes to stderr:"; note_file "$tmp/e" 5; }
done
result pdf/poppler-silent

# ------------------------------------------------- the sample's contents

if [ ! -f "$typo" ]; then
	note "$typo not found: md_words() and words_of() come from shared/tools beside the repository"
elif need teacher; then
	pycheck words "$teacher"
fi
result pdf/every-word-in-teacher-edition

answer='De score stijgt 10 punten, maar blijft negatief zolang er meer criticasters dan promotors zijn.'
question='Stel dat Datapoort erin slaagt 12 van de passives om te vormen tot promotors.'
for t in "$answer" "$question"; do
	grep -qF "$t" "$top/content/01-klant-centraal.md" || note "no longer in content/01-klant-centraal.md: $t"
done
need teacher student &&
    pycheck contains "$teacher" "$answer" 1 "$student" "$answer" 0 "$student" "$question" 1
result pdf/answers-teacher-not-student

if [ ! -f "$typo" ]; then
	note "$typo not found: the typography checks need shared/tools beside the repository"
elif need teacher; then
	"$python" "$typo" --typo --json "$teacher" > "$tmp/typo.json" 2> "$tmp/typo.err" ||
	    { note "pdf_typography.py failed:"; note_file "$tmp/typo.err"; }
	[ -s "$tmp/typo.json" ] && pycheck typo "$tmp/typo.json"
fi
result pdf/typography

need teacher student && pycheck contents "$teacher" "$student"
result pdf/contents-page-numbers

set -- "$teacher:course" "$student:course"
k=0
for f in $mds; do
	k=$((k + 1))
	set -- "$@" "$tmp/a/out/pdf/$(basename "$f" .md).pdf:$k"
done
need teacher student chapters && pycheck outline "$@"
result pdf/bookmarks

need teacher && pycheck links "$teacher" "$nch"
result pdf/contents-links

need teacher student && pycheck register "$teacher" "$student"
result pdf/register-pages-carry-terms

need teacher && pycheck register_links "$teacher"
result pdf/register-links

set -- "$teacher" "$title" "$student" "$title"
for f in $mds; do
	set -- "$@" "$tmp/a/out/pdf/$(basename "$f" .md).pdf" "$(sed -n 's/^# //p' "$f" | head -n 1)"
done
[ -s "$tmp/r/tekens.pdf" ] && set -- "$@" "$tmp/r/tekens.pdf" Tekens
need teacher student chapters && pycheck info "$@"
result pdf/document-info

# ------------------------------------------------------------ determinism

wait
[ "$(cat "$tmp/b.status")" = 0 ] || { note "second build failed"; note_file "$tmp/b.err"; }
for f in $want; do
	if [ ! -s "$tmp/a/out/pdf/$f" ] || [ ! -s "$tmp/b/out/pdf/$f" ]; then
		note "$f: missing from a build"
	elif ! cmp -s "$tmp/a/out/pdf/$f" "$tmp/b/out/pdf/$f"; then
		note "$f differs between two builds: $(cmp "$tmp/a/out/pdf/$f" "$tmp/b/out/pdf/$f" 2>&1 | head -n 1)"
	fi
done
result pdf/deterministic

[ "$(cat "$tmp/c.status")" = 0 ] || { note "build failed"; note_file "$tmp/c.err"; }
set --
for f in $want; do
	if [ -s "$tmp/c/out/pdf/$f" ]; then set -- "$@" "$tmp/c/out/pdf/$f"; else note "$f missing"; fi
done
[ $# -gt 0 ] && pycheck date D:20231114 "$@"
result pdf/source-date-epoch

# ------------------------------------------------ golden layout dumps

goldens

# The dump changes nothing in the PDF; a document that fails leaves none.
mkdir -p "$tmp/dump"
cp "$top/tests/regress/pdf/tabel.md" "$tmp/dump/"
printf '# Kop\n\nTekst.\n\n![Logo](a.png)\n' > "$tmp/dump/bad.md"
printf '\211PNG\r\n\032\n\0\0\0\rIHDRjunkjunk' > "$tmp/dump/a.png"
render "$tmp/dump/tabel.md" plain.pdf > /dev/null 2>&1 || note "render failed"
(SALESGEN_LAYOUT_DUMP=$tmp/dump/d.layout
export SALESGEN_LAYOUT_DUMP
render "$tmp/dump/tabel.md" dumped.pdf > /dev/null 2>&1 || note "render with the dump failed"
render "$tmp/dump/bad.md" bad.pdf > /dev/null 2>&1 && note "bad.md: exit status 0, expected 1")
cmp -s "$tmp/dump/plain.pdf" "$tmp/dump/dumped.pdf" ||
	note "the PDF differs with SALESGEN_LAYOUT_DUMP set"
[ -s "$tmp/dump/d.layout" ] || note "no dump written"
grep -q ' text .* Kop$' "$tmp/dump/d.layout" 2>/dev/null &&
	note "the failed document bad.md was dumped"
[ ! -e "$tmp/dump/bad.pdf" ] || note "bad.pdf written"
result pdf/layout-dump-neutral
exit 0
