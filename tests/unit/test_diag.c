/*
 * test_diag — the diagnostics list, and its documentation.
 *
 * Part one checks that man/salesgen.1 documents every message of
 * gen/diag_catalog.h: for each code, the DIAGNOSTICS section must hold an
 * item line ".It Sy LEVEL : No TEXT" that reads, once the mdoc macros are
 * set as text, exactly "LEVEL: TEXT", where each printf conversion of the
 * catalogue (%s, %d, %04X, ...) is an .Ar placeholder of any name.  The
 * page is set the way mandoc sets a macro line: macro names vanish, Ns
 * removes a space, a closing delimiter (. , : ; ) ] ? !) hugs the word
 * before it, an opening one (( [) the word after it, and roff escapes
 * (\(aq, \-, \&, ...) become the characters they print.
 *
 * Part two checks the diag module: how an entry is printed, its level under
 * --strict, diag_worst, diag_print's once-only printing and its filter,
 * diag_move.
 *
 * One PASS or FAIL line per test; exit status 1 if any failed.  Run from
 * the top of the repository (the page is man/salesgen.1), or give the
 * page's path as the first argument.
 */
#include "buf.h"
#include "diag.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The codes' names, for the test names. */
static const char *const S_names[DIAG__MAX] = {
#define D(code, level, fmt) [code] = #code,
#include "diag_catalog.h"
#undef D
};

/* Stands for one placeholder on both sides of the comparison. */
#define MARK	'\001'

static void
S_verdict(const char *name, int ok, const char *why)
{
	check_verdict("diag", name, ok, why);
}

/* Compares two strings; on failure says what was expected and got. */
static void
S_expect_str(const char *name, const char *got, const char *want)
{
	struct buf why = { 0 };
	int ok = got != NULL && strcmp(got, want) == 0;

	if (!ok)
		buf_printf(&why, "expected \"%s\"\n  got      \"%s\"", want,
		    got ? got : "(null)");
	S_verdict(name, ok, ok ? NULL : buf_cstr(&why));
	buf_free(&why);
}

/* Shows a normalised string with its placeholders visible. */
static void
S_show(const char *s, struct buf *out)
{
	for (; *s != '\0'; s++) {
		if (*s == MARK)
			buf_puts(out, "<ARG>");
		else
			buf_putc(out, *s);
	}
}

/*** Part one: the manual page ***/

/* Reads a whole file; NULL when it cannot. */
static char *
S_slurp(const char *path)
{
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		buf_free(&b);
		return NULL;
	}
	fclose(fp);
	return buf_detach(&b);
}

/* The character a roff special-character name prints, as ASCII where the
 * catalogue would use ASCII; NULL for names the page has no business using
 * in a message. */
static const char *
S_special(const char *name, size_t n)
{
	static const struct {
		const char	*name;
		const char	*text;
	} map[] = {
		{ "aq", "'" }, { "dq", "\"" }, { "lq", "\"" }, { "rq", "\"" },
		{ "oq", "'" }, { "cq", "'" }, { "ti", "~" }, { "ha", "^" },
		{ "rs", "\\" }, { "ba", "|" }, { "at", "@" }, { "sh", "#" },
		{ "Do", "$" }, { "pc", "." }, { "hy", "-" }, { "mi", "-" },
		{ "lB", "[" }, { "rB", "]" }, { "lC", "{" }, { "rC", "}" },
		{ "la", "<" }, { "ra", ">" }, { "em", "\xe2\x80\x94" },
		{ "en", "\xe2\x80\x93" }, { "Eu", "\xe2\x82\xac" },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strlen(map[i].name) == n && strncmp(map[i].name, name, n) == 0)
			return map[i].text;
	return NULL;
}

/* Appends what the roff text s[0..n) prints: escapes resolved, font
 * changes and zero-width characters dropped. */
static void
S_unescape(const char *s, size_t n, struct buf *out)
{
	const char *name, *t;
	size_t i, k, nlen;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			buf_putc(out, s[i]);
			continue;
		}
		if (++i >= n)
			break;
		switch (s[i]) {
		case 'e':
		case '\\':
			buf_putc(out, '\\');
			break;
		case '-':
		case '.':
		case '\'':
		case '`':
			buf_putc(out, s[i]);
			break;
		case ' ':
		case '~':
		case '0':
			buf_putc(out, ' ');
			break;
		case '&':
		case '|':
		case '^':
		case ')':
		case 'c':
			break;
		case '(':
		case '[':
			if (s[i] == '(') {
				name = s + i + 1;
				nlen = i + 2 < n ? 2 : n - i - 1;
				i += nlen;
			} else {
				name = s + i + 1;
				for (k = i + 1; k < n && s[k] != ']'; k++)
					;
				nlen = k - i - 1;
				i = k;
			}
			t = S_special(name, nlen);
			buf_puts(out, t ? t : "?");
			break;
		case 'f':
		case '*':
			/* \fI, \f(BI, \f[I]; \*x, \*(xx, \*[name] */
			if (i + 1 < n && s[i + 1] == '(')
				i += 3;
			else if (i + 1 < n && s[i + 1] == '[') {
				for (k = i + 1; k < n && s[k] != ']'; k++)
					;
				i = k;
			} else
				i++;
			break;
		default:
			buf_putc(out, s[i]);
			break;
		}
	}
}

struct tok {
	const char	*s;	/* raw text, escapes unresolved */
	size_t		 n;
	int		 quoted;
};

/* Splits a macro line (after its control character) into arguments the
 * way roff does: blanks separate them, a backslash protects the next
 * character, double quotes group (with "" for a quote inside).  Quoted
 * text is kept raw in *store. */
static size_t
S_tokens(const char *line, struct tok *v, size_t max, struct buf *store,
    size_t *offs)
{
	const char *p = line;
	size_t nv = 0, i;

	buf_reset(store);
	while (*p != '\0' && nv < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (*p == '"') {
			offs[nv] = store->len;
			for (p++; *p != '\0'; p++) {
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"') {
					p++;
					break;
				}
				buf_putc(store, *p);
			}
			v[nv].n = store->len - offs[nv];
			v[nv].s = NULL;
			v[nv++].quoted = 1;
			continue;
		}
		v[nv].s = p;
		while (*p != '\0' && *p != ' ' && *p != '\t') {
			if (*p == '\\' && p[1] != '\0')
				p++;
			p++;
		}
		v[nv].n = (size_t)(p - v[nv].s);
		v[nv++].quoted = 0;
	}
	/* Quoted tokens point into store, which may have moved while it grew. */
	for (i = 0; i < nv; i++)
		if (v[i].quoted)
			v[i].s = store->data + offs[i];
	return nv;
}

static int
S_is(const struct tok *t, const char *s)
{
	return !t->quoted && strlen(s) == t->n && strncmp(t->s, s, t->n) == 0;
}

/* 'c' for a closing delimiter, 'o' for an opening one, 'm' for '|', 0. */
static int
S_delim(const struct tok *t)
{
	if (t->quoted || t->n != 1)
		return 0;
	if (strchr(".,:;)]?!", t->s[0]) != NULL)
		return 'c';
	if (t->s[0] == '(' || t->s[0] == '[')
		return 'o';
	return t->s[0] == '|' ? 'm' : 0;
}

/* Macros that only change the font: their arguments print as they are. */
static int
S_font_macro(const struct tok *t)
{
	static const char *const m[] = {
		"It", "Sy", "No", "Li", "Em", "Cm", "Pa", "Ic", "Va", "Ev",
		"Dv", "Er", "Ms", "Tn", "Sh", "Ss"
	};
	size_t i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (S_is(t, m[i]))
			return 1;
	return 0;
}

/* Sets the mdoc macro line as text into out, each .Ar argument as MARK,
 * white space collapsed. */
static void
S_set_line(const char *line, struct buf *out)
{
	struct tok v[256];
	size_t offs[256], nv, i;
	struct buf store = { 0 }, raw = { 0 };
	int nospace = 1, ar = 0, fl = 0, d;

	nv = S_tokens(line, v, sizeof(v) / sizeof(v[0]), &store, offs);
	for (i = 0; i < nv; i++) {
		if (S_is(&v[i], "Ns")) {
			nospace = 1;
			ar = fl = 0;
			continue;
		}
		if (S_is(&v[i], "Ar") || S_is(&v[i], "Fl")) {
			ar = S_is(&v[i], "Ar");
			fl = !ar;
			continue;
		}
		if (S_font_macro(&v[i])) {
			ar = fl = 0;
			continue;
		}
		d = S_delim(&v[i]);
		if (d == 'c') {
			buf_putc(&raw, v[i].s[0]);
			nospace = 0;
			continue;
		}
		if (!nospace && raw.len > 0)
			buf_putc(&raw, ' ');
		nospace = 0;
		if (d == 'o') {
			buf_putc(&raw, v[i].s[0]);
			nospace = 1;
		} else if (ar && d == 0)
			buf_putc(&raw, MARK);
		else {
			if (fl)
				buf_putc(&raw, '-');
			S_unescape(v[i].s, v[i].n, &raw);
		}
	}
	/* Collapse white space, trim both ends. */
	for (i = 0; i < raw.len; i++) {
		if (raw.data[i] == ' ' || raw.data[i] == '\t') {
			if (out->len > 0 && out->data[out->len - 1] != ' ')
				buf_putc(out, ' ');
		} else
			buf_putc(out, raw.data[i]);
	}
	if (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	buf_free(&store);
	buf_free(&raw);
}

/* The item lines of the page's DIAGNOSTICS section, each set as text.
 * Returns how many; -1 when the section is missing. */
static long
S_diag_items(char *page, char ***items)
{
	struct buf line = { 0 }, set = { 0 };
	char *p = page, *e, *c, *q;
	size_t n = 0, bs;
	int in = 0, seen = 0;

	*items = NULL;
	while (*p != '\0') {
		/* One input line, with escaped newlines joined. */
		buf_reset(&line);
		for (;;) {
			e = strchr(p, '\n');
			if (e == NULL)
				e = p + strlen(p);
			for (bs = 0, q = e; q > p && q[-1] == '\\'; q--)
				bs++;
			if (bs % 2 == 1 && *e == '\n') {
				buf_put(&line, p, (size_t)(e - p) - 1);
				p = e + 1;
				continue;
			}
			buf_put(&line, p, (size_t)(e - p));
			p = *e == '\n' ? e + 1 : e;
			break;
		}
		c = line.data;
		if (c == NULL || (c[0] != '.' && c[0] != '\''))
			continue;
		/* Drop a roff comment. */
		for (e = c; *e != '\0'; e++)
			if (*e == '\\') {
				if (e[1] == '"') {
					*e = '\0';
					break;
				}
				if (e[1] != '\0')
					e++;
			}
		for (c++; *c == ' ' || *c == '\t'; c++)
			;
		if (strncmp(c, "Sh", 2) == 0 && (c[2] == ' ' || c[2] == '\t' ||
		    c[2] == '\0')) {
			buf_reset(&set);
			S_set_line(c + 2, &set);
			in = strcmp(buf_cstr(&set), "DIAGNOSTICS") == 0;
			seen |= in;
			continue;
		}
		if (!in || strncmp(c, "It", 2) != 0 ||
		    (c[2] != ' ' && c[2] != '\t'))
			continue;
		buf_reset(&set);
		S_set_line(c, &set);
		*items = xrealloc(*items, (n + 1) * sizeof(**items));
		(*items)[n++] = xstrdup(buf_cstr(&set));
	}
	buf_free(&line);
	buf_free(&set);
	return seen ? (long)n : -1;
}

/* "LEVEL: TEXT" for a code, each printf conversion made MARK. */
static void
S_expected(enum diag_code code, struct buf *out)
{
	const char *f = diag_format(code);

	buf_printf(out, "%s: ", diag_level_name(diag_default_level(code)));
	for (; *f != '\0'; f++) {
		if (*f != '%') {
			buf_putc(out, *f);
			continue;
		}
		if (f[1] == '%') {
			buf_putc(out, '%');
			f++;
			continue;
		}
		f++;
		f += strspn(f, "-+ #0");
		f += strspn(f, "0123456789*");
		if (*f == '.') {
			f++;
			f += strspn(f, "0123456789*");
		}
		f += strspn(f, "hlLqjzt");
		if (*f == '\0')
			break;
		buf_putc(out, MARK);
	}
}

static void
t_manual(const char *path)
{
	struct buf want = { 0 }, name = { 0 }, why = { 0 };
	char **items = NULL, *page;
	long nitems = -1, k;
	int i, ok;

	if ((page = S_slurp(path)) != NULL)
		nitems = S_diag_items(page, &items);
	if (page == NULL)
		buf_printf(&why, "cannot read %s (run from the top of the "
		    "repository, or give the page's path)", path);
	else if (nitems < 0)
		buf_printf(&why, "%s has no DIAGNOSTICS section", path);
	S_verdict("man page has a DIAGNOSTICS section", nitems >= 0,
	    buf_cstr(&why));

	for (i = 0; i < DIAG__MAX; i++) {
		buf_reset(&want);
		buf_reset(&name);
		S_expected((enum diag_code)i, &want);
		buf_printf(&name, "man page lists %s", S_names[i]);
		ok = 0;
		for (k = 0; k < nitems; k++)
			if (strcmp(items[k], buf_cstr(&want)) == 0)
				ok = 1;
		buf_reset(&why);
		if (!ok) {
			buf_puts(&why, "no DIAGNOSTICS item reads \"");
			S_show(buf_cstr(&want), &why);
			buf_puts(&why, "\"\n  (write it as .It Sy LEVEL : No "
			    "TEXT, each conversion as an .Ar placeholder)");
		}
		S_verdict(buf_cstr(&name), ok, ok ? NULL : buf_cstr(&why));
	}
	for (k = 0; k < nitems; k++)
		free(items[k]);
	free(items);
	free(page);
	buf_free(&want);
	buf_free(&name);
	buf_free(&why);
}

/* The normaliser itself, so a pass above means what it says. */
static void
t_normaliser(void)
{
	struct buf b = { 0 }, want = { 0 };

	S_set_line("It Sy error : No cannot open \\(aq Ns Ar path Ns \\(aq: "
	    "Ar reason", &b);
	buf_printf(&want, "error: cannot open '%c': %c", MARK, MARK);
	S_expect_str("normaliser: Ns, Ar, \\(aq, closing delimiter",
	    buf_cstr(&b), buf_cstr(&want));

	buf_reset(&b);
	buf_reset(&want);
	S_set_line("It Sy warning : No term \\(aq Ns Ar t Ns \\(aq is (first "
	    "at Ar f : Ns Ar l ) No  \\-x \\&: \"a  \"\"b\"\"\"", &b);
	buf_printf(&want, "warning: term '%c' is (first at %c:%c) -x : "
	    "a \"b\"", MARK, MARK, MARK);
	S_expect_str("normaliser: delimiters, \\-, \\&, quotes, blanks",
	    buf_cstr(&b), buf_cstr(&want));

	buf_reset(&b);
	buf_reset(&want);
	S_expected(DIAG_DUP_TERM, &want);
	buf_reset(&b);
	buf_printf(&b, "warning: term '%c' is defined twice (first at %c:%c)",
	    MARK, MARK, MARK);
	S_expect_str("normaliser: %s and %d become placeholders",
	    buf_cstr(&want), buf_cstr(&b));
	buf_free(&b);
	buf_free(&want);
}

/*** Part two: the diag module ***/

/* What diag_print writes, as a new string. */
static char *
S_print(struct diag_list *dl)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp;

	if ((fp = open_memstream(&s, &n)) == NULL) {
		perror("open_memstream");
		exit(2);
	}
	diag_print(dl, fp);
	fclose(fp);
	return s;
}

static void
S_expect_print(const char *name, struct diag_list *dl, const char *want)
{
	char *got = S_print(dl);

	S_expect_str(name, got, want);
	free(got);
}

static void
t_positions(void)
{
	struct diag_list *dl;

	dl = diag_list_new();
	diag_add(dl, DIAG_CALLOUT_KIND, "content/01-klant.md", 12, 7,
	    "defintie");
	S_expect_print("position file:line:col: level: msg", dl,
	    "content/01-klant.md:12:7: error: unknown callout kind "
	    "'defintie' (expected definitie, voorbeeld, opdracht, antwoord, "
	    "tip, let-op or vraag)\n");
	diag_list_free(dl);

	dl = diag_list_new();
	diag_add(dl, DIAG_CONFIG_ELEM, "salesgen.xml", 4, 0, "foo", "course");
	S_expect_print("position file:line: without column", dl,
	    "salesgen.xml:4: warning: unknown element <foo> in <course> is "
	    "ignored\n");
	diag_list_free(dl);

	dl = diag_list_new();
	diag_add(dl, DIAG_XML, "salesgen.xml", 0, 0, "malformed XML");
	S_expect_print("position file: without line", dl,
	    "salesgen.xml: error: malformed XML\n");
	diag_list_free(dl);

	dl = diag_list_new();
	diag_add(dl, DIAG_XML, "salesgen.xml", 0, 5, "malformed XML");
	S_expect_print("a column without a line is not printed", dl,
	    "salesgen.xml: error: malformed XML\n");
	diag_list_free(dl);

	dl = diag_list_new();
	diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, "x.md",
	    "No such file or directory");
	S_expect_print("no file: salesgen: error: msg", dl,
	    "salesgen: error: cannot open 'x.md': No such file or directory\n");
	diag_list_free(dl);

	dl = diag_list_new();
	diag_add(dl, DIAG_RAW_HTML, "a.md", 3, 1);
	S_expect_print("note level and a message without arguments", dl,
	    "a.md:3:1: note: raw HTML is shown as text; set <html raw=\"yes\"/> "
	    "in salesgen.xml to pass it through\n");
	diag_list_free(dl);
}

static void
t_arguments(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf want = { 0 };
	char *longname;
	size_t n = 5000;

	diag_add(dl, DIAG_DUP_TERM, "b.md", 9, 3, "DMU", "a.md", 14);
	diag_add(dl, DIAG_TMPL_DEPTH, "t.html", 1, 1, 64);
	S_expect_print("%s and %d arguments", dl,
	    "b.md:9:3: warning: term 'DMU' is defined twice (first at a.md:14)\n"
	    "t.html:1:1: error: template: partials nested deeper than 64 "
	    "levels\n");
	diag_list_free(dl);

	dl = diag_list_new();
	longname = xmalloc(n + 1);
	memset(longname, 'x', n);
	longname[n] = '\0';
	diag_add(dl, DIAG_IMAGE_MISSING, longname, 1, 2, longname);
	buf_printf(&want, "%s:1:2: warning: image '%s' not found\n", longname,
	    longname);
	S_expect_print("long arguments are not cut", dl, buf_cstr(&want));
	diag_list_free(dl);
	free(longname);
	buf_free(&want);
}

static void
t_fields(void)
{
	struct diag_list *dl = diag_list_new();
	char file[] = "c.md";
	const struct diag *d;
	int ok;

	diag_add(dl, DIAG_XREF_ANCHOR, file, 5, 9, "d.md#x", "x");
	file[0] = 'z';		/* the list keeps its own copy */
	d = &dl->v[0];
	ok = dl->n == 1 && d->code == DIAG_XREF_ANCHOR &&
	    d->level == DIAG_ERROR && d->line == 5 && d->col == 9 &&
	    d->file != NULL && strcmp(d->file, "c.md") == 0 &&
	    strcmp(d->msg, "link to 'd.md#x': no heading or anchor 'x' there")
	    == 0;
	S_verdict("entry holds code, level, a copy of file, position, text", ok,
	    NULL);
	diag_list_free(dl);
}

static void
t_worst(void)
{
	struct diag_list *dl = diag_list_new();
	int ok = 1;

	ok &= diag_worst(dl) == DIAG_NONE;
	ok &= diag_worst(NULL) == DIAG_NONE;
	diag_add(dl, DIAG_RAW_HTML, "a.md", 1, 1);
	ok &= diag_worst(dl) == DIAG_NOTE;
	diag_add(dl, DIAG_UNSAFE_URL, "a.md", 2, 1, "javascript:x");
	ok &= diag_worst(dl) == DIAG_WARNING;
	diag_add(dl, DIAG_RAW_HTML, "a.md", 3, 1);
	ok &= diag_worst(dl) == DIAG_WARNING;
	diag_add(dl, DIAG_NO_CHAPTERS, NULL, 0, 0, "content");
	ok &= diag_worst(dl) == DIAG_ERROR;
	S_verdict("diag_worst is the highest level added", ok, NULL);

	ok = diag_count(dl, DIAG_NOTE) == 2 && diag_count(dl, DIAG_WARNING) == 1 &&
	    diag_count(dl, DIAG_ERROR) == 1 && diag_count(NULL, DIAG_ERROR) == 0;
	S_verdict("diag_count counts per level", ok, NULL);
	diag_list_free(dl);
}

static void
t_strict(void)
{
	struct diag_list *dl = diag_list_new();
	int ok;

	dl->strict = 1;
	diag_add(dl, DIAG_TMPL_MISSING, "p.html", 2, 3, "title");
	diag_add(dl, DIAG_RAW_HTML, "a.md", 4, 1);
	diag_add(dl, DIAG_CONFIG_DUP, "salesgen.xml", 6, 0, "a.md");

	ok = dl->v[0].level == DIAG_ERROR;
	S_verdict("strict: a warning is added as an error", ok, NULL);
	ok = dl->v[1].level == DIAG_NOTE;
	S_verdict("strict: a note stays a note", ok, NULL);
	ok = dl->v[2].level == DIAG_ERROR;
	S_verdict("strict: an error stays an error", ok, NULL);
	ok = diag_worst(dl) == DIAG_ERROR && diag_count(dl, DIAG_WARNING) == 0;
	S_verdict("strict: diag_worst sees the promoted warning", ok, NULL);
	S_expect_print("strict: the warning prints as error", dl,
	    "p.html:2:3: error: template variable 'title' is not defined\n"
	    "a.md:4:1: note: raw HTML is shown as text; set <html raw=\"yes\"/> "
	    "in salesgen.xml to pass it through\n"
	    "salesgen.xml:6: error: chapter 'a.md' is listed twice\n");

	ok = diag_level_of(dl, DIAG_TMPL_MISSING) == DIAG_ERROR &&
	    diag_level_of(dl, DIAG_RAW_HTML) == DIAG_NOTE &&
	    diag_level_of(NULL, DIAG_TMPL_MISSING) == DIAG_WARNING &&
	    diag_default_level(DIAG_TMPL_MISSING) == DIAG_WARNING;
	dl->strict = 0;
	ok &= diag_level_of(dl, DIAG_TMPL_MISSING) == DIAG_WARNING;
	S_verdict("diag_level_of follows strict, diag_default_level does not",
	    ok, NULL);
	diag_list_free(dl);

	dl = diag_list_new();
	diag_add(dl, DIAG_TMPL_MISSING, "p.html", 2, 3, "title");
	ok = dl->v[0].level == DIAG_WARNING && diag_worst(dl) == DIAG_WARNING;
	S_verdict("without strict a warning stays a warning", ok, NULL);
	diag_list_free(dl);
}

static void
t_print_once(void)
{
	struct diag_list *dl = diag_list_new();

	diag_add(dl, DIAG_IMAGE_MISSING, "a.md", 1, 1, "x.png");
	diag_add(dl, DIAG_IMAGE_MISSING, "a.md", 2, 1, "y.png");
	S_expect_print("diag_print prints in the order added", dl,
	    "a.md:1:1: warning: image 'x.png' not found\n"
	    "a.md:2:1: warning: image 'y.png' not found\n");
	S_expect_print("diag_print does not print an entry twice", dl, "");
	diag_add(dl, DIAG_IMAGE_MISSING, "a.md", 3, 1, "z.png");
	S_expect_print("diag_print prints only what is new", dl,
	    "a.md:3:1: warning: image 'z.png' not found\n");
	S_verdict("entries stay in the list after printing",
	    dl->n == 3 && dl->printed == 3, NULL);
	diag_list_free(dl);
}

static void
t_min_print(void)
{
	struct diag_list *dl = diag_list_new();
	int ok;

	ok = dl->min_print == DIAG_NOTE && dl->strict == 0 && dl->n == 0;
	S_verdict("a new list prints notes and up, not strict", ok, NULL);

	dl->min_print = DIAG_ERROR;
	diag_add(dl, DIAG_RAW_HTML, "a.md", 1, 1);
	diag_add(dl, DIAG_IMAGE_MISSING, "a.md", 2, 1, "x.png");
	diag_add(dl, DIAG_XREF_CHAPTER, "a.md", 3, 4, "b.md");
	S_expect_print("min_print error: notes and warnings are not printed",
	    dl, "a.md:3:4: error: link to 'b.md': no such chapter in this "
	    "project\n");
	ok = dl->n == 3 && diag_worst(dl) == DIAG_ERROR &&
	    diag_count(dl, DIAG_WARNING) == 1;
	S_verdict("min_print filters printing only, not the list", ok, NULL);
	diag_list_free(dl);

	dl = diag_list_new();
	dl->min_print = DIAG_WARNING;
	diag_add(dl, DIAG_RAW_HTML, "a.md", 1, 1);
	diag_add(dl, DIAG_IMAGE_MISSING, "a.md", 2, 1, "x.png");
	S_expect_print("min_print warning: notes are not printed", dl,
	    "a.md:2:1: warning: image 'x.png' not found\n");
	diag_list_free(dl);

	/* -q --strict: a promoted warning is an error and is shown. */
	dl = diag_list_new();
	dl->min_print = DIAG_ERROR;
	dl->strict = 1;
	diag_add(dl, DIAG_IMAGE_MISSING, "a.md", 2, 1, "x.png");
	S_expect_print("min_print error with strict shows promoted warnings",
	    dl, "a.md:2:1: error: image 'x.png' not found\n");
	diag_list_free(dl);
}

static void
t_move(void)
{
	struct diag_list *dst = diag_list_new(), *src = diag_list_new();
	char *out;
	int ok;

	diag_add(dst, DIAG_NO_CHAPTERS, NULL, 0, 0, "content");
	out = S_print(dst);
	free(out);
	diag_add(src, DIAG_IMAGE_MISSING, "a.md", 1, 2, "x.png");
	diag_add(src, DIAG_DUP_TERM, "b.md", 3, 4, "DMU", "a.md", 9);
	diag_move(dst, src);
	ok = dst->n == 3 && src->n == 0 && src->printed == 0 &&
	    dst->v[1].code == DIAG_IMAGE_MISSING &&
	    dst->v[2].code == DIAG_DUP_TERM &&
	    strcmp(dst->v[2].file, "b.md") == 0 && dst->v[2].line == 3;
	S_verdict("diag_move appends every entry in order, empties src", ok,
	    NULL);

	/* src's storage no longer owns the entries: freeing it must leave
	 * dst's text intact (ASan and valgrind see a double free here). */
	diag_list_free(src);
	S_expect_print("diag_move: moved entries print from dst, once", dst,
	    "a.md:1:2: warning: image 'x.png' not found\n"
	    "b.md:3:4: warning: term 'DMU' is defined twice (first at a.md:9)\n");

	src = diag_list_new();
	diag_move(dst, src);
	S_verdict("diag_move of an empty list changes nothing",
	    dst->n == 3 && src->n == 0, NULL);
	diag_add(src, DIAG_RAW_HTML, "c.md", 1, 1);
	S_verdict("a list is usable again after diag_move",
	    src->n == 1 && diag_worst(src) == DIAG_NOTE, NULL);
	diag_list_free(src);
	diag_list_free(dst);
}

static void
t_names(void)
{
	int ok = strcmp(diag_level_name(DIAG_NOTE), "note") == 0 &&
	    strcmp(diag_level_name(DIAG_WARNING), "warning") == 0 &&
	    strcmp(diag_level_name(DIAG_ERROR), "error") == 0 &&
	    strcmp(diag_level_name(DIAG_NONE), "none") == 0;

	S_verdict("diag_level_name", ok, NULL);
	diag_list_free(NULL);
	S_verdict("diag_list_free(NULL) is a no-op", 1, NULL);
}

static void
t_catalogue(void)
{
	struct buf why = { 0 };
	enum diag_level lv;
	const char *f;
	int i, ok = 1;

	for (i = 0; i < DIAG__MAX; i++) {
		f = diag_format((enum diag_code)i);
		lv = diag_default_level((enum diag_code)i);
		if (f == NULL || *f == '\0' || lv < DIAG_NOTE ||
		    lv > DIAG_ERROR) {
			ok = 0;
			buf_printf(&why, "%s has no text or no level; ",
			    S_names[i]);
		}
	}
	S_verdict("every catalogue entry has a text and a level", ok,
	    buf_cstr(&why));
	buf_free(&why);
}

int
main(int argc, char **argv)
{
	struct buf path = { 0 };
	const char *slash;
	FILE *fp;

	/* The page: the argument, else man/salesgen.1 from the current
	 * directory, else two levels above the test binary. */
	if (argc > 1)
		buf_puts(&path, argv[1]);
	else if ((fp = fopen("man/salesgen.1", "r")) != NULL) {
		fclose(fp);
		buf_puts(&path, "man/salesgen.1");
	} else if ((slash = strrchr(argv[0], '/')) != NULL) {
		buf_put(&path, argv[0], (size_t)(slash - argv[0]));
		buf_puts(&path, "/../../man/salesgen.1");
	} else
		buf_puts(&path, "man/salesgen.1");

	t_normaliser();
	t_manual(buf_cstr(&path));
	t_catalogue();
	t_positions();
	t_arguments();
	t_fields();
	t_worst();
	t_strict();
	t_print_once();
	t_min_print();
	t_move();
	t_names();
	buf_free(&path);
	return check_status();
}
