/* The global fun table: one entry per (module, module MD5, FunT index, old
 * uniq, arity), created by the loader or by binary_to_term (for modules not
 * loaded yet, as OTP does) and never freed. A chained hash table under one mutex;
 * entries are allocated one by one, so their addresses never change. */
#include "fun.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct fun_node {
	struct fun_node *next;
	uint64_t hash;
	fun_entry entry;
} fun_node;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static fun_node **buckets;
static size_t nbuckets; /* a power of two, or 0 before the first entry */
static size_t nentries;

typedef struct fun_key {
	term module;
	const uint8_t *md5;
	uint32_t index, old_uniq, arity;
} fun_key;

static uint64_t hash_key(const fun_key *k)
{
	uint64_t h = k->module * 0x9e3779b97f4a7c15u;
	h ^= ((uint64_t)k->index << 32 | k->old_uniq) * 0xff51afd7ed558ccdu;
	h ^= k->arity;
	for (int i = 0; i < 16; i++)
		h = (h ^ k->md5[i]) * 0x100000001b3u;
	return h ^ (h >> 29);
}

static fun_node *find_locked(const fun_key *k, uint64_t hash)
{
	if (!nbuckets)
		return NULL;
	for (fun_node *n = buckets[hash & (nbuckets - 1)]; n; n = n->next) {
		const fun_entry *e = &n->entry;
		if (n->hash == hash && e->module == k->module && e->index == k->index &&
		    e->old_uniq == k->old_uniq && e->arity == k->arity &&
		    memcmp(e->md5, k->md5, sizeof e->md5) == 0)
			return n;
	}
	return NULL;
}

/* Doubles the bucket array; false when out of memory (the old one stays). */
static bool grow_locked(void)
{
	size_t size = nbuckets ? 2 * nbuckets : 1024;
	fun_node **b = calloc(size, sizeof *b);
	if (!b)
		return false;
	for (size_t i = 0; i < nbuckets; i++) {
		fun_node *n = buckets[i];
		while (n) {
			fun_node *next = n->next;
			n->next = b[n->hash & (size - 1)];
			b[n->hash & (size - 1)] = n;
			n = next;
		}
	}
	free(buckets);
	buckets = b;
	nbuckets = size;
	return true;
}

fun_entry *fun_entry_get(term module, const uint8_t md5[16], uint32_t index, uint32_t old_uniq,
                         uint32_t arity, uint32_t num_free, term name)
{
	fun_key key = {module, md5, index, old_uniq, arity};
	uint64_t hash = hash_key(&key);
	pthread_mutex_lock(&lock);
	fun_node *n = find_locked(&key, hash);
	if (!n && (nentries < nbuckets || grow_locked()) && (n = malloc(sizeof *n))) {
		n->hash = hash;
		n->entry.module = module;
		n->entry.name = name;
		n->entry.index = index;
		n->entry.old_uniq = old_uniq;
		n->entry.arity = arity;
		n->entry.num_free = num_free;
		memcpy(n->entry.md5, md5, sizeof n->entry.md5);
		atomic_init(&n->entry.address, NULL);
		n->next = buckets[hash & (nbuckets - 1)];
		buckets[hash & (nbuckets - 1)] = n;
		nentries++;
	} else if (n && n->entry.name == THE_NON_VALUE) {
		n->entry.name = name;
	}
	pthread_mutex_unlock(&lock);
	return n ? &n->entry : NULL;
}
