/* The portable hashes erlang:phash2/1,2 and erlang:phash/2 against OTP 25
 * (tests/oracle/phash_vectors.erl): every vector's term is decoded from its
 * external format and hashed here; bitstrings are hashed again from copies
 * at every bit offset, which OTP's hashes ignore. */
#include "unit.h"
#include "oracle_data.h"
#include "term_build.h"

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

static bool load_vectors(void)
{
	size_t n;
	char **lines = oracle_read_lines("phash_vectors.txt", &n);
	if (!lines) {
		snprintf(load_error, sizeof load_error, "cannot open %.300s/phash_vectors.txt",
		         oracle_dir());
		return false;
	}
	vectors = calloc(n ? n : 1, sizeof *vectors);
	for (size_t i = 0; i < n; i++) {
		const char *line = lines[i];
		vector *v = &vectors[nvectors];
		size_t hexlen = oracle_field_len(line);
		if (sscanf(line + hexlen,
		           " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64, &v->otp[0],
		           &v->otp[1], &v->otp[2], &v->otp[3], &v->otp[4]) != 5) {
			snprintf(load_error, sizeof load_error, "line %zu: bad fields",
			         nvectors + 1);
			break;
		}
		const char *err;
		v->t = oracle_decode_hex(&heap, line, &err);
		v->hex = strndup(line, hexlen < 40 ? hexlen : 40);
		if (v->t == THE_NON_VALUE) {
			snprintf(load_error, sizeof load_error, "line %zu (%s...): etf_decode: %s",
			         nvectors + 1, v->hex, err ? err : "?");
			free(v->hex);
			break;
		}
		nvectors++;
	}
	oracle_free_lines(lines, n);
	if (!load_error[0] && nvectors < 300)
		snprintf(load_error, sizeof load_error,
		         "only %zu vectors in %.300s/phash_vectors.txt", nvectors, oracle_dir());
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

static void bitstrings_hash_by_value(void)
{
	size_t tested = 0;
	for (size_t i = 0; i < nvectors && !unit_current_failed; i++) {
		vector *v = &vectors[i];
		if (!is_bitstring(v->t))
			continue;
		tested++;
		for (unsigned offs = 1; offs < 20 && !unit_current_failed; offs++) {
			term s = build_shifted_copy(&heap, v->t, offs, 0xff);
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
static void deep_terms_use_no_c_stack(void)
{
	/* a million nested one-element lists and tuples: any recursion in C
	 * would overflow the stack (and ASan's more so) */
	term l = build_nested_lists(&heap, 1000000), tup = build_nested_tuples(&heap, 1000000);
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
			term mine = build_nested_lists(&heap, depth);
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
