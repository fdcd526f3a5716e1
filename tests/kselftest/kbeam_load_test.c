// SPDX-License-Identifier: GPL-2.0
/*
 * kbeam.ko unloads and loads again, 100 times, with a node used in
 * between each time; it is left loaded (/kbeam.ko in the QEMU guest,
 * scripts/kmod_check.sh). It is not unloaded while a node is open, nor
 * while a thread still holds a scheduler's preempt notifier.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/kbeam.h>

#include "kselftest_harness.h"

#define MODULE_PATH "/kbeam.ko"

static int load(void)
{
	int fd = open(MODULE_PATH, O_RDONLY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return -1;
	r = syscall(SYS_finit_module, fd, "", 0);
	close(fd);
	return r;
}

static int unload(void)
{
	return syscall(SYS_delete_module, "kbeam", O_NONBLOCK);
}

TEST(unload_and_load_100_times)
{
	int i;

	if (access(MODULE_PATH, R_OK) != 0)
		SKIP(return, "no " MODULE_PATH);
	for (i = 0; i < 100; i++) {
		struct kbeam_version v;
		int fd;

		ASSERT_EQ(0, unload()) TH_LOG("unload %d: errno %d", i, errno);
		ASSERT_EQ(0, load()) TH_LOG("load %d: errno %d", i, errno);
		fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);
		ASSERT_LE(0, fd) TH_LOG("open after load %d: errno %d", i, errno);
		ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_VERSION, &v));
		close(fd);
	}
}

TEST(unload_refused_while_open)
{
	int fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, unload());
	EXPECT_EQ(EWOULDBLOCK, errno);
	close(fd);
}

struct sleeper {
	int fd;
	int ready[2];
	int wake[2];
};

static void *attach_and_sleep(void *arg)
{
	struct sleeper *s = arg;
	struct kbeam_sched_attach a = {.cpu = 0};
	char c = ioctl(s->fd, KBEAM_IOC_SCHED_ATTACH, &a) == 0;

	if (write(s->ready[1], &c, 1) == 1)
		c = read(s->wake[0], &c, 1);
	return NULL;
}

TEST(unload_waits_for_a_thread_that_was_a_scheduler)
{
	struct sleeper s;
	struct kbeam_version v;
	pthread_t t;
	char ok = 0;
	int i;

	s.fd = open("/dev/kbeam", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, s.fd);
	ASSERT_EQ(0, ioctl(s.fd, KBEAM_IOC_VERSION, &v));
	if (!(v.features & KBEAM_FEATURE_DESCHED_EXACT))
		SKIP(return, "kbeam.ko built without preempt notifiers");
	ASSERT_EQ(0, pipe(s.ready));
	ASSERT_EQ(0, pipe(s.wake));
	ASSERT_EQ(0, pthread_create(&t, NULL, attach_and_sleep, &s));
	ASSERT_EQ(1, read(s.ready[0], &ok, 1));
	ASSERT_EQ(1, ok);
	/* the node is gone, but the thread's notifier still points into
	 * the module until the thread next switches
	 */
	close(s.fd);
	usleep(50000);	/* the thread sleeps in read() by now */
	EXPECT_EQ(-1, unload());
	EXPECT_EQ(EWOULDBLOCK, errno);
	ASSERT_EQ(1, write(s.wake[1], "x", 1));
	pthread_join(t, NULL);
	for (i = 0; i < 500 && unload() != 0; i++)
		usleep(10000);
	EXPECT_GT(500, i) TH_LOG("still loaded: errno %d", errno);
	ASSERT_EQ(0, load()) TH_LOG("load: errno %d", errno);
}

TEST_HARNESS_MAIN
