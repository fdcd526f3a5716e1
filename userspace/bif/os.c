/* The os module's BIFs: the environment, the OS process id and clocks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bif.h"
#include "vm/build.h"

extern char **environ;

static term string_term(process *p, const char *s, size_t n)
{
	return build_string(&p->heap, s, n);
}

/* A flat list of bytes as a C string (malloc'd), or NULL. */
static char *cstring(term l)
{
	size_t n = 0;
	for (term t = l; t != NIL; t = list_tail(t)) {
		if (!is_list(t) || !is_small(list_head(t)) || small_value(list_head(t)) <= 0 ||
		    small_value(list_head(t)) > 255)
			return NULL;
		n++;
	}
	char *s = malloc(n + 1);
	if (!s)
		return NULL;
	n = 0;
	for (term t = l; t != NIL; t = list_tail(t))
		s[n++] = (char)small_value(list_head(t));
	s[n] = 0;
	return s;
}

static term bif_getenv_1(process *p, const term *a)
{
	char *name = cstring(a[0]);
	if (!name)
		return bif_badarg(p);
	const char *v = getenv(name);
	free(name);
	if (!v)
		return ATOM(false);
	term r = string_term(p, v, strlen(v));
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_putenv_2(process *p, const term *a)
{
	char *name = cstring(a[0]), *value = cstring(a[1]);
	bool ok = name && value && name[0] && !strchr(name, '=') && setenv(name, value, 1) == 0;
	free(name);
	free(value);
	return ok ? ATOM(true) : bif_badarg(p);
}

static term bif_unsetenv_1(process *p, const term *a)
{
	char *name = cstring(a[0]);
	bool ok = name && unsetenv(name) == 0;
	free(name);
	return ok ? ATOM(true) : bif_badarg(p);
}

/* env/0: [{Name, Value}] */
static term bif_env_0(process *p, const term *a)
{
	(void)a;
	term l = NIL;
	for (char **e = environ; *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq || eq == *e)
			continue;
		term k = string_term(p, *e, (size_t)(eq - *e));
		term v = string_term(p, eq + 1, strlen(eq + 1));
		term *t = heap_alloc(&p->heap, 5);
		if (!t || k == THE_NON_VALUE || v == THE_NON_VALUE)
			return bif_no_memory(p);
		t[0] = make_header(2, SUBTAG_TUPLE);
		t[1] = k;
		t[2] = v;
		t[3] = make_boxed(t);
		t[4] = l;
		l = make_list(&t[3]);
	}
	return l;
}

static term bif_getpid_0(process *p, const term *a)
{
	(void)a;
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%ld", (long)getpid());
	term r = string_term(p, buf, (size_t)n);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_timestamp_0(process *p, const term *a)
{
	(void)a;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	term *t = heap_alloc(&p->heap, 4);
	if (!t)
		return bif_no_memory(p);
	t[0] = make_header(3, SUBTAG_TUPLE);
	t[1] = make_small(ts.tv_sec / 1000000);
	t[2] = make_small(ts.tv_sec % 1000000);
	t[3] = make_small(ts.tv_nsec / 1000);
	return make_boxed(t);
}

static term bif_perf_counter_0(process *p, const term *a)
{
	(void)p;
	(void)a;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return make_small((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define R BIF_NEEDS_PROCESS
const bif_def bif_family_os[] = {
    {"os", "getenv", 1, bif_getenv_1, R},
    {"os", "putenv", 2, bif_putenv_2, R},
    {"os", "unsetenv", 1, bif_unsetenv_1, R},
    {"os", "env", 0, bif_env_0, R},
    {"os", "getpid", 0, bif_getpid_0, R},
    {"os", "timestamp", 0, bif_timestamp_0, R},
    {"os", "perf_counter", 0, bif_perf_counter_0, R},
    {NULL, NULL, 0, NULL, 0},
};
