/* Export entries: one per Module:Function/Arity ever named, global and never
 * freed. A remote call or an external fun (fun M:F/A) goes through the entry,
 * so loading a new module version re-targets every caller at once.
 *
 *   export term  header(1, EXPORT), export_entry*
 */
#ifndef KBEAM_VM_EXPORT_H
#define KBEAM_VM_EXPORT_H

#include "term.h"

typedef struct export_entry {
	term module;
	term function;
	uint32_t arity;
	void *_Atomic address; /* code of the current version, else NULL */
} export_entry;

static inline export_entry *export_get_entry(term e)
{
	return (export_entry *)(uintptr_t)boxed_ptr(e)[1];
}

/* Finds or creates the entry for M:F/A; NULL when out of memory. */
export_entry *export_entry_get(term module, term function, uint32_t arity);
/* Finds the entry for M:F/A without creating it; NULL when there is none
 * (binary_to_term's `safe` option). */
export_entry *export_entry_lookup(term module, term function, uint32_t arity);

#endif
