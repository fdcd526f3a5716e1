/* The external term format in the erlang module: term_to_binary/1,2,
 * binary_to_term/1,2 and external_size/1,2, on loader/etf.h. */
#include "bif.h"
#include "erlang_etf_size.h"
#include "loader/etf.h"
#include "vm/binary.h"
#include "vm/bignum.h"

#include <stdlib.h>

/* Bytes encoded or decoded per reduction charged. */
#define BYTES_PER_REDUCTION 256

/* The small integer t when it lies in lo..hi. */
static bool small_in(term t, int64_t lo, int64_t hi, int *out)
{
	if (!is_small(t) || small_value(t) < lo || small_value(t) > hi)
		return false;
	*out = (int)small_value(t);
	return true;
}

/* {Key, Value} with Key the given atom. */
static bool option_pair(term opt, term key, term *value)
{
	if (!is_tuple(opt) || tuple_arity(opt) != 2 || tuple_get(opt, 1) != key)
		return false;
	*value = tuple_get(opt, 2);
	return true;
}

/* term_to_binary/2's options; false when one is not understood. */
static bool ttb_options(term l, etf_encode_options *o)
{
	*o = ETF_ENCODE_DEFAULTS;
	for (; is_list(l); l = list_tail(l)) {
		term opt = list_head(l), v;
		bool ok;
		if (opt == ATOM(compressed)) {
			o->compressed = 6;
			ok = true;
		} else if (opt == ATOM(deterministic)) {
			o->deterministic = true;
			ok = true;
		} else if (option_pair(opt, ATOM(compressed), &v)) {
			ok = small_in(v, 0, 9, &o->compressed);
		} else if (option_pair(opt, ATOM(minor_version), &v)) {
			ok = small_in(v, 0, 2, &o->minor_version);
		} else {
			ok = false;
		}
		if (!ok)
			return false;
	}
	return is_nil(l);
}

/* Bytes encoded in one go at least, when the slice is spent. */
#define ENCODE_MIN_CHUNK 65536

static void encoder_free(void *e) { etf_encoder_free(e); }

/* term_to_binary/1,2: a large term is encoded in slices of the reductions
 * left, the encoder kept between them (bif_trap_c_state). */
static term encode(process *p, const term *args, const etf_encode_options *o, bif_fn self,
                   unsigned arity)
{
	etf_encoder *e = bif_resuming(p, self) ? bif_take_state(p) : etf_encoder_new(args[0], o);
	if (!e)
		return bif_no_memory(p);
	size_t budget = SIZE_MAX;
	if (bif_can_trap(p, args)) {
		budget = p->reds > 0 ? (size_t)p->reds * BYTES_PER_REDUCTION : 0;
		if (budget < ENCODE_MIN_CHUNK)
			budget = ENCODE_MIN_CHUNK;
	}
	size_t len;
	uint8_t *buf;
	int done = etf_encoder_step(e, budget, &buf, &len);
	if (done == 0) {
		p->reds -= (int64_t)(budget / BYTES_PER_REDUCTION);
		return bif_trap_c_state(p, self, arity, e, encoder_free);
	}
	if (done < 0)
		return bif_no_memory(p);
	term r = binary_new(&p->heap, buf, len);
	free(buf);
	p->reds -= (int64_t)(len / BYTES_PER_REDUCTION);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_erlang_term_to_binary_1(process *p, const term *args)
{
	etf_encode_options o = ETF_ENCODE_DEFAULTS;
	return encode(p, args, &o, bif_erlang_term_to_binary_1, 1);
}

static term bif_erlang_term_to_binary_2(process *p, const term *args)
{
	etf_encode_options o;
	if (!ttb_options(args[1], &o))
		return bif_badarg(p);
	return encode(p, args, &o, bif_erlang_term_to_binary_2, 2);
}

static term decode(process *p, term bin, bool safe, bool want_used)
{
	if (!is_binary(bin))
		return bif_badarg(p);
	bitstring_view v;
	bitstring_get(bin, &v);
	const uint8_t *bytes = v.base + v.bitoffs / 8;
	uint8_t *copy = NULL;
	if (v.bitoffs % 8) { /* a sub binary at an odd bit offset */
		copy = malloc(v.bitsize / 8 + 1);
		if (!copy)
			return bif_no_memory(p);
		bits_copy(copy, v.base, v.bitoffs, v.bitsize);
		bytes = copy;
	}
	size_t used = 0;
	term t =
	    etf_decode(&p->heap, bytes, v.bitsize / 8, safe ? ETF_DECODE_SAFE : 0, &used, NULL);
	free(copy);
	if (t == THE_NON_VALUE)
		return bif_badarg(p);
	p->reds -= (int64_t)(used / BYTES_PER_REDUCTION);
	if (!want_used)
		return t;
	term u = int_from_u64(&p->heap, used);
	term *hp = heap_alloc(&p->heap, 3);
	if (u == THE_NON_VALUE || !hp)
		return bif_no_memory(p);
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = t;
	hp[2] = u;
	return make_boxed(hp);
}

static term bif_erlang_binary_to_term_1(process *p, const term *args)
{
	return decode(p, args[0], false, false);
}

static term bif_erlang_binary_to_term_2(process *p, const term *args)
{
	bool safe = false, used = false;
	term l = args[1];
	for (; is_list(l); l = list_tail(l)) {
		if (list_head(l) == ATOM(safe))
			safe = true;
		else if (list_head(l) == ATOM(used))
			used = true;
		else
			return bif_badarg(p);
	}
	if (!is_nil(l))
		return bif_badarg(p);
	return decode(p, args[0], safe, used);
}

static term external_size(process *p, term t, const etf_encode_options *o)
{
	uint64_t size;
	if (!etf_external_size(t, o, &size))
		return bif_no_memory(p);
	term r = int_from_u64(&p->heap, size);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_erlang_external_size_1(process *p, const term *args)
{
	etf_encode_options o = ETF_ENCODE_DEFAULTS;
	return external_size(p, args[0], &o);
}

/* external_size/2 takes one option only, {minor_version, 0 | 1}. */
static term bif_erlang_external_size_2(process *p, const term *args)
{
	etf_encode_options o = ETF_ENCODE_DEFAULTS;
	term l = args[1], v;
	for (; is_list(l); l = list_tail(l))
		if (!option_pair(list_head(l), ATOM(minor_version), &v) ||
		    !small_in(v, 0, 1, &o.minor_version))
			return bif_badarg(p);
	if (!is_nil(l))
		return bif_badarg(p);
	return external_size(p, args[0], &o);
}

const bif_def bif_family_erlang_etf[] = {
    {"erlang", "binary_to_term", 1, bif_erlang_binary_to_term_1, 0},
    {"erlang", "binary_to_term", 2, bif_erlang_binary_to_term_2, 0},
    {"erlang", "external_size", 1, bif_erlang_external_size_1, 0},
    {"erlang", "external_size", 2, bif_erlang_external_size_2, 0},
    {"erlang", "term_to_binary", 1, bif_erlang_term_to_binary_1, BIF_TRAPS},
    {"erlang", "term_to_binary", 2, bif_erlang_term_to_binary_2, BIF_TRAPS},
    {0},
};
