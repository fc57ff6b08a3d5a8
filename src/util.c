/* util.c - allocation that cannot fail, buffers, small helpers. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void (*fatal_hook)(void);

void
fatal(const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook != NULL)
		fatal_hook();
	fputs("redflags: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		fatal("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		fatal("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		fatal("out of memory (%zu bytes)", n);
	return q;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > (size_t)-1 / size)
		fatal("allocation too large");
	return xrealloc(p, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		fatal("out of memory");
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_finish(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_add(struct buf *b, const void *data, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + len + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

char *
buf_steal(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	buf_init(b);
	return s;
}

bool
parse_decimal(const char *s, size_t len, long long max, long long *out)
{
	long long v = 0;
	size_t i;

	/* 18 digits always fit; any number above 'max' is refused. */
	if (len < 1 || len > 18 || (len > 1 && s[0] == '0'))
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

/*
 * Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of two neighbouring letters ("hnit" for "hint") cost one.
 */
int
edit_distance(const char *a, const char *b, int cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int d[65][65];

	if (la > 64 || lb > 64)
		return cap + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			int v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

static int read_into(int fd, size_t max, size_t want, read_fn rd,
    char **out, size_t *len);

/* Open a regular file for reading without blocking on a FIFO. */
static int
open_regular(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), err;

	if (fd < 0)
		return -errno;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		err = fstat(fd, st) != 0 ? errno :
		    S_ISDIR(st->st_mode) ? EISDIR : EINVAL;
		close(fd);
		return -err;
	}
	return fd;
}

int
read_file_start(const char *path, char *buf, size_t cap, size_t *len,
    bool *whole)
{
	struct stat st;
	ssize_t n;
	int fd = open_regular(path, &st), err = 0;

	*len = 0;
	*whole = false;
	if (fd < 0)
		return -fd;
	while (*len < cap) {
		n = read(fd, buf + *len, cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = errno;
			break;
		}
		if (n == 0)
			break;
		*len += (size_t)n;
	}
	close(fd);
	*whole = err == 0 && (off_t)*len == st.st_size;
	return err;
}

int
read_file(const char *path, size_t max, char **out, size_t *len)
{
	struct stat st;
	int fd, err;

	*out = NULL;
	*len = 0;
	/* Opened non-blocking, so a FIFO with no writer cannot hang us;
	 * then only regular files are read, for which O_NONBLOCK changes
	 * nothing, so it is left on. */
	fd = open_regular(path, &st);
	if (fd < 0)
		return -fd;
	if ((size_t)st.st_size > max) {
		close(fd);
		return EFBIG;
	}
	/* The size and one byte more, to see the end in the same call. */
	err = read_into(fd, max, (size_t)st.st_size + 1, read, out, len);
	close(fd);
	return err;
}

/* Read into the buffer's own room, 'want' bytes at a time (the file's
 * size when known, so one read does it): no copying through a chunk. */
static int
read_into(int fd, size_t max, size_t want, read_fn rd, char **out,
    size_t *len)
{
	struct buf b;
	ssize_t n;
	int err = 0;

	*out = NULL;
	*len = 0;
	buf_init(&b);
	b.data = xmalloc(want + 1);
	b.cap = want + 1;
	b.data[0] = '\0';
	for (;;) {
		size_t room;

		if (b.cap - b.len - 1 == 0) {
			b.data = xrealloc(b.data, b.len + want + 1);
			b.cap = b.len + want + 1;
		}
		room = b.cap - b.len - 1;
		if (room - 1 > max - b.len)
			room = max - b.len + 1;	/* one more tells EFBIG */
		n = rd(fd, b.data + b.len, room);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.data[b.len] = '\0';
		if (b.len > max) {
			err = EFBIG;
			break;
		}
		want = b.len < 65536 ? 16384 : b.len;
	}
	if (err != 0) {
		buf_finish(&b);
		return err;
	}
	*len = b.len;
	*out = buf_steal(&b);
	return 0;
}

int
read_fd(int fd, size_t max, read_fn rd, char **out, size_t *len)
{
	return read_into(fd, max, 16384, rd, out, len);
}

int
write_fd(int fd, const void *data, size_t len, write_fn wr)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		n = wr(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		/* It took nothing at all: the disk is full. */
		if (n == 0)
			return ENOSPC;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The arena ----------------------------------------------------------- */

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

struct arena {
	struct arena_block *head;
	size_t next_cap;
};

/*
 * Blocks of freed arenas are kept for the next one (up to SPARE_MAX
 * bytes), so reading file after file does not hand memory back to the
 * system and fault it in again each time.
 */
#define SPARE_MAX (2u << 20)
static struct arena_block *spare;
static size_t spare_bytes;

static struct arena_block *
spare_block(size_t cap)
{
	struct arena_block **p, *b;

	for (p = &spare; *p != NULL; p = &(*p)->next) {
		if ((*p)->cap >= cap) {
			b = *p;
			*p = b->next;
			spare_bytes -= b->cap;
			return b;
		}
	}
	return NULL;
}

struct arena *
arena_new(void)
{
	struct arena *a = xcalloc(1, sizeof *a);

	a->next_cap = 4096;
	return a;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	const size_t align = _Alignof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = a->next_cap;

		while (cap < n)
			cap *= 2;
		b = spare_block(cap);
		if (b == NULL) {
			b = xmalloc(sizeof *b + cap);
			b->cap = cap;
		}
		b->next = a->head;
		b->used = 0;
		a->head = b;
		if (a->next_cap < 256 * 1024)
			a->next_cap *= 2;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
arena_grow(struct arena *a, void *old, size_t old_bytes, size_t new_bytes)
{
	void *p = arena_alloc(a, new_bytes);

	if (old != NULL && old_bytes > 0)
		memcpy(p, old, old_bytes < new_bytes ? old_bytes : new_bytes);
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (spare_bytes + b->cap <= SPARE_MAX) {
			b->next = spare;
			spare = b;
			spare_bytes += b->cap;
		} else {
			free(b);
		}
	}
	free(a);
}
