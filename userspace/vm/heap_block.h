/* The blocks that hold process heaps (young heap and stack, old heap).
 * Small ones come from malloc; large ones, HEAP_BLOCK_LARGE_BYTES and up,
 * are platform regions (platform/platform.h): kbeam.ko's memory regions
 * when the module is used (counted against its per-node limit), anonymous
 * mappings without it. Either way a large block's pages go back to the
 * kernel when it is freed. Thread-safe. */
#ifndef KBEAM_VM_HEAP_BLOCK_H
#define KBEAM_VM_HEAP_BLOCK_H

#include "term.h"

/* glibc maps allocations this large by itself (run_bare's mallopt), so
 * plain runs see no change in how large heaps are made. */
#define HEAP_BLOCK_LARGE_BYTES ((size_t)64 << 20)

/* A block of `words` words; NULL when memory (or the node's limit) is
 * exhausted. */
term *heap_block_alloc(size_t words);
void heap_block_free(term *block);
/* Whether the block is a region (it then keeps its size: no realloc). */
bool heap_block_is_region(const term *block);

#endif
