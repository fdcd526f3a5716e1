/* List BIFs: hd/1, tl/1, length/1, '++'/2 (append/2), '--'/2
 * (subtract/2), and the C versions of lists:reverse/2, keyfind/3,
 * keymember/3, keysearch/3 and member/2. Walks are iterative; long lists
 * charge reductions in proportion to their length. */
#include "erlang_lists.h"
#include "vm/compare.h"

/* Elements walked per reduction. */
#define LIST_WORK_PER_RED 16

int64_t bif_list_length(process *p, term l)
{
	int64_t n = 0;
	while (is_list(l)) {
		n++;
		l = list_tail(l);
	}
	p->reds -= n / LIST_WORK_PER_RED;
	return is_nil(l) ? n : -1;
}

static term bif_erlang_hd_1(process *p, const term *args)
{
	return is_list(args[0]) ? list_head(args[0]) : bif_badarg(p);
}

static term bif_erlang_tl_1(process *p, const term *args)
{
	return is_list(args[0]) ? list_tail(args[0]) : bif_badarg(p);
}

static term bif_erlang_length_1(process *p, const term *args)
{
	int64_t n = bif_list_length(p, args[0]);
	return n < 0 ? bif_badarg(p) : make_small(n);
}

/* A ++ B: a copy of the proper list A ending in B (any term). */
static term bif_erlang_append_2(process *p, const term *args)
{
	int64_t n = bif_list_length(p, args[0]);
	if (n < 0)
		return bif_badarg(p);
	if (n == 0)
		return args[1];
	term *hp = heap_alloc(&p->heap, 2 * (size_t)n);
	if (!hp)
		return bif_no_memory(p);
	term l = args[0];
	for (int64_t i = 0; i < n; i++, l = list_tail(l)) {
		hp[2 * i] = list_head(l);
		hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : args[1];
	}
	return make_list(hp);
}

/* lists:reverse(L, Tail): the elements of the proper list L in reverse
 * order, in front of Tail. */
/* The first `n` elements of l reversed onto acc (l has that many). */
static term reverse_onto(process *p, term l, int64_t n, term acc)
{
	term *hp = n ? heap_alloc(&p->heap, 2 * (size_t)n) : NULL;
	if (n && !hp)
		return bif_no_memory(p);
	for (int64_t i = 0; i < n; i++, l = list_tail(l), hp += 2) {
		hp[0] = list_head(l);
		hp[1] = acc;
		acc = make_list(hp);
	}
	return acc;
}

/* Elements reversed in one go at least, when the slice is spent. */
#define REVERSE_MIN_CHUNK 4096

static term bif_lists_reverse_2(process *p, const term *args)
{
	if (bif_can_trap(p, args)) {
		/* a long list goes in slices of the reductions left: the rest
		 * and the accumulator so far become the next call's arguments */
		int64_t budget = p->reds > 0 ? p->reds * LIST_WORK_PER_RED : 0;
		if (budget < REVERSE_MIN_CHUNK)
			budget = REVERSE_MIN_CHUNK;
		int64_t n = 0;
		term l = args[0];
		for (; is_list(l) && n < budget; l = list_tail(l))
			n++;
		if (is_list(l)) {
			term acc = reverse_onto(p, args[0], n, args[1]);
			if (acc == THE_NON_VALUE)
				return acc;
			p->x[0] = l;
			p->x[1] = acc;
			p->reds = 0;
			return BIF_TRAP;
		}
	}
	int64_t n = bif_list_length(p, args[0]);
	if (n < 0)
		return bif_badarg(p);
	term *hp = n ? heap_alloc(&p->heap, 2 * (size_t)n) : NULL;
	if (n && !hp)
		return bif_no_memory(p);
	term r = args[1];
	for (term l = args[0]; is_list(l); l = list_tail(l), hp += 2) {
		hp[0] = list_head(l);
		hp[1] = r;
		r = make_list(hp);
	}
	return r;
}

/* The first tuple of the list whose element `pos` == key; false when there
 * is none; THE_NON_VALUE (badarg raised) when the arguments are bad or the
 * list ends improperly before a match. */
static term keyfind(process *p, const term *args)
{
	term key = args[0], l = args[2];
	if (!is_small(args[1]) || small_value(args[1]) < 1)
		return bif_badarg(p);
	uint64_t pos = (uint64_t)small_value(args[1]);
	int64_t walked = 0;
	for (; is_list(l); l = list_tail(l), walked++) {
		term t = list_head(l);
		if (is_tuple(t) && tuple_arity(t) >= pos && term_eq(tuple_get(t, pos), key)) {
			p->reds -= walked / LIST_WORK_PER_RED;
			return t;
		}
	}
	p->reds -= walked / LIST_WORK_PER_RED;
	return is_nil(l) ? ATOM(false) : bif_badarg(p);
}

static term bif_lists_keyfind_3(process *p, const term *args) { return keyfind(p, args); }

static term bif_lists_keymember_3(process *p, const term *args)
{
	term t = keyfind(p, args);
	if (t == THE_NON_VALUE || t == ATOM(false))
		return t;
	return ATOM(true);
}

static term bif_lists_keysearch_3(process *p, const term *args)
{
	term t = keyfind(p, args);
	if (t == THE_NON_VALUE || t == ATOM(false))
		return t;
	term value;
	term *hp = heap_alloc(&p->heap, 3);
	if (!hp || atom_put("value", 5, &value) != ATOM_OK)
		return bif_no_memory(p);
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = value;
	hp[2] = t;
	return make_boxed(hp);
}

/* lists:member(E, L): an element =:= E; badarg at an improper end. */
static term bif_lists_member_2(process *p, const term *args)
{
	term l = args[1];
	int64_t walked = 0;
	term found = ATOM(false);
	for (; is_list(l); l = list_tail(l), walked++) {
		if (term_eq_exact(list_head(l), args[0])) {
			found = ATOM(true);
			break;
		}
	}
	p->reds -= walked / LIST_WORK_PER_RED;
	if (found == ATOM(false) && !is_nil(l))
		return bif_badarg(p);
	return found;
}

const bif_def bif_family_erlang_lists[] = {
    {"erlang", "hd", 1, bif_erlang_hd_1, 0},
    {"erlang", "tl", 1, bif_erlang_tl_1, 0},
    {"erlang", "length", 1, bif_erlang_length_1, 0},
    {"erlang", "++", 2, bif_erlang_append_2, 0},
    {"erlang", "append", 2, bif_erlang_append_2, 0},
    {"erlang", "--", 2, bif_erlang_subtract_2, 0},
    {"erlang", "subtract", 2, bif_erlang_subtract_2, 0},
    {"lists", "reverse", 2, bif_lists_reverse_2, BIF_TRAPS},
    {"lists", "keyfind", 3, bif_lists_keyfind_3, 0},
    {"lists", "keymember", 3, bif_lists_keymember_3, 0},
    {"lists", "keysearch", 3, bif_lists_keysearch_3, 0},
    {"lists", "member", 2, bif_lists_member_2, 0},
    {0},
};
