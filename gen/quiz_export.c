/* quiz_export — questions as GIFT and QTI 2.1 (see quiz_export.h). */
#include "quiz_export.h"
#include "esc.h"
#include "file.h"
#include "mem.h"
#include "quiz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Calls f for every question under root, in order. */
static size_t
S_each(const struct doc_node *root,
    void (*f)(void *, size_t, const struct quiz_q *), void *arg)
{
	const struct doc_node *n;
	struct quiz_q *qs;
	size_t nq, k, total = 0;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_CALLOUT || n->ckind != CALLOUT_VRAAG)
			continue;
		nq = quiz_list(n, &qs);
		for (k = 0; k < nq; k++)
			f(arg, ++total, &qs[k]);
		free(qs);
	}
	return total;
}

static int
S_right(const struct doc_node *it)
{
	return it->info != NULL && strcmp(it->info, "right") == 0;
}

/* The option's own words: its first paragraph. */
static void
S_label(const struct doc_node *it, struct buf *out)
{
	if (it->first != NULL)
		quiz_plain(it->first, it->first->next, out);
}

/*** GIFT ***/

struct gift {
	const char	*name;
	struct buf	*out;
};

/* GIFT's special characters take a backslash; a line break would end
 * the question, so text is one line. */
static void
S_gift_text(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("~=#{}:\\", *s) != NULL)
			buf_putc(out, '\\');
		buf_putc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
}

/* The weights Moodle accepts for a share of the right options. */
static const char *
S_gift_weight(size_t nright)
{
	static const char *w[] = { "100", "100", "50", "33.33333", "25", "20",
	    "16.66667", "14.28571", "12.5", "11.11111", "10" };

	return nright < sizeof(w) / sizeof(w[0]) ? w[nright] : "10";
}

static void
S_gift_q(void *arg, size_t k, const struct quiz_q *q)
{
	struct gift *g = arg;
	struct buf *o = g->out, t = { 0 };
	const struct doc_node *it;
	const char *s, *e;
	size_t nright = 0;

	buf_puts(o, "::");
	buf_printf(&t, "%s %zu", g->name, k);
	S_gift_text(o, buf_cstr(&t));
	buf_puts(o, "::");
	buf_reset(&t);
	quiz_plain(q->stem, q->answer, &t);
	S_gift_text(o, buf_cstr(&t));
	buf_puts(o, " {\n");
	if (q->kind == QUIZ_SHORT) {
		for (s = q->answer->title ? q->answer->title : ""; *s;
		    s = *e ? e + 1 : e) {
			if ((e = strchr(s, '\n')) == NULL)
				e = s + strlen(s);
			buf_reset(&t);
			buf_put(&t, s, (size_t)(e - s));
			buf_puts(o, "\t=");
			S_gift_text(o, buf_cstr(&t));
			if (q->answer->url != NULL) {
				buf_puts(o, " #");
				S_gift_text(o, q->answer->url);
			}
			buf_putc(o, '\n');
		}
	} else {
		for (it = q->answer->first; it != NULL; it = it->next)
			nright += it->type == DOC_ITEM && S_right(it);
		for (it = q->answer->first; it != NULL; it = it->next) {
			if (it->type != DOC_ITEM)
				continue;
			if (q->kind == QUIZ_ONE)
				buf_puts(o, S_right(it) ? "\t=" : "\t~");
			else
				buf_printf(o, "\t~%%%s%%", S_right(it) ?
				    S_gift_weight(nright) : "-100");
			buf_reset(&t);
			S_label(it, &t);
			S_gift_text(o, buf_cstr(&t));
			if (it->title != NULL) {
				buf_puts(o, " #");
				S_gift_text(o, it->title);
			}
			buf_putc(o, '\n');
		}
	}
	buf_puts(o, "}\n\n");
	buf_free(&t);
}

size_t
quiz_gift(const struct doc_node *root, const char *name, struct buf *out)
{
	struct gift g = { name, out };

	return S_each(root, S_gift_q, &g);
}

/*** QTI 2.1 ***/

struct zip_ent {
	char		*name;
	uint32_t	 crc, size, off;
};

struct qti {
	const char	*name, *title;
	struct buf	*zip;
	struct zip_ent	*ent;
	size_t		 nent;
};

static void
S_le(struct buf *b, uint32_t v, int bytes)
{
	int i;

	for (i = 0; i < bytes; i++)
		buf_putc(b, (int)((v >> (8 * i)) & 0xff));
}

/* A stored (uncompressed) member, dated 1980-01-01 so the same questions
 * give the same bytes. */
static void
S_zip_add(struct qti *x, const char *name, const struct buf *data)
{
	struct zip_ent *e;
	struct buf *z = x->zip;

	x->ent = xrealloc(x->ent, (x->nent + 1) * sizeof(*x->ent));
	e = &x->ent[x->nent++];
	e->name = xstrdup(name);
	e->crc = (uint32_t)crc32(0, (const Bytef *)data->data,
	    (uInt)data->len);
	e->size = (uint32_t)data->len;
	e->off = (uint32_t)z->len;
	S_le(z, 0x04034b50, 4);
	S_le(z, 20, 2);			/* version needed */
	S_le(z, 0x0800, 2);		/* names in UTF-8 */
	S_le(z, 0, 2);			/* stored */
	S_le(z, 0, 2);			/* time */
	S_le(z, 0x21, 2);		/* date: 1980-01-01 */
	S_le(z, e->crc, 4);
	S_le(z, e->size, 4);
	S_le(z, e->size, 4);
	S_le(z, (uint32_t)strlen(name), 2);
	S_le(z, 0, 2);
	buf_puts(z, name);
	buf_put(z, data->data, data->len);
}

static void
S_zip_end(struct qti *x)
{
	struct buf *z = x->zip;
	uint32_t cd = (uint32_t)z->len, cdsize;
	size_t i;

	for (i = 0; i < x->nent; i++) {
		S_le(z, 0x02014b50, 4);
		S_le(z, 20, 2);
		S_le(z, 20, 2);
		S_le(z, 0x0800, 2);
		S_le(z, 0, 2);
		S_le(z, 0, 2);
		S_le(z, 0x21, 2);
		S_le(z, x->ent[i].crc, 4);
		S_le(z, x->ent[i].size, 4);
		S_le(z, x->ent[i].size, 4);
		S_le(z, (uint32_t)strlen(x->ent[i].name), 2);
		S_le(z, 0, 2);		/* extra */
		S_le(z, 0, 2);		/* comment */
		S_le(z, 0, 2);		/* disk */
		S_le(z, 0, 2);		/* internal attributes */
		S_le(z, 0, 4);		/* external attributes */
		S_le(z, x->ent[i].off, 4);
		buf_puts(z, x->ent[i].name);
	}
	cdsize = (uint32_t)z->len - cd;
	S_le(z, 0x06054b50, 4);
	S_le(z, 0, 2);
	S_le(z, 0, 2);
	S_le(z, (uint32_t)x->nent, 2);
	S_le(z, (uint32_t)x->nent, 2);
	S_le(z, cdsize, 4);
	S_le(z, cd, 4);
	S_le(z, 0, 2);
}

static void
S_xml(struct buf *o, const char *s)
{
	esc_html(o, s, strlen(s));
}

/* A name QTI takes as an identifier: the slug's letters and digits. */
static void
S_ident(struct buf *o, const char *name, size_t k)
{
	const char *s;

	buf_puts(o, "Q-");
	for (s = name; *s; s++)
		buf_putc(o, (*s >= 'a' && *s <= 'z') || (*s >= 'A' &&
		    *s <= 'Z') || (*s >= '0' && *s <= '9') ? *s : '-');
	buf_printf(o, "-%zu", k);
}

/* The stem, one <p> per paragraph (plain text: an LMS shows markup its
 * own way). */
static void
S_qti_stem(struct buf *o, const struct quiz_q *q)
{
	const struct doc_node *n;
	struct buf t = { 0 };

	for (n = q->stem; n != NULL && n != q->answer; n = n->next) {
		buf_reset(&t);
		quiz_plain(n, n->next, &t);
		if (t.len == 0)
			continue;
		buf_puts(o, "    <p>");
		S_xml(o, buf_cstr(&t));
		buf_puts(o, "</p>\n");
	}
	buf_free(&t);
}

static void
S_qti_q(void *arg, size_t k, const struct quiz_q *q)
{
	struct qti *x = arg;
	struct buf o = { 0 }, id = { 0 }, t = { 0 }, file = { 0 };
	const struct doc_node *it;
	const char *s, *e, *card;
	int i;

	S_ident(&id, x->name, k);
	card = q->kind == QUIZ_MANY ? "multiple" : "single";
	buf_puts(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\""
	    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
	    " xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imsqti_v2p1"
	    " http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd\"\n"
	    "    identifier=\"");
	S_xml(&o, buf_cstr(&id));
	buf_puts(&o, "\" title=\"");
	buf_printf(&t, "%s %zu", x->title, k);
	S_xml(&o, buf_cstr(&t));
	buf_puts(&o, "\" adaptive=\"false\" timeDependent=\"false\">\n");
	if (q->kind == QUIZ_SHORT) {
		buf_puts(&o, "  <responseDeclaration identifier=\"RESPONSE\""
		    " cardinality=\"single\" baseType=\"string\">\n"
		    "    <correctResponse>\n");
		s = q->answer->title ? q->answer->title : "";
		e = strchr(s, '\n');
		buf_puts(&o, "      <value>");
		buf_reset(&t);
		buf_put(&t, s, e ? (size_t)(e - s) : strlen(s));
		S_xml(&o, buf_cstr(&t));
		buf_puts(&o, "</value>\n    </correctResponse>\n"
		    "    <mapping defaultValue=\"0\">\n");
		for (; *s; s = *e ? e + 1 : e) {
			if ((e = strchr(s, '\n')) == NULL)
				e = s + strlen(s);
			buf_reset(&t);
			buf_put(&t, s, (size_t)(e - s));
			buf_puts(&o, "      <mapEntry mapKey=\"");
			S_xml(&o, buf_cstr(&t));
			buf_puts(&o, "\" mappedValue=\"1\" caseSensitive=\"false\"/>\n");
		}
		buf_puts(&o, "    </mapping>\n  </responseDeclaration>\n");
	} else {
		buf_printf(&o, "  <responseDeclaration identifier=\"RESPONSE\""
		    " cardinality=\"%s\" baseType=\"identifier\">\n"
		    "    <correctResponse>\n", card);
		for (i = 0, it = q->answer->first; it != NULL; it = it->next) {
			if (it->type != DOC_ITEM)
				continue;
			i++;
			if (S_right(it))
				buf_printf(&o, "      <value>C%d</value>\n",
				    i);
		}
		buf_puts(&o, "    </correctResponse>\n  </responseDeclaration>\n");
	}
	buf_puts(&o, "  <outcomeDeclaration identifier=\"SCORE\""
	    " cardinality=\"single\" baseType=\"float\"/>\n");
	buf_printf(&o, "  <outcomeDeclaration identifier=\"FEEDBACK\""
	    " cardinality=\"%s\" baseType=\"identifier\"/>\n",
	    q->kind == QUIZ_SHORT ? "single" : card);
	buf_puts(&o, "  <itemBody>\n");
	S_qti_stem(&o, q);
	if (q->kind == QUIZ_SHORT)
		buf_puts(&o, "    <p><textEntryInteraction"
		    " responseIdentifier=\"RESPONSE\" expectedLength=\"20\"/></p>\n");
	else {
		buf_printf(&o, "    <choiceInteraction responseIdentifier="
		    "\"RESPONSE\" shuffle=\"false\" maxChoices=\"%d\">\n",
		    q->kind == QUIZ_MANY ? 0 : 1);
		for (i = 0, it = q->answer->first; it != NULL; it = it->next) {
			if (it->type != DOC_ITEM)
				continue;
			buf_reset(&t);
			S_label(it, &t);
			buf_printf(&o, "      <simpleChoice identifier=\"C%d\">",
			    ++i);
			S_xml(&o, buf_cstr(&t));
			buf_puts(&o, "</simpleChoice>\n");
		}
		buf_puts(&o, "    </choiceInteraction>\n");
	}
	buf_puts(&o, "  </itemBody>\n");
	/* SCORE 1 for a right answer; FEEDBACK says which feedback shows */
	buf_puts(&o, "  <responseProcessing>\n    <responseCondition>\n"
	    "      <responseIf>\n");
	if (q->kind == QUIZ_SHORT)
		buf_puts(&o, "        <gt><mapResponse identifier=\"RESPONSE\"/>"
		    "<baseValue baseType=\"float\">0</baseValue></gt>\n");
	else
		buf_puts(&o, "        <match><variable identifier=\"RESPONSE\"/>"
		    "<correct identifier=\"RESPONSE\"/></match>\n");
	buf_puts(&o, "        <setOutcomeValue identifier=\"SCORE\">"
	    "<baseValue baseType=\"float\">1</baseValue></setOutcomeValue>\n");
	if (q->kind == QUIZ_SHORT)
		buf_puts(&o, "        <setOutcomeValue identifier=\"FEEDBACK\">"
		    "<baseValue baseType=\"identifier\">RIGHT</baseValue>"
		    "</setOutcomeValue>\n");
	buf_puts(&o, "      </responseIf>\n      <responseElse>\n"
	    "        <setOutcomeValue identifier=\"SCORE\">"
	    "<baseValue baseType=\"float\">0</baseValue></setOutcomeValue>\n"
	    "      </responseElse>\n    </responseCondition>\n");
	if (q->kind != QUIZ_SHORT)
		buf_puts(&o, "    <setOutcomeValue identifier=\"FEEDBACK\">"
		    "<variable identifier=\"RESPONSE\"/></setOutcomeValue>\n");
	buf_puts(&o, "  </responseProcessing>\n");
	if (q->kind == QUIZ_SHORT && q->answer->url != NULL) {
		buf_puts(&o, "  <modalFeedback outcomeIdentifier=\"FEEDBACK\""
		    " identifier=\"RIGHT\" showHide=\"show\">");
		S_xml(&o, q->answer->url);
		buf_puts(&o, "</modalFeedback>\n");
	} else if (q->kind != QUIZ_SHORT)
		for (i = 0, it = q->answer->first; it != NULL; it = it->next) {
			if (it->type != DOC_ITEM)
				continue;
			i++;
			if (it->title == NULL)
				continue;
			buf_printf(&o, "  <modalFeedback outcomeIdentifier="
			    "\"FEEDBACK\" identifier=\"C%d\" showHide=\"show\">",
			    i);
			S_xml(&o, it->title);
			buf_puts(&o, "</modalFeedback>\n");
		}
	buf_puts(&o, "</assessmentItem>\n");
	buf_printf(&file, "%s.xml", buf_cstr(&id));
	S_zip_add(x, buf_cstr(&file), &o);
	buf_free(&o);
	buf_free(&id);
	buf_free(&t);
	buf_free(&file);
}

size_t
quiz_qti(const struct doc_node *root, const char *name, const char *title,
    struct buf *zip)
{
	struct qti x = { name, title, zip, NULL, 0 };
	struct buf m = { 0 };
	size_t n, i;

	n = S_each(root, S_qti_q, &x);
	buf_puts(&m, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\""
	    " identifier=\"");
	S_ident(&m, name, 0);
	buf_puts(&m, "-manifest\">\n  <metadata>\n"
	    "    <schema>QTIv2.1 Package</schema>\n"
	    "    <schemaversion>1.0.0</schemaversion>\n  </metadata>\n"
	    "  <organizations/>\n  <resources>\n");
	for (i = 0; i < x.nent; i++) {
		buf_puts(&m, "    <resource identifier=\"R-");
		S_xml(&m, x.ent[i].name);
		buf_puts(&m, "\" type=\"imsqti_item_xmlv2p1\" href=\"");
		S_xml(&m, x.ent[i].name);
		buf_puts(&m, "\">\n      <file href=\"");
		S_xml(&m, x.ent[i].name);
		buf_puts(&m, "\"/>\n    </resource>\n");
	}
	buf_puts(&m, "  </resources>\n</manifest>\n");
	S_zip_add(&x, "imsmanifest.xml", &m);
	S_zip_end(&x);
	for (i = 0; i < x.nent; i++)
		free(x.ent[i].name);
	free(x.ent);
	buf_free(&m);
	return n;
}

/*** The build's files ***/

/* 1 when the source may hold a vraag callout: most chapters hold none,
 * and are not parsed a third time for nothing. */
static int
S_may_have(const struct course *c, size_t i)
{
	static const char *marks[] = { "[!vraag", "[!question", "[!quiz" };
	struct diag_list *quiet = diag_list_new();
	char *src;
	size_t len, k, m, j;
	int yes = 0;

	if ((src = file_read_in(c->dir, c->ch[i].path, &len, quiet)) != NULL)
		for (k = 0; k + 2 < len && !yes; k++) {
			if (src[k] != '[' || src[k + 1] != '!')
				continue;
			for (m = 0; m < sizeof(marks) / sizeof(marks[0]); m++) {
				for (j = 2; marks[m][j] != '\0' && k + j < len &&
				    (src[k + j] | 0x20) == marks[m][j]; j++)
					;
				if (marks[m][j] == '\0')
					yes = 1;
			}
		}
	free(src);
	diag_list_free(quiet);
	return yes;
}

static int
S_write(const char *dir, const char *slug, const char *ext,
    const struct buf *data, struct diag_list *dl)
{
	struct buf p = { 0 };
	char *folder;
	int rc;

	buf_printf(&p, "%s/%s%s", dir, slug, ext);
	folder = file_dir(p.data);
	rc = file_mkdirs(folder, dl);
	free(folder);
	if (rc == 0)
		rc = file_write(p.data, data->data ? data->data : "",
		    data->len, dl);
	buf_free(&p);
	return rc;
}

int
quiz_export(const struct course *c, const char *outdir,
    struct diag_list *dl)
{
	struct doc_node *root;
	struct buf gift = { 0 }, zip = { 0 };
	char *dir = file_join(outdir, "quiz");
	size_t i;
	int rc = 0;

	for (i = 0; i < c->nch && rc == 0; i++) {
		if (!S_may_have(c, i))
			continue;
		if ((root = course_chapter_doc(c, i, EDITION_STUDENT,
		    dl)) == NULL) {
			rc = -1;
			break;
		}
		buf_reset(&gift);
		buf_reset(&zip);
		buf_printf(&gift, "// %s\n// salesgen: the questions of %s\n\n",
		    c->ch[i].title, c->ch[i].file);
		if (quiz_gift(root, c->ch[i].slug, &gift) > 0) {
			quiz_qti(root, c->ch[i].slug, c->ch[i].title, &zip);
			if (S_write(dir, c->ch[i].slug, ".gift", &gift,
			    dl) != 0 || S_write(dir, c->ch[i].slug,
			    ".qti.zip", &zip, dl) != 0)
				rc = -1;
		}
		doc_free(root);
	}
	buf_free(&gift);
	buf_free(&zip);
	free(dir);
	return rc;
}
