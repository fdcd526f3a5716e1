// SPDX-License-Identifier: GPL-2.0
/*
 * Parking through io_uring (KBEAM_URING_PARK on /dev/kbeam): completes
 * when kicked, at its timeout, at once for a pending kick, with
 * -ECANCELED when the scheduler detaches; refused for a thread that is
 * not a scheduler and for unknown op codes; a process killed with one
 * queued exits (the module completes it within KBEAM_URING_PARK_MAX_NS).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/kbeam.h>

#include "kselftest_harness.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int attach0(int fd, unsigned int *id)
{
	struct kbeam_sched_attach a = {.cpu = 0};
	int r = ioctl(fd, KBEAM_IOC_SCHED_ATTACH, &a);

	*id = a.id;
	return r;
}

static int kick(int fd, unsigned int id)
{
	struct kbeam_kick k = {.id = id};

	return ioctl(fd, KBEAM_IOC_KICK, &k);
}

/* Queues a park command with this op code and timeout. */
static int submit_park(struct io_uring *ring, int fd, unsigned int op, int64_t timeout_ns)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	struct kbeam_park p = {.timeout_ns = timeout_ns};

	if (!sqe)
		return -EBUSY;
	io_uring_prep_rw(IORING_OP_URING_CMD, sqe, fd, NULL, 0, 0);
	sqe->cmd_op = op;
	memcpy(sqe->cmd, &p, sizeof(p));
	sqe->user_data = 42;
	return io_uring_submit(ring);
}

/* The result of the next completion, or -1000 when none came in time. */
static int wait_res(struct io_uring *ring, int ms)
{
	struct __kernel_timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
	struct io_uring_cqe *cqe;
	int res;

	if (io_uring_wait_cqe_timeout(ring, &cqe, &ts) != 0)
		return -1000;
	res = cqe->res;
	io_uring_cqe_seen(ring, cqe);
	return res;
}

FIXTURE(ring) {
	struct io_uring ring;
	int fd;
	unsigned int id;
};

FIXTURE_SETUP(ring)
{
	self->fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, io_uring_queue_init(8, &self->ring, 0));
}

FIXTURE_TEARDOWN(ring)
{
	io_uring_queue_exit(&self->ring);
	close(self->fd);
}

TEST_F(ring, refused_for_non_schedulers_and_unknown_ops)
{
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, KBEAM_URING_PARK, 1000000));
	EXPECT_EQ(-EPERM, wait_res(&self->ring, 1000));
	ASSERT_EQ(0, attach0(self->fd, &self->id));
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, 0x77, 1000000));
	EXPECT_EQ(-ENOTTY, wait_res(&self->ring, 1000));
}

TEST_F(ring, times_out)
{
	double t0;

	ASSERT_EQ(0, attach0(self->fd, &self->id));
	t0 = now_ms();
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, KBEAM_URING_PARK, 30 * 1000000LL));
	EXPECT_EQ(-ETIMEDOUT, wait_res(&self->ring, 2000));
	EXPECT_LE(25, now_ms() - t0);
}

TEST_F(ring, pending_kick_completes_at_once)
{
	ASSERT_EQ(0, attach0(self->fd, &self->id));
	ASSERT_EQ(0, kick(self->fd, self->id));
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, KBEAM_URING_PARK, -1));
	EXPECT_EQ(0, wait_res(&self->ring, 100));
}

struct kicker {
	int fd;
	unsigned int id;
	int delay_ms;
};

static void *kick_later(void *arg)
{
	struct kicker *k = arg;

	usleep(k->delay_ms * 1000);
	kick(k->fd, k->id);
	return NULL;
}

TEST_F(ring, kick_completes_a_queued_park)
{
	struct kicker k;
	pthread_t t;
	double t0;

	ASSERT_EQ(0, attach0(self->fd, &self->id));
	k = (struct kicker){.fd = self->fd, .id = self->id, .delay_ms = 50};
	t0 = now_ms();
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, KBEAM_URING_PARK, -1));
	ASSERT_EQ(0, pthread_create(&t, NULL, kick_later, &k));
	EXPECT_EQ(0, wait_res(&self->ring, 900));
	EXPECT_LE(40, now_ms() - t0);
	pthread_join(t, NULL);
}

TEST_F(ring, no_park_outlasts_the_cap)
{
	double t0;

	ASSERT_EQ(0, attach0(self->fd, &self->id));
	t0 = now_ms();
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, KBEAM_URING_PARK, -1));
	EXPECT_EQ(-ETIMEDOUT, wait_res(&self->ring, 5000));
	EXPECT_LE(KBEAM_URING_PARK_MAX_NS / 1000000 - 50, now_ms() - t0);
}

TEST_F(ring, detach_cancels_queued_parks)
{
	ASSERT_EQ(0, attach0(self->fd, &self->id));
	ASSERT_EQ(1, submit_park(&self->ring, self->fd, KBEAM_URING_PARK, -1));
	usleep(20000);
	ASSERT_EQ(0, ioctl(self->fd, KBEAM_IOC_SCHED_DETACH));
	EXPECT_EQ(-ECANCELED, wait_res(&self->ring, 1000));
}

TEST(killed_with_a_queued_park)
{
	int status;
	pid_t child = fork();
	double t0;

	ASSERT_LE(0, child);
	if (child == 0) {
		struct io_uring ring;
		unsigned int id;
		int fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);

		if (fd < 0 || io_uring_queue_init(8, &ring, 0) || attach0(fd, &id) ||
		    submit_park(&ring, fd, KBEAM_URING_PARK, -1) != 1)
			_exit(2);
		pause();
		_exit(3);
	}
	usleep(100000);
	t0 = now_ms();
	ASSERT_EQ(0, kill(child, SIGKILL));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_GT(5000, now_ms() - t0);
}

TEST_HARNESS_MAIN
