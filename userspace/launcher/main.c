/* The kbeam command.
 *
 * Today it reads .beam files: `kbeam --disasm FILE.beam...` prints them,
 * `kbeam --disasm --stats FILE.beam...` counts their instructions by
 * opcode. Exit status: 0 success, 1 a file could not be loaded (one line on
 * stderr: "kbeam: FILE: problem"), 2 a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disasm.h"
#include "dump_asm.h"
#include "platform/platform.h"
#include "run_bare.h"
#include "jit/jit.h"
#include "vm/sched.h"
#include "vm/atom.h"

#define KBEAM_VERSION "0.1.0"

enum { EXIT_LOAD = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
	fputs("usage: kbeam --bare [-pa DIR...] -s MOD [FUN [ARG...]]\n"
	      "                                            run MOD:FUN() without booting OTP\n"
	      "       kbeam +P N ...                       at most N processes (default 262144)\n"
	      "       kbeam +S N ...                       N schedulers (default: one per CPU)\n"
	      "       kbeam +sbt u ...                     schedulers not bound to CPUs\n"
	      "       kbeam --kmod=auto|on|off ...         use kbeam.ko (/dev/kbeam): when it\n"
	      "                                            opens (default), always, never\n"
	      "       kbeam --kmod-park=ring|ioctl ...     schedulers on the module park through\n"
	      "                                            io_uring (default) or its ioctl\n"
	      "       kbeam --perf-map ...                 also write /tmp/perf-PID.map\n"
	      "       kbeam --dump-asm MOD:FUN/ARITY FILE.beam\n"
	      "                                            print one function's machine code\n"
	      "       kbeam --disasm FILE.beam...          print modules readably\n"
	      "       kbeam --disasm --stats FILE.beam...  count instructions by opcode\n"
	      "       kbeam --version                      print the version\n"
	      "       kbeam --help                         print this text\n"
	      "\n"
	      "kbeam is a BEAM virtual machine for OTP 25 .beam files. --bare runs one\n"
	      "function as the only process; modules load from the -pa directories,\n"
	      "then OTP's (KBEAM_OTP_ROOT, default /usr/lib/erlang).\n",
	      out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("kbeam: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (kbeam --help shows the usage)\n", stderr);
	return EXIT_USAGE;
}

/* Loads every file; prints each (disasm) or sums their opcodes (stats). */
static int run_disasm(char **files, int nfiles, bool stats)
{
	opcode_stats *counts = stats ? calloc(1, sizeof *counts) : NULL;
	if (stats && !counts) {
		fputs("kbeam: out of memory\n", stderr);
		return EXIT_LOAD;
	}
	int status = 0;
	for (int i = 0; i < nfiles && status == 0; i++) {
		kb_load_error err;
		kb_module *m = module_load_file(files[i], &err);
		if (!m) {
			fprintf(stderr, "kbeam: %s: %s\n", files[i], err.msg);
			status = EXIT_LOAD;
			break;
		}
		if (stats) {
			stats_add(counts, m);
		} else {
			if (i > 0)
				putchar('\n');
			if (!disasm_module(stdout, m)) {
				fflush(stdout);
				fprintf(stderr, "kbeam: %s: cannot print the module\n", files[i]);
				status = EXIT_LOAD;
			}
		}
		module_free(m);
	}
	if (stats && status == 0)
		stats_print(stdout, counts);
	free(counts);
	if (fflush(stdout) != 0 && status == 0) {
		fputs("kbeam: cannot write the output\n", stderr);
		status = EXIT_LOAD;
	}
	return status;
}

int main(int argc, char **argv)
{
	bool disasm = false, stats = false;
	int nfiles = 0;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!files) {
		fputs("kbeam: out of memory\n", stderr);
		return EXIT_LOAD;
	}
	int status = -1;
	bool options_done = false, bare = false;
	size_t process_limit = 0;
	unsigned schedulers = 0;
	enum platform_kmod_mode kmod_mode = PLATFORM_KMOD_AUTO;
	const char *why = NULL;
	char **pa = calloc((size_t)argc + 1, sizeof *pa);
	int npa = 0;
	char **sargs = NULL;
	int nsargs = 0;
	for (int i = 1; i < argc && status < 0; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--bare") == 0 && !options_done) {
			bare = true;
		} else if (strcmp(a, "+P") == 0 && !options_done && i + 1 < argc) {
			char *end;
			long long n = strtoll(argv[++i], &end, 10);
			if (*end || n < 1024 || n > (1LL << 27))
				status = usage_error(
				    "+P wants a number from 1024 to 134217728, not '%s'", argv[i]);
			else
				process_limit = (size_t)n;
		} else if (strcmp(a, "+S") == 0 && !options_done && i + 1 < argc) {
			char *end;
			long n = strtol(argv[++i], &end, 10);
			if ((*end && *end != ':') || n < 1 || n > 1024)
				status = usage_error(
				    "+S wants a number of schedulers from 1 to 1024, not '%s'",
				    argv[i]);
			else
				schedulers = (unsigned)n;
		} else if (strncmp(a, "--kmod=", 7) == 0 && !options_done) {
			const char *m = a + 7;
			if (strcmp(m, "auto") == 0)
				kmod_mode = PLATFORM_KMOD_AUTO;
			else if (strcmp(m, "on") == 0)
				kmod_mode = PLATFORM_KMOD_ON;
			else if (strcmp(m, "off") == 0)
				kmod_mode = PLATFORM_KMOD_OFF;
			else
				status = usage_error("--kmod wants auto, on or off, not '%s'", m);
		} else if (strncmp(a, "--kmod-park=", 12) == 0 && !options_done) {
			const char *m = a + 12;
			if (strcmp(m, "ioctl") == 0)
				platform_set_park_way(PLATFORM_PARK_IOCTL);
			else if (strcmp(m, "ring") == 0)
				platform_set_park_way(PLATFORM_PARK_RING);
			else
				status =
				    usage_error("--kmod-park wants ioctl or ring, not '%s'", m);
		} else if (strcmp(a, "+sbt") == 0 && !options_done && i + 1 < argc) {
			/* OTP's scheduler bind type: u leaves threads unbound; the
			 * others (db, ts, ...) bind each scheduler to a CPU */
			sched_set_binding(strcmp(argv[++i], "u") != 0);
		} else if (strcmp(a, "--perf-map") == 0 && !options_done) {
			setenv("KBEAM_PERF_MAP", "1", 1);
		} else if (strcmp(a, "--dump-asm") == 0 && !options_done && i + 2 < argc) {
			status = dump_asm(argv[i + 1], argv[i + 2]);
			i += 2;
		} else if (strcmp(a, "-pa") == 0 && !options_done) {
			while (i + 1 < argc && argv[i + 1][0] != '-')
				pa[npa++] = argv[++i];
		} else if (strcmp(a, "-s") == 0 && !options_done) {
			sargs = argv + i + 1;
			while (i + 1 < argc && argv[i + 1][0] != '-') {
				i++;
				nsargs++;
			}
			if (nsargs == 0)
				status = usage_error("%s needs a module", "-s");
		} else if (options_done || a[0] != '-' || a[1] == 0) {
			files[nfiles++] = argv[i];
		} else if (strcmp(a, "--") == 0) {
			options_done = true;
		} else if (strcmp(a, "--disasm") == 0) {
			disasm = true;
		} else if (strcmp(a, "--stats") == 0) {
			stats = true;
		} else if (strcmp(a, "--version") == 0) {
			printf("kbeam %s (loads OTP 25 .beam files)\n", KBEAM_VERSION);
			status = 0;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			status = 0;
		} else {
			status = usage_error("unknown option '%s'", a);
		}
	}
	if (status < 0 && bare) {
		if (!sargs || nsargs == 0 || disasm || nfiles > 0)
			status = usage_error("%s needs -s MOD [FUN [ARG...]] and nothing else",
			                     "--bare");
		else if (platform_select(kmod_mode, &why) != 0) {
			fprintf(stderr, "kbeam: --kmod=on: %s\n", why);
			status = 1;
		} else {
			/* the module's tick bounds slices: decided before any code
			 * is compiled (KBEAM_JIT_TICK_CHECK=1 compiles the check in
			 * without the module, to measure what it costs) */
			const char *tc = getenv("KBEAM_JIT_TICK_CHECK");
			jit_honours_tick = platform_uses_kmod() || (tc && tc[0] == '1');
			status = run_bare(pa, npa, sargs[0], nsargs > 1 ? sargs[1] : "start",
			                  sargs + 2, nsargs > 2 ? nsargs - 2 : 0, process_limit,
			                  schedulers ? schedulers : platform_online_cpus());
		}
	}
	if (status < 0) {
		if (stats && !disasm)
			status = usage_error("%s needs --disasm", "--stats");
		else if (!disasm && nfiles > 0)
			status = usage_error(
			    "%s: running Erlang code is not supported yet; try --disasm", files[0]);
		else if (!disasm)
			status = usage_error("%s", "nothing to do");
		else if (nfiles == 0)
			status = usage_error("%s needs at least one .beam file", "--disasm");
		else {
			atom_table_init();
			status = run_disasm(files, nfiles, stats);
		}
	}
	free(files);
	free(pa);
	return status;
}
