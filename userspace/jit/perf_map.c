/* /tmp/perf-PID.map: one line per compiled function, "START SIZE NAME" in
 * hex, so that `perf report` names Erlang functions (perf's JIT map
 * convention). Enabled by `kbeam --perf-map` or KBEAM_PERF_MAP=1. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "perf_map.h"
#include "vm/atom.h"

static FILE *map;
static pthread_mutex_t map_lock = PTHREAD_MUTEX_INITIALIZER;

int jit_perf_map_open(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/perf-%ld.map", (long)getpid());
	pthread_mutex_lock(&map_lock);
	if (!map)
		map = fopen(path, "w");
	pthread_mutex_unlock(&map_lock);
	return map ? 0 : -1;
}

void jit_perf_map_add(const jit_code *code)
{
	if (!map)
		return;
	size_t mlen, flen;
	const char *mod = atom_name(code->module->name, &mlen);
	pthread_mutex_lock(&map_lock);
	for (uint32_t i = 0; i < code->nfuncs; i++) {
		const jit_func *f = &code->funcs[i];
		const char *fn = atom_name(f->name, &flen);
		fprintf(map, "%lx %x %.*s:%.*s/%u\n", (unsigned long)(code->base + f->start),
		        f->end - f->start, (int)mlen, mod, (int)flen, fn, f->arity);
	}
	fflush(map);
	pthread_mutex_unlock(&map_lock);
}

void jit_perf_map_add_range(const void *start, size_t size, const char *name)
{
	if (!map)
		return;
	pthread_mutex_lock(&map_lock);
	fprintf(map, "%lx %zx %s\n", (unsigned long)(uintptr_t)start, size, name);
	fflush(map);
	pthread_mutex_unlock(&map_lock);
}
