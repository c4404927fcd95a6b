/*
 * pdf — the PDF back end: a course or one document in, a typeset PDF out.
 *
 * It walks the same document model as the HTML back end (course.h,
 * doc.h) and does its own typesetting (pdf_layout, pdf_inline, pdf_break,
 * hyph, pdf_page) on top of libharu, which writes only the PDF objects.
 */
#ifndef SALESGEN_PDF_H
#define SALESGEN_PDF_H

#include "course.h"
#include "diag.h"
#include "doc.h"

/* What a PDF claims to be (--pdf-standard): tagged PDF/UA-1 and
 * PDF/A-2a (the default, 0), PDF/UA-1 alone, or neither (untagged, as
 * before issue 11). */
enum pdf_standard {
	PDF_STD_A2A_UA = 0,
	PDF_STD_UA,
	PDF_STD_NONE
};

/* "a2a+ua", "ua" or "none"; -1 for anything else. */
int	pdf_standard_parse(const char *);

struct pdf_opts {
	int		 letter;	/* US Letter instead of A4 */
	int		 standard;	/* enum pdf_standard */
	int		 ragged;	/* ragged right instead of justified */
	int		 tabs;		/* code: tab stops every n columns, 0 = 4 */
	const char	*serif, *sans, *mono;	/* font families, NULL: house */
	char * const	*hyphens;	/* exceptions ("ver-koop-plan"), or NULL */
	size_t		 nhyphens;
	const char	*logo;		/* PNG/JPEG at the top right, or NULL */
	unsigned	 accent;	/* heading colour 0xRRGGBB; 0 = house blue */
	const char	*fingerprint;	/* an offer's (fingerprint.h), 64 hex
					   digits, or NULL: its first
					   FP_SHORT on every page, all of it
					   in /SalesgenFingerprint of the
					   document information */
	int		 threads;	/* -j: 1 runs everything on the
					   calling thread (no pattern
					   loading, paragraph, compression
					   or row-freeing thread), for the
					   same bytes as any other value;
					   0 or more lets them run */
};

/* Writes a course handout to out (atomically): chapter < 0 is the whole
 * course with title page, contents and glossary; otherwise that chapter
 * alone.  Returns 0, or -1 after adding diagnostics. */
int	pdf_course(const struct course *, enum edition, long chapter,
	    const struct pdf_opts *, const char *out, struct diag_list *);

/* Fonts and hyphenation patterns for a run of documents in one language;
 * one per thread.  NULL after adding diagnostics. */
struct pdf_env;
struct pdf_env *pdf_env_new(const char *lang, const struct pdf_opts *,
    struct diag_list *);
void	pdf_env_free(struct pdf_env *);
/* Makes env's documents share font subsets and font programs through
 * cache (pdf_fcache.h, the caller's; it must outlive env's use), as a
 * mailing's threads do: the same bytes, made once.  keep (a bitmap of the
 * BMP, or NULL) names characters whose glyphs every document keeps in the
 * faces whose subsets have them (fonts_share() in pdf_font.h). */
struct fcache;
void	pdf_env_share(struct pdf_env *env, struct fcache *cache,
	    const unsigned char *keep);

/* Writes one parsed document (already through the passes) to out ("-" is
 * standard output).  path is the source, for diagnostics and images.  env
 * may be NULL (one is made for this document). */
int	pdf_document(const struct doc_node *root, const char *title,
	    const char *lang, const char *path, const struct pdf_opts *,
	    struct pdf_env *env, const char *out, struct diag_list *);

/* As pdf_document(), but the PDF's bytes are appended to mem (the
 * caller's, freed with buf_free) and no file is written: for the fuzz
 * targets and tests.  On -1, mem may hold part of a document. */
struct buf;
int	pdf_document_mem(const struct doc_node *root, const char *title,
	    const char *lang, const char *path, const struct pdf_opts *,
	    struct pdf_env *env, struct buf *mem, struct diag_list *);

#endif
