/* The global export table: one entry per Module:Function/Arity, created on
 * first mention and never freed, so an entry's address is stable for the
 * life of the VM. An entry_table under one mutex. */
#include "export.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "entry_table.h"

typedef struct export_node {
	entry_link link; /* first: a link is its node's address */
	export_entry entry;
} export_node;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry_table table;

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
	for (entry_link *l = entry_table_chain(&table, hash); l; l = l->next) {
		export_node *n = (export_node *)l;
		if (l->hash == hash && n->entry.module == module && n->entry.function == function &&
		    n->entry.arity == arity)
			return n;
	}
	return NULL;
}

export_entry *export_entry_get(term module, term function, uint32_t arity)
{
	uint64_t hash = hash_mfa(module, function, arity);
	pthread_mutex_lock(&lock);
	export_node *n = find_locked(module, function, arity, hash);
	if (!n && entry_table_reserve(&table) && (n = malloc(sizeof *n))) {
		n->entry.module = module;
		n->entry.function = function;
		n->entry.arity = arity;
		atomic_init(&n->entry.address, NULL);
		entry_table_insert(&table, &n->link, hash);
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
