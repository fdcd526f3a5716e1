/* The module backend's calls on /dev/kbeam (platform_kmod.c), for the
 * platform functions that go through it once a scheduler is bound. */
#ifndef KBEAM_PLATFORM_KMOD_H
#define KBEAM_PLATFORM_KMOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Attaches the calling thread as the scheduler on cpu: its id, or -errno. */
int kmod_attach(unsigned cpu);
/* Parks the calling (attached) thread, through its ring when it has one
 * (kmod_park_ring), else (or when the ring fails) through the ioctl: true
 * when kicked. */
bool kmod_park(void *ring, int64_t timeout_us);
/* A ring for the calling scheduler's parks when they go through io_uring
 * (platform_set_park_way), else NULL (also when io_uring is refused). */
void *kmod_park_ring(void);
void kmod_park_ring_free(void *ring);
void kmod_kick(int id);
/* A memory region of the node, mapped (NULL when refused: the node's
 * limit, or no memory), and its end. */
void *kmod_region_alloc(size_t bytes);
void kmod_region_free(void *p, size_t bytes);
/* Maps scheduler id's event ring for the calling thread's notes
 * (platform_note_spawn/exit), when the module has them. */
void kmod_map_events(int id);
/* Scheduler id's control page, mapped read-only, or NULL. */
const volatile void *kmod_map_ctrl(int id);

#endif
