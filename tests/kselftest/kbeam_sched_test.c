// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/kbeam scheduler ioctls (include/uapi/linux/kbeam.h), good and bad
 * input: version, attach and detach, park and kick, two nodes that must
 * not reach each other, signals while parked, close while parked.
 * Runs in the QEMU guest with kbeam.ko loaded (scripts/kmod_check.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
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

static int attach(int fd, unsigned int cpu, unsigned int *id)
{
	struct kbeam_sched_attach a = {.cpu = cpu};
	int r = ioctl(fd, KBEAM_IOC_SCHED_ATTACH, &a);

	if (r == 0 && id)
		*id = a.id;
	return r;
}

static int park(int fd, int64_t ns)
{
	struct kbeam_park p = {.timeout_ns = ns};

	return ioctl(fd, KBEAM_IOC_PARK, &p);
}

static int kick(int fd, unsigned int id)
{
	struct kbeam_kick k = {.id = id};

	return ioctl(fd, KBEAM_IOC_KICK, &k);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

TEST(version)
{
	int fd = open_node();
	struct kbeam_version v;

	ASSERT_LE(0, fd);
	memset(&v, 0xff, sizeof(v));
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_VERSION, &v));
	EXPECT_EQ(KBEAM_ABI_VERSION, v.abi);
	EXPECT_LE(1, v.max_cpus);
	EXPECT_EQ(KBEAM_FEATURE_EVENTS, v.features & KBEAM_FEATURE_EVENTS);
	/* no bits beyond the known ones */
	EXPECT_EQ(0, v.features & ~(KBEAM_FEATURE_EVENTS | KBEAM_FEATURE_DESCHED_EXACT));
	close(fd);
}

TEST(bad_pointers_and_commands)
{
	int fd = open_node();

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_VERSION, NULL));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_SCHED_ATTACH, (void *)16));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_PARK, (void *)-4096L));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_KICK, NULL));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(fd, _IO(KBEAM_IOC_MAGIC, 0x7f)));
	EXPECT_EQ(ENOTTY, errno);
	EXPECT_EQ(-1, ioctl(fd, _IOW('x', 0x01, int), NULL));
	EXPECT_EQ(ENOTTY, errno);
	close(fd);
}

TEST(attach_checks_its_argument)
{
	int fd = open_node();
	struct kbeam_version v;
	struct kbeam_sched_attach a = {.cpu = 0, .flags = 1};

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_VERSION, &v));
	EXPECT_EQ(-1, attach(fd, v.max_cpus, NULL));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, attach(fd, 1u << 31, NULL));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_SCHED_ATTACH, &a));
	EXPECT_EQ(EINVAL, errno);
	close(fd);
}

TEST(attach_binds_to_the_cpu)
{
	int fd = open_node();
	unsigned int id = 99;
	cpu_set_t set;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0, &id));
	EXPECT_EQ(0, id);
	ASSERT_EQ(0, sched_getaffinity(0, sizeof(set), &set));
	EXPECT_EQ(1, CPU_COUNT(&set));
	EXPECT_TRUE(CPU_ISSET(0, &set));
	EXPECT_EQ(0, sched_getcpu());
	/* twice from the same thread */
	EXPECT_EQ(-1, attach(fd, 0, NULL));
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(0, ioctl(fd, KBEAM_IOC_SCHED_DETACH));
	ASSERT_EQ(0, sched_getaffinity(0, sizeof(set), &set));
	EXPECT_LE(1, CPU_COUNT(&set));
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_SCHED_DETACH));
	EXPECT_EQ(EINVAL, errno);
	close(fd);
}

struct attach_arg {
	int fd;
	unsigned int cpu;
	int ret, err;
};

static void *attach_thread(void *p)
{
	struct attach_arg *a = p;

	a->ret = attach(a->fd, a->cpu, NULL);
	a->err = errno;
	return NULL;
}

TEST(one_scheduler_per_cpu_per_node)
{
	int fd = open_node(), other = open_node();
	struct attach_arg a;
	pthread_t t;

	ASSERT_LE(0, fd);
	ASSERT_LE(0, other);
	ASSERT_EQ(0, attach(fd, 0, NULL));
	a = (struct attach_arg){.fd = fd, .cpu = 0};
	ASSERT_EQ(0, pthread_create(&t, NULL, attach_thread, &a));
	pthread_join(t, NULL);
	EXPECT_EQ(-1, a.ret);
	EXPECT_EQ(EBUSY, a.err);
	/* another node has CPU 0 free */
	a = (struct attach_arg){.fd = other, .cpu = 0};
	ASSERT_EQ(0, pthread_create(&t, NULL, attach_thread, &a));
	pthread_join(t, NULL);
	EXPECT_EQ(0, a.ret);
	close(other);
	close(fd);
}

TEST(park_times_out)
{
	int fd = open_node();
	double t0;

	ASSERT_LE(0, fd);
	/* not a scheduler: no park */
	EXPECT_EQ(-1, park(fd, 1000000));
	EXPECT_EQ(EPERM, errno);
	ASSERT_EQ(0, attach(fd, 0, NULL));
	t0 = now_ms();
	EXPECT_EQ(-1, park(fd, 20 * 1000000LL));
	EXPECT_EQ(ETIMEDOUT, errno);
	EXPECT_LE(15, now_ms() - t0);
	struct kbeam_park bad = {.timeout_ns = 1, .flags = 2};

	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_PARK, &bad));
	EXPECT_EQ(EINVAL, errno);
	close(fd);
}

TEST(kick_before_park_is_kept)
{
	int fd = open_node();
	unsigned int id;
	double t0;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0, &id));
	ASSERT_EQ(0, kick(fd, id));
	ASSERT_EQ(0, kick(fd, id)); /* kicks do not pile up */
	t0 = now_ms();
	EXPECT_EQ(0, park(fd, 5000 * 1000000LL));
	EXPECT_GT(1000, now_ms() - t0);
	EXPECT_EQ(-1, park(fd, 10 * 1000000LL));
	EXPECT_EQ(ETIMEDOUT, errno);
	close(fd);
}

struct parker {
	int fd;
	unsigned int cpu, id;
	int attached;
	int done; /* the park returned */
	int ret, err;
	double waited_ms;
};

static void *park_thread(void *p)
{
	struct parker *k = p;
	double t0;

	if (attach(k->fd, k->cpu, &k->id) != 0) {
		k->err = errno;
		__atomic_store_n(&k->attached, -1, __ATOMIC_SEQ_CST);
		return NULL;
	}
	__atomic_store_n(&k->attached, 1, __ATOMIC_SEQ_CST);
	t0 = now_ms();
	k->ret = park(k->fd, -1);
	k->err = errno;
	k->waited_ms = now_ms() - t0;
	__atomic_store_n(&k->done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void wait_attached(struct parker *k)
{
	while (!__atomic_load_n(&k->attached, __ATOMIC_SEQ_CST))
		usleep(1000);
}

TEST(kick_wakes_a_parked_scheduler)
{
	int fd = open_node();
	struct parker k = {.fd = fd, .cpu = 0};
	pthread_t t;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, pthread_create(&t, NULL, park_thread, &k));
	wait_attached(&k);
	ASSERT_EQ(1, k.attached);
	usleep(50000);
	ASSERT_EQ(0, kick(fd, k.id));
	pthread_join(t, NULL);
	EXPECT_EQ(0, k.ret);
	EXPECT_LE(40, k.waited_ms);
	close(fd);
}

TEST(kick_checks_its_argument)
{
	int fd = open_node();
	struct kbeam_kick bad = {.id = 0, .pad = 1};

	ASSERT_LE(0, fd);
	/* no scheduler attached there */
	EXPECT_EQ(-1, kick(fd, 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, kick(fd, 1u << 30));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, ioctl(fd, KBEAM_IOC_KICK, &bad));
	EXPECT_EQ(EINVAL, errno);
	close(fd);
}

TEST(nodes_are_isolated)
{
	int a = open_node(), b = open_node();
	struct parker k = {.fd = a, .cpu = 0};
	pthread_t t;

	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_EQ(0, pthread_create(&t, NULL, park_thread, &k));
	wait_attached(&k);
	ASSERT_EQ(1, k.attached);
	/* node b has no scheduler k.id: it cannot wake node a's */
	EXPECT_EQ(-1, kick(b, k.id));
	EXPECT_EQ(EINVAL, errno);
	usleep(20000);
	EXPECT_EQ(0, __atomic_load_n(&k.done, __ATOMIC_SEQ_CST));
	ASSERT_EQ(0, kick(a, k.id));
	pthread_join(t, NULL);
	EXPECT_EQ(0, k.ret);
	close(b);
	close(a);
}

static void on_usr1(int sig)
{
	(void)sig;
}

TEST(signal_interrupts_a_park)
{
	int fd = open_node();
	struct parker k = {.fd = fd, .cpu = 0};
	struct sigaction sa = {.sa_handler = on_usr1};
	pthread_t t;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, sigaction(SIGUSR1, &sa, NULL));
	ASSERT_EQ(0, pthread_create(&t, NULL, park_thread, &k));
	wait_attached(&k);
	usleep(20000);
	ASSERT_EQ(0, pthread_kill(t, SIGUSR1));
	pthread_join(t, NULL);
	EXPECT_EQ(-1, k.ret);
	EXPECT_EQ(EINTR, k.err);
	close(fd);
}

TEST(sigkill_while_parked)
{
	int status;
	pid_t child = fork();

	ASSERT_LE(0, child);
	if (child == 0) {
		int fd = open_node();

		if (fd < 0 || attach(fd, 0, NULL) != 0)
			_exit(2);
		park(fd, -1);
		_exit(3);
	}
	usleep(100000);
	ASSERT_EQ(0, kill(child, SIGKILL));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGKILL, WTERMSIG(status));
}

TEST(close_while_parked)
{
	int fd = open_node();
	struct parker k = {.fd = fd, .cpu = 0};
	pthread_t t;
	int dup_fd;

	ASSERT_LE(0, fd);
	dup_fd = dup(fd);
	ASSERT_LE(0, dup_fd);
	ASSERT_EQ(0, pthread_create(&t, NULL, park_thread, &k));
	wait_attached(&k);
	usleep(20000);
	/* the parked ioctl keeps the file: closing one descriptor and then
	 * the other leaves the node alive until the park returns */
	close(fd);
	ASSERT_EQ(0, kick(dup_fd, k.id));
	pthread_join(t, NULL);
	EXPECT_EQ(0, k.ret);
	close(dup_fd);
}

TEST(dead_thread_frees_its_cpu)
{
	int fd = open_node();
	struct attach_arg a = {.fd = fd, .cpu = 0};
	pthread_t t;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, pthread_create(&t, NULL, attach_thread, &a));
	pthread_join(t, NULL);
	ASSERT_EQ(0, a.ret);
	/* the thread exited attached: its CPU can be taken again, once the
	 * kernel has reaped it (pthread_join may return a little before) */
	int r = -1;

	for (int i = 0; i < 100 && r != 0; i++) {
		r = attach(fd, 0, NULL);
		if (r != 0) {
			EXPECT_EQ(EBUSY, errno);
			usleep(10000);
		}
	}
	EXPECT_EQ(0, r);
	close(fd);
}

static const struct kbeam_ctrl *map_ctrl(int fd, unsigned int id)
{
	void *p = mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ, MAP_SHARED, fd, KBEAM_CTRL_OFFSET(id));

	return p == MAP_FAILED ? NULL : p;
}

static uint64_t read_u64(const volatile __u64 *p)
{
	return *p;
}

TEST(control_page_counts)
{
	int fd = open_node();
	const struct kbeam_ctrl *c;
	uint64_t t0;
	unsigned int id;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0, &id));
	c = map_ctrl(fd, id);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(1, c->attached);
	t0 = read_u64(&c->tick);
	usleep(100000);
	/* about 100 ticks of 1 ms; the emulated machine may lose some */
	EXPECT_LT(t0 + 10, read_u64(&c->tick));
	EXPECT_EQ(0, c->parks);
	EXPECT_EQ(-1, park(fd, 1000000));
	EXPECT_EQ(1, read_u64(&c->parks));
	EXPECT_EQ(0, kick(fd, id));
	EXPECT_EQ(1, read_u64(&c->kicks));
	EXPECT_EQ(0, park(fd, 1000000));
	EXPECT_EQ(0, ioctl(fd, KBEAM_IOC_SCHED_DETACH));
	EXPECT_EQ(0, c->attached);
	t0 = read_u64(&c->tick);
	usleep(20000);
	EXPECT_EQ(t0, read_u64(&c->tick)); /* no tick without a scheduler */
	munmap((void *)c, KBEAM_CTRL_SIZE);
	close(fd);
}

TEST(control_page_is_read_only)
{
	int fd = open_node();
	struct kbeam_version v;
	void *p;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_VERSION, &v));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(MAP_FAILED, mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, 2 * KBEAM_CTRL_SIZE, PROT_READ, MAP_SHARED, fd, 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(MAP_FAILED, mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ, MAP_SHARED, fd,
				   KBEAM_CTRL_OFFSET(v.max_cpus)));
	EXPECT_EQ(EINVAL, errno);
	p = mmap(NULL, KBEAM_CTRL_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_NE(MAP_FAILED, p);
	EXPECT_EQ(-1, mprotect(p, KBEAM_CTRL_SIZE, PROT_READ | PROT_WRITE));
	munmap(p, KBEAM_CTRL_SIZE);
	close(fd);
}

TEST(a_mapping_keeps_the_node)
{
	int fd = open_node();
	const struct kbeam_ctrl *c;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0, NULL));
	c = map_ctrl(fd, 0);
	ASSERT_NE(NULL, c);
	close(fd);
	/* the mapping keeps the file, so the node lives on until it goes */
	EXPECT_EQ(1, c->attached);
	uint64_t t0 = read_u64(&c->tick);

	usleep(50000);
	EXPECT_LT(t0, read_u64(&c->tick));
	munmap((void *)c, KBEAM_CTRL_SIZE);
}

static volatile int spin_stop;

static void spin_for(double ms)
{
	double end = now_ms() + ms;

	while (now_ms() < end && !spin_stop)
		;
}

TEST(descheduled_when_another_task_takes_the_cpu)
{
	int fd = open_node();
	const struct kbeam_ctrl *c;
	cpu_set_t one;
	pid_t hog;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0, NULL));
	c = map_ctrl(fd, 0);
	ASSERT_NE(NULL, c);
	hog = fork();
	ASSERT_LE(0, hog);
	if (hog == 0) {
		CPU_ZERO(&one);
		CPU_SET(0, &one);
		sched_setaffinity(0, sizeof(one), &one);
		spin_for(400);
		_exit(0);
	}
	/* both want CPU 0: the OS shares it, and the ticks that find the
	 * hog running count the scheduler descheduled */
	spin_for(400);
	waitpid(hog, NULL, 0);
	EXPECT_LT(0, read_u64(&c->descheduled_ticks));
	munmap((void *)c, KBEAM_CTRL_SIZE);
	close(fd);
}

TEST(statistics_in_debugfs)
{
	char buf[512] = "";
	int fd = open("/sys/kernel/debug/kbeam/stats", O_RDONLY);

	if (fd < 0)
		SKIP(return, "no debugfs");
	ASSERT_LT(0, read(fd, buf, sizeof(buf) - 1));
	close(fd);
	EXPECT_NE(NULL, strstr(buf, "opens "));
	EXPECT_NE(NULL, strstr(buf, "parks "));
	EXPECT_NE(NULL, strstr(buf, "ticks "));
}

TEST(tracepoints)
{
	const char *t = "/sys/kernel/debug/tracing";
	char path[256], buf[65536];
	struct kbeam_region r = {.size = 4096};
	struct kbeam_region_free f;
	unsigned int id;
	ssize_t n;
	int fd, tr;

	snprintf(path, sizeof(path), "%s/events/kbeam/enable", t);
	if (access(path, W_OK) != 0)
		SKIP(return, "no tracefs");
	ASSERT_EQ(0, write_file(path, "1"));
	snprintf(path, sizeof(path), "%s/trace", t);
	ASSERT_EQ(0, write_file(path, ""));
	fd = open_node();
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, attach(fd, 0, &id));
	ASSERT_EQ(0, kick(fd, id));
	ASSERT_EQ(0, park(fd, 1000000));
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_REGION_ALLOC, &r));
	f = (struct kbeam_region_free){.id = r.id};
	ASSERT_EQ(0, ioctl(fd, KBEAM_IOC_REGION_FREE, &f));
	close(fd);
	snprintf(path, sizeof(path), "%s/events/kbeam/enable", t);
	ASSERT_EQ(0, write_file(path, "0"));
	snprintf(path, sizeof(path), "%s/trace", t);
	tr = open(path, O_RDONLY);
	ASSERT_LE(0, tr);
	n = read(tr, buf, sizeof(buf) - 1);
	close(tr);
	ASSERT_LT(0, n);
	buf[n] = 0;
	EXPECT_NE(NULL, strstr(buf, "kbeam_attach: cpu=0"));
	EXPECT_NE(NULL, strstr(buf, "kbeam_kick: cpu=0"));
	EXPECT_NE(NULL, strstr(buf, "kbeam_park: cpu=0 timeout_ns=1000000 via=ioctl"));
	EXPECT_NE(NULL, strstr(buf, "kbeam_region_alloc: id="));
	EXPECT_NE(NULL, strstr(buf, "kbeam_region_free: id="));
}

TEST_HARNESS_MAIN
