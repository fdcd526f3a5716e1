/* erlang:phash/2 and erlang:phash2/1,2: the portable hashes of
 * vm/hash_portable.h with OTP's range check (an integer 1 .. 2^32, else
 * badarg). */
#include "bif.h"
#include "vm/bignum.h"
#include "vm/hash_portable.h"

/* The range argument, when it is an integer in 1 .. 2^32. */
static bool range_arg(term t, uint64_t *range)
{
	int64_t v;
	if (!is_integer(t) || !int_to_i64(t, &v) || v < 1)
		return false;
	*range = (uint64_t)v;
	return phash_range_valid(*range);
}

static term bif_erlang_phash2_1(process *p, const term *args)
{
	uint32_t h;
	if (!term_phash2(args[0], &h))
		return bif_no_memory(p);
	return make_small(h & PHASH2_DEFAULT_MASK);
}

static term bif_erlang_phash2_2(process *p, const term *args)
{
	uint64_t range;
	uint32_t h;
	if (!range_arg(args[1], &range))
		return bif_badarg(p);
	if (!term_phash2_range(args[0], range, &h))
		return bif_no_memory(p);
	return make_small(h);
}

static term bif_erlang_phash_2(process *p, const term *args)
{
	uint64_t range, h;
	if (!range_arg(args[1], &range))
		return bif_badarg(p);
	if (!term_phash_range(args[0], range, &h))
		return bif_no_memory(p);
	return make_small((int64_t)h);
}

const bif_def bif_family_erlang_hash[] = {
    {"erlang", "phash", 2, bif_erlang_phash_2, 0},
    {"erlang", "phash2", 1, bif_erlang_phash2_1, 0},
    {"erlang", "phash2", 2, bif_erlang_phash2_2, 0},
    {0},
};
