/* Float register helpers. */
#include "rt.h"
#include "vm/bignum.h"

bool rt_fconv(process *p, term t, double *out)
{
	if (is_float(t)) {
		*out = float_value(t);
		return true;
	}
	if (is_integer(t) && int_to_double(t, out))
		return true;
	rt_set_error(p, ATOM(badarith), THE_NON_VALUE);
	return false;
}
