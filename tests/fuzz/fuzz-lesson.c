/*
 * fuzz-lesson.c - any bytes as a lesson file, the way `redflags check`
 * reads one: yaml-tree and the loader (lesson_parse), the checker
 * (lesson_check), the translation comparer (the lesson against itself),
 * and every problem sorted and printed with its source excerpt.  The same
 * bytes are then read as a course file and as a help file, which only
 * load from a path, through a temp file.  Everything is freed, so a leak
 * is reported too.
 */
#include "fuzz.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "course.h"
#include "diag.h"
#include "lesson-check.h"
#include "lesson-compare.h"
#include "lesson-yaml.h"
#include "lesson.h"
#include "resources.h"
#include "util.h"

static FILE *sink;		/* diag_print's output: /dev/null */
static char tmp_path[] = "/tmp/rf-fuzz-lesson-XXXXXX";
static int tmp_fd = -1;

static void
remove_tmp(void)
{
	if (tmp_fd >= 0)
		unlink(tmp_path);
}

static void
setup(void)
{
	if (sink != NULL)
		return;
	fuzz_setup();
	sink = fopen("/dev/null", "w");
	tmp_fd = mkstemp(tmp_path);
	if (sink == NULL || tmp_fd < 0)
		abort();
	atexit(remove_tmp);
}

static void
print_all(struct diag_list *d, const char *src, size_t len)
{
	size_t i;

	diag_sort(d);
	for (i = 0; i < d->count; i++) {
		char *s = diag_format(&d->items[i]);

		free(s);
		diag_print(sink, &d->items[i], src, len);
	}
}

static bool
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/*
 * The head the home screen reads: never a crash, and when the whole file
 * is a good lesson, its head must read without error and say the same.
 * (A file whose head reads fine may still be broken further on.)
 */
static void
as_head(const char *src, size_t len, const struct lesson *whole, bool good)
{
	struct diag_list d;
	struct lesson *h;

	diag_list_init(&d);
	h = lesson_parse_head("fuzz.yaml", src, len, &d);
	print_all(&d, src, len);
	if (good && whole != NULL) {
		/* 'steps:' before the head's keys makes the list read the
		 * file whole instead: not a mismatch. */
		if (h != NULL && diag_count(&d, DIAG_ERROR) == 0 &&
		    (!h->head_only || h->step_count != 0 ||
		    !same(h->id, whole->id) || !same(h->title, whole->title) ||
		    h->topic != whole->topic || !same(h->ages, whole->ages) ||
		    h->minutes != whole->minutes))
			abort();
	}
	lesson_destroy(h);
	diag_list_finish(&d);
}

static void
as_lesson(const char *src, size_t len)
{
	struct diag_list d;
	struct lesson *l;

	diag_list_init(&d);
	l = lesson_parse("fuzz.yaml", src, len, &d);
	if (l != NULL) {
		lesson_check(l, &d);
		lesson_compare(l, l, &d);
	}
	print_all(&d, src, len);
	as_head(src, len, l, diag_count(&d, DIAG_ERROR) == 0);
	lesson_destroy(l);
	diag_list_finish(&d);
}

/* Course and help files are read from a path only. */
static void
as_course_and_help(const char *src, size_t len)
{
	struct diag_list d;
	struct course *c;
	struct help_country *h;

	if (ftruncate(tmp_fd, 0) != 0 ||
	    pwrite(tmp_fd, src, len, 0) != (ssize_t)len)
		abort();
	diag_list_init(&d);
	c = course_load(tmp_path, &d);
	if (c != NULL) {
		size_t m, i;

		(void)course_find(c, "fuzz", &m, &i);
	}
	course_destroy(c);
	h = help_load(tmp_path, &d);
	help_destroy(h);
	print_all(&d, src, len);
	diag_list_finish(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly 'size' bytes, so reading past them is caught
	 * (the loader is given a length, not a NUL-terminated string). */
	char *src = xmalloc(size ? size : 1);

	setup();
	memcpy(src, data, size);
	as_lesson(src, size);
	as_course_and_help(src, size);
	free(src);
	return 0;
}
