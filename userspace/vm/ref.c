#include "ref.h"

#include <stdatomic.h>

static _Atomic uint64_t ref_counter = 1;

term ref_from_number(kb_heap *h, uint64_t n)
{
	term *r = heap_alloc(h, 4);
	if (!r)
		return THE_NON_VALUE;
	r[0] = make_header(3, SUBTAG_REF);
	r[1] = 3;
	/* ids: the low 18 bits first, as OTP's first number, then the rest */
	r[2] = (n & 0x3ffff) | ((n >> 18) & 0xffffffffu) << 32;
	r[3] = n >> 50;
	return make_boxed(r);
}

term ref_new(kb_heap *h, uint64_t *number)
{
	uint64_t n = atomic_fetch_add(&ref_counter, 1);
	if (number)
		*number = n;
	return ref_from_number(h, n);
}

bool ref_number(term t, uint64_t *n)
{
	if (!is_boxed_with(t, SUBTAG_REF))
		return false;
	const term *r = boxed_ptr(t);
	if (header_arity(r[0]) != 3 || r[1] != 3 || (r[2] & 0xfffc0000u) != 0)
		return false;
	*n = (r[2] & 0x3ffff) | (r[2] >> 32) << 18 | r[3] << 50;
	return true;
}
