/* Building small terms on a heap: tuples, cons cells, lists and strings.
 * Each returns THE_NON_VALUE when the heap cannot grow. */
#ifndef KBEAM_VM_BUILD_H
#define KBEAM_VM_BUILD_H

#include "heap.h"

term build_tuple(kb_heap *h, const term *elems, size_t n);
term build_tuple2(kb_heap *h, term a, term b);
term build_tuple3(kb_heap *h, term a, term b, term c);
term build_cons(kb_heap *h, term head, term tail);
/* [v0, ..., vn-1] */
term build_list(kb_heap *h, const term *v, size_t n);
/* the list of the n bytes of s, each a small integer (a Latin-1 string) */
term build_string(kb_heap *h, const char *s, size_t n);

#endif
