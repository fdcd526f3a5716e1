// SPDX-License-Identifier: GPL-2.0
/*
 * Memory regions of /dev/kbeam: allocate, map, touch, free; SIGBUS
 * outside a live region; argument checks; nodes that cannot reach each
 * other's regions; the per-node limit (module parameter node_limit_mb);
 * and the time of a region's life against mmap and malloc (logged).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <linux/kbeam.h>

#include "kselftest_harness.h"
#include "kbeam_sysfs.h"

static int open_node(void)
{
	return open("/dev/kbeam", O_RDWR | O_CLOEXEC);
}

static int region_alloc(int fd, uint64_t size, struct kbeam_region *r)
{
	memset(r, 0, sizeof(*r));
	r->size = size;
	return ioctl(fd, KBEAM_IOC_REGION_ALLOC, r);
}

static int region_free(int fd, uint32_t id)
{
	struct kbeam_region_free f = {.id = id};

	return ioctl(fd, KBEAM_IOC_REGION_FREE, &f);
}

static void *map(int fd, const struct kbeam_region *r)
{
	return mmap(NULL, r->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, r->offset);
}

static sigjmp_buf bus_jump;

static void on_bus(int sig)
{
	siglongjmp(bus_jump, 1);
}

/* Whether reading *p raises SIGBUS. */
static int touch_faults(volatile char *p)
{
	struct sigaction sa = {.sa_handler = on_bus}, old;
	int faulted = 0;

	sigaction(SIGBUS, &sa, &old);
	if (sigsetjmp(bus_jump, 1))
		faulted = 1;
	else
		(void)*p;
	sigaction(SIGBUS, &old, NULL);
	return faulted;
}

TEST(allocate_touch_free)
{
	int fd = open_node();
	struct kbeam_region r;
	size_t page = sysconf(_SC_PAGESIZE);
	char *p;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, region_alloc(fd, 64 * page, &r));
	EXPECT_EQ(KBEAM_REGION_OFFSET(r.id), r.offset);
	p = map(fd, &r);
	ASSERT_NE(MAP_FAILED, p);
	/* pages come zeroed when touched, and keep what is written */
	for (size_t i = 0; i < 64; i++)
		EXPECT_EQ(0, p[i * page + 7]);
	for (size_t i = 0; i < 64 * page; i += 512)
		p[i] = (char)(i / 512);
	for (size_t i = 0; i < 64 * page; i += 512)
		ASSERT_EQ((char)(i / 512), p[i]);
	ASSERT_EQ(0, region_free(fd, r.id));
	/* freed: a touch is SIGBUS, and it cannot be freed again */
	EXPECT_TRUE(touch_faults(p));
	EXPECT_TRUE(touch_faults(p + 63 * page));
	EXPECT_EQ(-1, region_free(fd, r.id));
	EXPECT_EQ(EINVAL, errno);
	munmap(p, r.size);
	close(fd);
}

TEST(arguments_are_checked)
{
	int fd = open_node();
	struct kbeam_region r;
	struct kbeam_region_free bad = {.id = 0, .pad = 1};

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, region_alloc(fd, 0, &r));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, region_alloc(fd, 100, &r));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, region_alloc(fd, KBEAM_REGION_MAX_SIZE * 2, &r));
	EXPECT_EQ(EINVAL, errno);
	memset(&r, 0, sizeof(r));
	r.size = 4096;
	r.pad = 1;
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_REGION_ALLOC, &r));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_REGION_ALLOC, (void *)8));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_REGION_FREE, &bad));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, region_free(fd, 123456));
	EXPECT_EQ(EINVAL, errno);
	/* a mapping bigger than the region, of no region, or executable */
	ASSERT_EQ(0, region_alloc(fd, 4096, &r));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, r.offset));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd,
				   KBEAM_REGION_OFFSET(r.id + 1000)));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, r.offset));
	EXPECT_EQ(0, region_free(fd, r.id));
	close(fd);
}

TEST(nodes_cannot_reach_each_other)
{
	int a = open_node(), b = open_node();
	struct kbeam_region r;

	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_EQ(0, region_alloc(a, 4096, &r));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, 4096, PROT_READ, MAP_SHARED, b, r.offset));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, region_free(b, r.id));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(0, region_free(a, r.id));
	close(b);
	close(a);
}

TEST(closing_frees_the_regions)
{
	int fd = open_node();
	struct kbeam_region r;
	char *p;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, region_alloc(fd, 1 << 20, &r));
	p = map(fd, &r);
	ASSERT_NE(MAP_FAILED, p);
	memset(p, 1, 1 << 20);
	munmap(p, 1 << 20);
	close(fd);
	/* a new node cannot see it */
	fd = open_node();
	ASSERT_LE(0, fd);
	EXPECT_EQ(MAP_FAILED, mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, r.offset));
	close(fd);
}

TEST(node_limit)
{
	int fd = open_node(), other = open_node();
	struct kbeam_region r1, r2, r3;

	ASSERT_LE(0, fd);
	ASSERT_LE(0, other);
	ASSERT_EQ(0, write_file("/sys/module/kbeam/parameters/node_limit_mb", "4"));
	ASSERT_EQ(0, region_alloc(fd, 3 << 20, &r1));
	EXPECT_EQ(-1, region_alloc(fd, 2 << 20, &r2));
	EXPECT_EQ(ENOMEM, errno);
	/* the limit is per node */
	EXPECT_EQ(0, region_alloc(other, 2 << 20, &r3));
	EXPECT_EQ(0, region_free(fd, r1.id));
	EXPECT_EQ(0, region_alloc(fd, 2 << 20, &r2));
	EXPECT_EQ(0, region_free(fd, r2.id));
	EXPECT_EQ(0, region_free(other, r3.id));
	EXPECT_EQ(0, write_file("/sys/module/kbeam/parameters/node_limit_mb", "0"));
	close(other);
	close(fd);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* A process heap's life, 16 pages: made, touched, given back. */
TEST(timing_against_mmap_and_malloc)
{
	const size_t size = 16 * 4096;
	const int rounds = 2000;
	int fd = open_node();
	double t0, region_ns, mmap_ns, malloc_ns;

	ASSERT_LE(0, fd);
	t0 = now_ns();
	for (int i = 0; i < rounds; i++) {
		struct kbeam_region r;
		char *p;

		ASSERT_EQ(0, region_alloc(fd, size, &r));
		p = map(fd, &r);
		ASSERT_NE(MAP_FAILED, p);
		for (size_t k = 0; k < size; k += 4096)
			p[k] = 1;
		munmap(p, size);
		ASSERT_EQ(0, region_free(fd, r.id));
	}
	region_ns = (now_ns() - t0) / rounds;
	t0 = now_ns();
	for (int i = 0; i < rounds; i++) {
		char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		ASSERT_NE(MAP_FAILED, p);
		for (size_t k = 0; k < size; k += 4096)
			p[k] = 1;
		munmap(p, size);
	}
	mmap_ns = (now_ns() - t0) / rounds;
	t0 = now_ns();
	for (int i = 0; i < rounds; i++) {
		volatile char *p = malloc(size);

		ASSERT_NE(NULL, p);
		for (size_t k = 0; k < size; k += 4096)
			p[k] = 1;
		free((void *)p);
	}
	malloc_ns = (now_ns() - t0) / rounds;
	TH_LOG("KBEAM-MEASURE region 64KB alloc+map+touch+unmap+free: %.0f ns; mmap: %.0f ns; malloc: %.0f ns",
	       region_ns, mmap_ns, malloc_ns);
	close(fd);
}

TEST_HARNESS_MAIN
