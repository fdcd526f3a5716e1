// SPDX-License-Identifier: GPL-2.0
/*
 * The launcher on the module: the differential Erlang programs (made by
 * scripts/kmod_guest_extra.sh into the guest's /extra) run on kbeam with
 * --kmod=on, and some with --kmod=off and with the schedulers parking
 * through the ioctl (--kmod-park=ioctl), and each prints exactly what OTP
 * printed for it. kbeam is
 * dynamically linked: it is started through the loader in /extra/lib.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "kbeam_sysfs.h"

#define EXTRA "/extra"
#define PROGRAM_SECONDS 300

/* The whole file, with carriage returns dropped; NULL when unreadable. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t len = 0, cap = 4096;
	char *s = malloc(cap);
	int c;

	if (!f || !s) {
		if (f)
			fclose(f);
		free(s);
		return NULL;
	}
	while ((c = fgetc(f)) != EOF) {
		if (c == '\r')
			continue;
		if (len + 1 == cap) {
			char *n = realloc(s, cap *= 2);

			if (!n) {
				free(s);
				fclose(f);
				return NULL;
			}
			s = n;
		}
		s[len++] = (char)c;
	}
	s[len] = 0;
	fclose(f);
	return s;
}

/* Runs NAME:main() on kbeam with the kmod option (and the park option,
 * unless NULL); its output goes to out.
 */
static int run_program(const char *name, const char *out, const char *kmod, const char *park)
{
	const char *argv[] = {"ld-linux-x86-64.so.2", "--library-path", EXTRA "/lib",
			      EXTRA "/bin/kbeam", kmod, "--bare", "-pa", EXTRA "/erlang", "-s",
			      name, "main", NULL, NULL};
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		dup2(fd, 2);
		setenv("KBEAM_OTP_ROOT", EXTRA "/otp", 1);
		alarm(PROGRAM_SECONDS);
		if (park) {	/* after --kmod: the options end at -s */
			memmove(&argv[6], &argv[5], 6 * sizeof(argv[0]));
			argv[5] = park;
		}
		execv(EXTRA "/lib/ld-linux-x86-64.so.2", (char **)argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Every program of the list gives OTP's output, with kmod. */
static void run_all(struct __test_metadata *_metadata, const char *list_path, const char *kmod,
		    const char *park)
{
	char *list = slurp(list_path);
	char *save = NULL, *name;
	int ran = 0, failed = 0;

	if (!list)
		SKIP(return, "no " EXTRA "/erlang/list (scripts/kmod_guest_extra.sh)");
	for (name = strtok_r(list, "\n", &save); name; name = strtok_r(NULL, "\n", &save)) {
		char expected_path[256], out_path[256];
		char *expected, *got;
		int status;

		snprintf(expected_path, sizeof(expected_path), EXTRA "/erlang/%s.expected", name);
		snprintf(out_path, sizeof(out_path), "/tmp/%s.out", name);
		status = run_program(name, out_path, kmod, park);
		expected = slurp(expected_path);
		got = slurp(out_path);
		ran++;
		if (status != 0 || !expected || !got || strcmp(expected, got) != 0) {
			failed++;
			TH_LOG("%s %s%s: status %d, %s", name, kmod, park ? " (ioctl)" : "",
			       status, got ? (strlen(got) > 300 ? "output differs" : got) : "no output");
		} else {
			TH_LOG("%s %s%s: same as OTP", name, kmod, park ? " (ioctl)" : "");
		}
		free(expected);
		free(got);
	}
	free(list);
	EXPECT_LT(0, ran);
	EXPECT_EQ(0, failed);
}

FIXTURE(programs) {
	int unused;
};

FIXTURE_SETUP(programs)
{
}

FIXTURE_TEARDOWN(programs)
{
}

/* every differential program: minutes on the emulated machine */
TEST_F_TIMEOUT(programs, with_the_module, 1200)
{
	run_all(_metadata, EXTRA "/erlang/list", "--kmod=on", NULL);
}

/* the process and scheduling programs, idle schedulers parking through
 * the ioctl rather than in their io_uring (--kmod-park=ioctl)
 */
TEST_F_TIMEOUT(programs, parking_through_the_ioctl, 600)
{
	run_all(_metadata, EXTRA "/erlang/list_small", "--kmod=on", "--kmod-park=ioctl");
}

TEST_F_TIMEOUT(programs, without_the_module, 600)
{
	run_all(_metadata, EXTRA "/erlang/list_small", "--kmod=off", NULL);
}

/* Past the node's limit (node_limit_mb), a heap that needs a region
 * cannot grow: kbeam reports running out of memory and exits non-zero;
 * the kernel stays quiet (the run fails on any warning in its log). */
TEST(node_limit_is_an_out_of_memory_report)
{
	char *out;
	int status;

	if (access(EXTRA "/erlang/gc_large_heap.beam", R_OK) != 0)
		SKIP(return, "no gc_large_heap program");
	ASSERT_EQ(0, write_file("/sys/module/kbeam/parameters/node_limit_mb", "32"));
	status = run_program("gc_large_heap", "/tmp/limit.out", "--kmod=on", NULL);
	ASSERT_EQ(0, write_file("/sys/module/kbeam/parameters/node_limit_mb", "0"));
	out = slurp("/tmp/limit.out");
	ASSERT_NE(NULL, out);
	EXPECT_NE(0, status);
	EXPECT_NE(NULL, strstr(out, "out of memory")) TH_LOG("output: %.300s", out);
	free(out);
}

TEST_HARNESS_MAIN
