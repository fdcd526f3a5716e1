/* Matching bitstrings: match contexts and what reads through them (bits.h). */
#include "bits_impl.h"

#include "binary.h"

static inline const uint8_t *ms_bytes(const term *m)
{
	const term *b = boxed_ptr(m[MS_BIN]);
	if (header_subtag(b[0]) == SUBTAG_HEAP_BIN)
		return (const uint8_t *)(b + 2);
	return (const uint8_t *)(uintptr_t)b[REFC_BIN_BYTES];
}

static inline uint64_t ms_left(const term *m) { return m[MS_END] - m[MS_POS]; }

term bs_start_match(process *p, term t)
{
	if (is_match_context(t))
		return t;
	if (!is_bitstring(t))
		return THE_NON_VALUE;
	term *m = heap_alloc(&p->heap, MS_WORDS);
	if (!m)
		return bits_raise(p, ATOM(system_limit));
	const term *b = boxed_ptr(t);
	m[0] = make_header(MS_WORDS - 1, SUBTAG_MATCHSTATE);
	if (header_subtag(b[0]) == SUBTAG_SUB_BIN) {
		m[MS_BIN] = b[SUB_BIN_ORIG];
		m[MS_START] = b[SUB_BIN_BITOFFS];
		m[MS_END] = b[SUB_BIN_BITOFFS] + b[SUB_BIN_BITSIZE];
	} else {
		m[MS_BIN] = t;
		m[MS_START] = 0;
		m[MS_END] = bitstring_bitsize(t);
	}
	m[MS_POS] = m[MS_START];
	return make_boxed(m);
}

bool bs_size_bits(term size, uint32_t unit, uint64_t *bits)
{
	if (!is_small(size) || small_value(size) < 0)
		return false;
	return !__builtin_mul_overflow((uint64_t)small_value(size), (uint64_t)unit, bits);
}

/* Bits [off, off + n) of binary bin (heap or refc) as a term: a copy when
 * it is a heap binary's worth of bytes (so a small part does not keep a big
 * binary alive), bin itself when it is all of it, else a sub binary. */
static term extract(kb_heap *h, term bin, const uint8_t *bytes, uint64_t off, uint64_t n)
{
	if (n % 8 == 0 && n / 8 <= HEAP_BIN_LIMIT) {
		term r = binary_new(h, NULL, n / 8);
		if (r != THE_NON_VALUE && n)
			bits_copy(binary_bytes_mut(r), bytes, off, n);
		return r;
	}
	if (off == 0 && n == bitstring_bitsize(bin))
		return bin;
	term *s = heap_alloc(h, SUB_BIN_WORDS);
	if (!s)
		return THE_NON_VALUE;
	s[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	s[SUB_BIN_BITSIZE] = n;
	s[SUB_BIN_BITOFFS] = off;
	s[SUB_BIN_ORIG] = bin;
	return make_boxed(s);
}

term bs_get_integer(process *p, term ms, uint64_t bits, unsigned flags)
{
	term *m = boxed_ptr(ms);
	if (bits == 0)
		return make_small(0);
	if (ms_left(m) < bits)
		return THE_NON_VALUE;
	term r = bits_get_integer(&p->heap, ms_bytes(m), m[MS_POS], bits, flags);
	if (r != THE_NON_VALUE)
		m[MS_POS] += bits;
	return r;
}

static term float_new(kb_heap *h, double d)
{
	term *f = heap_alloc(h, 2);
	if (!f)
		return THE_NON_VALUE;
	f[0] = make_header(1, SUBTAG_FLOAT);
	memcpy(f + 1, &d, sizeof d);
	return make_boxed(f);
}

term bs_get_float(process *p, term ms, uint64_t bits, unsigned flags)
{
	term *m = boxed_ptr(ms);
	if (bits == 0)
		return float_new(&p->heap, 0.0);
	if (ms_left(m) < bits || (bits != 16 && bits != 32 && bits != 64))
		return THE_NON_VALUE;
	uint64_t x = bits_read_u64(ms_bytes(m), m[MS_POS], (unsigned)bits);
	if (bits_little(flags))
		x = bits_le_value(x, (unsigned)bits);
	double d;
	if (bits == 16) {
		if ((x >> 10 & 0x1f) == 0x1f)
			return THE_NON_VALUE;
		d = bits_half_to_double((uint16_t)x);
	} else if (bits == 32) {
		if ((x >> 23 & 0xff) == 0xff)
			return THE_NON_VALUE;
		uint32_t u = (uint32_t)x;
		float f;
		memcpy(&f, &u, sizeof f);
		d = f;
	} else {
		if ((x >> 52 & 0x7ff) == 0x7ff)
			return THE_NON_VALUE;
		memcpy(&d, &x, sizeof d);
	}
	term r = float_new(&p->heap, d);
	if (r != THE_NON_VALUE)
		m[MS_POS] += bits;
	return r;
}

term bs_get_binary(process *p, term ms, uint64_t bits)
{
	term *m = boxed_ptr(ms);
	if (ms_left(m) < bits)
		return THE_NON_VALUE;
	term r = extract(&p->heap, m[MS_BIN], ms_bytes(m), m[MS_POS], bits);
	if (r != THE_NON_VALUE)
		m[MS_POS] += bits;
	return r;
}

term bs_get_binary_all(process *p, term ms, uint32_t unit)
{
	term *m = boxed_ptr(ms);
	if (unit > 1 && ms_left(m) % unit)
		return THE_NON_VALUE;
	term r = extract(&p->heap, m[MS_BIN], ms_bytes(m), m[MS_POS], ms_left(m));
	if (r != THE_NON_VALUE)
		m[MS_POS] = m[MS_END];
	return r;
}

term bs_get_tail(process *p, term ms)
{
	term *m = boxed_ptr(ms);
	return extract(&p->heap, m[MS_BIN], ms_bytes(m), m[MS_POS], ms_left(m));
}

bool bs_skip_bits(term ms, uint64_t bits)
{
	term *m = boxed_ptr(ms);
	if (ms_left(m) < bits)
		return false;
	m[MS_POS] += bits;
	return true;
}

bool bs_skip_all(term ms, uint32_t unit)
{
	term *m = boxed_ptr(ms);
	if (unit > 1 && ms_left(m) % unit)
		return false;
	m[MS_POS] = m[MS_END];
	return true;
}

bool bs_test_tail(term ms, uint64_t bits) { return ms_left(boxed_ptr(ms)) == bits; }

bool bs_test_unit(term ms, uint32_t unit)
{
	return unit <= 1 || ms_left(boxed_ptr(ms)) % unit == 0;
}

bool bs_match_string(term ms, const uint8_t *bytes, uint64_t bits)
{
	term *m = boxed_ptr(ms);
	if (ms_left(m) < bits || !bits_equal(ms_bytes(m), m[MS_POS], bytes, 0, bits))
		return false;
	m[MS_POS] += bits;
	return true;
}

term bs_get_utf8(term ms)
{
	term *m = boxed_ptr(ms);
	unsigned n;
	int32_t c = bits_utf8_decode(ms_bytes(m), m[MS_POS], ms_left(m), &n);
	if (c < 0)
		return THE_NON_VALUE;
	m[MS_POS] += n;
	return make_small(c);
}

term bs_get_utf16(term ms, unsigned flags)
{
	term *m = boxed_ptr(ms);
	unsigned n;
	int32_t c = bits_utf16_decode(ms_bytes(m), m[MS_POS], ms_left(m), flags, &n);
	if (c < 0)
		return THE_NON_VALUE;
	m[MS_POS] += n;
	return make_small(c);
}

term bs_get_utf32(term ms, unsigned flags)
{
	term *m = boxed_ptr(ms);
	int32_t c = bits_utf32_decode(ms_bytes(m), m[MS_POS], ms_left(m), flags);
	if (c < 0)
		return THE_NON_VALUE;
	m[MS_POS] += 32;
	return make_small(c);
}

bool bs_skip_utf8(term ms) { return bs_get_utf8(ms) != THE_NON_VALUE; }
bool bs_skip_utf16(term ms, unsigned flags) { return bs_get_utf16(ms, flags) != THE_NON_VALUE; }
bool bs_skip_utf32(term ms, unsigned flags) { return bs_get_utf32(ms, flags) != THE_NON_VALUE; }
