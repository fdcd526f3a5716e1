/* The global export table: one entry per Module:Function/Arity, created on
 * first mention and never freed, so an entry's address is stable for the
 * life of the VM. A chained hash table under one mutex; entries are
 * allocated one by one, so growing the table never moves them. */
#include "export.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct export_node {
	struct export_node *next;
	uint64_t hash;
	export_entry entry;
} export_node;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static export_node **buckets;
static size_t nbuckets; /* a power of two, or 0 before the first entry */
static size_t nentries;

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
	h *= 0xff51afd7ed558ccdu;
	return h ^ (h >> 33);
}

static uint64_t hash_mfa(term module, term function, uint32_t arity)
{
	return mix(mix(mix(0, module), function), arity);
}

static export_node *find_locked(term module, term function, uint32_t arity, uint64_t hash)
{
	if (!nbuckets)
		return NULL;
	for (export_node *n = buckets[hash & (nbuckets - 1)]; n; n = n->next) {
		if (n->hash == hash && n->entry.module == module && n->entry.function == function &&
		    n->entry.arity == arity)
			return n;
	}
	return NULL;
}

/* Doubles the bucket array; false when out of memory (the old one stays). */
static bool grow_locked(void)
{
	size_t size = nbuckets ? 2 * nbuckets : 1024;
	export_node **b = calloc(size, sizeof *b);
	if (!b)
		return false;
	for (size_t i = 0; i < nbuckets; i++) {
		export_node *n = buckets[i];
		while (n) {
			export_node *next = n->next;
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

export_entry *export_entry_get(term module, term function, uint32_t arity)
{
	uint64_t hash = hash_mfa(module, function, arity);
	pthread_mutex_lock(&lock);
	export_node *n = find_locked(module, function, arity, hash);
	if (!n && (nentries < nbuckets || grow_locked()) && (n = malloc(sizeof *n))) {
		n->hash = hash;
		n->entry.module = module;
		n->entry.function = function;
		n->entry.arity = arity;
		atomic_init(&n->entry.address, NULL);
		n->next = buckets[hash & (nbuckets - 1)];
		buckets[hash & (nbuckets - 1)] = n;
		nentries++;
	}
	pthread_mutex_unlock(&lock);
	return n ? &n->entry : NULL;
}

export_entry *export_entry_lookup(term module, term function, uint32_t arity)
{
	uint64_t hash = hash_mfa(module, function, arity);
	pthread_mutex_lock(&lock);
	export_node *n = find_locked(module, function, arity, hash);
	pthread_mutex_unlock(&lock);
	return n ? &n->entry : NULL;
}
