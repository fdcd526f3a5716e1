/* Off-heap chains across a collection, and the virtual binary heaps
 * (vm/gc.h). The chains link refc binaries through their `next` word. */
#include "binary.h"
#include "gc_internal.h"

static uint64_t refc_words(const term *bin) { return bin[REFC_BIN_SIZE] / sizeof(term); }

void gc_vheap_count_new(process *p)
{
	term t = p->heap.offheap_first;
	while (t != p->offheap_counted && t != THE_NON_VALUE) {
		term *bin = boxed_ptr(t);
		p->bin_vheap += refc_words(bin);
		t = bin[REFC_BIN_NEXT];
	}
	p->offheap_counted = p->heap.offheap_first;
}

bool gc_vheap_full(process *p)
{
	gc_vheap_count_new(p);
	return p->bin_vheap > p->bin_vheap_size;
}

static void release(term *bin)
{
	if (header_subtag(bin[0]) == SUBTAG_REFC_BIN)
		binary_release((kb_binary *)(uintptr_t)bin[REFC_BIN_VAL]);
}

void gc_offheap_release(term first)
{
	while (first != THE_NON_VALUE) {
		term *bin = boxed_ptr(first);
		first = bin[REFC_BIN_NEXT];
		release(bin);
	}
}

struct chains {
	term young, old;
	uint64_t young_words, promoted_words;
	uintptr_t old_lo, old_hi; /* where promoted copies are */
};

/* An entry whose header was replaced by a forwarding pointer was copied:
 * its copy joins a chain. Any other entry is garbage. The links of the
 * old copies are intact, since only headers are overwritten. */
static void sweep_chain(struct chains *s, term t)
{
	while (t != THE_NON_VALUE) {
		term *bin = boxed_ptr(t);
		term next = bin[REFC_BIN_NEXT];
		term h = bin[0];
		if (is_boxed(h)) {
			term *copy = boxed_ptr(h);
			uintptr_t a = (uintptr_t)copy;
			if (a >= s->old_lo && a < s->old_hi) {
				copy[REFC_BIN_NEXT] = s->old;
				s->old = h;
				s->promoted_words += refc_words(copy);
			} else {
				copy[REFC_BIN_NEXT] = s->young;
				s->young = h;
				s->young_words += refc_words(copy);
			}
		} else {
			release(bin);
		}
		t = next;
	}
}

void gc_offheap_sweep(process *p, bool major)
{
	struct chains s = {
	    .young = THE_NON_VALUE,
	    .old = major ? THE_NON_VALUE : p->old_offheap_first,
	    .old_lo = major ? 0 : (uintptr_t)p->old_heap,
	    .old_hi = major ? 0 : (uintptr_t)p->old_end,
	};
	sweep_chain(&s, p->heap.offheap_first);
	if (major) {
		sweep_chain(&s, p->old_offheap_first);
		/* bin_vheap counted everything the young generation made or
		 * kept since the last collection, as OTP's overhead does. */
		p->bin_old_vheap = 0;
		p->bin_old_vheap_size = gc_next_vheap_size(p, p->bin_vheap, p->bin_old_vheap_size);
	} else {
		p->bin_old_vheap += s.promoted_words;
	}
	p->heap.offheap_first = s.young;
	p->offheap_counted = s.young;
	p->old_offheap_first = s.old;
	p->bin_vheap = s.young_words;
	p->bin_vheap_size = gc_next_vheap_size(p, s.young_words, p->bin_vheap_size);
}
