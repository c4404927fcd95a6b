#!/usr/bin/env python3
"""Check the links and the structure of a generated study site.

    python3 tests/linkcheck.py [--lang LANG] SITE_DIR

Every .html page under SITE_DIR is read with html.parser and checked:

  - every href and src that is not external (http:, https:, mailto:)
    resolves to an existing file inside SITE_DIR, relative to the page
    (the site is opened straight from disk: no absolute paths, no other
    URL schemes, no folders standing in for index.html);
  - no href or src holds a space or another character that must be
    percent-encoded in a URL;
  - every #fragment (percent-decoded) is the id of an element in the
    target page;
  - ids are unique within each page;
  - the page is <html lang="LANG"> (default nl);
  - there is no JavaScript but the site's own script files: a <script>
    only with a src to a .js file of the site (quiz.js, search.js: checked
    as links) or as the search's inline loader marked
    data-salesgen="search"; no on* event attribute, no javascript: URL;
  - the page links style.css (a <link rel="stylesheet"> to SITE_DIR/style.css).

url(...) references in .css files are resolved the same way.  Every
problem is one line "page:line: message"; the last line gives the number
of pages and links checked.  The exit status is 1 when a problem was
found, 2 on a usage error.  Standard library only.
"""

import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

EXTERNAL = ("http", "https", "mailto")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# ASCII characters a URL may not hold unescaped (non-ASCII letters are fine:
# HTML takes IRIs).
BAD_CHAR = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""")


class Page(HTMLParser):
    """The ids, links and facts of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = {}           # id -> first line
        self.dup_ids = []       # (line, id, first line)
        self.links = []         # (line, attribute, value)
        self.html_lang = None   # lang of <html>, or None without <html>
        self.saw_html = False
        self.scripts = []       # (line, what)
        self.stylesheets = []   # (line, href)

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def _tag(self, tag, attrs):
        line = self.getpos()[0]
        if tag == "html" and not self.saw_html:
            self.saw_html = True
            self.html_lang = dict(attrs).get("lang")
        if tag == "script":
            # the site's own script files (quiz.js grades self-tests,
            # search.js searches) and the search's marked loader are
            # allowed; other code in the page or from elsewhere is not
            a = dict(attrs)
            src = a.get("src") or ""
            own = src.endswith(".js") and ":" not in src and not src.startswith("/")
            loader = not src and a.get("data-salesgen") == "search"
            if not (own or loader):
                self.scripts.append((line, "<script> element"))
        for name, value in attrs:
            if value is None:
                value = ""
            if name.startswith("on"):
                self.scripts.append((line, "event attribute %s" % name))
            if name == "id":
                if value in self.ids:
                    self.dup_ids.append((line, value, self.ids[value]))
                else:
                    self.ids[value] = line
            if name in ("href", "src"):
                self.links.append((line, "<%s %s>" % (tag, name), value))
        if tag == "link":
            a = dict(attrs)
            rels = (a.get("rel") or "").lower().split()
            if "stylesheet" in rels and a.get("href") is not None:
                self.stylesheets.append((line, a["href"]))


class Checker:
    def __init__(self, root, lang):
        self.root = os.path.realpath(root)
        self.lang = lang
        self.pages = {}         # real path -> Page (parsed on demand)
        self.problems = []
        self.nlinks = 0

    def rel(self, path):
        return os.path.relpath(path, self.root)

    def problem(self, where, line, msg):
        self.problems.append("%s:%d: %s" % (self.rel(where), line, msg))

    def page(self, path):
        if path not in self.pages:
            p = Page()
            with open(path, encoding="utf-8", errors="replace") as f:
                p.feed(f.read())
            p.close()
            self.pages[path] = p
        return self.pages[path]

    def inside(self, path):
        return path == self.root or path.startswith(self.root + os.sep)

    def resolve(self, where, line, what, url):
        """Check one link; return the real path of its target or None."""
        self.nlinks += 1
        bad = BAD_CHAR.search(url)
        if bad:
            self.problem(where, line, "%s %r: character %r must be "
                         "percent-encoded" % (what, url, bad.group()))
        m = SCHEME.match(url)
        if m:
            scheme = m.group(1).lower()
            if scheme in EXTERNAL:
                return None
            self.problem(where, line, "%s %r: scheme %s: is not allowed"
                         % (what, url, scheme))
            return None
        if url.startswith("//"):
            self.problem(where, line, "%s %r: protocol-relative URL "
                         "does not work from disk" % (what, url))
            return None
        if url.startswith("/") or url.startswith("\\"):
            self.problem(where, line, "%s %r: absolute path; links must "
                         "be relative" % (what, url))
            return None
        parts = urlsplit(url)
        path = unquote(parts.path)
        if path == "":
            target = where
        else:
            target = os.path.realpath(
                os.path.join(os.path.dirname(where), path))
        if not self.inside(target):
            self.problem(where, line, "%s %r: leads outside the site"
                         % (what, url))
            return None
        if os.path.isdir(target):
            self.problem(where, line, "%s %r: is a folder, not a file"
                         % (what, url))
            return None
        if not os.path.isfile(target):
            self.problem(where, line, "%s %r: no such file %s"
                         % (what, url, self.rel(target)))
            return None
        if parts.fragment:
            frag = unquote(parts.fragment)
            if not target.endswith((".html", ".htm")):
                self.problem(where, line, "%s %r: fragment on a file that "
                             "is not a page" % (what, url))
            elif frag not in self.page(target).ids:
                self.problem(where, line, "%s %r: no id %r in %s"
                             % (what, url, frag, self.rel(target)))
        return target

    def check_page(self, path):
        p = self.page(path)
        if not p.saw_html:
            self.problem(path, 1, "no <html> element")
        elif p.html_lang != self.lang and p.html_lang not in ("nl", "en"):
            # a sales document in English on a Dutch site carries its own
            # language: either of the two salesgen writes is right
            self.problem(path, 1, "<html lang=%r>, expected lang=%r"
                         % (p.html_lang, self.lang))
        for line, ident, first in p.dup_ids:
            self.problem(path, line, "id %r used again (first on line %d)"
                         % (ident, first))
        for line, what in p.scripts:
            self.problem(path, line, "JavaScript: %s" % what)
        for line, what, url in p.links:
            if url.strip().lower().startswith("javascript:"):
                self.problem(path, line, "JavaScript: %s %r" % (what, url))
                self.nlinks += 1
                continue
            self.resolve(path, line, what, url)
        style = os.path.join(self.root, "style.css")
        linked = False
        for line, href in p.stylesheets:
            if SCHEME.match(href) or href.startswith("/"):
                continue
            t = os.path.realpath(os.path.join(os.path.dirname(path),
                                              unquote(urlsplit(href).path)))
            if t == style:
                linked = True
        if not linked:
            self.problem(path, 1, "does not link style.css")

    def check_css(self, path):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in CSS_URL.finditer(text):
            url = m.group(2).strip()
            if url.startswith("data:"):
                continue
            line = text.count("\n", 0, m.start()) + 1
            self.resolve(path, line, "url()", url)

    def run(self):
        html, css = [], []
        for d, dirs, files in os.walk(self.root):
            dirs.sort()
            for f in sorted(files):
                full = os.path.join(d, f)
                if f.endswith((".html", ".htm")):
                    html.append(full)
                elif f.endswith(".css"):
                    css.append(full)
        if not html:
            self.problems.append("%s: no HTML pages" % self.root)
        for path in html:
            self.check_page(os.path.realpath(path))
        for path in css:
            self.check_css(os.path.realpath(path))
        return len(html), len(css)


def main(argv):
    lang = "nl"
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--lang":
        lang = args[1]
        args = args[2:]
    if len(args) != 1 or not os.path.isdir(args[0]):
        sys.stderr.write("usage: linkcheck.py [--lang LANG] SITE_DIR\n")
        return 2
    c = Checker(args[0], lang)
    npages, ncss = c.run()
    for p in c.problems:
        print(p)
    print("%d links checked in %d pages and %d style sheets, %d problems"
          % (c.nlinks, npages, ncss, len(c.problems)))
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
