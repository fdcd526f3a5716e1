/* A -- B: A without one occurrence (the first) of each element of B,
 * matched exactly (=:=). Short right-hand lists are searched directly; a
 * longer B becomes a sorted multiset, so the cost is O((|A| + |B|) log |B|),
 * not quadratic (OTP uses a balanced tree for the same reason). */
#include <stdlib.h>

#include "erlang_lists.h"
#include "vm/compare.h"

/* Up to this many elements of B, a linear search per element of A. */
#define SUBTRACT_LINEAR_MAX 16

typedef struct multiset_item {
	term t;
	int64_t count;
} multiset_item;

static int item_order(const void *a, const void *b)
{
	return term_compare_exact(((const multiset_item *)a)->t, ((const multiset_item *)b)->t);
}

/* Sorts B's elements into distinct items with counts; returns how many. */
static size_t build_multiset(multiset_item *items, size_t n)
{
	qsort(items, n, sizeof *items, item_order);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && term_compare_exact(items[k - 1].t, items[i].t) == 0) {
			items[k - 1].count++;
		} else {
			items[k].t = items[i].t;
			items[k].count = 1;
			k++;
		}
	}
	return k;
}

/* Takes one occurrence of t from the multiset; false when none is left. */
static bool take(multiset_item *items, size_t n, bool sorted, term t)
{
	if (!sorted) {
		for (size_t i = 0; i < n; i++)
			if (items[i].count && term_eq_exact(items[i].t, t)) {
				items[i].count--;
				return true;
			}
		return false;
	}
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = term_compare_exact(items[mid].t, t);
		if (c == 0) {
			if (!items[mid].count)
				return false;
			items[mid].count--;
			return true;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

term bif_erlang_subtract_2(process *p, const term *args)
{
	int64_t na = bif_list_length(p, args[0]), nb = bif_list_length(p, args[1]);
	if (na < 0 || nb < 0)
		return bif_badarg(p);
	if (na == 0 || nb == 0)
		return args[0];
	multiset_item *items = malloc((size_t)nb * sizeof *items);
	bool *keep = malloc((size_t)na * sizeof *keep);
	if (!items || !keep) {
		free(items);
		free(keep);
		return bif_no_memory(p);
	}
	size_t k = 0;
	for (term l = args[1]; is_list(l); l = list_tail(l))
		items[k++] = (multiset_item){list_head(l), 1};
	bool sorted = nb > SUBTRACT_LINEAR_MAX;
	if (sorted)
		k = build_multiset(items, k);

	int64_t kept = 0, i = 0;
	for (term l = args[0]; is_list(l); l = list_tail(l), i++) {
		keep[i] = !take(items, k, sorted, list_head(l));
		kept += keep[i];
	}
	free(items);
	/* Each comparison of the search is one unit of work. */
	p->reds -= (sorted ? na * 8 : na * nb) / 16;

	term *hp = kept ? heap_alloc(&p->heap, 2 * (size_t)kept) : NULL;
	if (kept && !hp) {
		free(keep);
		return bif_no_memory(p);
	}
	term r = NIL, *last = &r;
	i = 0;
	for (term l = args[0]; is_list(l); l = list_tail(l), i++) {
		if (!keep[i])
			continue;
		hp[0] = list_head(l);
		hp[1] = NIL;
		*last = make_list(hp);
		last = hp + 1;
		hp += 2;
	}
	free(keep);
	return r;
}
