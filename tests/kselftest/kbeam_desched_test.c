// SPDX-License-Identifier: GPL-2.0
/*
 * The `descheduled` flag and `involuntary` count of a scheduler's control
 * page, kept by a preempt notifier on the scheduler thread: exact while
 * another task holds the CPU, clear while the scheduler runs or sleeps,
 * and the notifier's lifetime when the node is closed by another thread
 * or the thread exits attached (debugfs counts the live notifiers).
 * Runs in the QEMU guest with kbeam.ko loaded (scripts/kmod_check.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/kbeam.h>

#include "kselftest_harness.h"
#include "kbeam_sysfs.h"

static int open_node(void)
{
	return open("/dev/kbeam", O_RDWR | O_CLOEXEC);
}

static int attach(int fd, unsigned int cpu)
{
	struct kbeam_sched_attach a = {.cpu = cpu};

	return ioctl(fd, KBEAM_IOC_SCHED_ATTACH, &a);
}

static bool exact(int fd)
{
	struct kbeam_version v;

	return ioctl(fd, KBEAM_IOC_VERSION, &v) == 0 &&
	       (v.features & KBEAM_FEATURE_DESCHED_EXACT);
}

static const volatile struct kbeam_ctrl *map_ctrl(int fd, unsigned int id)
{
	void *p = mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ, MAP_SHARED, fd, KBEAM_CTRL_OFFSET(id));

	return p == MAP_FAILED ? NULL : p;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Samples c->descheduled for ms: how many samples, how many were 1. */
static void sample(const volatile struct kbeam_ctrl *c, double ms, long *n, long *ones)
{
	double end = now_ms() + ms;

	*n = *ones = 0;
	while (now_ms() < end) {
		*ones += c->descheduled != 0;
		(*n)++;
	}
}

/* Forks a task bound to CPU 0 that samples c for ms, after `parks` has
 * passed `after`; its counts come back through the pipe.
 */
static pid_t fork_sampler(const volatile struct kbeam_ctrl *c, double ms, uint64_t after,
			  int out)
{
	pid_t pid = fork();
	cpu_set_t one;
	long r[2];

	if (pid)
		return pid;
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	sched_setaffinity(0, sizeof(one), &one);
	while (c->parks <= after && after != UINT64_MAX)
		;
	sample(c, ms, &r[0], &r[1]);
	_exit(write(out, r, sizeof(r)) == sizeof(r) ? 0 : 1);
}

/* Attaches the calling thread on CPU 0 and maps its control page, and
 * makes the pipe for a sampler's counts: NULL when any of it fails.
 */
static const volatile struct kbeam_ctrl *attach_cpu0(int fd, int p[2])
{
	if (pipe(p) != 0 || attach(fd, 0) != 0)
		return NULL;
	return map_ctrl(fd, 0);
}

TEST(set_exactly_while_another_task_holds_the_cpu)
{
	const volatile struct kbeam_ctrl *c;
	long got[2], mine = 0, mine_ones = 0;
	int fd = open_node(), p[2];
	pid_t hog;

	ASSERT_LE(0, fd);
	if (!exact(fd))
		SKIP(return, "kbeam.ko built without preempt notifiers");
	c = attach_cpu0(fd, p);
	ASSERT_NE(NULL, c);
	/* both want CPU 0; whenever the sampler runs, the scheduler is
	 * runnable and off its CPU, and whenever the scheduler runs, it is
	 * not descheduled
	 */
	hog = fork_sampler(c, 300, UINT64_MAX, p[1]);
	ASSERT_LE(0, hog);
	while (waitpid(hog, NULL, WNOHANG) == 0) {
		mine_ones += c->descheduled != 0;
		mine++;
	}
	ASSERT_EQ(sizeof(got), read(p[0], got, sizeof(got)));
	TH_LOG("sampler saw 1 in %ld of %ld, scheduler in %ld of %ld, involuntary %llu",
	       got[1], got[0], mine_ones, mine, (unsigned long long)c->involuntary);
	EXPECT_LT(0, got[0]);
	EXPECT_LE(got[0] * 9, got[1] * 10);	/* at least 90% */
	EXPECT_EQ(0, mine_ones);
	EXPECT_LT(0, c->involuntary);
	munmap((void *)c, KBEAM_CTRL_SIZE);
	close(fd);
}

TEST(clear_while_the_scheduler_is_parked)
{
	struct kbeam_park park = {.timeout_ns = 1000000000};
	const volatile struct kbeam_ctrl *c;
	int fd = open_node(), p[2];
	long got[2];
	pid_t pid;

	ASSERT_LE(0, fd);
	if (!exact(fd))
		SKIP(return, "kbeam.ko built without preempt notifiers");
	c = attach_cpu0(fd, p);
	ASSERT_NE(NULL, c);
	/* the sampler starts once the park has begun; a sleeping scheduler
	 * has not lost its CPU
	 */
	pid = fork_sampler(c, 100, c->parks, p[1]);
	ASSERT_LE(0, pid);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_PARK, &park));
	EXPECT_EQ(ETIMEDOUT, errno);
	ASSERT_EQ(sizeof(got), read(p[0], got, sizeof(got)));
	waitpid(pid, NULL, 0);
	EXPECT_LT(0, got[0]);
	EXPECT_EQ(0, got[1]);
	munmap((void *)c, KBEAM_CTRL_SIZE);
	close(fd);
}

struct sleeper {
	int fd;
	int ready[2];	/* the thread writes its tid when attached */
	int wake[2];	/* it sleeps reading this */
	int attached;
};

static void *attach_and_sleep(void *arg)
{
	struct sleeper *s = arg;
	pid_t tid = syscall(SYS_gettid);
	char c;
	int i;

	s->attached = attach(s->fd, 0) == 0;
	if (write(s->ready[1], &tid, sizeof(tid)) != sizeof(tid))
		return NULL;
	if (read(s->wake[0], &c, 1) != 1)
		return NULL;
	for (i = 0; i < 10; i++)
		sched_yield();	/* switches: the orphaned notifier goes */
	return NULL;
}

/* Waits until thread tid sleeps ('S' in its stat). */
static bool wait_sleeping(pid_t tid)
{
	char path[64], buf[256], *state;
	int i, fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	for (i = 0; i < 2000; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return false;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n <= 0)
			return false;
		buf[n] = 0;
		state = strrchr(buf, ')');
		if (state && state[1] == ' ' && state[2] == 'S')
			return true;
		usleep(1000);
	}
	return false;
}

/* Waits up to 5 s for the live notifiers to come back to n. */
static long long wait_notifiers(long long n)
{
	long long now = kbeam_stat("notifiers");
	int i;

	for (i = 0; i < 500 && now != n; i++) {
		usleep(10000);
		now = kbeam_stat("notifiers");
	}
	return now;
}

TEST(orphaned_when_another_thread_closes_the_node)
{
	struct sleeper s;
	long long before = kbeam_stat("notifiers");
	pthread_t t;
	pid_t tid;

	if (before < 0)
		SKIP(return, "no notifiers in debugfs");
	s.fd = open_node();
	ASSERT_LE(0, s.fd);
	ASSERT_EQ(0, pipe(s.ready));
	ASSERT_EQ(0, pipe(s.wake));
	ASSERT_EQ(0, pthread_create(&t, NULL, attach_and_sleep, &s));
	ASSERT_EQ(sizeof(tid), read(s.ready[0], &tid, sizeof(tid)));
	ASSERT_TRUE(s.attached);
	ASSERT_TRUE(wait_sleeping(tid));
	EXPECT_EQ(before + 1, kbeam_stat("notifiers"));
	/* the slot lets go while the thread sleeps: the notifier stays in
	 * the thread's list until the thread runs again
	 */
	close(s.fd);
	EXPECT_EQ(before + 1, kbeam_stat("notifiers"));
	ASSERT_EQ(1, write(s.wake[1], "x", 1));
	pthread_join(t, NULL);
	EXPECT_EQ(before, wait_notifiers(before));
}

static void *attach_and_exit(void *arg)
{
	struct sleeper *s = arg;

	s->attached = attach(s->fd, 0) == 0;
	return NULL;
}

TEST(kept_by_the_slot_after_its_thread_exits_attached)
{
	struct sleeper s;
	long long before = kbeam_stat("notifiers");
	pthread_t t;

	if (before < 0)
		SKIP(return, "no notifiers in debugfs");
	s.fd = open_node();
	ASSERT_LE(0, s.fd);
	ASSERT_EQ(0, pthread_create(&t, NULL, attach_and_exit, &s));
	pthread_join(t, NULL);
	ASSERT_TRUE(s.attached);
	/* the dead thread's final switch took it out of its list; the
	 * node's slot still holds it until the node goes
	 */
	usleep(100000);
	EXPECT_EQ(before + 1, kbeam_stat("notifiers"));
	close(s.fd);
	EXPECT_EQ(before, wait_notifiers(before));
}

TEST(a_detach_unregisters_at_once)
{
	long long before = kbeam_stat("notifiers");
	int fd = open_node();

	if (before < 0)
		SKIP(return, "no notifiers in debugfs");
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0));
	EXPECT_EQ(before + 1, kbeam_stat("notifiers"));
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_SCHED_DETACH));
	EXPECT_EQ(before, wait_notifiers(before));
	/* attach again, and let the close (by the same thread) end it */
	ASSERT_EQ(0, attach(fd, 0));
	close(fd);
	EXPECT_EQ(before, wait_notifiers(before));
}

TEST_HARNESS_MAIN
