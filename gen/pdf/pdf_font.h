/*
 * pdf_font — the fonts of a PDF: found with fontconfig, embedded as subset
 * TrueType through libharu with UTF-8 codes, measured from their own
 * metrics.  Owns the fix for libharu 2.3.0's /ToUnicode map, which is not a
 * valid ToUnicode CMap: with the UTF-8 encoder a code is its Unicode value,
 * so an identity map written as 256 bfranges makes extraction, search and
 * copy-paste exact.  In a mailing (fonts_share()) it takes subsets and font
 * programs made for another document of the run from a cache
 * (pdf_fcache.h) when they are the very same, and wraps libharu's writing
 * of the font descriptor for that.
 */
#ifndef SALESGEN_PDF_FONT_H
#define SALESGEN_PDF_FONT_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "diag.h"

struct buf;
struct fcache;

enum font_face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLDITALIC,
	FACE_MONO,
	FACE_SANS_BOLD,		/* headings */
	FACE_FALLBACK,		/* characters the others lack (Greek, symbols) */
	FACE__MAX
};

struct font {
	HPDF_Font	 hf;		/* the embedded subset, after fonts_embed() */
	void		*def;		/* HPDF_FontDef of the full font, for metrics */
	char		*file;
	uint8_t		*used;		/* bitmap of the BMP: characters set */
	void		*hbface;	/* hb_face_t of the full font */
	FILE		*sub;		/* the subset, open while libharu reads it */
	int16_t		*w;		/* advance per BMP code point, 1/1000 em; lazily */
	uint8_t		*seen;		/* 1 = looked up, 2 = missing glyph */
	uint8_t		*drawn;		/* bitmap of the BMP: characters drawn */
	/* With a cache (fonts.cache): what the subset was made of, the
	 * face's file and its used[] (owned, until fonts_reset()), the
	 * key of the subset and the first part of its font program's. */
	unsigned char	*key;
	size_t		 nkey;
	double		 ascent, descent; /* 1/1000 em, descent negative */
	/* Set only in a helper thread's copy (pdf_inline.c), whose seen is its
	 * own snapshot: it looks nothing up (w, seen and libharu's font
	 * definition belong to the main thread), and a character not in the
	 * snapshot sets *missed instead, so that its paragraph is set again
	 * on the main thread.  NULL: look up as needed. */
	int		*missed;
};

struct fonts {
	struct font	 f[FACE__MAX];
	HPDF_Doc	 mdoc;		/* holds the full fonts for measuring */
	uint32_t	 missing[64];	/* code points already reported */
	size_t		 nmissing;
	/* A copy of the fonts for a helper thread (pdf_inline.c) sets its
	 * own used[] bitmaps and, with logging set, lists each character it
	 * marks there (face << 16 | code point) in log, for the document's
	 * own fonts to take over with font_use(). */
	int		 logging;
	uint32_t	*log;
	size_t		 nlog, caplog;
	/* Subsets and font programs shared with other documents (a
	 * mailing's threads), or NULL: each document makes its own.  Not
	 * ours: set with fonts_share(), freed by who made it. */
	struct fcache	*cache;
	/* With cache: characters whose glyphs every document of the run
	 * keeps in a face whose subset has them (a bitmap of the BMP, the
	 * caller's, read-only), so that documents drawing different
	 * letters of the same subset still write one font program; NULL:
	 * each keeps the glyphs it drew. */
	const uint8_t	*keep;
};

/* Families asked of fontconfig; NULL members take the defaults
 * (Charis SIL, DejaVu Sans Mono, DejaVu Sans; DejaVu Serif as the
 * fallback for characters the body face lacks). */
struct font_families {
	const char	*serif;
	const char	*mono;
	const char	*sans;
};

/* Finds and loads the faces for measuring.  Returns 0, or -1 after adding
 * DIAG_FONT diagnostics.  Release with fonts_free(). */
int	fonts_load(struct fonts *, const struct font_families *,
	    struct diag_list *);
void	fonts_free(struct fonts *);
/* Embeds into pdf a subset of each face with the characters measured
 * since the last fonts_reset(), and makes f[].hf draw with them.
 * Returns 0, or -1 after adding diagnostics.  The subsets stay open until
 * fonts_reset() or fonts_free(), after pdf is saved. */
int	fonts_embed(struct fonts *, HPDF_Doc pdf, struct diag_list *);
/* Makes fonts_embed() take a face's subset from cache when one was made
 * for the same face and the same characters, and the font program libharu
 * writes from it when the same glyphs are kept: the same bytes as making
 * them, for less.  keep (NULL: none) lists characters whose glyphs are
 * kept in every face whose subset has them, as if drawn: a document's
 * bytes then depend on keep as well, never on the cache.  cache
 * (pdf_fcache.h) and keep must outlive the fonts' use; NULL stops
 * sharing. */
void	fonts_share(struct fonts *, struct fcache *cache, const uint8_t *keep);
/* Forgets the characters used and the subsets, for the next document. */
void	fonts_reset(struct fonts *);
/* Releases fontconfig's process-wide state; call once, at exit. */
void	fonts_shutdown(void);

/* Width of UTF-8 text s[0..n) in face at size pt, in points. */
double	font_width(struct fonts *, enum font_face, const char *s, size_t n,
	    double size);
/* Appends the codes of UTF-8 text s[0..n) in face to out as the bytes
 * of a PDF literal string, without its parentheses: two bytes a character
 * (the UTF-8 encoder's code is the character's UTF-16 value), with ( ) \
 * and the line ends escaped.  Marks the characters drawn and returns the
 * text's advance in 1/1000 em. */
long	font_codes(struct fonts *, enum font_face, const char *s, size_t n,
	    struct buf *out);
/* Keeps the outlines of the characters font_codes() drew: libharu embeds
 * only the glyphs it measured itself, and the content is not written
 * through it.  Call once drawing is done, before the document is saved. */
void	fonts_keep_drawn(struct fonts *);
/* 1 when face has a glyph for code point c. */
int	font_has(struct fonts *, enum font_face, uint32_t c);
/* Looks c up in every face now, so that later measuring of c only reads
 * the caches (a helper thread may then measure it too). */
void	font_prewarm(struct fonts *, uint32_t c);
/* 1 when face has a glyph for every character of s[0..n) (nothing for
 * font_check() to report); reads only what font_prewarm() filled. */
int	font_complete(const struct fonts *, enum font_face, const char *s,
	    size_t n);
/* Marks a logged character (face << 16 | code point) used. */
void	font_use(struct fonts *, uint32_t entry);
/* Reports (once per character) a glyph the face lacks, at file:line:col. */
void	font_check(struct fonts *, enum font_face, const char *s, size_t n,
	    const char *file, int line, int col, struct diag_list *);

/* Decodes one UTF-8 sequence at s (n bytes left): returns the code point
 * (U+FFFD for a bad sequence) and sets *adv to the bytes used. */
uint32_t font_utf8(const char *s, size_t n, size_t *adv);

#endif
