/*
 * fingerprint — the SHA-256 of a sales document's canonical form, so that
 * a document sent (a mailing's PDF, later its HTML) can be told apart from
 * any other and matched with the data it was made from.
 *
 * What is hashed, exactly, is the bytes fp_canonical() appends:
 *
 *	"salesgen-fingerprint 1\n"
 *	"version " VERSION "\n"			(salesgen's, version.h)
 *	"kind " KIND "\n"			(the root element: offerte)
 *	"template " LEN "\n" TEXT "\n"		(the kind's Markdown template
 *						 as the theme resolves it)
 *	"data " VALUE "\n"			(the document's value tree)
 *
 * where LEN is the template's length in bytes in decimal, and VALUE is the
 * value tree (xml_data.c's shape, after a mailing row has set its fields)
 * written as
 *
 *	string	's' LEN ':' BYTES
 *	number	'd' val_text()'s shortest form ';'
 *	boolean	'b0' or 'b1'
 *	null	'n'
 *	list	'l' N '[' ITEM... ']'		(in document order)
 *	map	'm' N '{' ('k' LEN ':' KEY VALUE)... '}'
 *
 * with the map's keys in byte order (strcmp), leaving out every key that
 * begins with '_': those hold where a value came from (file, line,
 * column), which says nothing about the offer and differs between a
 * template and a CSV row.  The form therefore does not depend on the
 * order of a CSV file's columns, on the row's line, on -j or on --shard:
 * the same offer gives the same fingerprint in every run, and any change
 * to a value, to the template or to salesgen's version gives another.
 * Files the data names (the seller's logo) are named, not hashed.
 */
#ifndef SALESGEN_FINGERPRINT_H
#define SALESGEN_FINGERPRINT_H

#include <stddef.h>

struct buf;
struct val;

#define FP_SIZE		32	/* bytes of a SHA-256 digest */
#define FP_SHORT	16	/* hex digits shown on documents and in
				   a mailing's manifest */

/* Appends the canonical form described above to out. */
void	fp_canonical(const char *kind, const struct val *data,
	    const char *tmpl, size_t tlen, struct buf *out);

/* Computes the SHA-256 of fp_canonical()'s bytes into digest. */
void	fp_digest(const char *kind, const struct val *data, const char *tmpl,
	    size_t tlen, unsigned char digest[FP_SIZE]);

/* Writes the first ndigits (at most 2 * FP_SIZE) hex digits of digest, in
 * lower case, and a NUL to hex, which holds ndigits + 1 bytes. */
void	fp_hex(const unsigned char digest[FP_SIZE], size_t ndigits, char *hex);

#endif
