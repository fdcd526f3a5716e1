/* The platform interface: what the schedulers need from the system, with
 * one backend per platform. This is the plain-Linux backend
 * (platform_linux.c); the kernel module's backend (issue 5) implements
 * the same calls through /dev/kbeam.
 *
 *   bind     pin the calling scheduler thread to a CPU
 *   park     sleep until woken or a timeout passes
 *   wake     wake a parked scheduler
 *   regions  memory for process heaps, whole pages
 */
#ifndef KBEAM_PLATFORM_PLATFORM_H
#define KBEAM_PLATFORM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct platform_parker {
	int fd; /* eventfd: wake writes, park reads */
} platform_parker;

/* 0, or -errno. */
int platform_parker_init(platform_parker *pk);
void platform_parker_destroy(platform_parker *pk);
/* Sleeps until platform_wake() or `timeout_us` microseconds (-1: no
 * timeout). True when woken, false on timeout. A wake before the park is
 * not lost. */
bool platform_park(platform_parker *pk, int64_t timeout_us);
void platform_wake(platform_parker *pk);

/* Pins the calling thread to one CPU; 0 or -errno. */
int platform_bind_cpu(unsigned cpu);
/* The n-th CPU this process may run on (n wraps around). */
unsigned platform_cpu_id(unsigned n);
/* The CPUs this process may run on. */
unsigned platform_online_cpus(void);

/* A region of at least `bytes` (rounded up to pages), zero-filled;
 * NULL when refused. */
void *platform_region_alloc(size_t bytes);
void platform_region_free(void *p, size_t bytes);

#endif
