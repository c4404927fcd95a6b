/*
 * test_tmpl — tmpl beyond the Mustache spec: diagnostics and their
 * positions, escaping per output context, syntax errors, hostile nesting,
 * the partial depth cap.  One PASS or FAIL line per test; exit status 1 if
 * any failed.
 */
#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "tmpl.h"
#include "val.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Prints the verdict; on failure the reason and the diagnostics. */
static void
S_verdict(const char *name, int ok, const char *why,
    const struct diag_list *dl)
{
	check_verdict("tmpl", name, ok, why);
	if (!ok)
		check_diags(dl);
}

static void
S_expect_out(const char *name, const char *got, const char *want,
    const struct diag_list *dl)
{
	struct buf why = { 0 };
	int ok = strcmp(got, want) == 0;

	if (!ok)
		buf_printf(&why, "expected \"%s\"\n  got \"%s\"", want, got);
	S_verdict(name, ok, ok ? NULL : buf_cstr(&why), dl);
	buf_free(&why);
}

/* Partials from a NULL-terminated list of name, source pairs. */
static const char *
S_partials(void *arg, const char *name, const char **path)
{
	const char **p;

	for (p = arg; p[0] != NULL; p += 2)
		if (strcmp(p[0], name) == 0) {
			*path = p[0];
			return p[1];
		}
	return NULL;
}

/* Parses and renders; returns tmpl_render()'s status, or -2 if the
 * template did not parse.  out is reset first. */
static int
S_run(const char *src, const char *path, const struct val *ctx,
    const struct tmpl_opts *opts, struct buf *out, struct diag_list *dl)
{
	struct tmpl *t;
	int rc;

	buf_reset(out);
	if ((t = tmpl_parse(src, strlen(src), path, dl)) == NULL)
		return -2;
	rc = tmpl_render(t, ctx, opts, out, dl);
	tmpl_free(t);
	return rc;
}

static struct tmpl_opts
S_opts(enum esc_ctx esc, int warn, const char **partials)
{
	struct tmpl_opts o;

	memset(&o, 0, sizeof(o));
	o.esc = esc;
	o.warn_missing = warn;
	if (partials != NULL) {
		o.partial = S_partials;
		o.partial_arg = (void *)partials;
	}
	return o;
}

static void
t_missing_position(void)
{
	struct tmpl_opts o = S_opts(ESC_MD, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map(), *klant;
	struct buf out = { 0 };
	char line[256] = "";
	FILE *fp;
	int ok;

	klant = val_set(ctx, "klant", val_map());
	val_set_str(klant, "aanhef", "heer");
	ok = S_run("Beste {{klant.aanhef}},\n\nOfferte voor {{ klant.naam }}.\n",
	    "templates/nl/offerte.md", ctx, &o, &out, dl) == 0;
	ok = ok && dl->n == 1 && dl->v[0].code == DIAG_TMPL_MISSING &&
	    dl->v[0].level == DIAG_WARNING && dl->v[0].line == 3 &&
	    dl->v[0].col == 14 && dl->v[0].file != NULL &&
	    strcmp(dl->v[0].file, "templates/nl/offerte.md") == 0;
	if (ok && (fp = tmpfile()) != NULL) {
		diag_print(dl, fp);
		rewind(fp);
		if (fgets(line, sizeof(line), fp) == NULL)
			line[0] = '\0';
		fclose(fp);
	}
	ok = ok && strcmp(line, "templates/nl/offerte.md:3:14: warning: "
	    "template variable 'klant.naam' is not defined\n") == 0;
	ok = ok && strcmp(buf_cstr(&out), "Beste heer,\n\nOfferte voor .\n") == 0;
	S_verdict("missing variable warns at file:line:col", ok, line, dl);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_missing_once_per_tag(void)
{
	struct tmpl_opts o = S_opts(ESC_HTML, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map(), *l;
	struct buf out = { 0 };
	int ok;

	l = val_set(ctx, "items", val_list());
	val_push(l, val_num(1));
	val_push(l, val_num(2));
	val_push(l, val_num(3));
	ok = S_run("{{#items}}{{.}}{{x}}{{/items}}", "t", ctx, &o, &out,
	    dl) == 0;
	ok = ok && dl->n == 1 && dl->v[0].line == 1 && dl->v[0].col == 16 &&
	    strcmp(buf_cstr(&out), "123") == 0;
	S_verdict("missing variable in a loop warns once per tag", ok, NULL,
	    dl);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_missing_sections(void)
{
	struct tmpl_opts o = S_opts(ESC_HTML, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map(), *a;
	struct buf out = { 0 };
	int ok;

	val_set_bool(ctx, "off", 0);
	val_set(ctx, "leeg", val_list());
	val_set(ctx, "n", val_null());
	val_set_str(ctx, "s", "");
	a = val_set(ctx, "a", val_map());
	val_set_num(a, "b", 0);
	ok = S_run("{{#nope}}1{{/nope}}{{#off}}2{{/off}}{{#leeg}}3{{/leeg}}"
	    "{{n}}{{s}}{{#a.b}}4{{/a.b}}\n{{^gone}}5{{/gone}}{{#a.c}}6{{/a.c}}",
	    "t", ctx, &o, &out, dl) == 0;
	/* Sections over absent names are optional content: silent. */
	ok = ok && dl->n == 0 && strcmp(buf_cstr(&out), "\n5") == 0;
	S_verdict("absent section names and false or empty values do not warn",
	    ok, NULL, dl);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_column_utf8(void)
{
	struct tmpl_opts o = S_opts(ESC_HTML, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	int ok;

	ok = S_run("x\nprijs \xe2\x82\xac {{bedrag}}", "t", NULL, &o, &out,
	    dl) == 0;
	ok = ok && dl->n == 1 && dl->v[0].line == 2 && dl->v[0].col == 9;
	S_verdict("columns count characters, not bytes", ok, NULL, dl);
	buf_free(&out);
	diag_list_free(dl);
}

static void
t_no_warn(void)
{
	struct tmpl_opts o = S_opts(ESC_HTML, 0, NULL);
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	int ok;

	ok = S_run("[{{a}}{{b.c}}{{#d}}x{{/d}}{{^e}}y{{/e}}]", "t", NULL, &o,
	    &out, dl) == 0;
	ok = ok && dl->n == 0 && strcmp(buf_cstr(&out), "[y]") == 0;
	S_verdict("no warning when warn_missing is 0", ok, NULL, dl);
	buf_free(&out);
	diag_list_free(dl);
}

static void
t_esc_md(void)
{
	struct tmpl_opts o = S_opts(ESC_MD, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map();
	struct buf out = { 0 };

	val_set_str(ctx, "v", "*bold* <script> | # [x](y)");
	S_run("{{v}}", "t", ctx, &o, &out, dl);
	S_expect_out("ESC_MD escapes Markdown syntax in {{x}}",
	    buf_cstr(&out),
	    "\\*bold\\* \\<script\\> \\| \\# \\[x\\]\\(y\\)", dl);
	S_run("{{{v}}}|{{&v}}", "t", ctx, &o, &out, dl);
	S_expect_out("ESC_MD leaves {{{x}}} and {{&x}} raw", buf_cstr(&out),
	    "*bold* <script> | # [x](y)|*bold* <script> | # [x](y)", dl);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_esc_html(void)
{
	struct tmpl_opts o = S_opts(ESC_HTML, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map();
	struct buf out = { 0 };

	val_set_str(ctx, "v", "<script>\"'&");
	S_run("<p title=\"{{v}}\">{{v}}</p>", "t", ctx, &o, &out, dl);
	S_expect_out("ESC_HTML escapes & < > \" '", buf_cstr(&out),
	    "<p title=\"&lt;script&gt;&quot;&#39;&amp;\">"
	    "&lt;script&gt;&quot;&#39;&amp;</p>", dl);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

/* A template that must not parse: one error at line:col saying msg. */
static void
S_syntax(const char *name, const char *src, int line, int col,
    const char *msg)
{
	struct diag_list *dl = diag_list_new();
	struct tmpl *t;
	int ok;

	t = tmpl_parse(src, strlen(src), "templates/x.html", dl);
	ok = t == NULL && dl->n == 1 && dl->v[0].code == DIAG_TMPL_SYNTAX &&
	    dl->v[0].level == DIAG_ERROR && dl->v[0].line == line &&
	    dl->v[0].col == col && strcmp(dl->v[0].msg, msg) == 0 &&
	    dl->v[0].file != NULL &&
	    strcmp(dl->v[0].file, "templates/x.html") == 0;
	S_verdict(name, ok, NULL, dl);
	tmpl_free(t);
	diag_list_free(dl);
}

static void
t_syntax(void)
{
	S_syntax("syntax: unclosed section", "line one\n  {{#s}}x\n", 2, 3,
	    "template: unclosed section 's': no closing tag before the end "
	    "of the template");
	S_syntax("syntax: mismatched closing tag",
	    "{{#a}}\n{{#b}}x{{/a}}{{/b}}", 2, 8,
	    "template: closing tag 'a' does not match open section 'b'");
	S_syntax("syntax: unexpected closing tag", "x {{/a}}", 1, 3,
	    "template: unexpected closing tag 'a': no section is open");
	S_syntax("syntax: unclosed tag", "ab\ncd {{name\n", 2, 4,
	    "template: unclosed tag: '{{' has no matching '}}'");
	S_syntax("syntax: unclosed triple mustache", "{{{name}}", 1, 1,
	    "template: unclosed tag: '{{{' has no matching '}}}'");
	S_syntax("syntax: unclosed tag after set-delimiter",
	    "{{=<% %>=}}\n<%a%> <%b", 2, 7,
	    "template: unclosed tag: '<%' has no matching '%>'");
	S_syntax("syntax: bad set-delimiter", "x\n  {{=a b c=}}", 2, 3,
	    "template: invalid set-delimiter tag: expected two delimiters "
	    "without '=' separated by white space, as in {{=<% %>=}}");
	S_syntax("syntax: set-delimiter with '='", "{{=a= b=}}", 1, 1,
	    "template: invalid set-delimiter tag: expected two delimiters "
	    "without '=' separated by white space, as in {{=<% %>=}}");
	S_syntax("syntax: empty tag", "a {{ }}", 1, 3,
	    "template: empty tag: a name is missing between '{{' and '}}'");
}

static void
t_deep_nesting(void)
{
	enum { N = 100000 };
	struct tmpl_opts o = S_opts(ESC_HTML, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map();
	struct buf src = { 0 }, out = { 0 };
	struct tmpl *t;
	size_t i;
	int ok, rc;

	val_set_bool(ctx, "a", 1);
	for (i = 0; i < N; i++)
		buf_puts(&src, "{{#a}}");
	buf_puts(&src, "x");
	for (i = 0; i < N; i++)
		buf_puts(&src, "{{/a}}");
	t = tmpl_parse(src.data, src.len, "deep", dl);
	if (t != NULL) {
		rc = tmpl_render(t, ctx, &o, &out, dl);
		ok = (rc == 0 && strcmp(buf_cstr(&out), "x") == 0) ||
		    (rc == -1 && dl->n > 0);
	} else
		ok = dl->n > 0 && dl->v[0].code == DIAG_TMPL_SYNTAX;
	tmpl_free(t);
	S_verdict("100000 nested sections render or are rejected", ok, NULL,
	    dl);

	/* The same nest left open: one error, for the innermost section. */
	diag_list_free(dl);
	dl = diag_list_new();
	buf_reset(&src);
	for (i = 0; i < N; i++)
		buf_puts(&src, "{{#a}}\n");
	t = tmpl_parse(src.data, src.len, "deep", dl);
	ok = t == NULL && dl->n == 1 && dl->v[0].line == N &&
	    dl->v[0].col == 1;
	S_verdict("100000 unclosed sections give one error", ok, NULL, dl);
	tmpl_free(t);
	buf_free(&src);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_runaway(void)
{
	struct tmpl_opts o = S_opts(ESC_HTML, 1, NULL);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map(), *l;
	struct buf src = { 0 }, out = { 0 };
	int i, rc, ok;

	/* 10^40 expansions: must stop, not run for ever or eat memory. */
	l = val_set(ctx, "l", val_list());
	for (i = 0; i < 10; i++)
		val_push(l, val_num(i));
	for (i = 0; i < 40; i++)
		buf_puts(&src, "{{#l}}");
	buf_puts(&src, "x");
	for (i = 0; i < 40; i++)
		buf_puts(&src, "{{/l}}");
	rc = S_run(src.data, "t", ctx, &o, &out, dl);
	ok = rc == -1 && dl->n == 1 && dl->v[0].code == DIAG_TMPL_SYNTAX &&
	    strstr(dl->v[0].msg, "rendering stopped") != NULL;
	S_verdict("runaway list expansion is stopped with an error", ok, NULL,
	    dl);
	buf_free(&src);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_partial_depth(void)
{
	static const char *self[] = { "p", "{{>p}}", NULL };
	static const char *twice[] = { "p", "a{{>p}}{{>p}}", NULL };
	struct tmpl_opts o = S_opts(ESC_HTML, 1, self);
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	int ok, rc;

	rc = S_run("x\n {{>p}}", "root", NULL, &o, &out, dl);
	ok = rc == -1 && dl->n == 1 && dl->v[0].code == DIAG_TMPL_DEPTH &&
	    strcmp(dl->v[0].msg, "template: partials nested deeper than 64 "
	    "levels") == 0 && dl->v[0].file != NULL &&
	    strcmp(dl->v[0].file, "p") == 0;
	S_verdict("recursive partial hits the depth cap", ok, NULL, dl);

	/* Two recursive calls per level would be 2^64 renders without the
	 * cap stopping the whole render. */
	diag_list_free(dl);
	dl = diag_list_new();
	o = S_opts(ESC_HTML, 1, twice);
	rc = S_run("{{>p}}", "root", NULL, &o, &out, dl);
	ok = rc == -1 && dl->n == 1 && dl->v[0].code == DIAG_TMPL_DEPTH &&
	    out.len == 64;
	S_verdict("doubly recursive partial stops at the depth cap", ok, NULL,
	    dl);
	buf_free(&out);
	diag_list_free(dl);
}

static void
t_partials(void)
{
	static const char *parts[] = {
		"a", "x\n  {{>b}}\ny\n",
		"b", "1\n{{#l}}\n- {{.}}\n{{/l}}\n2\n",
		"bad", "ok\n{{#open}}",
		NULL
	};
	struct tmpl_opts o = S_opts(ESC_HTML, 1, parts);
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map(), *l;
	struct buf out = { 0 };
	int rc, ok;

	l = val_set(ctx, "l", val_list());
	val_push(l, val_str("p"));
	val_push(l, val_str("q"));
	rc = S_run("<\n  {{>a}}\n>\n", "root", ctx, &o, &out, dl);
	ok = rc == 0 && dl->n == 0;
	S_expect_out("nested standalone partials add up their indentation",
	    ok ? buf_cstr(&out) : "(failed)",
	    "<\n  x\n    1\n    - p\n    - q\n    2\n  y\n>\n", dl);

	rc = S_run("[{{>nope}}{{>nope}}]", "root", ctx, &o, &out, dl);
	ok = rc == 0 && dl->n == 2 && dl->v[0].code == DIAG_TMPL_PARTIAL &&
	    dl->v[1].code == DIAG_TMPL_PARTIAL && dl->v[1].col == 11 &&
	    strcmp(dl->v[0].msg, "template partial 'nope' not found") == 0 &&
	    strcmp(buf_cstr(&out), "[]") == 0;
	S_verdict("missing partial warns per tag and renders empty", ok, NULL,
	    dl);

	diag_list_free(dl);
	dl = diag_list_new();
	rc = S_run("[{{>bad}}]", "root", ctx, &o, &out, dl);
	ok = rc == -1 && dl->n == 1 && dl->v[0].code == DIAG_TMPL_SYNTAX &&
	    dl->v[0].file != NULL && strcmp(dl->v[0].file, "bad") == 0 &&
	    dl->v[0].line == 2 && dl->v[0].col == 1;
	S_verdict("partial with a syntax error fails the render", ok, NULL,
	    dl);

	diag_list_free(dl);
	dl = diag_list_new();
	o = S_opts(ESC_HTML, 1, NULL);
	rc = S_run("[{{>a}}]", "root", ctx, &o, &out, dl);
	ok = rc == 0 && dl->n == 1 && dl->v[0].code == DIAG_TMPL_PARTIAL &&
	    strcmp(buf_cstr(&out), "[]") == 0;
	S_verdict("partial without a loader is not found", ok, NULL, dl);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_appends(void)
{
	struct diag_list *dl = diag_list_new();
	struct val *ctx = val_map();
	struct buf out = { 0 };
	struct tmpl *t;

	val_set_num(ctx, "n", 1.5);
	buf_puts(&out, "head:");
	t = tmpl_parse("{{n}}", 5, "t", dl);
	tmpl_render(t, ctx, NULL, &out, dl);
	tmpl_render(t, ctx, NULL, &out, dl);
	S_expect_out("render appends to out (NULL opts allowed)",
	    buf_cstr(&out), "head:1.51.5", dl);
	tmpl_free(t);
	buf_free(&out);
	val_free(ctx);
	diag_list_free(dl);
}

static void
t_free_null(void)
{
	tmpl_free(NULL);
	S_verdict("tmpl_free(NULL) is a no-op", 1, NULL, NULL);
}

int
main(void)
{
	t_missing_position();
	t_missing_once_per_tag();
	t_missing_sections();
	t_column_utf8();
	t_no_warn();
	t_esc_md();
	t_esc_html();
	t_syntax();
	t_deep_nesting();
	t_runaway();
	t_partial_depth();
	t_partials();
	t_appends();
	t_free_null();
	return check_status();
}
