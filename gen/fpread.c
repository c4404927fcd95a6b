/*
 * fpread — the fingerprint in a PDF or HTML offer (see fpread.h).
 */
#include "fpread.h"

#include <string.h>

#define FP_HEX	64

/* The value after key at doc[at..len): opener, 64 hex digits, closer. */
static int
S_value(const char *doc, size_t len, size_t at, char open, char close,
    char out[65])
{
	size_t i;
	char c;

	/* a PDF name may be followed by white space before its value */
	while (at < len && (doc[at] == ' ' || doc[at] == '\t' ||
	    doc[at] == '\r' || doc[at] == '\n'))
		at++;
	if (at >= len || doc[at] != open || len - at - 1 < FP_HEX + 1)
		return -1;
	at++;
	for (i = 0; i < FP_HEX; i++) {
		c = doc[at + i];
		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return -1;
		out[i] = c;
	}
	if (doc[at + FP_HEX] != close)
		return -1;
	out[FP_HEX] = '\0';
	return 0;
}

/* The last position of key in doc[0..len) whose value reads, or -1. */
static int
S_find(const char *doc, size_t len, const char *key, char open, char close,
    char out[65])
{
	size_t klen = strlen(key), i;
	char tmp[65];
	int found = -1;

	if (len < klen)
		return -1;
	for (i = 0; i + klen <= len; i++) {
		if (doc[i] != key[0] || memcmp(doc + i, key, klen) != 0)
			continue;
		if (S_value(doc, len, i + klen, open, close, tmp) == 0) {
			memcpy(out, tmp, sizeof(tmp));
			found = 0;
		}
	}
	return found;
}

int
fpread(const char *doc, size_t len, char out[65])
{
	if (doc == NULL)
		return -1;
	if (S_find(doc, len, "/SalesgenFingerprint", '(', ')', out) == 0)
		return 0;
	return S_find(doc, len, "<meta name=\"salesgen-fingerprint\" content=",
	    '"', '"', out);
}
