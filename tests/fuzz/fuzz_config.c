/*
 * fuzz_config — libFuzzer target for salesgen.xml: the input is written to
 * a temporary file and read with xml_config() (hardened libxml2 parsing,
 * then the settings and chapter list) into an empty course; everything is
 * freed again.  Built by tests/fuzz/build.sh.
 */
#include "course.h"
#include "diag.h"
#include "mem.h"
#include "xml.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char S_path[64];
static int S_fd = -1;

static void
S_cleanup(void)
{
	if (S_path[0] != '\0')
		unlink(S_path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list *dl;
	struct course *c;
	char **list = NULL;
	size_t nlist = 0, i;
	const char *tmp;

	if (S_fd < 0) {
		tmp = getenv("TMPDIR");
		snprintf(S_path, sizeof(S_path), "%s/fuzz_config.XXXXXX",
		    tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
		if ((S_fd = mkstemp(S_path)) < 0)
			abort();
		atexit(S_cleanup);
	}
	if (ftruncate(S_fd, 0) != 0 ||
	    (size > 0 && pwrite(S_fd, data, size, 0) != (ssize_t)size))
		abort();

	dl = diag_list_new();
	c = xcalloc(1, sizeof(*c));
	c->lang = xstrdup("nl");
	c->site_edition = EDITION_STUDENT;
	(void)xml_config(S_path, c, &list, &nlist, dl);
	for (i = 0; i < nlist; i++)
		free(list[i]);
	free(list);
	course_free(c);
	diag_list_free(dl);
	return 0;
}
