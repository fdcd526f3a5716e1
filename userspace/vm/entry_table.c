/* A chained hash table of caller-allocated links (see entry_table.h). */
#include "entry_table.h"

#include <stdlib.h>

entry_link *entry_table_chain(const entry_table *t, uint64_t hash)
{
	return t->nbuckets ? t->buckets[hash & (t->nbuckets - 1)] : NULL;
}

/* Doubles the bucket array; false when out of memory (the old one stays). */
static bool grow(entry_table *t)
{
	size_t size = t->nbuckets ? 2 * t->nbuckets : 1024;
	entry_link **b = calloc(size, sizeof *b);
	if (!b)
		return false;
	for (size_t i = 0; i < t->nbuckets; i++) {
		entry_link *l = t->buckets[i];
		while (l) {
			entry_link *next = l->next;
			l->next = b[l->hash & (size - 1)];
			b[l->hash & (size - 1)] = l;
			l = next;
		}
	}
	free(t->buckets);
	t->buckets = b;
	t->nbuckets = size;
	return true;
}

bool entry_table_reserve(entry_table *t) { return t->nentries < t->nbuckets || grow(t); }

void entry_table_insert(entry_table *t, entry_link *l, uint64_t hash)
{
	l->hash = hash;
	l->next = t->buckets[hash & (t->nbuckets - 1)];
	t->buckets[hash & (t->nbuckets - 1)] = l;
	t->nentries++;
}
