#include "erlang_arith_num.h"

#include "vm/bignum.h"

term bif_make_float(process *p, double d)
{
	term *hp = heap_alloc(&p->heap, 2);
	if (!hp)
		return bif_no_memory(p);
	hp[0] = make_header(1, SUBTAG_FLOAT);
	memcpy(hp + 1, &d, sizeof d);
	return make_boxed(hp);
}

bool number_to_double(term t, double *out)
{
	if (is_float(t)) {
		*out = float_value(t);
		return true;
	}
	if (is_small(t)) {
		*out = (double)small_value(t);
		return true;
	}
	return is_big(t) && int_to_double(t, out);
}
