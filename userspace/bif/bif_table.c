/* The table of every BIF: one family table per file (bif/FAMILY.c defines
 * bif_family_FAMILY, ended by an entry with a NULL name), and a hash index
 * from {Module, Name, Arity} built on first use. */
#include "bif.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

extern const bif_def bif_family_erlang_arith[];
extern const bif_def bif_family_erlang_compare[];
extern const bif_def bif_family_erlang_types[];
extern const bif_def bif_family_erlang_conv[];
extern const bif_def bif_family_erlang_atoms[];
extern const bif_def bif_family_erlang_tuples[];
extern const bif_def bif_family_erlang_lists[];
extern const bif_def bif_family_erlang_binaries[];
extern const bif_def bif_family_erlang_etf[];
extern const bif_def bif_family_erlang_hash[];
extern const bif_def bif_family_maps[];
extern const bif_def bif_family_binary_module[];
extern const bif_def bif_family_unicode[];
extern const bif_def bif_family_math[];
extern const bif_def bif_family_erlang_runtime[];
extern const bif_def bif_family_erlang_code[];
extern const bif_def bif_family_maps_iter[];
extern const bif_def bif_family_erlang_misc[];
extern const bif_def bif_family_persistent_term[];
extern const bif_def bif_family_os[];
extern const bif_def bif_family_erlang_msg[];
extern const bif_def bif_family_erlang_procs[];

static const bif_def *const families[] = {
    bif_family_erlang_arith,
    bif_family_erlang_compare,
    bif_family_erlang_types,
    bif_family_erlang_conv,
    bif_family_erlang_atoms,
    bif_family_erlang_tuples,
    bif_family_erlang_lists,
    bif_family_erlang_binaries,
    bif_family_erlang_etf,
    bif_family_erlang_hash,
    bif_family_maps,
    bif_family_binary_module,
    bif_family_unicode,
    bif_family_math,
    bif_family_erlang_runtime,
    bif_family_erlang_code,
    bif_family_maps_iter,
    bif_family_erlang_misc,
    bif_family_persistent_term,
    bif_family_os,
    bif_family_erlang_msg,
    bif_family_erlang_procs,
};

typedef struct bif_slot {
	term module, name;
	unsigned arity;
	const bif_def *def;
} bif_slot;

static const bif_def **all;
static size_t nall;
static bif_slot *index_slots;
static size_t nslots;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static size_t slot_of(term module, term name, unsigned arity)
{
	uint64_t h = (module * 0x9e3779b97f4a7c15u) ^ (name * 0xc2b2ae3d27d4eb4fu) ^ arity;
	h ^= h >> 29;
	return (size_t)(h & (nslots - 1));
}

static void build_index(void)
{
	for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
		for (const bif_def *d = families[f]; d->name; d++)
			nall++;
	all = malloc(nall * sizeof *all);
	nslots = 16;
	while (nslots < nall * 2)
		nslots *= 2;
	index_slots = calloc(nslots, sizeof *index_slots);
	if (!all || !index_slots) {
		fprintf(stderr, "kbeam: out of memory building the BIF table\n");
		abort();
	}
	size_t n = 0;
	for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
		for (const bif_def *d = families[f]; d->name; d++) {
			all[n++] = d;
			term m = atom_from_cstr(d->module), nm = atom_from_cstr(d->name);
			size_t i = slot_of(m, nm, d->arity);
			while (index_slots[i].def) {
				if (index_slots[i].module == m && index_slots[i].name == nm &&
				    index_slots[i].arity == d->arity) {
					fprintf(stderr, "kbeam: BIF %s:%s/%u defined twice\n",
					        d->module, d->name, d->arity);
					abort();
				}
				i = (i + 1) & (nslots - 1);
			}
			index_slots[i] = (bif_slot){m, nm, d->arity, d};
		}
	}
}

const bif_def *bif_lookup(term module, term name, unsigned arity)
{
	pthread_once(&once, build_index);
	for (size_t i = slot_of(module, name, arity); index_slots[i].def;
	     i = (i + 1) & (nslots - 1))
		if (index_slots[i].module == module && index_slots[i].name == name &&
		    index_slots[i].arity == arity)
			return index_slots[i].def;
	return NULL;
}

size_t bif_count(void)
{
	pthread_once(&once, build_index);
	return nall;
}

const bif_def *bif_at(size_t i)
{
	pthread_once(&once, build_index);
	return i < nall ? all[i] : NULL;
}
