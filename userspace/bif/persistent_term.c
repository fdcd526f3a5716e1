/* persistent_term: terms stored for the life of the node and read without
 * copying.
 *
 * put/2 copies key and value (through the external term format) into an
 * arena of their own, outside every process heap; get/1,2 return the
 * stored term itself. The garbage collector leaves pointers outside a
 * process's heaps alone, so processes share the stored term as they share
 * module literals. An overwritten or erased entry's arena is kept (never
 * freed) since processes may still hold its terms; OTP frees it after a
 * global literal collection, which kbeam does not have yet.
 */
#include <pthread.h>
#include <stdlib.h>

#include "bif.h"
#include "loader/etf.h"
#include "vm/compare.h"

struct pt_entry {
	term key, value;
	kb_heap *arena;
};

static struct pt_entry *entries;
static size_t nentries, cap;
static pthread_rwlock_t pt_lock = PTHREAD_RWLOCK_INITIALIZER;

static struct pt_entry *find(term key)
{
	for (size_t i = 0; i < nentries; i++)
		if (term_eq_exact(entries[i].key, key))
			return &entries[i];
	return NULL;
}

/* A copy of {Key, Value} in a new arena: its elements in *k, *v. */
static kb_heap *copy_pair(process *p, term key, term value, term *k, term *v)
{
	term pair[3] = {make_header(2, SUBTAG_TUPLE), key, value};
	size_t len;
	etf_encode_options o = ETF_ENCODE_DEFAULTS;
	uint8_t *buf = etf_encode(make_boxed(pair), &o, &len);
	kb_heap *arena = buf ? malloc(sizeof *arena) : NULL;
	if (!arena) {
		free(buf);
		return NULL;
	}
	heap_init(arena);
	term t = etf_decode(arena, buf, len, 0, NULL, NULL);
	free(buf);
	if (t == THE_NON_VALUE) {
		heap_free(arena);
		free(arena);
		return NULL;
	}
	(void)p;
	*k = tuple_get(t, 1);
	*v = tuple_get(t, 2);
	return arena;
}

static term bif_pt_put_2(process *p, const term *a)
{
	term k, v;
	kb_heap *arena = copy_pair(p, a[0], a[1], &k, &v);
	if (!arena)
		return bif_no_memory(p);
	pthread_rwlock_wrlock(&pt_lock);
	struct pt_entry *e = find(a[0]);
	if (!e) {
		if (nentries == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			struct pt_entry *n = realloc(entries, ncap * sizeof *n);
			if (!n) {
				pthread_rwlock_unlock(&pt_lock);
				return bif_no_memory(p);
			}
			entries = n;
			cap = ncap;
		}
		e = &entries[nentries++];
	}
	e->key = k;
	e->value = v;
	e->arena = arena;
	pthread_rwlock_unlock(&pt_lock);
	return ATOM(ok);
}

static term lookup(term key)
{
	pthread_rwlock_rdlock(&pt_lock);
	struct pt_entry *e = find(key);
	term v = e ? e->value : THE_NON_VALUE;
	pthread_rwlock_unlock(&pt_lock);
	return v;
}

static term bif_pt_get_1(process *p, const term *a)
{
	term v = lookup(a[0]);
	if (v == THE_NON_VALUE)
		return bif_badarg(p);
	return v;
}

static term bif_pt_get_2(process *p, const term *a)
{
	(void)p;
	term v = lookup(a[0]);
	return v == THE_NON_VALUE ? a[1] : v;
}

static term bif_pt_erase_1(process *p, const term *a)
{
	(void)p;
	pthread_rwlock_wrlock(&pt_lock);
	struct pt_entry *e = find(a[0]);
	if (e)
		*e = entries[--nentries];
	pthread_rwlock_unlock(&pt_lock);
	return e ? ATOM(true) : ATOM(false);
}

/* get/0: [{Key, Value}] */
static term bif_pt_get_0(process *p, const term *a)
{
	(void)a;
	pthread_rwlock_rdlock(&pt_lock);
	term *mem = heap_alloc(&p->heap, 5 * nentries);
	term l = NIL;
	for (size_t i = 0; mem && i < nentries; i++) {
		term *t = mem + 5 * i;
		t[0] = make_header(2, SUBTAG_TUPLE);
		t[1] = entries[i].key;
		t[2] = entries[i].value;
		t[3] = make_boxed(t);
		t[4] = l;
		l = make_list(&t[3]);
	}
	pthread_rwlock_unlock(&pt_lock);
	return mem || !nentries ? l : bif_no_memory(p);
}

const bif_def bif_family_persistent_term[] = {
    {"persistent_term", "put", 2, bif_pt_put_2, BIF_NEEDS_PROCESS},
    {"persistent_term", "get", 1, bif_pt_get_1, BIF_NEEDS_PROCESS},
    {"persistent_term", "get", 2, bif_pt_get_2, BIF_NEEDS_PROCESS},
    {"persistent_term", "get", 0, bif_pt_get_0, BIF_NEEDS_PROCESS},
    {"persistent_term", "erase", 1, bif_pt_erase_1, BIF_NEEDS_PROCESS},
    {NULL, NULL, 0, NULL, 0},
};
