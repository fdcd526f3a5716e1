/* The platform interface: what the schedulers need from the system, with
 * two backends behind it: plain Linux (platform_linux.c) and the kernel
 * module /dev/kbeam (platform_kmod.c, include/uapi/linux/kbeam.h).
 *
 *   bind     pin the calling scheduler thread to a CPU (with the module:
 *            attach it as one of the node's schedulers)
 *   park     sleep until woken or a timeout passes
 *   wake     wake a parked scheduler
 *   regions  memory for process heaps, whole pages
 */
#ifndef KBEAM_PLATFORM_PLATFORM_H
#define KBEAM_PLATFORM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum platform_kmod_mode {
	PLATFORM_KMOD_OFF,  /* plain Linux */
	PLATFORM_KMOD_AUTO, /* the module when /dev/kbeam opens */
	PLATFORM_KMOD_ON,   /* the module, or an error */
};

/* Chooses the backend (before any other call). 0, or -errno when the
 * module is required and cannot be used; *why says what went wrong. */
int platform_select(enum platform_kmod_mode mode, const char **why);
/* Whether the module backend is in use. */
bool platform_uses_kmod(void);

/* How schedulers bound through the module park: a KBEAM_URING_PARK
 * command in the scheduler's own io_uring (the default: the wait point
 * its IO shares), or KBEAM_IOC_PARK. Set before the schedulers bind. */
enum platform_park_way { PLATFORM_PARK_IOCTL, PLATFORM_PARK_RING };
void platform_set_park_way(enum platform_park_way way);

typedef struct platform_parker {
	int fd; /* eventfd: wake writes, park reads */
	int id; /* with the module: the scheduler's id once bound, else -1 */
	/* with the module: the scheduler's control page (struct kbeam_ctrl),
	 * mapped read-only once bound, else NULL */
	const volatile void *ctrl;
	/* with the module, parking through io_uring: the scheduler's ring
	 * (PLATFORM_PARK_RING), else NULL */
	void *ring;
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
/* Pins the calling thread to a CPU as the scheduler that parks on pk:
 * with the module it becomes the node's scheduler on that CPU, and pk's
 * parks and wakes go through the module from then on. 0 or -errno. */
int platform_bind_sched(unsigned cpu, platform_parker *pk);
/* Whether the OS has taken the bound scheduler's CPU for another task
 * (the module's control page says so; always false without it): its run
 * queue is then for others to steal. */
bool platform_descheduled(const platform_parker *pk);
/* The module's preemption tick counter of the bound scheduler, or NULL. */
const volatile uint64_t *platform_tick(const platform_parker *pk);

/* With the module, while someone traces its kbeam_spawn or kbeam_exit
 * tracepoints: hands a process's spawn (by the parent <0.pn.ps>; 0.0
 * for none) or end to them, through the calling scheduler's event ring,
 * without a system call while the ring has room. Otherwise, and on
 * threads that are not bound schedulers, nothing: a load and a branch. */
void platform_note_spawn(uint32_t number, uint32_t serial, uint32_t pnumber, uint32_t pserial);
void platform_note_exit(uint32_t number, uint32_t serial, bool normal);

/* The n-th CPU this process may run on (n wraps around). */
unsigned platform_cpu_id(unsigned n);
/* The CPUs this process may run on. */
unsigned platform_online_cpus(void);

/* A region of at least `bytes` (rounded up to pages), zero-filled;
 * NULL when refused. */
void *platform_region_alloc(size_t bytes);
void platform_region_free(void *p, size_t bytes);

#endif
