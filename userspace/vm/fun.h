/* Funs: closures over a fun entry.
 *
 *   fun term  header(3 + num_free, FUN), fun_entry*, creator pid, num_free, env...
 *
 * A fun entry is global and lives as long as the VM (this layer never frees
 * one): it names the module and the lambda (FunT index, old uniq, and the
 * module's MD5), and, once that module is loaded, the code. binary_to_term
 * creates entries for modules that are not loaded yet, as OTP does.
 */
#ifndef KBEAM_VM_FUN_H
#define KBEAM_VM_FUN_H

#include "term.h"

typedef struct fun_entry {
	term module;           /* atom */
	term name;             /* function atom ('-f/1-fun-0-'), or THE_NON_VALUE if unknown */
	uint32_t index;        /* index in the module's FunT: NEW_FUN_EXT's Index */
	uint32_t old_uniq;     /* NEW_FUN_EXT's OldUniq */
	uint32_t arity;        /* arity of the fun as called (free variables excluded) */
	uint32_t num_free;     /* free variables captured by make_fun */
	uint8_t md5[16];       /* the module's MD5: NEW_FUN_EXT's Uniq */
	void *_Atomic address; /* code once loaded, else NULL */
} fun_entry;

enum { FUN_ENTRY = 1, FUN_CREATOR = 2, FUN_NUM_FREE = 3, FUN_ENV = 4 };

static inline fun_entry *fun_get_entry(term f)
{
	return (fun_entry *)(uintptr_t)boxed_ptr(f)[FUN_ENTRY];
}
static inline term fun_creator(term f) { return boxed_ptr(f)[FUN_CREATOR]; }
static inline uint64_t fun_num_free(term f) { return boxed_ptr(f)[FUN_NUM_FREE]; }
static inline term *fun_env(term f) { return boxed_ptr(f) + FUN_ENV; }

/* Finds or creates the entry for (module, md5, index, old_uniq, arity): as
 * in OTP 25 all of them are the key, so a fun decoded with another arity or
 * old uniq than the loaded code's gets an entry of its own. NULL when out of
 * memory. When it exists already, num_free is left as it is. `name` is the
 * function atom when the caller knows it (the loader), else THE_NON_VALUE;
 * an entry made without a name gets it when a caller later knows it. */
fun_entry *fun_entry_get(term module, const uint8_t md5[16], uint32_t index, uint32_t old_uniq,
                         uint32_t arity, uint32_t num_free, term name);

#endif
