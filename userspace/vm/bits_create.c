/* bs_create_bin: building a bitstring from segments (bits.h).
 *
 * Four passes, in OTP 25's order, so that a segment list with several
 * faults raises what OTP raises: the sizes of all segments; the bitstring
 * appended to; the values; then, everything known good, the writing.
 */
#include "bits_impl.h"

#include <stdlib.h>

#include "binary.h"

/* The largest bitstring built (bytes): beyond any memory, small enough that
 * no size computation overflows. */
#define BS_MAX_BYTES (UINT64_C(1) << 56)

enum bs_fault { BS_FINE, BS_BADARG, BS_SYSTEM_LIMIT };

static term raise_fault(process *p, enum bs_fault f)
{
	return bits_raise(p, f == BS_SYSTEM_LIMIT ? ATOM(system_limit) : ATOM(badarg));
}

static bool is_atom_all(term t)
{
	if (!is_atom(t))
		return false;
	size_t len;
	const char *name = atom_name(t, &len);
	return len == 3 && memcmp(name, "all", 3) == 0;
}

/* OTP's verdict on a size that is not a usable small: one that would be a
 * valid size if it were smaller is system_limit, anything else badarg. */
static enum bs_fault bad_size(term size)
{
	bool non_negative =
	    is_small(size) ? small_value(size) >= 0 : is_big(size) && !big_is_negative(size);
	return non_negative ? BS_SYSTEM_LIMIT : BS_BADARG;
}

/* Pass 1: the size of a segment, where it does not depend on the value. */
static enum bs_fault size_pass(const bs_seg *s, uint64_t *bits)
{
	*bits = 0;
	switch (s->type) {
	case BS_SEG_APPEND:
	case BS_SEG_PRIVATE_APPEND:
	case BS_SEG_UTF8: /* sized in pass 3, from the value */
	case BS_SEG_UTF16:
		return BS_FINE;
	case BS_SEG_UTF32:
		*bits = 32;
		return bits_is_scalar(s->value) ? BS_FINE : BS_BADARG;
	case BS_SEG_BINARY:
		if (is_atom_all(s->size)) {
			if (!is_bitstring(s->value))
				return BS_BADARG;
			*bits = bitstring_bitsize(s->value);
			return BS_FINE;
		}
		break;
	default:
		break;
	}
	if (!is_small(s->size) || small_value(s->size) < 0)
		return bad_size(s->size);
	if (__builtin_mul_overflow((uint64_t)small_value(s->size), (uint64_t)s->unit, bits) ||
	    *bits > (uint64_t)INT64_MAX)
		return BS_SYSTEM_LIMIT;
	return BS_FINE;
}

/* Pass 2: the bitstring appended to. */
static enum bs_fault append_pass(const bs_seg *s)
{
	if (!is_bitstring(s->value))
		return BS_BADARG;
	if (s->type == BS_SEG_APPEND && s->unit > 1 && bitstring_bitsize(s->value) % s->unit)
		return BS_BADARG;
	return BS_FINE;
}

/* Pass 3: the value of a segment of *bits bits (utf8/16: sized here). */
static enum bs_fault value_pass(const bs_seg *s, uint64_t *bits)
{
	uint64_t code;
	unsigned n;
	switch (s->type) {
	case BS_SEG_INTEGER:
		return is_integer(s->value) ? BS_FINE : BS_BADARG;
	case BS_SEG_FLOAT:
		if (*bits != 16 && *bits != 32 && *bits != 64)
			return BS_BADARG;
		return bits_float_pattern(s->value, (unsigned)*bits, &code) ? BS_FINE : BS_BADARG;
	case BS_SEG_BINARY:
		if (!is_bitstring(s->value))
			return BS_BADARG;
		if (is_atom_all(s->size))
			return s->unit > 1 && *bits % s->unit ? BS_BADARG : BS_FINE;
		return *bits <= bitstring_bitsize(s->value) ? BS_FINE : BS_BADARG;
	case BS_SEG_UTF8:
		if (!bits_utf8_encode(s->value, &code, &n))
			return BS_BADARG;
		*bits = n;
		return BS_FINE;
	case BS_SEG_UTF16:
		if (!bits_utf16_encode(s->value, s->flags, &code, &n))
			return BS_BADARG;
		*bits = n;
		return BS_FINE;
	default: /* utf32 (checked in pass 1), string */
		return BS_FINE;
	}
}

/* Pass 4: writes a checked segment of `bits` bits at off. False when out
 * of memory. */
static bool write_pass(uint8_t *base, uint64_t off, const bs_seg *s, uint64_t bits)
{
	uint64_t code;
	unsigned n;
	switch (s->type) {
	case BS_SEG_INTEGER:
		return bits_put_integer(base, off, s->value, bits, s->flags);
	case BS_SEG_FLOAT:
		bits_float_pattern(s->value, (unsigned)bits, &code);
		if (bits_little(s->flags))
			code = bits_le_field(code, (unsigned)bits);
		bits_write_u64(base, off, code, (unsigned)bits);
		return true;
	case BS_SEG_BINARY: {
		bitstring_view v;
		bitstring_get(s->value, &v);
		bits_put(base, off, v.base, v.bitoffs, bits);
		return true;
	}
	case BS_SEG_UTF8:
		bits_utf8_encode(s->value, &code, &n);
		bits_write_u64(base, off, code, n);
		return true;
	case BS_SEG_UTF16:
		bits_utf16_encode(s->value, s->flags, &code, &n);
		bits_write_u64(base, off, code, n);
		return true;
	case BS_SEG_UTF32:
		return bits_put_integer(base, off, s->value, 32, s->flags);
	case BS_SEG_STRING:
		bits_put(base, off, s->string, 0, bits);
		return true;
	default: /* append: its bits are in place already */
		return true;
	}
}

/* A new bitstring of nbits bits whose bytes the caller fills (*base). */
static term bitstring_alloc(kb_heap *h, uint64_t nbits, uint8_t **base)
{
	term bin = binary_new(h, NULL, nbits / 8 + (nbits % 8 != 0));
	if (bin == THE_NON_VALUE)
		return bin;
	*base = binary_bytes_mut(bin);
	if (nbits % 8 == 0)
		return bin;
	term *s = heap_alloc(h, SUB_BIN_WORDS);
	if (!s)
		return THE_NON_VALUE;
	s[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	s[SUB_BIN_BITSIZE] = nbits;
	s[SUB_BIN_BITOFFS] = 0;
	s[SUB_BIN_ORIG] = bin;
	return make_boxed(s);
}

static term create(process *p, const bs_seg *segs, unsigned nsegs, uint64_t *bits)
{
	enum bs_fault f;
	for (unsigned i = 0; i < nsegs; i++)
		if ((f = size_pass(&segs[i], &bits[i])) != BS_FINE)
			return raise_fault(p, f);
	bool append =
	    nsegs > 0 && (segs[0].type == BS_SEG_APPEND || segs[0].type == BS_SEG_PRIVATE_APPEND);
	if (append && (f = append_pass(&segs[0])) != BS_FINE)
		return raise_fault(p, f);
	uint64_t prefix = append ? bitstring_bitsize(segs[0].value) : 0, total = prefix;
	for (unsigned i = append; i < nsegs; i++) {
		if ((f = value_pass(&segs[i], &bits[i])) != BS_FINE)
			return raise_fault(p, f);
		if (__builtin_add_overflow(total, bits[i], &total))
			return raise_fault(p, BS_SYSTEM_LIMIT);
	}
	if (total / 8 >= BS_MAX_BYTES)
		return raise_fault(p, BS_SYSTEM_LIMIT);

	uint8_t *base;
	uint64_t off = 0;
	term r;
	if (append)
		r = bits_append(&p->heap, segs[0].value, total - prefix, &base, &off);
	else
		r = bitstring_alloc(&p->heap, total, &base);
	if (r == THE_NON_VALUE)
		return raise_fault(p, BS_SYSTEM_LIMIT);
	for (unsigned i = append; i < nsegs; i++) {
		if (!write_pass(base, off, &segs[i], bits[i]))
			return raise_fault(p, BS_SYSTEM_LIMIT);
		off += bits[i];
	}
	return r;
}

term bs_create_bin(process *p, const bs_seg *segs, unsigned nsegs)
{
	uint64_t small[16];
	uint64_t *bits = nsegs <= 16 ? small : malloc(nsegs * sizeof *bits);
	if (!bits)
		return raise_fault(p, BS_SYSTEM_LIMIT);
	term r = create(p, segs, nsegs, bits);
	if (bits != small)
		free(bits);
	return r;
}
