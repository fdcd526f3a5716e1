/* The portable hashes erlang:phash2/1,2 and erlang:phash/2 against OTP 25
 * (tests/oracle/phash_vectors.erl): every vector's term is decoded from its
 * external format and hashed here; bitstrings are hashed again from copies
 * at every bit offset, which OTP's hashes ignore. */
#include "unit.h"

#include <inttypes.h>

#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/binary.h"
#include "vm/hash_portable.h"

static kb_heap heap;

/* ---- the OTP oracle ---- */

typedef struct vector {
	char *hex;       /* term_to_binary(T) */
	term t;          /* decoded; THE_NON_VALUE when that failed */
	uint64_t otp[5]; /* phash2/1, phash2 1000, phash2 2^32, phash 2^32, phash 7 */
} vector;

static vector *vectors;
static size_t nvectors;
static char load_error[400];

static const char *oracle_dir(void)
{
	const char *d = getenv("KBEAM_ORACLE_DIR");
	return d ? d : "build/oracle";
}

static unsigned hex_digit(char c)
{
	return c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10) & 15;
}

static term decode_hex(const char *s, size_t n_hex, const char **err)
{
	size_t n = n_hex / 2;
	uint8_t *buf = malloc(n + 1);
	if (!buf) {
		*err = "out of memory";
		return THE_NON_VALUE;
	}
	for (size_t i = 0; i < n; i++)
		buf[i] = (uint8_t)(hex_digit(s[2 * i]) << 4 | hex_digit(s[2 * i + 1]));
	size_t used = 0;
	*err = NULL;
	term t = etf_decode(&heap, buf, n, 0, &used, err);
	if (t != THE_NON_VALUE && used != n) {
		*err = "trailing bytes";
		t = THE_NON_VALUE;
	}
	free(buf);
	return t;
}

static bool load_vectors(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/phash_vectors.txt", oracle_dir());
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(load_error, sizeof load_error, "cannot open %.300s", path);
		return false;
	}
	size_t cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, f)) >= 0) {
		if (nvectors == cap) {
			cap = cap ? cap * 2 : 512;
			vectors = realloc(vectors, cap * sizeof *vectors);
		}
		vector *v = &vectors[nvectors];
		size_t hexlen = strcspn(line, " ");
		if (sscanf(line + hexlen,
		           " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64, &v->otp[0],
		           &v->otp[1], &v->otp[2], &v->otp[3], &v->otp[4]) != 5) {
			snprintf(load_error, sizeof load_error, "line %zu: bad fields",
			         nvectors + 1);
			break;
		}
		const char *err;
		v->t = decode_hex(line, hexlen, &err);
		v->hex = strndup(line, hexlen < 40 ? hexlen : 40);
		if (v->t == THE_NON_VALUE) {
			snprintf(load_error, sizeof load_error, "line %zu (%s...): etf_decode: %s",
			         nvectors + 1, v->hex, err ? err : "?");
			free(v->hex);
			break;
		}
		nvectors++;
	}
	free(line);
	fclose(f);
	if (!load_error[0] && nvectors < 300)
		snprintf(load_error, sizeof load_error, "only %zu vectors in %.300s", nvectors,
		         path);
	return !load_error[0];
}

static void oracle_loaded(void) { CHECKF(load_error[0] == 0, "%.380s", load_error); }

/* phash2/1, phash2/2 for 1000 and 2^32, through both entry points. */
static void phash2_matches_otp(void)
{
	CHECKF(nvectors > 0, "no vectors");
	for (size_t i = 0; i < nvectors && !unit_current_failed; i++) {
		vector *v = &vectors[i];
		uint32_t h = 0, r1000 = 0, rall = 0;
		bool ok = term_phash2(v->t, &h) && term_phash2_range(v->t, 1000, &r1000) &&
		          term_phash2_range(v->t, PHASH_RANGE_MAX, &rall);
		CHECKF(ok, "vector %zu (%s...): out of memory", i + 1, v->hex);
		CHECKF((h & PHASH2_DEFAULT_MASK) == v->otp[0] && r1000 == v->otp[1] &&
		           h == v->otp[2] && rall == v->otp[2],
		       "vector %zu (%s...): phash2 %" PRIu32 "/%" PRIu32 "/%" PRIu32
		       ", OTP %" PRIu64 "/%" PRIu64 "/%" PRIu64,
		       i + 1, v->hex, h & PHASH2_DEFAULT_MASK, r1000, h, v->otp[0], v->otp[1],
		       v->otp[2]);
	}
}

/* phash/2 for 2^32 and 7. */
static void phash_matches_otp(void)
{
	CHECKF(nvectors > 0, "no vectors");
	for (size_t i = 0; i < nvectors && !unit_current_failed; i++) {
		vector *v = &vectors[i];
		uint32_t h = 0;
		uint64_t rall = 0, r7 = 0;
		bool ok = term_phash(v->t, &h) && term_phash_range(v->t, PHASH_RANGE_MAX, &rall) &&
		          term_phash_range(v->t, 7, &r7);
		CHECKF(ok, "vector %zu (%s...): out of memory", i + 1, v->hex);
		CHECKF((uint64_t)h + 1 == v->otp[3] && rall == v->otp[3] && r7 == v->otp[4],
		       "vector %zu (%s...): phash %" PRIu64 "/%" PRIu64 ", OTP %" PRIu64
		       "/%" PRIu64,
		       i + 1, v->hex, rall, r7, v->otp[3], v->otp[4]);
	}
}

/* ---- bitstrings at other offsets ---- */

static bool get_bit(const uint8_t *p, uint64_t i) { return p[i / 8] >> (7 - i % 8) & 1; }
static void put_bit(uint8_t *p, uint64_t i, bool b)
{
	if (b)
		p[i / 8] |= (uint8_t)(0x80 >> (i % 8));
	else
		p[i / 8] &= (uint8_t) ~(0x80 >> (i % 8));
}

/* A sub binary holding t's bits at bit offset `offs` of a fresh binary
 * whose other bits are all ones. */
static term shifted_copy(term t, unsigned offs)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t nbytes = (offs + v.bitsize + 7) / 8 + 1;
	term orig = binary_new(&heap, NULL, nbytes);
	if (orig == THE_NON_VALUE)
		return THE_NON_VALUE;
	uint8_t *d = binary_bytes_mut(orig);
	memset(d, 0xff, nbytes);
	for (uint64_t i = 0; i < v.bitsize; i++)
		put_bit(d, offs + i, get_bit(v.base, v.bitoffs + i));
	term *p = heap_alloc(&heap, SUB_BIN_WORDS);
	if (!p)
		return THE_NON_VALUE;
	p[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	p[SUB_BIN_BITSIZE] = v.bitsize;
	p[SUB_BIN_BITOFFS] = offs;
	p[SUB_BIN_ORIG] = orig;
	return make_boxed(p);
}

static void bitstrings_hash_by_value(void)
{
	size_t tested = 0;
	for (size_t i = 0; i < nvectors && !unit_current_failed; i++) {
		vector *v = &vectors[i];
		if (!is_bitstring(v->t))
			continue;
		tested++;
		for (unsigned offs = 1; offs < 20 && !unit_current_failed; offs++) {
			term s = shifted_copy(v->t, offs);
			uint32_t h2 = 0, h = 0;
			CHECK(s != THE_NON_VALUE && term_phash2(s, &h2) && term_phash(s, &h));
			CHECKF(h2 == v->otp[2] && (uint64_t)h + 1 == v->otp[3],
			       "vector %zu (%s...) at bit offset %u: phash2 %" PRIu32
			       " phash %" PRIu32 ", OTP %" PRIu64 " %" PRIu64,
			       i + 1, v->hex, offs, h2, h, v->otp[2], v->otp[3] - 1);
		}
	}
	CHECKF(tested >= 50, "only %zu bitstring vectors", tested);
}

/* ---- the API around the hashes ---- */

static void ranges_are_checked(void)
{
	uint32_t r2 = 7;
	uint64_t r = 7;
	CHECK(!phash_range_valid(0));
	CHECK(phash_range_valid(1));
	CHECK(phash_range_valid(PHASH_RANGE_MAX));
	CHECK(!phash_range_valid(PHASH_RANGE_MAX + 1));
	CHECK(!term_phash2_range(NIL, 0, &r2) && r2 == 7);
	CHECK(!term_phash_range(NIL, PHASH_RANGE_MAX + 1, &r) && r == 7);
	CHECK(term_phash2_range(NIL, 1, &r2) && r2 == 0);
	CHECK(term_phash_range(NIL, 1, &r) && r == 1);
}

/* Terms built here, not decoded: hashes that only depend on values. */
static term cons(term h, term t)
{
	term *p = heap_alloc(&heap, 2);
	p[0] = h;
	p[1] = t;
	return make_list(p);
}

static void deep_terms_use_no_c_stack(void)
{
	/* a million nested one-element lists and tuples: any recursion in C
	 * would overflow the stack (and ASan's more so) */
	term l = NIL, tup = NIL;
	for (int i = 0; i < 1000000; i++) {
		l = cons(l, NIL);
		term *p = heap_alloc(&heap, 2);
		p[0] = make_header(1, SUBTAG_TUPLE);
		p[1] = tup;
		tup = make_boxed(p);
	}
	uint32_t a = 0, b = 0;
	CHECK(term_phash2(l, &a) && term_phash(l, &b));
	CHECK(term_phash2(tup, &a) && term_phash(tup, &b));
	/* a 100000-deep list of the vectors' shape hashes as OTP says */
	for (size_t i = 0; i < nvectors; i++) {
		term t = vectors[i].t;
		size_t depth = 0;
		while (is_list(t) && is_nil(list_tail(t)) && depth <= 100000) {
			t = list_head(t);
			depth++;
		}
		if (depth == 100000 && is_nil(t)) {
			term mine = NIL;
			for (size_t d = 0; d < depth; d++)
				mine = cons(mine, NIL);
			CHECK(term_phash2(mine, &a) && a == vectors[i].otp[2]);
			return;
		}
	}
	CHECKF(0, "no 100000-deep list among the vectors");
}

/* atom_name_hash is OTP's hashpjw with the Latin-1 clutch. */
static void atom_hash_known_values(void)
{
	CHECK(atom_name_hash(atom_from_cstr("")) == 0);
	CHECK(atom_name_hash(atom_from_cstr("a")) == 97);
	CHECK(atom_name_hash(atom_from_cstr("ab")) == 97 * 16 + 98);
	/* "é" is C3 A9 in UTF-8 and hashes as its Latin-1 byte E9 */
	CHECK(atom_name_hash(atom_from_cstr("\xc3\xa9")) == 0xe9);
	/* U+0100 (C4 80) is outside the clutch: both bytes are hashed */
	CHECK(atom_name_hash(atom_from_cstr("\xc4\x80")) == 0xc4 * 16 + 0x80);
}

int main(void)
{
	atom_table_init();
	heap_init(&heap);
	load_vectors();
	RUN(oracle_loaded);
	RUN(phash2_matches_otp);
	RUN(phash_matches_otp);
	RUN(bitstrings_hash_by_value);
	RUN(ranges_are_checked);
	RUN(deep_terms_use_no_c_stack);
	RUN(atom_hash_known_values);
	for (size_t i = 0; i < nvectors; i++)
		free(vectors[i].hex);
	free(vectors);
	heap_free(&heap);
	return unit_exit();
}
