/*
 * pdf_zip — Flate compression (the zlib format of FlateDecode) of the
 * streams salesgen writes, with libdeflate, at a level per kind of stream.
 *
 * libdeflate compresses a whole buffer in one call, faster than zlib at
 * the same ratio, and its output depends only on the input and the level
 * (not on threads or timing): the same stream gives the same bytes.  A
 * struct zip keeps a compressor per level in use, allocated on first use
 * and freed by zip_free(); one struct zip serves one thread at a time.
 * The levels are in pdf_zip.c, with the measurements behind them.  The
 * kinds that repeat from document to document (fonts, images, maps) are
 * also remembered for the whole process, behind a lock: a stream that
 * was compressed before is copied, the same bytes (pdf_zip.c, cache).
 */
#ifndef SALESGEN_PDF_ZIP_H
#define SALESGEN_PDF_ZIP_H

#include <stddef.h>

struct buf;
struct libdeflate_compressor;

enum zip_kind {
	ZIP_CONTENT,		/* page contents (pdf_draw.c) */
	ZIP_FONT,		/* embedded font programs (FontFile2) */
	ZIP_IMAGE,		/* decoded pixels, soft masks */
	ZIP_OTHER,		/* CMaps, CIDToGIDMaps, the ICC profile */
	ZIP_OBJSTM,		/* object streams (pdf_pack.c) */
	ZIP_XREF,		/* the cross-reference stream */
	ZIP__MAX
};

/* libdeflate's levels run from 0 to 12. */
#define ZIP_LEVELS	13

struct zip {
	struct libdeflate_compressor *c[ZIP_LEVELS];
};

/* Appends in[0..n) Flate-compressed at kind's level to out; 0, or -1
 * when no compressor could be had (out as it was). */
int	zip_put(struct zip *z, enum zip_kind kind, const void *in, size_t n,
	    struct buf *out);

/* Frees z's compressors; z may be used again. */
void	zip_free(struct zip *z);

#endif
