/* util.h - allocation that cannot fail, growable buffers, small helpers. */
#ifndef RF_UTIL_H
#define RF_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <sys/types.h>

#define RF_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Allocation that cannot fail at the call site: on exhaustion they call
 * fatal(), which restores the terminal first.  Free with free().
 */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/*
 * A hook that fatal() calls before printing, so the terminal owner can
 * restore the screen.  NULL by default.
 */
extern void (*fatal_hook)(void);

/* Print "redflags: MESSAGE" to stderr and exit(2), after fatal_hook. */
void fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/* A growable byte buffer.  Always NUL-terminated once anything is added. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_finish(struct buf *b);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Give the buffer's string to the caller (free() it); the buffer is empty. */
char *buf_steal(struct buf *b);

/*
 * An arena: many small allocations freed at once (a parsed YAML tree).
 * Memory is zeroed.  Blocks grow; nothing is freed before arena_free.
 */
struct arena;

struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* A bigger copy of an array that lives in the arena (the old one is left,
 * and freed with the arena). */
void *arena_grow(struct arena *a, void *old, size_t old_bytes,
    size_t new_bytes);
void arena_free(struct arena *a);

/* A decimal number in s[0..len): digits only, no sign, no leading zero,
 * at most 'max' (>= 0).  Bounded, so it cannot overflow. */
bool parse_decimal(const char *s, size_t len, long long max,
    long long *out);

/* Edit distance (swapping two neighbours costs one), capped at cap+1. */
int edit_distance(const char *a, const char *b, int cap);

/* Read a whole file, refusing files over 'max' bytes.  Returns 0, or an
 * errno value (EFBIG when too large).  *out is NUL-terminated; free it. */
int read_file(const char *path, size_t max, char **out, size_t *len);

/* Read at most 'cap' bytes from the start of a regular file into buf.
 * Returns 0 or an errno value; *whole says whether that was all of it. */
int read_file_start(const char *path, char *buf, size_t cap, size_t *len,
    bool *whole);

/* The shapes of read(2) and write(2), so a caller can put its own hooks
 * (progress's fault injection) in front of the system calls. */
typedef ssize_t (*read_fn)(int fd, void *data, size_t len);
typedef ssize_t (*write_fn)(int fd, const void *data, size_t len);

/* Read fd to its end (retrying EINTR), refusing more than 'max' bytes.
 * Returns 0, or an errno value (EFBIG when too large).  *out is
 * NUL-terminated; free it.  fd stays open. */
int read_fd(int fd, size_t max, read_fn rd, char **out, size_t *len);

/* Write all of data (retrying EINTR and short writes).  Returns 0, or an
 * errno value; a write that takes nothing at all is a full disk, ENOSPC. */
int write_fd(int fd, const void *data, size_t len, write_fn wr);

#endif
