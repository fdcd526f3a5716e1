/* A small unit-test harness. Each test is a function; RUN(fn) runs it and
 * prints one line, "PASS name" or "FAIL name: file:line: condition", which
 * scripts/check.sh counts. A test program exits non-zero if any failed. */
#ifndef KBEAM_TESTS_UNIT_H
#define KBEAM_TESTS_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failed_total;
static int unit_passed_total;
static int unit_current_failed;
static char unit_current_why[512];

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond) && !unit_current_failed) {                                             \
			unit_current_failed = 1;                                                   \
			snprintf(unit_current_why, sizeof unit_current_why, "%s:%d: %s", __FILE__, \
			         __LINE__, #cond);                                                 \
		}                                                                                  \
	} while (0)

/* CHECK with a printf-style explanation. */
#define CHECKF(cond, ...)                                                                          \
	do {                                                                                       \
		if (!(cond) && !unit_current_failed) {                                             \
			unit_current_failed = 1;                                                   \
			int n_ = snprintf(unit_current_why, sizeof unit_current_why,               \
			                  "%s:%d: ", __FILE__, __LINE__);                          \
			snprintf(unit_current_why + n_, sizeof unit_current_why - (size_t)n_,      \
			         __VA_ARGS__);                                                     \
		}                                                                                  \
	} while (0)

#define RUN(fn) unit_run(#fn, fn)
/* Records one named result computed by the caller (for table-driven tests). */
static inline void unit_result(const char *name, int ok, const char *why)
{
	if (ok) {
		unit_passed_total++;
		printf("PASS %s\n", name);
	} else {
		unit_failed_total++;
		printf("FAIL %s: %s\n", name, why ? why : "");
	}
	fflush(stdout);
}

static inline void unit_run(const char *name, void (*fn)(void))
{
	unit_current_failed = 0;
	unit_current_why[0] = 0;
	fn();
	unit_result(name, !unit_current_failed, unit_current_why);
}

static inline int unit_exit(void) { return unit_failed_total ? 1 : 0; }

#endif
