/*
 * test_csv — csv_load and csv_number: what Dutch and English Excel write
 * (BOM, CRLF, ';', ',' and tab, quoting), row lines, the errors and their
 * positions, and the number table.  One PASS or FAIL line per test; exit
 * status 1 if any failed.
 */
#include "buf.h"
#include "csv_load.h"
#include "diag.h"
#include "mem.h"
#include "val.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A string literal and its length, NUL bytes included. */
#define LIT(s)	(s), sizeof(s) - 1

#include "check.h"

/* Prints the verdict; on failure the reason and the diagnostics. */
static void
S_verdict(const char *name, int ok, const char *why,
    const struct diag_list *dl)
{
	check_verdict("csv", name, ok, why);
	if (!ok)
		check_diags(dl);
}

/* A row callback that takes the first row and stops. */
static int
S_one_row(void *arg, struct val *row)
{
	(*(size_t *)arg)++;
	val_free(row);
	return -1;
}

/* The rows as text, one line each: "key=value|key=value", line breaks in
 * values as "\n", so a whole result compares as one string. */
static void
S_dump(const struct val *list, struct buf *out)
{
	const struct val *row;
	struct buf v = { 0 };
	size_t i, k, j;

	buf_reset(out);
	if (list == NULL) {
		buf_puts(out, "(null)");
		return;
	}
	for (i = 0; i < list->n; i++) {
		row = list->items[i];
		for (k = 0; k < row->n; k++) {
			buf_reset(&v);
			val_text(row->items[k], &v);
			buf_printf(out, "%s%s%s=", k ? "|" : "",
			    row->items[k]->type == VAL_NUM ? "#" : "",
			    row->keys[k]);
			for (j = 0; j < v.len; j++) {
				if (v.data[j] == '\n')
					buf_puts(out, "\\n");
				else
					buf_putc(out, v.data[j]);
			}
		}
		/* the row's line, its position (field columns are checked
		 * on their own below) */
		buf_printf(out, "%s#_line=%d\n", row->n ? "|" : "", row->line);
	}
	buf_free(&v);
}

/* Loads src (NUL-terminated) with separator sep (0: detect) and checks
 * the dump of the result against want, with no diagnostics. */
static void
S_expect_rows(const char *name, const char *src, char sep, const char *want)
{
	struct csv_opts o = { DIAG_CSV, sep };
	struct diag_list *dl = diag_list_new();
	struct buf got = { 0 }, why = { 0 };
	struct val *l;
	int ok;

	l = csv_load(src, strlen(src), "t.csv", &o, dl);
	S_dump(l, &got);
	ok = l != NULL && dl->n == 0 && strcmp(buf_cstr(&got), want) == 0;
	if (!ok)
		buf_printf(&why, "expected:\n%s  got:\n%s", want,
		    buf_cstr(&got));
	S_verdict(name, ok, ok ? NULL : buf_cstr(&why), dl);
	val_free(l);
	buf_free(&got);
	buf_free(&why);
	diag_list_free(dl);
}

/* Loads src (len bytes) and expects failure with at least one diagnostic,
 * the first at line:col with code DIAG_CSV and msg inside its text. */
static void
S_expect_error(const char *name, const char *src, size_t len, int line,
    int col, const char *msg)
{
	struct csv_opts o = { DIAG_CSV, 0 };
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 };
	struct val *l;
	int ok;

	l = csv_load(src, len, "data/klanten.csv", &o, dl);
	ok = l == NULL && dl->n >= 1 && dl->v[0].code == DIAG_CSV &&
	    dl->v[0].level == DIAG_ERROR && dl->v[0].line == line &&
	    dl->v[0].col == col && dl->v[0].file != NULL &&
	    strcmp(dl->v[0].file, "data/klanten.csv") == 0 &&
	    strstr(dl->v[0].msg, msg) != NULL;
	if (!ok)
		buf_printf(&why, "expected NULL and %d:%d: ...%s...", line,
		    col, msg);
	S_verdict(name, ok, ok ? NULL : buf_cstr(&why), dl);
	val_free(l);
	buf_free(&why);
	diag_list_free(dl);
}

/* The first line diag_print() writes for dl. */
static void
S_printed(struct diag_list *dl, char *line, size_t size)
{
	FILE *fp;

	line[0] = '\0';
	if ((fp = tmpfile()) == NULL)
		return;
	diag_print(dl, fp);
	rewind(fp);
	if (fgets(line, (int)size, fp) == NULL)
		line[0] = '\0';
	fclose(fp);
}

static void
t_dutch_excel(void)
{
	const char *src = "\xEF\xBB\xBFKlant;Bedrag;Omschrijving\r\n"
	    "Jansen BV;1.250,50;Stoel\r\n"
	    "De Vries;12;\"Tafel; eiken\"\r\n";
	struct diag_list *dl = diag_list_new();
	struct val *l;
	const struct val *v;
	double d = 0;
	int ok;

	S_expect_rows("semicolons, BOM and CRLF from Dutch Excel", src, 0,
	    "Klant=Jansen BV|Bedrag=1.250,50|Omschrijving=Stoel|#_line=2\n"
	    "Klant=De Vries|Bedrag=12|Omschrijving=Tafel; eiken|#_line=3\n");
	l = csv_load(src, strlen(src), "t.csv", NULL, dl);
	ok = l != NULL && l->n == 2 &&
	    (v = val_get(l->items[0], "Bedrag")) != NULL &&
	    v->type == VAL_STR && csv_number(v->str, "nl", &d) == 0 && d == 1250.5 &&
	    l->items[1]->line == 3;
	S_verdict("values stay strings, a row knows its line, csv_number "
	    "reads them", ok, NULL, dl);
	/* "De Vries;12;\"Tafel; eiken\"": the quoted field starts at 13 */
	ok = l != NULL && l->n == 2 &&
	    (v = val_get(l->items[1], "Omschrijving")) != NULL &&
	    v->col == 13 && v->line == 3 &&
	    (v = val_get(l->items[1], "Bedrag")) != NULL && v->col == 10 &&
	    (v = val_get(l->items[0], "Klant")) != NULL && v->col == 1 &&
	    v->line == 2 && l->items[0]->n == 3;
	S_verdict("each field keeps its line and column, no extra keys", ok,
	    NULL, dl);
	val_free(l);
	{
		/* with a row callback the rows come one at a time and the
		 * list stays empty; a non-zero return stops the reading */
		struct csv_opts co = { 0 };
		size_t seen = 0;

		co.row = S_one_row;
		co.arg = &seen;
		l = csv_load(src, strlen(src), "t.csv", &co, dl);
		ok = l != NULL && l->n == 0 && seen == 1;
		S_verdict("a row callback gets the rows and may stop the reading",
		    ok, NULL, dl);
		val_free(l);
	}
	diag_list_free(dl);
}

static void
t_separators(void)
{
	S_expect_rows("comma file (English Excel)",
	    "naam,prijs,btw\nJansen,12.50,21\n\"Vries, de\",3,9\n", 0,
	    "naam=Jansen|prijs=12.50|btw=21|#_line=2\n"
	    "naam=Vries, de|prijs=3|btw=9|#_line=3\n");
	S_expect_rows("tab file, blanks around unquoted values trimmed",
	    "naam\tprijs\nJansen\t12,50\n  Pietersen \t 3 \n\t4\n", 0,
	    "naam=Jansen|prijs=12,50|#_line=2\n"
	    "naam=Pietersen|prijs=3|#_line=3\n"
	    "naam=|prijs=4|#_line=4\n");
	S_expect_rows("one column: ';' assumed, commas stay in values",
	    "naam\nJansen, Piet\n", 0, "naam=Jansen, Piet|#_line=2\n");
	S_expect_rows("header separators counted outside quotes",
	    "\"a;b;c\",d\n1,2\n", 0, "a;b;c=1|d=2|#_line=2\n");
	S_expect_rows("Excel's sep= line names the separator and is no row",
	    "sep=,\r\nnaam,prijs\r\nA,\"1,5\"\r\n", 0,
	    "naam=A|prijs=1,5|#_line=3\n");
	S_expect_rows("given separator wins over detection",
	    "a;b,c\n1;2,3\n", ',', "a;b=1;2|c=3|#_line=2\n");
	S_expect_rows("given separator '|'",
	    "a|b\n1|\"2|3\"\n", '|', "a=1|b=2|3|#_line=2\n");
}

static void
t_quoted(void)
{
	S_expect_rows("quoted fields with ';', line breaks and doubled quotes",
	    "naam;notitie\n"
	    "\"a;b\";\"regel 1\r\nregel 2\rregel 3\"\n"
	    "\"zei \"\"ja\"\"\";\"  spaties  \"\n"
	    "\"\"\"\";\"\"\n", 0,
	    "naam=a;b|notitie=regel 1\\nregel 2\\nregel 3|#_line=2\n"
	    "naam=zei \"ja\"|notitie=  spaties  |#_line=5\n"
	    "naam=\"|notitie=|#_line=6\n");
}

static void
t_empty_lines(void)
{
	S_expect_rows("empty, blank and all-empty lines are skipped",
	    "\n\r\nnaam;n\n\n  \n;\n;;;;\nA;1\n\n\"\";\nB;2", 0,
	    "naam=A|n=1|#_line=8\n"
	    "naam=B|n=2|#_line=11\n");
	S_expect_rows("CR-only line ends (old Mac)",
	    "a;b\r1;2\r\r3;4\r", 0,
	    "a=1|b=2|#_line=2\n"
	    "a=3|b=4|#_line=4\n");
}

static void
t_line_after_multiline(void)
{
	S_expect_rows("_line after quoted multi-line fields",
	    "naam;notitie\n"
	    "\"A\nA2\";\"een\ntwee\r\ndrie\"\n"
	    "B;x\n"
	    "  \"C\";\"\"\n", 0,
	    "naam=A\\nA2|notitie=een\\ntwee\\ndrie|#_line=2\n"
	    "naam=B|notitie=x|#_line=6\n"
	    "naam=C|notitie=|#_line=7\n");
}

static void
t_too_many(void)
{
	const char *src = "naam;prijs\nA;1\nB;2;3\nC;4;5;6\n";
	struct diag_list *dl = diag_list_new();
	struct val *l;
	char line[256];
	int ok;

	l = csv_load(src, strlen(src), "data/klanten.csv", NULL, dl);
	S_printed(dl, line, sizeof(line));
	ok = l == NULL && dl->n == 2 && dl->v[0].line == 3 &&
	    dl->v[0].col == 5 && dl->v[1].line == 4 && dl->v[1].col == 5 &&
	    strcmp(line, "data/klanten.csv:3:5: error: row has 3 fields, "
	    "the header 2 (a value holding ';' must be quoted)\n") == 0;
	S_verdict("too many fields: error at path:line:col, every such row",
	    ok, line, dl);
	val_free(l);
	diag_list_free(dl);

	S_expect_error("too many fields: column counts characters",
	    LIT("a;b\nCaf\xC3\xA9;x;  y\n"), 2, 10, "row has 3 fields");
	S_expect_error("too many fields after a multi-line field: its line",
	    LIT("a;b\n\"1\n2\";3;4\n"), 3, 6, "row has 3 fields");
	S_expect_error("a trailing separator is one field too many",
	    LIT("a;b\n1;2;\n"), 2, 5, "row has 3 fields");
}

static void
t_missing(void)
{
	S_expect_rows("missing fields: their keys are absent",
	    "a;b;c\n1;2\n4\n5;;\n", 0,
	    "a=1|b=2|#_line=2\n"
	    "a=4|#_line=3\n"
	    "a=5|b=|c=|#_line=4\n");
}

static void
t_header(void)
{
	S_expect_error("duplicate header name",
	    LIT("naam;prijs;naam\nA;1;2\n"), 1, 12,
	    "column name 'naam' is used twice (columns 1 and 3)");
	S_expect_error("duplicate header name after trimming",
	    LIT("naam;\" naam \"\n"), 1, 6, "used twice");
	S_expect_error("empty header name", LIT("naam;;prijs\nA;;1\n"), 1, 6,
	    "column 2 of the header has no name");
	S_expect_error("blank quoted header name", LIT("naam;  \"  \"\n"), 1, 8,
	    "column 2 of the header has no name");
	/* positions are the values' own, not keys: any name will do */
	S_expect_rows("a column may be called _line, _col or _file",
	    "_line;_col.a;_file\n1;2;3\n", 0,
	    "_line=1|_col.a=2|_file=3|#_line=2\n");
	S_expect_rows("header names are trimmed", "  naam ;\" prijs\t\"\nA;1\n",
	    0, "naam=A|prijs=1|#_line=2\n");
}

static void
t_utf8(void)
{
	S_expect_error("Windows-1252 byte: error at line:col",
	    LIT("naam;plaats\nCaf\xC3\xA9 Zo\xC3\xAB;Zo\xEBterwoude\n"), 2, 12,
	    "invalid UTF-8 (byte 0xEB)");
	S_expect_error("overlong UTF-8", LIT("a\n\xC0\xAF\n"), 2, 1,
	    "invalid UTF-8");
	S_expect_error("UTF-8 surrogate", LIT("a\nx\xED\xA0\x80\n"), 2, 2,
	    "invalid UTF-8");
	S_expect_error("UTF-8 cut short at the end", LIT("a\nx\xE2\x82"), 2, 2,
	    "invalid UTF-8");
	S_expect_error("NUL byte", LIT("a;b\n1;\0\n"), 2, 3, "NUL byte");
	S_expect_error("UTF-16 from Excel's 'Unicode text'",
	    LIT("\xFF\xFEn\0a\0"), 1, 1, "UTF-16");
	S_expect_rows("four-byte UTF-8 and a BOM are fine",
	    "\xEF\xBB\xBFnaam\n\xF0\x9F\x98\x80\n", 0,
	    "naam=\xF0\x9F\x98\x80|#_line=2\n");
}

static void
t_quote_errors(void)
{
	S_expect_error("quote inside an unquoted field",
	    LIT("naam;maat\nScherm;24\" breed\n"), 2, 10,
	    "quote in an unquoted field");
	S_expect_error("text after a closing quote", LIT("a;b\n\"x\"y;1\n"),
	    2, 4, "'y' after the closing quote");
	S_expect_error("unclosed quote: error at the opening quote",
	    LIT("a;b\n1;  \"open\n2;3\n"), 2, 5, "never closed");
	S_expect_error("unclosed quote in a row's first field",
	    LIT("a;b\n\n\"open;\n"), 3, 1, "never closed");
}

static void
t_empty_file(void)
{
	struct diag_list *dl = diag_list_new();
	struct val *l;
	int ok;

	l = csv_load("naam;prijs\r\n", 12, "t.csv", NULL, dl);
	ok = l != NULL && l->type == VAL_LIST && l->n == 0 && dl->n == 0;
	S_verdict("header only: empty list", ok, NULL, dl);
	val_free(l);
	diag_list_free(dl);

	S_expect_error("nothing at all: no header", LIT(""), 0, 0, "no header");
	S_expect_error("BOM and blank lines only: no header",
	    LIT("\xEF\xBB\xBF\r\n  \n;;\n"), 0, 0, "no header");

	dl = diag_list_new();
	l = csv_load(NULL, 0, "t.csv", NULL, dl);
	ok = l == NULL && dl->n == 1 && strstr(dl->v[0].msg, "no header");
	S_verdict("NULL text: no header", ok, NULL, dl);
	diag_list_free(dl);
}

static void
t_diag_code(void)
{
	struct csv_opts o = { DIAG_DATA, 0 };
	struct diag_list *dl = diag_list_new();
	struct val *l;
	int ok;

	l = csv_load("a;a\n", 4, "t.csv", &o, dl);
	ok = l == NULL && dl->n == 1 && dl->v[0].code == DIAG_DATA;
	o.diag_code = DIAG_DATA_VALUE;	/* format "%s: '%s' is not %s" */
	l = csv_load("a;a\n", 4, "u.csv", &o, dl);
	ok = ok && l == NULL && dl->n == 2 && dl->v[1].code == DIAG_CSV;
	l = csv_load("a;a\n", 4, "v.csv", NULL, dl);
	ok = ok && l == NULL && dl->n == 3 && dl->v[2].code == DIAG_CSV;
	o.diag_code = DIAG_CSV;
	o.sep = '"';
	l = csv_load("a;b\n", 4, "w.csv", &o, dl);
	ok = ok && l == NULL && dl->n == 4 && dl->v[3].code == DIAG_CSV &&
	    strstr(dl->v[3].msg, "separator 0x22") != NULL;
	S_verdict("diagnostics code from the options; only \"%s\" codes",
	    ok, NULL, dl);
	diag_list_free(dl);
}

static void
t_error_cap(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf src = { 0 };
	struct val *l;
	int i, ok;

	buf_puts(&src, "a;b\n");
	for (i = 0; i < 50; i++)
		buf_puts(&src, "1;2;3\n");
	l = csv_load(src.data, src.len, "t.csv", NULL, dl);
	ok = l == NULL && dl->n == 21 && dl->v[19].line == 21 &&
	    strstr(dl->v[20].msg, "too many errors") != NULL;
	S_verdict("at most 20 errors, then a note that checking stopped", ok,
	    NULL, dl);
	buf_free(&src);
	diag_list_free(dl);
}

/* Big inputs must cost their size, not its square: a 4 MiB quoted field
 * (libcsv grows its buffer by a fixed block) and a header 20,000 columns
 * wide with rows as wide (val_set() searches the keys). */
static void
t_big(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf src = { 0 }, why = { 0 };
	const struct val *v;
	struct val *l;
	clock_t t0;
	double secs;
	size_t i, r;
	int ok;

	t0 = clock();
	buf_puts(&src, "naam;tekst\nA;\"");
	for (i = 0; i < 4 * 1024 * 1024; i++)
		buf_putc(&src, i % 64 == 63 ? '\n' : 'x');
	buf_puts(&src, "\"\nB;kort\n");
	l = csv_load(src.data, src.len, "t.csv", NULL, dl);
	ok = l != NULL && l->n == 2 &&
	    (v = val_get(l->items[0], "tekst")) != NULL &&
	    v->len == 4 * 1024 * 1024 &&
	    l->items[1]->line == 3 + 4 * 1024 * 1024 / 64;
	val_free(l);

	buf_reset(&src);
	for (i = 0; i < 20000; i++)
		buf_printf(&src, "%sk%zu", i ? ";" : "", i);
	buf_putc(&src, '\n');
	for (r = 0; r < 20; r++) {
		for (i = 0; i < 20000; i++)
			buf_printf(&src, "%s%zu", i ? ";" : "", i + r);
		buf_putc(&src, '\n');
	}
	l = csv_load(src.data, src.len, "t.csv", NULL, dl);
	ok = ok && l != NULL && l->n == 20 && l->items[19]->n == 20000 &&
	    (v = val_get(l->items[19], "k19999")) != NULL &&
	    strcmp(v->str, "20018") == 0;
	val_free(l);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* Generous for sanitizers and valgrind; quadratic takes minutes. */
	ok = ok && secs < 30;
	buf_printf(&why, "%.2f s", secs);
	S_verdict("big field and wide rows in linear time", ok,
	    buf_cstr(&why), dl);
	buf_free(&src);
	buf_free(&why);
	diag_list_free(dl);
}

static void
t_number(void)
{
	static const struct {
		const char	*s;
		int		 ok;
		double		 want;
	} tab[] = {
		{ "1.250,50", 0, 1250.5 },
		{ "1250,5", 0, 1250.5 },
		{ "-3", 0, -3 },
		{ " 12 ", 0, 12 },
		{ "\t7\t", 0, 7 },
		{ "+4", 0, 4 },
		{ "0", 0, 0 },
		{ "-0", 0, 0 },
		{ "0,5", 0, 0.5 },
		{ "-1.250.000,75", 0, -1250000.75 },
		{ "1.250", 0, 1250 },
		{ "12.345.678", 0, 12345678 },
		{ "1250.50", 0, 1250.5 },
		{ "1,250.50", 0, 1250.5 },
		{ "1,250,000", 0, 1250000 },
		{ "1.5", 0, 1.5 },
		{ "0.250", 0, 0.25 },
		{ "1.2500", 0, 1.25 },
		{ "1,250", 0, 1.25 },
		{ "007", 0, 7 },
		{ "12,5x", -1, 0 },
		{ "", -1, 0 },
		{ "   ", -1, 0 },
		{ "-", -1, 0 },
		{ "+-3", -1, 0 },
		{ "- 3", -1, 0 },
		{ "1 250", -1, 0 },
		{ ",5", -1, 0 },
		{ ".5", -1, 0 },
		{ "5,", -1, 0 },
		{ "5.", -1, 0 },
		{ "1,,5", -1, 0 },
		{ "1.2.3", -1, 0 },
		{ "1.25,5", -1, 0 },
		{ "12.50,5", -1, 0 },
		{ "1,2,3", -1, 0 },
		{ "1.250,50,5", -1, 0 },
		{ "1,250.50.5", -1, 0 },
		{ "0.250.000", -1, 0 },
		{ "1e5", -1, 0 },
		{ "0x10", -1, 0 },
		{ "inf", -1, 0 },
		{ "nan", -1, 0 },
		{ "\xE2\x82\xAC 5", -1, 0 },
		{ "5%", -1, 0 },
		{ "1" "0000000000" "0000000000" "0000000000" "0000000000"
		    "0000000000" "0000000000" "0000000000" "0000000000",
		    -1, 0 },
	};
	struct buf why = { 0 };
	size_t i;
	double d;
	int rc;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		d = 12345;
		rc = csv_number(tab[i].s, "nl", &d);
		if (rc != tab[i].ok || (rc == 0 && d != tab[i].want) ||
		    (rc != 0 && d != 12345))
			buf_printf(&why, "%s\"%s\": got %d, %g; want %d, %g",
			    why.len ? "\n  " : "", tab[i].s, rc, d, tab[i].ok,
			    tab[i].want);
	}
	if (csv_number(NULL, "nl", &d) != -1)
		buf_printf(&why, "%sNULL accepted", why.len ? "\n  " : "");
	S_verdict("csv_number accepts and rejects as the table says",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
}

int
main(void)
{
	t_dutch_excel();
	t_separators();
	t_quoted();
	t_empty_lines();
	t_line_after_multiline();
	t_too_many();
	t_missing();
	t_header();
	t_utf8();
	t_quote_errors();
	t_empty_file();
	t_diag_code();
	t_error_cap();
	t_big();
	t_number();
	return check_status();
}
