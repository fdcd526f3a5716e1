/* The chained hash table under the export and fun tables: entries embed an
 * entry_link (first, so a link is its entry's address) and are allocated
 * one by one, so growing the bucket array never moves them. Not locked:
 * each table's owner holds its own mutex around every call. */
#ifndef KBEAM_VM_ENTRY_TABLE_H
#define KBEAM_VM_ENTRY_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct entry_link {
	struct entry_link *next;
	uint64_t hash;
} entry_link;

typedef struct entry_table {
	entry_link **buckets;
	size_t nbuckets; /* a power of two, or 0 before the first entry */
	size_t nentries;
} entry_table;

/* The first link of the chain that holds entries of this hash, or NULL. */
entry_link *entry_table_chain(const entry_table *t, uint64_t hash);
/* Makes room for one more entry; false when out of memory. */
bool entry_table_reserve(entry_table *t);
/* Links in an entry of this hash, after entry_table_reserve succeeded. */
void entry_table_insert(entry_table *t, entry_link *l, uint64_t hash);

#endif
