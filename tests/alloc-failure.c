/*
 * tests/alloc-failure.c - what the program does when memory runs out
 * while it reads lessons, the course, progress and result records.
 *
 * This program replaces malloc, calloc and realloc for the whole process
 * (libyaml's allocations included), so the n'th allocation can be made to
 * fail.  For each operation it counts the allocations one run makes, then
 * for every n (or every k'th on long runs) forks a child that fails the
 * n'th one.  The child must either finish (a problem reported, nothing
 * leaked: as many blocks live after as before) or stop through fatal()
 * with "redflags: out of memory" and status 2.  A signal, another status,
 * a leak or another message fails the case.  Saving progress must also
 * leave the file on disk either as it was or as the complete new one.
 *
 * Prints TAP.  Skipped under AddressSanitizer, which owns malloc.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "progress.h"
#include "results.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#ifndef UNDER_ASAN
/* The allocator, counted and failable. */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static bool counting;
static long allocs;		/* allocations since counting began */
static long fail_at;		/* fail this one (1-based), 0: none */
static long live;		/* blocks allocated and not freed */

static bool
fails(void)
{
	if (!counting)
		return false;
	return ++allocs == fail_at;
}

void *
malloc(size_t n)
{
	void *p;

	if (fails()) {
		errno = ENOMEM;
		return NULL;
	}
	p = __libc_malloc(n);
	live += p != NULL;
	return p;
}

void *
calloc(size_t a, size_t b)
{
	void *p;

	if (fails()) {
		errno = ENOMEM;
		return NULL;
	}
	p = __libc_calloc(a, b);
	live += p != NULL;
	return p;
}

void *
realloc(void *old, size_t n)
{
	void *p;

	if (old != NULL && n == 0) {
		live--;
		return __libc_realloc(old, 0);
	}
	if (fails()) {
		errno = ENOMEM;
		return NULL;
	}
	p = __libc_realloc(old, n);
	if (old == NULL)
		live += p != NULL;
	return p;
}

void
free(void *p)
{
	if (p != NULL)
		live--;
	__libc_free(p);
}

static char *warm_dir;		/* where the warm-up run saves */
static char *real_dir;		/* where the failing run saves */
static const char *save_dir;	/* the one op_progress uses now */
static int tests_run;
static int tests_failed;

/* The operations.  Each frees all it allocates before it returns. */

static void
op_lesson(void)
{
	struct diag_list d;
	struct lesson *l;

	diag_list_init(&d);
	l = lesson_load("../lessons/en/sextortion-what-to-do.yaml", &d, NULL,
	    NULL);
	if (l != NULL)
		lesson_check(l, &d);
	lesson_destroy(l);
	diag_list_finish(&d);
}

static void
op_catalog(void)
{
	struct catalog c;
	struct catalog_entry *e;
	struct diag_list d;

	catalog_init(&c);
	catalog_add_dir(&c, "../lessons", "--lessons");
	catalog_load(&c, "es");
	e = catalog_find(&c, "grooming-how-it-starts");
	diag_list_init(&d);
	if (e != NULL)
		(void)catalog_open(&c, &e, &d);
	diag_list_finish(&d);
	catalog_finish(&c);
}

static void
op_progress(void)
{
	struct progress p;
	struct progress_entry e;

	progress_open(&p, save_dir);
	memset(&e, 0, sizeof e);
	e.lesson_id = (char *)"alloc-test";
	e.status = PROGRESS_STARTED;
	e.step = 1;
	e.step_count = 3;
	e.max_score = 2;
	e.results = (char *)"r..";
	e.updated = 1700000000;
	progress_set(&p, &e);
	(void)progress_save(&p);
	progress_close(&p);
}

static void
op_result(void)
{
	struct result_record r;
	const char *why;
	char *data;
	size_t len;

	if (read_file("data/results/class/result-2024-06-03-0000000000000001"
	    ".txt", 1 << 20, &data, &len) != 0)
		return;
	if (results_parse(data, len, &r, &why) == 0)
		results_record_finish(&r);
	free(data);
}

struct op {
	const char *name;
	void (*run)(void);
	bool saves;		/* writes the progress file */
};

static const struct op ops[] = {
	{ "reading and checking a lesson", op_lesson, false },
	{ "listing the course and opening a lesson", op_catalog, false },
	{ "reading and saving progress", op_progress, true },
	{ "reading a class result record", op_result, false },
};

static void
ok(bool good, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
ok(bool good, const char *fmt, ...)
{
	va_list ap;

	tests_run++;
	if (!good)
		tests_failed++;
	printf("%s %d - ", good ? "ok" : "not ok", tests_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

#define FIXTURE "data/progress/good-three-lessons.progress"

static void
put_fixture(const char *dir)
{
	char *to = xasprintf("%s/progress", dir), *data;
	size_t len;
	FILE *f;

	if (read_file(FIXTURE, 1 << 20, &data, &len) != 0 ||
	    (f = fopen(to, "w")) == NULL) {
		fprintf(stderr, "cannot set up %s\n", to);
		exit(1);
	}
	fwrite(data, 1, len, f);
	fclose(f);
	free(data);
	free(to);
}

/* The progress file must read back whole: the old one or the new. */
static bool
progress_intact(const char *dir)
{
	struct progress p;
	bool good;

	progress_open(&p, dir);
	good = p.notice == NULL && p.count >= 3 &&
	    progress_get(&p, "online-friends") != NULL;
	progress_close(&p);
	return good;
}

/*
 * Run op in a child failing allocation n (0: none).  Returns the wait
 * status; *leaked is how many blocks more are live after it than before
 * (the child's exit status 4 says so), *msg what it wrote to stderr.
 */
static int
run_case(const struct op *op, long n, long *count, char *msg, size_t cap)
{
	int fds[2], status;
	pid_t pid;
	ssize_t got;
	size_t used = 0;

	if (pipe(fds) != 0)
		exit(1);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		long before;

		close(fds[0]);
		dup2(fds[1], 2);
		/* Warm up lazily made state (stdio, gettext, locale). */
		save_dir = warm_dir;
		op->run();
		save_dir = real_dir;
		before = live;
		allocs = 0;
		fail_at = n;
		counting = true;
		op->run();
		counting = false;
		if (count != NULL) {
			/* Tell the parent how many there were. */
			dprintf(2, "%ld\n", allocs);
		}
		_exit(live == before ? 0 : 4);
	}
	close(fds[1]);
	while (used + 1 < cap &&
	    (got = read(fds[0], msg + used, cap - 1 - used)) > 0)
		used += (size_t)got;
	msg[used] = '\0';
	/* Drain what did not fit. */
	while (read(fds[0], &status, sizeof status) > 0)
		;
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (count != NULL)
		*count = strtol(msg, NULL, 10);
	return status;
}

static void
sweep(const struct op *op)
{
	char msg[4096];
	long count = 0, n, step, cases = 0, bad = 0, stopped = 0;
	int status;

	if (op->saves)
		put_fixture(real_dir);
	status = run_case(op, 0, &count, msg, sizeof msg);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0 && count > 0,
	    "%s: a run with no failure makes %ld allocations and frees "
	    "them all", op->name, count);
	if (count <= 0)
		return;
	step = count > 400 ? (count + 399) / 400 : 1;
	for (n = 1; n <= count; n = n == count ? count + 1 :
	    n + step > count ? count : n + step) {
		const char *what = NULL;

		if (op->saves)
			put_fixture(real_dir);
		status = run_case(op, n, NULL, msg, sizeof msg);
		cases++;
		if (WIFSIGNALED(status))
			what = "killed by a signal";
		else if (WEXITSTATUS(status) == 4)
			what = "leaked";
		else if (WEXITSTATUS(status) == 2 &&
		    strstr(msg, "redflags: out of memory") == NULL)
			what = "stopped without saying it was out of memory";
		else if (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 2)
			what = "stopped with an unexpected status";
		else if (op->saves && !progress_intact(real_dir))
			what = "left the progress file damaged";
		stopped += WIFEXITED(status) && WEXITSTATUS(status) == 2;
		if (what != NULL) {
			if (bad++ < 5)
				printf("# allocation %ld of %ld: %s (status "
				    "%d) %s\n", n, count, what, status, msg);
		}
	}
	printf("# %s: %ld of %ld stopped with 'out of memory', the rest "
	    "went on (a problem reported)\n", op->name, stopped, cases);
	ok(bad == 0, "%s: failing each of %ld allocations (every %ld'th "
	    "of %ld) never crashes, leaks or damages a file (%ld bad)",
	    op->name, cases, step, count, bad);
}
#endif /* UNDER_ASAN */

int
main(void)
{
#ifdef UNDER_ASAN
	puts("1..0 # SKIP AddressSanitizer owns malloc");
	return 0;
#else
	char tmpl[] = "/tmp/rf-alloc-XXXXXX";
	size_t i;
	char *cmd;

	if (mkdtemp(tmpl) == NULL)
		return 1;
	warm_dir = xasprintf("%s/warm", tmpl);
	real_dir = xasprintf("%s/real", tmpl);
	if (mkdir(warm_dir, 0700) != 0 || mkdir(real_dir, 0700) != 0)
		return 1;
	put_fixture(warm_dir);
	printf("1..%zu\n", 2 * RF_ARRAY_LEN(ops));
	for (i = 0; i < RF_ARRAY_LEN(ops); i++)
		sweep(&ops[i]);
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		tests_failed++;
	free(cmd);
	free(warm_dir);
	free(real_dir);
	return tests_failed == 0 ? 0 : 1;
#endif
}
