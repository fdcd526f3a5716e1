// SPDX-License-Identifier: GPL-2.0
/*
 * Process event rings (struct kbeam_events) and the kbeam_spawn and
 * kbeam_exit tracepoints: records written by hand reach the trace, bad
 * records and a nonsense head are counted and skipped, mmap and the flush
 * ioctl check their arguments, and kbeam itself, with the tracepoints on,
 * reports every process a program spawns and ends.
 * Runs in the QEMU guest with kbeam.ko loaded (scripts/kmod_check.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/kbeam.h>

#include "kselftest_harness.h"
#include "kbeam_sysfs.h"

#define TRACING "/sys/kernel/debug/tracing"

/* Turns the two tracepoints on or off, emptying the trace when on. */
static int trace_events(int on)
{
	const char *v = on ? "1" : "0";

	if (write_file(TRACING "/events/kbeam/kbeam_spawn/enable", v) ||
	    write_file(TRACING "/events/kbeam/kbeam_exit/enable", v))
		return -1;
	return on ? write_file(TRACING "/trace", "") : 0;
}

/* The trace, NUL-terminated (malloc'd), or NULL. */
static char *read_trace(void)
{
	size_t cap = 1 << 20, len = 0;
	char *buf = malloc(cap);
	int fd = open(TRACING "/trace", O_RDONLY);
	ssize_t n;

	if (!buf || fd < 0) {
		free(buf);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while ((n = read(fd, buf + len, cap - 1 - len)) > 0) {
		len += n;
		if (len + 1 == cap) {
			char *more = realloc(buf, cap *= 2);

			if (!more)
				break;
			buf = more;
		}
	}
	close(fd);
	buf[len] = 0;
	return buf;
}

static int count(const char *text, const char *what)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static int attach0(int fd)
{
	struct kbeam_sched_attach a = {.cpu = 0};

	return ioctl(fd, KBEAM_IOC_SCHED_ATTACH, &a);
}

static struct kbeam_events *map_ring(int fd, unsigned int id)
{
	void *p = mmap(NULL, KBEAM_EVENTS_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		       KBEAM_EVENTS_OFFSET(id));

	return p == MAP_FAILED ? NULL : p;
}

static void put(struct kbeam_events *e, uint32_t type, uint32_t number, uint32_t other,
		uint32_t info)
{
	struct kbeam_event *ev = &e->ev[e->head % KBEAM_EVENTS_MAX];

	ev->time_ns = 12345;
	ev->type = type;
	ev->pid_number = number;
	ev->pid_serial = 0;
	ev->other_number = other;
	ev->other_serial = 0;
	ev->info = info;
	__atomic_store_n(&e->head, e->head + 1, __ATOMIC_RELEASE);
}

TEST(version_names_the_feature)
{
	struct kbeam_version v;
	int fd = open("/dev/kbeam", O_RDWR);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_VERSION, &v));
	EXPECT_NE(0, v.features & KBEAM_FEATURE_EVENTS);
	close(fd);
}

TEST(records_reach_the_tracepoints)
{
	struct kbeam_events *e;
	char *trace;
	int fd;

	if (access(TRACING "/events/kbeam/kbeam_spawn/enable", W_OK) != 0)
		SKIP(return, "no tracefs");
	ASSERT_EQ(0, trace_events(1));
	fd = open("/dev/kbeam", O_RDWR);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach0(fd));
	e = map_ring(fd, 0);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(1, e->enabled);
	EXPECT_EQ(0, e->head);
	put(e, KBEAM_EVENT_SPAWN, 77, 1, 0);
	put(e, 99, 1, 2, 3); /* no such type */
	put(e, KBEAM_EVENT_EXIT, 77, 0, 1);
	put(e, KBEAM_EVENT_EXIT, 78, 0, 0);
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_EVENTS_FLUSH));
	EXPECT_EQ(4, __atomic_load_n(&e->tail, __ATOMIC_ACQUIRE));
	EXPECT_EQ(1, e->bad);
	/* more than the ring holds, taken as they come by flushes */
	for (int i = 0; i < 3 * KBEAM_EVENTS_MAX; i++) {
		if (e->head - __atomic_load_n(&e->tail, __ATOMIC_ACQUIRE) == KBEAM_EVENTS_MAX)
			ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_EVENTS_FLUSH));
		put(e, KBEAM_EVENT_SPAWN, 1000 + i, 1, 0);
	}
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_EVENTS_FLUSH));
	EXPECT_EQ(e->head, __atomic_load_n(&e->tail, __ATOMIC_ACQUIRE));
	ASSERT_EQ(0, trace_events(0));
	/* the tick keeps enabled up to date */
	usleep(200000);
	EXPECT_EQ(0, e->enabled);
	munmap(e, KBEAM_EVENTS_SIZE);
	close(fd);
	trace = read_trace();
	ASSERT_NE(NULL, trace);
	EXPECT_NE(NULL, strstr(trace, "kbeam_spawn: cpu=0 time_ns=12345 pid=<0.77.0> parent=<0.1.0>"));
	EXPECT_NE(NULL, strstr(trace, "kbeam_exit: cpu=0 time_ns=12345 pid=<0.77.0> reason=other"));
	EXPECT_NE(NULL, strstr(trace, "kbeam_exit: cpu=0 time_ns=12345 pid=<0.78.0> reason=normal"));
	EXPECT_EQ(1 + 3 * KBEAM_EVENTS_MAX, count(trace, "kbeam_spawn:"));
	EXPECT_EQ(2, count(trace, "kbeam_exit:"));
	free(trace);
}

/* A head no launcher could have written is skipped, counted as bad. */
TEST(nonsense_head)
{
	struct kbeam_events *e;
	int fd = open("/dev/kbeam", O_RDWR);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach0(fd));
	e = map_ring(fd, 0);
	ASSERT_NE(NULL, e);
	e->head = 1000000;
	e->tail = 5; /* the module keeps its own */
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_EVENTS_FLUSH));
	EXPECT_EQ(1000000, e->bad);
	EXPECT_EQ(1000000, __atomic_load_n(&e->tail, __ATOMIC_ACQUIRE));
	munmap(e, KBEAM_EVENTS_SIZE);
	close(fd);
}

TEST(arguments_are_checked)
{
	int fd = open("/dev/kbeam", O_RDWR);
	struct kbeam_version v;
	void *p;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_VERSION, &v));
	/* not a scheduler: nothing to flush */
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_EVENTS_FLUSH));
	EXPECT_EQ(EPERM, errno);
	/* private (writes would go to a copy), two pages, past the CPUs,
	 * not on a page of its own, executable */
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, KBEAM_EVENTS_OFFSET(0));
	EXPECT_EQ(MAP_FAILED, p);
	EXPECT_EQ(EPERM, errno);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, KBEAM_EVENTS_OFFSET(0));
	EXPECT_EQ(MAP_FAILED, p);
	EXPECT_EQ(EINVAL, errno);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		 KBEAM_EVENTS_OFFSET(v.max_cpus));
	EXPECT_EQ(MAP_FAILED, p);
	EXPECT_EQ(EINVAL, errno);
	p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, KBEAM_EVENTS_OFFSET(0));
	EXPECT_EQ(MAP_FAILED, p);
	EXPECT_EQ(EPERM, errno);
	/* a mapping outlives the file: the page stays until unmapped */
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, KBEAM_EVENTS_OFFSET(0));
	ASSERT_NE(MAP_FAILED, p);
	close(fd);
	((struct kbeam_events *)p)->head = 3;
	EXPECT_EQ(0, munmap(p, 4096));
}

/* kbeam itself: every process the program spawns and ends, in the trace. */
TEST(launcher_reports_spawn_and_exit)
{
	char *trace;
	int status;

	if (access("/extra/erlang/proc_spawn_exit_counts.beam", R_OK) != 0)
		SKIP(return, "no /extra/erlang (scripts/kmod_guest_extra.sh)");
	if (access(TRACING "/events/kbeam/kbeam_spawn/enable", W_OK) != 0)
		SKIP(return, "no tracefs");
	ASSERT_EQ(0, trace_events(1));
	status = system("KBEAM_OTP_ROOT=/extra/otp /extra/lib/ld-linux-x86-64.so.2 "
			"--library-path /extra/lib /extra/bin/kbeam --kmod=on --bare "
			"-pa /extra/erlang -s proc_spawn_exit_counts main >/tmp/counts.out 2>&1");
	ASSERT_EQ(0, trace_events(0));
	EXPECT_EQ(0, status);
	trace = read_trace();
	ASSERT_NE(NULL, trace);
	/* the first process starts before the schedulers attach: not in it */
	EXPECT_EQ(600, count(trace, "kbeam_spawn:"));
	EXPECT_EQ(100, count(trace, "reason=other"));
	EXPECT_LE(500, count(trace, "reason=normal"));
	TH_LOG("KBEAM-MEASURE trace of a run: %d spawns, %d exits",
	       count(trace, "kbeam_spawn:"), count(trace, "kbeam_exit:"));
	free(trace);
}

TEST_HARNESS_MAIN
