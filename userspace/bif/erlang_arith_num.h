/* Numbers for the BIFs: floats on the process heap, and any number as a
 * double, the way OTP's mixed arithmetic converts it. */
#ifndef KBEAM_BIF_ERLANG_ARITH_NUM_H
#define KBEAM_BIF_ERLANG_ARITH_NUM_H

#include <math.h>

#include "bif.h"

/* A float term holding d (the caller checks it is finite); THE_NON_VALUE
 * with system_limit raised when out of memory. */
term bif_make_float(process *p, double d);

/* A number as a double: a float as it is, an integer rounded as OTP's
 * float/1 does. False when t is not a number or is an integer too large for
 * a finite double. */
bool number_to_double(term t, double *out);

/* The result of float arithmetic: badarith when not finite, as OTP. */
static inline term bif_float_result(process *p, double d)
{
	if (!isfinite(d))
		return bif_badarith(p);
	return bif_make_float(p, d);
}

/* An integer result from bignum.h: THE_NON_VALUE there means the result
 * could not be built (memory, or past the bignum size limit). */
static inline term bif_int_result(process *p, term r)
{
	return r == THE_NON_VALUE ? bif_system_limit(p) : r;
}

#endif
