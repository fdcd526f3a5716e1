/* The copying pass of a deep copy (vm/copy.h).
 *
 * Cheney's algorithm over the destination: the root object is copied
 * first, then a scan of the copied words copies what each copied term word
 * points at to the end of the copy and updates the word. The copy is one
 * contiguous run of objects, parsed by their headers (a word whose primary
 * tag is not 00 starts a cons cell), so the pass needs no stack at all.
 * Nothing is marked in the source: it may be another process's literals.
 */
#include "copy_internal.h"

typedef struct copier {
	kb_heap *h;
	term *top; /* next free word of the copy */
} copier;

static inline term *take(copier *c, size_t words)
{
	term *p = c->top;
	c->top += words;
	return p;
}

static term copy_refc(copier *c, const term *p)
{
	term *q = take(c, REFC_BIN_WORDS);
	memcpy(q, p, REFC_BIN_WORDS * sizeof(term));
	binary_retain((kb_binary *)(uintptr_t)q[REFC_BIN_VAL]);
	term t = make_boxed(q);
	heap_link_offheap(c->h, t, &q[REFC_BIN_NEXT]);
	return t;
}

static term copy_whole(copier *c, const term *p)
{
	if (header_subtag(p[0]) == SUBTAG_REFC_BIN)
		return copy_refc(c, p);
	size_t words = header_arity(p[0]) + 1;
	term *q = take(c, words);
	memcpy(q, p, words * sizeof(term));
	return make_boxed(q);
}

/* The bits alone: a heap binary, under a sub binary at offset 0 when they
 * are not whole bytes. The object the term points at comes first, so the
 * root of every copy is its first object. */
static term copy_slice_bits(copier *c, const copy_slice *s)
{
	term *sub = s->bitsize % 8 ? take(c, SUB_BIN_WORDS) : NULL;
	uint64_t nbytes = (s->bitsize + 7) / 8;
	size_t words = heap_bin_words(nbytes);
	term *b = take(c, words);
	b[words - 1] = 0; /* no stray bits after the end */
	b[0] = make_header(words - 1, SUBTAG_HEAP_BIN);
	b[1] = nbytes;
	if (nbytes) {
		bitstring_view v;
		bitstring_get(s->orig, &v);
		bits_copy((uint8_t *)(b + 2), v.base, s->bitoffs, s->bitsize);
	}
	if (!sub)
		return make_boxed(b);
	sub[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	sub[SUB_BIN_BITSIZE] = s->bitsize;
	sub[SUB_BIN_BITOFFS] = 0;
	sub[SUB_BIN_ORIG] = make_boxed(b);
	return make_boxed(sub);
}

/* A sub binary or match context; its original goes with it at once, so the
 * scan has nothing to follow in it. */
static term copy_slice_of(copier *c, const term *p)
{
	copy_slice s;
	copy_slice_get(p, &s);
	if (copy_slice_small(&s))
		return copy_slice_bits(c, &s);
	term *sub = take(c, SUB_BIN_WORDS);
	sub[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	sub[SUB_BIN_BITSIZE] = s.bitsize;
	sub[SUB_BIN_BITOFFS] = s.bitoffs;
	sub[SUB_BIN_ORIG] = copy_whole(c, boxed_ptr(s.orig));
	return make_boxed(sub);
}

/* The copy of the object t points at; the term words of the copy still
 * point into the source until the scan reaches them. */
static term copy_object(copier *c, term t)
{
	if (is_list(t)) {
		const term *cell = list_ptr(t);
		term *q = take(c, 2);
		q[0] = cell[0];
		q[1] = cell[1];
		return make_list(q);
	}
	const term *p = boxed_ptr(t);
	if (copy_is_slice(header_subtag(p[0])))
		return copy_slice_of(c, p);
	return copy_whole(c, p);
}

static inline void follow(copier *c, term *slot)
{
	if (is_list(*slot) || is_boxed(*slot))
		*slot = copy_object(c, *slot);
}

term term_copy_into(kb_heap *h, term **hp, term t)
{
	if (!is_list(t) && !is_boxed(t))
		return t;
	copier c = {.h = h, .top = *hp};
	term root = copy_object(&c, t);
	term *scan = *hp;
	while (scan < c.top) {
		if (primary_tag(scan[0]) != TAG_PRIMARY_HEADER) { /* a cons cell */
			follow(&c, &scan[0]);
			follow(&c, &scan[1]);
			scan += 2;
			continue;
		}
		unsigned subtag = header_subtag(scan[0]);
		size_t words = header_arity(scan[0]) + 1;
		if (copy_has_terms(subtag)) {
			for (size_t i = 1; i < words; i++)
				if (copy_is_term_word(subtag, i))
					follow(&c, &scan[i]);
		}
		scan += words;
	}
	*hp = c.top;
	return root;
}

static term copy_with(kb_heap *h, term t, term *(*alloc)(kb_heap *, size_t))
{
	size_t words = term_copy_size(t);
	if (words == 0)
		return t;
	if (words == SIZE_MAX)
		return THE_NON_VALUE;
	term *hp = alloc(h, words);
	if (!hp)
		return THE_NON_VALUE;
	return term_copy_into(h, &hp, t);
}

term term_copy(kb_heap *h, term t) { return copy_with(h, t, heap_alloc); }

term term_copy_exact(kb_heap *h, term t) { return copy_with(h, t, heap_alloc_fragment); }
