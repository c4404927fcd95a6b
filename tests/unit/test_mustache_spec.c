/*
 * test_mustache_spec — runs the Mustache spec files given as arguments
 * against tmpl (HTML escaping, missing-name warnings off, as the spec
 * expects) and prints one PASS or FAIL line per test.  Optional spec files
 * (~name.json) are reported as SKIP.  Exit status 1 if any test failed.
 */
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "tmpl.h"
#include "val.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static const char *
S_partial(void *arg, const char *name, const char **path)
{
	const struct val *v = val_get(arg, name);

	if (v == NULL || v->type != VAL_STR)
		return NULL;
	*path = name;
	return v->str;
}

/* Prints s quoted, with the white space that matters made visible. */
static void
S_show(const char *label, const char *s, size_t n)
{
	size_t i;

	printf("  %s: \"", label);
	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default: putchar(s[i]); break;
		}
	fputs("\"\n", stdout);
}

/* Runs one test; returns 1 if it passed. */
static int
S_test(const char *stem, const struct val *test)
{
	const struct val *name, *data, *tsrc, *expected, *partials;
	struct tmpl_opts opts;
	struct diag_list *dl;
	struct tmpl *t;
	struct buf out = { 0 };
	size_t i;
	int ok;

	name = val_get(test, "name");
	data = val_get(test, "data");
	tsrc = val_get(test, "template");
	expected = val_get(test, "expected");
	partials = val_get(test, "partials");
	if (name == NULL || name->type != VAL_STR || tsrc == NULL ||
	    tsrc->type != VAL_STR || expected == NULL ||
	    expected->type != VAL_STR) {
		printf("FAIL mustache/%s: malformed test entry\n", stem);
		return 0;
	}

	memset(&opts, 0, sizeof(opts));
	opts.esc = ESC_HTML;
	opts.partial = partials != NULL ? S_partial : NULL;
	opts.partial_arg = (void *)partials;
	opts.warn_missing = 0;

	dl = diag_list_new();
	t = tmpl_parse(tsrc->str, tsrc->len, "template", dl);
	if (t != NULL)
		tmpl_render(t, data, &opts, &out, dl);
	ok = t != NULL && out.len == expected->len &&
	    memcmp(buf_cstr(&out), expected->str, out.len) == 0;
	printf("%s mustache/%s: %s\n", ok ? "PASS" : "FAIL", stem, name->str);
	if (!ok) {
		S_show("expected", expected->str, expected->len);
		S_show("got", buf_cstr(&out), out.len);
		for (i = 0; i < dl->n; i++)
			printf("  diag: %d:%d: %s\n", dl->v[i].line,
			    dl->v[i].col, dl->v[i].msg);
	}
	tmpl_free(t);
	buf_free(&out);
	diag_list_free(dl);
	return ok;
}

int
main(int argc, char *argv[])
{
	const struct val *tests, *name;
	struct val *spec;
	char stem[256];
	const char *base, *dot;
	size_t i, n;
	int a;

	for (a = 1; a < argc; a++) {
		base = strrchr(argv[a], '/');
		base = base != NULL ? base + 1 : argv[a];
		dot = strrchr(base, '.');
		n = dot != NULL ? (size_t)(dot - base) : strlen(base);
		if (n >= sizeof(stem))
			n = sizeof(stem) - 1;
		memcpy(stem, base, n);
		stem[n] = '\0';

		spec = json_load(argv[a]);
		tests = val_get(spec, "tests");
		if (tests == NULL || tests->type != VAL_LIST) {
			printf("FAIL mustache/%s: cannot read or parse %s\n",
			    stem, argv[a]);
			check_fail();
			val_free(spec);
			continue;
		}
		for (i = 0; i < tests->n; i++) {
			/* Optional modules of the spec are not implemented. */
			if (stem[0] == '~') {
				name = val_get(tests->items[i], "name");
				printf("SKIP mustache/%s: %s\n", stem,
				    name != NULL && name->type == VAL_STR ?
				    name->str : "?");
				continue;
			}
			if (!S_test(stem, tests->items[i]))
				check_fail();
		}
		val_free(spec);
	}
	return check_status();
}
