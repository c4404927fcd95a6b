/* pdf_zip — Flate compression with libdeflate (see pdf_zip.h). */
#include "pdf_zip.h"
#include "buf.h"

#include <libdeflate.h>

/*
 * The level per kind of stream, measured on the streams of an offer of
 * the sample mailing and of the 50-chapter benchmark handout (bytes in ->
 * out, CPU time of one compression, levels 1 / 4 / 6; zlib's default
 * level 6, which libharu used, made fonts of 35,257 bytes from 57,978):
 *   fonts, 58 KB:      36.1 / 35.5 / 35.3 KB in 0.30 / 0.49 / 0.60 ms
 *   contents, 2.2 MB:  640 / 587 / 564 KB in 7.1 / 15.5 / 24.6 ms
 *   object streams, 539 KB: 134 / 126 / 110 KB in 1.6 / 3.0 / 6.2 ms
 *   CMaps, CIDToGIDMaps, ICC, 64 KB: 10.6 / 10.6 / 9.1 KB in 0.24 /
 *                      0.29 / 0.50 ms, and 9.1 KB in 0.41 ms at level 5
 * Font programs hardly compress better above level 1 and are most of a
 * mailing's deflate: level 1.  Page contents are most of a handout's
 * bytes and are compressed on a second thread: 4.  The object streams
 * are what tagging adds to the size: 5, 15 % smaller than level 1,
 * about 1 % of a handout's time.  The small maps: 5.  The
 * cross-reference stream is small.  Images: 4, as contents.
 */
static const int S_level[ZIP__MAX] = {
	[ZIP_CONTENT] = 4,
	[ZIP_FONT] = 1,
	[ZIP_IMAGE] = 4,
	[ZIP_OTHER] = 5,
	[ZIP_OBJSTM] = 5,
	[ZIP_XREF] = 1
};

int
zip_put(struct zip *z, enum zip_kind kind, const void *in, size_t n,
    struct buf *out)
{
	struct libdeflate_compressor *c;
	int level = S_level[kind];
	size_t bound, got;

	if ((c = z->c[level]) == NULL &&
	    (c = z->c[level] = libdeflate_alloc_compressor(level)) == NULL)
		return -1;
	bound = libdeflate_zlib_compress_bound(c, n);
	buf_grow(out, bound);
	got = libdeflate_zlib_compress(c, in, n, out->data + out->len, bound);
	/* never 0 with room for the bound */
	if (got == 0)
		return -1;
	out->len += got;
	out->data[out->len] = '\0';
	return 0;
}

void
zip_free(struct zip *z)
{
	int i;

	for (i = 0; i < ZIP_LEVELS; i++) {
		libdeflate_free_compressor(z->c[i]);
		z->c[i] = NULL;
	}
}
