/*
 * pdf — assembling a handout (see pdf.h): title page, table of contents
 * with the page numbers the body ends up on, the chapters, the glossary;
 * bookmarks, links and document information; deterministic bytes.
 */
#include "pdf.h"
#include "buf.h"
#include "file.h"
#include "fingerprint.h"
#include "hyph.h"
#include "i18n.h"
#include "mem.h"
#include "pdf_draw.h"
#include "pdf_font.h"
#include "pdf_inline.h"
#include "pdf_layout.h"
#include "pdf_page.h"
#include "pdf_pack.h"
#include "pdf_register.h"
#include "register.h"
#include "pdf_tag.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#define INK	PL_COLOR(0x1d, 0x23, 0x2b)
#define ACCENT	PL_COLOR(0x0b, 0x5c, 0xad)
#define MUTED	PL_COLOR(0x5b, 0x66, 0x75)

/* The sRGB profile a PDF/A output intent embeds (icc-profiles-free). */
#ifndef PDF_SRGB_ICC
#define PDF_SRGB_ICC	"/usr/share/color/icc/sRGB.icc"
#endif

struct job {
	HPDF_Doc		 pdf;
	struct fonts		*fonts;	/* the environment's, or our own */
	struct hyph		*hyph;
	struct pdf_env		*env;	/* NULL: made for this document */
	struct pdf_style	 st;
	struct diag_list	*dl;
	const char		*src;	/* the input, for messages */
	int			 failed;
	struct tag_tree		*tag;	/* the structure tree (owned), or
					   NULL: untagged (--pdf-standard) */
	int			 pdfa;	/* PDF/A-2a as well */
};

/* libharu calls this when it fails, and it only records that: the caller
 * of the call that failed reports it at the input it was drawing
 * (draw_check) and resets libharu's state; S_save reports what nobody
 * did.  Either way no PDF is written. */
static void
S_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct job *j = arg;

	(void)code;
	(void)detail;
	j->failed = 1;
}

/* What documents in a row can share: the measured fonts and the
 * hyphenation patterns, loaded once (a mailing of a thousand proposals
 * loads them once per thread, not a thousand times). */
struct pdf_env {
	struct fonts	 fonts;
	struct hyph	*hyph;
	char		*lang;
};

/* The hyphenation patterns load on a thread of their own while the fonts
 * load: each takes about a fifth of a short document's time. */
struct hyph_load {
	const char		*lang;
	struct hyph		*hyph;
	struct diag_list	*dl;	/* its own, moved over after */
};

static void *
S_hyph_load(void *arg)
{
	struct hyph_load *h = arg;

	h->hyph = hyph_new(h->lang, h->dl);
	return NULL;
}

struct pdf_env *
pdf_env_new(const char *lang, const struct pdf_opts *o, struct diag_list *dl)
{
	struct pdf_env *e = xcalloc(1, sizeof(*e));
	struct font_families fam;
	struct hyph_load hl;
	pthread_t t;
	size_t i;
	int threaded, rc;

	memset(&fam, 0, sizeof(fam));
	if (o != NULL) {
		fam.serif = o->serif;
		fam.sans = o->sans;
		fam.mono = o->mono;
	}
	e->lang = xstrdup(lang);
	hl.lang = e->lang;
	hl.hyph = NULL;
	hl.dl = diag_list_new();
	threaded = (o == NULL || o->threads != 1) &&
	    pthread_create(&t, NULL, S_hyph_load, &hl) == 0;
	rc = fonts_load(&e->fonts, &fam, dl);
	if (threaded)
		pthread_join(t, NULL);
	else
		S_hyph_load(&hl);
	e->hyph = hl.hyph;
	diag_move(dl, hl.dl);
	diag_list_free(hl.dl);
	if (rc != 0) {
		pdf_env_free(e);
		return NULL;
	}
	for (i = 0; o != NULL && e->hyph != NULL && i < o->nhyphens; i++)
		hyph_exception(e->hyph, o->hyphens[i]);
	return e;
}

void
pdf_env_free(struct pdf_env *e)
{
	if (e == NULL)
		return;
	fonts_free(&e->fonts);
	hyph_free(e->hyph);
	free(e->lang);
	free(e);
}

void
pdf_env_share(struct pdf_env *e, struct fcache *cache,
    const unsigned char *keep)
{
	if (e != NULL)
		fonts_share(&e->fonts, cache, keep);
}

static int
S_open(struct job *j, const char *lang, const struct pdf_opts *o,
    struct pdf_env *env, struct diag_list *dl)
{
	memset(j, 0, sizeof(*j));
	j->dl = dl;
	pdf_style_default(&j->st, o && o->letter);
	j->st.ragged = o && o->ragged;
	j->st.tabs = o ? o->tabs : 0;
	j->st.threads = o ? o->threads : 0;
	j->st.lang = lang;
	if (o && o->accent != 0 && o->accent != 0xFF000000u)
		j->st.accent = o->accent & 0xFFFFFF;
	if ((j->pdf = HPDF_New(S_error, j)) == NULL) {
		diag_add(dl, DIAG_PDF, NULL, 0, 0, "the document",
		    draw_error_words(HPDF_FAILD_TO_ALLOC_MEM));
		return -1;
	}
	if (o == NULL || o->standard != PDF_STD_NONE)
		j->tag = tag_new(lang);
	/* A tagged PDF is packed (S_bytes), and the packer compresses with
	 * libdeflate every stream libharu leaves uncompressed, faster than
	 * libharu's zlib at its default level (pdf_zip.c).  The page
	 * contents are compressed by pdf_draw.c as they are made, in either
	 * case; libharu compresses the fonts and images of an untagged PDF,
	 * which is not packed. */
	HPDF_SetCompressionMode(j->pdf, j->tag != NULL ? HPDF_COMP_TEXT :
	    HPDF_COMP_ALL);
	j->pdfa = o == NULL || o->standard == PDF_STD_A2A_UA;
	if (env == NULL || strcmp(env->lang, lang) != 0) {
		if ((env = pdf_env_new(lang, o, dl)) == NULL)
			return -1;
		j->env = env;	/* ours to free */
	}
	fonts_reset(&env->fonts);
	j->fonts = &env->fonts;
	j->hyph = env->hyph;
	return 0;
}

static void
S_close(struct job *j)
{
	if (j->pdf != NULL)
		HPDF_Free(j->pdf);
	tag_free(j->tag);
	if (j->fonts != NULL)
		fonts_reset(j->fonts);	/* the subsets lived until the save */
	pdf_env_free(j->env);
}

/* One text entry of the document information dictionary: ASCII through
 * libharu as before, anything else as draw_text_string() makes it (the
 * info dictionary exists once HPDF_SetInfoAttr() has been called: the
 * creator, which S_info() sets first). */
static void
S_info_text(struct job *j, HPDF_InfoType type, const char *key,
    const char *value)
{
	HPDF_Binary bin;

	if (j->pdf->info == NULL ||
	    (bin = draw_text_string(j->pdf, value)) == NULL) {
		HPDF_SetInfoAttr(j->pdf, type, value);
		return;
	}
	HPDF_Dict_Add(j->pdf->info, key, bin);
}

/* Document information, the language, and a date only when asked for
 * with SOURCE_DATE_EPOCH: the same input must give the same bytes. */
static void
S_info(struct job *j, const char *title, const char *author,
    const char *lang)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	HPDF_Date dt;
	struct tm tm;
	time_t t;
	struct buf tb = { 0 };

	HPDF_SetInfoAttr(j->pdf, HPDF_INFO_CREATOR, "salesgen");
	/* a heading of any length may be the title, and libharu fails the
	 * document for a text over 64 KB */
	if (title) {
		draw_clip_text(&tb, title, DRAW_TEXT_MAX);
		S_info_text(j, HPDF_INFO_TITLE, "Title", buf_cstr(&tb));
	}
	if (author) {
		buf_reset(&tb);
		draw_clip_text(&tb, author, DRAW_TEXT_MAX);
		S_info_text(j, HPDF_INFO_AUTHOR, "Author", buf_cstr(&tb));
	}
	buf_free(&tb);
	HPDF_Dict_Add(j->pdf->catalog, "Lang",
	    HPDF_String_New(j->pdf->mmgr, lang, NULL));
	if (sde != NULL && *sde != '\0') {
		t = (time_t)strtoll(sde, NULL, 10);
		gmtime_r(&t, &tm);
		memset(&dt, 0, sizeof(dt));
		dt.year = tm.tm_year + 1900;
		dt.month = tm.tm_mon + 1;
		dt.day = tm.tm_mday;
		dt.hour = tm.tm_hour;
		dt.minutes = tm.tm_min;
		dt.seconds = tm.tm_sec;
		dt.ind = 'Z';
		HPDF_SetInfoDateAttr(j->pdf, HPDF_INFO_CREATION_DATE, dt);
		HPDF_SetInfoDateAttr(j->pdf, HPDF_INFO_MOD_DATE, dt);
	}
}

/* The structure tree and the keys of a tagged PDF (pdf_tag.h), after
 * the pages and S_info(). */
static void
S_tag(struct job *j, const char *title, const char *author)
{
	struct buf tb = { 0 }, ab = { 0 };
	char *icc = NULL;
	size_t len = 0;

	if (j->tag == NULL)
		return;
	if (title != NULL)
		draw_clip_text(&tb, title, DRAW_TEXT_MAX);
	if (author != NULL)
		draw_clip_text(&ab, author, DRAW_TEXT_MAX);
	/* PDF/A-2a where it holds: with the sRGB profile of Debian's
	 * icc-profiles-free (salesgen(1), CAVEATS) */
	if (j->pdfa && file_is_reg(PDF_SRGB_ICC))
		icc = file_read(PDF_SRGB_ICC, &len, j->dl);
	if (tag_finish(j->tag, j->pdf, title != NULL ? buf_cstr(&tb) :
	    NULL, author != NULL ? buf_cstr(&ab) : NULL,
	    (const unsigned char *)icc, len) != 0) {
		diag_add(j->dl, DIAG_PDF, j->src, 0, 0, "the structure tree",
		    draw_error_words(HPDF_GetError(j->pdf)));
		j->failed = 1;
	}
	free(icc);
	buf_free(&tb);
	buf_free(&ab);
}

static int	S_saved(struct job *, struct buf *);

int
pdf_standard_parse(const char *s)
{
	if (strcmp(s, "a2a+ua") == 0)
		return PDF_STD_A2A_UA;
	if (strcmp(s, "ua") == 0)
		return PDF_STD_UA;
	if (strcmp(s, "none") == 0)
		return PDF_STD_NONE;
	return -1;
}

/* The PDF's bytes, appended to b: from PDF 1.5 on (the tagged ones),
 * with the small objects in object streams (pdf_pack.h). */
static int
S_bytes(struct job *j, struct buf *b)
{
	struct buf raw = { 0 };
	struct pack_more more;
	int rc;

	if (j->failed || j->pdf->pdf_version < HPDF_VER_15)
		return S_saved(j, b);
	rc = S_saved(j, &raw);
	/* the structure tree goes straight into the object streams */
	tag_pack(j->tag, &more);
	if (rc == 0)
		rc = pack_pdf_more(raw.data, raw.len, more.write != NULL ?
		    &more : NULL, b, j->src, j->dl);
	buf_free(&raw);
	return rc;
}

/* libharu's writer into a struct buf (the stream's attr).  Its own
 * memory stream copies every byte twice in a byte-at-a-time loop
 * (HPDF_MemCpy), in and out: a tenth of a tagged handout's time. */
static HPDF_STATUS
S_write_buf(HPDF_Stream st, const HPDF_BYTE *p, HPDF_UINT n)
{
	buf_put(st->attr, p, n);
	return HPDF_OK;
}

/* The bytes libharu saves, appended to b. */
static int
S_saved(struct job *j, struct buf *b)
{
	HPDF_Stream st = NULL, mem;
	size_t start = b->len;

	if (!j->failed &&
	    (st = HPDF_CallbackWriter_New(j->pdf->mmgr, S_write_buf, b)) ==
	    NULL)
		j->failed = 1;
	if (!j->failed) {
		/* HPDF_SaveToStream writes to the document's stream,
		 * whatever its kind (a memory stream's data is freed
		 * first, a writer's is left alone) */
		mem = j->pdf->stream;
		j->pdf->stream = st;
		HPDF_SaveToStream(j->pdf);
		j->pdf->stream = mem;
	}
	if (st != NULL)
		HPDF_Stream_Free(st);
	if (j->failed) {
		b->len = start;
		if (b->data != NULL)
			b->data[start] = '\0';
		/* a failure no caller turned into a message */
		if (HPDF_GetError(j->pdf) != HPDF_OK)
			diag_add(j->dl, DIAG_PDF, j->src, 0, 0,
			    "the document",
			    draw_error_words(HPDF_GetError(j->pdf)));
		return -1;
	}
	return 0;
}

static int
S_save(struct job *j, const char *out)
{
	struct buf b = { 0 };
	int rc;

	rc = S_bytes(j, &b);
	if (rc == 0)
		rc = file_write_sync(out, b.data ? b.data : "", b.len, j->dl);
	buf_free(&b);
	return rc;
}

static double
S_body_h(const struct job *j)
{
	return j->st.page_h - j->st.margin_top - j->st.margin_bottom;
}

static double
S_width(const struct job *j)
{
	return j->st.page_w - j->st.margin_left - j->st.margin_right;
}

static void
S_line(struct layout *l, const char *text, enum font_face face, double size,
    uint32_t color, int align, double space_after)
{
	struct inline_opts o;

	memset(&o, 0, sizeof(o));
	o.x = l->st->margin_left;
	o.width = l->st->page_w - l->st->margin_left - l->st->margin_right;
	o.face = face;
	o.size = size;
	o.leading = size * 1.3;
	o.color = color;
	o.align = align;
	inline_set_text(l, text, &o);
	if (space_after > 0)
		layout_space(l, space_after);
}

/*** Course ***/

/* The anchor of a part's page, in its first chapter: no heading id takes
 * it (they are slugs of text, without an underscore at the start). */
#define S_PART_ID	"_deel"

/* A part's page in the course's handouts, before its first chapter: its
 * title large, a bookmark beside the chapters', the contents' target. */
static void
S_part_page(struct job *j, struct layout *l, int number, const char *title)
{
	struct pl_row *r;
	struct buf lab = { 0 };
	size_t from;

	if (l->n > 0)
		layout_row(l, PL_PAGE, 0);
	/* a third down the page, as a book's part title */
	layout_space_top(l, S_body_h(j) * 0.3);
	buf_printf(&lab, "%s %d", i18n(j->st.lang, I18N_PART), number);
	/* the label is the page's first line: the bookmark's and the
	 * contents' target, and no running head above it */
	from = l->n;
	S_line(l, buf_cstr(&lab), FACE_SANS_BOLD, 12, MUTED, 'l', 8);
	buf_free(&lab);
	S_line(l, title, FACE_SANS_BOLD, 26, ACCENT, 'l', 0);
	/* "Deel N" and the title are the Part's heading, one H1 read as
	 * "Deel 1 Klantkennis": as high as the chapters' H1s (a Part's
	 * heading above H1 has no level to take, and the chapters' H1s
	 * stay what each chapter's own PDF has), so no level is skipped
	 * from the contents' H1 through the parts to the chapters */
	if (l->tag != NULL)
		tag_leaf(l->tag, tag_heading(l->tag, 1), from, l->n, NULL);
	if (l->n > from) {
		r = &l->rows[from];
		r->anchor = layout_anchor(l, S_PART_ID);
		r->outline = 1;
		free(r->otitle);
		r->otitle = xstrdup(title);
	}
}

/* The title page: title, subtitle, author, edition. */
static void
S_title_page(struct job *j, struct layout *l, const struct course *c,
    enum edition e)
{
	layout_space_top(l, S_body_h(j) * 0.28);
	S_line(l, c->title, FACE_SANS_BOLD, 28, ACCENT, 'l', 14);
	if (c->subtitle)
		S_line(l, c->subtitle, FACE_ITALIC, 14, INK, 'l', 30);
	if (c->author)
		S_line(l, c->author, FACE_REGULAR, 12, INK, 'l', 8);
	S_line(l, i18n(c->lang, e == EDITION_TEACHER ? I18N_EDITION_TEACHER :
	    I18N_EDITION_STUDENT),
	    FACE_SANS_BOLD, 10, MUTED, 'l', 0);
	layout_row(l, PL_PAGE, 0);
}

/* Rows [from, l->n) are an entry of the contents: a TOCI of its TOC,
 * in lang when it names a chapter in another language (or NULL). */
static void
S_toci(struct layout *l, size_t from, const char *lang)
{
	if (l->tag == NULL)
		return;
	tag_leaf(l->tag, TAG_TOCI, from, l->n, NULL);
	tag_lang_leaf(l->tag, lang);
}

/*
 * The contents nest as the handout does (ISO 32000-1, 14.8.4.3: a TOCI
 * may hold a TOC): a part's TOCI holds a TOC of its chapters' TOCIs, a
 * chapter's a TOC of its sections'.  S_toci_open() makes rows [from,
 * l->n) such an entry and opens its TOC (*open: the entries open, each
 * a TOCI and its TOC; a TOC that gets no entry is not written);
 * S_toci_shut() closes them down to keep.
 */
static void
S_toci_open(struct layout *l, size_t from, const char *lang, int *open)
{
	if (l->tag == NULL)
		return;
	tag_open_leaf(l->tag, TAG_TOCI, from, l->n);
	tag_lang_leaf(l->tag, lang);
	tag_open(l->tag, TAG_TOC, l->n, NULL);
	(*open)++;
}

static void
S_toci_shut(struct layout *l, int *open, int keep)
{
	for (; l->tag != NULL && *open > keep; (*open)--) {
		tag_close(l->tag, l->n);	/* its TOC */
		tag_close(l->tag, l->n);	/* the TOCI */
	}
}

/* A line of the contents for a part at the back (the glossary, the
 * register): title in bold, a link to page#anchor, and the empty run
 * whose text pdf_course() sets to the page number. */
static void
S_toc_back(struct job *j, struct layout *l, struct inline_opts *o,
    const char *title, const char *page, const char *anchor)
{
	struct buf b = { 0 };
	struct pl_row *r;
	size_t from = l->n;

	layout_space(l, 4);
	o->x = j->st.margin_left;
	o->width = S_width(j) - 40;
	o->face = FACE_BOLD;
	o->size = 11;
	o->leading = 17;
	o->prefix = NULL;
	inline_set_text(l, title, o);
	r = &l->rows[l->n - 1];
	buf_printf(&b, "%s.html#%s", page, anchor);
	r->runs[0].link = layout_link(l, b.data);
	row_run(r, 0, 0, FACE_REGULAR, 11, INK, "", 0, r->runs[0].link);
	buf_reset(&b);
	buf_printf(&b, "%s#%s", page, anchor);
	r->otitle = buf_detach(&b);
	S_toci(l, from, NULL);
}

/* Contents: a row per chapter and section, page numbers filled in later
 * (their rows keep their height, so the body's pagination cannot move). */
static void
S_toc(struct job *j, struct layout *l, const struct course *c,
    int glossary, const char *reg)
{
	struct inline_opts o;
	struct buf t = { 0 }, key = { 0 }, href = { 0 };
	size_t i, k, from;
	int open = 0, inpart = 0;	/* the part's TOCI open */

	l->chapter = 0;
	/* the title page before it a P of its own, the contents' title a
	 * heading as in the bookmarks, the entries a TOC */
	from = l->n;
	if (l->tag != NULL)
		tag_leaf(l->tag, TAG_P, from, from, NULL);
	S_line(l, i18n(c->lang, I18N_CONTENTS), FACE_SANS_BOLD, 20, ACCENT,
	    'l', 14);
	l->rows[l->n - 2].outline = 1;
	l->rows[l->n - 2].otitle = xstrdup(i18n(c->lang, I18N_CONTENTS));
	if (l->tag != NULL) {
		tag_leaf(l->tag, tag_heading(l->tag, 1), from, l->n, NULL);
		tag_open(l->tag, TAG_TOC, l->n, NULL);
	}
	memset(&o, 0, sizeof(o));
	for (i = 0; i < c->nch; i++) {
		const struct chapter *ch = &c->ch[i];

		if (ch->part >= 0 && (i == 0 || c->ch[i - 1].part != ch->part)) {
			/* a part: its title above its chapters, a link to
			 * its page */
			struct pl_row *r;

			S_toci_shut(l, &open, 0);
			inpart = 0;
			from = l->n;
			layout_space(l, 8);
			o.x = j->st.margin_left;
			o.width = S_width(j) - 40;
			o.face = FACE_SANS_BOLD;
			o.size = 12;
			o.leading = 18;
			o.color = ACCENT;
			o.prefix = NULL;
			buf_reset(&href);
			buf_printf(&href, "%s.html#%s", ch->slug, S_PART_ID);
			if (inline_set_text(l, c->parts[ch->part].title,
			    &o) != 0) {
				r = &l->rows[l->n - 1];
				for (size_t q = 0; q < r->nruns; q++)
					r->runs[q].link = layout_link(l,
					    href.data);
				row_run(r, 0, 0, FACE_REGULAR, o.size, INK, "",
				    0, layout_link(l, href.data));
				buf_reset(&key);
				buf_printf(&key, "#%s#%s", ch->slug, S_PART_ID);
				free(r->otitle);
				r->otitle = xstrdup(key.data + 1);
				S_toci_open(l, from, NULL, &open);
				inpart = 1;
			}
		}
		for (k = 0; k < ch->ntoc; k++) {
			const struct toc_entry *e = &ch->toc[k];
			struct pl_row *r;

			if (e->level > 2)
				continue;
			/* a chapter's entry in its part's TOC, or in the
			 * contents' own when it is in no part */
			if (e->level == 1)
				S_toci_shut(l, &open, ch->part >= 0 ?
				    inpart : 0);
			o.x = j->st.margin_left + (e->level == 1 ? 0 : 22);
			o.width = S_width(j) - (e->level == 1 ? 0 : 22) - 40;
			o.face = e->level == 1 ? FACE_BOLD : FACE_REGULAR;
			o.size = e->level == 1 ? 11 : 10;
			o.leading = e->level == 1 ? 17 : 13.5;
			o.color = INK;
			buf_reset(&t);
			buf_printf(&t, "%s", e->title);
			o.prefix = e->number;
			o.prefix_face = e->level == 1 ? FACE_SANS_BOLD :
			    FACE_REGULAR;
			buf_reset(&key);
			buf_printf(&key, "#%s#%s", ch->slug, e->id);
			buf_reset(&href);
			buf_printf(&href, "%s.html#%s", ch->slug, e->id);
			from = l->n;
			if (e->level == 1 && l->n > 0)
				layout_space(l, 4);
			if (inline_set_text(l, t.data, &o) == 0)
				continue;
			r = &l->rows[l->n - 1];
			/* the whole entry is a link; the page number is a
			 * placeholder run whose text pdf_course() sets */
			for (size_t q = 0; q < r->nruns; q++)
				r->runs[q].link = layout_link(l, href.data);
			row_run(r, 0, 0, FACE_REGULAR, o.size, INK, "", 0,
			    layout_link(l, href.data));
			free(r->otitle);
			r->otitle = xstrdup(key.data + 1);	/* the anchor */
			if (e->level == 1)
				S_toci_open(l, from, ch->lang, &open);
			else
				S_toci(l, from, ch->lang);
		}
	}
	S_toci_shut(l, &open, 0);
	if (glossary)
		S_toc_back(j, l, &o, i18n(c->lang, I18N_GLOSSARY), "_glossary",
		    "begrippen");
	if (reg != NULL)	/* the register's title */
		S_toc_back(j, l, &o, reg, "_register", "register");
	if (l->tag != NULL)
		tag_close(l->tag, l->n);
	buf_free(&t);
	buf_free(&key);
	buf_free(&href);
}

/* Page numbers into the contents, right-aligned at the measure. */
static void
S_toc_numbers(struct job *j, struct layout *toc, const struct layout *body,
    const struct pages *bp, int first_body)
{
	char num[32];
	size_t i;
	long pg;

	for (i = 0; i < toc->n; i++) {
		struct pl_row *r = &toc->rows[i];
		struct pl_run *run;

		if (r->otitle == NULL || r->outline || r->nruns == 0)
			continue;
		run = &r->runs[r->nruns - 1];
		if ((pg = pages_find(body, bp, r->otitle)) < 0)
			continue;
		snprintf(num, sizeof(num), "%ld", pg + first_body);
		free(run->text);
		run->text = xstrdup(num);
		run->len = strlen(num);
		run->w = font_width(j->fonts, run->face, num, run->len,
		    run->size);
		run->x = j->st.page_w - j->st.margin_right - run->w;
		free(r->otitle);
		r->otitle = NULL;
	}
}

static void
S_glossary(struct job *j, struct layout *l, const struct course *c)
{
	struct inline_opts o;
	struct buf t = { 0 };
	struct doc_node h, txt;
	size_t i;

	l->chapter = (int)c->nch + 1;
	l->slug = "_glossary";
	memset(&h, 0, sizeof(h));
	memset(&txt, 0, sizeof(txt));
	h.type = DOC_HEADING;
	h.level = 1;
	h.id = "begrippen";
	txt.type = DOC_TEXT;
	txt.text = (char *)i18n(c->lang, I18N_GLOSSARY);
	h.first = h.last = &txt;
	txt.parent = &h;
	{
		struct doc_node root;

		memset(&root, 0, sizeof(root));
		root.type = DOC_ROOT;
		root.first = root.last = &h;
		h.parent = &root;
		layout_doc(l, &root);
	}
	memset(&o, 0, sizeof(o));
	for (i = 0; i < c->ngloss; i++) {
		const struct gloss_entry *g = &c->gloss[i];
		size_t from = l->n;

		o.x = j->st.margin_left;
		o.width = S_width(j);
		o.face = FACE_REGULAR;
		o.size = j->st.size;
		o.leading = j->st.leading;
		o.justify = !j->st.ragged;
		o.hyphenate = 1;
		o.color = INK;
		o.prefix = g->term;
		o.prefix_face = FACE_BOLD;
		buf_reset(&t);
		buf_printf(&t, "%s (%s %d)", g->text, i18n(c->lang,
		    I18N_CHAPTER), c->ch[g->chapter].number);
		inline_set_text(l, t.data, &o);
		if (l->n - from >= 2) {
			l->rows[from].keep = 1;
			l->rows[l->n - 2].keep = 1;
		}
		/* tagged, a P per term (they were one P over the whole
		 * glossary: no reader could step from term to term) */
		if (l->tag != NULL)
			tag_leaf(l->tag, TAG_P, from, l->n, NULL);
		layout_space(l, 5);
	}
	buf_free(&t);
}

/* Image paths become checked files inside the project; one that is not
 * (outside, missing) is dropped from the handout. */
static void
S_images(const struct course *c, const struct chapter *ch,
    struct doc_node *root, struct diag_list *dl)
{
	struct doc_node *n;
	char *full, *rel;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_IMAGE || n->url == NULL)
			continue;
		rel = course_asset(c, ch, n->url, n->line, n->col, &full, dl);
		free(n->url);
		n->url = full != NULL ? full : xstrdup("");
		free(rel);
	}
}

static const char *
S_register_title(const struct course *c)
{
	return i18n(c->lang, I18N_REGISTER);
}

/* The register (pdf_register.h) after the glossary, when the course
 * lists terms: the body is paginated again with it. */
static void
S_register(struct job *j, const struct course *c, struct reg *r,
    struct layout *body, struct pages *bp, long first, const char **heads)
{
	const char *title = S_register_title(c);

	if (r == NULL)
		return;
	tag_sect(body->tag, body->n, title);
	pdf_register(body, bp, r, c, first, title, (int)c->nch + 2,
	    S_body_h(j));
	tag_part(body->tag, body->n, -1, NULL);
	heads[c->nch + 1] = xstrdup(title);
	pages_free(bp);
	paginate(body, S_body_h(j), bp);
}

int
pdf_course(const struct course *c, enum edition e, long chapter,
    const struct pdf_opts *o, const char *out, struct diag_list *dl)
{
	struct job j;
	struct layout front, body;
	struct pages fp, bp;
	struct draw d;
	struct doc_node *root;
	const char **heads;
	struct buf hb = { 0 };
	struct reg *reg = NULL;
	size_t i, first = chapter < 0 ? 0 : (size_t)chapter;
	size_t last = chapter < 0 ? c->nch : (size_t)chapter + 1;
	int rc = 0, whole = chapter < 0;

	if (S_open(&j, c->lang, o, NULL, dl) != 0) {
		S_close(&j);
		return -1;
	}
	j.src = chapter >= 0 ? c->ch[chapter].path : NULL;
	layout_init(&front, j.fonts, j.hyph, &j.st, dl);
	layout_init(&body, j.fonts, j.hyph, &j.st, dl);
	body.open_pages = 1;
	front.tag = tag_rows_new(j.tag);
	body.tag = tag_rows_new(j.tag);
	heads = xcalloc(c->nch + 2, sizeof(*heads));
	for (i = first; i < last; i++) {
		const struct chapter *ch = &c->ch[i];

		if ((root = course_chapter_doc(c, i, e, dl)) == NULL) {
			rc = -1;
			continue;
		}
		S_images(c, ch, root, dl);
		body.file = ch->path;
		body.slug = ch->slug;
		body.chapter = ch->number;
		/* the tree: Part per part, Sect per chapter */
		tag_part(body.tag, body.n, whole ? ch->part : -1, whole &&
		    ch->part >= 0 ? c->parts[ch->part].title : NULL);
		if (whole && ch->part >= 0 && (i == 0 ||
		    c->ch[i - 1].part != ch->part))
			S_part_page(&j, &body, ch->part + 1,
			    c->parts[ch->part].title);
		tag_sect(body.tag, body.n, ch->title);
		/* a chapter whose front matter names another language than
		 * the course's: its Sect says so (the document's /Lang
		 * stays the course's) */
		tag_lang(body.tag, ch->lang);
		layout_lang(&body, ch->lang);
		/* S_images() made the paths whole: no folder before them
		 * (the chapter's folder doubled them, and no picture of a
		 * project built from elsewhere reached the handouts) */
		layout_doc(&body, root);
		doc_free(root);
		buf_reset(&hb);
		buf_printf(&hb, "%d  %s", ch->number, ch->title);
		heads[i] = xstrdup(hb.data);
	}
	tag_part(body.tag, body.n, -1, NULL);
	layout_lang(&body, NULL);
	if (whole && c->ngloss > 0) {
		tag_sect(body.tag, body.n, i18n(c->lang, I18N_GLOSSARY));
		S_glossary(&j, &body, c);
		tag_part(body.tag, body.n, -1, NULL);
		heads[c->nch] = xstrdup(i18n(c->lang, I18N_GLOSSARY));
	}
	if (rc == 0) {
		draw_init(&d, j.pdf, j.fonts, &j.st, dl);
		d.tag = j.tag;
		d.images_checked = 1;	/* by course_scan() */
		draw_images(&d, &body);
		memset(&fp, 0, sizeof(fp));
		if (whole) {
			S_title_page(&j, &front, c, e);
			reg = reg_new(c);
			S_toc(&j, &front, c, c->ngloss > 0,
			    reg != NULL ? S_register_title(c) : NULL);
			paginate(&front, S_body_h(&j), &fp);
		}
		paginate(&body, S_body_h(&j), &bp);
		if (whole)
			S_register(&j, c, reg, &body, &bp, (long)fp.n + 1,
			    heads);
		/* The body's pages are known before anything is drawn, so
		 * the contents carry their real numbers. */
		S_toc_numbers(&j, &front, &body, &bp, (int)fp.n + 1);
		d.number_from = 1;
		/* running heads and folios are drawn late: measure them now
		 * so the subsets carry their characters */
		for (i = 0; i <= c->nch + 1; i++)
			if (heads[i] != NULL)
				font_width(j.fonts, FACE_ITALIC, heads[i],
				    strlen(heads[i]), 8.5);
		font_width(j.fonts, FACE_REGULAR, "0123456789", 10, 9);
		if (fonts_embed(j.fonts, j.pdf, dl) != 0)
			rc = -1;
		draw_pages(&d, &front, &fp, NULL, 0, 0);
		draw_pages(&d, &body, &bp, heads, c->nch + 2, 1);
		draw_finish(&d);
		S_info(&j, chapter < 0 ? c->title : c->ch[first].title,
		    c->author, c->lang);
		S_tag(&j, chapter < 0 ? c->title : c->ch[first].title,
		    c->author);
		j.failed |= d.failed;
		if (rc == 0)
			rc = S_save(&j, out);
		draw_free(&d);
		pages_free(&fp);
		pages_free(&bp);
	}
	for (i = 0; i <= c->nch + 1; i++)
		free((char *)heads[i]);
	free(heads);
	reg_free(reg);
	buf_free(&hb);
	layout_free(&front);
	layout_free(&body);
	S_close(&j);
	return rc;
}

/* A long body's rows are many small allocations: freed on a thread of
 * their own while the document is finished and saved. */
#define FREE_AHEAD_ROWS	1024

static void *
S_layout_free(void *arg)
{
	layout_free(arg);
	return NULL;
}

/*** Letters ***/

/* "20mm" (or "20") in points; -1 when it is not a length. */
static double
S_mm(const char *s, char **end)
{
	double v = strtod(s, end);

	if (*end == s || v < 0 || v > 1000)
		return -1;
	if (strncmp(*end, "mm", 2) == 0)
		*end += 2;
	return v * 72 / 25.4;
}

/* How many lines of the address the window holds, set at size with
 * leading lead, the first baseline size * 1.4 under its top edge. */
static size_t
S_window_holds(const struct draw_letter *lt, double size, double lead)
{
	size_t k = 0;

	while (size * 1.4 + (double)k * lead < lt->wh && k < 1000)
		k++;
	return k;
}

/* The address's size in the window: 10 pt, or a step smaller (9 pt on
 * 11) when it has more lines than that holds; the lines that still do
 * not fit are left out, named in a warning at the window's place (the
 * customer's element, datadoc.c) in the source file. */
static void
S_window_fit(struct job *j, struct draw_letter *lt, int line, int col)
{
	struct buf left = { 0 };
	const char *s, *e;
	size_t n = 0, k;

	for (s = lt->window; *s != '\0'; s = *e == '\n' ? e + 1 : e) {
		e = s + strcspn(s, "\n");
		n++;
	}
	lt->wsize = 10;
	lt->wlead = 13;
	if (n > S_window_holds(lt, 10, 13)) {
		lt->wsize = 9;
		lt->wlead = 11;
	}
	lt->wlines = S_window_holds(lt, lt->wsize, lt->wlead);
	if (n <= lt->wlines)
		return;
	for (s = lt->window, k = 0; *s != '\0'; s = *e == '\n' ? e + 1 : e,
	    k++) {
		e = s + strcspn(s, "\n");
		if (k < lt->wlines)
			continue;
		buf_printf(&left, "%s'%.*s'", left.len > 0 ? ", " : "",
		    (int)(e - s), s);
	}
	buf_puts(&left, n - lt->wlines > 1 ? " are" : " is");
	diag_add(j->dl, DIAG_WINDOW_FULL, j->src, line, col, (int)n,
	    (int)lt->wlines, buf_cstr(&left));
	buf_free(&left);
}

/* The document's frames (datadoc.c made them from the template's
 * ```frame NAME``` blocks) into lt, their texts into bufs[4]; the
 * window's place in the source into *wline, *wcol.  Returns 1 when there
 * is a window or a letterhead: the document is a letter. */
static int
S_frames(const struct doc_node *root, struct draw_letter *lt,
    struct buf bufs[4], int *wline, int *wcol)
{
	static const char *names[4] = { "letterhead", "window", "head",
	    "foot" };
	const struct doc_node *n, *c;
	const char **slot[4];
	size_t i, nl;
	char *end;
	double v[4];
	int k;

	slot[0] = &lt->letterhead;
	slot[1] = &lt->window;
	slot[2] = &lt->head;
	slot[3] = &lt->foot;
	/* NEN 1026 / DIN 5008 form B: 20 mm from the left, 45 mm from the
	 * top, 85 x 45 mm */
	lt->wx = 20 * 72 / 25.4;
	lt->wy = 45 * 72 / 25.4;
	lt->ww = 85 * 72 / 25.4;
	lt->wh = 45 * 72 / 25.4;
	for (n = root->first; n != NULL; n = n->next) {
		if (n->type != DOC_PARA || n->info == NULL ||
		    strncmp(n->info, "frame ", 6) != 0)
			continue;
		for (i = 0; i < 4; i++) {
			nl = strlen(names[i]);
			if (strncmp(n->info + 6, names[i], nl) == 0 &&
			    (n->info[6 + nl] == '\0' ||
			    n->info[6 + nl] == ' '))
				break;
		}
		if (i == 4)
			continue;
		buf_reset(&bufs[i]);
		for (c = n->first; c != NULL; c = c->next)
			if (c->type == DOC_TEXT && c->text != NULL)
				buf_puts(&bufs[i], c->text);
			else
				buf_putc(&bufs[i], i >= 2 ? ' ' : '\n');
		*slot[i] = buf_cstr(&bufs[i]);
		if (i == 1) {
			*wline = n->line;
			*wcol = n->col;
		}
		if (i == 1) {
			/* "frame window LEFT TOP WIDTH HEIGHT" for another
			 * envelope */
			const char *a = n->info + 6 + nl;

			for (k = 0; k < 4; k++) {
				while (*a == ' ')
					a++;
				if (*a == '\0' ||
				    (v[k] = S_mm(a, &end)) < 0)
					break;
				a = end;
			}
			if (k == 4) {
				lt->wx = v[0];
				lt->wy = v[1];
				lt->ww = v[2];
				lt->wh = v[3];
			}
		}
	}
	return lt->window != NULL || lt->letterhead != NULL;
}

/* An empty signature field (ISO 32000-1, 12.7.4.5) over the customer's
 * room to sign in the signature block, so the client can sign in a free
 * reader: one dictionary that is the field and its widget (/FT /Sig, /T,
 * /Rect, /F 4 print), in the page's /Annots and the catalog's /AcroForm
 * /Fields.  No /SigFlags: they say there are signatures, which only
 * signing adds.  libharu 2.3 has no form fields: its object API writes
 * them.  Nothing when the template has no signature block.  Tagged, the
 * widget belongs to form, a Form element of the block (tag_form()). */
static void
S_sigfield(struct job *j, struct draw *d, const char *name, int form)
{
	HPDF_Doc pdf = j->pdf;
	HPDF_Dict f, acro, ap, n;
	HPDF_Array rect, annots, fields;
	HPDF_Page pg;
	double half = (S_width(j) - 24) / 2, x, y;
	size_t k;
	char key[64];

	snprintf(key, sizeof(key), "doc#%s", PL_SIGN_ANCHOR);
	for (k = 0; k < d->nanchors; k++)
		if (strcmp(d->akey[k], key) == 0)
			break;
	if (k == d->nanchors || d->apage[k] >= d->npages)
		return;
	pg = d->pages[d->apage[k]];
	x = j->st.margin_left + half + 24;
	y = d->ay[k];
	if ((f = HPDF_Dict_New(pdf->mmgr)) == NULL ||
	    HPDF_Xref_Add(pdf->xref, f) != HPDF_OK)
		return;		/* the error handler recorded it */
	HPDF_Dict_AddName(f, "Type", "Annot");
	HPDF_Dict_AddName(f, "Subtype", "Widget");
	HPDF_Dict_AddName(f, "FT", "Sig");
	HPDF_Dict_Add(f, "T", HPDF_String_New(pdf->mmgr, name, NULL));
	HPDF_Dict_AddNumber(f, "F", 4);
	rect = HPDF_Array_New(pdf->mmgr);
	HPDF_Array_AddReal(rect, (HPDF_REAL)x);
	HPDF_Array_AddReal(rect, (HPDF_REAL)(y - PL_SIGN_H + 4));
	HPDF_Array_AddReal(rect, (HPDF_REAL)(x + half));
	HPDF_Array_AddReal(rect, (HPDF_REAL)(y - 2));
	HPDF_Dict_Add(f, "Rect", rect);
	HPDF_Dict_Add(f, "P", pg);
	/* Tagged: what the field is for, said to a screen reader (PDF/UA
	 * 7.18.1), and an appearance of its own, empty, since the block
	 * draws the line to sign on (PDF/A-2 6.3.3: every annotation but a
	 * link or a popup has one).  Untagged output stays as it was. */
	if (j->tag != NULL) {
		HPDF_Dict_Add(f, "TU", HPDF_String_New(pdf->mmgr, name, NULL));
		if ((n = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) != NULL) {
			HPDF_Dict_AddName(n, "Type", "XObject");
			HPDF_Dict_AddName(n, "Subtype", "Form");
			rect = HPDF_Array_New(pdf->mmgr);
			HPDF_Array_AddReal(rect, 0);
			HPDF_Array_AddReal(rect, 0);
			HPDF_Array_AddReal(rect, (HPDF_REAL)half);
			HPDF_Array_AddReal(rect, (HPDF_REAL)(PL_SIGN_H - 6));
			HPDF_Dict_Add(n, "BBox", rect);
			ap = HPDF_Dict_New(pdf->mmgr);
			HPDF_Dict_Add(ap, "N", n);
			HPDF_Dict_Add(f, "AP", ap);
		}
	}
	if ((annots = HPDF_Dict_GetItem(pg, "Annots",
	    HPDF_OCLASS_ARRAY)) == NULL) {
		annots = HPDF_Array_New(pdf->mmgr);
		HPDF_Dict_Add(pg, "Annots", annots);
	}
	HPDF_Array_Add(annots, f);
	tag_widget(j->tag, form, f);
	acro = HPDF_Dict_New(pdf->mmgr);
	fields = HPDF_Array_New(pdf->mmgr);
	HPDF_Array_Add(fields, f);
	HPDF_Dict_Add(acro, "Fields", fields);
	HPDF_Dict_Add(pdf->catalog, "AcroForm", acro);
}

/* The Form element of the signature field (tag_form()): in the element
 * of the row that holds the room to sign in, -1 untagged or none. */
static int
S_sign_form(const struct layout *l)
{
	char key[64];
	size_t i;

	if (l->tag == NULL)
		return -1;
	snprintf(key, sizeof(key), "doc#%s", PL_SIGN_ANCHOR);
	for (i = 0; i < l->n; i++)
		if (l->rows[i].anchor != NULL &&
		    strcmp(l->rows[i].anchor, key) == 0)
			return tag_form(l->tag, i);
	return -1;
}

/* pdf_document() and pdf_document_mem(): to the file out, or to mem. */
static int
S_document(const struct doc_node *root, const char *title,
    const char *lang, const char *path, const struct pdf_opts *o,
    struct pdf_env *env, const char *out, struct buf *mem,
    struct diag_list *dl)
{
	struct job j;
	struct layout body;
	struct pages bp;
	struct draw d;
	char *dir;
	const char *heads[1];
	struct draw_letter lt;
	struct buf lb[4];
	char mark[FP_SHORT + 1];
	pthread_t t;
	size_t spacer = 0, i;
	int rc, freeing, letter, wline = 0, wcol = 0, form = -1;

	if (S_open(&j, lang, o, env, dl) != 0) {
		S_close(&j);
		return -1;
	}
	layout_init(&body, j.fonts, j.hyph, &j.st, dl);
	body.tag = tag_rows_new(j.tag);
	j.src = path;
	body.file = path;
	body.slug = "doc";
	body.chapter = 1;
	dir = file_dir(path);
	body.img_base = dir;
	memset(&lt, 0, sizeof(lt));
	memset(lb, 0, sizeof(lb));
	letter = S_frames(root, &lt, lb, &wline, &wcol);
	if (lt.window != NULL)
		S_window_fit(&j, &lt, wline, wcol);
	lt.accent = j.st.accent;
	lt.en = strcmp(lang, "en") == 0;
	if (o != NULL && o->logo != NULL) {
		/* the seller's logo, top right, before the title */
		struct pl_row *r = layout_row(&body, PL_IMAGE, 0);

		r->img = xstrdup(o->logo);
		r->img_w = 110;
		r->box_x = j.st.page_w - j.st.margin_right - r->img_w;
		/* tagged, letterhead: an artifact as a running head is (the
		 * letter names its sender in words), not a picture in a P
		 * that a reader passes in silence */
		if (body.tag != NULL)
			tag_leaf(body.tag, TAG_ARTIFACT, body.n - 1, body.n,
			    NULL);
		layout_space(&body, 8);
	}
	if (letter) {
		/* the first page's text starts under the window; the
		 * height is set once the logo's is known */
		spacer = body.n;
		layout_row(&body, PL_LINE, 0);
	}
	layout_doc(&body, root);
	if (letter)
		form = S_sign_form(&body);
	draw_init(&d, j.pdf, j.fonts, &j.st, dl);
	d.tag = j.tag;
	draw_images(&d, &body);
	if (letter) {
		double above = 0;

		for (i = 0; i < spacer; i++)
			above += body.rows[i].h;
		body.rows[spacer].h = lt.wy + lt.wh + 24 - j.st.margin_top -
		    above;
		if (body.rows[spacer].h < 0)
			body.rows[spacer].h = 0;
		d.letter = &lt;
		/* drawn late: measured now so the subsets carry them */
		for (i = 0; i < 4; i++)
			if (lb[i].len > 0)
				font_width(j.fonts, i == 2 ? FACE_ITALIC :
				    FACE_REGULAR, lb[i].data, lb[i].len, 8.5);
		if (lt.letterhead != NULL)
			font_width(j.fonts, FACE_SANS_BOLD, lt.letterhead,
			    strlen(lt.letterhead), 15);
		font_width(j.fonts, FACE_REGULAR, "van Page of", 11, 8.5);
	}
	paginate(&body, S_body_h(&j), &bp);
	heads[0] = title;
	font_width(j.fonts, FACE_ITALIC, title, strlen(title), 8.5);
	font_width(j.fonts, FACE_REGULAR, "0123456789", 10, 9);
	if (o != NULL && o->fingerprint != NULL) {
		/* drawn late like the folios: its glyphs measured now */
		snprintf(mark, sizeof(mark), "%.*s", FP_SHORT, o->fingerprint);
		font_width(j.fonts, FACE_REGULAR, mark, strlen(mark), 6.5);
		d.mark = mark;
	}
	rc = fonts_embed(j.fonts, j.pdf, dl);
	draw_pages(&d, &body, &bp, heads, 1, 1);
	/* nothing reads the rows after this */
	freeing = body.n >= FREE_AHEAD_ROWS && j.st.threads != 1 &&
	    pthread_create(&t, NULL, S_layout_free, &body) == 0;
	draw_finish(&d);
	if (letter)
		S_sigfield(&j, &d, lt.en ? "Signature customer" :
		    "Handtekening klant", form);
	S_info(&j, title, NULL, lang);
	/* the structure tree is made once the rows' memory is back: a
	 * long table's elements cost as much again */
	if (freeing)
		pthread_join(t, NULL);
	freeing = 0;
	S_tag(&j, title, NULL);
	if (o != NULL && o->fingerprint != NULL)
		/* salesgen verify reads it back (fpread.c) */
		HPDF_Dict_Add(j.pdf->info, "SalesgenFingerprint",
		    HPDF_String_New(j.pdf->mmgr, o->fingerprint, NULL));
	j.failed |= d.failed;
	if (rc == 0)
		rc = mem != NULL ? S_bytes(&j, mem) : S_save(&j, out);
	draw_free(&d);
	pages_free(&bp);
	if (freeing)
		pthread_join(t, NULL);
	else
		layout_free(&body);
	for (i = 0; i < 4; i++)
		buf_free(&lb[i]);
	S_close(&j);
	return rc;
}

int
pdf_document(const struct doc_node *root, const char *title,
    const char *lang, const char *path, const struct pdf_opts *o,
    struct pdf_env *env, const char *out, struct diag_list *dl)
{
	return S_document(root, title, lang, path, o, env, out, NULL, dl);
}

int
pdf_document_mem(const struct doc_node *root, const char *title,
    const char *lang, const char *path, const struct pdf_opts *o,
    struct pdf_env *env, struct buf *mem, struct diag_list *dl)
{
	return S_document(root, title, lang, path, o, env, NULL, mem, dl);
}
