/* SPDX-License-Identifier: GPL-2.0 */
/* Writing a tracefs, sysfs or debugfs file from a kselftest program. */
#ifndef KBEAM_SYSFS_H
#define KBEAM_SYSFS_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes s to path (truncating it): 0, or -1. */
static inline int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

/* A counter of /sys/kernel/debug/kbeam/stats ("name value" lines), or
 * -1 when it cannot be read.
 */
static inline long long kbeam_stat(const char *name)
{
	char buf[1024], *at;
	size_t len = strlen(name);
	int fd = open("/sys/kernel/debug/kbeam/stats", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	for (at = buf; at; ) {
		if (strncmp(at, name, len) == 0 && at[len] == ' ')
			return strtoll(at + len + 1, NULL, 10);
		at = strchr(at, '\n');
		if (at)
			at++;
	}
	return -1;
}

#endif
