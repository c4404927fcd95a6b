/* pdf_draw — painting pages (see pdf_draw.h). */
#include "pdf_draw.h"
#include "pdf_dump.h"
#include "pdf_tag.h"
#include "buf.h"
#include "chart.h"
#include "file.h"
#include "img.h"
#include "mem.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

HPDF_Binary
draw_text_string(HPDF_Doc pdf, const char *s)
{
	struct buf u = { 0 };
	const char *p;
	size_t n, adv;
	uint32_t c;
	HPDF_Binary bin;

	for (p = s; *p != '\0' && (unsigned char)*p < 0x80; p++)
		;
	if (*p == '\0')
		return NULL;
	buf_put(&u, "\xFE\xFF", 2);
	for (n = strlen(s); n > 0; s += adv, n -= adv) {
		c = font_utf8(s, n, &adv);
		if (c >= 0x10000) {	/* a surrogate pair */
			c -= 0x10000;
			buf_putc(&u, (int)(0xD8 | (c >> 18)));
			buf_putc(&u, (int)((c >> 10) & 0xFF));
			c = 0xDC00 | (c & 0x3FF);
		}
		buf_putc(&u, (int)(c >> 8));
		buf_putc(&u, (int)(c & 0xFF));
	}
	bin = HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)u.data,
	    (HPDF_UINT)u.len);
	buf_free(&u);
	return bin;
}

void
draw_init(struct draw *d, HPDF_Doc pdf, struct fonts *f,
    const struct pdf_style *st, struct diag_list *dl)
{
	memset(d, 0, sizeof(*d));
	d->pdf = pdf;
	d->fonts = f;
	d->st = st;
	d->dl = dl;
	d->number_from = 1;
	d->dump = dump_open();
}

static void	S_zstop(struct zpipe *, struct zip *);

void
draw_free(struct draw *d)
{
	size_t i;

	free(d->pages);
	for (i = 0; i < d->nanchors; i++)
		free(d->akey[i]);
	free(d->akey);
	free(d->apage);
	free(d->ay);
	for (i = 0; i < d->npend; i++)
		free(d->pend[i].target);
	free(d->pend);
	for (i = 0; i < d->nimg; i++)
		free(d->img[i].file);
	/* the layout dump, kept only for a document that was made */
	dump_close(d->dump, !d->failed);
	d->dump = NULL;
	free(d->img);
	/* when draw_finish() was not reached */
	S_zstop(d->zp, &d->z);
	d->zp = NULL;
	buf_free(&d->out);
	buf_free(&d->zout);
	zip_free(&d->z);
}

/*** Content ***/

/* Writes v rounded to dec (0..4) decimals, without trailing zeros, and
 * returns the value written, so relative moves do not drift. */
static double
S_num(struct buf *b, double v, int dec)
{
	static const long long scale[] = { 1, 10, 100, 1000, 10000 };
	long long n = llround(v * (double)scale[dec]);
	unsigned long long u = n < 0 ? (unsigned long long)-n :
	    (unsigned long long)n;
	unsigned long long ip = u / (unsigned long long)scale[dec];
	unsigned long long fp = u % (unsigned long long)scale[dec];
	char tmp[32], *p = tmp + sizeof(tmp);
	int k = dec;

	/* the fraction, trailing zeros dropped */
	while (k > 0 && fp % 10 == 0) {
		fp /= 10;
		k--;
	}
	if (k > 0) {
		while (k-- > 0) {
			*--p = (char)('0' + fp % 10);
			fp /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	if (n < 0)
		*--p = '-';
	buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
	return (double)n / (double)scale[dec];
}

/* Says that a stream written already compressed is: libharu drops the
 * /Filter key of a stream it does not compress itself, and calls this just
 * before the dictionary's ">>". */
static HPDF_STATUS
S_flate_key(HPDF_Dict dict, HPDF_Stream out)
{
	(void)dict;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Deflates d->out into d->zout; 0, or -1 when that fails. */
static int	S_zip(struct zip *, const struct buf *, struct buf *);

static int
S_deflate(struct draw *d)
{
	return S_zip(&d->z, &d->out, &d->zout);
}

/*** Compression ***/

/*
 * Deflating the page contents is a fifth of the work of a long document,
 * and it needs nothing from the layout: from the fifth page on, a second
 * thread compresses each finished page while this one lays out the next.
 * The compressor touches only libdeflate and its own buffers; the bytes
 * go into libharu's streams on this thread, in page order, so the file is
 * the same byte for byte as when this thread compresses alone.
 */
#define ZPIPE_FROM	4	/* pages compressed inline before it starts */
#define ZPIPE_AHEAD	16	/* pages waiting at most */

struct zjob {
	HPDF_PageAttr	 a;
	struct buf	 in, out;
	int		 taken;		/* by either thread */
	int		 done, ok;
};

struct zpipe {
	pthread_t	 t;
	pthread_mutex_t	 lock;
	pthread_cond_t	 work, done;
	struct zjob	**job;
	size_t		 n, cap;
	size_t		 next;		/* the compressor's next job */
	size_t		 written;	/* jobs put into their streams */
	int		 quit;
};

/* Deflates in into out (replacing what it held) with z; 0, or -1 when
 * that fails. */
static int
S_zip(struct zip *z, const struct buf *in, struct buf *out)
{
	buf_reset(out);
	return zip_put(z, ZIP_CONTENT, in->data, in->len, out);
}

static void *
S_zworker(void *arg)
{
	struct zpipe *zp = arg;
	struct zip z = { 0 };
	struct zjob *j;

	pthread_mutex_lock(&zp->lock);
	for (;;) {
		/* skip what the drawing thread took itself (jobs below
		 * written are written and freed already) */
		while (zp->next < zp->n && (zp->next < zp->written ||
		    zp->job[zp->next]->taken))
			zp->next++;
		while (zp->next == zp->n && !zp->quit) {
			pthread_cond_wait(&zp->work, &zp->lock);
			while (zp->next < zp->n && (zp->next < zp->written ||
			    zp->job[zp->next]->taken))
				zp->next++;
		}
		if (zp->next == zp->n)
			break;
		j = zp->job[zp->next];
		j->taken = 1;
		pthread_mutex_unlock(&zp->lock);
		j->ok = S_zip(&z, &j->in, &j->out) == 0;
		pthread_mutex_lock(&zp->lock);
		j->done = 1;
		zp->next++;
		pthread_cond_signal(&zp->done);
	}
	pthread_mutex_unlock(&zp->lock);
	zip_free(&z);
	return NULL;
}

/* Puts bytes (compressed or not) into a page's stream: on this thread,
 * since libharu's memory is not for sharing. */
static void
S_put(HPDF_PageAttr a, const struct buf *b, int compressed)
{
	HPDF_Stream_Write(a->stream, (const HPDF_BYTE *)b->data,
	    (HPDF_UINT)b->len);
	if (compressed) {
		a->contents->filter = HPDF_STREAM_FILTER_NONE;
		a->contents->write_fn = S_flate_key;
	}
}

/* Writes the compressed pages that are done, in order; with wait, all of
 * them, or until no more than ZPIPE_AHEAD wait.  Rather than wait for
 * the compressor, this thread compresses the last page nobody has taken
 * yet itself (with its own stream z: the same level, the same bytes). */
static void
S_zdrain(struct zpipe *zp, int wait_all, struct zip *z)
{
	struct zjob *j, *mine;
	size_t i;

	pthread_mutex_lock(&zp->lock);
	for (;;) {
		if (zp->written == zp->n)
			break;
		j = zp->job[zp->written];
		if (!j->done) {
			if (!wait_all && zp->n - zp->written <= ZPIPE_AHEAD)
				break;
			for (mine = NULL, i = zp->n; i > zp->written; i--)
				if (!zp->job[i - 1]->taken) {
					mine = zp->job[i - 1];
					break;
				}
			if (mine == NULL) {
				pthread_cond_wait(&zp->done, &zp->lock);
				continue;
			}
			mine->taken = 1;
			pthread_mutex_unlock(&zp->lock);
			mine->ok = S_zip(z, &mine->in, &mine->out) == 0;
			pthread_mutex_lock(&zp->lock);
			mine->done = 1;
			continue;
		}
		zp->written++;
		pthread_mutex_unlock(&zp->lock);
		/* a failed deflate leaves the page as it is, uncompressed */
		S_put(j->a, j->ok ? &j->out : &j->in, j->ok);
		buf_free(&j->in);
		buf_free(&j->out);
		free(j);
		pthread_mutex_lock(&zp->lock);
	}
	pthread_mutex_unlock(&zp->lock);
}

static struct zpipe *
S_zstart(void)
{
	struct zpipe *zp = xcalloc(1, sizeof(*zp));

	pthread_mutex_init(&zp->lock, NULL);
	pthread_cond_init(&zp->work, NULL);
	pthread_cond_init(&zp->done, NULL);
	if (pthread_create(&zp->t, NULL, S_zworker, zp) != 0) {
		pthread_cond_destroy(&zp->work);
		pthread_cond_destroy(&zp->done);
		pthread_mutex_destroy(&zp->lock);
		free(zp);
		return NULL;
	}
	return zp;
}

/* Writes what is left, stops the thread and frees the pipe. */
static void
S_zstop(struct zpipe *zp, struct zip *z)
{
	size_t i;

	if (zp == NULL)
		return;
	S_zdrain(zp, 1, z);
	pthread_mutex_lock(&zp->lock);
	zp->quit = 1;
	pthread_cond_signal(&zp->work);
	pthread_mutex_unlock(&zp->lock);
	pthread_join(zp->t, NULL);
	for (i = zp->written; i < zp->n; i++) {
		buf_free(&zp->job[i]->in);
		buf_free(&zp->job[i]->out);
		free(zp->job[i]);
	}
	free(zp->job);
	pthread_cond_destroy(&zp->work);
	pthread_cond_destroy(&zp->done);
	pthread_mutex_destroy(&zp->lock);
	free(zp);
}

/* Hands the page's content to the compressor thread. */
static void
S_zqueue(struct draw *d, HPDF_PageAttr a)
{
	struct zpipe *zp = d->zp;
	struct zjob *j = xcalloc(1, sizeof(*j));

	j->a = a;
	j->in = d->out;		/* the buffer moves to the job */
	memset(&d->out, 0, sizeof(d->out));
	buf_grow(&d->out, j->in.len + j->in.len / 8);
	pthread_mutex_lock(&zp->lock);
	if (zp->n == zp->cap) {
		zp->cap = zp->cap ? zp->cap * 2 : 64;
		zp->job = xrealloc(zp->job, zp->cap * sizeof(*zp->job));
	}
	zp->job[zp->n++] = j;
	pthread_cond_signal(&zp->work);
	pthread_mutex_unlock(&zp->lock);
	S_zdrain(zp, 0, &d->z);
}

/* Puts the page's content into its stream, compressed here when libharu
 * would have compressed it (with zlib at its fixed level, and copying it
 * twice). */
static void
S_flush(struct draw *d)
{
	HPDF_PageAttr a;

	if (d->page == NULL || d->out.len == 0) {
		buf_reset(&d->out);
		return;
	}
	a = (HPDF_PageAttr)d->page->attr;
	if ((a->contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE) &&
	    a->stream->size == 0 && ++d->nflushed > ZPIPE_FROM &&
	    d->st->threads != 1 &&
	    (d->zp != NULL || (d->zp = S_zstart()) != NULL)) {
		S_zqueue(d, a);
		return;
	}
	if ((a->contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE) &&
	    a->stream->size == 0 && S_deflate(d) == 0) {
		HPDF_Stream_Write(a->stream, (const HPDF_BYTE *)d->zout.data,
		    (HPDF_UINT)d->zout.len);
		a->contents->filter = HPDF_STREAM_FILTER_NONE;
		a->contents->write_fn = S_flate_key;
	} else
		HPDF_Stream_Write(a->stream, (const HPDF_BYTE *)d->out.data,
		    (HPDF_UINT)d->out.len);
	buf_reset(&d->out);
}

static void
S_color(struct buf *b, uint32_t c, const char *op)
{
	S_num(b, (double)((c >> 16) & 0xFF) / 255.0, 4);
	buf_putc(b, ' ');
	S_num(b, (double)((c >> 8) & 0xFF) / 255.0, 4);
	buf_putc(b, ' ');
	S_num(b, (double)(c & 0xFF) / 255.0, 4);
	buf_puts(b, op);
}

static void
S_setfill(struct draw *d, uint32_t c)
{
	if (c == d->cfill)
		return;
	S_color(&d->out, c, " rg\n");
	d->cfill = c;
}

/* Inside a text object. */
static void
S_setfont(struct draw *d, enum font_face face, double size)
{
	HPDF_Font hf = d->fonts->f[face].hf;

	if ((int)face == d->cface && size == d->csize)
		return;
	if (d->fname[face] == NULL)
		d->fname[face] = HPDF_Page_GetLocalFontName(d->page, hf);
	buf_putc(&d->out, '/');
	buf_puts(&d->out, d->fname[face] ? d->fname[face] : "F0");
	buf_putc(&d->out, ' ');
	S_num(&d->out, size, 3);
	buf_puts(&d->out, " Tf\n");
	d->cface = (int)face;
	d->csize = size;
}

static void
S_fill(struct draw *d, double x, double y, double w, double h, uint32_t c)
{
	struct buf *b = &d->out;

	dump_rect(d->dump, x, y, w, h, c);
	S_setfill(d, c);
	S_num(b, x, 3);
	buf_putc(b, ' ');
	S_num(b, y, 3);
	buf_putc(b, ' ');
	S_num(b, w, 3);
	buf_putc(b, ' ');
	S_num(b, h, 3);
	buf_puts(b, " re f\n");
}

/* A point of a path: "x y m" or "x y l". */
static void
S_point(struct buf *b, double x, double y, const char *op)
{
	S_num(b, x, 3);
	buf_putc(b, ' ');
	S_num(b, y, 3);
	buf_puts(b, op);
}

/*** libharu errors ***/

const char *
draw_error_words(unsigned long code)
{
	switch (code) {
	case HPDF_STRING_OUT_OF_RANGE:
		return "a text is longer than the PDF library takes (64 KB)";
	case HPDF_FAILD_TO_ALLOC_MEM:
		return "out of memory";
	case HPDF_INVALID_IMAGE:
	case HPDF_INVALID_PNG_IMAGE:
	case HPDF_LIBPNG_ERROR:
	case HPDF_INVALID_JPEG_DATA:
	case HPDF_UNSUPPORTED_JPEG_FORMAT:
	case HPDF_INVALID_COLOR_SPACE:
		return "the PDF library cannot embed this kind of image";
	case HPDF_FILE_IO_ERROR:
	case HPDF_FILE_OPEN_ERROR:
		return "the PDF library cannot read or write a file";
	case HPDF_PAGE_INVALID_SIZE:
	case HPDF_PAGE_OUT_OF_RANGE:
		return "a page or position is outside what a PDF can hold";
	case HPDF_INVALID_FONTDEF_DATA:
	case HPDF_INVALID_FONTDEF_TYPE:
	case HPDF_TTF_INVALID_CMAP:
	case HPDF_TTF_INVALID_FOMAT:
	case HPDF_TTF_MISSING_TABLE:
	case HPDF_UNSUPPORTED_FONT_TYPE:
		return "the PDF library cannot embed the font";
	default:
		return "the PDF library failed (an internal error)";
	}
}

int
draw_check(struct draw *d, const char *src, int line, int col,
    const char *what)
{
	HPDF_STATUS code = HPDF_GetError(d->pdf);

	if (code == HPDF_OK)
		return 0;
	diag_add(d->dl, DIAG_PDF, src, line, col, what,
	    draw_error_words(code));
	HPDF_ResetError(d->pdf);
	d->failed = 1;
	return 1;
}

void
draw_clip_text(struct buf *b, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max) {
		buf_put(b, s, n);
		return;
	}
	/* room for the ellipsis, and not inside a character */
	n = max > 3 ? max - 3 : 0;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	buf_put(b, s, n);
	/* ASCII: the document title is not written as UTF-8 */
	buf_puts(b, "...");
}

/*** Images ***/

/* Pixels per point of the printed size: 300 dpi. */
#define IMG_PPP		(300.0 / 72)

/* Makes the PDF image of a decoded picture: its pixels as they are
 * (deflated by the packer, or by libharu in an untagged PDF: pdf.c), its
 * alpha as a soft mask.  NULL after libharu failed. */
static HPDF_Image
S_embed_raw(struct draw *d, struct img *im)
{
	HPDF_Image h, mask;
	HPDF_ColorSpace cs = im->space == IMG_GRAY ? HPDF_CS_DEVICE_GRAY :
	    im->space == IMG_CMYK ? HPDF_CS_DEVICE_CMYK : HPDF_CS_DEVICE_RGB;
	size_t i, n;

	if (im->space == IMG_CMYK && im->inverted) {
		/* Adobe's inverted CMYK, turned the right way round here
		 * rather than with a Decode array */
		n = (size_t)im->width * im->height * 4;
		for (i = 0; i < n; i++)
			im->pixels[i] = (unsigned char)(255 - im->pixels[i]);
	}
	h = HPDF_LoadRawImageFromMem(d->pdf, im->pixels, im->width,
	    im->height, cs, 8);
	if (h == NULL || im->alpha == NULL)
		return h;
	mask = HPDF_LoadRawImageFromMem(d->pdf, im->alpha, im->width,
	    im->height, HPDF_CS_DEVICE_GRAY, 8);
	if (mask == NULL || HPDF_Image_AddSMask(h, mask) != HPDF_OK)
		return NULL;
	/* soft masks are PDF 1.4 */
	if (d->pdf->pdf_version < HPDF_VER_14)
		d->pdf->pdf_version = HPDF_VER_14;
	return h;
}

/* A JPEG's own bytes, which a full decode has checked: the viewer
 * decodes them.  libharu gives every CMYK JPEG Decode [1 0 1 0 1 0 1 0],
 * right for Adobe's inverted CMYK only: another keeps its values. */
static HPDF_Image
S_embed_jpeg(struct draw *d, const struct img *im, const char *data,
    size_t len)
{
	HPDF_Image h;

	h = HPDF_LoadJpegImageFromMem(d->pdf, (const HPDF_BYTE *)data,
	    (HPDF_UINT)len);
	/* libharu reads the size from the header itself */
	if (h != NULL && (HPDF_Image_GetWidth(h) != im->width ||
	    HPDF_Image_GetHeight(h) != im->height))
		return NULL;
	if (h != NULL && im->space == IMG_CMYK && !im->inverted &&
	    HPDF_Dict_GetItem(h, "Decode", HPDF_OCLASS_ARRAY) != NULL)
		HPDF_Dict_RemoveElement(h, "Decode");
	return h;
}

/* The cache slot of file, made on first use with the picture's size from
 * its header; a file that cannot be read, is of another format or has a
 * damaged header is reported at src:line:col and its slot refused. */
static struct draw_img *
S_slot(struct draw *d, const char *file, const char *name, const char *src,
    int line, int col)
{
	struct draw_img *e;
	struct img im;
	char *data;
	size_t i, len;

	for (i = 0; i < d->nimg; i++)
		if (strcmp(d->img[i].file, file) == 0)
			return &d->img[i];
	d->img = xrealloc(d->img, (d->nimg + 1) * sizeof(*d->img));
	e = &d->img[d->nimg++];
	memset(e, 0, sizeof(*e));
	/* img_clear() below frees what a decode left, or nothing */
	memset(&im, 0, sizeof(im));
	e->file = xstrdup(file);
	/* the path was resolved and checked before (course_asset, the
	 * render's and the logo's checks): a file that cannot be read now
	 * is file_read()'s error */
	if ((data = file_read(file, &len, d->dl)) == NULL) {
		d->failed = 1;
		e->done = 1;
		return e;
	}
	if (img_sniff(data, len) == IMG_UNKNOWN) {
		diag_add(d->dl, DIAG_IMAGE_FORMAT, src, line, col, name);
		e->done = 1;
	} else if (img_decode(data, len, IMG_HEADER, &im) != 0) {
		diag_add(d->dl, DIAG_IMAGE_BAD, src, line, col, name,
		    img_error(&im));
		d->failed = 1;
		e->done = 1;
	} else {
		e->pw = im.width;
		e->ph = im.height;
	}
	img_clear(&im);
	free(data);
	return e;
}

/* Embeds the picture of slot e, at 300 dpi of its widest printed size
 * (its own size when it is not known).  Before libharu sees the bytes
 * they are decoded to the end: a damaged file is an error at its place,
 * never an abort or a broken PDF. */
static void
S_load(struct draw *d, struct draw_img *e, const char *name,
    const char *src, int line, int col)
{
	struct img im;
	struct buf what = { 0 };
	char *data;
	size_t len;
	unsigned want = 0;
	enum img_format f;
	int rc;

	if (e->done)
		return;
	e->done = 1;
	if ((data = file_read(e->file, &len, d->dl)) == NULL) {
		d->failed = 1;
		return;
	}
	f = img_sniff(data, len);
	if (e->maxw > 0)
		want = (unsigned)ceil(e->maxw * IMG_PPP);
	else if (f == IMG_SVG)
		want = (unsigned)ceil(e->pw * 300.0 / 96);
	/* a JPEG small enough keeps its own bytes: checked, not decoded */
	if (f == IMG_JPEG && (want == 0 || e->pw <= want))
		rc = img_decode(data, len, IMG_CHECK, &im);
	else
		rc = img_decode_at(data, len, f == IMG_SVG || e->pw > want ?
		    want : 0, &im);
	if (rc != 0) {
		diag_add(d->dl, DIAG_IMAGE_BAD, src, line, col, name,
		    img_error(&im));
		d->failed = 1;
		free(data);
		return;
	}
	if (im.warn[0] != '\0' && !d->images_checked)
		diag_add(d->dl, DIAG_IMAGE_WARN, src, line, col, name,
		    im.warn);
	e->h = im.pixels == NULL ? S_embed_jpeg(d, &im, data, len) :
	    S_embed_raw(d, &im);
	buf_printf(&what, "the image '%s'", name);
	if (draw_check(d, src, line, col, what.data))
		e->h = NULL;
	else if (e->h == NULL) {
		diag_add(d->dl, DIAG_PDF, src, line, col, what.data,
		    draw_error_words(HPDF_INVALID_IMAGE));
		d->failed = 1;
	}
	buf_free(&what);
	img_clear(&im);
	free(data);
}

/* The PDF image of row r (a figure or logo), loaded when not yet. */
static HPDF_Image
S_image(struct draw *d, const struct pl_row *r)
{
	struct draw_img *e = S_slot(d, r->img, r->img + r->img_name, r->src,
	    r->line, r->col);

	S_load(d, e, r->img + r->img_name, r->src, r->line, r->col);
	return e->h;
}

/* The PDF image of an image run (pl_run: PL_DECO_IMAGE) of row r. */
static HPDF_Image
S_run_image(struct draw *d, const struct pl_row *r, const struct pl_run *run)
{
	struct draw_img *e = S_slot(d, run->text, run->text, r->src, r->line,
	    r->col);

	S_load(d, e, run->text, r->src, r->line, r->col);
	return e->h;
}

void
draw_images(struct draw *d, struct layout *l)
{
	double body_h = d->st->page_h - d->st->margin_top -
	    d->st->margin_bottom, w, h;
	struct draw_img *e;
	size_t i, q;

	/* the sizes first: where each picture is printed largest */
	for (i = 0; i < l->n; i++) {
		struct pl_row *r = &l->rows[i];

		for (q = 0; q < r->nruns; q++)
			if (r->runs[q].strike & PL_DECO_IMAGE) {
				e = S_slot(d, r->runs[q].text, r->runs[q].text,
				    r->src, r->line, r->col);
				if (r->runs[q].w > e->maxw)
					e->maxw = r->runs[q].w;
			}
		if (r->kind != PL_IMAGE || r->img == NULL)
			continue;
		e = S_slot(d, r->img, r->img + r->img_name, r->src, r->line,
		    r->col);
		if (e->pw == 0 || e->ph == 0) {
			r->kind = PL_SPACE;
			r->h = 0;
			continue;
		}
		w = e->pw;
		h = e->ph;
		/* Scaled to the measure, but never taller than 45 % of the
		 * page, so a portrait picture leaves room for its text. */
		r->h = r->img_w * h / w;
		if (r->h > body_h * 0.45) {
			r->h = body_h * 0.45;
			r->img_w = r->h * w / h;
		}
		if (r->img_w > e->maxw)
			e->maxw = r->img_w;
	}
	/* then each embedded once, in the order of the rows */
	for (i = 0; i < l->n; i++) {
		struct pl_row *r = &l->rows[i];

		for (q = 0; q < r->nruns; q++)
			if (r->runs[q].strike & PL_DECO_IMAGE)
				S_run_image(d, r, &r->runs[q]);
		if (r->kind != PL_IMAGE || r->img == NULL)
			continue;
		if (S_image(d, r) == NULL) {
			r->kind = PL_SPACE;
			r->h = 0;
		}
	}
}

/* Paints image im (NULL: nothing) with its bottom left at x, y. */
static void
S_place(struct draw *d, HPDF_Page p, HPDF_Image im, double x, double y,
    double w, double h)
{
	const char *name = im == NULL ? NULL :
	    HPDF_Page_GetXObjectName(p, im);
	size_t i;

	if (name == NULL)
		return;
	for (i = 0; d->dump != NULL && i < d->nimg; i++)
		if (d->img[i].h == im) {
			dump_image(d->dump, x, y, w, h, d->img[i].file);
			break;
		}
	/* what HPDF_Page_DrawImage writes */
	buf_puts(&d->out, "q\n");
	S_num(&d->out, w, 3);
	buf_puts(&d->out, " 0 0 ");
	S_num(&d->out, h, 3);
	buf_putc(&d->out, ' ');
	S_point(&d->out, x, y, " cm\n/");
	buf_puts(&d->out, name);
	buf_puts(&d->out, " Do\nQ\n");
}

static void S_text(struct draw *, enum font_face, double, uint32_t, double,
    double, const char *);

/*** Charts ***/

/* Paints chart geometry with its top left at x, top (PDF coordinates). */
static void
S_chart(struct draw *d, const struct chart_geom *g, double x, double top)
{
	const struct shape *sh;
	double w;
	size_t i;
	int k;

	for (i = 0; i < g->n; i++) {
		sh = &g->s[i];
		switch (sh->type) {
		case SHAPE_POLY:
			dump_path(d->dump, sh->fill, sh->pt, sh->npt, x, top);
			S_setfill(d, sh->fill);
			S_point(&d->out, x + sh->pt[0], top - sh->pt[1], " m\n");
			for (k = 1; k < sh->npt; k++)
				S_point(&d->out, x + sh->pt[2 * k],
				    top - sh->pt[2 * k + 1], " l\n");
			buf_puts(&d->out, "h f\n");
			break;
		case SHAPE_LINE:
			dump_path(d->dump, sh->fill, sh->pt, 2, x, top);
			S_color(&d->out, sh->fill, " RG\n");
			S_num(&d->out, CHART_LINE_WIDTH, 3);
			buf_puts(&d->out, " w\n");
			S_point(&d->out, x + sh->pt[0], top - sh->pt[1], " m\n");
			S_point(&d->out, x + sh->pt[2], top - sh->pt[3], " l\n");
			buf_puts(&d->out, "S\n");
			break;
		case SHAPE_TEXT:
			if (sh->text == NULL)
				break;
			w = font_width(d->fonts, sh->bold ? FACE_SANS_BOLD :
			    FACE_REGULAR, sh->text, strlen(sh->text),
			    sh->size);
			S_text(d, sh->bold ? FACE_SANS_BOLD : FACE_REGULAR,
			    sh->size, sh->fill, x + sh->x - (sh->anchor == 1 ?
			    w / 2 : sh->anchor == 2 ? w : 0), top - sh->y,
			    sh->text);
			break;
		}
	}
}

/*** Pages ***/

/* A destination at height y that keeps the reader's zoom: libharu's
 * SetXYZ insists on a zoom factor, but /XYZ left top null is what a
 * textbook link wants, so the array is written here. */
static HPDF_Destination
S_dest(HPDF_Page page, double y)
{
	HPDF_Destination dst = HPDF_Page_CreateDestination(page);

	if (dst == NULL)
		return NULL;
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, page);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_Add(dst, HPDF_Null_New(dst->mmgr));
	HPDF_Array_AddReal(dst, (HPDF_REAL)y);
	HPDF_Array_Add(dst, HPDF_Null_New(dst->mmgr));
	return dst;
}

static void
S_anchor(struct draw *d, const char *key, size_t page, double y)
{
	if (d->nanchors == d->acap) {
		d->acap = d->acap ? d->acap * 2 : 256;
		d->akey = xrealloc(d->akey, d->acap * sizeof(*d->akey));
		d->apage = xrealloc(d->apage, d->acap * sizeof(*d->apage));
		d->ay = xrealloc(d->ay, d->acap * sizeof(*d->ay));
	}
	d->akey[d->nanchors] = xstrdup(key);
	d->apage[d->nanchors] = page;
	d->ay[d->nanchors] = y;
	d->nanchors++;
}

static void
S_link(struct draw *d, size_t page, double x, double y, double w, double h,
    const char *target, const struct pl_row *row, int el)
{
	struct pending *p;

	if (d->npend == d->pcap) {
		d->pcap = d->pcap ? d->pcap * 2 : 256;
		d->pend = xrealloc(d->pend, d->pcap * sizeof(*d->pend));
	}
	dump_link(d->dump, x, y, w, h, target);
	/* tagged: the next word of a Link on the same line widens its
	 * annotation (one /OBJR, not one a word) */
	if (el >= 0 && d->npend > 0) {
		p = &d->pend[d->npend - 1];
		if (p->tag_el == el && p->page == page &&
		    p->rect.bottom == (HPDF_REAL)y &&
		    p->rect.top == (HPDF_REAL)(y + h) &&
		    p->rect.right <= (HPDF_REAL)(x + w) &&
		    strcmp(p->target, target) == 0) {
			p->rect.right = (HPDF_REAL)(x + w);
			return;
		}
	}
	p = &d->pend[d->npend++];
	p->page = page;
	p->rect.left = (HPDF_REAL)x;
	p->rect.bottom = (HPDF_REAL)y;
	p->rect.right = (HPDF_REAL)(x + w);
	p->rect.top = (HPDF_REAL)(y + h);
	p->target = xstrdup(target);
	p->src = row->src;
	p->line = row->line;
	p->col = row->col;
	p->tag_el = el;
}

/* One line of text in one face, size and colour at x, y. */
static void
S_text(struct draw *d, enum font_face face, double size, uint32_t color,
    double x, double y, const char *s)
{
	struct buf *b = &d->out;

	if (d->fonts->f[face].hf == NULL || s[0] == '\0')
		return;
	dump_text(d->dump, face, size, color, x, y, s, strlen(s));
	buf_puts(b, "BT\n");
	S_setfont(d, face, size);
	S_setfill(d, color);
	S_point(b, x, y, " Td\n(");
	font_codes(d->fonts, face, s, strlen(s), b);
	buf_puts(b, ")Tj\nET\n");
}

/* How far a run's baseline is raised (lowered when negative): a
 * superscript by 0.33 of the text size, a subscript by 0.15 (the run's
 * size is already the smaller one). */
static double
S_rise(const struct pl_run *run)
{
	if (run->strike & PL_DECO_SUP)
		return run->size / PL_SCRIPT_SIZE * 0.33;
	if (run->strike & PL_DECO_SUB)
		return -run->size / PL_SCRIPT_SIZE * 0.15;
	return 0;
}

/* The text of a row: runs that share face, size, colour and baseline in
 * one TJ, the space between words as the array's displacements (word
 * spacing, Tw, does not apply to two-byte codes). */
/* Tagged: whether a space belongs between runs a and b of a line (they
 * stand apart and neither brings one), so that copied and read text has
 * its words apart; b NULL is the end of the line. */
static int
S_space(const struct draw *d, const struct pl_row *r, const struct pl_run *a,
    const struct pl_run *b)
{
	if (d->tag == NULL || a->len == 0 || a->text[a->len - 1] == ' ')
		return 0;
	if (b == NULL)
		return !r->hyphen && !(a->strike & PL_DECO_BREAK);
	/* the next line of a table cell: apart, unless broken at a hyphen */
	if (b->dy != a->dy)
		return !(a->strike & PL_DECO_BREAK);
	return b->len > 0 && b->text[0] != ' ' &&
	    b->x > a->x + a->w + a->size * 0.05;
}

/* Tagged: whether run ends in the hyphen its line's break added, which is
 * drawn apart as an artifact (1), or not (0). */
static int
S_hy(const struct draw *d, const struct pl_run *run)
{
	return d->tag != NULL && (run->strike & PL_DECO_HYPHEN) &&
	    run->len > 0 && run->text[run->len - 1] == '-';
}

/* Tagged: the hyphen after the text ox + u (1/1000 em of size from ox),
 * on oy, as an /Artifact of its own: a reader that follows the tags gets
 * "verkoopplan", while the page and pdftotext show what they did.  Marked
 * content does not cross a text object, hence ET and BT around it. */
static void
S_hyphen(struct draw *d, const struct pl_run *run, double ox, double oy,
    double u)
{
	struct buf *b = &d->out;

	buf_puts(b, "ET\n");
	tag_hyphen(d->tag, b);
	buf_puts(b, "BT\n");
	S_num(b, ox + u * run->size / 1000.0, 3);
	buf_putc(b, ' ');
	S_num(b, oy, 3);
	buf_puts(b, " Td\n[(");
	font_codes(d->fonts, run->face, "-", 1, b);
	buf_puts(b, ")]TJ\nET\n");
	tag_hyphen_end(d->tag, b);
	buf_puts(b, "BT\n");
}

/* Runs [from, to) of r; the line goes on to run end (a run after to
 * that is drawn on its own, as a link, still follows without a gap). */
static void
S_runs(struct draw *d, const struct pl_row *r, double base, size_t from,
    size_t to, size_t end)
{
	struct buf *b = &d->out;
	const struct pl_run *pv, *nt;
	double ox = 0, oy = 0, u, t, a;
	size_t q, k, j;
	int cell = 0;

	buf_puts(b, "BT\n");
	for (q = from; q < to; q = k) {
		const struct pl_run *run = &r->runs[q];

		if (run->len == 0 || run->size <= 0 ||
		    (run->strike & PL_DECO_IMAGE) ||
		    d->fonts->f[run->face].hf == NULL) {
			k = q + 1;
			continue;
		}
		if (d->tag != NULL && PL_CELL(run) != cell) {
			/* a table cell's text is its TH or TD's */
			cell = PL_CELL(run);
			buf_puts(b, "ET\n");
			tag_cell(d->tag, cell, b);
			buf_puts(b, "BT\n");
			ox = oy = 0;
		}
		dump_text(d->dump, run->face, run->size, run->color, run->x,
		    base - run->dy + S_rise(run), run->text, run->len);
		S_setfont(d, run->face, run->size);
		S_setfill(d, run->color);
		/* a move from the last line origin; ox, oy what it became */
		ox += S_num(b, run->x - ox, 3);
		buf_putc(b, ' ');
		oy += S_num(b, base - run->dy + S_rise(run) - oy, 3);
		buf_puts(b, " Td\n[(");
		/* u: where the text stands, in 1/1000 em from ox, as the
		 * viewer computes it from the widths and displacements */
		u = (double)font_codes(d->fonts, run->face, run->text, run->len -
		    (size_t)S_hy(d, run), b);
		pv = run;
		for (k = q + 1; k < to; k++) {
			const struct pl_run *nx = &r->runs[k];

			if ((nx->strike & PL_DECO_IMAGE) ||
			    nx->face != run->face || nx->size != run->size ||
			    nx->color != run->color || nx->dy != run->dy ||
			    S_rise(nx) != S_rise(run) || S_hy(d, pv) ||
			    (d->tag != NULL && PL_CELL(nx) != cell))
				break;
			if (nx->len == 0)
				continue;
			dump_text(d->dump, nx->face, nx->size, nx->color, nx->x,
			    base - nx->dy + S_rise(nx), nx->text, nx->len);
			t = (nx->x - ox) * 1000.0 / run->size;
			/* a real space, its width taken back by the
			 * displacement: the line looks the same */
			if (S_space(d, r, pv, nx))
				u += (double)font_codes(d->fonts, run->face,
				    " ", 1, b);
			pv = nx;
			buf_putc(b, ')');
			a = S_num(b, u - t, 1);
			u -= a;
			buf_putc(b, '(');
			u += (double)font_codes(d->fonts, nx->face, nx->text,
			    nx->len - (size_t)S_hy(d, nx), b);
		}
		/* the next text run, or none: the line's end */
		for (nt = NULL, j = k; j < end && nt == NULL; j++)
			if (r->runs[j].len > 0 &&
			    !(r->runs[j].strike & PL_DECO_IMAGE))
				nt = &r->runs[j];
		if (!S_hy(d, pv) && S_space(d, r, pv, nt))
			font_codes(d->fonts, run->face, " ", 1, b);
		buf_puts(b, ")]TJ\n");
		if (S_hy(d, pv)) {
			S_hyphen(d, pv, ox, oy, u);
			ox = oy = 0;
		}
	}
	buf_puts(b, "ET\n");
}

/* Running head and folio. */
static void
S_furniture(struct draw *d, const char *head, int folio, int number)
{
	const struct pdf_style *st = d->st;
	char num[32];
	double w, y;

	if (head != NULL && head[0] != '\0') {
		y = st->page_h - st->margin_top + 14;
		S_text(d, FACE_ITALIC, 8.5, PL_COLOR(0x5b, 0x66, 0x75),
		    st->margin_left, y, head);
		S_fill(d, st->margin_left, y - 4, st->page_w -
		    st->margin_left - st->margin_right, 0.4,
		    PL_COLOR(0xb8, 0xc0, 0xca));
	}
	if (folio) {
		snprintf(num, sizeof(num), "%d", number);
		w = font_width(d->fonts, FACE_REGULAR, num, strlen(num), 9);
		S_text(d, FACE_REGULAR, 9, PL_COLOR(0x1d, 0x23, 0x2b),
		    (st->page_w - w) / 2, st->margin_bottom - 24, num);
	}
	/* right-aligned on the folio's line, where the letter layout's
	 * footer can take it over (the template has it as vingerafdruk) */
	if (d->mark != NULL && d->mark[0] != '\0') {
		w = font_width(d->fonts, FACE_REGULAR, d->mark,
		    strlen(d->mark), 6.5);
		S_text(d, FACE_REGULAR, 6.5, PL_COLOR(0x5b, 0x66, 0x75),
		    st->page_w - st->margin_right - w, st->margin_bottom - 24,
		    d->mark);
	}
}

/* The furniture of a letter's page pno of total (see struct draw_letter). */
static void
S_letter(struct draw *d, size_t pno, size_t total)
{
	const struct draw_letter *lt = d->letter;
	const struct pdf_style *st = d->st;
	const uint32_t ink = PL_COLOR(0x1d, 0x23, 0x2b);
	const uint32_t muted = PL_COLOR(0x5b, 0x66, 0x75);
	struct buf t = { 0 };
	const char *s, *e;
	double y, w, size, measure = st->page_w - st->margin_left -
	    st->margin_right;
	int first;

	if (pno == 0 && lt->letterhead != NULL) {
		/* the seller's name large in the brand colour, the
		 * contact lines small under it, from the top margin */
		y = st->page_h - st->margin_top - 14;
		for (s = lt->letterhead, first = 1; *s != '\0'; s = e) {
			e = s + strcspn(s, "\n");
			buf_reset(&t);
			buf_put(&t, s, (size_t)(e - s));
			S_text(d, first ? FACE_SANS_BOLD : FACE_REGULAR,
			    first ? 15 : 8.5, first ? lt->accent : muted,
			    st->margin_left, y, buf_cstr(&t));
			y -= first ? 14 : 11;
			first = 0;
			if (*e == '\n')
				e++;
		}
	}
	if (pno == 0 && lt->window != NULL) {
		/* the address where the envelope's window shows it: the
		 * first baseline a line below the window's top edge */
		size_t k = 0;

		y = st->page_h - lt->wy - lt->wsize * 1.4;
		for (s = lt->window; *s != '\0' && k++ < lt->wlines; s = e) {
			e = s + strcspn(s, "\n");
			buf_reset(&t);
			buf_put(&t, s, (size_t)(e - s));
			S_text(d, FACE_REGULAR, lt->wsize, ink, lt->wx, y,
			    buf_cstr(&t));
			y -= lt->wlead;
			if (*e == '\n')
				e++;
		}
	}
	if (pno > 0 && lt->head != NULL && lt->head[0] != '\0') {
		y = st->page_h - st->margin_top + 14;
		S_text(d, FACE_ITALIC, 8.5, muted, st->margin_left, y,
		    lt->head);
		S_fill(d, st->margin_left, y - 4, measure, 0.4,
		    PL_COLOR(0xb8, 0xc0, 0xca));
	}
	/* "2 van 3": the total is known, the pages were cut before */
	buf_reset(&t);
	buf_printf(&t, lt->en ? "Page %zu of %zu" : "%zu van %zu", pno + 1,
	    total);
	w = font_width(d->fonts, FACE_REGULAR, t.data, t.len, 8.5);
	S_text(d, FACE_REGULAR, 8.5, ink, st->page_w - st->margin_right - w,
	    st->margin_bottom - 16, t.data);
	/* the offer's fingerprint opposite the page number, small: salesgen
	 * verify and a reader comparing two copies find it on every page */
	if (d->mark != NULL && d->mark[0] != '\0')
		S_text(d, FACE_REGULAR, 6.5, muted, st->margin_left,
		    st->margin_bottom - 16, d->mark);
	if (lt->foot != NULL && lt->foot[0] != '\0') {
		/* one line, never broken: smaller until it fits */
		size = 7.5;
		w = font_width(d->fonts, FACE_REGULAR, lt->foot,
		    strlen(lt->foot), size);
		if (w > measure) {
			size *= measure / w;
			w = measure;
		}
		S_fill(d, st->margin_left, st->margin_bottom - 24, measure,
		    0.4, PL_COLOR(0xb8, 0xc0, 0xca));
		S_text(d, FACE_REGULAR, size, muted, (st->page_w - w) / 2,
		    st->margin_bottom - 34, lt->foot);
	}
	buf_free(&t);
}

/* The images, rules (strike, underline) and link areas of runs
 * [from, to) of row r drawn at ry on page p (number pno); el: the Link
 * element their links belong to, or -1. */
static void
S_marks(struct draw *d, const struct layout *l, const struct pl_row *r,
    HPDF_Page p, size_t pno, double ry, size_t from, size_t to, int el)
{
	size_t q;

	for (q = from; q < to; q++) {
		const struct pl_run *run = &r->runs[q];
		double by = ry - r->base - run->dy + S_rise(run);

		/* a cell's picture or rule is its cell's, unless the
		 * picture is a Figure of its own (tag_runs()) */
		if (d->tag != NULL && (run->strike & (PL_DECO_IMAGE |
		    PL_DECO_STRIKE | PL_DECO_UNDER)) &&
		    tag_run_el(l->tag, (size_t)(r - l->rows), q) < 0)
			tag_cell(d->tag, PL_CELL(run), &d->out);
		else if (d->tag != NULL && (run->strike & PL_DECO_IMAGE))
			tag_resume(d->tag, tag_run_el(l->tag,
			    (size_t)(r - l->rows), q), &d->out);
		if (run->strike & PL_DECO_IMAGE) {
			S_place(d, p, S_run_image(d, r, run), run->x, by,
			    run->w, run->size);
			if (run->link >= 0 && (size_t)run->link < l->nlinks)
				S_link(d, pno, run->x, by, run->w, run->size,
				    l->links[run->link], r, el);
			continue;
		}
		if (run->strike & PL_DECO_STRIKE)
			S_fill(d, run->x, by + run->size * 0.28, run->w,
			    run->size * 0.05, run->color);
		if (run->strike & PL_DECO_UNDER)
			S_fill(d, run->x, by - run->size * 0.12, run->w,
			    run->size * 0.05, run->color);
		if (run->link >= 0 && (size_t)run->link < l->nlinks)
			S_link(d, pno, run->x, by - run->size * 0.25, run->w,
			    run->size * 1.05, l->links[run->link], r, el);
	}
}

/* A run's link, -1 none. */
static int
S_run_link(const struct layout *l, const struct pl_run *run)
{
	return run->link >= 0 && (size_t)run->link < l->nlinks ? run->link :
	    -1;
}

static int
S_among(const size_t *v, size_t n, size_t x)
{
	while (n-- > 0)
		if (v[n] == x)
			return 1;
	return 0;
}

/* The text of row in a tagged PDF, in the order the untagged one has:
 * the runs in groups, each link's in a Link element of its own, a list
 * item's label (the row's last runs) in a Lbl (the tree reads it before
 * the item), runs with an element of their own (tag_runs()) in it, the
 * others in the row's element; then the images, rules and link areas,
 * each group's in its element again.  *last is the link the previous
 * group was (-1 none): a link that goes on over a line break is one
 * Link. */
static void
S_runs_tagged(struct draw *d, const struct layout *l, size_t row,
    HPDF_Page p, size_t pno, double ry, int rep, int *last)
{
	const struct pl_row *r = &l->rows[row];
	struct { size_t from, to; int el, lk; } g0[16], *g = g0;
	size_t q, j, i, n = 0, ng = 0, end = r->nruns;
	size_t lab[8];
	long lr;
	int lk, el, own, marks;

	for (i = 0; n < 8 && (lr = tag_label_run(d->tag, l->tag, row, i,
	    rep, NULL)) >= 0; i++)
		if ((size_t)lr < r->nruns) {
			lab[n++] = (size_t)lr;
			/* the line's text ends before its labels */
			if ((size_t)lr < end)
				end = (size_t)lr;
		}
	if (r->nruns > 16)
		g = xmalloc(r->nruns * sizeof(*g));
	for (q = 0; q < r->nruns; q = j) {
		for (i = 0; i < n && lab[i] != q; i++)
			;
		if (i < n) {
			tag_label_run(d->tag, l->tag, row, i, rep, &d->out);
			S_runs(d, r, ry - r->base, q, q + 1, q + 1);
			j = q + 1;
			continue;
		}
		lk = S_run_link(l, &r->runs[q]);
		own = tag_run_el(l->tag, row, q);
		for (j = q + 1; j < r->nruns && !S_among(lab, n, j) &&
		    S_run_link(l, &r->runs[j]) == lk &&
		    tag_run_el(l->tag, row, j) == own; j++)
			;
		el = lk >= 0 ? tag_link(d->tag, l->tag, row, q, lk,
		    *last == lk, rep, &d->out) : -1;
		/* a picture's own element is opened here too, empty: its
		 * first marked content puts it in reading order (S_key) */
		if (el < 0 && own >= 0 && !rep)
			tag_resume(d->tag, el = own, &d->out);
		else if (el < 0)
			tag_row(d->tag, l->tag, row, rep, &d->out);
		S_runs(d, r, ry - r->base, q, j, end);
		g[ng].from = q;
		g[ng].to = j;
		g[ng].el = el;
		g[ng++].lk = lk;
		*last = lk;
	}
	for (i = 0; i < ng; i++) {
		for (marks = 0, q = g[i].from; q < g[i].to; q++)
			if (r->runs[q].strike & (PL_DECO_IMAGE |
			    PL_DECO_STRIKE | PL_DECO_UNDER))
				marks = 1;
		/* a link's area draws nothing: no marked content for it */
		if (marks && g[i].el >= 0)
			tag_resume(d->tag, g[i].el, &d->out);
		else if (marks)
			tag_row(d->tag, l->tag, row, rep, &d->out);
		S_marks(d, l, r, p, pno, ry, g[i].from, g[i].to, g[i].el);
	}
	if (g != g0)
		free(g);
}

void
draw_pages(struct draw *d, const struct layout *l, const struct pages *ps,
    const char *const *heads, size_t nheads, int folio)
{
	const struct pdf_style *st = d->st;
	double top = st->page_h - st->margin_top, y0, y1;
	size_t i, k, j, q, seen = 0;
	HPDF_Page p;
	int rep, lastlink = -1;

	for (i = 0; i < ps->n; i++) {
		const struct pg_page *pg = &ps->p[i];
		const struct pl_row *first = &l->rows[pg->e[0].row];
		const char *head = NULL;
		size_t pno;

		/* a part's page opens with its drop: its title decides */
		for (k = 0; first->kind == PL_SPACE && k + 1 < pg->n; )
			first = &l->rows[pg->e[++k].row];

		if ((p = HPDF_AddPage(d->pdf)) == NULL)
			return;		/* the error handler reported it */
		HPDF_Page_SetWidth(p, (HPDF_REAL)st->page_w);
		HPDF_Page_SetHeight(p, (HPDF_REAL)st->page_h);
		dump_page(d->dump, st->page_w, st->page_h);
		d->pages = xrealloc(d->pages, (d->npages + 1) *
		    sizeof(*d->pages));
		pno = d->npages;
		d->pages[d->npages++] = p;
		d->page = p;
		memset(d->fname, 0, sizeof(d->fname));
		d->cface = -1;
		d->csize = 0;
		d->cfill = PL_NONE;
		if (d->tag != NULL)
			tag_page(d->tag, p);

		/* Box grounds first: one rectangle per run of rows that
		 * share a box on this page. */
		for (k = 0; k < pg->n; k = j) {
			const struct pl_row *r = &l->rows[pg->e[k].row];

			for (j = k + 1; j < pg->n && r->box != 0 &&
			    l->rows[pg->e[j].row].box == r->box; j++)
				;
			if (r->box == 0)
				continue;
			{
				const struct pl_row *last =
				    &l->rows[pg->e[j - 1].row];

				y0 = top - pg->e[k].y;
				y1 = top - pg->e[j - 1].y - last->h;
				if (d->tag != NULL)
					tag_artifact(d->tag, &d->out,
					    "Layout");
				if (r->box_fill != PL_NONE)
					S_fill(d, r->box_x, y1, r->box_w,
					    y0 - y1, r->box_fill);
				if (r->box_bar != PL_NONE)
					S_fill(d, r->box_x, y1, 3, y0 - y1,
					    r->box_bar);
			}
		}
		for (k = 0; k < pg->n; k++) {
			const struct pl_row *r = &l->rows[pg->e[k].row];
			double ry = top - pg->e[k].y;

			/* a row seen before is a table's header again; its
			 * text is tagged by S_runs_tagged() */
			rep = pg->e[k].row < seen;
			if (d->tag != NULL && (r->nrects > 0 ||
			    r->kind == PL_IMAGE || r->kind == PL_CHART))
				tag_row(d->tag, l->tag, pg->e[k].row, rep,
				    &d->out);
			if (pg->e[k].row >= seen)
				seen = pg->e[k].row + 1;
			for (q = 0; q < r->nrects; q++)
				S_fill(d, r->rects[q].x, ry - r->rects[q].y -
				    r->rects[q].h, r->rects[q].w,
				    r->rects[q].h, r->rects[q].fill);
			if (r->kind == PL_IMAGE && r->img != NULL)
				S_place(d, p, S_image(d, r), r->box_x,
				    ry - r->h, r->img_w, r->h);
			if (r->kind == PL_CHART && r->chart != NULL)
				S_chart(d, r->chart, r->box_x, ry);
			if (r->anchor != NULL)
				S_anchor(d, r->anchor, pno, ry);
			if (r->outline > 0 && r->otitle != NULL) {
				HPDF_Outline parent = r->outline == 1 ? NULL :
				    d->olevel[r->outline - 1];
				HPDF_Outline o;
				HPDF_Destination dst;
				struct buf ot = { 0 };

				if (parent == NULL && r->outline > 1)
					parent = d->olevel[1];
				draw_clip_text(&ot, r->otitle, DRAW_TEXT_MAX);
				o = HPDF_CreateOutline(d->pdf, parent,
				    buf_cstr(&ot), HPDF_GetEncoder(d->pdf,
				    "UTF-8"));
				if (draw_check(d, r->src, r->line, r->col,
				    "the bookmark"))
					o = NULL;
				if (o != NULL) {
					HPDF_Binary t = draw_text_string(
					    d->pdf, buf_cstr(&ot));

					/* libharu's title loses what
					 * lies beyond the BMP */
					if (t != NULL)
						HPDF_Dict_Add(o, "Title", t);
					dst = S_dest(p, ry + 4);
					HPDF_Outline_SetDestination(o, dst);
					HPDF_Outline_SetOpened(o, HPDF_FALSE);
					d->olevel[r->outline] = o;
					if (r->outline < 3)
						d->olevel[r->outline + 1] = NULL;
				}
				buf_free(&ot);
			}
			if (r->nruns == 0)
				continue;
			if (d->tag != NULL) {
				S_runs_tagged(d, l, pg->e[k].row, p, pno, ry,
				    rep, &lastlink);
				continue;
			}
			S_runs(d, r, ry - r->base, 0, r->nruns, r->nruns);
			S_marks(d, l, r, p, pno, ry, 0, r->nruns, -1);
		}
		if (first->outline != 1 && heads != NULL && first->chapter > 0 &&
		    (size_t)first->chapter <= nheads)
			head = heads[first->chapter - 1];
		if (d->tag != NULL)
			tag_artifact(d->tag, &d->out, "Pagination");
		if (d->letter != NULL)
			S_letter(d, pno, ps->n);
		else
			S_furniture(d, head, folio, d->number_from + (int)pno);
		if (d->tag != NULL)
			tag_artifact_end(d->tag, &d->out);
		S_flush(d);
		/* what failed on this page without a check of its own */
		draw_check(d, first->src, first->line, first->col,
		    "the page");
	}
	d->page = NULL;
}

void
draw_finish(struct draw *d)
{
	HPDF_Annotation a;
	HPDF_Destination dst;
	size_t i, k;
	const char *t;

	S_zstop(d->zp, &d->z);
	d->zp = NULL;
	fonts_keep_drawn(d->fonts);
	for (i = 0; i < d->npend; i++) {
		struct pending *p = &d->pend[i];
		HPDF_Page pg = d->pages[p->page];

		t = p->target;
		if (t[0] == '#') {
			/* "#slug#id": a bare "#slug#" is the chapter start */
			for (k = 0; k < d->nanchors; k++)
				if (strcmp(d->akey[k], t + 1) == 0)
					break;
			if (k == d->nanchors && t[strlen(t) - 1] == '#') {
				size_t n = strlen(t + 1);

				for (k = 0; k < d->nanchors; k++)
					if (strncmp(d->akey[k], t + 1, n) == 0)
						break;
			}
			if (k == d->nanchors)
				continue;	/* the target is not in this PDF */
			dst = S_dest(d->pages[d->apage[k]], d->ay[k] + 4);
			a = HPDF_Page_CreateLinkAnnot(pg, p->rect, dst);
			tag_annot(d->tag, d->pdf, p->tag_el, a, NULL,
			    d->number_from + (long)d->apage[k]);
		} else {
			a = HPDF_Page_CreateURILinkAnnot(pg, p->rect, t);
			tag_annot(d->tag, d->pdf, p->tag_el, a, t, 0);
		}
		if (a != NULL)
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		draw_check(d, p->src, p->line, p->col, "the link");
	}
}
