/* The kernel module backend: one node of /dev/kbeam per kbeam run (the
 * open file), its schedulers attached to their CPUs, kicked through an
 * ioctl and parked through one or through a KBEAM_URING_PARK command in
 * each scheduler's io_uring (include/uapi/linux/kbeam.h). */
#include "platform_kmod.h"

#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"
#include "uapi/linux/kbeam.h"

static int node_fd = -1;
static bool has_events; /* the module has event rings (KBEAM_FEATURE_EVENTS) */
static enum platform_park_way park_way = PLATFORM_PARK_RING;

void platform_set_park_way(enum platform_park_way way) { park_way = way; }

int platform_select(enum platform_kmod_mode mode, const char **why)
{
	*why = NULL;
	if (mode == PLATFORM_KMOD_OFF)
		return 0;
	int fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		*why = "cannot open /dev/kbeam (is kbeam.ko loaded?)";
		return mode == PLATFORM_KMOD_ON ? -err : 0;
	}
	struct kbeam_version v;
	if (ioctl(fd, KBEAM_IOC_VERSION, &v) != 0 || v.abi != KBEAM_ABI_VERSION) {
		close(fd);
		*why = "/dev/kbeam speaks another ABI version than this kbeam";
		return mode == PLATFORM_KMOD_ON ? -EPROTO : 0;
	}
	node_fd = fd;
	has_events = (v.features & KBEAM_FEATURE_EVENTS) != 0;
	return 0;
}

bool platform_uses_kmod(void) { return node_fd >= 0; }

int kmod_attach(unsigned cpu)
{
	struct kbeam_sched_attach a = {.cpu = cpu};
	if (ioctl(node_fd, KBEAM_IOC_SCHED_ATTACH, &a) != 0)
		return -errno;
	return (int)a.id;
}

void *kmod_park_ring(void)
{
	if (park_way != PLATFORM_PARK_RING)
		return NULL;
	struct io_uring *ring = calloc(1, sizeof *ring);
	if (ring && io_uring_queue_init(4, ring, 0) == 0)
		return ring;
	free(ring);
	return NULL;
}

void kmod_park_ring_free(void *ring)
{
	io_uring_queue_exit(ring);
	free(ring);
}

/* One park command in flight at a time: submitted, then waited for.
 * 1 when kicked, 0 when its time is up, -1 when the ring fails. */
static int ring_park(struct io_uring *ring, const struct kbeam_park *p)
{
	for (;;) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
		if (!sqe)
			return -1;
		io_uring_prep_rw(IORING_OP_URING_CMD, sqe, node_fd, NULL, 0, 0);
		sqe->cmd_op = KBEAM_URING_PARK;
		memcpy(sqe->cmd, p, sizeof *p);
		if (io_uring_submit(ring) != 1)
			return -1;
		struct io_uring_cqe *cqe;
		int r;
		do
			r = io_uring_wait_cqe(ring, &cqe);
		while (r == -EINTR); /* the command is still queued: wait on */
		if (r < 0)
			return -1;
		int res = cqe->res;
		io_uring_cqe_seen(ring, cqe);
		/* a park without a timeout ends at the module's cap: park again */
		if (res != -ETIMEDOUT || p->timeout_ns >= 0)
			return res == 0;
	}
}

bool kmod_park(void *ring, int64_t timeout_us)
{
	struct kbeam_park p = {.timeout_ns = timeout_us < 0 ? -1 : timeout_us * 1000};
	int r = ring ? ring_park(ring, &p) : -1;
	if (r >= 0)
		return r == 1;
	return ioctl(node_fd, KBEAM_IOC_PARK, &p) == 0;
}

void kmod_kick(int id)
{
	struct kbeam_kick k = {.id = (unsigned)id};
	ioctl(node_fd, KBEAM_IOC_KICK, &k);
}

const volatile void *kmod_map_ctrl(int id)
{
	void *p = mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ, MAP_SHARED, node_fd,
	               (off_t)KBEAM_CTRL_OFFSET((unsigned)id));
	return p == MAP_FAILED ? NULL : p;
}

/* The calling scheduler's event ring: it alone writes records and head;
 * the module takes them and moves tail. */
static _Thread_local volatile struct kbeam_events *ring;

void kmod_map_events(int id)
{
	if (!has_events)
		return;
	void *p = mmap(NULL, KBEAM_EVENTS_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, node_fd,
	               (off_t)KBEAM_EVENTS_OFFSET((unsigned)id));
	if (p != MAP_FAILED)
		ring = p;
}

static void note(uint32_t type, uint32_t number, uint32_t serial, uint32_t onumber,
                 uint32_t oserial, uint32_t info)
{
	volatile struct kbeam_events *e = ring;
	if (!e || !e->enabled)
		return;
	uint32_t head = e->head;
	if (head - __atomic_load_n(&e->tail, __ATOMIC_ACQUIRE) >= KBEAM_EVENTS_MAX) {
		/* full: the module takes the records now rather than at its tick */
		ioctl(node_fd, KBEAM_IOC_EVENTS_FLUSH);
		if (head - __atomic_load_n(&e->tail, __ATOMIC_ACQUIRE) >= KBEAM_EVENTS_MAX) {
			e->dropped++;
			return;
		}
	}
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	volatile struct kbeam_event *ev = &e->ev[head % KBEAM_EVENTS_MAX];
	ev->time_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	ev->type = type;
	ev->pid_number = number;
	ev->pid_serial = serial;
	ev->other_number = onumber;
	ev->other_serial = oserial;
	ev->info = info;
	__atomic_store_n(&e->head, head + 1, __ATOMIC_RELEASE); /* the record is whole */
}

void platform_note_spawn(uint32_t number, uint32_t serial, uint32_t pnumber, uint32_t pserial)
{
	note(KBEAM_EVENT_SPAWN, number, serial, pnumber, pserial, 0);
}

void platform_note_exit(uint32_t number, uint32_t serial, bool normal)
{
	note(KBEAM_EVENT_EXIT, number, serial, 0, 0, normal ? 0 : 1);
}

bool platform_descheduled(const platform_parker *pk)
{
	const volatile struct kbeam_ctrl *c = pk->ctrl;
	return c && c->descheduled;
}

const volatile uint64_t *platform_tick(const platform_parker *pk)
{
	const volatile struct kbeam_ctrl *c = pk->ctrl;
	return c ? (const volatile uint64_t *)&c->tick : NULL;
}

/* The node's regions that are mapped, by address (for their ids). */
struct mapped_region {
	void *at;
	uint32_t id;
};
static struct mapped_region *mapped;
static size_t nmapped, mapped_cap;
static pthread_mutex_t mapped_lock = PTHREAD_MUTEX_INITIALIZER;

static void region_free_id(uint32_t id)
{
	struct kbeam_region_free f = {.id = id};
	ioctl(node_fd, KBEAM_IOC_REGION_FREE, &f);
}

void *kmod_region_alloc(size_t bytes)
{
	/* regions are whole pages (munmap rounds the same way) */
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	bytes = (bytes + page - 1) / page * page;
	struct kbeam_region r = {.size = bytes};
	if (ioctl(node_fd, KBEAM_IOC_REGION_ALLOC, &r) != 0)
		return NULL;
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, node_fd, (off_t)r.offset);
	pthread_mutex_lock(&mapped_lock);
	if (p != MAP_FAILED && nmapped == mapped_cap) {
		size_t cap = mapped_cap ? 2 * mapped_cap : 16;
		struct mapped_region *n = realloc(mapped, cap * sizeof *n);
		if (n) {
			mapped = n;
			mapped_cap = cap;
		}
	}
	bool kept = p != MAP_FAILED && nmapped < mapped_cap;
	if (kept)
		mapped[nmapped++] = (struct mapped_region){p, r.id};
	pthread_mutex_unlock(&mapped_lock);
	if (!kept) {
		if (p != MAP_FAILED)
			munmap(p, bytes);
		region_free_id(r.id);
		return NULL;
	}
	return p;
}

void kmod_region_free(void *p, size_t bytes)
{
	pthread_mutex_lock(&mapped_lock);
	size_t i = 0;
	while (i < nmapped && mapped[i].at != p)
		i++;
	uint32_t id = i < nmapped ? mapped[i].id : UINT32_MAX;
	if (i < nmapped)
		mapped[i] = mapped[--nmapped];
	pthread_mutex_unlock(&mapped_lock);
	munmap(p, bytes);
	if (id != UINT32_MAX)
		region_free_id(id);
}
