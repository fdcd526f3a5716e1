// SPDX-License-Identifier: GPL-2.0
/*
 * Measurements in the guest, logged as "KBEAM-MEASURE ..." lines for
 * Documentation/kmod.md (they pass whatever the numbers are):
 *  - the wake-up latency of a parked scheduler: KBEAM_IOC_PARK woken by
 *    KBEAM_IOC_KICK, a KBEAM_URING_PARK command woken the same way, and a
 *    read of an eventfd woken by a write (the plain-Linux way);
 *  - the cost of a context switch when one of the two tasks is an
 *    attached scheduler (its preempt notifier runs) and when neither is;
 *  - spawn, ring, ping-pong and fib benchmarks on kbeam with the module
 *    (parking in io_uring, and through the ioctl) and without it, in the
 *    same run (/extra, scripts/kmod_guest_extra.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/kbeam.h>

#include "kselftest_harness.h"
#include "kbeam_sysfs.h"

#define ROUNDS 300

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

enum way { WAY_IOCTL, WAY_URING, WAY_EVENTFD };

struct sleeper {
	enum way way;
	int fd, efd;
	unsigned int id;
	volatile int ready;	/* about to sleep */
	volatile uint64_t woke;	/* when it woke */
	volatile int stop;
};

static void *sleeper_main(void *arg)
{
	struct sleeper *s = arg;
	struct kbeam_sched_attach a = {.cpu = 1};
	struct io_uring ring;

	if (s->way != WAY_EVENTFD && ioctl(s->fd, KBEAM_IOC_SCHED_ATTACH, &a) != 0)
		return NULL;
	s->id = a.id;
	if (s->way == WAY_URING && io_uring_queue_init(4, &ring, 0) != 0)
		return NULL;
	while (!s->stop) {
		struct kbeam_park p = {.timeout_ns = -1};
		uint64_t v;

		s->ready = 1;
		if (s->way == WAY_IOCTL) {
			ioctl(s->fd, KBEAM_IOC_PARK, &p);
		} else if (s->way == WAY_URING) {
			struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
			struct io_uring_cqe *cqe;

			io_uring_prep_rw(IORING_OP_URING_CMD, sqe, s->fd, NULL, 0, 0);
			sqe->cmd_op = KBEAM_URING_PARK;
			memcpy(sqe->cmd, &p, sizeof(p));
			io_uring_submit_and_wait(&ring, 1);
			if (io_uring_peek_cqe(&ring, &cqe) == 0)
				io_uring_cqe_seen(&ring, cqe);
		} else {
			if (read(s->efd, &v, sizeof(v)) != sizeof(v))
				break;
		}
		s->woke = now_ns();
		s->ready = 0;
	}
	if (s->way == WAY_URING)
		io_uring_queue_exit(&ring);
	return NULL;
}

/* Median wake-up latency in ns, or 0 when it could not be measured. */
static uint64_t wake_latency(enum way way)
{
	struct sleeper s = {.way = way};
	uint64_t lat[ROUNDS];
	pthread_t t;
	int n = 0;

	s.fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);
	s.efd = eventfd(0, EFD_CLOEXEC);
	if (s.fd < 0 || s.efd < 0 || pthread_create(&t, NULL, sleeper_main, &s))
		return 0;
	for (int i = 0; i < ROUNDS; i++) {
		struct kbeam_kick k;
		uint64_t one = 1, t0, deadline;

		while (!s.ready)
			usleep(100);
		usleep(2000);	/* let it get to sleep */
		s.woke = 0;
		t0 = now_ns();
		if (way == WAY_EVENTFD) {
			if (write(s.efd, &one, sizeof(one)) != sizeof(one))
				break;
		} else {
			k = (struct kbeam_kick){.id = s.id};
			if (ioctl(s.fd, KBEAM_IOC_KICK, &k) != 0)
				break;
		}
		deadline = t0 + 2000000000ull;
		while (!s.woke && now_ns() < deadline)
			;
		if (s.woke)
			lat[n++] = s.woke - t0;
	}
	s.stop = 1;
	if (way == WAY_EVENTFD) {
		uint64_t one = 1;

		if (write(s.efd, &one, sizeof(one)) != sizeof(one))
			pthread_cancel(t);
	} else {
		struct kbeam_kick k = {.id = s.id};

		ioctl(s.fd, KBEAM_IOC_KICK, &k);
	}
	pthread_join(t, NULL);
	close(s.efd);
	close(s.fd);
	if (!n)
		return 0;
	qsort(lat, n, sizeof(lat[0]), cmp_u64);
	return lat[n / 2];
}

TEST(wake_up_latency)
{
	uint64_t io = wake_latency(WAY_IOCTL), ur = wake_latency(WAY_URING);
	uint64_t ev = wake_latency(WAY_EVENTFD);

	TH_LOG("KBEAM-MEASURE wake-up latency, median of %d: ioctl park %.1f us, uring_cmd park %.1f us, eventfd %.1f us",
	       ROUNDS, io / 1e3, ur / 1e3, ev / 1e3);
	EXPECT_NE(0, io);
	EXPECT_NE(0, ur);
	EXPECT_NE(0, ev);
}

#define YIELDS 20000

struct yielder {
	int fd;			/* attach through it, or -1: bind plainly */
	pthread_barrier_t *go;
	int ok;
};

/* On CPU 0, yields to the other task there YIELDS times. */
static void *yielder_main(void *arg)
{
	struct yielder *y = arg;
	struct kbeam_sched_attach a = {.cpu = 0};
	cpu_set_t one;
	int i;

	CPU_ZERO(&one);
	CPU_SET(0, &one);
	if (y->fd >= 0)
		y->ok = ioctl(y->fd, KBEAM_IOC_SCHED_ATTACH, &a) == 0;
	else
		y->ok = sched_setaffinity(0, sizeof(one), &one) == 0;
	pthread_barrier_wait(y->go);
	for (i = 0; i < YIELDS; i++)
		sched_yield();
	if (y->fd >= 0)
		ioctl(y->fd, KBEAM_IOC_SCHED_DETACH);
	return NULL;
}

/* Nanoseconds per switch between two yielding tasks on CPU 0, one of
 * them attached to a node when fd >= 0; 0 when they could not be set up.
 */
static uint64_t switch_ns(int fd)
{
	struct yielder y[2] = {{.fd = fd}, {.fd = -1}};
	pthread_barrier_t go;
	pthread_t t[2];
	uint64_t t0;
	int i;

	pthread_barrier_init(&go, NULL, 3);
	for (i = 0; i < 2; i++) {
		y[i].go = &go;
		pthread_create(&t[i], NULL, yielder_main, &y[i]);
	}
	pthread_barrier_wait(&go);
	t0 = now_ns();
	for (i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	t0 = now_ns() - t0;
	pthread_barrier_destroy(&go);
	return y[0].ok && y[1].ok ? t0 / (2 * YIELDS) : 0;
}

TEST(context_switch_cost)
{
	int fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);
	uint64_t with, without;

	ASSERT_LE(0, fd);
	/* alternate, three rounds each, and take the best of each */
	with = without = UINT64_MAX;
	for (int r = 0; r < 3; r++) {
		uint64_t a = switch_ns(fd), b = switch_ns(-1);

		ASSERT_NE(0, a);
		ASSERT_NE(0, b);
		with = a < with ? a : with;
		without = b < without ? b : without;
	}
	close(fd);
	TH_LOG("KBEAM-MEASURE context switch on one CPU: with a scheduler's preempt notifier %.2f us, without %.2f us, ratio %.2f",
	       with / 1e3, without / 1e3, (double)with / without);
}

/* A benchmark's {time_us, N} on kbeam, or -1. */
static long bench(const char *name, const char *kmod)
{
	char cmd[512], line[256];
	long us = -1;
	FILE *f;

	snprintf(cmd, sizeof(cmd),
		 "KBEAM_OTP_ROOT=/extra/otp /extra/lib/ld-linux-x86-64.so.2 --library-path /extra/lib "
		 "/extra/bin/kbeam %s --bare -pa /extra/bench -s bench_%s main 2>&1", kmod, name);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		sscanf(line, "{time_us,%ld}", &us);
	pclose(f);
	return us;
}

FIXTURE(bench) {
	int unused;
};

FIXTURE_SETUP(bench)
{
}

FIXTURE_TEARDOWN(bench)
{
}

/* minutes: each benchmark runs three times on the emulated machine */
TEST_F_TIMEOUT(bench, with_and_without_the_module, 360)
{
	/* fib: calls and arithmetic, where the module's tick check at every
	 * function entry costs what it costs */
	static const char * const names[] = {"spawn", "ring", "pingpong", "fib"};

	if (access("/extra/bench", R_OK) != 0)
		SKIP(return, "no /extra/bench");
	for (int i = 0; i < 4; i++) {
		long on = bench(names[i], "--kmod=on"), off = bench(names[i], "--kmod=off");
		long io = bench(names[i], "--kmod=on --kmod-park=ioctl");

		TH_LOG("KBEAM-MEASURE bench %s: with the module %ld us, without %ld us, ratio %.2f; parking through the ioctl %ld us, ratio %.2f",
		       names[i], on, off, off > 0 ? (double)on / off : 0.0,
		       io, off > 0 ? (double)io / off : 0.0);
		EXPECT_LT(0, on);
		EXPECT_LT(0, off);
		EXPECT_LT(0, io);
	}
}

static int set_spawn_exit_tracing(const char *v)
{
	if (write_file("/sys/kernel/debug/tracing/events/kbeam/kbeam_spawn/enable", v))
		return -1;
	return write_file("/sys/kernel/debug/tracing/events/kbeam/kbeam_exit/enable", v);
}

/* What the spawn and exit tracepoints cost the spawn benchmark when on
 * (a record per process in the event ring, a flush when it fills). */
TEST_F_TIMEOUT(bench, spawn_traced, 240)
{
	long off, on;

	if (access("/extra/bench", R_OK) != 0)
		SKIP(return, "no /extra/bench");
	if (set_spawn_exit_tracing("1") != 0)
		SKIP(return, "no tracefs");
	on = bench("spawn", "--kmod=on");
	ASSERT_EQ(0, set_spawn_exit_tracing("0"));
	off = bench("spawn", "--kmod=on");
	TH_LOG("KBEAM-MEASURE bench spawn with the module: tracing spawn/exit %ld us, not tracing %ld us, ratio %.2f",
	       on, off, off > 0 ? (double)on / off : 0.0);
	EXPECT_LT(0, on);
	EXPECT_LT(0, off);
}

TEST_HARNESS_MAIN
