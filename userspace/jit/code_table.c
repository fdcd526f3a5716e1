#include "code_table.h"

#include <pthread.h>
#include <stdlib.h>

/* Code ranges, sorted by base address. Modules are few; adding one is
 * rare, finding one happens once per stack frame of an exception. */
static const jit_code **codes;
static size_t ncodes, codes_cap;
static pthread_rwlock_t codes_lock = PTHREAD_RWLOCK_INITIALIZER;

void code_table_add(const jit_code *code)
{
	pthread_rwlock_wrlock(&codes_lock);
	if (ncodes == codes_cap) {
		size_t cap = codes_cap ? 2 * codes_cap : 64;
		const jit_code **n = realloc(codes, cap * sizeof *n);
		if (!n) {
			pthread_rwlock_unlock(&codes_lock);
			return;
		}
		codes = n;
		codes_cap = cap;
	}
	size_t i = ncodes;
	while (i > 0 && codes[i - 1]->base > code->base) {
		codes[i] = codes[i - 1];
		i--;
	}
	codes[i] = code;
	ncodes++;
	pthread_rwlock_unlock(&codes_lock);
}

const jit_code *jit_code_find(uintptr_t addr)
{
	const jit_code *found = NULL;
	pthread_rwlock_rdlock(&codes_lock);
	size_t lo = 0, hi = ncodes;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if ((uintptr_t)codes[mid]->base <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0) {
		const jit_code *c = codes[lo - 1];
		if (addr < (uintptr_t)c->base + c->size)
			found = c;
	}
	pthread_rwlock_unlock(&codes_lock);
	return found;
}

bool jit_locate(uintptr_t addr, jit_location *loc)
{
	const jit_code *c = jit_code_find(addr);
	if (!c)
		return false;
	/* A return address or the address after a raise call points past
	 * the instruction that matters: look one byte before it. */
	uint32_t off = (uint32_t)(addr - (uintptr_t)c->base);
	if (off > 0)
		off--;
	loc->code = c;
	loc->func = NULL;
	for (uint32_t lo = 0, hi = c->nfuncs; lo < hi;) {
		uint32_t mid = (lo + hi) / 2;
		if (c->funcs[mid].end <= off) {
			lo = mid + 1;
		} else if (c->funcs[mid].start > off) {
			hi = mid;
		} else {
			loc->func = &c->funcs[mid];
			break;
		}
	}
	loc->line = 0;
	loc->file = NULL;
	loc->file_len = 0;
	const kb_line_table *lt = &c->module->lines;
	uint32_t lo = 0, hi = c->nlines;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (c->lines[mid].offset <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && lt->present && loc->func) {
		const jit_line *jl = &c->lines[lo - 1];
		/* the line must belong to the same function */
		if (jl->offset >= loc->func->start && jl->item < lt->nitems) {
			const kb_line_item *it = &lt->items[jl->item];
			loc->line = it->line;
			if (it->file < lt->nfiles) {
				loc->file = lt->files[it->file].name;
				loc->file_len = lt->files[it->file].len;
			}
		}
	}
	return loc->func != NULL;
}

/* ---- catches: pages of entries, never moved once made ---- */

#define CATCH_PAGE 4096
#define CATCH_PAGES 4096

struct catch_entry {
	uintptr_t handler;
	uint32_t y;
};

static struct catch_entry *catch_pages[CATCH_PAGES];
static uint32_t catch_next;
static pthread_mutex_t catch_lock = PTHREAD_MUTEX_INITIALIZER;

bool catch_table_reserve(uint32_t n, uint32_t *first)
{
	bool ok = true;
	pthread_mutex_lock(&catch_lock);
	uint32_t start = catch_next;
	if ((uint64_t)start + n > (uint64_t)CATCH_PAGE * CATCH_PAGES) {
		ok = false;
	} else {
		for (uint32_t i = start / CATCH_PAGE; ok && i <= (start + n) / CATCH_PAGE; i++) {
			if (i < CATCH_PAGES && !catch_pages[i]) {
				catch_pages[i] = calloc(CATCH_PAGE, sizeof(struct catch_entry));
				ok = catch_pages[i] != NULL;
			}
		}
		if (ok)
			catch_next = start + n;
	}
	pthread_mutex_unlock(&catch_lock);
	*first = start;
	return ok;
}

void catch_table_set(uint32_t index, uintptr_t handler, uint32_t y)
{
	struct catch_entry *e = &catch_pages[index / CATCH_PAGE][index % CATCH_PAGE];
	e->handler = handler;
	e->y = y;
}

bool catch_table_get(uint32_t index, uintptr_t *handler, uint32_t *y)
{
	if (index >= catch_next)
		return false;
	const struct catch_entry *e = &catch_pages[index / CATCH_PAGE][index % CATCH_PAGE];
	*handler = e->handler;
	*y = e->y;
	return e->handler != 0;
}
