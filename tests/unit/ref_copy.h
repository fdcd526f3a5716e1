/* A deep copy for tests, independent of the collector and of vm/copy.c:
 * recursive (for shallow terms only), bitstrings copied as their bits.
 * test_gc and test_copy compare what they produce against it. */
#ifndef KBEAM_TESTS_REF_COPY_H
#define KBEAM_TESTS_REF_COPY_H

#include <stdlib.h>
#include <string.h>

#include "vm/binary.h"
#include "vm/fun.h"

static term ref_copy(kb_heap *h, term t)
{
	if (is_list(t)) {
		term head = NIL, *last = &head;
		while (is_list(t)) {
			term *c = heap_alloc(h, 2);
			c[0] = ref_copy(h, list_head(t));
			c[1] = NIL;
			*last = make_list(c);
			last = &c[1];
			t = list_tail(t);
		}
		*last = ref_copy(h, t);
		return head;
	}
	if (!is_boxed(t))
		return t;
	term *p = boxed_ptr(t);
	unsigned sub = header_subtag(p[0]);
	if (sub == SUBTAG_HEAP_BIN || sub == SUBTAG_REFC_BIN || sub == SUBTAG_SUB_BIN) {
		bitstring_view v;
		bitstring_get(t, &v);
		uint8_t *buf = malloc(v.bitsize / 8 + 1);
		bits_copy(buf, v.base, v.bitoffs, v.bitsize);
		term r = bitstring_new(h, buf, v.bitsize);
		free(buf);
		return r;
	}
	size_t n = header_arity(p[0]) + 1;
	term *q = heap_alloc(h, n);
	memcpy(q, p, n * sizeof(term));
	for (size_t i = 1; i < n; i++)
		if (sub == SUBTAG_TUPLE || sub == SUBTAG_MAP ||
		    (sub == SUBTAG_FUN && (i == FUN_CREATOR || i >= FUN_ENV)))
			q[i] = ref_copy(h, q[i]);
	return make_boxed(q);
}

#endif
