/* pdf_font — font lookup, embedding and metrics (see pdf_font.h). */
#include "pdf_font.h"
#include "buf.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

/* Where fontconfig is asked, per face: family, style. */
static const char *S_style[FACE__MAX] = {
	"Regular", "Bold", "Italic", "Bold Italic", "Regular", "Bold", "Book"
};

static char *
S_find(const char *family, const char *style, struct diag_list *dl)
{
	FcPattern *pat, *m;
	FcResult res;
	FcChar8 *file = NULL;
	char *out = NULL;
	size_t n;

	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddString(pat, FC_STYLE, (const FcChar8 *)style);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(NULL, pat, &res);
	if (m != NULL && FcPatternGetString(m, FC_FILE, 0, &file) ==
	    FcResultMatch)
		out = xstrdup((const char *)file);
	if (m != NULL)
		FcPatternDestroy(m);
	FcPatternDestroy(pat);
	/* libharu reads TrueType outlines only, not CFF-flavoured OpenType. */
	if (out != NULL && ((n = strlen(out)) < 4 ||
	    strcasecmp(out + n - 4, ".ttf") != 0)) {
		diag_add(dl, DIAG_FONT, NULL, 0, 0, family,
		    "no TrueType (.ttf) file found; install a TrueType font "
		    "package such as fonts-sil-charis or fonts-dejavu-core");
		free(out);
		out = NULL;
	} else if (out == NULL)
		diag_add(dl, DIAG_FONT, NULL, 0, 0, family,
		    "not found by fontconfig");
	return out;
}

/* Replaces libharu's /ToUnicode stream by an identity map: codes are
 * UTF-16 code units of the BMP, so each high byte maps its 256 codes to
 * themselves.  Surrogates have no characters and are skipped. */
static void
S_fix_tounicode(HPDF_Font hf)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(hf, "ToUnicode", HPDF_OCLASS_DICT);
	char line[64];
	int hi, n = 0, left = 248;

	if (tu == NULL || tu->stream == NULL)
		return;
	HPDF_MemStream_FreeData(tu->stream);
	HPDF_Stream_WriteStr(tu->stream,
	    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
	    "endcodespacerange\n");
	for (hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (n == 0) {
			/* at most 100 entries per block, as the CMap spec says */
			snprintf(line, sizeof(line), "%d beginbfrange\n",
			    left < 100 ? left : 100);
			HPDF_Stream_WriteStr(tu->stream, line);
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n",
		    hi, hi, hi);
		HPDF_Stream_WriteStr(tu->stream, line);
		left--;
		if (++n == 100 || left == 0) {
			HPDF_Stream_WriteStr(tu->stream, "endbfrange\n");
			n = 0;
		}
	}
	HPDF_Stream_WriteStr(tu->stream, "endcmap\nCMapName currentdict "
	    "/CMap defineresource pop\nend\nend\n");
}

int
fonts_load(struct fonts *fs, HPDF_Doc pdf, const struct font_families *fam,
    struct diag_list *dl)
{
	const char *family, *name;
	struct font *f;
	HPDF_FontAttr attr;
	int i, rc = 0;

	memset(fs, 0, sizeof(*fs));
	if (!FcInit()) {
		diag_add(dl, DIAG_FONT, NULL, 0, 0, "fontconfig",
		    "cannot initialise");
		return -1;
	}
	HPDF_UseUTFEncodings(pdf);
	for (i = 0; i < FACE__MAX; i++) {
		f = &fs->f[i];
		family = i == FACE_MONO ? (fam && fam->mono ? fam->mono :
		    "DejaVu Sans Mono") : i == FACE_SANS_BOLD ?
		    (fam && fam->sans ? fam->sans : "DejaVu Sans") :
		    i == FACE_FALLBACK ? "DejaVu Serif" :
		    (fam && fam->serif ? fam->serif : "Charis SIL");
		if ((f->file = S_find(family, S_style[i], dl)) == NULL) {
			rc = -1;
			continue;
		}
		name = HPDF_LoadTTFontFromFile(pdf, f->file, HPDF_TRUE);
		if (name == NULL || (f->hf = HPDF_GetFont(pdf, name,
		    "UTF-8")) == NULL) {
			diag_add(dl, DIAG_FONT, NULL, 0, 0, f->file,
			    "libharu cannot load it");
			HPDF_ResetError(pdf);
			rc = -1;
			continue;
		}
		attr = (HPDF_FontAttr)f->hf->attr;
		f->def = attr->fontdef;
		f->ascent = HPDF_Font_GetAscent(f->hf);
		f->descent = HPDF_Font_GetDescent(f->hf);
		f->w = xcalloc(65536, sizeof(*f->w));
		f->seen = xcalloc(65536, 1);
		S_fix_tounicode(f->hf);
	}
	return rc;
}

void
fonts_free(struct fonts *fs)
{
	int i;

	for (i = 0; i < FACE__MAX; i++) {
		free(fs->f[i].file);
		free(fs->f[i].w);
		free(fs->f[i].seen);
	}
	memset(fs, 0, sizeof(*fs));
}

void
fonts_shutdown(void)
{
	FcFini();
}

uint32_t
font_utf8(const char *str, size_t n, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len, i;

	if (n == 0) {
		*adv = 0;
		return 0;
	}
	if (s[0] < 0x80) {
		*adv = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*adv = 1;
		return 0xFFFD;
	}
	if (len > n) {
		*adv = 1;
		return 0xFFFD;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*adv = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*adv = len;
	return c;
}

static int
S_adv(struct font *f, uint32_t c)
{
	if (c > 0xFFFF)
		c = 0xFFFD;	/* libharu's UTF-8 codes stop at the BMP */
	if (!f->seen[c]) {
		HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(f->def,
		    (HPDF_UINT16)c);

		f->seen[c] = gid == 0 && c != 0 ? 2 : 1;
		f->w[c] = (int16_t)HPDF_TTFontDef_GetCharWidth(f->def,
		    (HPDF_UINT16)c);
	}
	return f->w[c];
}

double
font_width(struct fonts *fs, enum font_face face, const char *s, size_t n,
    double size)
{
	struct font *f = &fs->f[face];
	size_t i = 0, adv;
	long sum = 0;

	if (f->def == NULL)
		return 0;
	while (i < n) {
		sum += S_adv(f, font_utf8(s + i, n - i, &adv));
		i += adv;
	}
	return (double)sum * size / 1000.0;
}

int
font_has(struct fonts *fs, enum font_face face, uint32_t c)
{
	struct font *f = &fs->f[face];

	if (f->def == NULL || c > 0xFFFF)
		return 0;
	S_adv(f, c);
	return f->seen[c] != 2;
}

void
font_check(struct fonts *fs, enum font_face face, const char *s, size_t n,
    const char *file, int line, int col, struct diag_list *dl)
{
	struct font *f = &fs->f[face];
	size_t i = 0, adv, k;
	uint32_t c;
	const char *base;

	if (f->def == NULL)
		return;
	while (i < n) {
		c = font_utf8(s + i, n - i, &adv);
		if (c > 0xFFFF || (S_adv(f, c), f->seen[c] == 2)) {
			for (k = 0; k < fs->nmissing; k++)
				if (fs->missing[k] == c)
					break;
			if (k == fs->nmissing) {
				char ch[8] = { 0 };

				memcpy(ch, s + i, adv < 7 ? adv : 7);
				base = strrchr(f->file, '/');
				diag_add(dl, DIAG_GLYPH, file, line, col,
				    (unsigned)c, ch, base ? base + 1 : f->file);
				if (fs->nmissing < 64)
					fs->missing[fs->nmissing++] = c;
			}
		}
		i += adv;
	}
}
