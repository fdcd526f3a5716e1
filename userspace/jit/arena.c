/* The JIT's code arena: one executable region, reserved once near the
 * kbeam binary so generated code reaches C helpers with call rel32, and
 * filled from the bottom up as modules are compiled.
 *
 * W^X either way:
 *  - dual mapping (a memfd mapped twice): code is written through the
 *    writable view and executed through the other;
 *  - where the memfd cannot be sized (RLIMIT_FSIZE, no memfd), one private
 *    mapping whose pages are made writable while a module is copied in and
 *    executable after; each module starts on a fresh page, so no page being
 *    executed is ever writable.
 */
#include "arena.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "exec_mem.h"

#define ARENA_SIZE ((size_t)256 << 20)
#define ARENA_ALIGN 64

static struct exec_mem arena;
static size_t arena_used;
static size_t page_size;
static pthread_mutex_t arena_lock = PTHREAD_MUTEX_INITIALIZER;

int jit_arena_init(void)
{
	if (arena.exec)
		return 0;
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	/* a file size limit would kill us with SIGXFSZ when sizing the memfd:
	 * ignore it for that moment and take the error instead */
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	sigaction(SIGXFSZ, &ign, &old);
	int err = exec_mem_alloc(&arena, ARENA_SIZE, EXEC_DUAL_MAP, (const void *)jit_arena_init);
	sigaction(SIGXFSZ, &old, NULL);
	if (err == 0)
		return 0;
	err = exec_mem_alloc(&arena, ARENA_SIZE, EXEC_MPROTECT, (const void *)jit_arena_init);
	if (err == 0 && mprotect(arena.exec, arena.size, PROT_NONE) != 0)
		err = -1;
	return err;
}

void jit_arena_prepare(code_buffer *cb)
{
	cb_place(cb, (uintptr_t)arena.exec, (uintptr_t)arena.exec + arena.size);
}

uint8_t *jit_arena_place(code_buffer *cb, int *err)
{
	bool dual = arena.mode == EXEC_DUAL_MAP;
	size_t align = dual ? ARENA_ALIGN : page_size;
	pthread_mutex_lock(&arena_lock);
	size_t at = (arena_used + align - 1) & ~(align - 1);
	size_t len = cb_offset(cb);
	uint8_t *exec = NULL;
	if (at + len > arena.size) {
		*err = CB_ERR_TOO_BIG;
	} else if (dual) {
		*err =
		    cb_finalise(cb, arena.write + at, arena.size - at, (uintptr_t)arena.exec + at);
	} else {
		size_t span = (len + page_size - 1) & ~(page_size - 1);
		if (span == 0)
			span = page_size;
		if (mprotect(arena.exec + at, span, PROT_READ | PROT_WRITE) != 0) {
			*err = CB_ERR_NOMEM;
		} else {
			*err = cb_finalise(cb, arena.exec + at, span, (uintptr_t)arena.exec + at);
			if (mprotect(arena.exec + at, span, PROT_READ | PROT_EXEC) != 0)
				*err = CB_ERR_NOMEM;
		}
	}
	if (!*err && at + len <= arena.size) {
		arena_used = at + len;
		exec = arena.exec + at;
	}
	pthread_mutex_unlock(&arena_lock);
	return exec;
}
