/* The perf JIT map (perf_map.c). */
#ifndef KBEAM_JIT_PERF_MAP_H
#define KBEAM_JIT_PERF_MAP_H

#include "jit.h"

/* Starts writing /tmp/perf-PID.map; 0 or -1. */
int jit_perf_map_open(void);
/* Adds every function of a compiled module (no-op when not open). */
void jit_perf_map_add(const jit_code *code);
/* Adds a range of shared code (fragments, BIF stubs). */
void jit_perf_map_add_range(const void *start, size_t size, const char *name);

#endif
