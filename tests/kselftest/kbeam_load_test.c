// SPDX-License-Identifier: GPL-2.0
/*
 * kbeam.ko unloads and loads again, 100 times, with a node used in
 * between each time; it is left loaded (/kbeam.ko in the QEMU guest,
 * scripts/kmod_check.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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

TEST_HARNESS_MAIN
