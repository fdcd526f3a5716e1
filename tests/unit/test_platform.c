/* The plain-Linux platform backend: parking and waking, binding, regions. */
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <time.h>

#include "platform/platform.h"
#include "unit.h"

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static platform_parker pk;

static void *waker(void *arg)
{
	(void)arg;
	struct timespec ts = {0, 30 * 1000000};
	nanosleep(&ts, NULL);
	platform_wake(&pk);
	return NULL;
}

static void test_park(void)
{
	CHECK(platform_parker_init(&pk) == 0);
	int64_t t0 = now_ms();
	bool woken = platform_park(&pk, 50000);
	int64_t dt = now_ms() - t0;
	CHECKF(!woken && dt >= 45, "a park with nobody waking times out (%lld ms)", (long long)dt);

	platform_wake(&pk);
	t0 = now_ms();
	CHECK(platform_park(&pk, 1000000) && now_ms() - t0 < 100); /* an earlier wake is kept */
	/* and counted once */
	CHECK(!platform_park(&pk, 10000));

	pthread_t th;
	pthread_create(&th, NULL, waker, NULL);
	t0 = now_ms();
	woken = platform_park(&pk, 5000000);
	dt = now_ms() - t0;
	pthread_join(th, NULL);
	CHECKF(woken && dt < 2000, "another thread's wake ends the park (%lld ms)", (long long)dt);
	platform_parker_destroy(&pk);
}

static void test_bind_and_regions(void)
{
	unsigned n = platform_online_cpus();
	CHECK(n >= 1);
	/* the first CPU this process may use (a container may exclude 0) */
	cpu_set_t set;
	unsigned first = 0;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		while (first < CPU_SETSIZE && !CPU_ISSET(first, &set))
			first++;
	CHECK(platform_bind_cpu(first) == 0);
	CHECK(sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) == 1 &&
	      CPU_ISSET(first, &set));
	size_t bytes = 3 * 4096 + 100;
	unsigned char *r = platform_region_alloc(bytes);
	CHECK(r != NULL);
	bool zero = true;
	for (size_t i = 0; r && i < bytes; i++)
		zero = zero && r[i] == 0;
	CHECK(zero);
	if (r)
		memset(r, 0xab, bytes);
	platform_region_free(r, bytes);
}

int main(void)
{
	RUN(test_park);
	RUN(test_bind_and_regions);
	return unit_exit();
}
