/*
 * sysio.h - the system calls that save files (progress, class result
 * records), behind one set of wrappers so tests can fail any of them.
 *
 * Test-only fault injection: between sysio_begin() and sysio_end() each
 * call is counted (from 1); when fail_at > 0 the fail_at'th one fails
 * with fail_errno (EIO when 0), and short_write makes write() take half
 * of what it is given (a disk filling up).  Outside a begin/end pair the
 * wrappers are the plain calls.  Zero sysio_faults to turn it off.
 */
#ifndef RF_SYSIO_H
#define RF_SYSIO_H

#include <stdbool.h>
#include <sys/types.h>

struct sysio_faults {
	int fail_at;
	int fail_errno;
	bool short_write;
	int calls;		/* counted since sysio_begin() */
};
extern struct sysio_faults sysio_faults;

/* Start and stop counting (a save); sysio_begin resets the count. */
void sysio_begin(void);
void sysio_end(void);

/* open(2) and mkostemp(3) always add O_CLOEXEC. */
int sysio_open(const char *path, int flags, mode_t mode);
int sysio_mkstemp(char *tmpl);
ssize_t sysio_read(int fd, void *data, size_t len);
ssize_t sysio_write(int fd, const void *data, size_t len);
int sysio_fsync(int fd);
int sysio_fchmod(int fd, mode_t mode);
/* A failed close still frees the descriptor (Linux). */
int sysio_close(int fd);
/* flock(2), retrying EINTR. */
int sysio_flock(int fd, int op);
int sysio_rename(const char *from, const char *to);
int sysio_link(const char *from, const char *to);

#endif
