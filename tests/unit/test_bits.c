/* The bit syntax (vm/bits.h) against OTP and against itself.
 *
 * bits_cases.etf (tests/oracle/bits_cases.erl) holds segment lists OTP
 * built and patterns OTP matched; every one runs through the helpers and
 * must give OTP's bitstring, exception or extracted values. Matches run a
 * second time on the same bits at an odd bit offset of a larger binary, and
 * appends a second time onto a writable binary (the in-place path).
 * Beyond the vectors: appending a million bytes one at a time must take
 * well under a second; appends never change what an existing term sees;
 * every code point and every half float round-trips; match contexts keep
 * and restore positions.
 */
#include "unit.h"

#include <time.h>

#include "oracle_data.h"
#include "term_build.h"
#include "vm/atom.h"
#include "vm/bignum.h"
#include "vm/bits.h"
#include "vm/compare.h"
#include "vm/print.h"

static kb_heap case_heap;
static term atom_all, atom_undefined;

static bool atom_is(term t, const char *name)
{
	size_t len;
	if (!is_atom(t))
		return false;
	const char *n = atom_name(t, &len);
	return len == strlen(name) && memcmp(n, name, len) == 0;
}

static void show(print_buf *b, term t)
{
	if (t == THE_NON_VALUE)
		print_buf_puts(b, "THE_NON_VALUE");
	else
		print_term(b, t);
}

static void fresh_process(process *p)
{
	memset(p, 0, sizeof *p);
	p->reds = 4000;
	heap_init(&p->heap);
}

/* A bitstring term as the rules of binary.h want it: a sub binary's
 * original is a heap or refc binary, and its bits lie inside it. */
static bool well_formed(term t)
{
	if (!is_bitstring(t))
		return false;
	term *p = boxed_ptr(t);
	if (header_subtag(p[0]) != SUBTAG_SUB_BIN)
		return true;
	term o = p[SUB_BIN_ORIG];
	if (!is_boxed_with(o, SUBTAG_HEAP_BIN) && !is_boxed_with(o, SUBTAG_REFC_BIN))
		return false;
	return p[SUB_BIN_BITOFFS] + p[SUB_BIN_BITSIZE] <= bitstring_bitsize(o);
}

/* =:=, and floats bit for bit (-0.0 is not 0.0 here). */
static bool same(term a, term b)
{
	if (is_float(a) && is_float(b)) {
		double x = float_value(a), y = float_value(b);
		return memcmp(&x, &y, sizeof x) == 0;
	}
	if (is_bitstring(a) && !well_formed(a))
		return false;
	return term_eq_exact(a, b);
}

static unsigned flags_of(term l)
{
	unsigned f = 0;
	for (; is_list(l); l = list_tail(l)) {
		term a = list_head(l);
		if (atom_is(a, "little"))
			f |= BS_FLAG_LITTLE;
		else if (atom_is(a, "native"))
			f |= BS_FLAG_NATIVE;
		else if (atom_is(a, "signed"))
			f |= BS_FLAG_SIGNED;
	}
	return f;
}

static long list_length(term l)
{
	long n = 0;
	for (; is_list(l); l = list_tail(l))
		n++;
	return is_nil(l) ? n : -1;
}

/* ---- construction vectors ---- */

static const struct {
	const char *name;
	enum bs_seg_type type;
} seg_types[] = {
    {"integer", BS_SEG_INTEGER}, {"float", BS_SEG_FLOAT},   {"binary", BS_SEG_BINARY},
    {"utf8", BS_SEG_UTF8},       {"utf16", BS_SEG_UTF16},   {"utf32", BS_SEG_UTF32},
    {"string", BS_SEG_STRING},   {"append", BS_SEG_APPEND},
};

/* Segment descriptors {Type, Unit, Flags, Value, Size} into segs. */
static bool decode_segs(term l, bs_seg *segs, unsigned max, unsigned *n)
{
	*n = 0;
	for (; is_list(l); l = list_tail(l)) {
		term d = list_head(l);
		if (!is_tuple(d) || tuple_arity(d) != 5 || *n == max)
			return false;
		bs_seg *s = &segs[(*n)++];
		memset(s, 0, sizeof *s);
		unsigned k;
		for (k = 0; k < sizeof seg_types / sizeof seg_types[0]; k++)
			if (atom_is(tuple_get(d, 1), seg_types[k].name))
				break;
		if (k == sizeof seg_types / sizeof seg_types[0])
			return false;
		s->type = (uint8_t)seg_types[k].type;
		s->unit = (uint32_t)small_value(tuple_get(d, 2));
		s->flags = (uint8_t)flags_of(tuple_get(d, 3));
		s->value = tuple_get(d, 4);
		s->size = tuple_get(d, 5);
		if (s->size == atom_undefined)
			s->size = THE_NON_VALUE;
		if (s->type == BS_SEG_STRING) {
			s->string = bitstring_aligned_bytes(s->value);
			s->value = NIL;
		}
	}
	return true;
}

/* Runs one construction; true when it gives OTP's outcome. */
static bool run_create(const bs_seg *segs, unsigned n, term want, print_buf *why)
{
	process p;
	fresh_process(&p);
	term r = bs_create_bin(&p, segs, n);
	term want_class = tuple_get(want, 1), want_value = tuple_get(want, 2);
	bool ok = want_class == ATOM(ok)
	              ? r != THE_NON_VALUE && same(r, want_value)
	              : r == THE_NON_VALUE && p.freason == EXC_ERROR && p.fvalue == want_value;
	if (!ok) {
		print_buf_puts(why, "OTP ");
		show(why, want);
		print_buf_puts(why, ", kbeam ");
		show(why, r != THE_NON_VALUE ? r : p.fvalue);
	}
	heap_free(&p.heap);
	return ok;
}

/* A writable binary holding bits of t (so an append to it is in place). */
static term writable_copy(process *p, term t)
{
	term w = bs_init_writable(p, make_small(0));
	bs_seg segs[2] = {
	    {.type = BS_SEG_PRIVATE_APPEND, .unit = 1, .value = w, .size = atom_all},
	    {.type = BS_SEG_BINARY, .unit = 1, .value = t, .size = atom_all},
	};
	return bs_create_bin(p, segs, 2);
}

static void create_vectors(term cases)
{
	size_t total = 0, bad = 0, appends = 0, bad_appends = 0;
	print_buf why, why_append;
	print_buf_init(&why);
	print_buf_init(&why_append);
	for (term l = cases; is_list(l); l = list_tail(l)) {
		term c = list_head(l);
		if (!atom_is(tuple_get(c, 1), "create"))
			continue;
		bs_seg segs[16];
		unsigned n;
		total++;
		if (!decode_segs(tuple_get(c, 2), segs, 16, &n)) {
			if (bad++ == 0)
				print_buf_puts(&why, "undecodable case");
			continue;
		}
		print_buf one;
		print_buf_init(&one);
		show(&one, tuple_get(c, 2));
		print_buf_puts(&one, ": ");
		if (!run_create(segs, n, tuple_get(c, 3), &one) && bad++ == 0)
			print_buf_append(&why, one.data, one.len);
		print_buf_free(&one);

		if (n == 0 || segs[0].type != BS_SEG_APPEND || !is_bitstring(segs[0].value))
			continue;
		/* Again, appending to a writable binary with the same bits. */
		appends++;
		process p;
		fresh_process(&p);
		segs[0].value = writable_copy(&p, segs[0].value);
		print_buf_init(&one);
		print_buf_puts(&one, "writable ");
		show(&one, tuple_get(c, 2));
		print_buf_puts(&one, ": ");
		if (!run_create(segs, n, tuple_get(c, 3), &one) && bad_appends++ == 0)
			print_buf_append(&why_append, one.data, one.len);
		print_buf_free(&one);
		heap_free(&p.heap);
	}
	char name[96];
	snprintf(name, sizeof name, "bits create vs OTP (%zu cases)", total);
	unit_result(name, total > 0 && bad == 0, total ? why.data : "no create cases");
	snprintf(name, sizeof name, "bits append in place vs OTP (%zu cases)", appends);
	unit_result(name, appends > 0 && bad_appends == 0,
	            appends ? why_append.data : "no append cases");
	print_buf_free(&why);
	print_buf_free(&why_append);
}

/* ---- match vectors ---- */

/* Runs the ops of one match case on bitstring bin; the outcome as OTP
 * writes it: {ok, Values} or nomatch. */
static term run_ops(process *p, term bin, term ops)
{
	term ms = bs_start_match(p, bin);
	if (ms == THE_NON_VALUE)
		return ATOM(undefined);
	term values[64];
	unsigned nv = 0;
	bool matched = true, tail_taken = false;
	for (term l = ops; matched && is_list(l); l = list_tail(l)) {
		term op = list_head(l);
		term kind = tuple_get(op, 1), v = THE_NON_VALUE;
		uint64_t bits = 0;
		bool sized = atom_is(kind, "integer") || atom_is(kind, "float") ||
		             atom_is(kind, "binary") || atom_is(kind, "skip");
		if (sized && !bs_size_bits(tuple_get(op, 2),
		                           (uint32_t)small_value(tuple_get(op, 3)), &bits)) {
			matched = false;
			break;
		}
		if (atom_is(kind, "integer")) {
			v = bs_get_integer(p, ms, bits, flags_of(tuple_get(op, 4)));
		} else if (atom_is(kind, "float")) {
			v = bs_get_float(p, ms, bits, flags_of(tuple_get(op, 4)));
		} else if (atom_is(kind, "binary")) {
			v = bs_get_binary(p, ms, bits);
		} else if (atom_is(kind, "skip")) {
			matched = bs_skip_bits(ms, bits);
			continue;
		} else if (atom_is(kind, "binary_all")) {
			tail_taken = true;
			v = bs_get_binary_all(p, ms, (uint32_t)small_value(tuple_get(op, 2)));
		} else if (atom_is(kind, "skip_all")) {
			tail_taken = true;
			matched = bs_skip_all(ms, (uint32_t)small_value(tuple_get(op, 2)));
			continue;
		} else if (atom_is(kind, "utf8")) {
			v = bs_get_utf8(ms);
		} else if (atom_is(kind, "utf16")) {
			v = bs_get_utf16(ms, flags_of(tuple_get(op, 2)));
		} else if (atom_is(kind, "utf32")) {
			v = bs_get_utf32(ms, flags_of(tuple_get(op, 2)));
		} else if (atom_is(kind, "string")) {
			term s = tuple_get(op, 2);
			matched =
			    bs_match_string(ms, bitstring_aligned_bytes(s), bitstring_bitsize(s));
			continue;
		} else {
			return ATOM(undefined);
		}
		if (v == THE_NON_VALUE || nv == 64)
			matched = false;
		else
			values[nv++] = v;
	}
	if (matched && !tail_taken)
		matched = bs_test_tail(ms, 0);
	if (!matched)
		return atom_from_cstr("nomatch");
	term list = NIL;
	while (nv > 0)
		list = build_cons(&p->heap, values[--nv], list);
	return build_tuple2(&p->heap, ATOM(ok), list);
}

static bool same_outcome(term got, term want)
{
	if (is_atom(got) || is_atom(want))
		return got == want;
	term a = tuple_get(got, 2), b = tuple_get(want, 2);
	if (list_length(a) != list_length(b))
		return false;
	for (; is_list(a); a = list_tail(a), b = list_tail(b))
		if (!same(list_head(a), list_head(b)))
			return false;
	return true;
}

static void match_vectors(term cases)
{
	size_t total = 0, bad = 0, bad_shifted = 0;
	print_buf why, why_shifted;
	print_buf_init(&why);
	print_buf_init(&why_shifted);
	for (term l = cases; is_list(l); l = list_tail(l)) {
		term c = list_head(l);
		if (!atom_is(tuple_get(c, 1), "match"))
			continue;
		total++;
		term bin = tuple_get(c, 2), ops = tuple_get(c, 3), want = tuple_get(c, 4);
		for (int shifted = 0; shifted < 2; shifted++) {
			process p;
			fresh_process(&p);
			term subject = shifted ? build_shifted_copy(&p.heap, bin, 5, 0xa5) : bin;
			term got = run_ops(&p, subject, ops);
			if (!same_outcome(got, want) && (shifted ? bad_shifted++ : bad++) == 0) {
				print_buf *w = shifted ? &why_shifted : &why;
				show(w, bin);
				print_buf_puts(w, " ");
				show(w, ops);
				print_buf_puts(w, ": OTP ");
				show(w, want);
				print_buf_puts(w, ", kbeam ");
				show(w, got);
			}
			heap_free(&p.heap);
		}
	}
	char name[96];
	snprintf(name, sizeof name, "bits match vs OTP (%zu cases)", total);
	unit_result(name, total > 0 && bad == 0, total ? why.data : "no match cases");
	snprintf(name, sizeof name, "bits match at bit offset 5 vs OTP (%zu cases)", total);
	unit_result(name, total > 0 && bad_shifted == 0,
	            total ? why_shifted.data : "no match cases");
	print_buf_free(&why);
	print_buf_free(&why_shifted);
}

static void oracle_vectors(void)
{
	size_t len, used = 0;
	const char *err = NULL;
	uint8_t *data = oracle_read_file("bits_cases.etf", &len);
	if (!data) {
		char why[300];
		snprintf(why, sizeof why, "cannot read %s/bits_cases.etf", oracle_dir());
		unit_result("bits vectors", 0, why);
		return;
	}
	term cases = etf_decode(&case_heap, data, len, 0, &used, &err);
	free(data);
	if (cases == THE_NON_VALUE || used != len || list_length(cases) <= 0) {
		unit_result("bits vectors", 0, err ? err : "not a list of cases");
		return;
	}
	create_vectors(cases);
	match_vectors(cases);
}

/* ---- appending ---- */

static term append_byte(process *p, term acc, int64_t byte)
{
	bs_seg segs[2] = {
	    {.type = BS_SEG_APPEND, .unit = 8, .value = acc, .size = atom_all},
	    {.type = BS_SEG_INTEGER, .unit = 1, .value = make_small(byte), .size = make_small(8)},
	};
	return bs_create_bin(p, segs, 2);
}

static term append_bits(process *p, term acc, int64_t v, unsigned nbits, bool private)
{
	bs_seg segs[2] = {
	    {.type = private ? BS_SEG_PRIVATE_APPEND : BS_SEG_APPEND,
	     .unit = 1,
	     .value = acc,
	     .size = atom_all},
	    {.type = BS_SEG_INTEGER, .unit = 1, .value = make_small(v), .size = make_small(nbits)},
	};
	return bs_create_bin(p, segs, 2);
}

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

#if defined(__SANITIZE_ADDRESS__)
#define SLOWDOWN 10.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOWDOWN 10.0
#endif
#endif
#ifndef SLOWDOWN
#define SLOWDOWN 1.0
#endif

/* <<Acc/binary, I:8>> a million times: amortised O(1) per byte. */
static void test_append_million_bytes(void)
{
	enum { N = 1000000 };
	process p;
	fresh_process(&p);
	term acc = binary_new(&p.heap, NULL, 0);
	double t0 = seconds_now();
	for (int i = 0; i < N && acc != THE_NON_VALUE; i++)
		acc = append_byte(&p, acc, i & 0xff);
	double dt = seconds_now() - t0;
	CHECK(acc != THE_NON_VALUE);
	if (acc != THE_NON_VALUE) {
		CHECK(bitstring_bitsize(acc) == 8ull * N);
		const uint8_t *bytes = bitstring_aligned_bytes(acc);
		CHECK(bytes != NULL);
		for (int i = 0; bytes && i < N; i++)
			if (bytes[i] != (uint8_t)i) {
				CHECKF(0, "byte %d is %u", i, bytes[i]);
				break;
			}
	}
	CHECKF(dt < 0.5 * SLOWDOWN, "a million appends took %.3f s", dt);
	heap_free(&p.heap);
}

/* The same with private_append from bs_init_writable, bits not bytes. */
static void test_private_append_bits(void)
{
	process p;
	fresh_process(&p);
	term acc = bs_init_writable(&p, make_small(3));
	uint8_t want[1000] = {0};
	uint64_t nbits = 0;
	for (int i = 0; i < 2000 && acc != THE_NON_VALUE; i++) {
		unsigned n = 1 + (unsigned)(i % 7);
		acc = append_bits(&p, acc, i, n, true);
		for (unsigned k = 0; k < n; k++, nbits++)
			put_bit(want, nbits, (i >> (n - 1 - k)) & 1);
	}
	CHECK(acc != THE_NON_VALUE && well_formed(acc));
	if (acc != THE_NON_VALUE) {
		term expect = bitstring_new(&p.heap, want, nbits);
		CHECK(term_eq_exact(acc, expect));
	}
	heap_free(&p.heap);
}

static term bytes_term(kb_heap *h, const char *s)
{
	return binary_new(h, (const uint8_t *)s, strlen(s));
}

static term sub_orig(term t) { return boxed_ptr(t)[SUB_BIN_ORIG]; }

/* Appending never changes what an existing term sees. */
static void test_append_keeps_old_terms(void)
{
	process p;
	fresh_process(&p);
	term abc = append_byte(
	    &p, append_byte(&p, append_byte(&p, bytes_term(&p.heap, ""), 'a'), 'b'), 'c');
	term x = append_byte(&p, abc, 'x'); /* in place */
	term y = append_byte(&p, abc, 'y'); /* abc is no longer the newest: a copy */
	term z = append_byte(&p, x, 'z');   /* in place after x */
	CHECK(term_eq_exact(abc, bytes_term(&p.heap, "abc")));
	CHECK(term_eq_exact(x, bytes_term(&p.heap, "abcx")));
	CHECK(term_eq_exact(y, bytes_term(&p.heap, "abcy")));
	CHECK(term_eq_exact(z, bytes_term(&p.heap, "abcxz")));
	CHECK(sub_orig(x) == sub_orig(abc) && sub_orig(z) == sub_orig(abc));
	CHECK(sub_orig(y) != sub_orig(abc));

	/* Bits: <<Acc/bitstring, V:3>> onto an odd length. */
	term b1 = append_bits(&p, z, 5, 3, false);
	term b2 = append_bits(&p, b1, 2, 3, false);
	term b3 = append_bits(&p, b1, 7, 3, false);
	uint8_t want[6] = {'a', 'b', 'c', 'x', 'z', 5 << 5 | 2 << 2};
	CHECK(term_eq_exact(b2, bitstring_new(&p.heap, want, 46)));
	want[5] = 5 << 5 | 7 << 2;
	CHECK(term_eq_exact(b3, bitstring_new(&p.heap, want, 46)));
	CHECK(term_eq_exact(b1, bitstring_new(&p.heap, want, 43)));
	CHECK(term_eq_exact(z, bytes_term(&p.heap, "abcxz")));

	/* Held by another heap too (a message, say): no writing in place. */
	kb_binary *shared = (kb_binary *)(uintptr_t)boxed_ptr(sub_orig(b2))[REFC_BIN_VAL];
	binary_retain(shared);
	term b4 = append_bits(&p, b2, 1, 2, false);
	CHECK(sub_orig(b4) != sub_orig(b2));
	want[5] = 5 << 5 | 2 << 2 | 1;
	CHECK(term_eq_exact(b4, bitstring_new(&p.heap, want, 48)));
	binary_release(shared);

	/* An append of nothing gives the binary appended to. */
	bs_seg none[2] = {
	    {.type = BS_SEG_APPEND, .unit = 8, .value = y, .size = atom_all},
	    {.type = BS_SEG_BINARY, .unit = 8, .value = bytes_term(&p.heap, ""), .size = atom_all},
	};
	CHECK(bs_create_bin(&p, none, 2) == y);
	/* A bitstring not a multiple of the unit: badarg, in place or not. */
	none[0].value = b1;
	CHECK(bs_create_bin(&p, none, 2) == THE_NON_VALUE && p.fvalue == ATOM(badarg));
	heap_free(&p.heap);
}

/* ---- round trips ---- */

static term build_one(process *p, enum bs_seg_type type, term value, term size, uint32_t unit,
                      unsigned flags)
{
	bs_seg s = {.type = (uint8_t)type,
	            .flags = (uint8_t)flags,
	            .unit = unit,
	            .value = value,
	            .size = size};
	return bs_create_bin(p, &s, 1);
}

/* Every code point through utf8/16/32 and back; the non-scalars refused. */
static void test_utf_round_trips(void)
{
	process p;
	fresh_process(&p);
	term sizes[3] = {THE_NON_VALUE, THE_NON_VALUE, THE_NON_VALUE};
	enum bs_seg_type types[3] = {BS_SEG_UTF8, BS_SEG_UTF16, BS_SEG_UTF32};
	for (int64_t c = -2; c <= 0x110001; c++) {
		bool scalar = c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);
		for (int t = 0; t < 3; t++) {
			unsigned flags = (c & 1) ? BS_FLAG_LITTLE : 0;
			term b = build_one(&p, types[t], make_small(c), sizes[t], 0, flags);
			if (!scalar) {
				CHECKF(b == THE_NON_VALUE && p.fvalue == ATOM(badarg), "built %lld",
				       (long long)c);
				continue;
			}
			CHECKF(b != THE_NON_VALUE, "cannot build %lld", (long long)c);
			if (b == THE_NON_VALUE)
				break;
			term ms = bs_start_match(&p, b);
			term got = t == 0   ? bs_get_utf8(ms)
			           : t == 1 ? bs_get_utf16(ms, flags)
			                    : bs_get_utf32(ms, flags);
			CHECKF(got == make_small(c) && bs_test_tail(ms, 0),
			       "code point %lld type %d", (long long)c, t);
		}
		if (c % 4096 == 0) { /* keep the heap small */
			heap_free(&p.heap);
			fresh_process(&p);
		}
	}
	heap_free(&p.heap);
}

/* Every half float: finite ones match and rebuild to the same bits,
 * infinities and NaNs do not match. */
static void test_half_floats(void)
{
	process p;
	fresh_process(&p);
	for (unsigned h = 0; h < 0x10000; h++) {
		uint8_t bytes[2] = {(uint8_t)(h >> 8), (uint8_t)h};
		term bin = binary_new(&p.heap, bytes, 2);
		term ms = bs_start_match(&p, bin);
		term f = bs_get_float(&p, ms, 16, 0);
		if ((h >> 10 & 0x1f) == 0x1f) {
			CHECKF(f == THE_NON_VALUE, "half %04x matched", h);
			continue;
		}
		CHECKF(f != THE_NON_VALUE, "half %04x did not match", h);
		if (f == THE_NON_VALUE)
			continue;
		term back = build_one(&p, BS_SEG_FLOAT, f, make_small(16), 1, 0);
		CHECKF(back != THE_NON_VALUE && term_eq_exact(back, bin),
		       "half %04x rebuilt differs", h);
		if (h % 1024 == 0) {
			heap_free(&p.heap);
			fresh_process(&p);
		}
	}
	heap_free(&p.heap);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Integers of up to 700 bits, at every bit offset, both byte orders, back
 * out as built (mod 2^n, signed or not). */
static void test_integer_round_trips(void)
{
	process p;
	fresh_process(&p);
	for (int i = 0; i < 3000; i++) {
		unsigned n = (unsigned)(rng() % 700), lead = (unsigned)(rng() % 16);
		unsigned flags = (unsigned)(rng() % 4) & (BS_FLAG_LITTLE | BS_FLAG_SIGNED);
		uint64_t digits[12];
		for (int k = 0; k < 12; k++)
			digits[k] = rng();
		term v = int_from_digits(&p.heap, rng() & 1, digits, 1 + rng() % 12);
		bs_seg segs[3] = {
		    {.type = BS_SEG_INTEGER,
		     .unit = 1,
		     .value = make_small(0),
		     .size = make_small(lead)},
		    {.type = BS_SEG_INTEGER,
		     .unit = 1,
		     .flags = (uint8_t)flags,
		     .value = v,
		     .size = make_small(n)},
		    {.type = BS_SEG_INTEGER,
		     .unit = 1,
		     .value = make_small(-1),
		     .size = make_small(5)},
		};
		term b = bs_create_bin(&p, segs, 3);
		CHECK(b != THE_NON_VALUE);
		if (b == THE_NON_VALUE)
			break;
		/* What should come back: v mod 2^n, less 2^n when signed and
		 * the top bit is set. */
		term mod =
		    int_band(&p.heap, v,
		             int_sub(&p.heap, int_bsl(&p.heap, make_small(1), n), make_small(1)));
		term want = mod;
		if ((flags & BS_FLAG_SIGNED) && n > 0 &&
		    int_bsr(&p.heap, mod, n - 1) == make_small(1))
			want = int_sub(&p.heap, mod, int_bsl(&p.heap, make_small(1), n));
		term ms = bs_start_match(&p, b);
		CHECK(bs_skip_bits(ms, lead));
		term got = bs_get_integer(&p, ms, n, flags);
		CHECKF(got != THE_NON_VALUE && term_eq_exact(got, want), "n %u flags %u lead %u", n,
		       flags, lead);
		CHECK(bs_get_integer(&p, ms, 5, BS_FLAG_SIGNED) == make_small(-1) &&
		      bs_test_tail(ms, 0));
		if (i % 100 == 0) {
			heap_free(&p.heap);
			fresh_process(&p);
		}
	}
	heap_free(&p.heap);
}

/* ---- match contexts ---- */

static void test_match_context(void)
{
	process p;
	fresh_process(&p);
	uint8_t data[100];
	for (int i = 0; i < 100; i++)
		data[i] = (uint8_t)i;
	term big = binary_new(&p.heap, data, 100); /* refc */
	CHECK(bs_start_match(&p, make_small(1)) == THE_NON_VALUE);
	term ms = bs_start_match(&p, big);
	CHECK(is_match_context(ms) && bs_start_match(&p, ms) == ms);
	CHECK(bs_get_tail(&p, ms) == big); /* all of it: the binary itself */
	CHECK(bs_get_integer(&p, ms, 8, 0) == make_small(0));
	term pos = bs_get_position(ms);
	CHECK(pos == make_small(8));
	term tail = bs_get_tail(&p, ms);
	CHECK(well_formed(tail) && bitstring_bitsize(tail) == 99 * 8);
	CHECK(bs_get_position(ms) == pos); /* get_tail leaves the position */
	CHECK(bs_skip_bits(ms, 3) && !bs_test_unit(ms, 8) && bs_test_unit(ms, 1));
	bs_set_position(ms, pos);
	CHECK(bs_test_unit(ms, 8) && bs_test_tail(ms, 99 * 8) && !bs_test_tail(ms, 98 * 8));
	CHECK(bs_match_string(ms, data + 1, 24) && !bs_match_string(ms, data, 8));
	term small = bs_get_binary(&p, ms, 64 * 8); /* bytes 4..67: a heap copy */
	CHECK(is_boxed_with(small, SUBTAG_HEAP_BIN) && binary_bytes_mut(small)[0] == 4);
	term rest = bs_get_binary_all(&p, ms, 8);
	CHECK(is_boxed_with(rest, SUBTAG_HEAP_BIN) && bitstring_bitsize(rest) == 32 * 8);
	CHECK(bs_test_tail(ms, 0) && bs_get_integer(&p, ms, 1, 0) == THE_NON_VALUE);
	CHECK(bs_get_integer(&p, ms, 0, 0) == make_small(0));

	/* A context over a sub binary starts at its offset and stays inside. */
	term sub = build_shifted_copy(&p.heap, big, 3, 0xff);
	term ms2 = bs_start_match(&p, sub);
	CHECK(boxed_ptr(ms2)[MS_START] == 3 && boxed_ptr(ms2)[MS_END] == 3 + 800);
	CHECK(!bs_skip_bits(ms2, 801) && bs_skip_bits(ms2, 800) && bs_test_tail(ms2, 0));
	bs_set_position(ms2, make_small(3 + 8 * 99));
	CHECK(bs_get_integer(&p, ms2, 8, 0) == make_small(99));
	term odd = bs_get_binary(&p, ms2, 0);
	CHECK(is_boxed_with(odd, SUBTAG_HEAP_BIN) && bitstring_bitsize(odd) == 0);
	bs_set_position(ms2, make_small(3 + 8));
	term part = bs_get_binary(&p, ms2, 8 * 70 + 1);
	CHECK(well_formed(part) && bitstring_bitsize(part) == 561);
	CHECK(bs_get_binary_all(&p, ms2, 8) == THE_NON_VALUE &&
	      bs_get_binary_all(&p, ms2, 1) != THE_NON_VALUE);

	/* Sizes: non-negative small integers whose product with the unit fits. */
	uint64_t bits;
	CHECK(bs_size_bits(make_small(3), 8, &bits) && bits == 24);
	CHECK(!bs_size_bits(make_small(-1), 1, &bits) && !bs_size_bits(ATOM(badarg), 1, &bits));
	CHECK(!bs_size_bits(make_small(MAX_SMALL), 64, &bits));
	heap_free(&p.heap);
}

int main(void)
{
	atom_table_init();
	heap_init(&case_heap);
	atom_all = atom_from_cstr("all");
	atom_undefined = ATOM(undefined);
	oracle_vectors();
	RUN(test_append_million_bytes);
	RUN(test_private_append_bits);
	RUN(test_append_keeps_old_terms);
	RUN(test_utf_round_trips);
	RUN(test_half_floats);
	RUN(test_integer_round_trips);
	RUN(test_match_context);
	heap_free(&case_heap);
	return unit_exit();
}
