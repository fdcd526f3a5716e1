#include "build.h"

term build_tuple(kb_heap *h, const term *elems, size_t n)
{
	term *t = heap_alloc(h, n + 1);
	if (!t)
		return THE_NON_VALUE;
	t[0] = make_header(n, SUBTAG_TUPLE);
	for (size_t i = 0; i < n; i++)
		t[i + 1] = elems[i];
	return make_boxed(t);
}

term build_tuple2(kb_heap *h, term a, term b) { return build_tuple(h, (term[]){a, b}, 2); }

term build_tuple3(kb_heap *h, term a, term b, term c)
{
	return build_tuple(h, (term[]){a, b, c}, 3);
}

term build_cons(kb_heap *h, term head, term tail)
{
	term *c = heap_alloc(h, 2);
	if (!c)
		return THE_NON_VALUE;
	c[0] = head;
	c[1] = tail;
	return make_list(c);
}

term build_list(kb_heap *h, const term *v, size_t n)
{
	term *c = heap_alloc(h, 2 * n);
	if (!c)
		return THE_NON_VALUE;
	term l = NIL;
	for (size_t i = n; i-- > 0;) {
		c[2 * i] = v[i];
		c[2 * i + 1] = l;
		l = make_list(&c[2 * i]);
	}
	return l;
}

term build_string(kb_heap *h, const char *s, size_t n)
{
	term *c = heap_alloc(h, 2 * n);
	if (!c)
		return THE_NON_VALUE;
	term l = NIL;
	for (size_t i = n; i-- > 0;) {
		c[2 * i] = make_small((uint8_t)s[i]);
		c[2 * i + 1] = l;
		l = make_list(&c[2 * i]);
	}
	return l;
}
