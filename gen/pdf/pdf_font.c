/* pdf_font — font lookup, embedding and metrics (see pdf_font.h). */
#include "pdf_font.h"
#include "pdf_fcache.h"
#include "buf.h"
#include "file.h"
#include "mem.h"
#include "utf8.h"

#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb.h>
#include <harfbuzz/hb-subset.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

/* Where fontconfig is asked, per face: family, style. */
static const char *S_style[FACE__MAX] = {
	"Regular", "Bold", "Italic", "Bold Italic", "Regular", "Bold", "Book"
};

/* fontconfig is asked one thread at a time: several threads of a merge
 * load their fonts at once, and fontconfig fills its process-wide
 * configuration and caches lazily, publishing them in ways
 * ThreadSanitizer reports as races.  Each thread asks a few times, once,
 * so the lock costs nothing measurable. */
static pthread_mutex_t S_fc_lock = PTHREAD_MUTEX_INITIALIZER;

static char *
S_find(const char *family, const char *style, struct diag_list *dl)
{
	FcPattern *pat, *m;
	FcResult res;
	FcChar8 *file = NULL;
	char *out = NULL;
	size_t n;

	pthread_mutex_lock(&S_fc_lock);
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
	pthread_mutex_unlock(&S_fc_lock);
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

/* The identity /ToUnicode CMap: codes are UTF-16 code units of the BMP,
 * so each high byte maps its 256 codes to themselves.  Surrogates have no
 * characters and are skipped.  The same 5,591 bytes for every face of
 * every document: made once (100 snprintf calls a face a document were 3 %
 * of a mailing). */
static char	S_tu[6144];
static size_t	S_ntu;
static pthread_once_t S_tu_once = PTHREAD_ONCE_INIT;

static void
S_tu_make(void)
{
	struct buf b = { 0 };
	int hi, n = 0, left = 248;

	buf_puts(&b,
	    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
	    "endcodespacerange\n");
	for (hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (n == 0)
			/* at most 100 entries per block, as the CMap spec says */
			buf_printf(&b, "%d beginbfrange\n", left < 100 ? left :
			    100);
		buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		left--;
		if (++n == 100 || left == 0) {
			buf_puts(&b, "endbfrange\n");
			n = 0;
		}
	}
	buf_puts(&b, "endcmap\nCMapName currentdict "
	    "/CMap defineresource pop\nend\nend\n");
	assert(b.len <= sizeof(S_tu));
	S_ntu = b.len < sizeof(S_tu) ? b.len : sizeof(S_tu);
	memcpy(S_tu, b.data, S_ntu);
	buf_free(&b);
}

/* Replaces libharu's /ToUnicode stream by the identity map. */
static void
S_fix_tounicode(HPDF_Font hf)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(hf, "ToUnicode", HPDF_OCLASS_DICT);

	if (tu == NULL || tu->stream == NULL)
		return;
	pthread_once(&S_tu_once, S_tu_make);
	HPDF_MemStream_FreeData(tu->stream);
	HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)S_tu,
	    (HPDF_UINT)S_ntu);
}

static void
S_mdoc_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	(void)code;
	(void)detail;
	(void)arg;		/* failures show as NULL returns below */
}

int
fonts_load(struct fonts *fs, const struct font_families *fam,
    struct diag_list *dl)
{
	const char *family, *name;
	struct font *f;
	HPDF_FontDef def;
	hb_blob_t *blob;
	int i, rc = 0;

	memset(fs, 0, sizeof(*fs));
	pthread_mutex_lock(&S_fc_lock);
	i = FcInit();
	pthread_mutex_unlock(&S_fc_lock);
	if (!i) {
		diag_add(dl, DIAG_FONT, NULL, 0, 0, "fontconfig",
		    "cannot initialise");
		return -1;
	}
	if ((fs->mdoc = HPDF_New(S_mdoc_error, NULL)) == NULL)
		return -1;
	HPDF_UseUTFEncodings(fs->mdoc);
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
		/* Only the font definition is needed for measuring: a font
		 * object (HPDF_GetFont) would build a CID map and widths for
		 * all 65,536 codes, some 10 ms per face for nothing. */
		name = HPDF_LoadTTFontFromFile(fs->mdoc, f->file, HPDF_FALSE);
		if (name == NULL || (def = HPDF_GetFontDef(fs->mdoc,
		    name)) == NULL) {
			diag_add(dl, DIAG_FONT, NULL, 0, 0, f->file,
			    "libharu cannot load it");
			HPDF_ResetError(fs->mdoc);
			rc = -1;
			continue;
		}
		f->def = def;
		f->ascent = def->ascent;
		f->descent = def->descent;
		f->w = xcalloc(65536, sizeof(*f->w));
		f->seen = xcalloc(65536, 1);
		f->used = xcalloc(65536 / 8, 1);
		f->drawn = xcalloc(65536 / 8, 1);
		blob = hb_blob_create_from_file(f->file);
		f->hbface = hb_face_create(blob, 0);
		hb_blob_destroy(blob);
	}
	return rc;
}

/* The first code from c on whose bit is set in bits (65,536 of them),
 * or 65536.  A document uses a few hundred codes: whole zero bytes are
 * passed at once, where a test of every bit cost a mailing a tenth of
 * its time (four faces, several such loops, a document). */
static unsigned
S_next_bit(const uint8_t *bits, unsigned c)
{
	unsigned b;

	while (c < 65536) {
		if ((b = bits[c >> 3] >> (c & 7)) != 0) {
			for (; (b & 1) == 0; b >>= 1)
				c++;
			return c;
		}
		c = (c | 7) + 1;
	}
	return 65536;
}

/* The next code from c on that S_get_font() lists: one in used below
 * top, else top. */
static unsigned
S_listed(const uint8_t *used, unsigned c, unsigned top)
{
	c = S_next_bit(used, c);
	return c < top ? c : top;
}

/* Every face that is used at all also carries printable ASCII and
 * Latin-1, so what furniture draws late (folios, a dash) is there. */
static void
S_mark_basics(struct font *f)
{
	unsigned c;

	for (c = 0x20; c < 0x7F; c++)
		f->used[c >> 3] |= (uint8_t)(1u << (c & 7));
	for (c = 0xA0; c < 0x100; c++)
		f->used[c >> 3] |= (uint8_t)(1u << (c & 7));
}

/*
 * libharu 2.3.0 builds a UTF-8 font's widths (/W) and its CIDToGIDMap by
 * looking up all 65,536 code points in the font, each a linear search of
 * the cmap, and then compresses a 128 KB map: per face per document, which
 * was 40 % of a mailing's time.  Its other branch, for CMap encoders, looks
 * up only the codes the encoder's cid_map lists.  So for the moment of
 * HPDF_GetFont the UTF-8 encoder lists exactly this face's characters with
 * code = CID = Unicode, which is what the UTF-8 encoder's own Identity
 * mapping gives them, and gets its own function and maps back after.  Only
 * characters in `used` are in the subset font, so no other could be drawn.
 * Row 0 of cid_map doubles as the UTF-8 encoder's scratch space: saved and
 * cleared so stale bytes there are not read as CIDs.
 */
static HPDF_Font
S_get_font(HPDF_Doc pdf, const char *name, const uint8_t *used)
{
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_CMapEncoderAttr a;
	HPDF_Encoder_ToUnicode_Func own;
	HPDF_UINT16 row0[256];
	HPDF_UNICODE *old;
	HPDF_Font hf;
	unsigned c, n, top;

	if (enc == NULL || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE ||
	    enc->attr == NULL || enc->to_unicode_fn == HPDF_CMapEncoder_ToUnicode)
		return HPDF_GetFont(pdf, name, "UTF-8");
	a = enc->attr;
	own = enc->to_unicode_fn;
	memcpy(row0, a->cid_map[0], sizeof(row0));
	memset(a->cid_map[0], 0, sizeof(row0));
	for (n = 0, top = 0, c = S_next_bit(used, 1); c < 65536;
	    c = S_next_bit(used, c + 1)) {
		n++;
		top = c;
	}
	/* libharu writes /W and the map for the CIDs below the highest
	 * listed one only: list one past the last character as well. */
	if (top < 0xFFFF)
		top++;
	old = xcalloc(n + 2, sizeof(*old));
	for (n = 0, c = S_listed(used, 1, top); ;
	    c = S_listed(used, c + 1, top)) {
		old[n++] = a->unicode_map[c >> 8][c & 0xFF];
		a->unicode_map[c >> 8][c & 0xFF] = (HPDF_UNICODE)c;
		a->cid_map[c >> 8][c & 0xFF] = (HPDF_UINT16)c;
		if (c == top)
			break;
	}
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	hf = HPDF_GetFont(pdf, name, "UTF-8");
	enc->to_unicode_fn = own;
	for (n = 0, c = S_listed(used, 1, top); ;
	    c = S_listed(used, c + 1, top)) {
		a->unicode_map[c >> 8][c & 0xFF] = old[n++];
		a->cid_map[c >> 8][c & 0xFF] = 0;
		if (c == top)
			break;
	}
	memcpy(a->cid_map[0], row0, sizeof(row0));
	free(old);
	return hf;
}

/*** Sharing with other documents (fonts_share) ***/

/* The kinds of value in the cache: a face's subset, keyed by the face's
 * file and the characters in it; the font program libharu writes from
 * that subset, keyed by the same and the glyphs it keeps. */
enum { FC_SUBSET = 1, FC_PROGRAM };

/* The fonts of the document this thread is saving, for S_before_write();
 * libharu's callback gets the font and nothing else. */
static _Thread_local struct fonts *S_saving;
/* libharu's own callback for a TrueType Type0 font (a static function of
 * its): the same for every font, stored by each thread that takes it. */
static _Atomic(HPDF_Dict_BeforeWriteFunc) S_libharu_bw;

void
fonts_share(struct fonts *fs, struct fcache *cache, const uint8_t *keep)
{
	fs->cache = cache;
	fs->keep = cache != NULL ? keep : NULL;
}

/* f's subset key: its file, a NUL, its used[] bitmap. */
static void
S_key(struct font *f)
{
	size_t n = strlen(f->file) + 1;

	free(f->key);
	f->nkey = n + 65536 / 8;
	f->key = xmalloc(f->nkey);
	memcpy(f->key, f->file, n);
	memcpy(f->key + n, f->used, 65536 / 8);
}

/*
 * libharu writes the font program (the subset as it rewrites it, without
 * the glyphs nothing drew) when it saves the document, in the callback
 * that makes the font descriptor: parsing and writing it again was an
 * eighth of a mailing.  It makes the descriptor only when the font
 * definition has none: so when the cache holds the program for this
 * subset and these glyphs, S_descriptor() makes the descriptor as libharu
 * would, in the same order (the same object numbers, the same bytes),
 * with the cached program as its FontFile2, and libharu's callback does
 * the rest.  Otherwise libharu writes the program and the cache keeps it.
 */
static HPDF_STATUS
S_descriptor(HPDF_Dict obj, const unsigned char *prog, size_t len,
    unsigned long length1)
{
	HPDF_FontAttr fa = obj->attr;
	HPDF_FontDef def = fa->fontdef;
	HPDF_TTFontDefAttr da = def->attr;
	HPDF_Dict desc, data;
	HPDF_Array box;
	HPDF_STATUS ret = HPDF_OK;

	if ((desc = HPDF_Dict_New(obj->mmgr)) == NULL ||
	    (data = HPDF_DictStream_New(obj->mmgr, fa->xref)) == NULL)
		return HPDF_Error_GetCode(obj->error);
	ret += HPDF_Stream_Write(data->stream, prog, (HPDF_UINT)len);
	ret += HPDF_Dict_Add(desc, "FontFile2", data);
	ret += HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)length1);
	ret += HPDF_Dict_AddNumber(data, "Length2", 0);
	ret += HPDF_Dict_AddNumber(data, "Length3", 0);
	data->filter = obj->filter;
	if (ret != HPDF_OK)
		return HPDF_Error_GetCode(obj->error);
	ret += HPDF_Xref_Add(fa->xref, desc);
	ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
	ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
	ret += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
	box = HPDF_Box_Array_New(obj->mmgr, def->font_bbox);
	ret += HPDF_Dict_Add(desc, "FontBBox", box);
	ret += HPDF_Dict_AddName(desc, "FontName", da->base_font);
	ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
	ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
	ret += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
	if (ret != HPDF_OK)
		return HPDF_Error_GetCode(obj->error);
	def->descriptor = desc;
	return HPDF_OK;
}

/* Offers the font program libharu just wrote for fa to the cache. */
static void
S_keep_program(struct fcache *c, HPDF_FontAttr fa, const unsigned char *key,
    size_t klen)
{
	HPDF_TTFontDefAttr da = fa->fontdef->attr;
	HPDF_Dict data = HPDF_Dict_GetItem(fa->fontdef->descriptor,
	    "FontFile2", HPDF_OCLASS_DICT);
	HPDF_Stream st;
	HPDF_BYTE *p;
	HPDF_UINT i, nbuf, n, len;
	unsigned char *prog;
	size_t at = 0;

	if (data == NULL || (st = data->stream) == NULL ||
	    st->type != HPDF_STREAM_MEMORY)
		return;
	len = st->size;
	prog = xmalloc(len > 0 ? len : 1);
	nbuf = HPDF_MemStream_GetBufCount(st);
	for (i = 0; i < nbuf && at < len; i++) {
		if ((p = HPDF_MemStream_GetBufPtr(st, i, &n)) == NULL)
			break;
		if (n > len - at)
			n = (HPDF_UINT)(len - at);
		memcpy(prog + at, p, n);
		at += n;
	}
	if (at == len)
		(void)fcache_put(c, FC_PROGRAM, key, klen, prog, len,
		    da->length1);
	free(prog);
}

/* Whether libharu keeps the glyph of c in the font program of def. */
static int
S_kept(HPDF_FontDef def, unsigned c)
{
	HPDF_TTFontDefAttr da = def->attr;
	HPDF_UINT16 g = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)c);

	return g < da->num_glyphs && da->glyph_tbl.flgs[g];
}

/*
 * The rows of a mailing draw different letters in the face their fields
 * are set in (names, addresses), so its font program would differ from
 * row to row although the subset is the same.  A face that already keeps
 * all but at most FONT_KEEP_MAX of the rows' characters (keep) its subset
 * has (in, its used[]) keeps them all: the body face, which draws most
 * letters anyway, then writes one font program for the whole mailing,
 * for a glyph or two more an offer.  A face that would take on more (one
 * that shows a single field, a name in a running head) keeps what it drew:
 * its bytes grew by more than the time they save (some 5 KB a face).
 * Measuring marks a glyph kept, as drawing does.
 */
#define FONT_KEEP_MAX	24

static void
S_keep(const uint8_t *keep, const uint8_t *in, HPDF_FontDef def)
{
	unsigned c, more = 0;

	for (c = S_next_bit(keep, 0); c < 65536; c = S_next_bit(keep, c + 1))
		if ((in[c >> 3] & (1u << (c & 7))) && !S_kept(def, c) &&
		    ++more > FONT_KEEP_MAX)
			return;
	for (c = S_next_bit(keep, 0); c < 65536; c = S_next_bit(keep, c + 1))
		if (in[c >> 3] & (1u << (c & 7)))
			(void)HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)c);
}

/* A shared font's before-write callback (see above). */
static HPDF_STATUS
S_before_write(HPDF_Dict obj)
{
	HPDF_Dict_BeforeWriteFunc bw = atomic_load(&S_libharu_bw);
	struct fonts *fs = S_saving;
	HPDF_FontAttr fa = obj->attr;
	HPDF_TTFontDefAttr da;
	struct font *f = NULL;
	const unsigned char *hit;
	unsigned char *key;
	unsigned long length1 = 0;
	size_t klen, n = 0;
	HPDF_STATUS rc;
	int i;

	for (i = 0; fs != NULL && i < FACE__MAX; i++)
		if (fs->f[i].hf == obj)
			f = &fs->f[i];
	if (f == NULL || fs->cache == NULL || f->key == NULL || fa == NULL ||
	    fa->fontdef->descriptor != NULL ||
	    fa->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    !(da = fa->fontdef->attr)->embedding)
		return bw(obj);
	if (fs->keep != NULL)
		S_keep(fs->keep, f->key + f->nkey - 65536 / 8, fa->fontdef);
	/* the subset's key, libharu's tag for it, the glyphs kept */
	klen = f->nkey + sizeof(da->tag_name) + da->num_glyphs;
	key = xmalloc(klen);
	memcpy(key, f->key, f->nkey);
	memcpy(key + f->nkey, da->tag_name, sizeof(da->tag_name));
	memcpy(key + f->nkey + sizeof(da->tag_name), da->glyph_tbl.flgs,
	    da->num_glyphs);
	if ((hit = fcache_get(fs->cache, FC_PROGRAM, key, klen, &n,
	    &length1)) != NULL) {
		if ((rc = S_descriptor(obj, hit, n, length1)) == HPDF_OK)
			rc = bw(obj);
	} else if ((rc = bw(obj)) == HPDF_OK) {
		S_keep_program(fs->cache, fa, key, klen);
	}
	free(key);
	return rc;
}

/*** Embedding ***/

/* f's subset with the characters in used[], as bytes at *data (*len of
 * them): the cache's, or made (and offered to the cache), then held by
 * *blob and *face for the caller to destroy.  Returns 0, or -1. */
static int
S_subset(struct fonts *fs, struct font *f, const char **data, unsigned *len,
    hb_blob_t **blob, hb_face_t **face)
{
	hb_subset_input_t *in;
	hb_set_t *uni;
	const unsigned char *hit;
	size_t n;
	unsigned c;

	*blob = NULL;
	*face = NULL;
	if (fs->cache != NULL) {
		S_key(f);
		if ((hit = fcache_get(fs->cache, FC_SUBSET, f->key, f->nkey,
		    &n, NULL)) != NULL) {
			*data = (const char *)hit;
			*len = (unsigned)n;
			return 0;
		}
	}
	in = hb_subset_input_create_or_fail();
	uni = hb_subset_input_unicode_set(in);
	for (c = S_next_bit(f->used, 0); c < 65536;
	    c = S_next_bit(f->used, c + 1))
		hb_set_add(uni, c);
	/* The hinting stays, although a PDF viewer does without and the
	 * font programs would be some 40 % smaller: with
	 * HB_SUBSET_FLAGS_NO_HINTING libharu 2.3 fails to save some
	 * documents (the sample course's chapter 4, "the PDF library
	 * failed"). */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DEFAULT);
	*face = hb_subset_or_fail(f->hbface, in);
	hb_subset_input_destroy(in);
	if (*face == NULL)
		return -1;
	*blob = hb_face_reference_blob(*face);
	*data = hb_blob_get_data(*blob, len);
	if (fs->cache != NULL)
		(void)fcache_put(fs->cache, FC_SUBSET, f->key, f->nkey, *data,
		    *len, 0);
	return 0;
}

int
fonts_embed(struct fonts *fs, HPDF_Doc pdf, struct diag_list *dl)
{
	hb_face_t *sub;
	hb_blob_t *out;
	const char *data, *name;
	unsigned len;
	char path[64];
	struct font *f;
	int i, rc = 0;

	HPDF_UseUTFEncodings(pdf);
	for (i = 0; i < FACE__MAX; i++) {
		f = &fs->f[i];
		f->hf = NULL;
		if (f->def == NULL)
			continue;
		if (S_next_bit(f->used, 0) == 65536)
			continue;	/* never set: not embedded */
		S_mark_basics(f);
		if (S_subset(fs, f, &data, &len, &out, &sub) != 0) {
			diag_add(dl, DIAG_FONT, NULL, 0, 0, f->file,
			    "cannot make a subset");
			rc = -1;
			continue;
		}
		/* libharu reads fonts from files only: give it an unlinked
		 * temporary file through /proc, nothing lands on disk by
		 * name. */
		if ((f->sub = tmpfile()) == NULL ||
		    fwrite(data, 1, len, f->sub) != len || fflush(f->sub) != 0) {
			diag_add(dl, DIAG_FONT, NULL, 0, 0, f->file,
			    "cannot write the subset");
			rc = -1;
		} else {
			snprintf(path, sizeof(path), "/proc/self/fd/%d",
			    fileno(f->sub));
			name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
			if (name == NULL || (f->hf = S_get_font(pdf, name,
			    f->used)) == NULL) {
				diag_add(dl, DIAG_FONT, NULL, 0, 0, f->file,
				    "libharu cannot load its subset");
				rc = -1;
			} else {
				S_fix_tounicode(f->hf);
				if (fs->cache != NULL &&
				    f->hf->before_write_fn != NULL) {
					atomic_store(&S_libharu_bw,
					    f->hf->before_write_fn);
					f->hf->before_write_fn = S_before_write;
					S_saving = fs;
				}
			}
		}
		hb_blob_destroy(out);
		hb_face_destroy(sub);
	}
	return rc;
}

void
fonts_reset(struct fonts *fs)
{
	int i;

	for (i = 0; i < FACE__MAX; i++) {
		if (fs->f[i].used != NULL)
			memset(fs->f[i].used, 0, 65536 / 8);
		if (fs->f[i].drawn != NULL)
			memset(fs->f[i].drawn, 0, 65536 / 8);
		if (fs->f[i].sub != NULL)
			fclose(fs->f[i].sub);
		fs->f[i].sub = NULL;
		fs->f[i].hf = NULL;
		free(fs->f[i].key);
		fs->f[i].key = NULL;
		fs->f[i].nkey = 0;
	}
	fs->nmissing = 0;
	if (S_saving == fs)
		S_saving = NULL;
}

void
fonts_free(struct fonts *fs)
{
	int i;

	fonts_reset(fs);
	for (i = 0; i < FACE__MAX; i++) {
		free(fs->f[i].file);
		free(fs->f[i].w);
		free(fs->f[i].seen);
		free(fs->f[i].used);
		free(fs->f[i].drawn);
		if (fs->f[i].hbface != NULL)
			hb_face_destroy(fs->f[i].hbface);
	}
	if (fs->mdoc != NULL)
		HPDF_Free(fs->mdoc);
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
	uint32_t c;

	if (n == 0) {
		*adv = 0;
		return 0;
	}
	if ((*adv = utf8_decode((const unsigned char *)str, n, &c)) == 0) {
		*adv = 1;
		return 0xFFFD;
	}
	return c;
}

/* Looks c up in the font definition, the first time it is asked for. */
static void
S_lookup(struct font *f, uint32_t c)
{
	HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(f->def, (HPDF_UINT16)c);

	f->seen[c] = gid == 0 && c != 0 ? 2 : 1;
	f->w[c] = (int16_t)HPDF_TTFontDef_GetCharWidth(f->def, (HPDF_UINT16)c);
}

static inline int
S_adv(struct font *f, uint32_t c)
{
	if (c > 0xFFFF)
		c = 0xFFFD;	/* libharu's UTF-8 codes stop at the BMP */
	if (!f->seen[c]) {
		if (f->missed != NULL) {
			/* a helper's: the main thread may be filling
			 * w[c] right now */
			*f->missed = 1;
			return 0;
		}
		S_lookup(f, c);
	}
	return f->w[c];
}

/* font_utf8() with ASCII taken inline; n > 0. */
static inline uint32_t
S_next(const char *s, size_t n, size_t *adv)
{
	if ((unsigned char)s[0] < 0x80) {
		*adv = 1;
		return (unsigned char)s[0];
	}
	return font_utf8(s, n, adv);
}

static void
S_log(struct fonts *fs, uint32_t e)
{
	if (fs->nlog == fs->caplog) {
		fs->caplog = fs->caplog ? fs->caplog * 2 : 256;
		fs->log = xrealloc(fs->log, fs->caplog * sizeof(*fs->log));
	}
	fs->log[fs->nlog++] = e;
}

void
font_use(struct fonts *fs, uint32_t e)
{
	struct font *f = &fs->f[e >> 16];
	uint32_t c = e & 0xFFFF;

	if (f->used != NULL)
		f->used[c >> 3] |= (uint8_t)(1u << (c & 7));
}

void
font_prewarm(struct fonts *fs, uint32_t c)
{
	int i;

	for (i = 0; i < FACE__MAX; i++)
		if (fs->f[i].def != NULL)
			(void)S_adv(&fs->f[i], c);
}

int
font_complete(const struct fonts *fs, enum font_face face, const char *s,
    size_t n)
{
	const struct font *f = &fs->f[face];
	size_t i = 0, adv;
	uint32_t c;

	if (f->def == NULL)
		return 1;
	while (i < n) {
		c = S_next(s + i, n - i, &adv);
		if (c > 0xFFFF || f->seen[c] == 2)
			return 0;
		i += adv;
	}
	return 1;
}

double
font_width(struct fonts *fs, enum font_face face, const char *s, size_t n,
    double size)
{
	struct font *f = &fs->f[face];
	size_t i = 0, adv;
	long sum = 0;
	uint32_t c;

	if (f->def == NULL)
		return 0;
	while (i < n) {
		c = S_next(s + i, n - i, &adv);
		/* a view that logs is a helper thread's (pdf_inline.c): it
		 * only reads the width cache, filled beforehand */
		assert(!fs->logging || f->seen[c > 0xFFFF ? 0xFFFD : c]);
		sum += S_adv(f, c);
		if (c <= 0xFFFF && !(f->used[c >> 3] & (1u << (c & 7)))) {
			f->used[c >> 3] |= (uint8_t)(1u << (c & 7));
			if (fs->logging)
				S_log(fs, (uint32_t)face << 16 | c);
		}
		i += adv;
	}
	return (double)sum * size / 1000.0;
}

/* Appends byte b of a literal string, escaped where it must be. */
static char *
S_lit(char *p, unsigned b)
{
	switch (b) {
	case '(':
	case ')':
	case '\\':
		*p++ = '\\';
		*p++ = (char)b;
		break;
	case '\n':		/* a reader takes any line end for a \n */
		*p++ = '\\';
		*p++ = 'n';
		break;
	case '\r':
		*p++ = '\\';
		*p++ = 'r';
		break;
	default:
		*p++ = (char)b;
		break;
	}
	return p;
}

long
font_codes(struct fonts *fs, enum font_face face, const char *s, size_t n,
    struct buf *out)
{
	struct font *f = &fs->f[face];
	size_t i = 0, adv;
	long sum = 0;
	uint32_t c;
	char *p;

	buf_grow(out, 4 * n + 1);	/* at most two escaped bytes a byte */
	p = out->data + out->len;
	while (i < n) {
		c = S_next(s + i, n - i, &adv);
		if (c > 0xFFFF)
			c = 0xFFFD;	/* as measured: the codes stop at the BMP */
		if (f->def != NULL) {
			sum += S_adv(f, c);
			f->drawn[c >> 3] |= (uint8_t)(1u << (c & 7));
		}
		p = S_lit(p, c >> 8);
		p = S_lit(p, c & 0xFF);
		i += adv;
	}
	out->len = (size_t)(p - out->data);
	*p = '\0';
	return sum;
}

void
fonts_keep_drawn(struct fonts *fs)
{
	HPDF_FontDef def;
	struct font *f;
	unsigned c;
	int i;

	for (i = 0; i < FACE__MAX; i++) {
		f = &fs->f[i];
		if (f->hf == NULL || f->drawn == NULL)
			continue;
		def = ((HPDF_FontAttr)f->hf->attr)->fontdef;
		/* measuring marks a glyph used, as showing text would */
		for (c = S_next_bit(f->drawn, 0); c < 65536;
		    c = S_next_bit(f->drawn, c + 1))
			(void)HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)c);
	}
}

int
font_has(struct fonts *fs, enum font_face face, uint32_t c)
{
	struct font *f = &fs->f[face];

	if (f->def == NULL || c > 0xFFFF)
		return 0;
	assert(!fs->logging || f->seen[c]);	/* as in font_width() */
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

	if (f->def == NULL)
		return;
	while (i < n) {
		c = S_next(s + i, n - i, &adv);
		if (c > 0xFFFF || (S_adv(f, c), f->seen[c] == 2)) {
			for (k = 0; k < fs->nmissing; k++)
				if (fs->missing[k] == c)
					break;
			if (k == fs->nmissing) {
				char ch[8] = { 0 };

				memcpy(ch, s + i, adv < 7 ? adv : 7);
				/* col is where s starts; the character is
				 * i bytes on */
				diag_add(dl, DIAG_GLYPH, file, line,
				    col > 0 ? col + (int)i : col,
				    (unsigned)c, ch, file_base(f->file));
				if (fs->nmissing < 64)
					fs->missing[fs->nmissing++] = c;
			}
		}
		i += adv;
	}
}
