/*
 * fuzz_files — the one folder the PDF fuzz targets (fuzz_pdf, fuzz_data_pdf)
 * write to: salesgen reads images only from files named in a document
 * (there is no hook to hand it bytes), so the image part of an input is
 * written to a.png and a.jpg in a private folder made on the first call,
 * and the document "lies" in that folder and names them.  The folder is
 * removed at exit.  Included by the targets only (static functions).
 */
#ifndef SALESGEN_FUZZ_FILES_H
#define SALESGEN_FUZZ_FILES_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char S_fuzz_dir[64];

static void
S_fuzz_cleanup(void)
{
	char p[96];

	snprintf(p, sizeof(p), "%s/a.png", S_fuzz_dir);
	unlink(p);
	snprintf(p, sizeof(p), "%s/a.jpg", S_fuzz_dir);
	unlink(p);
	rmdir(S_fuzz_dir);
}

/* The private folder, made on the first call. */
static const char *
fuzz_dir(void)
{
	const char *t = getenv("TMPDIR");

	if (S_fuzz_dir[0] == '\0') {
		snprintf(S_fuzz_dir, sizeof(S_fuzz_dir), "%s/salesgen-fuzz.XXXXXX",
		    t != NULL && *t != '\0' && strlen(t) < 32 ? t : "/tmp");
		if (mkdtemp(S_fuzz_dir) == NULL) {
			perror(S_fuzz_dir);
			abort();
		}
		atexit(S_fuzz_cleanup);
	}
	return S_fuzz_dir;
}

static void
S_fuzz_put(const char *name, const uint8_t *p, size_t n)
{
	char path[96];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	if ((f = fopen(path, "wb")) == NULL || fwrite(p, 1, n, f) != n ||
	    fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* Writes the image part (n bytes, possibly none) as a.png and a.jpg: the
 * document picks which decoder sees it by the name it uses. */
static void
fuzz_put_image(const uint8_t *p, size_t n)
{
	S_fuzz_put("a.png", p, n);
	S_fuzz_put("a.jpg", p, n);
}

#endif
