#include "heap_block.h"

#include <pthread.h>
#include <stdlib.h>

#include "platform/platform.h"

/* The region blocks, by address: few (only heaps of 64 MB and more), so
 * a small array under a lock. */
struct region_block {
	term *block;
	size_t bytes;
};
static struct region_block *blocks;
static size_t nblocks, blocks_cap;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t find(const term *block)
{
	for (size_t i = 0; i < nblocks; i++)
		if (blocks[i].block == block)
			return i;
	return SIZE_MAX;
}

term *heap_block_alloc(size_t words)
{
	size_t bytes = words * sizeof(term);
	if (bytes < HEAP_BLOCK_LARGE_BYTES)
		return malloc(bytes);
	term *b = platform_region_alloc(bytes);
	if (!b)
		return NULL;
	pthread_mutex_lock(&blocks_lock);
	if (nblocks == blocks_cap) {
		size_t cap = blocks_cap ? 2 * blocks_cap : 16;
		struct region_block *n = realloc(blocks, cap * sizeof *n);
		if (!n) {
			pthread_mutex_unlock(&blocks_lock);
			platform_region_free(b, bytes);
			return NULL;
		}
		blocks = n;
		blocks_cap = cap;
	}
	blocks[nblocks] = (struct region_block){b, bytes};
	__atomic_store_n(&nblocks, nblocks + 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&blocks_lock);
	return b;
}

void heap_block_free(term *block)
{
	if (!block)
		return;
	/* no region block anywhere (the common case): no lock. A block this
	 * thread frees was registered, if it is one, before it was handed
	 * out, so a count of zero is not a stale read for it. */
	if (!__atomic_load_n(&nblocks, __ATOMIC_ACQUIRE)) {
		free(block);
		return;
	}
	pthread_mutex_lock(&blocks_lock);
	size_t i = find(block);
	size_t bytes = 0;
	if (i != SIZE_MAX) {
		bytes = blocks[i].bytes;
		blocks[i] = blocks[nblocks - 1];
		__atomic_store_n(&nblocks, nblocks - 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&blocks_lock);
	if (i == SIZE_MAX)
		free(block);
	else
		platform_region_free(block, bytes);
}

bool heap_block_is_region(const term *block)
{
	if (!__atomic_load_n(&nblocks, __ATOMIC_ACQUIRE))
		return false;
	pthread_mutex_lock(&blocks_lock);
	bool r = find(block) != SIZE_MAX;
	pthread_mutex_unlock(&blocks_lock);
	return r;
}
