/* sysio.c - system calls for saving files, with test-only faults. */
#include "sysio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct sysio_faults sysio_faults;

/* Only calls made between sysio_begin and sysio_end are counted. */
static bool counting;

void
sysio_begin(void)
{
	counting = true;
	sysio_faults.calls = 0;
}

void
sysio_end(void)
{
	counting = false;
}

static bool
fault_here(void)
{
	if (!counting)
		return false;
	sysio_faults.calls++;
	if (sysio_faults.fail_at > 0 &&
	    sysio_faults.calls == sysio_faults.fail_at) {
		errno = sysio_faults.fail_errno != 0 ?
		    sysio_faults.fail_errno : EIO;
		return true;
	}
	return false;
}

int
sysio_open(const char *path, int flags, mode_t mode)
{
	if (fault_here())
		return -1;
	return open(path, flags | O_CLOEXEC, mode);
}

int
sysio_mkstemp(char *tmpl)
{
	if (fault_here())
		return -1;
	return mkostemp(tmpl, O_CLOEXEC);
}

ssize_t
sysio_read(int fd, void *data, size_t len)
{
	if (fault_here())
		return -1;
	return read(fd, data, len);
}

ssize_t
sysio_write(int fd, const void *data, size_t len)
{
	if (fault_here())
		return -1;
	/* A full disk: the kernel takes part of it (or nothing). */
	if (counting && sysio_faults.short_write) {
		len /= 2;
		if (len == 0)
			return 0;
	}
	return write(fd, data, len);
}

int
sysio_fsync(int fd)
{
	if (fault_here())
		return -1;
	return fsync(fd);
}

int
sysio_fchmod(int fd, mode_t mode)
{
	if (fault_here())
		return -1;
	return fchmod(fd, mode);
}

int
sysio_close(int fd)
{
	int err;

	if (fault_here()) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	return close(fd);
}

int
sysio_flock(int fd, int op)
{
	int r;

	if (fault_here())
		return -1;
	do
		r = flock(fd, op);
	while (r == -1 && errno == EINTR);
	return r;
}

int
sysio_rename(const char *from, const char *to)
{
	if (fault_here())
		return -1;
	return rename(from, to);
}

int
sysio_link(const char *from, const char *to)
{
	if (fault_here())
		return -1;
	return link(from, to);
}
