/*
 * course.h - a course: the modules, their lessons, and the order to take
 * them in (the recommended path), read from course.yaml beside the
 * lessons.  Format: docs/lesson-format.md, "The course file".  No curses.
 */
#ifndef RF_COURSE_H
#define RF_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct course_module {
	char *id;
	char *title;
	char **lessons;		/* lesson ids, in the recommended order */
	size_t lesson_count;
	int line, col;
	int *lesson_lines;	/* where each id is, for check's messages */
	int *lesson_cols;
};

struct course {
	char *file;
	char *id;
	char *title;
	struct course_module *modules;
	size_t module_count;
};

/* Read a course file; NULL with problems in 'diags' when it is unusable. */
struct course *course_load(const char *path, struct diag_list *diags);
void course_destroy(struct course *c);

/* Is this file name a course file ("course.yaml")? */
bool course_is_file(const char *name);

/*
 * Where a lesson sits: *module and *index (0-based), or -1 when the
 * course does not list it.
 */
int course_find(const struct course *c, const char *lesson_id,
    size_t *module, size_t *index);

#endif
