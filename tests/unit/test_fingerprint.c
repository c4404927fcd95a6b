/*
 * test_fingerprint — the canonical form fingerprint.h states, byte for
 * byte; its independence from key order and positions; its SHA-256 (the
 * digest of a fixed text, checked against Python's hashlib); fp_hex.  One
 * PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "fingerprint.h"
#include "val.h"
#include "version.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static void
S_expect(const char *name, int ok, const char *got)
{
	char why[512];

	snprintf(why, sizeof(why), "got: %s", got);
	check_verdict("fingerprint", name, ok, why);
}

/* <offerte nummer="A-1"><klant><naam>Bakker</naam></klant><regels>
 * <regel prijs="12"/></regels></offerte>, as xml_data.c builds it, with
 * the positions it records. */
static struct val *
S_doc(int swapped)
{
	struct val *d = val_map(), *k = val_map(), *r = val_list(), *l, *rs;

	val_at(d, NULL, 2, 1);
	if (!swapped)
		val_set_str(d, "nummer", "A-1");
	val_set_str(k, "naam", "Bakker");
	val_at(k, NULL, 3, 3);
	val_set(d, "klant", k);
	l = val_map();
	val_set_str(l, "prijs", "12");
	val_push(r, l);
	rs = val_map();
	val_set(rs, "regel", r);
	val_set(d, "regels", rs);
	if (swapped)
		val_set_str(d, "nummer", "A-1");
	return d;
}

int
main(void)
{
	struct buf a = { 0 }, b = { 0 };
	struct val *d1 = S_doc(0), *d2 = S_doc(1);
	unsigned char dg[FP_SIZE], dg2[FP_SIZE];
	char hex[2 * FP_SIZE + 1];
	const char *want =
	    "salesgen-fingerprint 1\nversion " SALESGEN_VERSION "\n"
	    "kind offerte\ntemplate 3\nT\n\n\n"
	    "data m3{k5:klantm1{k4:naams6:Bakker}k6:nummers3:A-1"
	    "k6:regelsm1{k5:regell1[m1{k5:prijss2:12}]}}\n";

	fp_canonical("offerte", d1, "T\n\n", 3, &a);
	S_expect("the canonical form, as fingerprint.h states it",
	    strcmp(a.data, want) == 0, a.data);
	fp_canonical("offerte", d2, "T\n\n", 3, &b);
	S_expect("key order and positions do not count",
	    strcmp(a.data, b.data) == 0, b.data);

	/* the digest of the text "abc": FIPS 180-2's first example */
	fp_hex((const unsigned char *)"\xba\x78\x16\xbf\x8f\x01\xcf\xea\x41"
	    "\x41\x40\xde\x5d\xae\x22\x23\xb0\x03\x61\xa3\x96\x17\x7a\x9c\xb4"
	    "\x10\xff\x61\xf2\x00\x15\xad", FP_SHORT, hex);
	S_expect("fp_hex, 16 digits", strcmp(hex, "ba7816bf8f01cfea") == 0,
	    hex);

	fp_digest("offerte", d1, "T\n\n", 3, dg);
	fp_digest("offerte", d2, "T\n\n", 3, dg2);
	S_expect("equal documents, equal digests",
	    memcmp(dg, dg2, FP_SIZE) == 0, "");
	fp_hex(dg, 2 * FP_SIZE, hex);
	/* hashlib.sha256(want).hexdigest() with version 0.1.0 */
	if (strcmp(SALESGEN_VERSION, "0.1.0") == 0)
		S_expect("SHA-256 of the canonical form",
		    strcmp(hex, "7a52ab6d2f1b7d5e335069c2ddae76288be02db71c43b018ea33"
		    "abc5711c67d1") == 0, hex);
	fp_digest("offerte", d1, "U\n\n", 3, dg2);
	S_expect("another template, another digest",
	    memcmp(dg, dg2, FP_SIZE) != 0, "");
	val_set_str(d2, "nummer", "A-2");
	fp_digest("offerte", d2, "T\n\n", 3, dg2);
	S_expect("another value, another digest",
	    memcmp(dg, dg2, FP_SIZE) != 0, "");

	val_free(d1);
	val_free(d2);
	buf_free(&a);
	buf_free(&b);
	return check_status();
}
