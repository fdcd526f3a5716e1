/* The platform interface on plain Linux: eventfd for parking, the
 * affinity mask for binding, anonymous mappings for regions. A parker
 * bound through the module (platform_kmod.c) parks and wakes there. */
#include "platform.h"
#include "platform_kmod.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

int platform_parker_init(platform_parker *pk)
{
	pk->id = -1;
	pk->ctrl = NULL;
	pk->ring = NULL;
	pk->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	return pk->fd < 0 ? -errno : 0;
}

void platform_parker_destroy(platform_parker *pk)
{
	if (pk->fd >= 0)
		close(pk->fd);
	pk->fd = -1;
	if (pk->ring)
		kmod_park_ring_free(pk->ring);
	pk->ring = NULL;
}

bool platform_park(platform_parker *pk, int64_t timeout_us)
{
	if (__atomic_load_n(&pk->id, __ATOMIC_ACQUIRE) >= 0)
		return kmod_park(pk->ring, timeout_us);
	struct pollfd pfd = {.fd = pk->fd, .events = POLLIN};
	struct timespec ts, *tp = NULL;
	if (timeout_us >= 0) {
		ts.tv_sec = (time_t)(timeout_us / 1000000);
		ts.tv_nsec = (long)(timeout_us % 1000000) * 1000;
		tp = &ts;
	}
	int r;
	do
		r = ppoll(&pfd, 1, tp, NULL);
	while (r < 0 && errno == EINTR);
	if (r <= 0)
		return false;
	uint64_t v;
	/* drain: wakes that came while running count once */
	return read(pk->fd, &v, sizeof v) == (ssize_t)sizeof v;
}

void platform_wake(platform_parker *pk)
{
	int id = __atomic_load_n(&pk->id, __ATOMIC_ACQUIRE);
	if (id >= 0) {
		kmod_kick(id);
		return;
	}
	uint64_t one = 1;
	ssize_t r;
	do
		r = write(pk->fd, &one, sizeof one);
	while (r < 0 && errno == EINTR);
}

int platform_bind_cpu(unsigned cpu)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof set, &set) == 0 ? 0 : -errno;
}

/* The CPUs the process was started with, read once: binding scheduler
 * threads changes what sched_getaffinity says afterwards. */
static cpu_set_t start_set;
static int start_count;
static pthread_once_t start_once = PTHREAD_ONCE_INIT;

static void read_start_set(void)
{
	if (sched_getaffinity(0, sizeof start_set, &start_set) == 0)
		start_count = CPU_COUNT(&start_set);
}

int platform_bind_sched(unsigned cpu, platform_parker *pk)
{
	if (platform_uses_kmod()) {
		int id = kmod_attach(cpu);
		if (id >= 0) {
			pk->ctrl = kmod_map_ctrl(id);
			pk->ring = kmod_park_ring();
			kmod_map_events(id);
			__atomic_store_n(&pk->id, id, __ATOMIC_RELEASE);
			return 0;
		}
		/* that CPU has a scheduler of this node already (more
		 * schedulers than CPUs): bound, parking on its eventfd */
	}
	return platform_bind_cpu(cpu);
}

unsigned platform_cpu_id(unsigned n)
{
	pthread_once(&start_once, read_start_set);
	if (start_count <= 0)
		return n;
	unsigned k = n % (unsigned)start_count;
	for (unsigned cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &start_set) && k-- == 0)
			return cpu;
	return n;
}

unsigned platform_online_cpus(void)
{
	pthread_once(&start_once, read_start_set);
	if (start_count > 0)
		return (unsigned)start_count;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

void *platform_region_alloc(size_t bytes)
{
	if (platform_uses_kmod())
		return kmod_region_alloc(bytes);
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void platform_region_free(void *p, size_t bytes)
{
	if (!p)
		return;
	if (platform_uses_kmod())
		kmod_region_free(p, bytes);
	else
		munmap(p, bytes);
}
