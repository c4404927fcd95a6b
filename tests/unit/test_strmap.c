/*
 * test_strmap — the one string map: every key added is found with its
 * value through growth, a key not added is not, "added" tells new from
 * old, and STRMAP_NOCASE folds ASCII case only.
 * One PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 100000

static void
S_many(void)
{
	struct strmap m;
	struct buf why = { 0 };
	char (*keys)[16] = calloc(N, sizeof(*keys));
	size_t i, *v;
	int added, ok_added = 1, ok_get = 1, ok_miss = 1;

	strmap_init(&m, 0);
	for (i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "w%zu", i * 7919);
		v = strmap_put(&m, keys[i], &added);
		ok_added &= added == 1;
		*v = i + 1;
	}
	/* again: found, not added, value kept */
	for (i = 0; i < N; i += 97) {
		v = strmap_put(&m, keys[i], &added);
		ok_added &= added == 0 && *v == i + 1;
	}
	for (i = 0; i < N; i++)
		ok_get &= (v = strmap_get(&m, keys[i])) != NULL && *v == i + 1;
	for (i = 0; i < 1000; i++) {
		char k[16];

		snprintf(k, sizeof(k), "x%zu", i);
		ok_miss &= strmap_get(&m, k) == NULL;
	}
	check_why(&why, ok_added, "added was wrong, or a value was lost");
	check_why(&why, ok_get, "a key added was not found with its value");
	check_why(&why, ok_miss, "a key never added was found");
	check_why(&why, m.n == N, "%zu keys, expected %d", m.n, N);
	check_why(&why, 2 * m.n <= m.cap, "more than half full");
	check_verdict("strmap", "100,000 keys through growth", why.len == 0,
	    buf_cstr(&why));
	strmap_free(&m);
	free(keys);
	buf_free(&why);
}

static void
S_case(void)
{
	struct strmap m, c;
	struct buf why = { 0 };

	strmap_init(&m, STRMAP_NOCASE);
	strmap_init(&c, 0);
	*strmap_put(&m, "Offerte-1.PDF", NULL) = 7;
	*strmap_put(&c, "Offerte-1.PDF", NULL) = 7;
	check_why(&why, strmap_get(&m, "offerte-1.pdf") != NULL &&
	    *strmap_get(&m, "offerte-1.pdf") == 7, "nocase: not found");
	check_why(&why, strmap_get(&c, "offerte-1.pdf") == NULL,
	    "with case: found without it");
	/* only ASCII folds: É and é are other keys */
	*strmap_put(&m, "\xc3\x89\xc3\xa9n", NULL) = 1;
	check_why(&why, strmap_get(&m, "\xc3\xa9\xc3\xa9n") == NULL,
	    "nocase folded a non-ASCII letter");
	check_why(&why, strmap_hash("AbC", STRMAP_NOCASE) ==
	    strmap_hash("abc", 0), "nocase hash differs from the lower one");
	check_why(&why, strmap_get(&(struct strmap){ 0 }, "x") == NULL,
	    "an empty map found a key");
	check_verdict("strmap", "ASCII case folding, empty map", why.len == 0,
	    buf_cstr(&why));
	strmap_free(&m);
	strmap_free(&c);
	buf_free(&why);
}

int
main(void)
{
	S_many();
	S_case();
	return check_status();
}
