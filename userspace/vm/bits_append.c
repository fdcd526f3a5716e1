/* Writable binaries: what makes `<<Acc/binary, X>>` in a loop amortised
 * O(1) per appended bit.
 *
 * A writable binary is a refc binary whose kb_binary has room to spare:
 * bits [0, append_end) are in use, the rest of its `size` bytes is free.
 * The refc term's size is the whole room and never changes, nor do the
 * bytes it points at move, so every term over it stays valid; results are
 * sub binaries [0, bits in use). Such a sub binary that ends exactly at
 * append_end is the newest: appending to it may write past append_end in
 * place, since no term sees those bits, provided no other heap holds the
 * binary (reference count 1), so no other process can append at the same
 * time. Any other append copies into a new writable binary with twice the
 * room it needs, which bounds the copying to a constant per bit.
 */
#include "bits_impl.h"

#include "binary.h"

#define WRITABLE_MIN_BYTES 256

/* A refc binary term over a new writable binary of cap bytes, used bits in use. */
static term writable_new(kb_heap *h, uint64_t cap, uint64_t used)
{
	kb_binary *b = binary_alloc(cap);
	if (!b)
		return THE_NON_VALUE;
	term *w = heap_alloc(h, REFC_BIN_WORDS);
	if (!w) {
		binary_release(b);
		return THE_NON_VALUE;
	}
	b->append_end = used;
	w[0] = make_header(REFC_BIN_WORDS - 1, SUBTAG_REFC_BIN);
	w[REFC_BIN_SIZE] = cap;
	w[REFC_BIN_VAL] = (term)(uintptr_t)b;
	w[REFC_BIN_BYTES] = (term)(uintptr_t)b->data;
	term t = make_boxed(w);
	heap_link_offheap(h, t, &w[REFC_BIN_NEXT]);
	return t;
}

/* The sub binary of the first nbits bits of orig. */
static term prefix_new(kb_heap *h, term orig, uint64_t nbits)
{
	term *s = heap_alloc(h, SUB_BIN_WORDS);
	if (!s)
		return THE_NON_VALUE;
	s[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	s[SUB_BIN_BITSIZE] = nbits;
	s[SUB_BIN_BITOFFS] = 0;
	s[SUB_BIN_ORIG] = orig;
	return make_boxed(s);
}

/* The writable binary acc is the newest prefix of, when this process alone
 * holds it (its refc term in *orig); NULL otherwise. */
static kb_binary *newest_prefix_of(term acc, term *orig)
{
	if (!is_boxed_with(acc, SUBTAG_SUB_BIN))
		return NULL;
	term *s = boxed_ptr(acc);
	if (s[SUB_BIN_BITOFFS] != 0 || !is_boxed_with(s[SUB_BIN_ORIG], SUBTAG_REFC_BIN))
		return NULL;
	kb_binary *b = (kb_binary *)(uintptr_t)boxed_ptr(s[SUB_BIN_ORIG])[REFC_BIN_VAL];
	if (b->append_end != s[SUB_BIN_BITSIZE] ||
	    atomic_load_explicit(&b->refc, memory_order_acquire) != 1)
		return NULL;
	*orig = s[SUB_BIN_ORIG];
	return b;
}

term bits_append(kb_heap *h, term acc, uint64_t build_bits, uint8_t **base, uint64_t *off)
{
	bitstring_view v;
	bitstring_get(acc, &v);
	*off = v.bitsize;
	*base = NULL;
	if (build_bits == 0)
		return acc;
	uint64_t total = v.bitsize + build_bits; /* the caller checked it fits */
	uint64_t need = total / 8 + (total % 8 != 0);

	term orig;
	kb_binary *b = newest_prefix_of(acc, &orig);
	if (b && need <= b->size) {
		b->append_end = total;
		*base = b->data;
		return prefix_new(h, orig, total);
	}

	uint64_t cap = need <= UINT64_MAX / 2 ? 2 * need : need;
	if (cap < WRITABLE_MIN_BYTES)
		cap = WRITABLE_MIN_BYTES;
	orig = writable_new(h, cap, total);
	if (orig == THE_NON_VALUE && cap > need) /* no room to spare: try without */
		orig = writable_new(h, need, total);
	if (orig == THE_NON_VALUE)
		return THE_NON_VALUE;
	b = (kb_binary *)(uintptr_t)boxed_ptr(orig)[REFC_BIN_VAL];
	bits_copy(b->data, v.base, v.bitoffs, v.bitsize);
	*base = b->data;
	return prefix_new(h, orig, total);
}

term bs_init_writable(process *p, term size_hint)
{
	uint64_t cap = 1024;
	if (is_small(size_hint) && small_value(size_hint) >= 0)
		cap = (uint64_t)small_value(size_hint);
	term orig = writable_new(&p->heap, cap, 0);
	term r = orig == THE_NON_VALUE ? THE_NON_VALUE : prefix_new(&p->heap, orig, 0);
	return r == THE_NON_VALUE ? bits_raise(p, ATOM(system_limit)) : r;
}
