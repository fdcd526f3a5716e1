/* The integer-only operators: div, rem and the bitwise ones. Anything but
 * two integers is badarith, as is a zero divisor. */
#include "erlang_arith.h"
#include "erlang_arith_num.h"
#include "vm/bignum.h"

typedef term (*int_op)(kb_heap *h, term a, term b);

static term integers(process *p, const term *args, int_op op)
{
	if (!is_integer(args[0]) || !is_integer(args[1]))
		return bif_badarith(p);
	return bif_int_result(p, op(&p->heap, args[0], args[1]));
}

static bool is_zero(term t) { return t == make_small(0); }

term bif_erlang_div_2(process *p, const term *args)
{
	if (is_zero(args[1]))
		return bif_badarith(p);
	return integers(p, args, int_div);
}

term bif_erlang_rem_2(process *p, const term *args)
{
	if (is_zero(args[1]))
		return bif_badarith(p);
	return integers(p, args, int_rem);
}

term bif_erlang_band_2(process *p, const term *args) { return integers(p, args, int_band); }
term bif_erlang_bor_2(process *p, const term *args) { return integers(p, args, int_bor); }
term bif_erlang_bxor_2(process *p, const term *args) { return integers(p, args, int_bxor); }

term bif_erlang_bnot_1(process *p, const term *args)
{
	if (!is_integer(args[0]))
		return bif_badarith(p);
	return bif_int_result(p, int_bnot(&p->heap, args[0]));
}

/* a shifted left by n bits (right when `left` is false). A shift amount
 * too large for a small integer moves every bit out to the right (leaving
 * 0 or -1), or could never be built to the left (system_limit, unless a is
 * 0). */
static term shift(process *p, const term *args, bool left)
{
	term a = args[0], n = args[1];
	if (!is_integer(a) || !is_integer(n))
		return bif_badarith(p);
	if (is_big(n)) {
		bool grows = big_is_negative(n) != left;
		if (is_zero(a))
			return a;
		if (grows)
			return bif_system_limit(p);
		return make_small(int_is_negative(a) ? -1 : 0);
	}
	int64_t k = small_value(n);
	term r = left ? int_bsl(&p->heap, a, k) : int_bsr(&p->heap, a, k);
	return bif_int_result(p, r);
}

term bif_erlang_bsl_2(process *p, const term *args) { return shift(p, args, true); }
term bif_erlang_bsr_2(process *p, const term *args) { return shift(p, args, false); }
