/* The external term format against OTP: every encoding OTP made of the
 * corpus (tests/oracle/etf_corpus.erl) decodes, and encodes again to the
 * same bytes under the same options; hand-built inputs are read or refused
 * as OTP reads or refuses them; truncated, corrupt and absurd inputs fail
 * cleanly; nesting a million deep needs no C stack; the fun and export
 * tables hand out one entry per key, from any thread. */
#include <pthread.h>
#include <stdatomic.h>

#include "unit.h"
#include "oracle_data.h"
#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/binary.h"
#include "vm/export.h"
#include "vm/fun.h"

/* ---- the corpus ---- */

#define NOPTS 5
static const char *const opt_names[NOPTS] = {"default", "compressed", "minor_version_0",
                                             "minor_version_2", "deterministic"};
static const etf_encode_options opts[NOPTS] = {
    {.compressed = -1, .minor_version = 1},
    {.compressed = 6, .minor_version = 1},
    {.compressed = -1, .minor_version = 0},
    {.compressed = -1, .minor_version = 2},
    {.compressed = -1, .minor_version = 1, .deterministic = true},
};

typedef struct bytes {
	const uint8_t *p;
	size_t n;
} bytes;

typedef struct roundtrip_case {
	char name[128];
	unsigned mask; /* bit i: encoding i is checked */
	bytes enc[NOPTS];
} roundtrip_case;

typedef struct decode_case {
	char name[128];
	unsigned flags;
	bytes in;
	bool ok; /* OTP decoded it */
	size_t used;
	bytes reencoded;
} decode_case;

static uint8_t *corpus;
static size_t corpus_len;
static roundtrip_case *rts;
static size_t nrts;
static decode_case *dcs;
static size_t ndcs;
static const char *corpus_error;

typedef struct cursor {
	const uint8_t *p, *end;
} cursor;

static bool take(cursor *c, size_t n, const uint8_t **out)
{
	if ((size_t)(c->end - c->p) < n)
		return false;
	*out = c->p;
	c->p += n;
	return true;
}

static bool take_be(cursor *c, unsigned n, uint64_t *v)
{
	const uint8_t *p;
	if (!take(c, n, &p))
		return false;
	*v = 0;
	for (unsigned i = 0; i < n; i++)
		*v = *v << 8 | p[i];
	return true;
}

static bool take_name(cursor *c, char *name, size_t size)
{
	uint64_t n;
	const uint8_t *p;
	if (!take_be(c, 2, &n) || !take(c, n, &p))
		return false;
	snprintf(name, size, "%.*s", (int)n, (const char *)p);
	return true;
}

static bool take_bytes(cursor *c, bytes *b)
{
	uint64_t n;
	if (!take_be(c, 4, &n) || !take(c, n, &b->p))
		return false;
	b->n = n;
	return true;
}

static bool parse_corpus(void)
{
	cursor c = {corpus, corpus + corpus_len};
	size_t rcap = 0, dcap = 0;
	while (c.p < c.end) {
		uint64_t kind, v;
		if (!take_be(&c, 1, &kind))
			return false;
		if (kind == 1) {
			if (nrts == rcap) {
				rcap = rcap ? 2 * rcap : 256;
				rts = realloc(rts, rcap * sizeof *rts);
			}
			roundtrip_case *r = &rts[nrts++];
			if (!take_name(&c, r->name, sizeof r->name) || !take_be(&c, 1, &v))
				return false;
			r->mask = (unsigned)v;
			for (int i = 0; i < NOPTS; i++)
				if (!take_bytes(&c, &r->enc[i]))
					return false;
		} else if (kind == 2) {
			if (ndcs == dcap) {
				dcap = dcap ? 2 * dcap : 256;
				dcs = realloc(dcs, dcap * sizeof *dcs);
			}
			decode_case *d = &dcs[ndcs++];
			memset(d, 0, sizeof *d);
			uint64_t ok;
			if (!take_name(&c, d->name, sizeof d->name) || !take_be(&c, 1, &v) ||
			    !take_bytes(&c, &d->in) || !take_be(&c, 1, &ok))
				return false;
			d->flags = (unsigned)v;
			d->ok = ok != 0;
			if (d->ok && (!take_be(&c, 4, &v) || !take_bytes(&c, &d->reencoded)))
				return false;
			d->used = (size_t)v;
		} else {
			return false;
		}
	}
	return nrts > 100 && ndcs > 50;
}

static bool load_corpus(void)
{
	corpus = oracle_read_file("etf_corpus.bin", &corpus_len);
	if (!corpus) {
		corpus_error =
		    "build/oracle/etf_corpus.bin missing (run tests/oracle/etf_corpus.erl)";
		return false;
	}
	if (!parse_corpus()) {
		corpus_error = "etf_corpus.bin is malformed";
		return false;
	}
	return true;
}

/* ---- helpers ---- */

static size_t first_difference(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
	size_t i = 0;
	while (i < an && i < bn && a[i] == b[i])
		i++;
	return i;
}

/* Decodes in, encodes with o; returns the encoding (caller frees) or NULL
 * with why filled in. */
static uint8_t *decode_encode(const bytes *in, unsigned flags, const etf_encode_options *o,
                              size_t *out_len, size_t *used, char *why, size_t why_size)
{
	kb_heap h;
	heap_init(&h);
	const char *error = NULL;
	term t = etf_decode(&h, in->p, in->n, flags, used, &error);
	uint8_t *out = NULL;
	if (t == THE_NON_VALUE) {
		snprintf(why, why_size, "decode failed: %s", error ? error : "(no error message)");
	} else {
		out = etf_encode(t, o, out_len);
		if (!out)
			snprintf(why, why_size, "encode failed");
	}
	heap_free(&h);
	return out;
}

/* True when decoding fails and says why. */
static bool decode_fails(const uint8_t *p, size_t n, unsigned flags)
{
	kb_heap h;
	heap_init(&h);
	const char *error = NULL;
	size_t used = 12345;
	term t = etf_decode(&h, p, n, flags, &used, &error);
	heap_free(&h);
	return t == THE_NON_VALUE && error != NULL && used == 12345;
}

/* ---- tests against OTP ---- */

static void roundtrip_with(int oi)
{
	char name[64], why[512] = "";
	snprintf(name, sizeof name, "etf_roundtrip_%s", opt_names[oi]);
	if (corpus_error) {
		unit_result(name, 0, corpus_error);
		return;
	}
	size_t checked = 0, failed = 0;
	for (size_t i = 0; i < nrts; i++) {
		roundtrip_case *r = &rts[i];
		if (!(r->mask & (1u << oi)))
			continue;
		checked++;
		size_t len = 0, used = 0;
		char err[256];
		uint8_t *out =
		    decode_encode(&r->enc[oi], 0, &opts[oi], &len, &used, err, sizeof err);
		const char *bad = NULL;
		if (!out)
			bad = err;
		else if (used != r->enc[oi].n)
			bad = "decode did not use every byte";
		else if (len != r->enc[oi].n || memcmp(out, r->enc[oi].p, len) != 0)
			bad = "bytes differ";
		if (bad && !failed++) {
			size_t at =
			    out ? first_difference(out, len, r->enc[oi].p, r->enc[oi].n) : 0;
			snprintf(
			    why, sizeof why,
			    "%s: %s (kbeam %zu bytes, OTP %zu, first difference at %zu; %zu used)",
			    r->name, bad, len, r->enc[oi].n, at, used);
		}
		free(out);
	}
	if (failed) {
		char full[640];
		snprintf(full, sizeof full, "%zu of %zu terms; first: %s", failed, checked, why);
		unit_result(name, 0, full);
	} else {
		unit_result(name, checked > 100,
		            checked > 100 ? NULL : "too few terms in the corpus");
	}
}

/* Inputs OTP reads: we read them to the same term (same re-encoding) and
 * use as many bytes. Inputs OTP refuses: we refuse them too. */
static void decode_cases(bool accepted)
{
	const char *name =
	    accepted ? "etf_decodes_what_otp_decodes" : "etf_refuses_what_otp_refuses";
	if (corpus_error) {
		unit_result(name, 0, corpus_error);
		return;
	}
	char why[512] = "";
	size_t checked = 0, failed = 0;
	for (size_t i = 0; i < ndcs; i++) {
		decode_case *d = &dcs[i];
		if (d->ok != accepted)
			continue;
		checked++;
		char bad[300] = "";
		if (!accepted) {
			if (!decode_fails(d->in.p, d->in.n, d->flags)) {
				kb_heap h;
				heap_init(&h);
				etf_decode(&h, d->in.p, d->in.n, d->flags, NULL, NULL);
				heap_free(&h);
				snprintf(bad, sizeof bad, "decoded, but OTP raises badarg");
			}
		} else {
			size_t len = 0, used = 0;
			uint8_t *out =
			    decode_encode(&d->in, d->flags, &opts[0], &len, &used, bad, sizeof bad);
			if (out && used != d->used)
				snprintf(bad, sizeof bad, "used %zu bytes, OTP %zu", used, d->used);
			else if (out &&
			         (len != d->reencoded.n || memcmp(out, d->reencoded.p, len) != 0))
				snprintf(
				    bad, sizeof bad,
				    "re-encoding differs at byte %zu (kbeam %zu bytes, OTP %zu)",
				    first_difference(out, len, d->reencoded.p, d->reencoded.n), len,
				    d->reencoded.n);
			free(out);
		}
		if (bad[0] && !failed++)
			snprintf(why, sizeof why, "%s: %s", d->name, bad);
	}
	if (failed) {
		char full[640];
		snprintf(full, sizeof full, "%zu of %zu cases; first: %s", failed, checked, why);
		unit_result(name, 0, full);
	} else {
		unit_result(name, checked > 20,
		            checked > 20 ? NULL : "too few cases in the corpus");
	}
}

/* Every proper prefix of a valid encoding is refused (all of them for
 * short encodings, a spread of cut points for long ones). */
static void truncated_inputs_fail(void)
{
	if (corpus_error) {
		unit_result("etf_truncated_inputs_fail", 0, corpus_error);
		return;
	}
	char why[512] = "";
	size_t tried = 0, failed = 0;
	for (size_t i = 0; i < nrts; i++) {
		for (int oi = 0; oi < NOPTS; oi++) {
			const bytes *e = &rts[i].enc[oi];
			size_t step = e->n <= 600 ? 1 : e->n / 150;
			for (size_t cut = 0; cut < e->n; cut += cut + 8 >= e->n ? 1 : step) {
				tried++;
				if (!decode_fails(e->p, cut, 0) && !failed++)
					snprintf(why, sizeof why,
					         "%s (%s) cut at %zu of %zu decodes", rts[i].name,
					         opt_names[oi], cut, e->n);
			}
		}
	}
	CHECKF(failed == 0, "%zu of %zu prefixes decode; first: %s", failed, tried, why);
	CHECK(tried > 10000);
}

/* ---- hand-written bad inputs ---- */

static bool tag_is_valid(unsigned tag)
{
	static const uint8_t valid[] = {70,  77,  88,  89,  90,  97,  98,  99,  100, 101,
	                                102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	                                112, 113, 114, 115, 116, 118, 119, 120};
	for (size_t i = 0; i < sizeof valid; i++)
		if (valid[i] == tag)
			return true;
	return false;
}

static void bad_inputs_fail(void)
{
	uint8_t buf[64];
	/* the version byte */
	for (unsigned v = 0; v < 256; v++) {
		if (v == 131)
			continue;
		uint8_t in[] = {(uint8_t)v, 97, 1};
		CHECKF(decode_fails(in, sizeof in, 0), "version %u accepted", v);
	}
	CHECK(decode_fails(buf, 0, 0));
	/* every byte that is not a tag, at the top and inside a tuple */
	for (unsigned tag = 0; tag < 256; tag++) {
		if (tag_is_valid(tag))
			continue;
		uint8_t top[] = {131, (uint8_t)tag, 0, 0, 0, 0, 0, 0, 0, 0};
		uint8_t inner[] = {131, 104, 2, 97, 1, (uint8_t)tag, 0, 0, 0, 0, 0, 0, 0, 0};
		CHECKF(decode_fails(top, sizeof top, 0), "tag %u accepted", tag);
		CHECKF(decode_fails(inner, sizeof inner, 0), "tag %u accepted in a tuple", tag);
	}
	/* lengths far beyond the input, for every tag that has one */
	static const uint8_t huge[][12] = {
	    {131, 108, 255, 255, 255, 255, 106},
	    {131, 105, 255, 255, 255, 255, 106},
	    {131, 116, 127, 255, 255, 255, 106, 106},
	    {131, 109, 255, 255, 255, 255, 1},
	    {131, 77, 255, 255, 255, 255, 3, 1},
	    {131, 111, 0, 64, 0, 0, 0, 1},
	    {131, 107, 255, 255, 97},
	    {131, 118, 3, 252, 97},
	    {131, 100, 0, 255, 97},
	    {131, 110, 255, 0, 1},
	    {131, 80, 255, 255, 255, 255, 120, 156},
	    {131, 90, 0, 3, 100, 0, 1, 97, 0},
	};
	for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++)
		CHECKF(decode_fails(huge[i], sizeof huge[i], 0), "oversize case %zu accepted", i);
	/* atoms: bad UTF-8, too long */
	static const uint8_t bad_atoms[][8] = {
	    {131, 119, 1, 0x80},       {131, 119, 2, 0xc3, 0x28}, {131, 119, 3, 0xe2, 0x82, 0x28},
	    {131, 119, 2, 0xe2, 0x82}, {131, 119, 1, 0xff},       {131, 119, 3, 0xed, 0xbf, 0xbf},
	    {131, 119, 2, 0xc1, 0xbf}, {131, 118, 0, 1, 0xfe},
	};
	for (size_t i = 0; i < sizeof bad_atoms / sizeof bad_atoms[0]; i++) {
		const uint8_t *a = bad_atoms[i];
		size_t len = a[1] == 119 ? 3u + a[2] : 4u + (a[2] << 8 | a[3]);
		CHECKF(decode_fails(a, len, 0), "bad UTF-8 atom %zu accepted", i);
	}
	uint8_t long_atom[4 + 256 * 2];
	long_atom[0] = 131, long_atom[1] = 118, long_atom[2] = 2, long_atom[3] = 0;
	for (int i = 0; i < 256; i++)
		long_atom[4 + 2 * i] = 0xc3, long_atom[5 + 2 * i] = 0xa4; /* 256 x U+00E4 */
	CHECK(decode_fails(long_atom, sizeof long_atom, 0));
	/* duplicate map keys, small and inside a big map */
	uint8_t dup[] = {131, 116, 0, 0, 0, 2, 100, 0, 1, 'k', 97, 1, 115, 1, 'k', 97, 2};
	CHECK(decode_fails(dup, sizeof dup, 0));
	uint8_t big_dup[6 + 40 * 4];
	memcpy(big_dup, (uint8_t[]){131, 116, 0, 0, 0, 40}, 6);
	for (int i = 0; i < 40; i++) {
		uint8_t *p = big_dup + 6 + 4 * i;
		p[0] = 97, p[1] = (uint8_t)(i == 39 ? 17 : i), p[2] = 97, p[3] = 0;
	}
	CHECK(decode_fails(big_dup, sizeof big_dup, 0));
	/* non-finite float bits */
	static const uint64_t nonfinite[] = {0x7ff8000000000000u, 0xfff8000000000001u,
	                                     0x7ff0000000000000u, 0xfff0000000000000u,
	                                     0x7ff0000000000001u};
	for (size_t i = 0; i < 5; i++) {
		uint8_t f[10] = {131, 70};
		for (int b = 0; b < 8; b++)
			f[2 + b] = (uint8_t)(nonfinite[i] >> (56 - 8 * b));
		CHECKF(decode_fails(f, sizeof f, 0), "float bits %016llx accepted",
		       (unsigned long long)nonfinite[i]);
	}
	/* nested counts that each fit the bytes left, but not all together:
	 * refused before they add up to a quadratic amount of heap */
	enum { LEVELS = 100000 };
	size_t bomb_len = 1 + 5 * (size_t)LEVELS + LEVELS;
	uint8_t *bomb = malloc(bomb_len);
	bomb[0] = 131;
	for (size_t i = 0; i < LEVELS; i++) {
		size_t left = bomb_len - (1 + 5 * (i + 1));
		uint8_t *p = bomb + 1 + 5 * i;
		p[0] = 108, p[1] = (uint8_t)(left >> 24), p[2] = (uint8_t)(left >> 16);
		p[3] = (uint8_t)(left >> 8), p[4] = (uint8_t)(left - 1);
	}
	memset(bomb + 1 + 5 * (size_t)LEVELS, 106, LEVELS);
	kb_heap bh;
	heap_init(&bh);
	CHECK(etf_decode(&bh, bomb, bomb_len, 0, NULL, NULL) == THE_NON_VALUE);
	CHECKF(bh.words_used <= 4 * bomb_len, "%zu heap words for %zu bytes", bh.words_used,
	       bomb_len);
	heap_free(&bh);
	free(bomb);
	/* an error after a refc binary and a map was started: nothing leaks */
	uint8_t late[6 + 5 + 100 + 6 + 4];
	size_t n = 0;
	memcpy(late + n, (uint8_t[]){131, 104, 3, 109, 0, 0}, 6), n += 6;
	memcpy(late + n, (uint8_t[]){0, 100}, 2), n += 2;
	memset(late + n, 7, 100), n += 100;
	memcpy(late + n, (uint8_t[]){116, 0, 0, 0, 1, 97, 1, 97, 2, 200}, 10), n += 10;
	CHECK(decode_fails(late, n, 0));
}

/* ---- a million deep ---- */

#define DEEP 1000000

static void deep_nesting(void)
{
	/* [[[...[]...]]]: LIST_EXT(1) a million times, then the innermost [] and
	 * a million tails */
	size_t n = 1 + 5 * (size_t)DEEP + 1 + DEEP;
	uint8_t *in = malloc(n);
	size_t k = 0;
	in[k++] = 131;
	for (int i = 0; i < DEEP; i++) {
		memcpy(in + k, (uint8_t[]){108, 0, 0, 0, 1}, 5);
		k += 5;
	}
	memset(in + k, 106, 1 + DEEP);
	k += 1 + DEEP;
	CHECK(k == n);
	kb_heap h;
	heap_init(&h);
	size_t used = 0;
	const char *error = NULL;
	term t = etf_decode(&h, in, n, 0, &used, &error);
	CHECKF(t != THE_NON_VALUE, "deep list: %s", error ? error : "?");
	CHECK(used == n);
	if (t != THE_NON_VALUE) {
		size_t len = 0;
		uint8_t *out = etf_encode(t, &opts[0], &len);
		CHECK(out && len == n && memcmp(out, in, n) == 0);
		free(out);
		out = etf_encode(t, &opts[1], &len); /* compressed: deflate copes too */
		CHECK(out && len < n / 10);
		if (out) {
			kb_heap h2;
			heap_init(&h2);
			CHECK(etf_decode(&h2, out, len, 0, &used, NULL) != THE_NON_VALUE);
			heap_free(&h2);
		}
		free(out);
	}
	heap_free(&h);
	/* without its last tail, or with a tag missing in the middle */
	CHECK(decode_fails(in, n - 1, 0));
	in[1 + 5 * (DEEP / 2)] = 0;
	CHECK(decode_fails(in, n, 0));
	free(in);

	/* {{{...}}}: SMALL_TUPLE_EXT(1) a million times around [], and maps
	 * of maps a million deep */
	in = malloc(1 + 7 * (size_t)DEEP + 1);
	k = 0;
	in[k++] = 131;
	for (int i = 0; i < DEEP; i++)
		in[k++] = 104, in[k++] = 1;
	in[k++] = 106;
	heap_init(&h);
	t = etf_decode(&h, in, k, 0, &used, NULL);
	CHECK(t != THE_NON_VALUE && used == k);
	if (t != THE_NON_VALUE) {
		size_t len = 0;
		uint8_t *out = etf_encode(t, &opts[4], &len);
		CHECK(out && len == k && memcmp(out, in, k) == 0);
		free(out);
	}
	heap_free(&h);
	k = 0;
	in[k++] = 131;
	for (int i = 0; i < DEEP; i++) {
		memcpy(in + k, (uint8_t[]){116, 0, 0, 0, 1, 106}, 6);
		k += 6;
	}
	in[k++] = 106;
	heap_init(&h);
	t = etf_decode(&h, in, k, 0, &used, NULL);
	CHECK(t != THE_NON_VALUE && used == k);
	if (t != THE_NON_VALUE) {
		size_t len = 0;
		uint8_t *out = etf_encode(t, &opts[4], &len);
		CHECK(out && len == k && memcmp(out, in, k) == 0);
		free(out);
	}
	heap_free(&h);
	CHECK(decode_fails(in, k - 1, 0));
	free(in);

	/* a 33-key map (a HAMT: its keys are hashed) whose last key is a list
	 * a million deep; sorted, the keys come out in the order written */
	in = malloc(6 + 32 * 4 + 5 * (size_t)DEEP + 1 + DEEP + 2);
	k = 0;
	memcpy(in, (uint8_t[]){131, 116, 0, 0, 0, 33}, 6);
	k += 6;
	for (int i = 0; i < 32; i++) {
		memcpy(in + k, (uint8_t[]){97, (uint8_t)i, 97, 0}, 4);
		k += 4;
	}
	for (int i = 0; i < DEEP; i++) {
		memcpy(in + k, (uint8_t[]){108, 0, 0, 0, 1}, 5);
		k += 5;
	}
	memset(in + k, 106, 1 + DEEP);
	k += 1 + DEEP;
	in[k++] = 97, in[k++] = 1;
	heap_init(&h);
	t = etf_decode(&h, in, k, 0, &used, NULL);
	CHECK(t != THE_NON_VALUE && used == k);
	if (t != THE_NON_VALUE) {
		size_t len = 0;
		uint8_t *out = etf_encode(t, &opts[4], &len);
		CHECK(out && len == k && memcmp(out, in, k) == 0);
		free(out);
	}
	heap_free(&h);
	free(in);
}

/* ---- safe ---- */

static void safe_mode(void)
{
	term m = atom_from_cstr("kbeam_etf_safe_mod");
	term f = atom_from_cstr("kbeam_etf_safe_fun");
	uint8_t in[] = {131, 113, 100, 0,   18,  'k', 'b', 'e', 'a', 'm', '_', 'e',
	                't', 'f', '_', 's', 'a', 'f', 'e', '_', 'm', 'o', 'd', 100,
	                0,   18,  'k', 'b', 'e', 'a', 'm', '_', 'e', 't', 'f', '_',
	                's', 'a', 'f', 'e', '_', 'f', 'u', 'n', 97,  2};
	CHECK(decode_fails(in, sizeof in, ETF_DECODE_SAFE)); /* no entry */
	CHECK(export_entry_lookup(m, f, 2) == NULL);
	kb_heap h;
	heap_init(&h);
	term t = etf_decode(&h, in, sizeof in, 0, NULL, NULL); /* makes the entry */
	export_entry *e = export_entry_lookup(m, f, 2);
	CHECK(t != THE_NON_VALUE && is_export(t) && e && export_get_entry(t) == e);
	CHECK(decode_fails(in, sizeof in, ETF_DECODE_SAFE)); /* entry, but no code */
	if (e) {
		static char code;
		atomic_store(&e->address, (void *)&code);
		t = etf_decode(&h, in, sizeof in, ETF_DECODE_SAFE, NULL, NULL);
		CHECK(t != THE_NON_VALUE && export_get_entry(t) == e);
		atomic_store(&e->address, NULL);
	}
	heap_free(&h);
	/* safe never creates atoms, not even inside a pid */
	uint8_t pid[] = {131, 88, 100, 0, 9, 'k', 'b', '@', 'n', 'o', 'w', 'h', 'e',
	                 'r', 0,  0,   0, 1, 0,   0,   0,   2,   0,   0,   0,   3};
	size_t before = atom_count();
	CHECK(decode_fails(pid, sizeof pid, ETF_DECODE_SAFE));
	CHECK(atom_count() == before);
}

/* ---- the entry tables ---- */

#define THREADS 4
#define KEYS 2000

static void *get_entries(void *arg)
{
	void **out = arg;
	uint8_t md5[16] = {1, 2, 3};
	term mod = atom_from_cstr("kbeam_etf_table_mod");
	for (uint32_t i = 0; i < KEYS; i++) {
		out[2 * i] = export_entry_get(mod, make_atom(i % 50), i);
		out[2 * i + 1] = fun_entry_get(mod, md5, i, 7, 1, 0, THE_NON_VALUE);
	}
	return NULL;
}

static void entry_tables(void)
{
	static void *seen[THREADS][2 * KEYS];
	pthread_t th[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&th[i], NULL, get_entries, seen[i]);
	for (int i = 0; i < THREADS; i++)
		pthread_join(th[i], NULL);
	bool same = true, distinct = true;
	for (int i = 0; i < 2 * KEYS; i++) {
		for (int t = 1; t < THREADS; t++)
			same &= seen[t][i] == seen[0][i] && seen[0][i] != NULL;
		if (i >= 2)
			distinct &= seen[0][i] != seen[0][i - 2];
	}
	CHECK(same);
	CHECK(distinct);
	term mod = atom_from_cstr("kbeam_etf_table_mod");
	export_entry *e = seen[0][2 * 5];
	CHECK(e->module == mod && e->function == make_atom(5) && e->arity == 5 && !e->address);
	CHECK(export_entry_lookup(mod, make_atom(5), 5) == e);
	CHECK(export_entry_lookup(mod, make_atom(5), KEYS + 5) == NULL);
	fun_entry *fe = seen[0][2 * 9 + 1];
	uint8_t md5[16] = {1, 2, 3};
	CHECK(fe->module == mod && fe->index == 9 && fe->old_uniq == 7 && fe->arity == 1);
	CHECK(fe->name == THE_NON_VALUE && !fe->address && memcmp(fe->md5, md5, 16) == 0);
	/* every part of the key counts */
	CHECK(fun_entry_get(mod, md5, 9, 7, 1, 5, THE_NON_VALUE) == fe);
	CHECK(fun_entry_get(mod, md5, 9, 8, 1, 0, THE_NON_VALUE) != fe);
	CHECK(fun_entry_get(mod, md5, 9, 7, 2, 0, THE_NON_VALUE) != fe);
	md5[15] = 1;
	CHECK(fun_entry_get(mod, md5, 9, 7, 1, 0, THE_NON_VALUE) != fe);
}

/* ---- encoder details OTP's corpus cannot show ---- */

static void encoder_details(void)
{
	kb_heap h;
	heap_init(&h);
	/* a sub binary at a bit offset, written as BIT_BINARY_EXT with its
	 * trailing bits cleared */
	uint8_t src[] = {0xff, 0x0f, 0xf0};
	term bin = binary_new(&h, src, 3);
	term *sub = heap_alloc(&h, SUB_BIN_WORDS);
	sub[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	sub[SUB_BIN_BITSIZE] = 11;
	sub[SUB_BIN_BITOFFS] = 4;
	sub[SUB_BIN_ORIG] = bin;
	size_t len;
	uint8_t *out = etf_encode(make_boxed(sub), &opts[0], &len);
	uint8_t want[] = {131, 77, 0, 0, 0, 2, 3, 0xf0, 0xe0};
	CHECK(out && len == sizeof want && memcmp(out, want, len) == 0);
	free(out);
	/* level 0 and levels 1..9 */
	term list = NIL;
	for (int i = 0; i < 20; i++) {
		term *cell = heap_alloc(&h, 2);
		cell[0] = make_small(0);
		cell[1] = list;
		list = make_list(cell);
	}
	etf_encode_options o = ETF_ENCODE_DEFAULTS;
	o.compressed = 0;
	out = etf_encode(list, &o, &len);
	CHECK(out && len == 24 && out[1] == 107);
	free(out);
	for (int level = 1; level <= 9; level++) {
		o.compressed = level;
		out = etf_encode(list, &o, &len);
		CHECK(out && out[1] == 80 && len < 24);
		free(out);
	}
	heap_free(&h);
}

int main(void)
{
	atom_table_init();
	load_corpus();
	for (int i = 0; i < NOPTS; i++)
		roundtrip_with(i);
	decode_cases(true);
	decode_cases(false);
	RUN(truncated_inputs_fail);
	RUN(bad_inputs_fail);
	RUN(deep_nesting);
	RUN(safe_mode);
	RUN(entry_tables);
	RUN(encoder_details);
	free(rts);
	free(dcs);
	free(corpus);
	return unit_exit();
}
