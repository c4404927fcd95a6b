/*
 * pdf_inline — paragraphs into lines.
 *
 * The inline content of a block becomes Knuth–Plass items: a box per piece
 * of a word in one face, glue per space, a flagged penalty per hyphenation
 * point.  pdf_break.c chooses the breaks over the whole paragraph; the lines
 * then become rows of runs at exact x positions (libharu's word spacing does
 * not apply to two-byte codes, so every word is placed).
 */
#include "pdf_inline.h"
#include "buf.h"
#include "hyph.h"
#include "img.h"
#include "mem.h"
#include "pdf_break.h"
#include "pdf_rows.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/*** Collecting the content ***/

enum tok_type { TOK_TEXT, TOK_SPACE, TOK_NBSP, TOK_BREAK, TOK_IMAGE };

struct tok {
	enum tok_type	 type;
	const char	*s;		/* TOK_TEXT: into the tree's strings */
	size_t		 n;		/* TOK_IMAGE: index into para.pic */
	enum font_face	 face;
	int		 link;
	int		 strike;
	int		 line, col;	/* TOK_TEXT: where it starts in the
					   source, for a glyph warning */
};

struct ahead_job;

struct para {
	struct layout		*lay;
	struct ahead_job	*rec;	/* set on the helper thread: what
					   would touch the document's state
					   is written down here instead */
	const struct inline_opts *o;
	struct tok		*t;
	size_t			 nt, ct;
	/* items for the breaker, and what each box draws */
	struct brk_item		*it;
	struct tok		*piece;	/* per item: the text of a box */
	size_t			 ni, ci;
	/* items are made from the tokens as the breaking needs them
	 * (S_items_more()): tk is the next token to turn into items;
	 * items before head are set (a long paragraph, in windows) */
	size_t			 tk, head;
	int			 begun, have_prev;
	size_t			 prev_b;
	int			 noted;		/* DIAG_OVERFULL given */
	/* the walk over the inline tree, resumable: tokens are collected
	 * a chunk at a time (S_collect_more()) once tlimit is set, each
	 * chunk ending in a text node right before a word that follows a
	 * space; tokens already made into items are dropped */
	const struct doc_node	*root, *wn;	/* wn: the node to go on at */
	size_t			 woff;		/* in wn's text, when in_text */
	int			 in_text, wdone;
	int			 alone;		/* one picture and nothing else */
	size_t			 tlimit;	/* 0: no chunks */
	struct style {
		int	bold, italic, strike, link;
		int	under, sup, sub, mono;	/* raw HTML's <u>, <sup>,
						   <sub>, <kbd> */
		int	saved[64];	/* outer link targets, for nested
					   links */
		int	depth;
	}			 st;
	int			 line, col;	/* source position */
	/* the text node being split and its position: a token's column
	 * is the node's plus its offset (exact unless the source held
	 * escapes or entities before it on that line) */
	const char		*node_text;
	size_t			 node_len;
	int			 node_line, node_col;
	/* where the last text node ended: the position of the next one
	 * when it has none of its own (cmark-gfm's autolinks) */
	int			 run_line, run_col;
	/* the images inside the text: file (owned), natural size and the
	 * size S_items_more() chose, in points */
	struct pic {
		char		*file;
		double		 nw, nh, w, h;
	}			*pic;
	size_t			 npic;
};

enum ev_kind { EV_CHECK, EV_OVERFULL, EV_LONG_WORD };

/* Before a side effect on the document's state (a link registered, a
 * diagnostic, a glyph reported): p is not being set on the helper thread,
 * whose para has rec set and whose fonts view logs (see S_helper()). */
#define S_ON_MAIN(p)	assert((p)->rec == NULL && ((p)->lay->fonts == NULL || \
			    !(p)->lay->fonts->logging))
static int	S_rec_link(struct ahead_job *, const char *url);
static void	S_rec_event(struct ahead_job *, enum ev_kind, enum font_face,
		    const char *, size_t, int, int);

static void
S_tok(struct para *p, enum tok_type type, const char *s, size_t n,
    enum font_face face, int link, int strike)
{
	struct tok *t;

	if (p->nt == p->ct) {
		p->ct = p->ct ? p->ct * 2 : 64;
		p->t = xrealloc(p->t, p->ct * sizeof(*p->t));
	}
	t = &p->t[p->nt++];
	t->type = type;
	t->s = s;
	t->n = n;
	t->face = face;
	t->link = link;
	t->strike = strike;
	t->line = p->line;
	t->col = p->col;
	if (s != NULL && p->node_text != NULL && p->node_line > 0 &&
	    s >= p->node_text && s <= p->node_text + p->node_len) {
		t->line = p->node_line;
		t->col = p->node_col + (int)(s - p->node_text);
	}
}

static enum font_face
S_face(enum font_face base, int bold, int italic, int mono)
{
	if (mono)
		return FACE_MONO;
	if (base == FACE_SANS_BOLD || base == FACE_MONO)
		return base;
	if (bold && italic)
		return FACE_BOLDITALIC;
	if (bold)
		return FACE_BOLD;
	if (italic)
		return FACE_ITALIC;
	return base;
}

/* A token in face, or in the fallback face for the stretches of
 * characters face lacks (a Σ in a formula set in Charis). */
static void
S_word_tok(struct para *p, const char *s, size_t n, enum font_face face,
    int link, int strike)
{
	struct fonts *fs = p->lay->fonts;
	size_t i = 0, start = 0, adv;
	int cur = -1, has;
	uint32_t c;

	if (face == FACE_MONO) {
		S_tok(p, TOK_TEXT, s, n, face, link, strike);
		return;
	}
	while (i < n) {
		c = font_utf8(s + i, n - i, &adv);
		has = font_has(fs, face, c) || !font_has(fs, FACE_FALLBACK, c);
		if (cur != -1 && has != cur) {
			S_tok(p, TOK_TEXT, s + start, i - start,
			    cur ? face : FACE_FALLBACK, link, strike);
			start = i;
		}
		cur = has;
		i += adv;
	}
	if (i > start)
		S_tok(p, TOK_TEXT, s + start, i - start,
		    cur ? face : FACE_FALLBACK, link, strike);
}

/* Splits text at spaces into tokens, from byte from of s.  Returns
 * SIZE_MAX at its end, or, once p->tlimit tokens are there (when set),
 * the offset of the next word after a space, to go on from later. */
static size_t
S_text(struct para *p, const char *s, size_t from, enum font_face face,
    int link, int strike)
{
	size_t i = from, start = from, n = strlen(s + from) + from;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (i > start)
				S_word_tok(p, s + start, i - start, face,
				    link, strike);
			S_tok(p, TOK_SPACE, NULL, 0, face, link, strike);
			start = ++i;
			if (p->tlimit > 0 && p->nt >= p->tlimit && i < n &&
			    strchr(" \t\n\r", s[i]) == NULL &&
			    !((unsigned char)s[i] == 0xC2 && i + 1 < n &&
			    (unsigned char)s[i + 1] == 0xA0))
				return i;
		} else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			if (i > start)
				S_word_tok(p, s + start, i - start, face,
				    link, strike);
			S_tok(p, TOK_NBSP, NULL, 0, face, link, strike);
			i += 2;
			start = i;
		} else
			i++;
	}
	if (i > start)
		S_word_tok(p, s + start, i - start, face, link, strike);
	return SIZE_MAX;
}

static void
S_node(struct para *p, const struct doc_node *n, int skip)
{
	if (n == NULL && p->node_line > 0) {
		p->run_line = p->node_line;
		p->run_col = p->node_col + (int)p->node_len;
	}
	p->node_text = n != NULL ? n->text : NULL;
	p->node_len = p->node_text != NULL ? strlen(p->node_text) : 0;
	p->node_line = n != NULL ? n->line : 0;
	p->node_col = n != NULL ? n->col + skip : 0;
	if (n != NULL && n->line <= 0 && p->run_line > 0) {
		p->node_line = p->run_line;
		p->node_col = p->run_col;
	}
}

/* The PL_DECO_* bits of the style. */
static int
S_deco(const struct style *st)
{
	return (st->strike > 0 ? PL_DECO_STRIKE : 0) |
	    (st->under > 0 ? PL_DECO_UNDER : 0) |
	    (st->sup > 0 ? PL_DECO_SUP : st->sub > 0 ? PL_DECO_SUB : 0);
}

/* A counter of the style up (an opening tag) or down (a closing one);
 * a stray closing tag takes nothing away. */
static void
S_count(int *c, int level)
{
	if (level == 1)
		(*c)++;
	else if (level == 2 && *c > 0)
		(*c)--;
}

/*
 * Raw HTML passed through (md_parse named its tag): the inline styles are
 * rendered, <br> breaks the line, anything else is left out (md_parse
 * noted it).  Never the markup itself.
 */
static void
S_tag(struct para *p, const struct doc_node *n, struct style *st)
{
	const char *t = n->info;

	if (strcmp(t, "br") == 0) {
		if (n->level != 2)
			S_tok(p, TOK_BREAK, NULL, 0, p->o->face, st->link,
			    S_deco(st));
	} else if (strcmp(t, "b") == 0 || strcmp(t, "strong") == 0)
		S_count(&st->bold, n->level);
	else if (strcmp(t, "i") == 0 || strcmp(t, "em") == 0)
		S_count(&st->italic, n->level);
	else if (strcmp(t, "u") == 0 || strcmp(t, "ins") == 0)
		S_count(&st->under, n->level);
	else if (strcmp(t, "s") == 0 || strcmp(t, "del") == 0 ||
	    strcmp(t, "strike") == 0)
		S_count(&st->strike, n->level);
	else if (strcmp(t, "sup") == 0)
		S_count(&st->sup, n->level);
	else if (strcmp(t, "sub") == 0)
		S_count(&st->sub, n->level);
	else if (strcmp(t, "kbd") == 0 || strcmp(t, "code") == 0 ||
	    strcmp(t, "tt") == 0)
		S_count(&st->mono, n->level);
}

/* Pixels of a picture in points, as a browser shows them: 96 per inch. */
#define PX_PT	0.75

/* An image inside the text becomes a token of its own, sized by
 * S_items_more(); returns 0 when its file cannot be read as a picture. */
static int
S_image(struct para *p, const struct doc_node *n, const struct style *st)
{
	struct buf path = { 0 };
	unsigned pw, ph;
	struct pic *pc;

	if (n->url == NULL || n->url[0] == '\0')
		return 0;	/* refused or missing: reported already */
	if (n->url[0] != '/' && strchr(n->url, ':') == NULL &&
	    p->lay->img_base != NULL)
		buf_printf(&path, "%s/%s", p->lay->img_base, n->url);
	else
		buf_puts(&path, n->url);
	if (img_probe_file(path.data, &pw, &ph) != 0) {
		buf_free(&path);
		return 0;
	}
	p->pic = xrealloc(p->pic, (p->npic + 1) * sizeof(*p->pic));
	pc = &p->pic[p->npic];
	memset(pc, 0, sizeof(*pc));
	pc->file = buf_detach(&path);
	pc->nw = pw * PX_PT;
	pc->nh = ph * PX_PT;
	S_tok(p, TOK_IMAGE, NULL, p->npic++, p->o->face, st->link, 0);
	return 1;
}

/* Returns 1 when n's children are to be walked. */
static int
S_enter(struct para *p, const struct doc_node *n, struct style *st)
{
	enum font_face base = p->o->face;

	switch (n->type) {
	case DOC_TEXT:
	case DOC_CODE:
	case DOC_HTMLINLINE:
		return 0;	/* S_leaf() */
	case DOC_FOOTREF:
		/* the note's number, raised */
		S_text(p, n->number ? n->number : "", 0,
		    S_face(base, 0, 0, 0), st->link,
		    (S_deco(st) & ~PL_DECO_SUB) | PL_DECO_SUP);
		return 0;
	case DOC_SOFTBREAK:
		S_tok(p, TOK_SPACE, NULL, 0, base, st->link, S_deco(st));
		return 0;
	case DOC_LINEBREAK:
		S_tok(p, TOK_BREAK, NULL, 0, base, st->link, S_deco(st));
		return 0;
	case DOC_EMPH:
		st->italic++;
		return 1;
	case DOC_STRONG:
		st->bold++;
		return 1;
	case DOC_STRIKE:
		st->strike++;
		return 1;
	case DOC_LINK:
		if (st->depth < 64)
			st->saved[st->depth] = st->link;
		st->depth++;
		if (n->url != NULL && n->url[0] != '\0' && p->rec != NULL)
			st->link = S_rec_link(p->rec, n->url);
		else if (n->url != NULL && n->url[0] != '\0') {
			S_ON_MAIN(p);
			st->link = layout_link(p->lay, n->url);
		}
		return 1;
	case DOC_IMAGE:
		/* a picture that cannot be read sets its description (the
		 * scan or the render's check told why) */
		return !S_image(p, n, st);
	default:
		/* other nodes (a table caption's paragraph) set their
		 * content */
		return 1;
	}
}

static void
S_leave(const struct doc_node *n, struct style *st)
{
	switch (n->type) {
	case DOC_EMPH:
		st->italic--;
		break;
	case DOC_STRONG:
		st->bold--;
		break;
	case DOC_STRIKE:
		st->strike--;
		break;
	case DOC_LINK:
		st->depth--;
		st->link = st->depth < 64 ? st->saved[st->depth] : -1;
		break;
	default:
		break;
	}
}

/* The text of a text, code or raw HTML node n, from byte off: S_text()'s
 * result. */
static size_t
S_leaf(struct para *p, const struct doc_node *n, size_t off)
{
	enum font_face base = p->o->face;
	int mono = n->type != DOC_TEXT || p->st.mono > 0;
	size_t r;

	if (n->type == DOC_HTMLINLINE && n->info != NULL) {
		/* a tag md_parse named: its style, never its markup */
		S_tag(p, n, &p->st);
		return SIZE_MAX;
	}
	/* a code span's column is its opening backtick's; raw HTML that
	 * is not a named tag is shown as text, as on the site */
	S_node(p, n, n->type == DOC_CODE);
	r = S_text(p, n->text ? n->text : "", off,
	    S_face(base, p->st.bold, p->st.italic, mono), p->st.link,
	    S_deco(&p->st));
	if (r == SIZE_MAX)
		S_node(p, NULL, 0);
	return r;
}

static int
S_is_leaf(const struct doc_node *n)
{
	return n->type == DOC_TEXT || n->type == DOC_CODE ||
	    n->type == DOC_HTMLINLINE;
}

/* Starts the walk over node's inline content (S_collect_more()). */
static void
S_walk(struct para *p, const struct doc_node *node)
{
	memset(&p->st, 0, sizeof(p->st));
	p->st.link = -1;
	p->root = node;
	p->wn = node->first;
	p->in_text = 0;
	p->wdone = p->wn == NULL;
}

/* Walks the inline subtree without recursion, tracking the style, up to
 * the end or (p->tlimit set) the end of a chunk. */
static void
S_collect_more(struct para *p)
{
	const struct doc_node *n = p->wn;
	size_t r;
	int down;

	if (p->wdone)
		return;
	while (n != NULL) {
		if (S_is_leaf(n)) {
			r = S_leaf(p, n, p->in_text ? p->woff : 0);
			p->in_text = 0;
			if (r != SIZE_MAX) {
				p->wn = n;
				p->woff = r;
				p->in_text = 1;
				return;
			}
			down = 0;
		} else
			down = S_enter(p, n, &p->st);
		if (down && n->first != NULL) {
			n = n->first;
			continue;
		}
		for (;;) {
			S_leave(n, &p->st);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == p->root || n == NULL) {
				n = NULL;
				break;
			}
		}
	}
	p->wn = NULL;
	p->wdone = 1;
}

/* All of node's inline content as tokens. */
static void
S_collect(struct para *p, const struct doc_node *node)
{
	S_walk(p, node);
	S_collect_more(p);
}

/* Tokens are collected this many at a time for setting (inline_set()). */
#define TOK_CHUNK	8192

/* More tokens for S_items_more(), which is at token *i: those made into
 * items already are dropped, except the last of the word before *i (the
 * rule against a break before "%" looks at it).  Returns 0 when there
 * were no more. */
static int
S_more_tokens(struct para *p, size_t *i)
{
	size_t k = *i, nt0;

	if (p->wdone)
		return 0;
	if (p->have_prev && p->prev_b > 0 && p->prev_b - 1 < k)
		k = p->prev_b - 1;
	if (k > 0) {
		memmove(p->t, p->t + k, (p->nt - k) * sizeof(*p->t));
		p->nt -= k;
		*i -= k;
		if (p->have_prev)
			p->prev_b -= k;
	}
	nt0 = p->nt;
	p->tlimit = p->nt + TOK_CHUNK;
	S_collect_more(p);
	return p->nt > nt0 || !p->wdone;
}

/*** Items ***/

static struct brk_item *
S_item(struct para *p, enum brk_type type)
{
	struct brk_item *it;

	if (p->ni == p->ci) {
		p->ci = p->ci ? p->ci * 2 : 128;
		p->it = xrealloc(p->it, p->ci * sizeof(*p->it));
		p->piece = xrealloc(p->piece, p->ci * sizeof(*p->piece));
	}
	it = &p->it[p->ni];
	memset(it, 0, sizeof(*it));
	memset(&p->piece[p->ni], 0, sizeof(p->piece[p->ni]));
	p->piece[p->ni].link = -1;
	p->ni++;
	it->type = type;
	return it;
}

/* A token's size: raised and lowered text is set smaller. */
static double
S_size(const struct inline_opts *o, const struct tok *t)
{
	return t->strike & (PL_DECO_SUP | PL_DECO_SUB) ?
	    o->size * PL_SCRIPT_SIZE : o->size;
}

static void
S_box(struct para *p, const struct tok *t, const char *s, size_t n)
{
	struct brk_item *it = S_item(p, BRK_BOX);
	struct tok *pc = &p->piece[p->ni - 1];

	*pc = *t;
	pc->s = s;
	pc->n = n;
	it->width = font_width(p->lay->fonts, t->face, s, n,
	    S_size(p->o, t));
}

static int
S_isnum(const char *s, size_t n)
{
	return n > 0 && (isdigit((unsigned char)s[0]) ||
	    ((s[0] == '-' || s[0] == '+') && n > 1 &&
	    isdigit((unsigned char)s[1])));
}

/* A space that must not break: "€ 1.250", "15 %", "Tabel 3.1". */
static int
S_nobreak(const char *a, size_t an, const char *b, size_t bn)
{
	static const char *before_num[] = { "Tabel", "Figuur", "Hoofdstuk",
	    "Table", "Figure", "Chapter", "Opdracht", "nr.", "p.", "blz." };
	size_t i, k;

	if (an >= 3 && memcmp(a + an - 3, "\xE2\x82\xAC", 3) == 0)
		return 1;			/* after a euro sign */
	if (bn >= 1 && (b[0] == '%' || (bn >= 3 &&
	    memcmp(b, "\xE2\x80\xB0", 3) == 0)))
		return 1;			/* before % and per mille */
	if (S_isnum(b, bn))
		for (i = 0; i < sizeof(before_num) / sizeof(before_num[0]); i++) {
			k = strlen(before_num[i]);
			if (an == k && memcmp(a, before_num[i], k) == 0)
				return 1;
		}
	if (bn == 1 && (b[0] == '-' || strncmp(b, "\xE2\x80\x93", 3) == 0))
		return 1;			/* a lone dash stays with what went before */
	if (bn == 3 && memcmp(b, "\xE2\x80\x93", 3) == 0)
		return 1;
	return 0;
}

static void
S_glue(struct para *p, const struct tok *t, int breakable)
{
	struct brk_item *it;
	double sp = font_width(p->lay->fonts, t->face, " ", 1, p->o->size);

	if (!breakable) {
		it = S_item(p, BRK_PENALTY);
		it->penalty = BRK_INF;
	}
	it = S_item(p, BRK_GLUE);
	it->width = sp;
	/* TeX's proportions for a word space: stretch 1/2, shrink 1/3. */
	it->stretch = p->o->justify ? sp / 2 : 0;
	it->shrink = p->o->justify ? sp / 3 : 0;
}

static void
S_penalty(struct para *p, double width, double penalty, int flagged)
{
	struct brk_item *it = S_item(p, BRK_PENALTY);

	it->width = width;
	it->penalty = penalty;
	it->flagged = flagged;
}

static void
S_end(struct para *p)
{
	struct brk_item *it;

	it = S_item(p, BRK_PENALTY);
	it->penalty = BRK_INF;
	it = S_item(p, BRK_GLUE);
	it->stretch = 1e6;		/* the last line is set loose */
	S_penalty(p, 0, -BRK_INF, 0);
}

/*** Hyphenation, remembered ***/

/* The breaks of every word hyphenated so far: a text repeats its words,
 * and libhyphen allocates and frees on every call.  Open addressing over
 * a pool holding each word's bytes followed by its breaks, one byte each
 * (only words of up to 255 bytes are kept). */
struct hyph_memo {
	struct memo_slot {
		uint32_t	 hash;
		uint32_t	 off;	/* into pool; 0 = empty */
		uint8_t		 len, n;
	}			*slot;
	size_t			 nslot, used;
	struct buf		 pool;
};

#define MEMO_MAXPOS	64

/* What this file keeps with a layout between paragraphs (layout.inl):
 * made on first use (S_state()), freed by inline_free().  The helper's
 * own layout (inline_ahead.wl) has one of its own, so the two threads
 * never share a memo. */
struct inline_state {
	struct hyph_memo	 memo;		/* breaks by word */
	struct inline_ahead	*ahead;		/* paragraphs set on a helper
						   thread, between
						   inline_ahead_start() and
						   inline_ahead_stop(), or
						   NULL */
};

static struct inline_state *
S_state(struct layout *lay)
{
	if (lay->inl == NULL) {
		lay->inl = xcalloc(1, sizeof(*lay->inl));
		buf_putc(&lay->inl->memo.pool, 0);	/* offset 0: empty */
	}
	return lay->inl;
}

static uint32_t
S_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct memo_slot *
S_memo_find(struct hyph_memo *m, uint32_t h, const char *w, size_t n)
{
	size_t i = h & (m->nslot - 1);
	struct memo_slot *sl;

	for (;;) {
		sl = &m->slot[i];
		if (sl->off == 0 || (sl->hash == h && sl->len == n &&
		    memcmp(m->pool.data + sl->off, w, n) == 0))
			return sl;
		i = (i + 1) & (m->nslot - 1);
	}
}

static void
S_memo_grow(struct hyph_memo *m)
{
	struct memo_slot *old = m->slot, *sl;
	size_t i, n = m->nslot;

	m->nslot = n ? n * 2 : 4096;
	m->slot = xcalloc(m->nslot, sizeof(*m->slot));
	for (i = 0; i < n; i++) {
		if (old[i].off == 0)
			continue;
		for (sl = &m->slot[old[i].hash & (m->nslot - 1)]; sl->off != 0;
		    sl = sl == &m->slot[m->nslot - 1] ? m->slot : sl + 1)
			;
		*sl = old[i];
	}
	free(old);
}

/* hyph_word() through the memo. */
static size_t
S_hyph(struct layout *lay, const char *w, size_t n, size_t *pos, size_t max)
{
	struct hyph_memo *m;
	struct memo_slot *sl;
	size_t got, i, at[MEMO_MAXPOS];
	const unsigned char *bp;
	uint32_t h;

	/* the memo is the document language's: a passage in another
	 * breaks its words afresh */
	if (n == 0 || n > 255 || max > MEMO_MAXPOS ||
	    lay->hyph != lay->hyph_base)
		return hyph_word(lay->hyph, w, n, pos, max);
	m = &S_state(lay)->memo;
	if (2 * (m->used + 1) > m->nslot)
		S_memo_grow(m);
	h = S_hash(w, n);
	sl = S_memo_find(m, h, w, n);
	if (sl->off == 0) {
		got = hyph_word(lay->hyph, w, n, at, MEMO_MAXPOS);
		sl->hash = h;
		sl->off = (uint32_t)m->pool.len;
		sl->len = (uint8_t)n;
		sl->n = (uint8_t)got;
		buf_put(&m->pool, w, n);
		for (i = 0; i < got; i++)
			buf_putc(&m->pool, (int)at[i]);
		m->used++;
	}
	bp = (const unsigned char *)m->pool.data + sl->off + sl->len;
	got = sl->n < max ? sl->n : max;
	for (i = 0; i < got; i++)
		pos[i] = bp[i];
	return got;
}

void
inline_free(struct layout *lay)
{
	struct inline_state *is = lay->inl;

	if (is == NULL)
		return;
	assert(is->ahead == NULL);	/* inline_ahead_stop() first */
	free(is->memo.slot);
	buf_free(&is->memo.pool);
	free(is);
	lay->inl = NULL;
}

/*** Words too long for the line ***/

/* Penalties of the breaks of last resort: above a hyphen (50), and a break
 * anywhere above what any feasible line costs (a line at ratio 2 costs
 * 810 squared), so that a URL breaks at its punctuation and a word at an
 * arbitrary character only when nothing else fits. */
#define PEN_URL		300
#define PEN_ANYWHERE	3000
/* Past this many line widths a piece of a word gets a break every eighth
 * of a line rather than after every character: a megabyte-long word must
 * not become millions of items. */
#define LONG_FINE	8

/* What a long word is called in its note: its first 30 characters. */
static size_t
S_excerpt(const char *s, size_t n)
{
	size_t i = 0, k, adv;

	for (k = 0; k < 30 && i < n; k++, i += adv)
		font_utf8(s + i, n - i, &adv);
	return i;
}

static void
S_long_note(struct layout *lay, const char *file, const char *s, size_t n,
    int line, int col)
{
	size_t k = S_excerpt(s, n);
	struct buf e = { 0 };

	buf_put(&e, s, k);
	if (k < n)
		buf_puts(&e, "...");
	diag_add(lay->dl, DIAG_LONG_WORD, file, line, col, buf_cstr(&e));
	buf_free(&e);
}

/* A break point of a long word: after byte at of the word. */
struct cut {
	size_t	 at;
	int	 kind;		/* 0 hyphenation, else BRK_URL, BRK_ANYWHERE */
};

static int
S_cut_cmp(const void *x, const void *y)
{
	const struct cut *a = x, *b = y;

	return a->at < b->at ? -1 : a->at > b->at;
}

/*
 * A word wider than the line (w, the word's bytes, over tokens [a, b)),
 * which no ordinary break can set: its hyphenation points pos[0..np) are
 * kept, except the dictionary's inside a URL, which must not gain a
 * hyphen; it may also break after / . - ? & = _ (as the Chicago Manual
 * breaks URLs, no hyphen added) and, inside a stretch between those still
 * wider than the line, between any two characters.  The line breakers
 * take these only when nothing else fits (pdf_break.h).
 */
static void
S_long_word(struct para *p, size_t a, size_t b, const struct buf *w,
    const size_t *pos, size_t np)
{
	struct fonts *fs = p->lay->fonts;
	struct cut *cut = NULL;
	size_t ncut = 0, ccut, i, k, adv, seg, off, ti, start, cp, nfix;
	double lw = p->o->width, segw, grain, since, cw, hw;
	int url, kind;
	enum font_face face;

	for (url = 0, i = 0; i + 2 < w->len && !url; i++)
		url = memcmp(w->data + i, "://", 3) == 0;
	url |= w->len > 4 && strncmp(w->data, "www.", 4) == 0;
	ccut = np + 16;
	cut = xmalloc(ccut * sizeof(*cut));
	for (k = 0; k < np; k++)
		if (!url || w->data[pos[k] - 1] == '-')
			cut[ncut++] = (struct cut){ pos[k], 0 };
	for (i = 0; i + 1 < w->len; i++) {
		if (w->data[i] == '\0' || strchr("/.-?&=_", w->data[i]) == NULL)
			continue;
		for (k = 0; k < np && pos[k] != i + 1; k++)
			;
		if (k < np)
			continue;	/* a hyphenation point already */
		if (ncut == ccut)
			cut = xrealloc(cut, (ccut *= 2) * sizeof(*cut));
		cut[ncut++] = (struct cut){ i + 1, BRK_URL };
	}
	qsort(cut, ncut, sizeof(*cut), S_cut_cmp);
	/* breaks anywhere inside the stretches still too wide; the face of
	 * the token a character is in sets its width */
	for (k = 0, seg = 0, ti = a, off = 0, nfix = ncut; k <= nfix; k++) {
		size_t end = k < nfix ? cut[k].at : w->len;

		for (i = seg, segw = 0; i < end; i += adv) {
			while (ti < b && i >= off + p->t[ti].n)
				off += p->t[ti++].n;
			font_utf8(w->data + i, end - i, &adv);
			segw += font_width(fs, p->t[ti].face, w->data + i, adv,
			    p->o->size);
		}
		if (segw > lw) {
			grain = segw > LONG_FINE * lw ? lw / 8 : 0;
			since = 0;
			ti = a;
			off = 0;
			for (i = seg; i < end; i += adv) {
				while (ti < b && i >= off + p->t[ti].n)
					off += p->t[ti++].n;
				font_utf8(w->data + i, end - i, &adv);
				cw = font_width(fs, p->t[ti].face, w->data + i,
				    adv, p->o->size);
				if (i > seg && since + cw > grain) {
					if (ncut == ccut)
						cut = xrealloc(cut, (ccut *= 2) *
						    sizeof(*cut));
					cut[ncut++] = (struct cut){ i,
					    BRK_ANYWHERE };
					since = 0;
				}
				since += cw;
			}
		}
		seg = end;
		ti = a;
		off = 0;
	}
	qsort(cut, ncut, sizeof(*cut), S_cut_cmp);
	/* boxes between the cuts, each in its token's face */
	for (k = 0, ti = a, off = 0; ti < b; off += p->t[ti++].n) {
		const struct tok *t = &p->t[ti];

		start = 0;
		for (; k < ncut && cut[k].at <= off + t->n; k++) {
			cp = cut[k].at - off;
			if (cp == t->n && ti + 1 == b)
				break;		/* the word's end */
			if (cp > start)
				S_box(p, t, t->s + start, cp - start);
			start = cp;
			kind = cut[k].kind;
			face = t->face;
			if (kind == 0 && t->s[cp - 1] != '-') {
				hw = font_width(fs, face, "-", 1, p->o->size);
				S_penalty(p, hw, 50, 1);
			} else if (kind == 0)
				S_penalty(p, 0, 50, 1);
			else {
				S_penalty(p, 0, kind == BRK_URL ? PEN_URL :
				    PEN_ANYWHERE, 0);
				p->it[p->ni - 1].emergency = kind;
			}
		}
		if (t->n > start)
			S_box(p, t, t->s + start, t->n - start);
	}
	free(cut);
}

/* Width of the word made of tokens [a, b). */
static double
S_word_width(struct para *p, size_t a, size_t b)
{
	double w = 0;
	size_t i;

	for (i = a; i < b; i++)
		w += font_width(p->lay->fonts, p->t[i].face, p->t[i].s,
		    p->t[i].n, p->o->size);
	return w;
}

/* A word: tokens [a, b) with no space between.  Hyphenation works on the
 * letters of the whole word, then the pieces are cut at those points. */
static void
S_word(struct para *p, size_t a, size_t b)
{
	struct buf w = { 0 };
	size_t pos[64], np = 0, k, i, off, cut, core_a, core_b, seg_end;
	int mono = 0;
	double hw;

	for (i = a; i < b; i++) {
		buf_put(&w, p->t[i].s, p->t[i].n);
		mono |= p->t[i].face == FACE_MONO;
		if (p->rec == NULL) {
			S_ON_MAIN(p);
			font_check(p->lay->fonts, p->t[i].face, p->t[i].s,
			    p->t[i].n, p->lay->file, p->t[i].line, p->t[i].col,
			    p->lay->dl);
		} else if (!font_complete(p->lay->fonts, p->t[i].face, p->t[i].s,
		    p->t[i].n))
			S_rec_event(p->rec, EV_CHECK, p->t[i].face, p->t[i].s,
			    p->t[i].n, p->t[i].line, p->t[i].col);
	}
	if (p->o->hyphenate && !mono && p->lay->hyph != NULL && w.len >= 5) {
		/* hyphenate the letters, not the surrounding punctuation */
		core_a = 0;
		core_b = w.len;
		while (core_a < core_b && ispunct((unsigned char)w.data[core_a]) &&
		    w.data[core_a] != '-')
			core_a++;
		while (core_b > core_a &&
		    ispunct((unsigned char)w.data[core_b - 1]))
			core_b--;
		/* A compound written with hyphens ("PBM-kledingpakket")
		 * breaks at its hyphens and inside each part. */
		for (i = core_a; i < core_b && np < 60; i = seg_end + 1) {
			seg_end = i;
			while (seg_end < core_b && w.data[seg_end] != '-')
				seg_end++;
			if (seg_end > i) {
				size_t got = S_hyph(p->lay, w.data + i,
				    seg_end - i, pos + np, 60 - np);

				for (k = np; k < np + got; k++)
					pos[k] += i;
				np += got;
			}
			if (seg_end < core_b && seg_end > core_a &&
			    seg_end + 1 < core_b)
				pos[np++] = seg_end + 1;
		}
	}
	/* (a hundredth of a point: a column is exactly as wide as its
	 * longest word, give or take a rounding error) */
	if (p->o->width > 0 && S_word_width(p, a, b) > p->o->width + 0.01) {
		if (p->rec != NULL)
			S_rec_event(p->rec, EV_LONG_WORD, p->t[a].face,
			    p->t[a].s, p->t[a].n, p->t[a].line, p->t[a].col);
		else {
			S_ON_MAIN(p);
			S_long_note(p->lay, p->lay->file, p->t[a].s, p->t[a].n,
			    p->t[a].line, p->t[a].col);
		}
		S_long_word(p, a, b, &w, pos, np);
		buf_free(&w);
		return;
	}
	off = 0;
	k = 0;
	for (i = a; i < b; i++) {
		const struct tok *t = &p->t[i];
		size_t start = 0;

		while (k < np && pos[k] > off && pos[k] < off + t->n) {
			cut = pos[k] - off;
			S_box(p, t, t->s + start, cut - start);
			if (t->s[cut - 1] == '-')
				S_penalty(p, 0, 50, 1);	/* an explicit hyphen */
			else {
				hw = font_width(p->lay->fonts, t->face, "-", 1,
				    p->o->size);
				S_penalty(p, hw, 50, 1);
			}
			start = cut;
			k++;
		}
		if (k < np && pos[k] == off + t->n && i + 1 < b) {
			S_box(p, t, t->s + start, t->n - start);
			hw = t->s[t->n - 1] == '-' ? 0 : font_width(p->lay->fonts,
			    t->face, "-", 1, p->o->size);
			S_penalty(p, hw, 50, 1);
			k++;
		} else
			S_box(p, t, t->s + start, t->n - start);
		off += t->n;
	}
	buf_free(&w);
}

/* The size of picture k in the line: alone in its paragraph or cell it
 * keeps its own size, up to the measure (and 45 % of the page's text
 * height); among words it is scaled to the line (the height of a capital,
 * or its own when smaller), so that it sits on the baseline like a
 * letter and the line keeps its leading. */
static void
S_pic_size(struct para *p, size_t k, int alone)
{
	struct pic *pc = &p->pic[k];
	const struct pdf_style *st = p->lay->st;
	double maxh = st != NULL ? (st->page_h - st->margin_top -
	    st->margin_bottom) * 0.45 : 1e9;

	pc->w = pc->nw;
	pc->h = pc->nh;
	if (!alone && pc->h > p->o->size * 0.75) {
		pc->h = p->o->size * 0.75;
		pc->w = pc->nw * pc->h / pc->nh;
	}
	if (p->o->width > 0 && pc->w > p->o->width) {
		pc->w = p->o->width;
		pc->h = pc->nh * pc->w / pc->nw;
	}
	if (pc->h > maxh) {
		pc->h = maxh;
		pc->w = pc->nw * pc->h / pc->nh;
	}
}

/* Whether the paragraph's only content is one picture. */
static int
S_alone(const struct para *p)
{
	size_t i, n = 0;

	if (p->o->prefix != NULL && p->o->prefix[0] != '\0')
		return 0;
	for (i = 0; i < p->nt; i++)
		if (p->t[i].type == TOK_TEXT || p->t[i].type == TOK_BREAK)
			return 0;
		else if (p->t[i].type == TOK_IMAGE)
			n++;
	return n == 1;
}

/*
 * Turns tokens into items, from p->tk on, until the end of the paragraph
 * (returns 1, the paragraph's end items added) or, between two words or
 * spaces, until the buffer holds at least limit items from p->head
 * (returns 0; call again for more).  A single word is made whole.
 */
static int
S_items_more(struct para *p, size_t limit)
{
	size_t i = p->tk, j;

	if (!p->begun) {
		/* skip leading space */
		for (;;) {
			while (i < p->nt && p->t[i].type != TOK_TEXT &&
			    p->t[i].type != TOK_BREAK &&
			    p->t[i].type != TOK_IMAGE)
				i++;
			if (i < p->nt || !S_more_tokens(p, &i))
				break;
		}
		p->begun = 1;
		/* a paragraph in chunks is long: never one picture alone */
		p->alone = p->wdone && S_alone(p);
	}
	for (;;) {
		/* a chunk ends in spaces before a word: what follows
		 * them is needed to tell trailing spaces from a glue */
		if (!p->wdone && (i == p->nt ||
		    p->t[p->nt - 1].type == TOK_SPACE ||
		    p->t[p->nt - 1].type == TOK_NBSP)) {
			for (j = i; j < p->nt && (p->t[j].type == TOK_SPACE ||
			    p->t[j].type == TOK_NBSP); j++)
				;
			if (j == p->nt && S_more_tokens(p, &i))
				continue;
		}
		if (i >= p->nt)
			break;
		if (p->ni - p->head >= limit) {
			p->tk = i;
			return 0;
		}
		if (p->t[i].type == TOK_IMAGE) {
			struct brk_item *it = S_item(p, BRK_BOX);

			S_pic_size(p, p->t[i].n, p->alone);
			p->piece[p->ni - 1] = p->t[i];
			it->width = p->pic[p->t[i].n].w;
			p->have_prev = 0;	/* no tie to a picture's space */
			i++;
			continue;
		}
		if (p->t[i].type == TOK_TEXT) {
			for (j = i; j < p->nt && p->t[j].type == TOK_TEXT; j++)
				;
			S_word(p, i, j);
			p->prev_b = j;
			p->have_prev = 1;
			i = j;
			continue;
		}
		if (p->t[i].type == TOK_BREAK) {
			S_item(p, BRK_PENALTY)->penalty = BRK_INF;
			S_item(p, BRK_GLUE)->stretch = 1e6;
			S_penalty(p, 0, -BRK_INF, 0);
			p->have_prev = 0;
			for (i++; i < p->nt && (p->t[i].type == TOK_SPACE ||
			    p->t[i].type == TOK_NBSP); i++)
				;
			continue;
		}
		/* spaces: one glue for a run of them */
		{
			int nb = 0;
			const struct tok *sp = &p->t[i];

			for (; i < p->nt && (p->t[i].type == TOK_SPACE ||
			    p->t[i].type == TOK_NBSP); i++)
				nb |= p->t[i].type == TOK_NBSP;
			if (i >= p->nt || p->t[i].type == TOK_BREAK)
				continue;	/* trailing space */
			if (p->have_prev && !nb && p->t[i].type == TOK_TEXT) {
				const struct tok *a = &p->t[p->prev_b - 1];
				const struct tok *b = &p->t[i];

				nb = S_nobreak(a->s, a->n, b->s, b->n);
			}
			S_glue(p, sp, !nb);
		}
	}
	p->tk = i;
	S_end(p);
	return 1;
}

/*** Lines into rows ***/

static double
S_base(const struct inline_opts *o)
{
	return o->leading - (o->leading - o->size) / 2 - o->size * 0.22;
}

/* Ends the run of cur at runx, runw: its text is text[*mark..], which
 * stays in text (closed by a NUL) for the row's pool; S_line() points the
 * run into the pool once the line is done. */
static void
S_run_end(struct pl_row *row, const struct inline_opts *o,
    const struct tok *cur, double runx, double runw, struct buf *text,
    size_t *mark)
{
	struct pl_run *run = row_run_blank(row, runx, runw, cur->face,
	    S_size(o, cur), o->color, cur->link);

	run->len = text->len - *mark;
	run->strike = cur->strike;
	buf_putc(text, '\0');
	*mark = text->len;
}

/* Sets items [start, end) as one row; ratio stretches the glue.  The
 * words' texts go into one block, the row's pool, not a copy each: a
 * long document keeps every line until its pages are drawn. */
static void
S_line(struct para *p, size_t start, size_t end, double ratio, int hyphen,
    double natural)
{
	const struct inline_opts *o = p->o;
	struct pl_row *row = layout_row(p->lay, PL_LINE, o->leading);
	struct buf text = { 0 };
	double x = o->x, gw, runx = 0, runw = 0, tall = 0;
	const struct tok *cur = NULL;
	size_t i, mark = 0;
	char *at;
	int added = 0;

	row->base = S_base(o);
	if (!o->justify && o->align == 'r')
		x += o->width - natural;
	else if (!o->justify && o->align == 'c')
		x += (o->width - natural) / 2;
	for (i = start; i < end; i++) {
		const struct brk_item *it = &p->it[i];

		if (it->type == BRK_BOX && p->piece[i].type == TOK_IMAGE) {
			const struct pic *pc = &p->pic[p->piece[i].n];

			if (cur != NULL) {
				S_run_end(row, o, cur, runx, runw, &text,
				    &mark);
				cur = NULL;
			}
			row_run(row, x, pc->w, p->piece[i].face, pc->h,
			    o->color, pc->file, strlen(pc->file),
			    p->piece[i].link);
			row->runs[row->nruns - 1].strike = PL_DECO_IMAGE;
			if (pc->h > tall)
				tall = pc->h;
			x += it->width;
		} else if (it->type == BRK_BOX) {
			const struct tok *t = &p->piece[i];

			if (cur != NULL && (cur->face != t->face ||
			    cur->link != t->link || cur->strike != t->strike)) {
				S_run_end(row, o, cur, runx, runw, &text,
				    &mark);
				cur = NULL;
			}
			if (cur == NULL) {
				cur = t;
				runx = x;
				runw = 0;
			}
			buf_put(&text, t->s, t->n);
			runw += it->width;
			x += it->width;
		} else if (it->type == BRK_GLUE) {
			gw = it->width;
			if (ratio > 0 && it->stretch < 1e5)
				gw += ratio * it->stretch;
			else if (ratio < 0)
				gw += ratio * it->shrink;
			if (cur != NULL) {
				/* a space ends the run: words sit where the
				 * breaker put them, whatever the viewer's
				 * own spacing */
				S_run_end(row, o, cur, runx, runw, &text,
				    &mark);
				cur = NULL;
			}
			x += gw;
		}
	}
	if (hyphen && cur != NULL && (text.len == mark ||
	    text.data[text.len - 1] != '-')) {
		buf_putc(&text, '-');
		runw += font_width(p->lay->fonts, cur->face, "-", 1, o->size);
		added = 1;
	}
	if (cur != NULL) {
		S_run_end(row, o, cur, runx, runw, &text, &mark);
		/* how a tagged PDF reads the line's end (pdf_rows.h): a
		 * word broken at a hyphen, or inside where it is wider
		 * than the line (a break of last resort), goes on */
		if (hyphen || (end < p->ni && p->it[end].type ==
		    BRK_PENALTY && p->it[end].emergency))
			row->runs[row->nruns - 1].strike |= PL_DECO_BREAK |
			    (added ? PL_DECO_HYPHEN : 0);
	}
	/* the texts in order, each behind the last one's NUL (a picture's
	 * run has its own copy of the file name) */
	if (text.len > 0) {
		/* an exact copy: shrinking the buffer in place would leave
		 * its tail as a gap too small for the next line's */
		row->npool = text.len;
		row->pool = xmalloc(row->npool);
		memcpy(row->pool, text.data, row->npool);
		for (i = 0, at = row->pool; i < row->nruns; i++)
			if (row->runs[i].text == NULL) {
				row->runs[i].text = at;
				at += row->runs[i].len + 1;
			}
	}
	row_trim(row);
	row->hyphen = hyphen;
	/* a picture taller than the text above the baseline lowers the
	 * baseline and makes the line as much taller, a point clear of
	 * the line before */
	if (tall + 1 > row->base) {
		row->h += tall + 1 - row->base;
		row->base = tall + 1;
	}
	buf_free(&text);
}

/* Ragged lines: first fit at natural spacing, for headings, cells and
 * ragged-right text. */
static size_t
S_ragged(struct para *p, size_t from)
{
	size_t i, start = from, last_break = (size_t)-1, rows = 0;
	double w = 0, w_at_break = 0, hw_at_break = 0;
	int hy_at_break = 0;

	/* skip discardable items at a line start */
	for (i = from; i < p->ni; i++) {
		const struct brk_item *it = &p->it[i];
		int legal = (it->type == BRK_GLUE && i > from &&
		    p->it[i - 1].type == BRK_BOX) ||
		    (it->type == BRK_PENALTY && it->penalty < BRK_INF);

		if (legal && (w + (it->type == BRK_PENALTY ? it->width : 0) <=
		    p->o->width || last_break == (size_t)-1)) {
			last_break = i;
			w_at_break = w;
			hw_at_break = it->type == BRK_PENALTY ? it->width : 0;
			hy_at_break = it->type == BRK_PENALTY && it->flagged;
		}
		if (it->type == BRK_PENALTY && it->penalty <= -BRK_INF) {
			S_line(p, start, i, 0, 0, w);
			rows++;
			start = i + 1;
			while (start < p->ni && p->it[start].type != BRK_BOX &&
			    !(p->it[start].type == BRK_PENALTY &&
			    p->it[start].penalty <= -BRK_INF))
				start++;
			i = start - 1;
			w = 0;
			last_break = (size_t)-1;
			continue;
		}
		if (it->type == BRK_BOX || it->type == BRK_GLUE) {
			if (it->type == BRK_GLUE && it->stretch >= 1e5)
				continue;
			w += it->width;
		}
		if (w > p->o->width && last_break != (size_t)-1 &&
		    last_break > start) {
			S_line(p, start, last_break, 0, hy_at_break,
			    w_at_break + hw_at_break);
			rows++;
			start = last_break + 1;
			while (start < p->ni && p->it[start].type != BRK_BOX &&
			    !(p->it[start].type == BRK_PENALTY &&
			    p->it[start].penalty <= -BRK_INF))
				start++;
			i = start - 1;
			w = 0;
			last_break = (size_t)-1;
		}
	}
	return rows;
}

/* A prefix (a heading's number, a callout's label, a glossary term) is
 * set as words of its own face, tied to what follows by a space that does
 * not break. */
static void
S_prefix(struct para *p)
{
	if (p->o->prefix == NULL || p->o->prefix[0] == '\0')
		return;
	S_text(p, p->o->prefix, 0, p->o->prefix_face, -1, 0);
	S_tok(p, TOK_NBSP, NULL, 0, p->o->prefix_face, -1, 0);
}

/* A paragraph of more than WHOLE_MAX items (some 20,000 words) is
 * broken in windows of WIN_ITEMS: total fit over a whole one needs memory
 * in proportion to it (items, prefix sums, every feasible break), and a
 * 10 MB paragraph needed a gigabyte.  Each window but the last is broken
 * as if it ended there, its lines set except the last WIN_KEEP, which the
 * next window breaks again with what follows; the hyphen rules carry
 * over.  Knuth–Plass's choices are mostly local, but not always (one
 * line that cannot be set within the first tolerance sets the whole
 * paragraph at the second), so such a paragraph's lines may differ from
 * the whole one's optimum (salesgen(1), CAVEATS).  Up to WHOLE_MAX, a
 * paragraph is broken whole, as before: that costs at most a few
 * megabytes, whatever the input. */
#define WHOLE_MAX	65536
#define WIN_ITEMS	8192
#define WIN_KEEP	8

static void
S_params(struct para *p, struct brk_params *bp)
{
	memset(bp, 0, sizeof(*bp));
	bp->width = p->o->width;
	bp->line_penalty = 10;
	bp->hyphen_demerits = 3000;
	bp->fitness_demerits = 100;
	bp->max_hyphen_run = 2;
}

/* As TeX does with pretolerance and tolerance: first look for a setting
 * whose spaces stretch at most half a space (r <= 1), and only when there
 * is none allow them up to twice a space.  Returns brk_total_fit()'s
 * result. */
static int
S_fit(const struct brk_item *it, size_t n, struct brk_params *bp,
    struct brk_result *res)
{
	int rc;

	memset(res, 0, sizeof(*res));
	bp->tolerance = 1.0;
	rc = brk_total_fit(it, n, bp, res);
	if (rc > 0) {
		brk_result_free(res);
		memset(res, 0, sizeof(*res));
		bp->tolerance = 2.0;
		rc = brk_total_fit(it, n, bp, res);
	}
	return rc;
}

/* No feasible justified setting (a very long word, a narrow column):
 * rather than gaps wider than twice a space, the rest of the paragraph
 * from item from is set ragged, and the paragraph's position noted. */
static size_t
S_overfull(struct para *p, size_t from)
{
	size_t i;

	while (!S_items_more(p, SIZE_MAX))
		;
	if (p->noted)
		;
	else if (p->rec != NULL)
		S_rec_event(p->rec, EV_OVERFULL, FACE_REGULAR, NULL, 0,
		    p->line, p->col);
	else {
		S_ON_MAIN(p);
		diag_add(p->lay->dl, DIAG_OVERFULL, p->lay->file, p->line,
		    p->col);
	}
	p->noted = 1;
	for (i = from; i < p->ni; i++)
		if (p->it[i].type == BRK_GLUE && p->it[i].stretch < 1e5)
			p->it[i].stretch = p->it[i].shrink = 0;
	return S_ragged(p, from);
}

/* A legal break near head + WIN_ITEMS to end a window at: a glue after a
 * box or a penalty that allows a break, the last one up to there (past
 * the first half of the window), else the first one after.  Returns 0
 * when there is none in the items made so far. */
static size_t
S_cut(const struct para *p)
{
	size_t want = p->head + WIN_ITEMS, i;

	for (i = want; i > p->head + WIN_ITEMS / 2; i--)
		if ((p->it[i].type == BRK_GLUE &&
		    p->it[i - 1].type == BRK_BOX) ||
		    (p->it[i].type == BRK_PENALTY && p->it[i].penalty < BRK_INF &&
		    p->it[i].penalty > -BRK_INF))
			return i;
	for (i = want + 1; i + 3 < p->ni; i++)
		if ((p->it[i].type == BRK_GLUE &&
		    p->it[i - 1].type == BRK_BOX) ||
		    (p->it[i].type == BRK_PENALTY && p->it[i].penalty < BRK_INF))
			return i;
	return 0;
}

/* Sets a paragraph too long to break whole, window by window. */
static size_t
S_windows(struct para *p)
{
	struct brk_params bp;
	struct brk_result res;
	struct brk_item *win = NULL;
	size_t rows = 0, cut, i, nset, keep;
	int done = 0, run = 0, rc;

	for (;;) {
		if (!done) {
			/* drop what is set once it is half the buffer */
			if (p->head > 0 && p->head >= p->ni - p->head) {
				memmove(p->it, p->it + p->head,
				    (p->ni - p->head) * sizeof(*p->it));
				memmove(p->piece, p->piece + p->head,
				    (p->ni - p->head) * sizeof(*p->piece));
				p->ni -= p->head;
				p->head = 0;
			}
			done = S_items_more(p, 2 * WIN_ITEMS);
		}
		cut = p->ni - p->head > 2 * WIN_ITEMS || !done ? S_cut(p) : 0;
		S_params(p, &bp);
		bp.prev_run = run;
		if (cut == 0 && !done) {
			/* no break in sight: all of it, then look again */
			while (!S_items_more(p, SIZE_MAX))
				;
			done = 1;
			continue;
		}
		if (cut == 0) {
			/* the rest of the paragraph, to its end */
			rc = S_fit(p->it + p->head, p->ni - p->head, &bp, &res);
			if (rc != 0) {
				brk_result_free(&res);
				free(win);
				return rc > 0 ? rows + S_overfull(p, p->head) :
				    rows;
			}
			for (i = 0; i < res.n; i++, rows++)
				S_line(p, p->head + res.lines[i].start,
				    p->head + res.lines[i].end,
				    res.lines[i].ratio, res.lines[i].hyphen, 0);
			brk_result_free(&res);
			free(win);
			return rows;
		}
		/* the window, ended as a paragraph ends */
		win = xrealloc(win, (cut - p->head + 3) * sizeof(*win));
		memcpy(win, p->it + p->head, (cut - p->head) * sizeof(*win));
		i = cut - p->head;
		memset(win + i, 0, 3 * sizeof(*win));
		win[i].type = BRK_PENALTY;
		win[i].penalty = BRK_INF;
		win[i + 1].type = BRK_GLUE;
		win[i + 1].stretch = 1e6;
		win[i + 2].type = BRK_PENALTY;
		win[i + 2].penalty = -BRK_INF;
		rc = S_fit(win, i + 3, &bp, &res);
		if (rc != 0) {
			brk_result_free(&res);
			free(win);
			return rc > 0 ? rows + S_overfull(p, p->head) : rows;
		}
		keep = res.n > WIN_KEEP ? WIN_KEEP : res.n - 1;
		nset = res.n - keep;
		for (i = 0; i < nset; i++, rows++) {
			S_line(p, p->head + res.lines[i].start,
			    p->head + res.lines[i].end, res.lines[i].ratio,
			    res.lines[i].hyphen, 0);
			run = res.lines[i].hyphen ? run + 1 : 0;
		}
		if (keep > 0)
			p->head += res.lines[nset].start;
		else {
			/* one line only: the next starts after the cut */
			for (p->head = cut + 1; p->head < p->ni &&
			    p->it[p->head].type != BRK_BOX; p->head++)
				;
		}
		brk_result_free(&res);
	}
}

static size_t
S_set(struct para *p)
{
	struct brk_params bp;
	struct brk_result res;
	size_t i, rows = 0;
	int rc;

	/* (one long word alone makes more than a window's items) */
	if (!S_items_more(p, WHOLE_MAX) || p->ni > WHOLE_MAX) {
		if (p->o->justify)
			return S_windows(p);
		while (!S_items_more(p, SIZE_MAX))
			;
	}
	if (p->ni <= 3)
		return 0;	/* nothing but the paragraph end */
	if (!p->o->justify)
		return S_ragged(p, 0);
	S_params(p, &bp);
	rc = S_fit(p->it, p->ni, &bp, &res);
	if (rc > 0) {
		brk_result_free(&res);
		return S_overfull(p, 0);
	}
	if (rc < 0)
		return 0;
	for (i = 0; i < res.n; i++) {
		const struct brk_line *l = &res.lines[i];

		S_line(p, l->start, l->end, l->ratio,
		    l->hyphen, 0);
		rows++;
	}
	brk_result_free(&res);
	return rows;
}

static void
S_para_free(struct para *p)
{
	size_t i;

	for (i = 0; i < p->npic; i++)
		free(p->pic[i].file);
	free(p->pic);
	free(p->t);
	free(p->it);
	free(p->piece);
}

static size_t S_ahead_take(struct layout *, const struct doc_node *,
    const struct inline_opts *);

size_t
inline_set(struct layout *lay, const struct doc_node *node,
    const struct inline_opts *o)
{
	struct para p;
	size_t n;

	if (lay->inl != NULL && lay->inl->ahead != NULL &&
	    (n = S_ahead_take(lay, node, o)) != (size_t)-1)
		return n;
	memset(&p, 0, sizeof(p));
	p.lay = lay;
	p.o = o;
	p.line = node->line;
	p.col = node->col;
	S_prefix(&p);
	p.tlimit = p.nt + TOK_CHUNK;
	S_walk(&p, node);
	S_collect_more(&p);
	n = S_set(&p);
	S_para_free(&p);
	return n;
}

size_t
inline_set_text(struct layout *lay, const char *text,
    const struct inline_opts *o)
{
	struct para p;
	size_t n;

	memset(&p, 0, sizeof(p));
	p.lay = lay;
	p.o = o;
	S_prefix(&p);
	S_text(&p, text, 0, o->face, -1, 0);
	n = S_set(&p);
	S_para_free(&p);
	return n;
}

void
inline_measure(struct layout *lay, const struct doc_node *node,
    enum font_face face, double size, double *natural, double *longest)
{
	struct inline_opts o;
	struct para p;
	size_t i;
	double word = 0;

	memset(&o, 0, sizeof(o));
	o.face = face;
	o.size = size;
	memset(&p, 0, sizeof(p));
	p.lay = lay;
	p.o = &o;
	S_collect(&p, node);
	*natural = *longest = 0;
	for (i = 0; i < p.nt; i++) {
		if (p.t[i].type == TOK_IMAGE) {
			S_pic_size(&p, p.t[i].n, S_alone(&p));
			word += p.pic[p.t[i].n].w;
			*natural += p.pic[p.t[i].n].w;
		} else if (p.t[i].type == TOK_TEXT) {
			double w = font_width(lay->fonts, p.t[i].face,
			    p.t[i].s, p.t[i].n, size);

			word += w;
			*natural += w;
		} else {
			if (word > *longest)
				*longest = word;
			word = 0;
			*natural += font_width(lay->fonts, face, " ", 1, size);
		}
	}
	if (word > *longest)
		*longest = word;
	S_para_free(&p);
}

/*** Paragraphs set ahead, on a helper thread ***/

/*
 * The helper's rules.  The helper thread (S_helper()) sets paragraphs
 * while the main thread lays out the rest; the result must be the bytes
 * setting them on the main thread gives.  That holds because:
 *
 *  1. It writes only its own things: its layout (inline_ahead.wl, with
 *     its own rows, links and hyphenation memo), its view of the fonts
 *     (inline_ahead.wf: its own used[] bitmaps and a log of what it marks
 *     there) and the jobs it has taken (state JOB_HELPER, under the
 *     mutex).  The tree, the style, the hyphenation patterns and the
 *     fonts' faces it only reads.
 *  2. The fonts' width cache (font.w, font.seen) is shared and filled
 *     lazily; the helper only reads it.  That is safe because
 *     inline_ahead_start() looked every character of every listed
 *     paragraph up in every face (S_prewarm()), and the few the setting
 *     adds (space, hyphen, U+FFFD), before the thread was started.
 *     font_width() and font_has() assert it on a view that logs.
 *  3. What would touch the document's state -- a link registered
 *     (layout_link()), a glyph reported (font_check()), a word too long
 *     or a line overfull (diag_add()), a character marked used -- is
 *     written down in its job instead (para.rec, wf.log), and replayed by
 *     the main thread in S_ahead_take() at the point in document order
 *     where it would have set the paragraph itself.  S_ON_MAIN() asserts
 *     each direct side effect is not on the helper.
 *  4. Each job is set once: JOB_FREE becomes JOB_HELPER or JOB_MAIN under
 *     the mutex, and the main thread reads a helper's job only once it is
 *     JOB_DONE.  The main thread takes the jobs in list order
 *     (inline_ahead.next).
 */

/* Below this much text a thread costs more than it saves. */
#define AHEAD_MIN	8192

struct ahead_ev {
	enum ev_kind	 kind;
	enum font_face	 face;
	const char	*s;		/* EV_CHECK: into the tree's strings */
	size_t		 n;
	int		 line, col;
};

enum job_state { JOB_FREE, JOB_HELPER, JOB_MAIN, JOB_DONE };

struct ahead_job {
	const struct doc_node	*node;
	struct inline_opts	 o;
	size_t			 weight;	/* bytes of text */
	enum job_state		 state;		/* under the mutex */
	/* what the helper made of it */
	size_t			 nset;		/* inline_set()'s result */
	struct pl_row		*rows;
	size_t			 nrows;
	const char		**urls;		/* layout_link() calls, in order */
	size_t			 nurls;
	struct ahead_ev		*ev;		/* diagnostics, in order */
	size_t			 nev;
	uint32_t		*used;		/* characters measured */
	size_t			 nused;
	int			 redo;		/* it met a character the
						   snapshot lacks: set it on
						   the main thread */
};

struct inline_ahead {
	struct ahead_job	*job;
	size_t			 n, cap;
	size_t			 next;		/* the main thread's next job */
	size_t			 start;		/* where the helper begins */
	int			 quit;		/* under the mutex */
	pthread_t		 thread;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct layout		 wl;		/* the helper's own layout */
	struct fonts		 wf;		/* its view of the fonts */
	uint8_t			*wused[FACE__MAX];
	uint8_t			*wseen[FACE__MAX];	/* its snapshot of seen */
	int			 missed;	/* the helper's: see redo */
};

static int
S_rec_link(struct ahead_job *j, const char *url)
{
	j->urls = xrealloc(j->urls, (j->nurls + 1) * sizeof(*j->urls));
	j->urls[j->nurls] = url;
	return (int)j->nurls++;
}

static void
S_rec_event(struct ahead_job *j, enum ev_kind kind, enum font_face face,
    const char *s, size_t n, int line, int col)
{
	struct ahead_ev *e;

	j->ev = xrealloc(j->ev, (j->nev + 1) * sizeof(*j->ev));
	e = &j->ev[j->nev++];
	e->kind = kind;
	e->face = face;
	e->s = s;
	e->n = n;
	e->line = line;
	e->col = col;
}

struct inline_ahead *
inline_ahead_new(void)
{
	return xcalloc(1, sizeof(struct inline_ahead));
}

void
inline_ahead_add(struct inline_ahead *a, const struct doc_node *node,
    const struct inline_opts *o)
{
	struct ahead_job *j;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->job = xrealloc(a->job, a->cap * sizeof(*a->job));
	}
	j = &a->job[a->n++];
	memset(j, 0, sizeof(*j));
	j->node = node;
	j->o = *o;
}

static void
S_rows_free(struct pl_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		row_clear(&rows[i]);
	free(rows);
}

static void
S_job_free(struct ahead_job *j)
{
	S_rows_free(j->rows, j->nrows);
	free(j->urls);
	free(j->ev);
	free(j->used);
	j->rows = NULL;
	j->urls = NULL;
	j->ev = NULL;
	j->used = NULL;
	j->nrows = j->nurls = j->nev = j->nused = 0;
}

/* Sets job j on the helper thread, into its own layout and fonts. */
static void
S_job_run(struct inline_ahead *a, struct ahead_job *j)
{
	struct para p;
	size_t i;
	uint32_t e;

	/* rule 1 and 3: the helper's layout is empty between jobs and
	 * registers no links of its own; whatever setting the paragraph
	 * would do to the document (rows, links, diagnostics, characters
	 * used) is recorded in j and replayed by the main thread in document
	 * order (S_ahead_take) */
	assert(a->wl.n == 0 && a->wl.nlinks == 0 && a->wl.dl == NULL);
	assert(a->wl.fonts == &a->wf && a->wf.logging);
	memset(&p, 0, sizeof(p));
	p.lay = &a->wl;
	p.o = &j->o;
	p.rec = j;
	p.line = j->node->line;
	p.col = j->node->col;
	a->wf.nlog = 0;
	a->missed = 0;
	S_prefix(&p);
	p.tlimit = p.nt + TOK_CHUNK;
	S_walk(&p, j->node);
	S_collect_more(&p);
	j->nset = S_set(&p);
	S_para_free(&p);
	assert(a->wl.nlinks == 0);
	j->redo = a->missed;
	if (a->wl.n > 0) {
		j->rows = xmalloc(a->wl.n * sizeof(*j->rows));
		memcpy(j->rows, a->wl.rows, a->wl.n * sizeof(*j->rows));
		j->nrows = a->wl.n;
		a->wl.n = 0;
	}
	if (a->wf.nlog > 0) {
		j->used = xmalloc(a->wf.nlog * sizeof(*j->used));
		memcpy(j->used, a->wf.log, a->wf.nlog * sizeof(*j->used));
		j->nused = a->wf.nlog;
		/* clean bitmaps for the next paragraph's list */
		for (i = 0; i < a->wf.nlog; i++) {
			e = a->wf.log[i];
			a->wused[e >> 16][(e & 0xFFFF) >> 3] = 0;
		}
	}
}

/* The helper's order: from start to the end, then back from start
 * towards the main thread coming from the beginning. */
static void *
S_helper(void *arg)
{
	struct inline_ahead *a = arg;
	struct ahead_job *j;
	size_t k, i;

	for (k = 0; k < a->n; k++) {
		i = k < a->n - a->start ? a->start + k :
		    a->start - 1 - (k - (a->n - a->start));
		j = &a->job[i];
		pthread_mutex_lock(&a->mu);
		if (a->quit) {
			pthread_mutex_unlock(&a->mu);
			break;
		}
		if (j->state != JOB_FREE) {
			pthread_mutex_unlock(&a->mu);
			if (i < a->start)
				break;	/* met the main thread */
			continue;
		}
		j->state = JOB_HELPER;
		pthread_mutex_unlock(&a->mu);
		S_job_run(a, j);
		pthread_mutex_lock(&a->mu);
		assert(j->state == JOB_HELPER);		/* rule 4 */
		j->state = JOB_DONE;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return NULL;
}

/* Every character of the text under node, looked up in every face. */
static size_t
S_prewarm(struct fonts *fs, const struct doc_node *node, uint8_t *done)
{
	const struct doc_node *n;
	size_t i, len, adv, total = 0;
	uint32_t c;

	for (n = node; n != NULL; n = doc_next(node, n, 0)) {
		if (n->text == NULL)
			continue;
		len = strlen(n->text);
		total += len;
		for (i = 0; i < len; i += adv) {
			c = font_utf8(n->text + i, len - i, &adv);
			if (c > 0xFFFF)
				c = 0xFFFD;
			if (done[c >> 3] & (1u << (c & 7)))
				continue;
			done[c >> 3] |= (uint8_t)(1u << (c & 7));
			font_prewarm(fs, c);
		}
	}
	return total;
}

/* The helper's own layout: its rows, links and memo. */
static void
S_wl_free(struct inline_ahead *a)
{
	inline_free(&a->wl);
	layout_rows_free(&a->wl);
}

static void
S_ahead_free(struct inline_ahead *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		S_job_free(&a->job[i]);
	free(a->job);
	free(a);
}

void
inline_ahead_start(struct layout *l, struct inline_ahead *a)
{
	uint8_t *done;
	size_t i, total = 0, half;
	int f;

	/* -j 1: no helper; every paragraph is set here, in order */
	if (a->n < 2 || l->st->threads == 1) {
		S_ahead_free(a);
		return;
	}
	done = xcalloc(65536 / 8, 1);
	for (i = 0; i < a->n; i++) {
		a->job[i].weight = S_prewarm(l->fonts, a->job[i].node, done);
		total += a->job[i].weight;
	}
	free(done);
	if (total < AHEAD_MIN) {
		S_ahead_free(a);
		return;
	}
	/* what setting measures besides the text */
	font_prewarm(l->fonts, ' ');
	font_prewarm(l->fonts, '-');
	font_prewarm(l->fonts, 0xFFFD);
	/* the main thread has the rest of the layout to do as well */
	for (i = 0, half = 0; i < a->n && half < total / 2; i++)
		half += a->job[i].weight;
	a->start = i < a->n ? i : a->n - 1;
	layout_rows_init(&a->wl, NULL, l->hyph, l->st, NULL);
	a->wf = *l->fonts;
	a->wf.logging = 1;
	a->wf.log = NULL;
	a->wf.nlog = a->wf.caplog = 0;
	for (f = 0; f < FACE__MAX; f++)
		if (a->wf.f[f].used != NULL)
			a->wf.f[f].used = a->wused[f] = xcalloc(65536 / 8, 1);
	/*
	 * The widths are filled lazily, and the main thread goes on filling
	 * them (and marking glyphs in libharu's font definition) while the
	 * helper runs.  So the helper reads widths only of the characters
	 * looked up by now, every one of its text's after the prewarming
	 * above, through a snapshot of seen that is its own; anything else
	 * (text no node holds) makes it give the paragraph back (redo)
	 * rather than look it up.  Safe whatever the text, and the same
	 * output: a paragraph given back is set as -j 1 sets it.
	 */
	for (f = 0; f < FACE__MAX; f++) {
		if (a->wf.f[f].seen == NULL)
			continue;
		assert(a->wf.f[f].def == NULL || (a->wf.f[f].seen[' '] &&
		    a->wf.f[f].seen['-'] && a->wf.f[f].seen[0xFFFD]));
		a->wseen[f] = xmalloc(65536);
		memcpy(a->wseen[f], l->fonts->f[f].seen, 65536);
		a->wf.f[f].seen = a->wseen[f];
		a->wf.f[f].missed = &a->missed;
	}
	a->wl.fonts = &a->wf;
	a->wl.file = l->file;
	a->wl.img_base = l->img_base != NULL ? xstrdup(l->img_base) : NULL;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	if (pthread_create(&a->thread, NULL, S_helper, a) != 0) {
		pthread_mutex_destroy(&a->mu);
		pthread_cond_destroy(&a->cv);
		for (f = 0; f < FACE__MAX; f++) {
			free(a->wused[f]);
			free(a->wseen[f]);
		}
		S_wl_free(a);
		S_ahead_free(a);
		return;
	}
	S_state(l)->ahead = a;
}

void
inline_ahead_stop(struct layout *l)
{
	struct inline_ahead *a = l->inl != NULL ? l->inl->ahead : NULL;
	int f;

	if (a == NULL)
		return;
	pthread_mutex_lock(&a->mu);
	a->quit = 1;
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thread, NULL);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	for (f = 0; f < FACE__MAX; f++) {
		free(a->wused[f]);
		free(a->wseen[f]);
	}
	free(a->wf.log);
	S_wl_free(a);
	S_ahead_free(a);
	l->inl->ahead = NULL;
}

static int
S_same_opts(const struct inline_opts *a, const struct inline_opts *b)
{
	return a->x == b->x && a->width == b->width && a->face == b->face &&
	    a->size == b->size && a->leading == b->leading &&
	    a->justify == b->justify && a->hyphenate == b->hyphenate &&
	    a->color == b->color && a->align == b->align &&
	    a->prefix == NULL && b->prefix == NULL;
}

/* The main thread at node: the helper's result replayed into lay, or
 * (size_t)-1 to set it here. */
static size_t
S_ahead_take(struct layout *lay, const struct doc_node *node,
    const struct inline_opts *o)
{
	struct inline_ahead *a = lay->inl->ahead;
	struct ahead_job *j;
	struct pl_row *r;
	int *map;
	size_t i, k, n;

	if (a->next >= a->n || a->job[a->next].node != node)
		return (size_t)-1;
	j = &a->job[a->next++];
	pthread_mutex_lock(&a->mu);
	if (j->state == JOB_FREE) {
		j->state = JOB_MAIN;
		pthread_mutex_unlock(&a->mu);
		return (size_t)-1;
	}
	assert(j->state == JOB_HELPER || j->state == JOB_DONE);
	while (j->state != JOB_DONE)
		pthread_cond_wait(&a->cv, &a->mu);
	pthread_mutex_unlock(&a->mu);
	if (j->redo || !S_same_opts(o, &j->o)) {
		S_job_free(j);
		return (size_t)-1;
	}
	/* in the order setting it here would have done it */
	map = xmalloc((j->nurls + 1) * sizeof(*map));
	for (i = 0; i < j->nurls; i++)
		map[i] = layout_link(lay, j->urls[i]);
	for (i = 0; i < j->nev; i++) {
		const struct ahead_ev *e = &j->ev[i];

		if (e->kind == EV_CHECK)
			font_check(lay->fonts, e->face, e->s, e->n, lay->file,
			    e->line, e->col, lay->dl);
		else if (e->kind == EV_LONG_WORD)
			S_long_note(lay, lay->file, e->s, e->n, e->line,
			    e->col);
		else
			diag_add(lay->dl, DIAG_OVERFULL, lay->file, e->line,
			    e->col);
	}
	for (i = 0; i < j->nused; i++)
		font_use(lay->fonts, j->used[i]);
	for (i = 0; i < j->nrows; i++) {
		r = layout_row(lay, j->rows[i].kind, j->rows[i].h);
		k = (size_t)r->chapter;
		*r = j->rows[i];
		r->chapter = (int)k;
		for (k = 0; k < r->nruns; k++)
			if (r->runs[k].link >= 0)
				r->runs[k].link = map[r->runs[k].link];
	}
	free(map);
	n = j->nset;
	free(j->rows);		/* the rows' contents are lay's now */
	j->rows = NULL;
	j->nrows = 0;
	S_job_free(j);
	return n;
}
