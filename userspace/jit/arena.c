/* The JIT's code arena: one executable region, reserved once near the
 * kbeam binary so generated code reaches C helpers with call rel32, and
 * filled from the bottom up as modules are compiled. Written through the
 * writable view, executed through the other (W^X dual mapping; mprotect
 * mode where memfd is refused would need per-module regions).
 */
#include "arena.h"

#include <pthread.h>
#include <string.h>

#include "exec_mem.h"

#define ARENA_SIZE ((size_t)256 << 20)
#define ARENA_ALIGN 64

static struct exec_mem arena;
static size_t arena_used;
static pthread_mutex_t arena_lock = PTHREAD_MUTEX_INITIALIZER;

int jit_arena_init(void)
{
	if (arena.exec)
		return 0;
	return exec_mem_alloc(&arena, ARENA_SIZE, EXEC_DUAL_MAP, (const void *)jit_arena_init);
}

void jit_arena_prepare(code_buffer *cb)
{
	cb_place(cb, (uintptr_t)arena.exec, (uintptr_t)arena.exec + arena.size);
}

uint8_t *jit_arena_place(code_buffer *cb, int *err)
{
	pthread_mutex_lock(&arena_lock);
	size_t at = (arena_used + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	size_t len = cb_offset(cb);
	uint8_t *exec = NULL;
	if (at + len > arena.size) {
		*err = CB_ERR_TOO_BIG;
	} else {
		*err = cb_finalise(cb, arena.write + at, arena.size - at, (uintptr_t)arena.exec + at);
		if (*err == CB_OK) {
			arena_used = at + len;
			exec = arena.exec + at;
		}
	}
	pthread_mutex_unlock(&arena_lock);
	return exec;
}
