/* The math module: thin wrappers over the C library, raising what OTP
 * raises. An argument that is not a number is badarg; an integer too large
 * for a double, and a result that is not finite (a domain error such as
 * sqrt(-1), an overflow such as exp(1000)), are badarith. */
#include "bif.h"
#include "vm/bignum.h"

#include <math.h>

/* The argument as a double: 0 when it is one, else the reason to raise. */
static term arg_double(term t, double *out)
{
	if (is_float(t)) {
		*out = float_value(t);
		return 0;
	}
	if (is_small(t)) {
		*out = (double)small_value(t);
		return 0;
	}
	if (is_big(t))
		return int_to_double(t, out) ? 0 : ATOM(badarith);
	return ATOM(badarg);
}

static term make_float(process *p, double d)
{
	term *hp = heap_alloc(&p->heap, 2);
	if (!hp)
		return bif_no_memory(p);
	hp[0] = make_header(1, SUBTAG_FLOAT);
	memcpy(hp + 1, &d, sizeof d);
	return make_boxed(hp);
}

static term math_result(process *p, double r)
{
	if (!isfinite(r))
		return bif_badarith(p);
	return make_float(p, r);
}

static term math_1(process *p, const term *args, double (*fn)(double))
{
	double x;
	term why = arg_double(args[0], &x);
	if (why)
		return bif_error(p, why);
	return math_result(p, fn(x));
}

static term math_2(process *p, const term *args, double (*fn)(double, double))
{
	double x, y;
	term why = arg_double(args[0], &x);
	if (!why)
		why = arg_double(args[1], &y);
	if (why)
		return bif_error(p, why);
	return math_result(p, fn(x, y));
}

#define MATH1(name)                                                                                \
	static term bif_math_##name##_1(process *p, const term *args)                              \
	{                                                                                          \
		return math_1(p, args, name);                                                      \
	}
#define MATH2(name)                                                                                \
	static term bif_math_##name##_2(process *p, const term *args)                              \
	{                                                                                          \
		return math_2(p, args, name);                                                      \
	}

MATH1(acos)
MATH1(acosh)
MATH1(asin)
MATH1(asinh)
MATH1(atan)
MATH1(atanh)
MATH1(ceil)
MATH1(cos)
MATH1(cosh)
MATH1(erf)
MATH1(erfc)
MATH1(exp)
MATH1(floor)
MATH1(log)
MATH1(log10)
MATH1(log2)
MATH1(sin)
MATH1(sinh)
MATH1(sqrt)
MATH1(tan)
MATH1(tanh)
MATH2(atan2)
MATH2(fmod)
MATH2(pow)

#define ENTRY1(name)                                                                               \
	{                                                                                          \
		"math", #name, 1, bif_math_##name##_1, 0                                           \
	}
#define ENTRY2(name)                                                                               \
	{                                                                                          \
		"math", #name, 2, bif_math_##name##_2, 0                                           \
	}

const bif_def bif_family_math[] = {
    ENTRY1(acos),  ENTRY1(acosh), ENTRY1(asin), ENTRY1(asinh), ENTRY1(atan),
    ENTRY2(atan2), ENTRY1(atanh), ENTRY1(ceil), ENTRY1(cos),   ENTRY1(cosh),
    ENTRY1(erf),   ENTRY1(erfc),  ENTRY1(exp),  ENTRY1(floor), ENTRY2(fmod),
    ENTRY1(log),   ENTRY1(log10), ENTRY1(log2), ENTRY2(pow),   ENTRY1(sin),
    ENTRY1(sinh),  ENTRY1(sqrt),  ENTRY1(tan),  ENTRY1(tanh),  {0},
};
