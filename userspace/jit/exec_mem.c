#include "exec_mem.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* Candidate placements step away from `near` in 64 MiB strides, up to
 * 1 GiB either side, so every byte stays well within rel32 reach. */
#define NEAR_STEP ((uintptr_t)64 << 20)
#define NEAR_TRIES 16

static void *map_at(uintptr_t addr, size_t size, int prot, int flags, int fd)
{
	void *p = mmap((void *)addr, size, prot, flags | MAP_FIXED_NOREPLACE, fd, 0);
	if (p == MAP_FAILED)
		return NULL;
	if ((uintptr_t)p != addr) { /* a kernel without NOREPLACE took it as a hint */
		munmap(p, size);
		return NULL;
	}
	return p;
}

static void *map_near(size_t size, int prot, int flags, int fd, const void *near)
{
	if (near) {
		uintptr_t base = (uintptr_t)near & ~(NEAR_STEP - 1);
		for (uintptr_t k = 1; k <= NEAR_TRIES; k++) {
			uintptr_t d = k * NEAR_STEP;
			void *p = NULL;
			if (base > d + size)
				p = map_at(base - d - size, size, prot, flags, fd);
			if (!p && base + d < UINTPTR_MAX - size)
				p = map_at(base + d, size, prot, flags, fd);
			if (p)
				return p;
		}
	}
	void *p = mmap(NULL, size, prot, flags, fd, 0);
	return p == MAP_FAILED ? NULL : p;
}

int exec_mem_alloc(struct exec_mem *m, size_t size, enum exec_wx mode, const void *near)
{
	memset(m, 0, sizeof *m);
	long page = sysconf(_SC_PAGESIZE);
	if (size == 0 || size > SIZE_MAX / 2 || page <= 0)
		return -EINVAL;
	size = (size + (size_t)page - 1) & ~((size_t)page - 1);
	m->size = size;
	m->mode = mode;
	if (mode == EXEC_MPROTECT) {
		m->exec =
		    map_near(size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, near);
		if (!m->exec)
			return -errno;
		m->write = m->exec;
		return 0;
	}
	if (mode != EXEC_DUAL_MAP)
		return -EINVAL;
	int fd = memfd_create("kbeam-jit", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	int err = 0;
	if (ftruncate(fd, (off_t)size) < 0)
		err = -errno;
	if (!err) {
		m->exec = map_near(size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, near);
		if (!m->exec)
			err = -errno;
	}
	if (!err) {
		void *w = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (w == MAP_FAILED) {
			err = -errno;
			munmap(m->exec, size);
			m->exec = NULL;
		} else {
			m->write = w;
		}
	}
	close(fd); /* the mappings keep the memory alive */
	return err;
}

int exec_mem_finalise(struct exec_mem *m)
{
	if (!m->write)
		return 0;
	if (m->mode == EXEC_MPROTECT) {
		if (mprotect(m->exec, m->size, PROT_READ | PROT_EXEC) < 0)
			return -errno;
	} else if (munmap(m->write, m->size) < 0) {
		return -errno;
	}
	m->write = NULL;
	return 0;
}

void exec_mem_free(struct exec_mem *m)
{
	if (m->write && m->write != m->exec)
		munmap(m->write, m->size);
	if (m->exec)
		munmap(m->exec, m->size);
	memset(m, 0, sizeof *m);
}
