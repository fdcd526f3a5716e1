/* Heap and virtual binary heap sizes, as OTP chooses them (erl_gc.c). */
#include "gc_internal.h"

/* OTP stops its size sequence below 2^53 bytes. */
#define HEAP_SIZE_MAX ((size_t)1 << 50)

size_t gc_next_heap_size(size_t size, unsigned offset)
{
	/* The sequence: 12, 38, then each term is the sum of the two before
	 * plus one (a Fibonacci growth) up to the 23rd term, and 20% more
	 * than the one before from there on. */
	size_t before = 12, cur = 38;
	if (size <= before)
		return offset && size == before ? cur : before;
	unsigned i = 1; /* cur is term i */
	while (cur < size || offset) {
		if (cur >= size)
			offset = 0; /* the one after the first fit */
		size_t next = i + 1 < 23 ? before + cur + 1 : cur + cur / 5;
		before = cur;
		cur = next;
		i++;
		if (cur > HEAP_SIZE_MAX)
			return 0;
	}
	return cur;
}

uint64_t gc_next_vheap_size(const process *p, uint64_t words, uint64_t size)
{
	/* Grow by the golden ratio while the heap is over 3/4 full, halve
	 * it when under 1/4 full. */
	if (words / 3 > size / 4) {
		while (words / 3 > size / 4) {
			uint64_t grown = (uint64_t)((double)size * 1.618);
			if (grown <= size)
				break;
			size = grown;
		}
	} else if (words < size / 4) {
		size >>= 1;
	}
	return size < p->min_bin_vheap_size ? p->min_bin_vheap_size : size;
}
