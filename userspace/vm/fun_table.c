/* The global fun table: one entry per (module, module MD5, FunT index, old
 * uniq, arity), created by the loader or by binary_to_term (for modules not
 * loaded yet, as OTP does) and never freed. An entry_table under one mutex,
 * so entries' addresses never change. */
#include "fun.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "entry_table.h"

typedef struct fun_node {
	entry_link link; /* first: a link is its node's address */
	fun_entry entry;
} fun_node;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry_table table;

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
	for (entry_link *l = entry_table_chain(&table, hash); l; l = l->next) {
		const fun_entry *e = &((fun_node *)l)->entry;
		if (l->hash == hash && e->module == k->module && e->index == k->index &&
		    e->old_uniq == k->old_uniq && e->arity == k->arity &&
		    memcmp(e->md5, k->md5, sizeof e->md5) == 0)
			return (fun_node *)l;
	}
	return NULL;
}

fun_entry *fun_entry_get(term module, const uint8_t md5[16], uint32_t index, uint32_t old_uniq,
                         uint32_t arity, uint32_t num_free, term name)
{
	fun_key key = {module, md5, index, old_uniq, arity};
	uint64_t hash = hash_key(&key);
	pthread_mutex_lock(&lock);
	fun_node *n = find_locked(&key, hash);
	if (!n && entry_table_reserve(&table) && (n = malloc(sizeof *n))) {
		n->entry.module = module;
		n->entry.name = name;
		n->entry.index = index;
		n->entry.old_uniq = old_uniq;
		n->entry.arity = arity;
		n->entry.num_free = num_free;
		memcpy(n->entry.md5, md5, sizeof n->entry.md5);
		atomic_init(&n->entry.address, NULL);
		entry_table_insert(&table, &n->link, hash);
	} else if (n && n->entry.name == THE_NON_VALUE) {
		n->entry.name = name;
	}
	pthread_mutex_unlock(&lock);
	return n ? &n->entry : NULL;
}
