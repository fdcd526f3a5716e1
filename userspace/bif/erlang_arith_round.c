/* Numbers to floats and to integers: float/1, trunc/1, round/1, floor/1,
 * ceil/1. An integer argument is its own integer result; anything but a
 * number is badarg. */
#include <math.h>

#include "erlang_arith.h"
#include "erlang_arith_num.h"
#include "vm/bignum.h"

term bif_erlang_float_1(process *p, const term *args)
{
	double d;
	if (is_float(args[0]))
		return args[0];
	if (!number_to_double(args[0], &d))
		return bif_badarg(p);
	return bif_make_float(p, d);
}

/* fn rounds the float to an integral double, which becomes an integer. */
static term to_integer(process *p, term a, double (*fn)(double))
{
	if (is_integer(a))
		return a;
	if (!is_float(a))
		return bif_badarg(p);
	return bif_int_result(p, int_from_double(&p->heap, fn(float_value(a))));
}

term bif_erlang_trunc_1(process *p, const term *args) { return to_integer(p, args[0], trunc); }
/* Halfway cases round away from zero. */
term bif_erlang_round_1(process *p, const term *args) { return to_integer(p, args[0], round); }
term bif_erlang_floor_1(process *p, const term *args) { return to_integer(p, args[0], floor); }
term bif_erlang_ceil_1(process *p, const term *args) { return to_integer(p, args[0], ceil); }
