/* Executable memory that is never writable and executable at once (W^X).
 *
 * Two ways, same calls:
 *  - EXEC_DUAL_MAP: one memfd mapped twice, read+write at `write` and
 *    read+execute at `exec`. Finished code can run while other parts of the
 *    same memory are still being written; finalising drops the writable view.
 *  - EXEC_MPROTECT: one private mapping, read+write until finalised, then
 *    flipped to read+execute (`write` == `exec` until then).
 *
 * Code placed within 2 GiB of the C code it calls can reach it with a 5-byte
 * call rel32, so the allocation takes a `near` address to try to land close
 * to (any address in the kbeam binary); it falls back to anywhere.
 */
#ifndef KBEAM_JIT_EXEC_MEM_H
#define KBEAM_JIT_EXEC_MEM_H

#include <stddef.h>
#include <stdint.h>

enum exec_wx {
	EXEC_DUAL_MAP,
	EXEC_MPROTECT,
};

struct exec_mem {
	uint8_t *write; /* where to write the code; NULL once finalised */
	uint8_t *exec;  /* where it runs */
	size_t size;    /* whole pages */
	enum exec_wx mode;
};

/* 0, or -errno (memfd or mmap refused: the other mode may still work). */
int exec_mem_alloc(struct exec_mem *m, size_t size, enum exec_wx mode, const void *near);
/* Makes the memory executable and unwritable through any mapping. 0 or -errno. */
int exec_mem_finalise(struct exec_mem *m);
void exec_mem_free(struct exec_mem *m);

#endif
