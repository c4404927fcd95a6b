/*
 * ohtml — the interactive HTML offer (see ohtml.h).  The form and the
 * totals are written here from the offerte's context (sales_doc.c): the
 * formatted lines of its "regels", the numbers of "_offer" for the script
 * and the C totals of "_totals", which S_rows() writes in the markup the
 * script's rows() writes, so the page without script and the page after
 * its first update show the same.
 */
#include "ohtml.h"
#include "buf.h"
#include "datadoc.h"
#include "esc.h"
#include "file.h"
#include "fingerprint.h"
#include "i18n.h"
#include "mem.h"
#include "sales.h"
#include "theme.h"
#include "tmpl.h"
#include "val.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *
S_s(const struct val *v, const char *key)
{
	const struct val *x = val_get(v, key);

	if (x != NULL && x->type == VAL_MAP)
		x = val_get(x, "tekst");
	return x != NULL && x->type == VAL_STR ? x->str : NULL;
}

static long
S_n(const struct val *v, const char *key)
{
	const struct val *x = val_get(v, key);

	return x != NULL && x->type == VAL_NUM ? (long)x->num : 0;
}

static void
S_h(struct buf *b, const char *s)
{
	if (s != NULL)
		esc_html(b, s, strlen(s));
}

/* A JSON string for a <script type="application/json">: '<' and '>' as
 * escapes too, so no "</script" can close the element early. */
static void
S_json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == '<' || c == '>' || c == '&')
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/* Percent-encoding for a mailto: URL's parts (RFC 6068): everything but
 * the unreserved characters. */
static void
S_pct_enc(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			buf_putc(b, (char)c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

/*** The numbers C computed, as JSON (sales_doc.c's _totals) ***/

/* A tiny reader for the one shape S_model() writes: integers, lists. */
struct jnum {
	const char	*p;
};

static int64_t
S_jint(struct jnum *j)
{
	int64_t v = 0;
	int neg = 0;

	while (*j->p != '\0' && *j->p != '-' && (*j->p < '0' || *j->p > '9'))
		j->p++;
	if (*j->p == '-') {
		neg = 1;
		j->p++;
	}
	while (*j->p >= '0' && *j->p <= '9')
		v = v * 10 + (*j->p++ - '0');
	return neg ? -v : v;
}

/* Moves past the key "name": in the JSON; 0 when it is not there. */
static int
S_jkey(struct jnum *j, const char *json, const char *name)
{
	const char *k = strstr(json, name);

	if (k == NULL)
		return 0;
	j->p = k + strlen(name);
	return 1;
}

static void
S_tr(struct buf *b, const char *k, struct buf *v, const char *cls)
{
	buf_puts(b, "<tr");
	if (cls != NULL)
		buf_printf(b, " class=\"%s\"", cls);
	buf_puts(b, "><th scope=\"row\">");
	S_h(b, k);
	buf_puts(b, "</th><td>");
	esc_html(b, v->data ? v->data : "", v->len);
	buf_puts(b, "</td></tr>\n");
	buf_reset(v);
}

/* The words of the totals and the acceptance mail, in the order of the
 * model's "w" that offer.js reads them from. */
static const enum i18n_key S_words[] = {
	I18N_S_PERIOD_ONCE, I18N_S_PERIOD_MONTH, I18N_S_PERIOD_QUARTER,
	I18N_S_PERIOD_YEAR, I18N_S_SUBTOTAL, I18N_S_DISCOUNT, I18N_S_NET,
	I18N_S_ON, I18N_S_TOTAL, I18N_S_CONTRACT, I18N_S_DEPOSIT,
	I18N_S_BALANCE, I18N_S_EARLY_PAY, I18N_S_ACCEPTED, I18N_S_FINGERPRINT,
	I18N_S_SELECTION
};
#define S_NWORDS (sizeof(S_words) / sizeof(S_words[0]))

/*
 * The totals rows, as offer.js rows() writes them: per period that has
 * lines (the one-off set also when nothing recurs), the contract value,
 * the payment terms.  tot is "_totals", model "_offer".
 */
static void
S_rows(struct buf *b, const char *tot, const char *model, const char *lang)
{
	const char *w[S_NWORDS];
	struct jnum j;
	struct buf v = { 0 }, k = { 0 };
	int64_t set[8][6], row[4], term, pay[4], mpay[2], c[2];
	const char *rowsat[8], *q;
	size_t r, nr;
	int s, p, any = 0, haspay;

	if (!S_jkey(&j, tot, "\"s\":["))
		return;
	for (s = 0; s < (int)S_NWORDS; s++)
		w[s] = i18n(lang, S_words[s]);
	for (s = 0; s < 8; s++) {
		for (r = 0; r < 6; r++)
			set[s][r] = S_jint(&j);
		rowsat[s] = j.p;	/* at ",[" of its rows */
		/* past this set's rows: the "]]" that closes them */
		q = strstr(j.p, "]]");
		j.p = q != NULL ? q + 2 : j.p + strlen(j.p);
	}
	for (p = 1; p < SALES_NPERIODS; p++)
		any |= set[p * 2][5] > 0 || set[p * 2 + 1][5] > 0;
	for (p = 0; p < SALES_NPERIODS; p++) {
		s = p * 2;
		if (set[s][5] == 0 && (p > 0 || any))
			continue;
		buf_printf(b, "<tr class=\"sg-h\"><th colspan=\"2\" "
		    "scope=\"colgroup\">%s</th></tr>\n", w[p]);
		sales_fmt_money(&v, set[s][0], lang);
		S_tr(b, w[4], &v, NULL);
		if (set[s][1] != 0) {
			buf_puts(&v, "\xe2\x88\x92\xc2\xa0");
			sales_fmt_money(&v, set[s][1], lang);
			S_tr(b, w[5], &v, NULL);
			sales_fmt_money(&v, set[s][2], lang);
			S_tr(b, w[6], &v, NULL);
		}
		/* the rows: [kind,rate,base,vat] each; the label from the model */
		nr = 0;
		j.p = rowsat[s];
		while ((q = strchr(j.p, '[')) != NULL && q < strstr(j.p, "]]") &&
		    nr < 64) {
			struct jnum m;
			const char *lab;
			size_t n;

			j.p = q + 1;
			for (r = 0; r < 4; r++)
				row[r] = S_jint(&j);
			buf_reset(&k);
			buf_printf(&k, "\"%lld:%lld\":\"", (long long)row[0],
			    (long long)row[1]);
			lab = S_jkey(&m, model, k.data) ? m.p : "";
			n = strcspn(lab, "\"");
			buf_reset(&k);
			buf_put(&k, lab, n);
			buf_putc(&k, ' ');
			buf_puts(&k, w[7]);
			buf_putc(&k, ' ');
			sales_fmt_money(&k, row[2], lang);
			sales_fmt_money(&v, row[3], lang);
			S_tr(b, k.data, &v, NULL);
			nr++;
		}
		sales_fmt_money(&v, set[s][4], lang);
		S_tr(b, w[8], &v, "sg-t");
	}
	term = S_jkey(&j, model, "\"term\":") ? S_jint(&j) : 0;
	if (S_jkey(&j, tot, "\"c\":[")) {
		c[0] = S_jint(&j);
		c[1] = S_jint(&j);
		if (term > 0) {
			sales_fmt_money(&v, c[1], lang);
			S_tr(b, w[9], &v, "sg-t");
		}
	}
	haspay = S_jkey(&j, model, "\"pay\":[");
	if (haspay) {
		mpay[0] = S_jint(&j);
		mpay[1] = S_jint(&j);
	}
	if (haspay && S_jkey(&j, tot, "\"pay\":[")) {
		for (r = 0; r < 4; r++)
			pay[r] = S_jint(&j);
		if (mpay[0] > 0) {
			sales_fmt_money(&v, pay[0], lang);
			S_tr(b, w[10], &v, NULL);
			sales_fmt_money(&v, pay[1], lang);
			S_tr(b, w[11], &v, NULL);
		}
		if (mpay[1] > 0) {
			sales_fmt_money(&v, pay[3], lang);
			S_tr(b, w[12], &v, NULL);
		}
	}
	buf_free(&v);
	buf_free(&k);
}

/*** The form ***/

/* One line: its control (if the client can change it), text and amount. */
static void
S_line(struct buf *b, const struct val *r, long i, long keuze, long nth,
    const struct jnum *lim, const char *lang)
{
	const char *t = S_s(r, "omschrijving"), *per = S_s(r, "per");
	const struct val *o = val_get(r, "optioneel"), *g = val_get(r,
	    "gekozen");
	int opt = o != NULL && val_truthy(o);
	struct jnum j = *lim;
	struct buf q = { 0 };
	int64_t qty, lo, hi;
	int r14;

	/* the line's [qty,...,min,max] in the model: fields 0, 12, 13 */
	qty = S_jint(&j);
	for (r14 = 1; r14 < 13; r14++)
		lo = S_jint(&j);
	hi = S_jint(&j);
	buf_puts(b, "<div class=\"sg-line\">");
	if (keuze > 0)
		buf_printf(b, "<input type=\"radio\" id=\"sg-r%ld\" "
		    "name=\"keuze%ld\" value=\"%ld\"%s>", i, keuze, nth,
		    g != NULL && val_truthy(g) ? " checked" : "");
	else if (opt)
		buf_printf(b, "<input type=\"checkbox\" id=\"sg-r%ld\" "
		    "name=\"regel%ld\">", i, i);
	/* a label only for a control: a fixed line has nothing to click */
	if (keuze > 0 || opt || lo != qty || hi != qty)
		buf_printf(b, "<label class=\"sg-text\" for=\"sg-%s%ld\">",
		    keuze > 0 || opt ? "r" : "q", i);
	else
		buf_puts(b, "<span class=\"sg-text\">");
	S_h(b, t);
	if (keuze == 0 && !opt && (lo != qty || hi != qty)) {
		buf_putc(b, ' ');
		buf_puts(b, i18n(lang, I18N_S_QUANTITY_NOTE));
	}
	buf_puts(b, keuze > 0 || opt || lo != qty || hi != qty ? "</label>" :
	    "</span>");
	if (lo != qty || hi != qty) {
		sales_fmt_qty(&q, qty, "en");
		buf_printf(b, " <input type=\"number\" id=\"sg-q%ld\" "
		    "name=\"aantal%ld\" value=\"%s\" step=\"1\"", i, i,
		    q.data);
		buf_reset(&q);
		sales_fmt_qty(&q, lo, "en");
		buf_printf(b, " min=\"%s\"", q.data);
		buf_reset(&q);
		sales_fmt_qty(&q, hi, "en");
		buf_printf(b, " max=\"%s\"", q.data);
		if (keuze > 0 || opt) {
			buf_printf(b, " aria-label=\"%s: ", i18n(lang,
			    I18N_S_QUANTITY));
			S_h(b, t);
			buf_putc(b, '"');
		}
		buf_puts(b, ">");
	} else {
		buf_puts(b, " <span class=\"sg-qty\">");
		S_h(b, S_s(r, "aantal"));
		if (S_s(r, "eenheid") != NULL && *S_s(r, "eenheid") != '\0') {
			buf_putc(b, ' ');
			S_h(b, S_s(r, "eenheid"));
		}
		buf_puts(b, "</span>");
	}
	buf_printf(b, " <output class=\"sg-amt\" id=\"sg-b%ld\">", i);
	S_h(b, S_s(r, "bedrag"));
	buf_puts(b, "</output>");
	if (per != NULL && *per != '\0') {
		buf_putc(b, ' ');
		S_h(b, per);
	}
	buf_puts(b, "</div>\n");
	buf_free(&q);
}

/* The form: the lines of ctx "regels" in order, each <keuze> a fieldset. */
static void
S_form(struct buf *b, const struct val *ctx, const char *model,
    const char *lang)
{
	const struct val *rows = val_get(ctx, "regels"), *r;
	struct jnum j;
	size_t k;
	long open = 0, nth = 0, kz, i;

	if (rows == NULL || rows->type != VAL_LIST || !S_jkey(&j, model,
	    "\"l\":["))
		return;
	for (k = 0; k < rows->n; k++) {
		r = rows->items[k];
		if (!val_truthy(val_get(r, "prijsregel"))) {
			const char *kop = S_s(r, "kop"), *kk = S_s(r,
			    "keuze_kop");

			if (open) {
				buf_puts(b, "</fieldset>\n");
				open = 0;
			}
			if (kop != NULL && *kop != '\0') {
				buf_puts(b, "<h3>");
				S_h(b, kop);
				buf_puts(b, "</h3>\n");
			}
			if (val_truthy(val_get(r, "keuze"))) {
				buf_puts(b, "<fieldset class=\"sg-keuze\"><legend>");
				buf_puts(b, i18n(lang,
				    I18N_S_CHOOSE_ONE));
				if (kk != NULL && *kk != '\0') {
					buf_puts(b, ": ");
					S_h(b, kk);
				}
				buf_puts(b, "</legend>\n");
				open = 1;
				nth = 0;
			}
			continue;
		}
		i = S_n(r, "_regel");
		kz = S_n(r, "_keuze");
		if (kz == 0 && open) {
			buf_puts(b, "</fieldset>\n");
			open = 0;
		}
		/* the model's line i: past i - 1 lines' "[" */
		{
			struct jnum at = j;
			long m;

			for (m = 0; m < i && at.p != NULL; m++)
				at.p = strchr(at.p, '[') ? strchr(at.p, '[') + 1 :
				    NULL;
			if (at.p == NULL)
				continue;
			S_line(b, r, i, kz, ++nth, &at, lang);
		}
	}
	if (open)
		buf_puts(b, "</fieldset>\n");
}

/*** The logo ***/

static void
S_data_uri(struct buf *b, const unsigned char *d, size_t n)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *mime = "application/octet-stream";
	size_t i;
	unsigned long v;

	if (n >= 8 && memcmp(d, "\x89PNG", 4) == 0)
		mime = "image/png";
	else if (n >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0)
		mime = "image/jpeg";
	else if (n >= 6 && memcmp(d, "GIF8", 4) == 0)
		mime = "image/gif";
	else if (n >= 12 && memcmp(d + 8, "WEBP", 4) == 0)
		mime = "image/webp";
	else
		mime = "image/svg+xml";
	buf_printf(b, "data:%s;base64,", mime);
	for (i = 0; i < n; i += 3) {
		v = (unsigned long)d[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)d[i + 1] << 8;
		if (i + 2 < n)
			v |= d[i + 2];
		buf_putc(b, b64[v >> 18 & 63]);
		buf_putc(b, b64[v >> 12 & 63]);
		buf_putc(b, i + 1 < n ? b64[v >> 6 & 63] : '=');
		buf_putc(b, i + 2 < n ? b64[v & 63] : '=');
	}
}

int
ohtml_page(const struct datadoc *d, const char *body, const char *root,
    struct theme *th, struct buf *out, struct diag_list *dl)
{
	struct tmpl_opts to = { ESC_HTML, NULL, NULL, 1 };
	const struct val *ctx = d->ctx, *v;
	const char *model = S_s(ctx, "_offer"), *tot = S_s(ctx, "_totals");
	const char *src, *tpath, *js, *jpath, *mail;
	struct buf b = { 0 }, subj = { 0 };
	struct val *pc;
	struct tmpl *t;
	char *logo;
	size_t len, jlen, llen, wi;
	int rc = -1, en = strcmp(d->lang, "en") == 0;

	if (ctx == NULL || model == NULL || tot == NULL ||
	    d->fingerprint == NULL)
		return -1;
	if ((src = theme_get(th, "site/offer.html", &tpath, &len)) == NULL ||
	    (js = theme_get(th, "site/offer.js", &jpath, &jlen)) == NULL) {
		diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0, src == NULL ?
		    "site/offer.html" : "site/offer.js");
		return -1;
	}
	pc = val_map();
	val_set_str(pc, "lang", d->lang);
	val_set_str(pc, "title", d->title);
	val_set_str(pc, "fingerprint", d->fingerprint);
	buf_put(&b, d->fingerprint, FP_SHORT);
	val_set_str(pc, "fp_short", buf_cstr(&b));
	buf_reset(&b);
	/* a header cell without text heads nothing (the letter's tables
	 * written as "| | Bedrag |"): a screen reader should not announce
	 * it, so it is a plain cell here (axe-core's empty-table-header) */
	{
		const char *p = body, *e;

		while ((e = strstr(p, "<th></th>")) != NULL) {
			buf_put(&b, p, (size_t)(e - p));
			buf_puts(&b, "<td></td>");
			p = e + strlen("<th></th>");
		}
		buf_puts(&b, p);
	}
	val_set_str(pc, "body", buf_cstr(&b));
	buf_reset(&b);
	val_set_bool(pc, "en", en);
	/* the form and the totals */
	S_form(&b, ctx, model, d->lang);
	val_set_str(pc, "form", buf_cstr(&b));
	buf_reset(&b);
	S_rows(&b, tot, model, d->lang);
	val_set_str(pc, "rows", buf_cstr(&b));
	buf_reset(&b);
	/* C's totals, beside the script's: numbers only */
	val_set_str(pc, "totals", tot);
	/* the script's model: who to mail, and the numbers */
	v = val_get(ctx, "verkoper");
	mail = S_s(val_get(v, "contact"), "email");
	if (mail == NULL)
		mail = S_s(v, "email");
	buf_puts(&b, "{\"lang\":");
	S_json_str(&b, d->lang);
	buf_puts(&b, ",\"fp\":");
	S_json_str(&b, d->fingerprint);
	buf_puts(&b, ",\"nr\":");
	S_json_str(&b, S_s(ctx, "nummer") ? S_s(ctx, "nummer") : "");
	buf_puts(&b, ",\"mail\":");
	S_json_str(&b, mail ? mail : "");
	buf_puts(&b, ",\"w\":[");
	for (wi = 0; wi < S_NWORDS; wi++) {
		if (wi > 0)
			buf_putc(&b, ',');
		S_json_str(&b, i18n(d->lang, S_words[wi]));
	}
	buf_puts(&b, "],");
	buf_puts(&b, model + 1);
	val_set_str(pc, "model", buf_cstr(&b));
	buf_reset(&b);
	buf_put(&b, js, jlen);
	val_set_str(pc, "script", buf_cstr(&b));
	buf_reset(&b);
	/* without script: a mail that says which offer, as it is */
	if (mail != NULL) {
		buf_puts(&b, "mailto:");
		{
			const char *at = strchr(mail, '@');
			struct buf part = { 0 };

			buf_put(&part, mail, at ? (size_t)(at - mail) :
			    strlen(mail));
			S_pct_enc(&b, buf_cstr(&part));
			if (at != NULL) {
				buf_putc(&b, '@');
				S_pct_enc(&b, at + 1);
			}
			buf_free(&part);
		}
		buf_puts(&subj, i18n(d->lang, I18N_S_ACCEPTED));
		buf_putc(&subj, ' ');
		buf_puts(&subj, S_s(ctx, "nummer") ? S_s(ctx, "nummer") : "");
		buf_puts(&b, "?subject=");
		S_pct_enc(&b, buf_cstr(&subj));
		buf_reset(&subj);
		buf_puts(&subj, i18n(d->lang, I18N_S_FINGERPRINT));
		buf_putc(&subj, ' ');
		buf_puts(&subj, d->fingerprint);
		buf_puts(&b, "&body=");
		S_pct_enc(&b, buf_cstr(&subj));
		val_set_str(pc, "mailto", buf_cstr(&b));
		buf_reset(&b);
	}
	if (d->logo != NULL &&
	    (logo = file_read_in(root, d->logo, &llen, dl)) != NULL) {
		S_data_uri(&b, (const unsigned char *)logo, llen);
		val_set_str(pc, "logo", buf_cstr(&b));
		buf_reset(&b);
		free(logo);
	}
	if (d->colour <= 0xFFFFFFu) {
		buf_printf(&b, "#%06X", d->colour);
		val_set_str(pc, "accent", buf_cstr(&b));
		buf_reset(&b);
	}
	if ((t = tmpl_parse(src, len, tpath, dl)) != NULL) {
		rc = tmpl_render(t, pc, &to, out, dl);
		tmpl_free(t);
	}
	val_free(pc);
	buf_free(&b);
	buf_free(&subj);
	return rc;
}
