/*
 * tmpl — the Mustache template engine (see tmpl.h).
 *
 * Owns the parsed form of a template (a flat array of nodes; a section
 * knows where its body ends) and the renderer that walks it.  Parser and
 * renderer are loops over explicit heap stacks, never recursion, so a
 * hostile nesting depth costs heap, not C stack.  Partials are parsed once
 * per render and cached by name.
 *
 * Partial indentation is applied while rendering: every node remembers
 * whether it starts a line of its template, and a standalone partial's
 * indentation is written before each such line, which is what the spec's
 * "prepend to every line of the partial" means without re-parsing text.
 */
#include "tmpl.h"
#include "mem.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Partials nested deeper than this are an error, not a stack overflow. */
#define TMPL_MAX_DEPTH	64

/*
 * Upper bounds on the work of one tmpl_render(): nested sections over lists
 * multiply, so a short template can ask for an astronomical expansion.  No
 * real page comes near these; fuzzing builds lower them with -D.
 */
#ifndef TMPL_MAX_STEPS
#define TMPL_MAX_STEPS	10000000UL
#endif
#ifndef TMPL_MAX_OUTPUT
#define TMPL_MAX_OUTPUT	(256UL * 1024 * 1024)
#endif

#define NOSEC		SIZE_MAX

enum ntype {
	N_TEXT,
	N_VAR,		/* {{x}}: escaped */
	N_RAW,		/* {{{x}}} and {{&x}} */
	N_SECTION,
	N_INVERTED,
	N_PARTIAL
};

struct node {
	enum ntype	  type;
	int		  line, col;	/* of the opening delimiter */
	int		  bol;		/* starts a line: takes the indent */
	int		  close_bol;	/* close tag not standalone, starts a line */
	int		  standalone;	/* partial: on a line of its own */
	size_t		  off, len;	/* N_TEXT: bytes of tmpl.src */
	size_t		  end;		/* sections: index just past the body */
	char		 *name;		/* as written, for messages */
	char		 *keys;		/* name with '.' turned into NULs */
	char		**parts;	/* into keys; nparts == 0 is {{.}} */
	size_t		  nparts;
	char		 *indent;	/* standalone partial: its indentation */
	size_t		  indentlen;
};

struct tmpl {
	char		*path;
	char		*src;
	size_t		 len;
	struct node	*nodes;
	size_t		 n, cap;
};

/* Parsing. */

struct parser {
	struct tmpl		*t;
	struct diag_list	*dl;
	const char		*src;
	size_t			 len;
	const char		*otag, *ctag;	/* current delimiters */
	size_t			 olen, clen;
	size_t			 cur;		/* line/col below are for here */
	int			 line, col;
	size_t			*open;		/* indices of open sections */
	size_t			 nopen, capopen;
	int			 at_bol;	/* next node starts a line */
};

/* Longest name quoted in a message: the rest is noise. */
#define MSGNAME		60

static int
S_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int
S_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Positions are only asked for in increasing order, so the cursor moves
 * forward once over the whole source.  Columns count characters, not
 * bytes, as an editor shows them.
 */
static void
S_where(struct parser *p, size_t off, int *line, int *col)
{
	unsigned char c;

	for (; p->cur < off; p->cur++) {
		c = (unsigned char)p->src[p->cur];
		if (c == '\n') {
			if (p->line < INT_MAX)
				p->line++;
			p->col = 1;
		} else if ((c & 0xC0) != 0x80 && p->col < INT_MAX)
			p->col++;
	}
	*line = p->line;
	*col = p->col;
}

static void
S_syntax(struct parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
S_syntax(struct parser *p, int line, int col, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	if (p->dl == NULL)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_add(p->dl, DIAG_TMPL_SYNTAX, p->t->path, line, col,
	    buf_cstr(&b));
	buf_free(&b);
}

/* Returns the new node, valid until the next S_addnode(). */
static struct node *
S_addnode(struct parser *p, enum ntype type, int line, int col)
{
	struct tmpl *t = p->t;
	struct node *n;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->nodes = xrealloc(t->nodes, t->cap * sizeof(*t->nodes));
	}
	n = &t->nodes[t->n];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->line = line;
	n->col = col;
	n->end = t->n + 1;
	t->n++;
	return n;
}

static void
S_text(struct parser *p, size_t from, size_t to)
{
	struct node *n;

	if (to <= from)
		return;
	n = S_addnode(p, N_TEXT, 0, 0);
	n->off = from;
	n->len = to - from;
	n->bol = p->at_bol;
	p->at_bol = p->src[to - 1] == '\n';
}

/* Keeps the name and splits a dotted name once, here, not per lookup. */
static void
S_setname(struct node *n, const char *s, size_t len)
{
	size_t i, k;

	n->name = xstrndup(s, len);
	if (len == 1 && s[0] == '.')
		return;
	n->keys = xstrndup(s, len);
	for (n->nparts = 1, i = 0; i < len; i++)
		if (s[i] == '.')
			n->nparts++;
	n->parts = xmalloc(n->nparts * sizeof(*n->parts));
	n->parts[0] = n->keys;
	for (k = 1, i = 0; i < len; i++)
		if (n->keys[i] == '.') {
			n->keys[i] = '\0';
			n->parts[k++] = n->keys + i + 1;
		}
}

static void
S_trim(const char *src, size_t *from, size_t *to)
{
	while (*from < *to && S_space((unsigned char)src[*from]))
		(*from)++;
	while (*to > *from && S_space((unsigned char)src[*to - 1]))
		(*to)--;
}

/*
 * memmem() is a GNU and BSD extension that strict C11 with POSIX does not
 * declare.  First byte by memchr, then compare: delimiters are short.
 */
static const char *
S_find(const char *s, size_t n, const char *pat, size_t m)
{
	const char *p = s, *e = s + n;

	while (m > 0 && (size_t)(e - p) >= m &&
	    (p = memchr(p, pat[0], (size_t)(e - p) - m + 1)) != NULL) {
		if (memcmp(p, pat, m) == 0)
			return p;
		p++;
	}
	return NULL;
}

/*
 * Finds the closing delimiter from off on, preceded by pre when pre is not
 * NUL ('}' for {{{x}}}, '=' for {{=a b=}}).  Returns the offset of pre or
 * of the delimiter, or SIZE_MAX.
 */
static size_t
S_close(const struct parser *p, size_t off, int pre)
{
	const char *hit;
	size_t at, from = off;

	while (off < p->len && p->clen <= p->len - off) {
		hit = S_find(p->src + off, p->len - off, p->ctag, p->clen);
		if (hit == NULL)
			break;
		at = (size_t)(hit - p->src);
		if (pre == '\0')
			return at;
		if (at > from && p->src[at - 1] == pre)
			return at - 1;
		off = at + 1;
	}
	return SIZE_MAX;
}

/* {{=open close=}}: two words without '=' or white space. */
static int
S_delims(struct parser *p, size_t from, size_t to, int line, int col)
{
	size_t a, b, c;

	S_trim(p->src, &from, &to);
	for (a = from; a < to && !S_space((unsigned char)p->src[a]); a++)
		;
	for (b = a; b < to && S_space((unsigned char)p->src[b]); b++)
		;
	for (c = b; c < to && !S_space((unsigned char)p->src[c]); c++)
		;
	if (a == from || b == to || c != to ||
	    memchr(p->src + from, '=', a - from) != NULL ||
	    memchr(p->src + b, '=', c - b) != NULL) {
		S_syntax(p, line, col, "invalid set-delimiter tag: expected "
		    "two delimiters without '=' separated by white space, "
		    "as in %.*s=<%% %%>=%.*s", (int)p->olen, p->otag,
		    (int)p->clen, p->ctag);
		return 0;
	}
	p->otag = p->src + from;
	p->olen = a - from;
	p->ctag = p->src + b;
	p->clen = c - b;
	return 1;
}

static int
S_parse(struct parser *p)
{
	const char *hit, *src = p->src;
	size_t len = p->len, pos = 0, start, q, r, end, ls, next, i, ni;
	size_t nfrom, nto;
	struct node *n;
	int kind, standalone, line, col;

	for (;;) {
		hit = S_find(src + pos, len - pos, p->otag, p->olen);
		if (hit == NULL) {
			S_text(p, pos, len);
			break;
		}
		start = (size_t)(hit - src);
		S_where(p, start, &line, &col);
		q = start + p->olen;
		kind = q < len ? (unsigned char)src[q] : '\0';
		if (kind != '\0' && strchr("#^/!>={&", kind) != NULL)
			q++;
		else
			kind = '\0';

		if (kind == '{' || kind == '=') {
			r = S_close(p, q, kind == '{' ? '}' : '=');
			end = r == SIZE_MAX ? r : r + 1 + p->clen;
		} else {
			r = S_close(p, q, '\0');
			end = r == SIZE_MAX ? r : r + p->clen;
		}
		if (r == SIZE_MAX) {
			S_syntax(p, line, col, "unclosed tag: '%.*s%s' has no "
			    "matching '%s%.*s'", (int)p->olen, p->otag,
			    kind == '{' ? "{" : kind == '=' ? "=" : "",
			    kind == '{' ? "}" : kind == '=' ? "=" : "",
			    (int)p->clen, p->ctag);
			return 0;
		}

		/*
		 * A standalone tag owns its line: white space before it back
		 * to a line start that no other tag shares, and only white
		 * space up to the newline (or the end) after it.
		 */
		standalone = 0;
		ls = start;
		next = end;
		if (kind != '\0' && strchr("{&", kind) == NULL) {
			while (ls > pos && S_blank((unsigned char)src[ls - 1]))
				ls--;
			for (i = end; i < len && S_blank((unsigned char)src[i]); i++)
				;
			if ((ls == 0 || src[ls - 1] == '\n') && (i == len ||
			    src[i] == '\n' || (src[i] == '\r' && i + 1 < len &&
			    src[i + 1] == '\n'))) {
				standalone = 1;
				next = i == len ? len : src[i] == '\n' ? i + 1 :
				    i + 2;
			}
		}
		if (!standalone)
			ls = start;
		S_text(p, pos, ls);

		nfrom = q;
		nto = r;
		S_trim(src, &nfrom, &nto);
		if (kind != '!' && kind != '=' && nfrom == nto) {
			S_syntax(p, line, col, "empty tag: a name is missing "
			    "between '%.*s' and '%.*s'", (int)p->olen, p->otag,
			    (int)p->clen, p->ctag);
			return 0;
		}

		switch (kind) {
		case '!':
			/* A comment in a line leaves its line start to what
			 * follows, so indentation lands where it would. */
			if (standalone)
				p->at_bol = 1;
			break;
		case '=':
			if (!S_delims(p, q, r, line, col))
				return 0;
			if (standalone)
				p->at_bol = 1;
			break;
		case '#':
		case '^':
			n = S_addnode(p, kind == '#' ? N_SECTION : N_INVERTED,
			    line, col);
			ni = p->t->n - 1;
			n->bol = standalone ? 0 : p->at_bol;
			S_setname(n, src + nfrom, nto - nfrom);
			if (p->nopen == p->capopen) {
				p->capopen = p->capopen ? p->capopen * 2 : 16;
				p->open = xrealloc(p->open,
				    p->capopen * sizeof(*p->open));
			}
			p->open[p->nopen++] = ni;
			p->at_bol = standalone;
			break;
		case '/':
			if (p->nopen == 0) {
				S_syntax(p, line, col, "unexpected closing tag "
				    "'%.*s': no section is open",
				    (int)(nto - nfrom > MSGNAME ? MSGNAME :
				    nto - nfrom), src + nfrom);
				return 0;
			}
			n = &p->t->nodes[p->open[p->nopen - 1]];
			if (strlen(n->name) != nto - nfrom ||
			    memcmp(n->name, src + nfrom, nto - nfrom) != 0) {
				S_syntax(p, line, col, "closing tag '%.*s' does "
				    "not match open section '%.*s'",
				    (int)(nto - nfrom > MSGNAME ? MSGNAME :
				    nto - nfrom), src + nfrom, MSGNAME,
				    n->name);
				return 0;
			}
			n->end = p->t->n;
			n->close_bol = standalone ? 0 : p->at_bol;
			p->nopen--;
			p->at_bol = standalone;
			break;
		case '>':
			n = S_addnode(p, N_PARTIAL, line, col);
			n->bol = p->at_bol;
			n->standalone = standalone;
			S_setname(n, src + nfrom, nto - nfrom);
			if (standalone && start > ls) {
				n->indent = xstrndup(src + ls, start - ls);
				n->indentlen = start - ls;
			}
			p->at_bol = standalone;
			break;
		default:
			n = S_addnode(p, kind == '\0' ? N_VAR : N_RAW, line,
			    col);
			n->bol = p->at_bol;
			S_setname(n, src + nfrom, nto - nfrom);
			p->at_bol = 0;
			break;
		}
		pos = next;
	}

	if (p->nopen > 0) {
		n = &p->t->nodes[p->open[p->nopen - 1]];
		S_syntax(p, n->line, n->col, "unclosed section '%.*s': "
		    "no closing tag before the end of the template",
		    MSGNAME, n->name);
		return 0;
	}
	return 1;
}

struct tmpl *
tmpl_parse(const char *src, size_t len, const char *path,
    struct diag_list *dl)
{
	struct parser p;
	struct tmpl *t;

	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	t->src = xmalloc(len + 1);
	if (len > 0)
		memcpy(t->src, src, len);
	t->src[len] = '\0';
	t->len = len;

	memset(&p, 0, sizeof(p));
	p.t = t;
	p.dl = dl;
	p.src = t->src;
	p.len = len;
	p.otag = "{{";
	p.ctag = "}}";
	p.olen = p.clen = 2;
	p.line = p.col = 1;
	p.at_bol = 1;
	if (!S_parse(&p)) {
		free(p.open);
		tmpl_free(t);
		return NULL;
	}
	free(p.open);
	return t;
}

void
tmpl_free(struct tmpl *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->nodes[i].name);
		free(t->nodes[i].keys);
		free(t->nodes[i].parts);
		free(t->nodes[i].indent);
	}
	free(t->nodes);
	free(t->src);
	free(t->path);
	free(t);
}

/* Rendering. */

#define F_MISSING	0x01	/* per node: DIAG_TMPL_MISSING given */
#define F_PARTIAL	0x02	/* per node: DIAG_TMPL_PARTIAL given */

/* A template taking part in one render: the root or a cached partial. */
struct unit {
	const struct tmpl	*t;	/* NULL: partial not found or broken */
	char			*name;	/* partial name; NULL for the root */
	unsigned char		*flags;	/* F_*, per node, made on demand */
	int			 owned;
	int			 failed;	/* did not parse */
};

/* Nodes [pc, end) of a unit still to run. */
struct frame {
	size_t			 unit;
	size_t			 pc, end;
	size_t			 sec;	/* section whose body this is, or NOSEC */
	const struct val	*list;	/* being iterated, or NULL */
	size_t			 item;
	int			 pushed;	/* pushed a context entry */
	int			 ownind;	/* appended its indent to r->indent */
	size_t			 ind, indlen;	/* its indent in r->indent */
	int			 depth;		/* partial nesting */
};

/* A context stack entry; map is 1 + the index of the nearest map at or
 * below it (0: none), so lookups skip the scalars that sections push. */
struct cent {
	const struct val	*v;
	size_t			 map;
};

struct render {
	const struct tmpl_opts	*opts;
	struct buf		*out;
	struct diag_list	*dl;
	struct unit		*units;
	size_t			 nunits, capunits;
	struct frame		*fr;
	size_t			 nfr, capfr;
	struct cent		*ctx;
	size_t			 nctx, capctx;
	struct buf		 indent;	/* stack of partial indents */
	struct buf		 scratch;
	size_t			 start;		/* out->len on entry */
	unsigned long		 steps;
	int			 rc;
	int			 stop;
};

static void
S_push_ctx(struct render *r, const struct val *v)
{
	if (r->nctx == r->capctx) {
		r->capctx = r->capctx ? r->capctx * 2 : 16;
		r->ctx = xrealloc(r->ctx, r->capctx * sizeof(*r->ctx));
	}
	r->ctx[r->nctx].v = v;
	r->ctx[r->nctx].map = v != NULL && v->type == VAL_MAP ? r->nctx + 1 :
	    r->nctx > 0 ? r->ctx[r->nctx - 1].map : 0;
	r->nctx++;
}

static struct frame *
S_push_frame(struct render *r)
{
	struct frame *f;

	if (r->nfr == r->capfr) {
		r->capfr = r->capfr ? r->capfr * 2 : 16;
		r->fr = xrealloc(r->fr, r->capfr * sizeof(*r->fr));
	}
	f = &r->fr[r->nfr++];
	memset(f, 0, sizeof(*f));
	f->sec = NOSEC;
	return f;
}

/* The first part of a name is searched down the context stack, the rest
 * only inside what it found: a broken chain is nothing, not a fallback. */
static const struct val *
S_lookup(const struct render *r, const struct node *n)
{
	const struct val *v = NULL;
	size_t i, k;

	if (n->nparts == 0)
		return r->nctx > 0 ? r->ctx[r->nctx - 1].v : NULL;
	for (i = r->nctx > 0 ? r->ctx[r->nctx - 1].map : 0; i > 0;
	    i = i > 1 ? r->ctx[i - 2].map : 0)
		if ((v = val_get(r->ctx[i - 1].v, n->parts[0])) != NULL)
			break;
	for (k = 1; v != NULL && k < n->nparts; k++)
		v = val_get(v, n->parts[k]);
	return v;
}

/* Returns 1 the first time a node is flagged with bit in this render. */
static int
S_first(struct render *r, size_t ui, size_t ni, int bit)
{
	struct unit *u = &r->units[ui];

	if (u->flags == NULL)
		u->flags = xcalloc(u->t->n, 1);
	if (u->flags[ni] & bit)
		return 0;
	u->flags[ni] = (unsigned char)(u->flags[ni] | bit);
	return 1;
}

static void
S_missing(struct render *r, size_t ui, size_t ni)
{
	const struct tmpl *t = r->units[ui].t;
	const struct node *n = &t->nodes[ni];

	if (!r->opts->warn_missing || r->dl == NULL ||
	    !S_first(r, ui, ni, F_MISSING))
		return;
	diag_add(r->dl, DIAG_TMPL_MISSING, t->path, n->line, n->col, n->name);
}

static void
S_fail(struct render *r, const struct tmpl *t, const struct node *n,
    const char *msg)
{
	if (r->dl != NULL)
		diag_add(r->dl, DIAG_TMPL_SYNTAX, t->path, n->line, n->col, msg);
	r->rc = -1;
	r->stop = 1;
}

static void
S_indent(struct render *r, const struct frame *f)
{
	if (f->indlen > 0)
		buf_put(r->out, r->indent.data + f->ind, f->indlen);
}

/* Literal text, with the indent after each newline that has more of this
 * node after it; the next node's own bol flag covers the others. */
static void
S_text_out(struct render *r, const struct frame *f, const struct node *n,
    const char *s)
{
	const char *p = s + n->off, *e = p + n->len, *nl;

	if (n->bol)
		S_indent(r, f);
	if (f->indlen == 0) {
		buf_put(r->out, p, n->len);
		return;
	}
	while ((nl = memchr(p, '\n', (size_t)(e - p))) != NULL &&
	    nl + 1 < e) {
		buf_put(r->out, p, (size_t)(nl + 1 - p));
		S_indent(r, f);
		p = nl + 1;
	}
	buf_put(r->out, p, (size_t)(e - p));
}

static void
S_value_out(struct render *r, const struct node *n, const struct val *v)
{
	const char *s;
	size_t len;

	if (v->type == VAL_STR) {
		s = v->str;
		len = v->len;
	} else {
		buf_reset(&r->scratch);
		val_text(v, &r->scratch);
		s = buf_cstr(&r->scratch);
		len = r->scratch.len;
	}
	if (n->type == N_RAW)
		buf_put(r->out, s, len);
	else
		esc_ctx(r->out, r->opts->esc, s, len);
}

static void
S_section(struct render *r, size_t ni, const struct val *v)
{
	const struct frame *up = &r->fr[r->nfr - 1];
	const struct node *n = &r->units[up->unit].t->nodes[ni];
	struct frame *f;
	size_t unit = up->unit, ind = up->ind, indlen = up->indlen;
	int depth = up->depth;

	if (n->type == N_SECTION ? !val_truthy(v) : val_truthy(v))
		return;
	f = S_push_frame(r);
	f->unit = unit;
	f->pc = ni + 1;
	f->end = n->end;
	f->sec = ni;
	f->ind = ind;
	f->indlen = indlen;
	f->depth = depth;
	if (n->type == N_INVERTED)
		return;
	if (v->type == VAL_LIST) {
		f->list = v;
		f->item = 0;
		v = v->items[0];
	}
	S_push_ctx(r, v);
	f->pushed = 1;
}

/* Finds a partial in this render's cache, loading and parsing it on first
 * use, so a recursive partial is parsed once. */
static size_t
S_load(struct render *r, const char *name)
{
	const char *src = NULL, *path = NULL;
	struct unit *u;
	size_t i;

	for (i = 1; i < r->nunits; i++)
		if (strcmp(r->units[i].name, name) == 0)
			return i;
	if (r->opts->partial != NULL)
		src = r->opts->partial(r->opts->partial_arg, name, &path);
	if (r->nunits == r->capunits) {
		r->capunits *= 2;
		r->units = xrealloc(r->units, r->capunits * sizeof(*r->units));
	}
	u = &r->units[r->nunits];
	memset(u, 0, sizeof(*u));
	u->name = xstrdup(name);
	if (src != NULL) {
		u->t = tmpl_parse(src, strlen(src), path ? path : name,
		    r->dl);
		u->owned = u->t != NULL;
		u->failed = u->t == NULL;
	}
	return r->nunits++;
}

static void
S_partial(struct render *r, size_t ni)
{
	const struct frame *up = &r->fr[r->nfr - 1];
	const struct tmpl *t = r->units[up->unit].t;
	const struct node *n = &t->nodes[ni];
	struct frame *f;
	size_t ui, caller = up->unit, ind = up->ind, indlen = up->indlen;
	int depth = up->depth;

	if (!n->standalone && n->bol)
		S_indent(r, up);
	if (depth >= TMPL_MAX_DEPTH) {
		if (r->dl != NULL)
			diag_add(r->dl, DIAG_TMPL_DEPTH, t->path, n->line,
			    n->col, TMPL_MAX_DEPTH);
		r->rc = -1;
		r->stop = 1;
		return;
	}
	ui = S_load(r, n->name);
	if (r->units[ui].failed) {
		r->rc = -1;
		return;
	}
	if (r->units[ui].t == NULL) {
		if (r->dl != NULL && S_first(r, caller, ni, F_PARTIAL))
			diag_add(r->dl, DIAG_TMPL_PARTIAL, t->path, n->line,
			    n->col, n->name);
		return;
	}
	f = S_push_frame(r);
	f->unit = ui;
	f->pc = 0;
	f->end = r->units[ui].t->n;
	f->depth = depth + 1;
	if (n->standalone) {
		/* The outer indent and this tag's, as one string; the
		 * caller's copy may move when the buffer grows. */
		f->ownind = 1;
		f->ind = r->indent.len;
		buf_grow(&r->indent, indlen + n->indentlen);
		memcpy(r->indent.data + r->indent.len, r->indent.data + ind,
		    indlen);
		r->indent.len += indlen;
		buf_put(&r->indent, n->indent, n->indentlen);
		f->indlen = r->indent.len - f->ind;
	}
}

/* The end of a frame's nodes: next list item, or pop. */
static void
S_leave(struct render *r)
{
	struct frame *f = &r->fr[r->nfr - 1];
	const struct node *n;

	if (f->sec != NOSEC) {
		n = &r->units[f->unit].t->nodes[f->sec];
		if (n->close_bol)
			S_indent(r, f);
		if (f->list != NULL && ++f->item < f->list->n) {
			r->nctx--;
			S_push_ctx(r, f->list->items[f->item]);
			f->pc = f->sec + 1;
			return;
		}
	}
	if (f->pushed)
		r->nctx--;
	if (f->ownind)
		r->indent.len = f->ind;
	r->nfr--;
}

static void
S_run(struct render *r)
{
	const struct tmpl *t;
	const struct node *n;
	const struct val *v;
	struct frame *f;
	size_t ni;

	while (r->nfr > 0 && !r->stop) {
		f = &r->fr[r->nfr - 1];
		if (f->pc >= f->end) {
			S_leave(r);
			continue;
		}
		t = r->units[f->unit].t;
		ni = f->pc++;
		n = &t->nodes[ni];
		if (++r->steps > TMPL_MAX_STEPS) {
			S_fail(r, t, n, "rendering stopped: too many steps "
			    "(sections over lists or partials expand without "
			    "bound)");
			break;
		}
		if (r->out->len - r->start > TMPL_MAX_OUTPUT) {
			S_fail(r, t, n, "rendering stopped: the output grew "
			    "past its limit");
			break;
		}
		switch (n->type) {
		case N_TEXT:
			S_text_out(r, f, n, t->src);
			break;
		case N_VAR:
		case N_RAW:
			if (n->bol)
				S_indent(r, f);
			if ((v = S_lookup(r, n)) != NULL)
				S_value_out(r, n, v);
			else if (n->nparts > 0)
				S_missing(r, f->unit, ni);
			break;
		case N_SECTION:
		case N_INVERTED:
			if (n->bol)
				S_indent(r, f);
			f->pc = n->end;
			/* An absent section name is how optional content is
			 * written ({{#korting}}..{{/korting}}): no warning, only
			 * interpolating an absent name is a likely mistake. */
			v = S_lookup(r, n);
			S_section(r, ni, v);
			break;
		case N_PARTIAL:
			S_partial(r, ni);
			break;
		}
	}
}

int
tmpl_render(const struct tmpl *t, const struct val *ctx,
    const struct tmpl_opts *opts, struct buf *out, struct diag_list *dl)
{
	static const struct tmpl_opts defopts = { ESC_HTML, NULL, NULL, 0 };
	struct render r;
	struct frame *f;
	size_t i;

	if (t == NULL)
		return -1;
	memset(&r, 0, sizeof(r));
	r.opts = opts != NULL ? opts : &defopts;
	r.out = out;
	r.dl = dl;
	r.start = out->len;
	r.capunits = 4;
	r.units = xcalloc(r.capunits, sizeof(*r.units));
	r.units[0].t = t;
	r.nunits = 1;
	S_push_ctx(&r, ctx);
	f = S_push_frame(&r);
	f->end = t->n;

	/* Even an empty render leaves out a valid C string. */
	buf_grow(out, 0);
	out->data[out->len] = '\0';
	S_run(&r);

	for (i = 0; i < r.nunits; i++) {
		if (r.units[i].owned)
			tmpl_free((struct tmpl *)r.units[i].t);
		free(r.units[i].flags);
		free(r.units[i].name);
	}
	free(r.units);
	free(r.fr);
	free(r.ctx);
	buf_free(&r.indent);
	buf_free(&r.scratch);
	return r.rc;
}

/*** Literal ids ***/

char **
tmpl_ids(const char *src, size_t len)
{
	char **v = xcalloc(1, sizeof(*v));
	const char *p = src, *end = src + len, *val, *q;
	size_t n = 0;
	char quote;

	while (p + 4 <= end && (p = S_find(p, (size_t)(end - p), "id=",
	    3)) != NULL) {
		/* an attribute of its own: "data-id=" or "grid=" is not one */
		if (p == src || (p[-1] != ' ' && p[-1] != '\t' &&
		    p[-1] != '\n' && p[-1] != '\r') || p + 4 > end) {
			p += 3;
			continue;
		}
		quote = p[3];
		val = p + 4;
		p += 3;
		if (quote != '"' && quote != '\'')
			continue;
		if ((q = memchr(val, quote, (size_t)(end - val))) == NULL)
			break;
		p = q + 1;
		/* "{{id}}" or "x-{{n}}" is the template's to fill in */
		if (q == val || S_find(val, (size_t)(q - val), "{{", 2) != NULL)
			continue;
		v = xrealloc(v, (n + 2) * sizeof(*v));
		v[n++] = xstrndup(val, (size_t)(q - val));
		v[n] = NULL;
	}
	return v;
}

void
tmpl_ids_free(char **v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}
