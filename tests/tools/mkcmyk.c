/*
 * mkcmyk — writes the CMYK JPEG fixtures of tests/harden/img (run once;
 * the files are committed): 64x48, the left half red 220,30,30 as CMYK
 * (0, 86, 86, 35 in percent: C=0 M=219 Y=219 K=35 of 255), the right half
 * green 30,160,30 (C=207 M=0 Y=207 K=95).
 *
 *	cc -o mkcmyk tests/tools/mkcmyk.c -ljpeg
 *	./mkcmyk plain OUT.jpg		values as they are, no Adobe marker
 *	./mkcmyk adobe OUT.jpg		inverted, Adobe APP14 (transform 0),
 *					as Photoshop writes them
 */
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

int
main(int argc, char **argv)
{
	static const unsigned char red[4] = { 0, 219, 219, 35 };
	static const unsigned char green[4] = { 207, 0, 207, 95 };
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	unsigned char row[64 * 4];
	JSAMPROW rp[1] = { row };
	int x, k, adobe;
	FILE *f;

	if (argc != 3 || (f = fopen(argv[2], "wb")) == NULL)
		return 2;
	adobe = strcmp(argv[1], "adobe") == 0;
	for (x = 0; x < 64; x++)
		for (k = 0; k < 4; k++) {
			int v = (x < 32 ? red : green)[k];

			row[x * 4 + k] = (unsigned char)(adobe ? 255 - v : v);
		}
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = 64;
	c.image_height = 48;
	c.input_components = 4;
	c.in_color_space = JCS_CMYK;
	jpeg_set_defaults(&c);
	jpeg_set_colorspace(&c, JCS_CMYK);
	c.write_Adobe_marker = adobe;
	jpeg_set_quality(&c, 95, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height)
		jpeg_write_scanlines(&c, rp, 1);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	fclose(f);
	return 0;
}
