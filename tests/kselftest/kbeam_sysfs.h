/* SPDX-License-Identifier: GPL-2.0 */
/* Writing a tracefs, sysfs or debugfs file from a kselftest program. */
#ifndef KBEAM_SYSFS_H
#define KBEAM_SYSFS_H

#include <fcntl.h>
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

#endif
