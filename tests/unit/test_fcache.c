/*
 * test_fcache — the font work a mailing's threads share (pdf_fcache.h):
 * a value comes back under exactly its key (kind and every byte of the
 * key count), work asked for once is not kept, the first value stored
 * under a key is the one kept, the
 * capacity is held (nothing stored past it, the caller does the work
 * again), the counts add up, and threads that look up and store the same
 * keys at once all get one value per key, the right one (run under
 * ThreadSanitizer by `make tsan`); a value is kept only for a key missed
 * twice.  One PASS or FAIL line per test; exit
 * status 1 if any failed.
 */
#include "pdf/pdf_fcache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	 failed;

static void
S_verdict(const char *name, int ok, const char *why)
{
	printf("%s fcache: %s\n", ok ? "PASS" : "FAIL", name);
	if (!ok) {
		failed++;
		if (why != NULL)
			printf("  %s\n", why);
	}
}

/* A key as pdf_font.c makes them: a file name, a NUL, an 8 KB bitmap. */
static void
S_key(unsigned char *k, size_t n, unsigned bit)
{
	memset(k, 0, n);
	memcpy(k, "/f.ttf", 7);
	k[7 + bit / 8] |= (unsigned char)(1u << (bit % 8));
}

#define KLEN	(7 + 8192)

/* Two misses of the key, after which a value for it is kept. */
static void
S_miss2(struct fcache *c, int kind, const unsigned char *k, size_t n)
{
	size_t len;

	(void)fcache_get(c, kind, k, n, &len, NULL);
	(void)fcache_get(c, kind, k, n, &len, NULL);
}

static void
S_once(void)
{
	struct fcache *c = fcache_new(1 << 20);
	struct fcache_stats st;
	unsigned char k[KLEN];
	size_t len = 0;
	int ok = 1;

	S_key(k, KLEN, 3);
	ok &= fcache_put(c, 1, k, KLEN, "never", 5, 0) == NULL;
	ok &= fcache_get(c, 1, k, KLEN, &len, NULL) == NULL;
	ok &= fcache_put(c, 1, k, KLEN, "once", 4, 0) == NULL;
	ok &= fcache_get(c, 1, k, KLEN, &len, NULL) == NULL;
	ok &= fcache_put(c, 1, k, KLEN, "twice", 5, 0) != NULL;
	ok &= fcache_get(c, 1, k, KLEN, &len, NULL) != NULL && len == 5;
	fcache_stats(c, 1, &st);
	ok &= st.once == 2 && st.entries == 1 && st.misses == 2 &&
	    st.hits == 1;
	fcache_free(c);
	S_verdict("work asked for once is not kept, twice is", ok, NULL);
}

static void
S_exact(void)
{
	struct fcache *c = fcache_new(1 << 20);
	struct fcache_stats st;
	unsigned char k1[KLEN], k2[KLEN];
	const unsigned char *v;
	unsigned long aux = 0;
	size_t len = 0;
	int ok = 1;

	S_key(k1, KLEN, 0x41);
	S_key(k2, KLEN, 0x141);	/* one bit apart, late in the key */
	ok &= fcache_get(c, 1, k1, KLEN, &len, &aux) == NULL;
	ok &= fcache_get(c, 1, k1, KLEN, &len, &aux) == NULL;
	v = fcache_put(c, 1, k1, KLEN, "subset-A", 8, 0);
	ok &= v != NULL && memcmp(v, "subset-A", 8) == 0;
	ok &= fcache_get(c, 1, k2, KLEN, &len, &aux) == NULL;
	ok &= fcache_get(c, 2, k1, KLEN, &len, &aux) == NULL;	/* kind */
	ok &= fcache_get(c, 1, k1, KLEN - 1, &len, &aux) == NULL; /* length */
	S_miss2(c, 2, k1, KLEN);
	v = fcache_put(c, 2, k1, KLEN, "program-A", 9, 1234);
	v = fcache_get(c, 2, k1, KLEN, &len, &aux);
	ok &= v != NULL && len == 9 && aux == 1234 &&
	    memcmp(v, "program-A", 9) == 0;
	v = fcache_get(c, 1, k1, KLEN, &len, &aux);
	ok &= v != NULL && len == 8 && memcmp(v, "subset-A", 8) == 0;
	fcache_stats(c, 0, &st);
	ok &= st.hits == 2 && st.misses == 7 && st.entries == 2;
	fcache_stats(c, 1, &st);
	ok &= st.hits == 1 && st.misses == 4 && st.entries == 1;
	fcache_free(c);
	S_verdict("a value under exactly its key: kind, every byte, length",
	    ok, NULL);
}

static void
S_first_kept(void)
{
	struct fcache *c = fcache_new(1 << 20);
	unsigned char k[KLEN];
	const unsigned char *a, *b;
	size_t len = 0;

	S_key(k, KLEN, 7);
	S_miss2(c, 1, k, KLEN);
	a = fcache_put(c, 1, k, KLEN, "first", 5, 0);
	b = fcache_put(c, 1, k, KLEN, "other", 5, 0);
	S_verdict("a second value for a key keeps the first",
	    a != NULL && a == b && memcmp(b, "first", 5) == 0 &&
	    fcache_get(c, 1, k, KLEN, &len, NULL) == a, NULL);
	fcache_free(c);
}

static void
S_capacity(void)
{
	struct fcache *c = fcache_new(3 * (KLEN + 1000));
	struct fcache_stats st;
	static char val[1000];
	unsigned char k[KLEN];
	unsigned i, stored = 0;
	size_t len;
	int ok = 1;

	for (i = 0; i < 10; i++) {
		S_key(k, KLEN, i);
		S_miss2(c, 1, k, KLEN);
		if (fcache_put(c, 1, k, KLEN, val, sizeof(val), 0) != NULL)
			stored++;
	}
	fcache_stats(c, 0, &st);
	ok &= stored == 3 && st.entries == 3 && st.refused == 7 &&
	    st.bytes <= 3 * (KLEN + 1000);
	S_key(k, KLEN, 2);
	ok &= fcache_get(c, 1, k, KLEN, &len, NULL) != NULL;
	S_key(k, KLEN, 3);
	ok &= fcache_get(c, 1, k, KLEN, &len, NULL) == NULL;
	fcache_free(c);
	S_verdict("the capacity holds: past it nothing is stored", ok, NULL);
}

/* Threads doing a mailing's lookups: NKEY keys, each thread in its own
 * order; a miss "does the work" (the value is a function of the key) and
 * offers it, using its own when the cache keeps none. */
#define NTHR	4
#define NKEY	16
#define NROUND	200

struct thr {
	struct fcache	*c;
	int		 id, bad;
};

static void
S_value(unsigned key, char *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = (char)('a' + (key * 7 + i) % 26);
}

static void *
S_thread(void *arg)
{
	struct thr *t = arg;
	unsigned char k[KLEN];
	char want[300];
	const unsigned char *v;
	size_t len;
	unsigned r, key;

	for (r = 0; r < NROUND; r++) {
		key = (r * (unsigned)(t->id + 1) + (unsigned)t->id) % NKEY;
		S_key(k, KLEN, key * 97);
		S_value(key, want, sizeof(want));
		v = fcache_get(t->c, 1 + (int)(key % 2), k, KLEN, &len, NULL);
		if (v == NULL) {
			v = fcache_put(t->c, 1 + (int)(key % 2), k, KLEN, want,
			    sizeof(want), 0);
			len = sizeof(want);
		}
		if (v != NULL && (len != sizeof(want) ||
		    memcmp(v, want, sizeof(want)) != 0))
			t->bad++;
	}
	return NULL;
}

static void
S_threads(void)
{
	struct fcache *c = fcache_new(1 << 20);
	struct fcache_stats st;
	pthread_t th[NTHR];
	struct thr t[NTHR];
	char why[128];
	int i, bad = 0;

	for (i = 0; i < NTHR; i++) {
		t[i].c = c;
		t[i].id = i;
		t[i].bad = 0;
		if (pthread_create(&th[i], NULL, S_thread, &t[i]) != 0) {
			S_verdict("threads share one value per key", 0,
			    "pthread_create failed");
			exit(1);
		}
	}
	for (i = 0; i < NTHR; i++) {
		pthread_join(th[i], NULL);
		bad += t[i].bad;
	}
	fcache_stats(c, 0, &st);
	snprintf(why, sizeof(why), "%d wrong values, %zu entries for %d keys, "
	    "%zu lookups", bad, st.entries, NKEY, st.hits + st.misses);
	S_verdict("threads share one value per key", bad == 0 &&
	    st.entries <= NKEY && st.hits > 0 &&
	    st.hits + st.misses == NTHR * NROUND, why);
	fcache_free(c);
}

int
main(void)
{
	S_exact();
	S_once();
	S_first_kept();
	S_capacity();
	S_threads();
	fcache_free(NULL);
	return failed > 0;
}
