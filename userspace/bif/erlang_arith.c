/* The arithmetic operators as BIFs: erlang:'+'/2 and friends. Integers
 * stay exact (bignum.h); a float on either side makes the operation a
 * float one, and a float result that is not finite raises badarith, as an
 * argument that is not a number does. */
#include "erlang_arith.h"
#include "erlang_arith_num.h"
#include "vm/bignum.h"

typedef term (*int_op)(kb_heap *h, term a, term b);
typedef double (*float_op)(double a, double b);

static double float_add(double a, double b) { return a + b; }
static double float_sub(double a, double b) { return a - b; }
static double float_mul(double a, double b) { return a * b; }

static term mixed(process *p, term a, term b, int_op iop, float_op fop)
{
	if (is_integer(a) && is_integer(b))
		return bif_int_result(p, iop(&p->heap, a, b));
	double x, y;
	if (!number_to_double(a, &x) || !number_to_double(b, &y))
		return bif_badarith(p);
	return bif_float_result(p, fop(x, y));
}

static term bif_erlang_plus_2(process *p, const term *args)
{
	return mixed(p, args[0], args[1], int_add, float_add);
}

static term bif_erlang_minus_2(process *p, const term *args)
{
	return mixed(p, args[0], args[1], int_sub, float_sub);
}

static term bif_erlang_times_2(process *p, const term *args)
{
	return mixed(p, args[0], args[1], int_mul, float_mul);
}

/* '/' is always float division; dividing by zero (0 or 0.0) is badarith. */
static term bif_erlang_divide_2(process *p, const term *args)
{
	double x, y;
	if (!number_to_double(args[0], &x) || !number_to_double(args[1], &y) || y == 0.0)
		return bif_badarith(p);
	return bif_float_result(p, x / y);
}

static term bif_erlang_neg_1(process *p, const term *args)
{
	term a = args[0];
	if (is_integer(a))
		return bif_int_result(p, int_neg(&p->heap, a));
	if (is_float(a))
		return bif_make_float(p, -float_value(a));
	return bif_badarith(p);
}

static term bif_erlang_plus_1(process *p, const term *args)
{
	return is_number(args[0]) ? args[0] : bif_badarith(p);
}

static term bif_erlang_abs_1(process *p, const term *args)
{
	term a = args[0];
	if (is_integer(a))
		return bif_int_result(p, int_abs(&p->heap, a));
	if (is_float(a))
		return bif_make_float(p, fabs(float_value(a)));
	return bif_badarg(p);
}

const bif_def bif_family_erlang_arith[] = {
    {"erlang", "+", 2, bif_erlang_plus_2, 0},
    {"erlang", "-", 2, bif_erlang_minus_2, 0},
    {"erlang", "*", 2, bif_erlang_times_2, 0},
    {"erlang", "/", 2, bif_erlang_divide_2, 0},
    {"erlang", "-", 1, bif_erlang_neg_1, 0},
    {"erlang", "+", 1, bif_erlang_plus_1, 0},
    {"erlang", "abs", 1, bif_erlang_abs_1, 0},
    {"erlang", "div", 2, bif_erlang_div_2, 0},
    {"erlang", "rem", 2, bif_erlang_rem_2, 0},
    {"erlang", "band", 2, bif_erlang_band_2, 0},
    {"erlang", "bor", 2, bif_erlang_bor_2, 0},
    {"erlang", "bxor", 2, bif_erlang_bxor_2, 0},
    {"erlang", "bsl", 2, bif_erlang_bsl_2, 0},
    {"erlang", "bsr", 2, bif_erlang_bsr_2, 0},
    {"erlang", "bnot", 1, bif_erlang_bnot_1, 0},
    {"erlang", "float", 1, bif_erlang_float_1, 0},
    {"erlang", "trunc", 1, bif_erlang_trunc_1, 0},
    {"erlang", "round", 1, bif_erlang_round_1, 0},
    {"erlang", "floor", 1, bif_erlang_floor_1, 0},
    {"erlang", "ceil", 1, bif_erlang_ceil_1, 0},
    {0},
};
