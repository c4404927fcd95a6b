/* csv_load — CSV text to maps, and Excel's numbers (see csv_load.h). */
#include "csv_load.h"
#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "mem.h"
#include "num.h"
#include "val.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#define S_MAX_ERRORS	20	/* past this, errors are noise */
#define S_CHUNK		4096	/* least bytes fed at once */

struct loader {
	const unsigned char	*src;
	size_t			 len;
	size_t			 origin;	/* 1:1, past a BOM */
	const char		*path;
	struct diag_list	*dl;
	enum diag_code		 code;
	unsigned char		 sep;
	int			 nerr;
	int			 stop;		/* feed no more */

	/* S_pos()'s cache: src[at] is at line:col. */
	size_t			 at;
	int			 line, col;

	/* Where libcsv is.  It calls back only on a separator or a line
	 * end (or at the end of the text), and csv_load() feeds it up to
	 * and including the next of those, so the byte behind a callback
	 * is always the last one fed: end.  The next row starts at scan
	 * or after blanks; the current field at fstart; the first field
	 * past the header's width at extra. */
	size_t			 end;
	size_t			 scan;
	size_t			 fstart;
	size_t			 extra;
	int			 inrow;
	int			 row_line;
	size_t			 nfield;	/* so far in the row */
	int			 nonempty;	/* a field held text */
	struct val		*row;		/* NULL until a value */

	char			**names;	/* the header, trimmed */
	size_t			*noff;		/* where each is */
	size_t			 nnames, capnames;
	int			 header;	/* names complete */

	struct val		*list;
	int			(*cb)(void *, struct val *);
	void			*cbarg;
	const struct csv_opts	*opts;
	struct buf		 tmp;
};

struct hname {
	const char	*name;
	size_t		 i;
};

/* Advances the cached position to off and returns its line and column,
 * both 1-based.  Columns count characters, as tmpl's do, not bytes.  A CR
 * not followed by LF ends a line, since libcsv ends a row there too.
 * Callers ask for increasing offsets, so the whole file is walked once;
 * an earlier offset restarts the walk. */
static void
S_pos(struct loader *ld, size_t off, int *line, int *col)
{
	unsigned char c;

	if (off < ld->at) {
		ld->at = ld->origin;
		ld->line = ld->col = 1;
	}
	for (; ld->at < off && ld->at < ld->len; ld->at++) {
		c = ld->src[ld->at];
		if (c == '\n' || (c == '\r' && (ld->at + 1 == ld->len ||
		    ld->src[ld->at + 1] != '\n'))) {
			if (ld->line < INT_MAX)
				ld->line++;
			ld->col = 1;
		} else if ((c & 0xC0) != 0x80 && ld->col < INT_MAX)
			ld->col++;
	}
	*line = ld->line;
	*col = ld->col;
}

/* Adds a diagnostic at byte off (SIZE_MAX: no position) through the
 * caller's code, whose format is "%s". */
static void
S_error(struct loader *ld, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
S_error(struct loader *ld, size_t off, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;
	int line = 0, col = 0;

	if (off != SIZE_MAX)
		S_pos(ld, off, &line, &col);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag_add(ld->dl, ld->code, ld->path, line, col, buf_cstr(&msg));
	buf_free(&msg);
	if (++ld->nerr == S_MAX_ERRORS) {
		diag_add(ld->dl, ld->code, ld->path, line, col,
		    "too many errors; the rest of the file is not checked");
		ld->stop = 1;
	}
}

/* The blanks libcsv skips before a field: spaces, and tabs unless the
 * tab separates. */
static int
S_blank(const struct loader *ld, unsigned char c)
{
	return c == ' ' || (c == '\t' && ld->sep != '\t');
}

/* Where the field starting at off shows its first character. */
static size_t
S_fieldoff(const struct loader *ld, size_t off)
{
	while (off < ld->len && S_blank(ld, ld->src[off]))
		off++;
	return off;
}


/* Windows-1252's characters 0x80 to 0x9F (0 where it has none); from
 * 0xA0 on it is Latin-1, the code point being the byte. */
static const unsigned short S_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* Whether every byte of s is a character of Windows-1252 (NUL is not). */
static int
S_is1252(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == 0 || (s[i] >= 0x80 && s[i] < 0xA0 &&
		    S_cp1252[s[i] - 0x80] == 0))
			return 0;
	return 1;
}

/* The Windows-1252 text s (n bytes) as UTF-8 in out.  Line ends are ASCII
 * and a column counts characters, so every position stays where it was. */
static void
S_from1252(const unsigned char *s, size_t n, struct buf *out)
{
	unsigned char u8[4];
	unsigned cp;
	size_t i;

	for (i = 0; i < n; i++) {
		cp = s[i] < 0x80 || s[i] >= 0xA0 ? s[i] : S_cp1252[s[i] - 0x80];
		buf_put(out, u8, utf8_encode(cp, u8));
	}
}

/* Checks the whole text before anything is built: one wrong byte usually
 * means the whole file is in another encoding, and the first is enough
 * to say so.  Returns 0 or -1 after a diagnostic.  With win, a text that
 * is not UTF-8 but is Windows-1252 throughout (and has no BOM, which
 * would say it is UTF-8) returns 1 instead, *bad the first byte that is
 * not UTF-8. */
static int
S_check_utf8(struct loader *ld, int win, size_t *bad)
{
	const unsigned char *s = ld->src;
	size_t i, n;

	if (ld->len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
	    (s[0] == 0xFE && s[1] == 0xFF))) {
		S_error(ld, 0, "the file is UTF-16 (Excel's 'Unicode text'); "
		    "save it as 'CSV UTF-8' instead");
		return -1;
	}
	for (i = ld->origin; i < ld->len; i += n) {
		if ((n = utf8_len(s + i, ld->len - i)) > 0)
			continue;
		if (win && ld->origin == 0 && S_is1252(s, ld->len)) {
			*bad = i;
			return 1;
		}
		if (s[i] == 0)
			S_error(ld, i, "NUL byte: this is not a text file");
		else
			S_error(ld, i, "invalid UTF-8 (byte 0x%02X): save the "
			    "file as 'CSV UTF-8', or convert it, e.g. with "
			    "iconv -f WINDOWS-1252 -t UTF-8", s[i]);
		return -1;
	}
	return 0;
}

/* Separators Excel lets one choose: a tab or ASCII punctuation other than
 * the quote.  Letters, digits, blanks and line ends cannot separate. */
static int
S_sepok(int c)
{
	return c == '\t' || (c > ' ' && c < 0x7F && c != '"' &&
	    !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
	    !(c >= 'A' && c <= 'Z'));
}

/* Excel's "sep=;" first line, which names the separator and is no row:
 * returns its length (without the line end) or 0. */
static size_t
S_sepline(const unsigned char *s, size_t i, size_t len)
{
	if (len - i < 5 || memcmp(s + i, "sep=", 4) != 0 ||
	    !S_sepok(s[i + 4]))
		return 0;
	if (i + 5 < len && s[i + 5] != '\r' && s[i + 5] != '\n')
		return 0;
	return 5;
}

/* The separator, judged from the header line (the first line holding more
 * than blanks): the most frequent of ';', tab and ',' outside quotes.  A
 * tie or none at all gives ';', what Dutch Excel writes; a one-column file
 * then keeps the commas in its values. */
static unsigned char
S_detect(const unsigned char *s, size_t i, size_t len)
{
	size_t semi = 0, tab = 0, comma = 0, j;
	int quoted = 0;

	for (;;) {
		for (j = i; j < len && (s[j] == ' ' || s[j] == '\t'); j++)
			continue;
		if (j == len || (s[j] != '\r' && s[j] != '\n'))
			break;
		i = j + 1;
	}
	/* A doubled quote toggles twice: no need to tell it apart. */
	for (; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\r' || s[i] == '\n')
			break;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
		else if (s[i] == ',')
			comma++;
	}
	if (tab > semi && tab >= comma)
		return '\t';
	if (comma > semi && comma > tab)
		return ',';
	return ';';
}

/* Appends key, which the caller knows to be absent (header names are
 * unique), without val_set()'s search: that would make every row cost the
 * square of its width.  Uses the layout val.h documents: keys parallel to
 * items, n of cap in use. */
static void
S_append(struct val *map, const char *key, struct val *v)
{
	if (map->n == map->cap) {
		map->cap = map->cap ? map->cap * 2 : 8;
		map->items = xrealloc(map->items,
		    map->cap * sizeof(*map->items));
		map->keys = xrealloc(map->keys, map->cap * sizeof(*map->keys));
	}
	map->keys[map->n] = xstrdup(key);
	map->items[map->n++] = v;
}

/* A field's text as a value, with CRLF and CR line breaks (quoted fields
 * from Windows) as "\n": the value should not depend on the editor. */
static struct val *
S_value(struct loader *ld, const char *s, size_t n)
{
	size_t i;

	if (n == 0 || memchr(s, '\r', n) == NULL)
		return val_strn(s, n);
	buf_reset(&ld->tmp);
	for (i = 0; i < n; i++) {
		if (s[i] != '\r')
			buf_putc(&ld->tmp, s[i]);
		else if (i + 1 == n || s[i + 1] != '\n')
			buf_putc(&ld->tmp, '\n');
	}
	return val_strn(ld->tmp.data, ld->tmp.len);
}

static void
S_clear_names(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->nnames; i++)
		free(ld->names[i]);
	ld->nnames = 0;
}

static void
S_header_field(struct loader *ld, const char *s, size_t n)
{
	while (n > 0 && strchr(" \t\r\n", s[0]) != NULL) {
		s++;
		n--;
	}
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	if (ld->nnames == ld->capnames) {
		ld->capnames = ld->capnames ? ld->capnames * 2 : 16;
		ld->names = xrealloc(ld->names,
		    ld->capnames * sizeof(*ld->names));
		ld->noff = xrealloc(ld->noff, ld->capnames * sizeof(*ld->noff));
	}
	ld->names[ld->nnames] = xstrndup(n > 0 ? s : "", n);
	ld->noff[ld->nnames++] = ld->fstart;
}

static int
S_hcmp(const void *a, const void *b)
{
	const struct hname *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

/* Checks the names once the header row is complete.  Duplicates are found
 * by sorting, so a very wide header costs no more than its sort; each is
 * reported, in column order, against the first column of that name. */
static void
S_header_done(struct loader *ld)
{
	struct hname *h;
	size_t *first, i, k;
	int bad = 0;

	h = xcalloc(ld->nnames, sizeof(*h));
	first = xcalloc(ld->nnames, sizeof(*first));
	for (i = 0; i < ld->nnames; i++) {
		h[i].name = ld->names[i];
		h[i].i = i;
		first[i] = SIZE_MAX;
	}
	qsort(h, ld->nnames, sizeof(*h), S_hcmp);
	for (i = k = 0; i < ld->nnames; i++) {
		if (strcmp(h[i].name, h[k].name) != 0)
			k = i;
		else if (i != k)
			first[h[i].i] = h[k].i;
	}
	for (i = 0; i < ld->nnames && !ld->stop; i++) {
		if (ld->names[i][0] == '\0')
			S_error(ld, S_fieldoff(ld, ld->noff[i]),
			    "column %zu of the header has no name", i + 1);
		else if (first[i] != SIZE_MAX)
			S_error(ld, S_fieldoff(ld, ld->noff[i]),
			    "column name '%s' is used twice (columns %zu and "
			    "%zu)", ld->names[i], first[i] + 1, i + 1);
		else
			continue;
		bad = 1;
	}
	free(h);
	free(first);
	/* Without a sound header the rows cannot be read as anything. */
	if (bad)
		ld->stop = 1;
	ld->header = 1;
	if (!bad && ld->opts != NULL && ld->opts->head != NULL) {
		int *cols = xcalloc(ld->nnames ? ld->nnames : 1, sizeof(*cols));
		int line = 0, fl;

		for (i = 0; i < ld->nnames; i++)
			S_pos(ld, S_fieldoff(ld, ld->noff[i]),
			    i == 0 ? &line : &fl, &cols[i]);
		if (ld->opts->head(ld->cbarg, line, ld->names, cols,
		    ld->nnames) != 0)
			ld->stop = 1;
		free(cols);
	}
}

/* The row starts at the first byte libcsv does not skip as a blank or a
 * line end: that is where its first field begins. */
static void
S_row_begin(struct loader *ld)
{
	size_t i = ld->scan;
	int col;

	while (i < ld->len && (S_blank(ld, ld->src[i]) ||
	    ld->src[i] == '\r' || ld->src[i] == '\n'))
		i++;
	S_pos(ld, i, &ld->row_line, &col);
	ld->fstart = i;
	ld->inrow = 1;
	ld->nfield = 0;
	ld->nonempty = 0;
	ld->extra = SIZE_MAX;
}

/* libcsv: a field has ended (at ld->end). */
static void
S_field(void *data, size_t n, void *arg)
{
	struct loader *ld = arg;

	if (!ld->inrow)
		S_row_begin(ld);
	if (n > 0)
		ld->nonempty = 1;
	if (!ld->header)
		S_header_field(ld, data, n);
	else if (ld->nfield >= ld->nnames) {
		if (ld->nfield == ld->nnames)
			ld->extra = ld->fstart;
	} else if (ld->nerr == 0) {
		/* Once the result is lost, building it is wasted memory. */
		int fl, fc;

		if (ld->row == NULL)
			ld->row = val_map();
		/* where the field starts, for a diagnostic about its value:
		 * the row's line, the field's column */
		S_pos(ld, ld->fstart, &fl, &fc);
		S_append(ld->row, ld->names[ld->nfield],
		    val_at(S_value(ld, data, n), NULL, ld->row_line, fc));
	}
	ld->nfield++;
	ld->fstart = ld->end + 1;
}

/* libcsv: a row has ended (at ld->end). */
static void
S_row(int c, void *arg)
{
	struct loader *ld = arg;
	const char *sepname;

	(void)c;
	if (!ld->inrow)
		return;
	ld->inrow = 0;
	ld->scan = ld->end + 1;
	if (!ld->nonempty) {
		/* A blank row to Excel, wherever it is. */
		if (!ld->header)
			S_clear_names(ld);
	} else if (!ld->header)
		S_header_done(ld);
	else if (ld->nfield != ld->nnames && ld->cb != NULL &&
	    ld->opts->width != NULL) {
		int wl, wc;

		/* the caller reports it and reads on */
		S_pos(ld, ld->nfield > ld->nnames ?
		    S_fieldoff(ld, ld->extra) : ld->end, &wl, &wc);
		if (ld->nerr == 0 && ld->opts->width(ld->cbarg, ld->row_line,
		    wc, ld->nfield, ld->nnames) != 0)
			ld->stop = 1;
	} else if (ld->nfield > ld->nnames) {
		sepname = ld->sep == ';' ? "';'" : ld->sep == ',' ? "','" :
		    ld->sep == '\t' ? "a tab" : NULL;
		if (sepname != NULL)
			S_error(ld, S_fieldoff(ld, ld->extra), "row has %zu "
			    "fields, the header %zu (a value holding %s must "
			    "be quoted)", ld->nfield, ld->nnames, sepname);
		else
			S_error(ld, S_fieldoff(ld, ld->extra), "row has %zu "
			    "fields, the header %zu (a value holding '%c' "
			    "must be quoted)", ld->nfield, ld->nnames,
			    ld->sep);
	} else if (ld->nerr == 0) {
		if (ld->row == NULL)
			ld->row = val_map();
		val_at(ld->row, NULL, ld->row_line, 0);
		if (ld->cb == NULL)
			val_push(ld->list, ld->row);
		else if (ld->cb(ld->cbarg, ld->row) != 0)
			ld->stop = 1;
		ld->row = NULL;
	}
	val_free(ld->row);
	ld->row = NULL;
}

/* libcsv stopped at off in strict mode: a quote where none may be. */
static void
S_parse_error(struct loader *ld, struct csv_parser *p, size_t off)
{
	size_t n;

	if (csv_error(p) != CSV_EPARSE)
		S_error(ld, off, "%s", csv_strerror(csv_error(p)));
	else if (ld->src[off] == '"' && !p->quoted)
		S_error(ld, off, "quote in an unquoted field: put the whole "
		    "field in quotes and write this quote twice (\"\")");
	else {
		n = utf8_len(ld->src + off, ld->len - off);
		S_error(ld, off, "'%.*s' after the closing quote of a quoted "
		    "field: inside quotes, write a quote twice (\"\")",
		    (int)(n > 0 ? n : 1), (const char *)ld->src + off);
	}
	ld->stop = 1;
}

/* The text ended inside a quoted field: point at its opening quote, which
 * is the first one from where the field (or the row) starts, since only
 * blanks may come before it. */
static void
S_unclosed(struct loader *ld)
{
	size_t i = ld->inrow ? ld->fstart : ld->scan;

	while (i < ld->len && ld->src[i] != '"')
		i++;
	S_error(ld, i, "this quote opens a field that is never closed");
}

static enum diag_code
S_code(const struct csv_opts *opts)
{
	int c = opts != NULL ? opts->diag_code : 0;

	/* Only a code whose format takes the one message string is safe to
	 * pass it to. */
	if (c <= 0 || c >= DIAG__MAX ||
	    strcmp(diag_format((enum diag_code)c), "%s") != 0)
		return DIAG_CSV;
	return (enum diag_code)c;
}

struct val *
csv_load(const char *src, size_t len, const char *path,
    const struct csv_opts *opts, struct diag_list *dl)
{
	struct loader ld;
	struct csv_parser p;
	const unsigned char *s = (const unsigned char *)src;
	struct val *list;
	struct buf conv = { 0 };
	size_t i, n, lim, got, bad = 0;
	unsigned char c, sep;
	int rc;

	memset(&ld, 0, sizeof(ld));
	ld.src = s;
	ld.len = src != NULL ? len : 0;
	ld.path = path;
	ld.dl = dl;
	ld.code = S_code(opts);
	ld.line = ld.col = 1;
	if (ld.len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		ld.origin = 3;
	ld.at = ld.origin;
	if ((rc = S_check_utf8(&ld, opts != NULL && opts->cp1252, &bad)) < 0)
		return NULL;
	if (rc > 0) {
		int bl, bc;

		/* the note's place: where the bad byte's character is in
		 * the text as read */
		S_from1252(s, bad, &conv);
		n = conv.len;
		buf_reset(&conv);
		S_from1252(s, ld.len, &conv);
		c = s[bad];
		s = (const unsigned char *)conv.data;
		ld.src = s;
		ld.len = conv.len;
		S_pos(&ld, n, &bl, &bc);
		diag_add(dl, DIAG_CSV_CP1252, path, bl, bc, c);
	}

	i = ld.origin;
	sep = opts != NULL ? (unsigned char)opts->sep : 0;
	if (sep != 0 && !S_sepok(sep)) {
		S_error(&ld, SIZE_MAX, "separator 0x%02X: a field separator "
		    "is a tab or ASCII punctuation other than '\"'", sep);
		return NULL;
	}
	if ((n = S_sepline(s, i, ld.len)) > 0) {
		if (sep == 0)
			sep = s[i + 4];
		i += n;
	}
	if (sep == 0)
		sep = S_detect(s, i, ld.len);
	ld.sep = sep;
	ld.scan = i;
	ld.list = val_list();
	ld.cb = opts != NULL ? opts->row : NULL;
	ld.cbarg = opts != NULL ? opts->arg : NULL;
	ld.opts = opts;

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&p, sep);
	/* The program's one policy for running out of memory. */
	csv_set_realloc_func(&p, xrealloc);
	csv_set_free_func(&p, free);
	for (; i < ld.len && !ld.stop; i += n) {
		/* libcsv grows its field buffer by a fixed block: making the
		 * block the buffer's size, and the pieces no longer, keeps a
		 * long field from costing the square of its length. */
		if ((lim = csv_get_buffer_size(&p)) < S_CHUNK)
			lim = S_CHUNK;
		csv_set_blk_size(&p, lim);
		n = 0;
		while (i + n < ld.len && n < lim) {
			c = s[i + n++];
			if (c == sep || c == '\r' || c == '\n')
				break;
		}
		ld.end = i + n - 1;
		if ((got = csv_parse(&p, s + i, n, S_field, S_row, &ld)) < n) {
			S_parse_error(&ld, &p, i + got);
			break;
		}
	}
	if (!ld.stop) {
		ld.end = ld.len;
		if (csv_fini(&p, S_field, S_row, &ld) != 0)
			S_unclosed(&ld);
	}
	csv_free(&p);
	if (!ld.header && ld.nerr == 0)
		S_error(&ld, SIZE_MAX, "no header row: the file holds no "
		    "column names");

	S_clear_names(&ld);
	free(ld.names);
	free(ld.noff);
	val_free(ld.row);
	buf_free(&ld.tmp);
	buf_free(&conv);
	list = ld.list;
	if (ld.nerr > 0) {
		val_free(list);
		return NULL;
	}
	return list;
}

int
csv_number(const char *s, const char *lang, double *out)
{
	const char *p, *e;
	int neg = 0;
	double d;

	if (s == NULL)
		return -1;
	for (p = s; *p == ' ' || *p == '\t'; p++)
		continue;
	for (e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\t'); e--)
		continue;
	if (p < e && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	if (num_double(p, e, lang, &d) != 0)
		return -1;
	*out = neg && d != 0 ? -d : d;
	return 0;
}
