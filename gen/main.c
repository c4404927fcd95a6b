/*
 * main — the salesgen command line: parses the options into a struct
 * build_opts, calls the one function of build.c for the command, and maps
 * what it returns to the exit status (0, 1 for errors in the input, 2 for
 * a command line that asks for what cannot be).  No document logic lives
 * here.
 */
#include "build.h"
#include "buf.h"
#include "course.h"
#include "diag.h"
#include "file.h"
#include "i18n.h"
#include "mem.h"
#include "merge.h"
#include "pdf/pdf.h"
#include "progress.h"
#include "pdf/pdf_font.h"
#include "serve.h"
#include "version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The exit status for what a command returned: 2 after a usage error
 * (BUILD_USAGE), 1 when the input had errors (or --strict made its
 * warnings errors), else 0.  The diagnostics not printed yet go first. */
static int
S_exit(struct diag_list *dl, int rc)
{
	diag_print(dl, stderr);
	if (rc == BUILD_USAGE) {
		fprintf(stderr, "Try 'salesgen --help'.\n");
		return 2;
	}
	if (rc != 0 || diag_worst(dl) >= DIAG_ERROR)
		return 1;
	return 0;
}

static int
S_usage_error(struct diag_list *dl, const char *fmt, const char *arg)
{
	struct buf b = { 0 };

	buf_printf(&b, fmt, arg);
	diag_add(dl, DIAG_USAGE, NULL, 0, 0, buf_cstr(&b));
	buf_free(&b);
	return S_exit(dl, BUILD_USAGE);
}

/* 1 when v is a decimal number from lo to hi, put in *out. */
static int
S_number(const char *v, long lo, long hi, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < lo || n > hi)
		return 0;
	*out = (int)n;
	return 1;
}

static int
S_need(int argc, char **argv, int i, struct diag_list *dl)
{
	if (i + 1 >= argc) {
		S_usage_error(dl, "option '%s' needs a value", argv[i]);
		return 0;
	}
	return 1;
}

int
main(int argc, char **argv)
{
	struct diag_list *dl = diag_list_new();
	struct build_opts o;
	const char *a;
	int i, rc, nargs = 0;

	memset(&o, 0, sizeof(o));
	o.edition = -1;
	o.port = -1;
	o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (o.jobs < 1)
		o.jobs = 1;
	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			struct buf u = { 0 };

			build_usage(&u);
			fputs(buf_cstr(&u), stdout);
			buf_free(&u);
			rc = 0;
			goto out;
		} else if (!strcmp(a, "--version")) {
			printf("salesgen %s\n", SALESGEN_VERSION);
			rc = 0;
			goto out;
		} else if (!strcmp(a, "-q"))
			o.quiet = 1;
		else if (!strcmp(a, "-v"))
			o.verbose = 1;
		else if (!strcmp(a, "--strict"))
			o.strict = 1;
		else if (!strcmp(a, "--fragment"))
			o.fragment = 1;
		else if (!strcmp(a, "--ragged"))
			o.ragged = 1;
		else if (!strcmp(a, "--open"))
			o.open = 1;
		else if (!strcmp(a, "--port")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			if (!S_number(argv[++i], 0, 65535, &o.port)) {
				rc = S_usage_error(dl, "--port takes a number from 0 (any free port) to 65535, not '%s'", argv[i]);
				goto out;
			}
		} else if (!strncmp(a, "-j", 2)) {
			/* -j N and, as make takes it, -jN */
			const char *v = a + 2;

			if (*v == '\0') {
				if (!S_need(argc, argv, i, dl))
					goto usage;
				v = argv[++i];
			}
			if (!S_number(v, 1, 64, &o.jobs)) {
				rc = S_usage_error(dl, "-j takes a number from 1 to 64, not '%s'", v);
				goto out;
			}
		}
		else if (!strcmp(a, "--paper")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			i++;
			if (!strcmp(argv[i], "letter"))
				o.letter = 1;
			else if (strcmp(argv[i], "a4")) {
				rc = S_usage_error(dl, "unknown paper '%s' (a4 or letter)", argv[i]);
				goto out;
			}
		}
		else if (!strcmp(a, "--pdf-standard")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			i++;
			if ((o.pdf_standard = pdf_standard_parse(argv[i])) < 0) {
				rc = S_usage_error(dl, "unknown PDF standard '%s' (a2a+ua, ua or none)", argv[i]);
				goto out;
			}
		}
		else if (!strcmp(a, "--shard")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			o.shard = argv[++i];
			if (!merge_shard_parse(o.shard, &o.shard_i, &o.shard_n)) {
				rc = S_usage_error(dl, "--shard takes I/N, this run's share I of N runs, with 0 <= I < N (such as 0/3, 1/3 and 2/3), not '%s'", o.shard);
				goto out;
			}
		} else if (!strcmp(a, "--ignore")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			if (o.ignore == NULL)
				o.ignore = xcalloc((size_t)argc,
				    sizeof(*o.ignore));
			o.ignore[o.nignore++] = argv[++i];
		}
		else if (!strcmp(a, "-o") || !strcmp(a, "-t") ||
		    !strcmp(a, "--only") || !strcmp(a, "--edition") ||
		    !strcmp(a, "--lang") || !strcmp(a, "--select") ||
		    !strcmp(a, "--bind")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			if (!strcmp(a, "--select"))
				o.select = argv[++i];
			else if (!strcmp(a, "--bind"))
				o.bind = argv[++i];
			else if (!strcmp(a, "-o"))
				o.out = argv[++i];
			else if (!strcmp(a, "-t"))
				o.type = argv[++i];
			else if (!strcmp(a, "--only"))
				o.only = argv[++i];
			else if (!strcmp(a, "--lang"))
				o.lang = argv[++i];
			else {
				i++;
				if (!strcmp(argv[i], "student"))
					o.edition = EDITION_STUDENT;
				else if (!strcmp(argv[i], "teacher"))
					o.edition = EDITION_TEACHER;
				else {
					rc = S_usage_error(dl, "unknown edition '%s' (student or teacher)", argv[i]);
					goto out;
				}
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			rc = S_usage_error(dl, "unknown option '%s'", a);
			goto out;
		} else if (o.cmd == NULL)
			o.cmd = a;
		else {
			if (nargs == 1 && (!strcmp(o.cmd, "merge") ||
			    !strcmp(o.cmd, "new") || !strcmp(o.cmd, "verify")))
				o.arg2 = a;
			else if (nargs > 0) {
				rc = S_usage_error(dl, "unexpected argument '%s'", a);
				goto out;
			} else
				o.arg = a;
			nargs++;
		}
	}
	if (o.quiet)
		dl->min_print = DIAG_ERROR;
	/* the progress line is for a person at a terminal only */
	progress_enable(!o.quiet && isatty(2));
	dl->strict = o.strict;
	dl->verbose = o.verbose && !o.quiet;
	if (o.cmd == NULL) {
		rc = S_usage_error(dl, "%s", "no command given");
		goto out;
	}
	if ((o.shard != NULL || o.nignore > 0) && strcmp(o.cmd, "merge")) {
		rc = S_usage_error(dl, "%s", o.shard != NULL ?
		    "--shard is an option of merge only" :
		    "--ignore is an option of merge only");
		goto out;
	}
	if ((o.port >= 0 || o.bind != NULL || o.open) &&
	    strcmp(o.cmd, "serve")) {
		rc = S_usage_error(dl, "%s", "--port, --bind and --open are options of serve only");
		goto out;
	}
	if (o.select != NULL && strcmp(o.cmd, "render")) {
		rc = S_usage_error(dl, "%s", "--select is an option of render only");
		goto out;
	}
	if (o.only != NULL && strcmp(o.only, "site") && strcmp(o.only, "pdf")) {
		rc = S_usage_error(dl, "unknown output '%s' for --only (site or pdf)", o.only);
		goto out;
	}
	if (o.lang != NULL && !i18n_known(o.lang)) {
		rc = S_usage_error(dl, "unknown language '%s' (nl or en)", o.lang);
		goto out;
	}
	/* before anything is read: every command that can write a PDF,
	 * and check, which promises what build will do */
	if ((!strcmp(o.cmd, "build") || !strcmp(o.cmd, "check") ||
	    !strcmp(o.cmd, "serve") ||
	    !strcmp(o.cmd, "render") || !strcmp(o.cmd, "merge")) &&
	    build_source_date_ok(dl) != 0) {
		rc = S_exit(dl, -1);
		goto out;
	}
	if (!strcmp(o.cmd, "build"))
		rc = S_exit(dl, build_project(&o, 1, dl));
	else if (!strcmp(o.cmd, "serve"))
		rc = S_exit(dl, serve_run(&o, dl));
	else if (!strcmp(o.cmd, "check"))
		rc = S_exit(dl, o.arg != NULL && file_is_reg(o.arg) ?
		    build_check_file(&o, dl) : build_project(&o, 0, dl));
	else if (!strcmp(o.cmd, "render"))
		rc = o.arg == NULL ? S_usage_error(dl, "%s", "render needs an input file (or - for standard input)") :
		    S_exit(dl, build_render(&o, dl));
	else if (!strcmp(o.cmd, "merge"))
		rc = S_exit(dl, build_merge(&o, dl));
	else if (!strcmp(o.cmd, "new"))
		rc = S_exit(dl, build_new(&o, dl));
	else if (!strcmp(o.cmd, "verify"))
		rc = o.arg == NULL || o.arg2 == NULL ? S_usage_error(dl, "%s", "verify needs a document and its data: salesgen verify OFFER.pdf DATA.xml") :
		    S_exit(dl, build_verify(&o, dl));
	else
		rc = S_usage_error(dl, "unknown command '%s'", o.cmd);
out:
	free(o.ignore);
	diag_list_free(dl);
	fonts_shutdown();
	return rc;
usage:
	rc = 2;
	goto out;
}
