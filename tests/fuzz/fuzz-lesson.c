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
#include "yaml-tree.h"

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

static bool
same_tree(const struct ynode *a, const struct ynode *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->type != b->type || a->line != b->line || a->col != b->col)
		return false;
	if (a->type == YNODE_SCALAR)
		return a->u.scalar.len == b->u.scalar.len &&
		    a->u.scalar.plain == b->u.scalar.plain &&
		    memcmp(a->u.scalar.text, b->u.scalar.text,
		    a->u.scalar.len) == 0;
	if (a->type == YNODE_SEQ) {
		if (a->u.seq.count != b->u.seq.count)
			return false;
		for (i = 0; i < a->u.seq.count; i++)
			if (!same_tree(a->u.seq.items[i], b->u.seq.items[i]))
				return false;
		return true;
	}
	if (a->u.map.count != b->u.map.count)
		return false;
	for (i = 0; i < a->u.map.count; i++)
		if (!same_tree(a->u.map.pairs[i].key, b->u.map.pairs[i].key) ||
		    !same_tree(a->u.map.pairs[i].value,
		    b->u.map.pairs[i].value))
			return false;
	return true;
}

/*
 * The head read the quick way, from the whole text and from starts of
 * it, must be libyaml's head whenever it is sure.
 */
static void
as_quick_head(const char *src, size_t len)
{
	static const char *const keys[] = {
		"id", "title", "topic", "ages", "minutes",
	};
	struct ytree quick, slow, part;
	struct diag_list d;
	size_t hits = ytree_quick_hits, cuts[4], i;
	int rq, rs;

	diag_list_init(&d);
	rq = ytree_parse_head(&quick, "f.yaml", src, len, keys, 5, "steps",
	    &d);
	ytree_quick_head = false;
	rs = ytree_parse_head(&slow, "f.yaml", src, len, keys, 5, "steps",
	    &d);
	ytree_quick_head = true;
	/* When libyaml's head fails (a bad character further on, in what
	 * it has already read), the quick head may be sure all the same:
	 * then the file as a whole must be broken, and it will not open. */
	if (rs != 0) {
		struct ytree whole;

		if (ytree_parse(&whole, "f.yaml", src, len, NULL, &d) == 0) {
			if (whole.root != NULL &&
			    (ytree_quick_hits != hits || rq == 0))
				abort();
			ytree_finish(&whole);
		}
	} else if (ytree_quick_hits != hits &&
	    !same_tree(quick.root, slow.root))
		abort();
	cuts[0] = len / 2;
	cuts[1] = len > 0 ? len - 1 : 0;
	cuts[2] = len > 0 ? (unsigned char)src[0] % (len + 1) : 0;
	cuts[3] = len > 1 ? (unsigned char)src[len - 1] % (len + 1) : 0;
	for (i = 0; i < 4; i++) {
		if (ytree_parse_head_prefix(&part, "f.yaml", src, cuts[i],
		    keys, 5) != 0)
			continue;
		if (rs == 0 && !same_tree(part.root, slow.root))
			abort();
		ytree_finish(&part);
	}
	if (rq == 0)
		ytree_finish(&quick);
	if (rs == 0)
		ytree_finish(&slow);
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
	as_quick_head(src, size);
	as_course_and_help(src, size);
	free(src);
	return 0;
}
