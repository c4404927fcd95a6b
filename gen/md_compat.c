/*
 * md_compat — other tools' block syntax rewritten into ours (see
 * md_compat.h).
 *
 * One pass over the lines with a stack of the admonitions open around the
 * current line.  Each open admonition takes its part of the line's start
 * (MkDocs: four spaces of indent; a fence: nothing) and gives `> ` instead;
 * what is left of the line is looked at for a closing fence, an option
 * line, a new opening or a code fence, and otherwise copied.  The line
 * count never changes, so cmark's line numbers are the source's.
 */
#include "md_compat.h"
#include "buf.h"
#include "mem.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*** Types ***/

static const struct {
	const char	*name;
	const char	*kind;
} S_kinds[] = {
	/* ours, as another tool's fence may name them */
	{ "tip", "tip" }, { "let-op", "let-op" }, { "definitie", "definitie" },
	{ "voorbeeld", "voorbeeld" }, { "opdracht", "opdracht" },
	{ "antwoord", "antwoord" },
	/* a remark beside the text */
	{ "note", "tip" }, { "info", "tip" }, { "seealso", "tip" },
	{ "hint", "tip" }, { "admonition", "tip" }, { "abstract", "tip" },
	{ "summary", "tip" }, { "tldr", "tip" }, { "success", "tip" },
	{ "check", "tip" }, { "done", "tip" }, { "question", "tip" },
	{ "help", "tip" }, { "faq", "tip" }, { "quote", "tip" },
	{ "cite", "tip" }, { "todo", "tip" }, { "margin", "tip" },
	{ "sidebar", "tip" }, { "topic", "tip" }, { "dropdown", "tip" },
	{ "important", "let-op" },
	/* a warning */
	{ "warning", "let-op" }, { "caution", "let-op" },
	{ "danger", "let-op" }, { "attention", "let-op" },
	{ "error", "let-op" }, { "failure", "let-op" }, { "fail", "let-op" },
	{ "missing", "let-op" }, { "bug", "let-op" },
	/* the textbook's own blocks */
	{ "example", "voorbeeld" }, { "exercise", "opdracht" },
	{ "solution", "antwoord" }, { "definition", "definitie" },
	{ "glossary", "definitie" },
};

const char *
md_compat_kind(const char *type, size_t len)
{
	size_t i;

	if (len > 8 && strncasecmp(type, "callout-", 8) == 0)
		type += 8, len -= 8;	/* Quarto */
	for (i = 0; i < sizeof(S_kinds) / sizeof(S_kinds[0]); i++)
		if (strlen(S_kinds[i].name) == len &&
		    strncasecmp(S_kinds[i].name, type, len) == 0)
			return S_kinds[i].kind;
	return NULL;
}

/* Directives that hold no text for a reader of the course: the table of
 * contents comes from elsewhere. */
static int
S_is_skip(const char *t, size_t n)
{
	static const char *names[] = { "toctree", "tableofcontents",
	    "contents" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && strncasecmp(names[i], t, n) == 0)
			return 1;
	return 0;
}

/* Directives that are a code block under another name. */
static int
S_is_code(const char *t, size_t n)
{
	static const char *names[] = { "code", "code-block", "sourcecode",
	    "code-cell", "math" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && strncasecmp(names[i], t, n) == 0)
			return 1;
	return 0;
}

/*** State ***/

enum ct {
	CT_COLON,	/* :::… fence, body prefixed */
	CT_TICK,	/* ```{type} fence, body prefixed */
	CT_MKDOCS,	/* !!! with a four-space body, prefixed */
	CT_DIV,		/* a fence whose content is kept as it is */
	CT_SKIP,	/* a fence whose content is dropped */
	CT_GLOSS,	/* a {glossary}: each term a definitie callout */
	CT_DETAILS	/* <details>, body prefixed, closed by </details> */
};

struct cont {
	enum ct		 type;
	int		 fence;		/* ':' or '`' for a fenced one */
	size_t		 indent;	/* of the opening, in the line left */
	size_t		 len;		/* fence length */
	int		 wrap;		/* body gets "> " */
	int		 opts;		/* option lines may still come */
	int		 yaml;		/* inside a --- option block */
	size_t		 out_end;	/* copy's prefix length before it */
	size_t		 body;		/* MkDocs: the body's indent, counted
					   from the source line's start */
};

#define MAXDEPTH	64

struct rw {
	const char	*path;
	int		 line_off;
	struct diag_list *dl;
	struct cont	 st[MAXDEPTH];
	size_t		 depth;
	/* a code fence open in the innermost container */
	int		 code_char;
	size_t		 code_len;
	/* a Quarto callout's `## Title` line, blanked when reached */
	size_t		 blank_line;
	/* MDX (a .mdx file): JSX elements open around the line, by the
	 * indent of their tag; an export statement still open */
	int		 mdx;
	size_t		 jsx[MAXDEPTH];
	size_t		 njsx;
	int		 export_depth;
	int		 jsx_noted;
};

static size_t
S_spaces(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static int
S_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static size_t
S_run(const char *s, size_t n, char c)
{
	size_t i = 0;

	while (i < n && s[i] == c)
		i++;
	return i;
}

/* Trims spaces (and a \r) off both ends of [*s, *s + *n). */
static void
S_trim(const char **s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* Drops trailing spaces of the copy's current line (from line_start). */
static void
S_rstrip(struct buf *o, size_t line_start)
{
	while (o->len > line_start && o->data[o->len - 1] == ' ')
		o->len--;
}

/* The callout's opening: `> [!kind] title`. */
static void
S_open_callout(struct buf *o, const char *kind, const char *t, size_t tn)
{
	size_t i;

	buf_puts(o, "> [!");
	buf_puts(o, kind);
	buf_putc(o, ']');
	S_trim(&t, &tn);
	/* the title is one line of text; quotes around it are MkDocs' */
	if (tn >= 2 && t[0] == '"' && t[tn - 1] == '"')
		t++, tn -= 2;
	if (tn > 0)
		buf_putc(o, ' ');
	for (i = 0; i < tn; i++)
		buf_putc(o, t[i]);
}

static void
S_push(struct rw *w, enum ct type, int fence, size_t indent, size_t len,
    int wrap, size_t out_end)
{
	struct cont *c;

	if (w->depth == MAXDEPTH)
		return;		/* deeper than any page shows: text stays */
	c = &w->st[w->depth++];
	memset(c, 0, sizeof(*c));
	c->type = type;
	c->fence = fence;
	c->indent = indent;
	c->len = len;
	c->wrap = wrap;
	c->opts = type == CT_COLON || type == CT_TICK;
	c->out_end = out_end;
}

static void
S_unknown(struct rw *w, const char *name, size_t n, int line, int col)
{
	char *s = xstrndup(name, n);

	diag_add(w->dl, DIAG_COMPAT_DIRECTIVE, w->path, line + w->line_off,
	    col, s);
	free(s);
}

/*** Openings ***/

/* Quarto's title: title="…" in the attributes. */
static int
S_attr_title(const char *s, size_t n, const char **t, size_t *tn)
{
	size_t i;

	for (i = 0; i + 7 <= n; i++)
		if (strncmp(s + i, "title=\"", 7) == 0) {
			const char *q = memchr(s + i + 7, '"', n - i - 7);

			if (q == NULL)
				return 0;
			*t = s + i + 7;
			*tn = (size_t)(q - *t);
			return 1;
		}
	return 0;
}

/*
 * Looks at rest (what the open containers left of line ln) for an opening.
 * Returns 1 after writing the opening's replacement to o and pushing it,
 * 0 when rest opens nothing.  col is rest's column in the source.
 */
static int
S_opening(struct rw *w, const char *rest, size_t rn, int ln, int col,
    const char **lines, const size_t *lens, size_t nlines, struct buf *o)
{
	size_t ind = S_spaces(rest, rn), k, tn = 0, nn;
	const char *s = rest + ind, *e = rest + rn, *name, *t = NULL, *kind;
	size_t out_end = o->len;
	int fcol = col + (int)ind;

	if (ind > 3)
		return 0;
	rn -= ind;
	/* mdBook and GitHub: <details><summary>Titel</summary> ... </details>,
	 * a collapsible callout; the summary on this line or the next */
	if (rn >= 9 && strncasecmp(s, "<details", 8) == 0 &&
	    (s[8] == '>' || s[8] == ' ')) {
		const char *sum = NULL, *se = e, *q;
		size_t i = (size_t)ln;	/* the next line, 0-based */

		for (q = s; q + 9 <= e; q++)
			if (strncasecmp(q, "<summary>", 9) == 0) {
				sum = q + 9;
				break;
			}
		if (sum == NULL) {
			while (i < nlines && S_blank(lines[i], lens[i]))
				i++;
			if (i < nlines) {
				q = lines[i] + S_spaces(lines[i], lens[i]);
				se = lines[i] + lens[i];
				if (se - q >= 9 && strncasecmp(q, "<summary>", 9) == 0) {
					sum = q + 9;
					w->blank_line = i + 1;
				}
			}
		}
		t = NULL;
		tn = 0;
		if (sum != NULL) {
			for (q = sum; q + 10 <= se && strncasecmp(q,
			    "</summary>", 10) != 0; q++)
				;
			t = sum;
			tn = q + 10 <= se ? (size_t)(q - sum) : (size_t)(se - sum);
		}
		/* a tip whatever the summary says: one reading "Antwoord"
		 * is what a reader opens, not an answer kept from students */
		buf_put(o, rest, ind);
		S_open_callout(o, "tip", t, tn);
		S_push(w, CT_DETAILS, 0, ind, 0, 1, out_end);
		return 1;
	}
	/* MkDocs: !!! type "Titel", ??? type, ???+ type */
	if (rn > 4 && (strncmp(s, "!!! ", 4) == 0 || strncmp(s, "??? ", 4) == 0 ||
	    strncmp(s, "???+ ", 5) == 0)) {
		name = s + (s[3] == '+' ? 5 : 4);
		while (name < e && *name == ' ')
			name++;
		for (nn = 0; name + nn < e && (isalnum((unsigned char)name[nn]) ||
		    name[nn] == '-' || name[nn] == '_'); nn++)
			;
		if (nn == 0)
			return 0;
		/* further words are more CSS classes; the title is quoted */
		t = memchr(name + nn, '"', (size_t)(e - name - nn));
		tn = t != NULL ? (size_t)(e - t) : 0;
		buf_put(o, rest, ind);
		if ((kind = md_compat_kind(name, nn)) != NULL) {
			S_open_callout(o, kind, t, tn);
		} else {
			/* a quoted title stays, as the quote's first line */
			S_unknown(w, name, nn, ln, fcol);
			S_trim(&t, &tn);
			if (tn >= 2 && t[0] == '"' && t[tn - 1] == '"')
				t++, tn -= 2;
			if (tn > 0) {
				buf_puts(o, "> ");
				buf_put(o, t, tn);
			}
		}
		S_push(w, CT_MKDOCS, 0, ind, 0, 1, out_end);
		w->st[w->depth - 1].body = (size_t)(col - 1) + ind + 4;
		return 1;
	}
	if (rn < 3 || (s[0] != ':' && s[0] != '`'))
		return 0;
	k = S_run(s, rn, s[0]);
	if (k < 3)
		return 0;
	name = s + k;
	while (name < e && *name == ' ')
		name++;
	if (s[0] == '`' && (name >= e || *name != '{'))
		return 0;	/* a code fence: the caller's */
	if (name >= e || (*name == '{' && name + 1 < e &&
	    (name[1] == '.' || name[1] == '#'))) {
		/* Quarto / pandoc attributes: a callout, or a plain div */
		const char *cl = NULL;

		if (name < e) {
			const char *q;

			for (q = name; q + 9 <= e; q++)
				if (strncmp(q, ".callout-", 9) == 0) {
					cl = q + 1;
					break;
				}
		}
		if (cl == NULL) {
			if (name >= e)
				return 0;	/* a bare ':::' closes nothing */
			buf_put(o, rest, ind);
			S_push(w, CT_DIV, ':', ind, k, 0, out_end);
			return 1;
		}
		for (nn = 0; cl + nn < e && (isalnum((unsigned char)cl[nn]) ||
		    cl[nn] == '-'); nn++)
			;
		if (!S_attr_title(name, (size_t)(e - name), &t, &tn)) {
			/* or the first heading of the body */
			size_t i = (size_t)ln;	/* the next line, 0-based */

			while (i < nlines && S_blank(lines[i], lens[i]))
				i++;
			if (i < nlines && lens[i] > 0 && lines[i][0] == '#') {
				t = lines[i];
				tn = lens[i];
				while (tn > 0 && *t == '#')
					t++, tn--;
				while (tn > 0 && t[tn - 1] == '#')
					tn--;
				w->blank_line = i + 1;
			}
		}
		buf_put(o, rest, ind);
		kind = md_compat_kind(cl, nn);
		if (kind == NULL) {
			S_unknown(w, cl, nn, ln, fcol);
			S_push(w, CT_DIV, ':', ind, k, 0, out_end);
			return 1;
		}
		S_open_callout(o, kind, t, tn);
		S_push(w, CT_COLON, ':', ind, k, 1, out_end);
		return 1;
	}
	/* MyST {type} argument, Docusaurus type[Title] or type Title */
	if (*name == '{') {
		const char *q = memchr(name, '}', (size_t)(e - name));

		if (q == NULL)
			return 0;
		name++;
		nn = (size_t)(q - name);
		t = q + 1;
		tn = (size_t)(e - t);
	} else {
		for (nn = 0; name + nn < e && (isalnum((unsigned char)name[nn]) ||
		    name[nn] == '-' || name[nn] == '_'); nn++)
			;
		if (nn == 0)
			return 0;
		t = name + nn;
		tn = (size_t)(e - t);
		if (tn > 0 && *t == '[') {
			const char *q = memchr(t, ']', tn);

			if (q != NULL)
				tn = (size_t)(q - ++t);
		}
	}
	buf_put(o, rest, ind);
	if (nn == 8 && strncasecmp(name, "glossary", 8) == 0) {
		/* terms at the left, their definitions indented: each
		 * entry a definitie callout (the main loop) */
		S_push(w, CT_GLOSS, s[0], ind, k, 0, out_end);
		w->st[w->depth - 1].opts = 1;
		return 1;
	}
	if (S_is_skip(name, nn)) {
		S_push(w, CT_SKIP, s[0], ind, k, 0, out_end);
		return 1;
	}
	if (s[0] == '`' && S_is_code(name, nn)) {
		/* ```{code-block} python is ```python */
		buf_put(o, s, k);
		S_trim(&t, &tn);
		if (nn == 4 && strncasecmp(name, "math", 4) == 0)
			buf_puts(o, "math");
		else
			buf_put(o, t, tn);
		w->code_char = '`';
		w->code_len = k;
		return 1;
	}
	if ((kind = md_compat_kind(name, nn)) == NULL) {
		S_unknown(w, name, nn, ln, fcol);
		S_push(w, CT_DIV, s[0], ind, k, 0, out_end);
		return 1;
	}
	if (nn == 8 && strncasecmp(name, "solution", 8) == 0)
		tn = 0;		/* sphinx-exercise: the argument is a label */
	S_open_callout(o, kind, t, tn);
	S_push(w, s[0] == ':' ? CT_COLON : CT_TICK, s[0], ind, k, 1, out_end);
	return 1;
}

/*** MDX and ES modules ***/

/* `import X from '@theme/Tabs';`: an ES module import, which Docusaurus
 * lets a .md file hold too, and which is no text. */
static int
S_import(const char *s, size_t n)
{
	const char *from;
	size_t i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n > 0 && s[n - 1] == ';')
		n--;
	if (n < 12 || strncmp(s, "import ", 7) != 0 ||
	    (s[n - 1] != '\'' && s[n - 1] != '"'))
		return 0;
	for (from = NULL, i = 7; i + 6 <= n; i++)
		if (strncmp(s + i, " from ", 6) == 0)
			from = s + i + 6;
	if (from == NULL)
		return 0;
	while (*from == ' ')
		from++;
	return *from == s[n - 1] && from < s + n - 1;
}

/* The value of attribute name ("label") in the tag s (n bytes). */
static int
S_jsx_attr(const char *s, size_t n, const char *name, const char **v,
    size_t *vn)
{
	size_t k = strlen(name), i;
	const char *q;

	for (i = 1; i + k + 2 < n; i++)
		if (s[i - 1] == ' ' && strncmp(s + i, name, k) == 0 &&
		    s[i + k] == '=' && (s[i + k + 1] == '"' ||
		    s[i + k + 1] == '\'')) {
			q = memchr(s + i + k + 2, s[i + k + 1], n - i - k - 2);
			if (q == NULL)
				return 0;
			*v = s + i + k + 2;
			*vn = (size_t)(q - *v);
			return 1;
		}
	return 0;
}

/*
 * ES module lines and JSX tags, which no reader should see: an import at
 * the top level of any file is dropped; in a .mdx file an export too,
 * and a line that is a JSX tag (`<Tabs>`, `</TabItem>`, `<Admonition />`)
 * is flattened: a TabItem's label stays as a bold line, the other tags
 * go, their content stays.  Noted once a file.  Returns 1 when the line
 * was taken (its replacement written to o).
 */
static int
S_esm_jsx(struct rw *w, const char *rest, size_t rn, int ln, int col,
    struct buf *o)
{
	size_t ind = S_spaces(rest, rn), nn, vn, i;
	const char *s = rest + ind, *v;
	int close;

	if (w->export_depth > 0) {
		for (i = 0; i < rn; i++)
			w->export_depth += rest[i] == '{' ? 1 :
			    rest[i] == '}' ? -1 : 0;
		return 1;
	}
	if (w->depth == 0 && w->njsx == 0 && ind == 0 && S_import(rest, rn))
		return 1;
	if (!w->mdx)
		return 0;
	if (w->depth == 0 && w->njsx == 0 && ind == 0 &&
	    ((rn > 7 && strncmp(rest, "export ", 7) == 0) ||
	    (rn > 8 && strncmp(rest, "import '", 8) == 0) ||
	    (rn > 8 && strncmp(rest, "import \"", 8) == 0))) {
		for (i = 0; i < rn; i++)
			w->export_depth += rest[i] == '{' ? 1 :
			    rest[i] == '}' ? -1 : 0;
		if (w->export_depth < 0)
			w->export_depth = 0;
		return 1;
	}
	rn -= ind;
	while (rn > 0 && (s[rn - 1] == ' ' || s[rn - 1] == '\r'))
		rn--;
	close = rn > 2 && s[1] == '/';
	if (rn < 3 || s[0] != '<' || s[rn - 1] != '>' ||
	    !isupper((unsigned char)s[close ? 2 : 1]))
		return 0;
	for (nn = 0; close + 1 + nn < rn && (isalnum((unsigned char)
	    s[close + 1 + nn]) || s[close + 1 + nn] == '.'); nn++)
		;
	if (memchr(s + 1, '<', rn - 1) != NULL)
		return 0;	/* more than one tag: text with JSX in it */
	if (!w->jsx_noted) {
		char *name = xstrndup(s + close + 1, nn);

		diag_add(w->dl, DIAG_MDX_JSX, w->path, ln + w->line_off,
		    col + (int)ind, name);
		free(name);
		w->jsx_noted = 1;
	}
	if (close) {
		if (w->njsx > 0)
			w->njsx--;
		return 1;
	}
	if (s[rn - 2] == '/')
		return 1;	/* <Component /> has no text */
	if (w->njsx < MAXDEPTH)
		w->jsx[w->njsx++] = ind;
	if (S_jsx_attr(s, rn, "label", &v, &vn) ||
	    (nn == 7 && strncmp(s + 1, "TabItem", 7) == 0 &&
	    S_jsx_attr(s, rn, "value", &v, &vn))) {
		buf_puts(o, "**");
		buf_put(o, v, vn);
		buf_puts(o, "**");
	}
	return 1;
}

/*** The pass ***/

/* Is rest a closing fence for an open container?  Returns its index + 1
 * in the stack, 0 when not. */
static size_t
S_closing(const struct rw *w, const char *rest, size_t rn)
{
	size_t ind = S_spaces(rest, rn), k, i;
	char c;

	if (ind > 3 || ind >= rn)
		return 0;
	if (rn - ind >= 10 && strncasecmp(rest + ind, "</details>", 10) == 0 &&
	    S_blank(rest + ind + 10, rn - ind - 10)) {
		for (i = w->depth; i > 0; i--)
			if (w->st[i - 1].type == CT_DETAILS)
				return i;
		return 0;
	}
	c = rest[ind];
	if (c != ':' && c != '`')
		return 0;
	k = S_run(rest + ind, rn - ind, c);
	if (k < 3 || !S_blank(rest + ind + k, rn - ind - k))
		return 0;
	/* the innermost fence of that length; MyST nests by length */
	for (i = w->depth; i > 0; i--) {
		const struct cont *ct = &w->st[i - 1];

		if (ct->type == CT_MKDOCS)
			break;
		if (ct->fence == c && (ct->len == k ||
		    (c == '`' && k >= ct->len)))
			return i;
	}
	/* pandoc closes a div with any fence of three or more */
	if (w->depth > 0 && w->st[w->depth - 1].fence == ':' && c == ':')
		return w->depth;
	return 0;
}

/* Is rest an option line (`:class: x`, or within a --- block)? */
static int
S_option(struct cont *c, const char *rest, size_t rn)
{
	const char *s = rest;
	size_t n = rn;

	S_trim(&s, &n);
	if (c->yaml) {
		if (n == 3 && strncmp(s, "---", 3) == 0)
			c->yaml = 0, c->opts = 0;
		return 1;
	}
	if (n == 3 && strncmp(s, "---", 3) == 0) {
		c->yaml = 1;
		return 1;
	}
	if (n > 2 && s[0] == ':' && memchr(s + 1, ':', n - 1) != NULL &&
	    isalpha((unsigned char)s[1])) {
		size_t i = 1;

		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' ||
		    s[i] == '_'))
			i++;
		if (i < n && s[i] == ':')
			return 1;
	}
	c->opts = 0;
	return 0;
}

static int
S_has(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what);
	const char *p = s, *end = s + n;

	/* memchr to each first byte: every chapter is tested seven times
	 * before it is parsed, and most hold none of the marks */
	while ((size_t)(end - p) >= k &&
	    (p = memchr(p, what[0], (size_t)(end - p) - k + 1)) != NULL) {
		if (memcmp(p, what, k) == 0)
			return 1;
		p++;
	}
	return 0;
}

static void
S_map_set(struct md_compat_map *m, size_t i, int shift, int prefix)
{
	m->shift[i] = shift;
	m->prefix[i] = prefix;
}

char *
md_compat_rewrite(const char *src, size_t len, const char *path,
    int line_off, struct md_compat_map *map, size_t *outlen,
    struct diag_list *dl)
{
	struct rw w;
	struct buf o = { 0 };
	const char **lines;
	size_t *lens, nlines = 0, i, d, p, ls, look = 0, plen;
	int changed = 0, mdx;

	memset(map, 0, sizeof(*map));
	plen = strlen(path);
	mdx = plen > 4 && strcasecmp(path + plen - 4, ".mdx") == 0;
	/* Cheap test first: no fence or admonition mark, nothing to do.
	 * An import counts only at a line's start (S_esm_jsx): looking
	 * for it there, rather than at every 'i' of the text, is most of
	 * what the test costs. */
	if (!mdx && !(len >= 7 && memcmp(src, "import ", 7) == 0) &&
	    !S_has(src, len, "\nimport ") &&
	    !S_has(src, len, ":::") && !S_has(src, len, "```{") &&
	    !S_has(src, len, "<details") &&
	    !S_has(src, len, "!!! ") && !S_has(src, len, "??? ") &&
	    !S_has(src, len, "???+ "))
		return NULL;
	for (p = 0; p < len; p++)
		if (src[p] == '\n')
			nlines++;
	nlines++;
	lines = xcalloc(nlines, sizeof(*lines));
	lens = xcalloc(nlines, sizeof(*lens));
	for (i = 0, ls = 0, p = 0; p <= len; p++)
		if (p == len || src[p] == '\n') {
			lines[i] = src + ls;
			lens[i++] = p - ls;
			ls = p + 1;
		}
	nlines = i;
	map->n = nlines;
	map->shift = xcalloc(nlines, sizeof(int));
	map->prefix = xcalloc(nlines, sizeof(int));
	memset(&w, 0, sizeof(w));
	w.path = path;
	w.line_off = line_off;
	w.dl = dl;
	w.mdx = mdx;
	for (i = 0; i < nlines; i++) {
		const char *rest = lines[i];
		size_t rn = lens[i], start = o.len, c;
		int blank = S_blank(rest, rn), skip = 0;

		/* What the open containers take of the line's start. */
		for (d = 0; d < w.depth; d++) {
			struct cont *ct = &w.st[d];
			size_t ind = S_spaces(rest, rn);

			ct->out_end = o.len;
			if (ct->type == CT_SKIP)
				skip = 1;
			if (ct->type == CT_MKDOCS) {
				if (!blank && ind < ct->indent + 4)
					break;	/* the body ended */
				if (blank) {
					/* a blank line inside the body, or
					 * after it: the next line tells */
					if (look <= i)	/* once per run */
						for (look = i + 1; look < nlines &&
						    S_blank(lines[look],
						    lens[look]); look++)
							;
					if (look == nlines || S_spaces(
					    lines[look], lens[look]) < ct->body)
						break;
				}
				buf_put(&o, rest, ind < ct->indent ? ind :
				    ct->indent);
				buf_puts(&o, "> ");
				ind = ind < ct->indent + 4 ? ind :
				    ct->indent + 4;
				rest += ind, rn -= ind;
			} else if (ct->wrap) {
				ind = ind < ct->indent ? ind : ct->indent;
				buf_put(&o, rest, ind);
				buf_puts(&o, "> ");
				rest += ind, rn -= ind;
			}
		}
		if (d < w.depth) {
			o.len = w.st[d].out_end;
			if (w.code_char != 0)
				w.code_char = 0;	/* its container ended */
			w.depth = d;
			skip = 0;
			for (d = 0; d < w.depth; d++)
				skip |= w.st[d].type == CT_SKIP;
		}
		if (w.njsx > 0) {
			/* a JSX element's content is indented under its
			 * tag, which is not Markdown's indented code */
			size_t ind = S_spaces(rest, rn), k = w.jsx[w.njsx - 1] + 2;

			ind = ind < k ? ind : k;
			rest += ind, rn -= ind;
		}
		if (w.code_char == 0 && S_esm_jsx(&w, rest, rn, (int)i + 1,
		    (int)(rest - lines[i]) + 1, &o)) {
			rest += rn, rn = 0;
			changed = 1;
		} else if (w.code_char != 0) {
			/* inside a fenced code block: copied as it is */
			size_t ind = S_spaces(rest, rn);

			if (ind <= 3 && ind < rn && rest[ind] == w.code_char &&
			    (c = S_run(rest + ind, rn - ind, rest[ind])) >=
			    w.code_len && S_blank(rest + ind + c, rn - ind - c))
				w.code_char = 0;
		} else if ((c = S_closing(&w, rest, rn)) != 0) {
			o.len = w.st[c - 1].out_end;
			w.depth = c - 1;
			rest += rn, rn = 0;
			changed = 1;
		} else if (skip) {
			rest += rn, rn = 0;
		} else if (w.blank_line == i + 1) {
			w.blank_line = 0;
			rest += rn, rn = 0;
		} else if (w.depth > 0 && w.st[w.depth - 1].opts &&
		    S_option(&w.st[w.depth - 1], rest, rn)) {
			rest += rn, rn = 0;
		} else if (w.depth > 0 && w.st[w.depth - 1].type == CT_GLOSS) {
			size_t ind = S_spaces(rest, rn), nx;

			if (blank) {
				/* inside an entry when an indented line
				 * follows: the callout goes on */
				for (nx = i + 1; nx < nlines &&
				    S_blank(lines[nx], lens[nx]); nx++)
					;
				if (nx < nlines && S_spaces(lines[nx],
				    lens[nx]) > w.st[w.depth - 1].indent &&
				    S_closing(&w, lines[nx], lens[nx]) == 0)
					buf_putc(&o, '>');
				rest += rn, rn = 0;
			} else if (ind <= w.st[w.depth - 1].indent) {
				buf_puts(&o, "> [!definitie] ");
				rest += ind, rn -= ind;
			} else {
				buf_puts(&o, "> ");
				rest += ind, rn -= ind;
			}
		} else {
			size_t before = o.len;

			if (S_opening(&w, rest, rn, (int)i + 1,
			    (int)(rest - lines[i]) + 1, lines, lens, nlines,
			    &o)) {
				changed = 1;
				S_map_set(map, i, 0, 0);
				S_rstrip(&o, start);
				if (i + 1 < nlines)
					buf_putc(&o, '\n');
				continue;
			}
			o.len = before;
			/* a code fence of its own */
			{
				size_t ind = S_spaces(rest, rn);

				if (ind <= 3 && ind < rn && (rest[ind] == '`' ||
				    rest[ind] == '~') && (c = S_run(rest + ind,
				    rn - ind, rest[ind])) >= 3) {
					w.code_char = rest[ind];
					w.code_len = c;
				}
			}
		}
		if (o.len > start)
			changed = 1;
		S_map_set(map, i, (int)(o.len - start) -
		    (int)(rest - lines[i]), (int)(o.len - start));
		buf_put(&o, rest, rn);
		if (rn == 0)
			S_rstrip(&o, start);
		if (i + 1 < nlines)
			buf_putc(&o, '\n');
	}
	free(lines);
	free(lens);
	if (!changed) {
		buf_free(&o);
		md_compat_map_clear(map);
		return NULL;
	}
	*outlen = o.len;
	return buf_detach(&o);
}

int
md_compat_col(const struct md_compat_map *m, int line, int col)
{
	size_t i;

	if (m == NULL || m->shift == NULL || line < 1 ||
	    (size_t)line > m->n)
		return col;
	i = (size_t)line - 1;
	if (col <= m->prefix[i])
		/* on the inserted "> ": the first byte of the line left */
		return m->prefix[i] - m->shift[i] + 1 > 0 ?
		    m->prefix[i] - m->shift[i] + 1 : 1;
	return col - m->shift[i] > 0 ? col - m->shift[i] : 1;
}

void
md_compat_map_clear(struct md_compat_map *m)
{
	free(m->shift);
	free(m->prefix);
	memset(m, 0, sizeof(*m));
}
