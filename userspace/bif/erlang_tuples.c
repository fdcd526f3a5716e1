/* Tuple BIFs: element/2, setelement/3, make_tuple/2,3, append_element/2,
 * delete_element/2, insert_element/3. Positions are 1-based small
 * integers; anything else, or a position outside the tuple, is badarg.
 * A tuple has at most MAX_TUPLE_ARITY elements, as in OTP. */
#include "bif.h"

#define MAX_TUPLE_ARITY ((UINT64_C(1) << 26) - 1)

/* The 1-based position pos when it is within 1..limit; else 0. */
static uint64_t position(term pos, uint64_t limit)
{
	if (!is_small(pos) || small_value(pos) < 1 || (uint64_t)small_value(pos) > limit)
		return 0;
	return (uint64_t)small_value(pos);
}

/* A new tuple of n elements, left for the caller to fill. */
static term *new_tuple(process *p, uint64_t n)
{
	term *hp = heap_alloc(&p->heap, 1 + n);
	if (hp)
		hp[0] = make_header(n, SUBTAG_TUPLE);
	return hp;
}

static term bif_erlang_element_2(process *p, const term *args)
{
	term t = args[1];
	uint64_t i = is_tuple(t) ? position(args[0], tuple_arity(t)) : 0;
	if (!i)
		return bif_badarg(p);
	return tuple_get(t, i);
}

static term bif_erlang_setelement_3(process *p, const term *args)
{
	term t = args[1];
	uint64_t i = is_tuple(t) ? position(args[0], tuple_arity(t)) : 0;
	if (!i)
		return bif_badarg(p);
	uint64_t n = tuple_arity(t);
	term *hp = new_tuple(p, n);
	if (!hp)
		return bif_no_memory(p);
	memcpy(hp + 1, tuple_elems(t), n * sizeof(term));
	hp[i] = args[2];
	p->reds -= (int64_t)(n / 64);
	return make_boxed(hp);
}

/* The size argument of make_tuple: a small integer 0..MAX_TUPLE_ARITY. */
static bool tuple_size_arg(term n, uint64_t *out)
{
	if (!is_small(n) || small_value(n) < 0 || (uint64_t)small_value(n) > MAX_TUPLE_ARITY)
		return false;
	*out = (uint64_t)small_value(n);
	return true;
}

/* make_tuple(N, Default): the tuple's header word, or NULL with the
 * exception raised. */
static term *filled_tuple(process *p, term size, term fill)
{
	uint64_t n;
	if (!tuple_size_arg(size, &n)) {
		bif_badarg(p);
		return NULL;
	}
	term *hp = new_tuple(p, n);
	if (!hp) {
		bif_no_memory(p);
		return NULL;
	}
	for (uint64_t i = 1; i <= n; i++)
		hp[i] = fill;
	p->reds -= (int64_t)(n / 64);
	return hp;
}

static term bif_erlang_make_tuple_2(process *p, const term *args)
{
	term *hp = filled_tuple(p, args[0], args[1]);
	return hp ? make_boxed(hp) : THE_NON_VALUE;
}

/* make_tuple(N, Default, [{Pos, Value}]): later pairs win. The list is
 * checked completely before the tuple is returned. */
static term bif_erlang_make_tuple_3(process *p, const term *args)
{
	term *hp = filled_tuple(p, args[0], args[1]);
	if (!hp)
		return THE_NON_VALUE;
	uint64_t n = header_arity(hp[0]);
	term l = args[2];
	uint64_t count = 0;
	for (; is_list(l); l = list_tail(l), count++) {
		term pair = list_head(l);
		if (!is_tuple(pair) || tuple_arity(pair) != 2)
			return bif_badarg(p);
		uint64_t i = position(tuple_get(pair, 1), n);
		if (!i)
			return bif_badarg(p);
		hp[i] = tuple_get(pair, 2);
	}
	if (!is_nil(l))
		return bif_badarg(p);
	p->reds -= (int64_t)(count / 64); /* filling charged n / 64 */
	return make_boxed(hp);
}

static term bif_erlang_append_element_2(process *p, const term *args)
{
	term t = args[0];
	if (!is_tuple(t))
		return bif_badarg(p);
	uint64_t n = tuple_arity(t);
	if (n >= MAX_TUPLE_ARITY)
		return bif_system_limit(p);
	term *hp = new_tuple(p, n + 1);
	if (!hp)
		return bif_no_memory(p);
	memcpy(hp + 1, tuple_elems(t), n * sizeof(term));
	hp[n + 1] = args[1];
	p->reds -= (int64_t)(n / 64);
	return make_boxed(hp);
}

static term bif_erlang_delete_element_2(process *p, const term *args)
{
	term t = args[1];
	uint64_t i = is_tuple(t) ? position(args[0], tuple_arity(t)) : 0;
	if (!i)
		return bif_badarg(p);
	uint64_t n = tuple_arity(t);
	term *hp = new_tuple(p, n - 1);
	if (!hp)
		return bif_no_memory(p);
	memcpy(hp + 1, tuple_elems(t), (i - 1) * sizeof(term));
	memcpy(hp + i, tuple_elems(t) + i, (n - i) * sizeof(term));
	p->reds -= (int64_t)(n / 64);
	return make_boxed(hp);
}

/* insert_element(Pos, Tuple, Value): Pos may be one past the end. */
static term bif_erlang_insert_element_3(process *p, const term *args)
{
	term t = args[1];
	uint64_t i = is_tuple(t) ? position(args[0], tuple_arity(t) + 1) : 0;
	if (!i)
		return bif_badarg(p);
	uint64_t n = tuple_arity(t);
	if (n >= MAX_TUPLE_ARITY)
		return bif_system_limit(p);
	term *hp = new_tuple(p, n + 1);
	if (!hp)
		return bif_no_memory(p);
	memcpy(hp + 1, tuple_elems(t), (i - 1) * sizeof(term));
	hp[i] = args[2];
	memcpy(hp + i + 1, tuple_elems(t) + i - 1, (n - i + 1) * sizeof(term));
	p->reds -= (int64_t)(n / 64);
	return make_boxed(hp);
}

#define ENTRY(name, arity)                                                                         \
	{                                                                                          \
		"erlang", #name, arity, bif_erlang_##name##_##arity, 0                             \
	}

const bif_def bif_family_erlang_tuples[] = {
    ENTRY(element, 2),        ENTRY(setelement, 3),
    ENTRY(make_tuple, 2),     ENTRY(make_tuple, 3),
    ENTRY(append_element, 2), ENTRY(delete_element, 2),
    ENTRY(insert_element, 3), {0},
};
