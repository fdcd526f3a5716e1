/* Local references made by this node: make_ref/0, monitors, aliases.
 * Each is named by a 64-bit number from one counter; the term keeps it in
 * its three 32-bit ids as OTP's layout holds them (ident.h). */
#ifndef KBEAM_VM_REF_H
#define KBEAM_VM_REF_H

#include "heap.h"

/* A new reference; THE_NON_VALUE when out of memory. *number (if not
 * NULL) gets its number. */
term ref_new(kb_heap *h, uint64_t *number);
/* The reference with that number. */
term ref_from_number(kb_heap *h, uint64_t n);
/* The number of a local reference made here; false for any other term. */
bool ref_number(term t, uint64_t *n);

#endif
