/*
 * img_gif — GIF decoding with giflib (see img.h).
 *
 * Only the first frame is read (an animation shows its first picture, as
 * a printed page can), record by record rather than with DGifSlurp(),
 * which would take memory for every frame before any size is checked.
 * The picture is the logical screen: the frame's pixels where it lies,
 * transparent elsewhere; the graphic control block's transparent index
 * becomes alpha.  Interlaced rows are put in their places here.
 */
#include "img.h"

#include <stdlib.h>
#include <string.h>

#include <gif_lib.h>

struct src {
	const unsigned char	*p;
	size_t			 len, off;
};

static int
S_read(GifFileType *gif, GifByteType *out, int n)
{
	struct src *s = gif->UserData;
	size_t k = n < 0 ? 0 : (size_t)n;

	if (k > s->len - s->off)
		k = s->len - s->off;
	memcpy(out, s->p + s->off, k);
	s->off += k;
	return (int)k;
}

/* giflib's error codes in plain words. */
static int
S_fail(struct img *im, int code)
{
	switch (code) {
	case D_GIF_ERR_READ_FAILED:
	case D_GIF_ERR_EOF_TOO_SOON:
		return img_fail(im, "the file ends early (it is cut short)");
	case D_GIF_ERR_NOT_GIF_FILE:
		return img_fail(im, "it is not a valid GIF file");
	case D_GIF_ERR_NO_SCRN_DSCR:
	case D_GIF_ERR_NO_IMAG_DSCR:
	case D_GIF_ERR_WRONG_RECORD:
		return img_fail(im, "its structure is damaged (%s)",
		    GifErrorString(code));
	case D_GIF_ERR_NO_COLOR_MAP:
		return img_fail(im, "it has no colour table");
	case D_GIF_ERR_NOT_ENOUGH_MEM:
		return img_fail(im, "out of memory");
	case D_GIF_ERR_DATA_TOO_BIG:
	case D_GIF_ERR_IMAGE_DEFECT:
		return img_fail(im, "the picture data is damaged (%s)",
		    GifErrorString(code));
	default:
		return img_fail(im, "it cannot be decoded (%s)",
		    GifErrorString(code) ? GifErrorString(code) : "giflib");
	}
}

/* The rows of an interlaced frame come in four passes. */
static int
S_row(int y, int h)
{
	static const int start[] = { 0, 4, 2, 1 }, step[] = { 8, 8, 4, 2 };
	int pass, n;

	for (pass = 0; pass < 4; pass++) {
		n = start[pass] >= h ? 0 :
		    (h - start[pass] + step[pass] - 1) / step[pass];
		if (y < n)
			return start[pass] + y * step[pass];
		y -= n;
	}
	return 0;
}

int
img_gif_decode(const unsigned char *data, size_t len, unsigned flags,
    struct img *im)
{
	struct src s = { data, len, 0 };
	GifFileType *gif;
	GifRecordType rt;
	GifByteType *ext;
	GraphicsControlBlock gcb;
	ColorMapObject *map;
	GifPixelType *line = NULL;
	unsigned char *px;
	int err = 0, code, trans = NO_TRANSPARENT_COLOR, rc = -1, done = 0;
	int fx, fy, fw, fh, y, x, row, opaque = 1;
	size_t n;

	if ((gif = DGifOpen(&s, S_read, &err)) == NULL)
		return S_fail(im, err);
	if (img_check_size(im, (unsigned long)gif->SWidth,
	    (unsigned long)gif->SHeight) != 0)
		goto out;
	im->width = (unsigned)gif->SWidth;
	im->height = (unsigned)gif->SHeight;
	im->space = IMG_RGB;
	im->bits = 8;
	if (flags & IMG_HEADER) {
		rc = 0;
		goto out;
	}
	while (!done) {
		if (DGifGetRecordType(gif, &rt) == GIF_ERROR) {
			S_fail(im, gif->Error);
			goto out;
		}
		switch (rt) {
		case EXTENSION_RECORD_TYPE:
			if (DGifGetExtension(gif, &code, &ext) == GIF_ERROR) {
				S_fail(im, gif->Error);
				goto out;
			}
			if (code == GRAPHICS_EXT_FUNC_CODE && ext != NULL &&
			    DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
				trans = gcb.TransparentColor;
			while (ext != NULL)
				if (DGifGetExtensionNext(gif, &ext) ==
				    GIF_ERROR) {
					S_fail(im, gif->Error);
					goto out;
				}
			break;
		case IMAGE_DESC_RECORD_TYPE:
			done = 1;
			break;
		case TERMINATE_RECORD_TYPE:
			img_fail(im, "it holds no picture");
			goto out;
		default:
			break;
		}
	}
	if (DGifGetImageDesc(gif) == GIF_ERROR) {
		S_fail(im, gif->Error);
		goto out;
	}
	fx = gif->Image.Left;
	fy = gif->Image.Top;
	fw = gif->Image.Width;
	fh = gif->Image.Height;
	map = gif->Image.ColorMap ? gif->Image.ColorMap : gif->SColorMap;
	if (map == NULL) {
		img_fail(im, "it has no colour table");
		goto out;
	}
	/* a frame larger than the screen is checked like a picture */
	if (img_check_size(im, (unsigned long)fw, (unsigned long)fh) != 0)
		goto out;
	n = (size_t)im->width * im->height;
	if ((line = malloc((size_t)fw)) == NULL ||
	    (im->pixels = calloc(n, 3)) == NULL ||
	    (im->alpha = calloc(n, 1)) == NULL) {
		img_fail(im, "out of memory");
		goto out;
	}
	for (y = 0; y < fh; y++) {
		if (DGifGetLine(gif, line, fw) == GIF_ERROR) {
			S_fail(im, gif->Error);
			goto out;
		}
		row = fy + (gif->Image.Interlace ? S_row(y, fh) : y);
		if (row < 0 || (unsigned)row >= im->height)
			continue;
		for (x = 0; x < fw; x++) {
			GifColorType c;
			size_t at;

			if (fx + x < 0 || (unsigned)(fx + x) >= im->width)
				continue;
			at = (size_t)row * im->width + (size_t)(fx + x);
			if (line[x] == trans)
				continue;
			if (line[x] >= map->ColorCount) {
				/* an index past the table: black, as
				 * browsers show it */
				c.Red = c.Green = c.Blue = 0;
			} else
				c = map->Colors[line[x]];
			px = im->pixels + at * 3;
			px[0] = c.Red;
			px[1] = c.Green;
			px[2] = c.Blue;
			im->alpha[at] = 0xFF;
		}
	}
	/* (DGifGetLine() reads the frame's data to its end marker after
	 * the last row: a file cut short there is its error) */
	for (n = 0; n < (size_t)im->width * im->height && opaque; n++)
		opaque = im->alpha[n] == 0xFF;
	im->has_alpha = !opaque;
	if (opaque || (flags & IMG_CHECK)) {
		free(im->alpha);
		im->alpha = NULL;
	}
	if (flags & IMG_CHECK) {
		free(im->pixels);
		im->pixels = NULL;
	}
	rc = 0;
out:
	free(line);
	DGifCloseFile(gif, &err);
	return rc;
}
