/* external_size (see erlang_etf_size.h): the encoded size plus what OTP's
 * estimate adds for each local fun, found by a walk with an explicit stack. */
#include "erlang_etf_size.h"

#include <stdlib.h>

#include "vm/fun.h"
#include "vm/map.h"

/* The bytes OTP's size estimate adds to a local fun's encoding. */
static uint64_t fun_surplus(term f)
{
	const fun_entry *e = fun_get_entry(f);
	return (e->index < 256 ? 3 : 0) + (e->old_uniq < 256 ? 3 : 0);
}

typedef struct walk_stack {
	term *items;
	size_t n, cap;
} walk_stack;

static bool push(walk_stack *s, term t)
{
	if (is_immed(t))
		return true;
	if (s->n == s->cap) {
		size_t ncap = s->cap ? 2 * s->cap : 64;
		term *ni = realloc(s->items, ncap * sizeof *ni);
		if (!ni)
			return false;
		s->items = ni;
		s->cap = ncap;
	}
	s->items[s->n++] = t;
	return true;
}

/* Pushes the subterms of t; adds the fun surplus to *extra. */
static bool visit(walk_stack *s, term t, uint64_t *extra)
{
	if (is_list(t))
		return push(s, list_head(t)) && push(s, list_tail(t));
	term *bp = boxed_ptr(t);
	switch (header_subtag(bp[0])) {
	case SUBTAG_TUPLE:
		for (uint64_t i = 1; i <= header_arity(bp[0]); i++)
			if (!push(s, bp[i]))
				return false;
		return true;
	case SUBTAG_FUN:
		*extra += fun_surplus(t);
		for (uint64_t i = 0; i < fun_num_free(t); i++)
			if (!push(s, fun_env(t)[i]))
				return false;
		return true;
	case SUBTAG_MAP: {
		map_iter it;
		term k, v;
		map_iter_init(&it, t);
		while (map_iter_next(&it, &k, &v))
			if (!push(s, k) || !push(s, v))
				return false;
		return true;
	}
	default: /* numbers, binaries, identifiers, exports: no funs inside */
		return true;
	}
}

bool etf_external_size(term t, const etf_encode_options *o, uint64_t *size)
{
	size_t len;
	uint8_t *buf = etf_encode(t, o, &len);
	if (!buf)
		return false;
	free(buf);
	walk_stack s = {0};
	uint64_t extra = 0;
	bool ok = push(&s, t);
	while (ok && s.n)
		ok = visit(&s, s.items[--s.n], &extra);
	free(s.items);
	*size = len + extra;
	return ok;
}
