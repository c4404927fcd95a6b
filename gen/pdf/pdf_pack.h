/*
 * pdf_pack — a saved PDF rewritten with its small objects in object
 * streams and a cross-reference stream (PDF 1.7, 7.5.7 and 7.5.8).
 *
 * libharu 2.3 writes every object on its own, uncompressed, and a tagged
 * PDF is mostly small objects (structure elements, the parent tree, the
 * lengths of streams): the structure tree alone made a handout half as
 * large again.  Packed into Flate-compressed object streams they cost
 * little.  The packer works on the bytes libharu saved, not on its
 * objects: the saved file is regular, and the packer checks every piece
 * of it it relies on, so a mistake in it (or in libharu) is a diagnostic,
 * never a damaged PDF.
 */
#ifndef SALESGEN_PDF_PACK_H
#define SALESGEN_PDF_PACK_H

#include <stddef.h>

struct buf;
struct diag_list;

/* The most objects one object stream holds: a reader inflates a whole
 * object stream to read one object of it. */
#define PACK_OBJSTM_MAX	200

/*
 * Appends to out the PDF in[0..len), a file as libharu 2.3 saves it —
 * header, objects "N G obj ... endobj" one after another, one classic
 * cross-reference table, a trailer with /Size, /Root, /Info and /ID —
 * rewritten with every object that may stand in an object stream in
 * object streams of at most PACK_OBJSTM_MAX objects, and a
 * cross-reference stream in place of the table and trailer.  A stream
 * without a /Filter (libharu leaves the font programs, CMaps, images and
 * the ICC profile of a tagged PDF uncompressed: pdf.c) is Flate-compressed
 * with libdeflate at the level of its kind (pdf_zip.h), when its /Length
 * is an object of its own that the packer puts in an object stream: that
 * object then gives the new length.  Left as they were, byte for byte:
 * the header, every other stream (the page contents, compressed already;
 * the XMP metadata that PDF/A wants readable), objects of a generation
 * other than 0, the catalogue and the document information (salesgen
 * verify reads the fingerprint there, fpread.h).  Object numbers stay;
 * the object streams and the cross-reference stream take the numbers
 * after the last.  The same input gives the same output.
 *
 * Returns 0; or -1 with a DIAG_PDF diagnostic at src (may be NULL) when
 * in is not such a file, and out as it was.
 */
int	pack_pdf(const char *in, size_t len, struct buf *out, const char *src,
	    struct diag_list *dl);

/*
 * Objects a caller adds to the object streams as PDF text, which the
 * saved file never held: a tagged PDF's structure tree (pdf_tag.c), so
 * that libharu neither builds nor writes an object per element.  The n
 * new objects take the numbers from the file's /Size on (base), before
 * the object streams'; with replace (not 0), the value of that object of
 * the file (one the packer puts in an object stream: a placeholder the
 * catalogue points at) is given as well.  write() appends to out the
 * values, the replacement first when there is one, then new objects
 * base, base + 1, ..., and sets end[i] to where value i ends in out
 * (value i starts where i - 1 ended, the first at 0); it returns 0, or
 * -1 and nothing is written.  A value is one direct object, which may
 * refer to the file's objects and to the new ones ("base + i 0 R").
 */
struct pack_more {
	size_t	  n;
	size_t	  replace;
	int	(*write)(void *arg, size_t base, struct buf *out, size_t *end);
	void	 *arg;
};

/* pack_pdf() with the objects of more (NULL: none). */
int	pack_pdf_more(const char *in, size_t len, const struct pack_more *more,
	    struct buf *out, const char *src, struct diag_list *dl);

#endif
