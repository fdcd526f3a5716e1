/* Integers of any size: OTP's own results for thousands of cases
 * (tests/oracle/bignum_vectors.erl writes them), canonical form at the
 * small/big boundary, text and double conversions, huge shifts, and
 * identities checked on random large numbers. */
#include <math.h>
#include <stdint.h>

#include "unit.h"
#include "oracle_data.h"
#include "vm/bignum.h"

/* ---- helpers ---- */

static bool is_canonical(term t)
{
	if (is_small(t))
		return true;
	if (!is_big(t) || big_ndigits(t) == 0)
		return false;
	const uint64_t *d = big_digits(t);
	uint64_t n = big_ndigits(t);
	if (d[n - 1] == 0)
		return false;
	if (n == 1) {
		uint64_t limit = big_is_negative(t) ? (uint64_t)MAX_SMALL + 1 : (uint64_t)MAX_SMALL;
		return d[0] > limit;
	}
	return true;
}

static term dec(kb_heap *h, const char *s) { return int_from_text(h, s, strlen(s), 10); }

/* Hex text of an integer into buf, shortened in the middle when long:
 * for failure messages. */
static const char *show(term t, char *buf, size_t cap)
{
	if (t == THE_NON_VALUE) {
		snprintf(buf, cap, "(none)");
		return buf;
	}
	size_t len;
	char *s = int_to_text(t, 16, &len);
	if (!s) {
		snprintf(buf, cap, "(no text)");
	} else if (len < 60) {
		snprintf(buf, cap, "%s", s);
	} else {
		snprintf(buf, cap, "%.24s...%s(%zu hex digits)", s, s + len - 24, len);
	}
	free(s);
	return buf;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A random integer of 0..maxdigits 64-bit digits; some digits are edge
 * patterns (0, all ones, top bit) that stress carries. */
static term random_int(kb_heap *h, size_t maxdigits)
{
	size_t n = (size_t)(rng() % (maxdigits + 1));
	uint64_t *d = malloc((n ? n : 1) * sizeof *d);
	if (!d)
		return THE_NON_VALUE;
	bool patterned = rng() % 3 == 0;
	for (size_t i = 0; i < n; i++) {
		static const uint64_t pats[] = {0, 1, UINT64_MAX, UINT64_C(1) << 63,
		                                (UINT64_C(1) << 63) - 1};
		d[i] = patterned && rng() % 2 ? pats[rng() % 5] : rng();
	}
	term t = int_from_digits(h, rng() % 2, d, n);
	free(d);
	return t;
}

static bool eq(term a, term b)
{
	return a != THE_NON_VALUE && b != THE_NON_VALUE && int_cmp(a, b) == 0;
}

/* ---- OTP's vectors ---- */

enum {
	V_ADD,
	V_SUB,
	V_MUL,
	V_DIV,
	V_REM,
	V_BAND,
	V_BOR,
	V_BXOR,
	V_CMP,
	V_BNOT,
	V_BSL,
	V_BSR,
	V_TEXT,
	V_FLOAT,
	V_TRUNC,
	V_COUNT
};

static const char *const vector_ops[V_COUNT] = {
    "add", "sub",  "mul", "div", "rem",  "band",  "bor",   "bxor",
    "cmp", "bnot", "bsl", "bsr", "text", "float", "trunc",
};

struct vector_group {
	long cases;
	bool failed;
	char why[400];
};

typedef term (*binop_fn)(kb_heap *, term, term);
static const binop_fn binops[] = {
    [V_ADD] = int_add, [V_SUB] = int_sub,   [V_MUL] = int_mul, [V_DIV] = int_div,
    [V_REM] = int_rem, [V_BAND] = int_band, [V_BOR] = int_bor, [V_BXOR] = int_bxor,
};

/* Checks one line's case; on a mismatch writes why (and returns false). */
static bool check_vector(kb_heap *h, int op, char **f, char *why, size_t cap)
{
	char s1[160], s2[160];
	if (op == V_TRUNC) {
		uint64_t bits = strtoull(f[1], NULL, 16);
		double d;
		memcpy(&d, &bits, sizeof d);
		term want = int_from_text(h, f[2], strlen(f[2]), 16);
		term got = int_from_double(h, d);
		if (eq(got, want) && is_canonical(got))
			return true;
		snprintf(why, cap, "trunc(%.17g): want %s got %s", d, show(want, s1, sizeof s1),
		         show(got, s2, sizeof s2));
		return false;
	}

	term a = int_from_text(h, f[1], strlen(f[1]), 16);
	if (a == THE_NON_VALUE || !is_canonical(a)) {
		snprintf(why, cap, "cannot read %.40s", f[1]);
		return false;
	}
	if (op == V_TEXT) {
		unsigned base = (unsigned)atoi(f[2]);
		size_t len;
		char *s = int_to_text(a, base, &len);
		bool ok = s && len == strlen(f[3]) && strcmp(s, f[3]) == 0;
		if (!ok)
			snprintf(why, cap, "integer_to_list(%s, %u): want %.40s got %.40s",
			         show(a, s1, sizeof s1), base, f[3], s ? s : "(null)");
		/* and back, in lower case */
		for (size_t i = 0; ok && i < len; i++)
			s[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		if (ok && !eq(int_from_text(h, s, len, base), a)) {
			ok = false;
			snprintf(why, cap, "list_to_integer(%.40s, %u) != %s", s, base,
			         show(a, s1, sizeof s1));
		}
		free(s);
		return ok;
	}
	if (op == V_FLOAT) {
		double d = 0;
		bool fits = int_to_double(a, &d);
		uint64_t got;
		memcpy(&got, &d, sizeof got);
		if (strcmp(f[2], "badarg") == 0) {
			if (!fits)
				return true;
			snprintf(why, cap, "float(%s): want badarg got %.17g",
			         show(a, s1, sizeof s1), d);
			return false;
		}
		uint64_t want = strtoull(f[2], NULL, 16);
		if (fits && got == want)
			return true;
		snprintf(why, cap, "float(%s): want bits %016llx got %s%016llx",
		         show(a, s1, sizeof s1), (unsigned long long)want, fits ? "" : "(fails) ",
		         (unsigned long long)got);
		return false;
	}
	if (op == V_BNOT) {
		term want = int_from_text(h, f[2], strlen(f[2]), 16);
		term got = int_bnot(h, a);
		if (eq(got, want) && is_canonical(got))
			return true;
		snprintf(why, cap, "bnot %s: want %s got %s", show(a, s1, sizeof s1), f[2],
		         show(got, s2, sizeof s2));
		return false;
	}

	term b = int_from_text(h, f[2], strlen(f[2]), 16);
	term want = int_from_text(h, f[3], strlen(f[3]), 16);
	if (b == THE_NON_VALUE || want == THE_NON_VALUE) {
		snprintf(why, cap, "cannot read %.40s or %.40s", f[2], f[3]);
		return false;
	}
	term got;
	if (op == V_CMP) {
		int c = int_cmp(a, b), back = int_cmp(b, a);
		if (make_small(c) == want && back == -c)
			return true;
		snprintf(why, cap, "cmp(%s, %s): want %s got %d/%d", show(a, s1, sizeof s1),
		         show(b, s2, sizeof s2), f[3], c, back);
		return false;
	}
	if (op == V_BSL || op == V_BSR) {
		int64_t n = 0;
		int_to_i64(b, &n);
		got = op == V_BSL ? int_bsl(h, a, n) : int_bsr(h, a, n);
	} else {
		got = binops[op](h, a, b);
	}
	if (eq(got, want) && is_canonical(got))
		return true;
	char s3[160];
	snprintf(why, cap, "%s %s %s: want %s got %s%s", vector_ops[op], show(a, s1, sizeof s1),
	         show(b, s2, sizeof s2), f[3], show(got, s3, sizeof s3),
	         got != THE_NON_VALUE && !is_canonical(got) ? " (not canonical)" : "");
	return false;
}

static void oracle_vectors(void)
{
	size_t nlines;
	char **lines = oracle_read_lines("bignum_vectors.txt", &nlines);
	if (!lines) {
		char why[600];
		snprintf(
		    why, sizeof why,
		    "cannot open %.300s/bignum_vectors.txt (run tests/oracle/bignum_vectors.erl)",
		    oracle_dir());
		unit_result("bignum_oracle_vectors", 0, why);
		return;
	}
	struct vector_group groups[V_COUNT] = {0};
	long lineno = 0, unknown = 0;
	for (; (size_t)lineno < nlines; lineno++) {
		char *line = lines[lineno];
		char *f[5];
		int nf = 0;
		for (char *p = line; nf < 5;) {
			f[nf++] = p;
			p = strchr(p, ' ');
			if (!p)
				break;
			*p++ = '\0';
		}
		int op = 0;
		while (op < V_COUNT && strcmp(f[0], vector_ops[op]) != 0)
			op++;
		int want_fields = op == V_BNOT || op == V_FLOAT || op == V_TRUNC ? 3 : 4;
		if (op == V_COUNT || nf != want_fields) {
			unknown++;
			continue;
		}
		struct vector_group *g = &groups[op];
		g->cases++;
		if (g->failed)
			continue;
		char why[360];
		kb_heap h;
		heap_init(&h);
		if (!check_vector(&h, op, f, why, sizeof why)) {
			g->failed = true;
			snprintf(g->why, sizeof g->why, "line %ld: %s", lineno + 1, why);
		}
		heap_free(&h);
	}
	oracle_free_lines(lines, nlines);

	char name[64], why[100];
	snprintf(why, sizeof why, "%ld malformed lines in %s", unknown, "bignum_vectors.txt");
	unit_result("bignum_oracle_file", unknown == 0 && lineno > 0, why);
	for (int op = 0; op < V_COUNT; op++) {
		snprintf(name, sizeof name, "bignum_oracle_%s", vector_ops[op]);
		if (groups[op].cases == 0)
			unit_result(name, 0, "no cases in the vector file");
		else
			unit_result(name, !groups[op].failed, groups[op].why);
	}
}

/* ---- canonical form ---- */

static void canonical_at_the_small_boundary(void)
{
	kb_heap h;
	heap_init(&h);
	term max = int_from_i64(&h, MAX_SMALL), min = int_from_i64(&h, MIN_SMALL);
	term above = int_from_i64(&h, MAX_SMALL + 1), below = int_from_i64(&h, MIN_SMALL - 1);
	CHECK(is_small(max) && is_small(min));
	CHECK(is_big(above) && big_ndigits(above) == 1 && !big_is_negative(above));
	CHECK(is_big(below) && big_ndigits(below) == 1 && big_is_negative(below));
	CHECK(is_small(int_add(&h, above, make_small(-1))));
	CHECK(int_add(&h, above, make_small(-1)) == max);
	CHECK(int_sub(&h, below, make_small(-1)) == min);
	CHECK(is_big(int_add(&h, max, make_small(1))) &&
	      eq(int_add(&h, max, make_small(1)), above));
	CHECK(is_big(int_sub(&h, min, make_small(1))) &&
	      eq(int_sub(&h, min, make_small(1)), below));
	/* -(2^59) is small, 2^59 is not */
	term p59 = int_neg(&h, min);
	CHECK(is_big(p59) && eq(p59, above));
	CHECK(int_neg(&h, p59) == min);
	CHECK(eq(int_abs(&h, min), above));
	CHECK(eq(int_mul(&h, min, make_small(-1)), above));
	CHECK(int_mul(&h, above, make_small(-1)) == min);
	CHECK(eq(int_div(&h, min, make_small(-1)), above));
	CHECK(int_div(&h, above, make_small(-1)) == min);
	CHECK(int_rem(&h, min, make_small(-1)) == make_small(0));
	CHECK(int_bsl(&h, make_small(1), 58) == make_small(INT64_C(1) << 58));
	CHECK(eq(int_bsl(&h, make_small(1), 59), above));
	CHECK(int_bsl(&h, make_small(-1), 59) == min);
	CHECK(eq(int_bsl(&h, make_small(-1), 60), int_add(&h, min, min)));
	CHECK(int_bsr(&h, above, 1) == make_small(INT64_C(1) << 58));
	CHECK(eq(int_bnot(&h, above), below));
	CHECK(int_bnot(&h, min) == max);
	/* 2^59 is bit 59; -2^59 is bit 59 and every bit above it */
	CHECK(eq(int_band(&h, above, min), above));
	CHECK(int_bor(&h, above, min) == min);
	CHECK(eq(int_bxor(&h, above, min), int_add(&h, min, min)));
	CHECK(int_bxor(&h, above, above) == make_small(0));

	/* digits with leading zeros, bytes, machine integers */
	uint64_t d[4] = {5, 0, 0, 0};
	CHECK(int_from_digits(&h, true, d, 4) == make_small(-5));
	CHECK(int_from_digits(&h, true, d, 0) == make_small(0));
	d[0] = (uint64_t)MAX_SMALL + 1;
	CHECK(int_from_digits(&h, true, d, 3) == min);
	CHECK(is_big(int_from_digits(&h, false, d, 3)));
	d[2] = 7;
	term three = int_from_digits(&h, false, d, 4);
	CHECK(is_big(three) && big_ndigits(three) == 3 && is_canonical(three));
	term u = int_from_u64(&h, UINT64_MAX);
	CHECK(is_big(u) && big_ndigits(u) == 1 && big_digits(u)[0] == UINT64_MAX);
	CHECK(int_from_u64(&h, 42) == make_small(42));
	int64_t v = 0;
	CHECK(int_to_i64(int_from_i64(&h, INT64_MIN), &v) && v == INT64_MIN);
	CHECK(int_to_i64(int_from_i64(&h, INT64_MAX), &v) && v == INT64_MAX);
	CHECK(!int_to_i64(u, &v));
	CHECK(!int_to_i64(int_sub(&h, int_from_i64(&h, INT64_MIN), make_small(1)), &v));
	CHECK(int_is_negative(below) && int_is_negative(make_small(-1)) &&
	      !int_is_negative(make_small(0)) && !int_is_negative(u));

	uint8_t bytes[16] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0, 0};
	term fb = int_from_le_bytes(&h, true, bytes, 11);
	CHECK(is_big(fb) && big_ndigits(fb) == 2 && big_is_negative(fb));
	CHECK(int_magnitude_size(fb) == 9);
	uint8_t out[16] = {0};
	int_magnitude_bytes(fb, out);
	CHECK(memcmp(out, bytes, 9) == 0);
	CHECK(int_from_le_bytes(&h, true, bytes + 9, 2) == make_small(0));
	CHECK(int_magnitude_size(make_small(0)) == 0);
	CHECK(int_magnitude_size(make_small(-256)) == 2);
	int_magnitude_bytes(make_small(-256), out);
	CHECK(out[0] == 0 && out[1] == 1);
	heap_free(&h);
}

/* ---- shifts ---- */

static void huge_shifts(void)
{
	kb_heap h;
	heap_init(&h);
	term big = int_bsl(&h, make_small(1), 100000);
	CHECK(is_big(big) && big_ndigits(big) == 100000 / 64 + 1);
	CHECK(int_bsr(&h, big, 100000) == make_small(1));
	CHECK(int_bsl(&h, big, -100000) == make_small(1));
	CHECK(int_bsr(&h, big, 100001) == make_small(0));
	term nbig = int_neg(&h, big);
	CHECK(int_bsr(&h, nbig, 100000) == make_small(-1));
	CHECK(int_bsr(&h, nbig, 99999) == make_small(-2));
	CHECK(int_bsr(&h, int_sub(&h, nbig, make_small(1)), 100000) == make_small(-2));
	CHECK(int_bsr(&h, nbig, 1 << 30) == make_small(-1));
	CHECK(int_bsr(&h, nbig, INT64_MAX) == make_small(-1));
	CHECK(int_bsl(&h, nbig, INT64_MIN) == make_small(-1));
	CHECK(int_bsl(&h, big, INT64_MIN) == make_small(0));
	CHECK(int_bsr(&h, make_small(-5), INT64_MAX) == make_small(-1));
	/* all ones below: -(2^128 - 1) bsr 64 == -2^64 needs a carry digit */
	term ones = int_sub(&h, int_bsl(&h, make_small(1), 128), make_small(1));
	term r = int_bsr(&h, int_neg(&h, ones), 64);
	CHECK(eq(r, int_neg(&h, int_bsl(&h, make_small(1), 64))));
	/* results that cannot be built: system_limit in the VM */
	CHECK(int_bsl(&h, make_small(1), INT64_C(1) << 40) == THE_NON_VALUE);
	CHECK(int_bsl(&h, big, INT64_MAX) == THE_NON_VALUE);
	CHECK(int_bsr(&h, make_small(-1), INT64_MIN) == THE_NON_VALUE);
	CHECK(int_bsl(&h, make_small(0), INT64_MAX) == make_small(0));
	CHECK(int_bsr(&h, make_small(0), INT64_MIN) == make_small(0));
	heap_free(&h);
}

/* ---- text ---- */

static void text_round_trips(void)
{
	kb_heap h;
	heap_init(&h);
	for (int i = 0; i < 300 && !unit_current_failed; i++) {
		term a = random_int(&h, i < 250 ? 12 : 400);
		unsigned base = 2 + (unsigned)(i % 35);
		size_t len;
		char *s = int_to_text(a, base, &len);
		CHECK(s != NULL && strlen(s) == len);
		if (!s)
			break;
		term back = int_from_text(&h, s, len, base);
		CHECKF(eq(back, a) && is_canonical(back), "base %u: %.60s", base, s);
		CHECK(len == 1 || s[s[0] == '-'] != '0');
		free(s);
	}
	/* signs, leading zeros and case */
	CHECK(dec(&h, "+0012") == make_small(12));
	CHECK(dec(&h, "-0") == make_small(0));
	CHECK(dec(&h, "000000000000000000000000000000000000000000") == make_small(0));
	CHECK(int_from_text(&h, "zZ", 2, 36) == make_small(35 * 36 + 35));
	CHECK(int_from_text(&h, "-fF", 3, 16) == make_small(-255));
	CHECK(eq(dec(&h, "576460752303423488"), int_bsl(&h, make_small(1), 59)));
	CHECK(dec(&h, "-576460752303423488") == make_small(MIN_SMALL));
	CHECK(eq(dec(&h, "-00000000000000000000000000000018446744073709551616"),
	         int_neg(&h, int_bsl(&h, make_small(1), 64))));
	size_t len;
	char *s = int_to_text(make_small(MIN_SMALL), 10, &len);
	CHECK(s && strcmp(s, "-576460752303423488") == 0 && len == 19);
	free(s);
	s = int_to_text(make_small(0), 2, &len);
	CHECK(s && strcmp(s, "0") == 0 && len == 1);
	free(s);
	s = int_to_text(make_small(-35), 36, &len);
	CHECK(s && strcmp(s, "-Z") == 0);
	free(s);

	/* 10^k - 1 and 10^k across the chunk and split sizes */
	term ten = make_small(10), p = make_small(1);
	for (int k = 1; k <= 1300 && !unit_current_failed; k++) {
		p = int_mul(&h, p, ten);
		if (k % 19 > 1 && k % 100 != 0 && k % 97 != 0)
			continue;
		term m = int_sub(&h, p, make_small(1));
		char *a = int_to_text(p, 10, &len), *b = int_to_text(m, 10, &len);
		CHECKF(a && b && strlen(a) == (size_t)k + 1 && a[0] == '1' &&
		           strspn(a + 1, "0") == (size_t)k && strlen(b) == (size_t)k &&
		           strspn(b, "9") == (size_t)k,
		       "10^%d", k);
		CHECKF(a && eq(dec(&h, a), p) && b && eq(dec(&h, b), m), "10^%d back", k);
		free(a);
		free(b);
	}
	heap_free(&h);
}

static void text_rejects_bad_input(void)
{
	kb_heap h;
	heap_init(&h);
	static const struct {
		const char *s;
		unsigned base;
	} bad[] = {
	    {"", 10},         {"+", 10},   {"-", 10},     {" 1", 10},   {"1 ", 10},
	    {"1_000", 10},    {"12a", 10}, {"z", 35},     {"0x10", 16}, {"--1", 10},
	    {"+-1", 10},      {"1.0", 10}, {"2", 2},      {"g", 16},    {"1e5", 10},
	    {"\xd9\xa1", 10}, {"-+1", 10}, {"12 34", 10}, {"\t5", 10},  {"5\n", 10},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECKF(int_from_text(&h, bad[i].s, strlen(bad[i].s), bad[i].base) == THE_NON_VALUE,
		       "\"%s\" base %u", bad[i].s, bad[i].base);
	CHECK(int_from_text(&h, "1\0", 2, 10) == THE_NON_VALUE);
	CHECK(int_from_text(&h, "10", 2, 1) == THE_NON_VALUE);
	CHECK(int_from_text(&h, "10", 2, 37) == THE_NON_VALUE);
	CHECK(int_from_text(&h, "10", 2, 0) == THE_NON_VALUE);
	/* a bad digit at the end of a long number */
	char *long_bad = malloc(5001);
	if (long_bad) {
		memset(long_bad, '7', 5000);
		long_bad[4999] = '8';
		CHECK(int_from_text(&h, long_bad, 5000, 8) == THE_NON_VALUE);
		long_bad[4999] = '7';
		CHECK(is_big(int_from_text(&h, long_bad, 5000, 8)));
		free(long_bad);
	}
	size_t len;
	CHECK(int_to_text(make_small(1), 37, &len) == NULL);
	CHECK(int_to_text(make_small(1), 1, &len) == NULL);
	heap_free(&h);
}

/* ---- doubles ---- */

static void double_conversions(void)
{
	kb_heap h;
	heap_init(&h);
	static const char e300[] =
	    "10000000000000000525047602552044202487044685811081591549158541155118024579889"
	    "08195786371375080447864043704443832883878176942523235360430575644792184786706"
	    "98284838720092657580373783023379478809005936895323497079994508111903896764088"
	    "0074652742780142494579258788820056842838115669472196386865459400540160";
	CHECK(eq(int_from_double(&h, 1.0e300), dec(&h, e300)));
	term dmax = int_from_double(&h, -1.7976931348623157e308);
	static const char dmax36[] =
	    "-1A1E4VNGAIKU6SCYIL2A1VCBG6QVBZJFSEU5NTY6QYR6FT0FMXYR3NMWLM21AXDQ6ED914EDAR7ZMC0"
	    "M6NPHL75RAN22ULSB7GK2X0W8EH76J4MR2DVCV9TLPR9QO3AP6MY00O4K4HHS2393945UO1RSPBZ2QHH"
	    "HVHWP0K4Z956E50710Y4RP9WVBY29LPSVD8XLURK";
	CHECK(eq(dmax, int_from_text(&h, dmax36, strlen(dmax36), 36)));
	CHECK(eq(int_from_double(&h, 123456789.0e20), dec(&h, "12345678899999999188514373632")));
	CHECK(int_from_double(&h, -0.0) == make_small(0));
	CHECK(int_from_double(&h, 0.99999) == make_small(0));
	CHECK(int_from_double(&h, -1.5) == make_small(-1));
	CHECK(int_from_double(&h, 5e-324) == make_small(0));
	CHECK(eq(int_from_double(&h, 0x1p59), int_bsl(&h, make_small(1), 59)));
	CHECK(int_from_double(&h, -0x1p59) == make_small(MIN_SMALL));
	CHECK(eq(int_from_double(&h, 0x1p63), int_bsl(&h, make_small(1), 63)));
	CHECK(eq(int_from_double(&h, -0x1p63), int_from_i64(&h, INT64_MIN)));
	CHECK(eq(int_from_double(&h, 0x1p64 - 2048), int_from_u64(&h, UINT64_MAX - 2047)));
	CHECK(eq(int_from_double(&h, 0x1p64), int_bsl(&h, make_small(1), 64)));
	CHECK(int_from_double(&h, INFINITY) == THE_NON_VALUE);
	CHECK(int_from_double(&h, -INFINITY) == THE_NON_VALUE);
	CHECK(int_from_double(&h, NAN) == THE_NON_VALUE);

	double d = 0;
	CHECK(int_to_double(dmax, &d) && d == -1.7976931348623157e308);
	CHECK(int_to_double(dec(&h, e300), &d) && d == 1.0e300);
	/* ties go to even: 2^64 + 2^11 is halfway between 2^64 and 2^64 + 2^12 */
	term tie = int_add(&h, int_bsl(&h, make_small(1), 64), make_small(2048));
	CHECK(int_to_double(tie, &d) && d == 0x1p64);
	CHECK(int_to_double(int_add(&h, tie, make_small(1)), &d) && d == 0x1p64 + 4096);
	CHECK(int_to_double(int_add(&h, tie, make_small(4096)), &d) && d == 0x1p64 + 8192);
	/* OTP rounds digit by digit, not once: 2^128 + 2^75 + 1 is nearest to
	 * 2^128 + 2^76, but the tie 2^64 + 2^11 is rounded first */
	term twice = int_add(&h, int_bsl(&h, make_small(1), 128),
	                     int_add(&h, int_bsl(&h, make_small(1), 75), make_small(1)));
	CHECK(int_to_double(twice, &d) && d == 0x1p128);
	term two1024 = int_bsl(&h, make_small(1), 1024);
	CHECK(!int_to_double(two1024, &d));
	CHECK(!int_to_double(int_sub(&h, two1024, int_bsl(&h, make_small(1), 970)), &d));
	CHECK(int_to_double(int_sub(&h, two1024, int_bsl(&h, make_small(1), 971)), &d) &&
	      d == 1.7976931348623157e308);
	CHECK(!int_to_double(int_bsl(&h, make_small(-1), 100000), &d));
	CHECK(int_to_double(make_small(MIN_SMALL), &d) && d == -0x1p59);

	/* every exponent: trunc(float(I)) == I for I with 53 significant bits */
	for (int e = 0; e < 1024 - 53 && !unit_current_failed; e += 7) {
		term m = int_from_u64(&h, (rng() >> 11) | (UINT64_C(1) << 52));
		term v = int_bsl(&h, m, e);
		CHECKF(int_to_double(v, &d) && eq(int_from_double(&h, d), v), "2^%d", e);
	}
	heap_free(&h);
}

/* ---- properties of random large numbers ---- */

static void division_identities(void)
{
	kb_heap h;
	heap_init(&h);
	for (int i = 0; i < 600 && !unit_current_failed; i++) {
		term a = random_int(&h, i < 500 ? 12 : 90);
		term b = random_int(&h, i < 500 ? 8 : 60);
		if (b == make_small(0)) {
			CHECK(int_div(&h, a, b) == THE_NON_VALUE &&
			      int_rem(&h, a, b) == THE_NON_VALUE);
			continue;
		}
		term q = int_div(&h, a, b), r = int_rem(&h, a, b);
		CHECK(is_canonical(q) && is_canonical(r));
		/* a == q b + r, |r| < |b|, r has a's sign (or is 0) */
		CHECKF(eq(int_add(&h, int_mul(&h, q, b), r), a), "case %d", i);
		CHECK(int_cmp(int_abs(&h, r), int_abs(&h, b)) < 0);
		CHECK(r == make_small(0) || int_is_negative(r) == int_is_negative(a));
	}
	heap_free(&h);
}

static void arithmetic_identities(void)
{
	kb_heap h;
	heap_init(&h);
	for (int i = 0; i < 200 && !unit_current_failed; i++) {
		size_t size = i < 150 ? 40 : 300; /* past the Karatsuba threshold */
		term a = random_int(&h, size), b = random_int(&h, size),
		     c = random_int(&h, size / 3);
		/* distributivity mixes balanced and unbalanced products */
		term left = int_mul(&h, a, int_add(&h, b, c));
		term right = int_add(&h, int_mul(&h, a, b), int_mul(&h, a, c));
		CHECKF(eq(left, right), "a(b+c), case %d", i);
		CHECK(eq(int_mul(&h, a, a), int_mul(&h, int_neg(&h, a), int_neg(&h, a))));
		CHECK(eq(int_sub(&h, int_add(&h, a, b), b), a));
		/* a xor b == (a or b) - (a and b); not not a == a */
		term x = int_bxor(&h, a, b);
		CHECK(eq(x, int_sub(&h, int_bor(&h, a, b), int_band(&h, a, b))));
		CHECK(eq(int_bnot(&h, int_bnot(&h, a)), a));
		CHECK(int_band(&h, a, int_bnot(&h, a)) == make_small(0));
		int64_t s = (int64_t)(rng() % 300);
		CHECK(eq(int_bsr(&h, int_bsl(&h, a, s), s), a));
	}
	heap_free(&h);
}

/* Tens of thousands of digits: Karatsuba over many levels, long division,
 * and text conversion in both directions, checked modulo small primes and
 * by round trips. */
static void large_operands(void)
{
	kb_heap h;
	heap_init(&h);
	const size_t n = 20000;
	uint64_t *d = malloc(n * sizeof *d);
	if (!d) {
		CHECK(d != NULL);
		return;
	}
	for (size_t i = 0; i < n; i++)
		d[i] = rng();
	term a = int_from_digits(&h, false, d, n);
	for (size_t i = 0; i < n; i++)
		d[i] = rng() | (i % 3 ? 0 : UINT64_MAX);
	term b = int_from_digits(&h, true, d, n - 777);
	free(d);

	term ab = int_mul(&h, a, b);
	CHECK(is_big(ab) && big_ndigits(ab) >= 2 * n - 778 && int_is_negative(ab));
	static const int64_t primes[] = {1000000007, 998244353, MAX_SMALL};
	for (size_t i = 0; i < 3; i++) {
		term p = make_small(primes[i]);
		term lhs = int_rem(&h, ab, p);
		term rhs = int_rem(&h, int_mul(&h, int_rem(&h, a, p), int_rem(&h, b, p)), p);
		CHECKF(eq(lhs, rhs), "product mod %lld", (long long)primes[i]);
	}
	/* long division of a 3000-digit number by a 1300-digit one */
	term num = int_bsr(&h, ab, 64 * (2 * n - 3777));
	term den = int_bsr(&h, a, 64 * (n - 1300));
	term q = int_div(&h, num, den), r = int_rem(&h, num, den);
	CHECK(eq(int_add(&h, int_mul(&h, q, den), r), num));
	CHECK(int_cmp(int_abs(&h, r), int_abs(&h, den)) < 0);

	/* text of 100000 and 400000 bits, both ways */
	term t1 = int_bsr(&h, b, 64 * (n - 777 - 1563));
	term t2 = int_bsr(&h, a, 64 * (n - 6250));
	term ts[2] = {t1, t2};
	for (int k = 0; k < 2; k++) {
		size_t len;
		char *s = int_to_text(ts[k], 10, &len);
		CHECK(s != NULL && len > 30000);
		if (s)
			CHECKF(eq(int_from_text(&h, s, len, 10), ts[k]), "decimal round trip %d",
			       k);
		free(s);
		s = int_to_text(ts[k], 7, &len);
		if (s)
			CHECKF(eq(int_from_text(&h, s, len, 7), ts[k]), "base 7 round trip %d", k);
		free(s);
	}
	heap_free(&h);
}

int main(void)
{
	oracle_vectors();
	RUN(canonical_at_the_small_boundary);
	RUN(huge_shifts);
	RUN(text_round_trips);
	RUN(text_rejects_bad_input);
	RUN(double_conversions);
	RUN(division_identities);
	RUN(arithmetic_identities);
	RUN(large_operands);
	return unit_exit();
}
