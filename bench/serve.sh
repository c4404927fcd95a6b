#!/bin/sh
# Edit-to-page time of `salesgen serve` (issue 13): a generated course
# (bench/gen_course.py), served on a free port; ten edits to one chapter,
# each timed from the file's write to
#
#   page         the chapter's page, as served, holding the new text
#   chapter-pdf  out/pdf/<chapter>.pdf rewritten (new inode)
#   course-pdf   out/pdf/<course>.pdf rewritten
#
# and the median of each printed, with the machine's load average (the
# figures are wall times: on a shared machine they grow with it).  serve
# writes the edited chapter's page first (incr_first.c), then builds the
# rest, that chapter's PDF before the course PDFs.  Targets: 50 chapters, page < 200 ms,
# chapter PDF < 1 s, course PDF < 2 s; 1,000 chapters, page < 300 ms.
# Not a test: run by hand, the figures depend on the machine.
#
# With hugo installed (Debian package hugo), the same chapters are put in
# a bare Hugo site (one layout: the page's content) and `hugo server`'s
# edit-to-page time is measured the same way, for comparison.
#
#   sh bench/serve.sh [SALESGEN] [CHAPTERS...]     default: ./salesgen 50 1000
#
# EDITS=N times N edits instead of 10; SERVE_OPTS="--only site" passes
# options to serve (a site without PDFs).  Writes under bench/work/serve/
# (gitignored).
bin=$(cd "$(dirname "${1:-./salesgen}")" && pwd)/$(basename "${1:-./salesgen}")
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- 50 1000
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/bench/work/serve
mkdir -p "$work"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

for n in "$@"; do
	dir=$work/course-$n
	[ -d "$dir/content" ] || python3 "$top/bench/gen_course.py" "$n" "$dir" > /dev/null
	rm -rf "$dir/out"
	log=$work/serve-$n.log
	(cd "$dir" && exec "$bin" serve --port 0 $SERVE_OPTS > "$log" 2>&1) &
	pid=$!
	python3 - "$dir" "$log" "$n" "${EDITS:-10}" <<'EOF'
import os, re, statistics, sys, time, urllib.request

dir, log, n, edits = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
port = None
for _ in range(6000):
    m = re.search(r'at http://127\.0\.0\.1:(\d+)/', open(log).read())
    if m:
        port = int(m.group(1))
        break
    time.sleep(0.05)
if port is None:
    sys.exit('serve did not start: ' + open(log).read())
clean = re.findall(r'built in (\d+) ms', open(log).read())
chapters = sorted(os.listdir(os.path.join(dir, 'content')))
ch = chapters[len(chapters) // 2]
slug = ch[:-3]
src = os.path.join(dir, 'content', ch)
pdfdir = os.path.join(dir, 'out', 'pdf')
base = open(src).read()

def ino(p):
    if p is None:
        return None
    try:
        return os.stat(p).st_ino
    except OSError:
        return None

def course_pdf():
    # the teacher edition: the one PDF not named after a chapter or '-student'
    names = {c[:-3] + '.pdf' for c in chapters}
    if not os.path.isdir(pdfdir):
        return None
    for f in os.listdir(pdfdir):
        if f.endswith('.pdf') and f not in names and not f.endswith('-student.pdf'):
            return os.path.join(pdfdir, f)

def wait_idle(builds):
    # the previous build is over (serve logs a line per build): an edit
    # made while it runs would wait for it, and that is not what is timed
    while len(re.findall(r'built in \d+ ms', open(log).read())) < builds:
        time.sleep(0.05)
    time.sleep(0.2)

url = 'http://127.0.0.1:%d/%s.html' % (port, slug)
page, chpdf, cpdf = [], [], []
for k in range(edits):
    wait_idle(k + 1)
    marker = 'Bewerking-%s-%d' % (n, k)
    i0 = (ino(os.path.join(pdfdir, slug + '.pdf')), ino(course_pdf()))
    t0 = time.monotonic()
    with open(src + '.tmp', 'w') as f:
        f.write(base + '\n\n' + marker + '\n')
    os.rename(src + '.tmp', src)       # as an editor saves
    # without PDFs (SERVE_OPTS="--only site") only the page is timed
    got = [None, None, None] if os.path.isdir(pdfdir) else [None, 0, 0]
    while None in got and time.monotonic() - t0 < 120:
        now = time.monotonic() - t0
        if got[0] is None:
            body = urllib.request.urlopen(url).read().decode()
            if marker in body:
                got[0] = now
        if got[1] is None and ino(os.path.join(pdfdir, slug + '.pdf')) != i0[0]:
            got[1] = now
        if got[2] is None and ino(course_pdf()) != i0[1]:
            got[2] = now
        time.sleep(0.005)
    page.append(got[0]); chpdf.append(got[1]); cpdf.append(got[2])
open(src, 'w').write(base)

def med(v):
    v = [x for x in v if x is not None]
    return '%.0f ms' % (1000 * statistics.median(v)) if v else 'never'
print('%s chapters: clean build in the server %s ms; median of %d edits: '
      'page %s, chapter PDF %s, course PDF %s' %
      (n, clean[0] if clean else '?', edits, med(page), med(chpdf), med(cpdf)))
print('  page, each edit (ms): ' + ' '.join('%.0f' % (1000 * x) for x in page if x is not None))
print('  load average after: ' + open('/proc/loadavg').read().split(' ', 3)[0:3].__str__())
EOF
	kill -TERM "$pid"
	wait "$pid"
	command -v hugo > /dev/null 2>&1 || continue
	h=$work/hugo-$n
	rm -rf "$h"
	mkdir -p "$h/content/docs" "$h/layouts/_default"
	cp "$dir"/content/*.md "$h/content/docs/"
	printf 'baseURL = "http://127.0.0.1/"\ntitle = "bench"\n' > "$h/config.toml"
	printf '<!doctype html><html><body>{{ .Content }}</body></html>\n' > "$h/layouts/_default/single.html"
	printf '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > "$h/layouts/_default/list.html"
	hport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	(cd "$h" && exec hugo server --bind 127.0.0.1 --port "$hport" > "$work/hugo-$n.log" 2>&1) &
	pid=$!
	python3 - "$h" "$hport" "$n" <<'EOF'
import os, statistics, sys, time, urllib.request

dir, port, n = sys.argv[1], int(sys.argv[2]), sys.argv[3]
chapters = sorted(os.listdir(os.path.join(dir, 'content', 'docs')))
ch = chapters[len(chapters) // 2]
src = os.path.join(dir, 'content', 'docs', ch)
url = 'http://127.0.0.1:%d/docs/%s/' % (port, ch[:-3])
for _ in range(1200):
    try:
        urllib.request.urlopen(url).read()
        break
    except Exception:
        time.sleep(0.1)
base = open(src).read()
page = []
for k in range(10):
    time.sleep(0.5)
    marker = 'Bewerking-hugo-%s-%d' % (n, k)
    t0 = time.monotonic()
    with open(src + '.tmp', 'w') as f:
        f.write(base + '\n\n' + marker + '\n')
    os.rename(src + '.tmp', src)
    while time.monotonic() - t0 < 60:
        try:
            if marker in urllib.request.urlopen(url).read().decode():
                page.append(time.monotonic() - t0)
                break
        except Exception:
            pass
        time.sleep(0.005)
open(src, 'w').write(base)
print('%s chapters, hugo server %s: median of 10 edits: page %s' % (n,
      os.popen('hugo version').read().split()[1],
      '%.0f ms' % (1000 * statistics.median(page)) if page else 'never'))
print('  page, each edit (ms): ' + ' '.join('%.0f' % (1000 * x) for x in page))
EOF
	kill -TERM "$pid"
	wait "$pid"
done
