/*
 * catalog.h - finding lessons.  The search path, first to last:
 *   --lessons DIR (each, in the order given), $REDFLAGS_LESSONS (a
 *   colon-separated list), $XDG_DATA_HOME/redflags/lessons, each
 *   $XDG_DATA_DIRS entry + /redflags/lessons, the repository's lessons/
 *   when running from the build tree, and the installed data directory.
 * In each directory the *.yaml files in it and in its language folder
 * ("en/") are read; a course.yaml there is the course (the first one
 * found), which orders the lessons into modules.  When two files have the same lesson id, the first
 * found wins; the others are kept as "shadowed" so `redflags list` can
 * say so.  Only each lesson's head (id, title, topic, ages, minutes) is
 * read for the list; the whole lesson is read and checked when it is
 * opened.  A file whose head has an error is left out (its problems are
 * kept); one with an error further on is listed, and fails to open.
 */
#ifndef RF_CATALOG_H
#define RF_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "diag.h"
#include "lesson.h"

struct catalog_dir {
	char *path;
	const char *origin;	/* "--lessons", "REDFLAGS_LESSONS", "user"... */
};

struct catalog_entry {
	struct lesson *lesson;	/* owned */
	const struct catalog_dir *dir;
	bool shadowed;		/* an earlier file has the same id */
	char lang[8];		/* the folder's language: "es", or "en" */
	int group;		/* catalog_group's key, worked out once */
	long rank;		/* place in the course, for sorting */
};

struct catalog {
	struct catalog_dir *dirs;
	size_t dir_count;
	/* Sorted: by the course's modules and order when there is one
	 * (lessons it does not list come after), then topic, file name. */
	struct catalog_entry *entries;
	size_t count;
	size_t cap;
	struct course *course;	/* the first course.yaml found, or NULL */
	char lang[8];		/* the language asked for: "es", "en" */
	struct diag_list diags;	/* problems met while loading */
	size_t files_failed;	/* files left out because of errors */
	/* Read and check every whole file at catalog_load (tools, tests);
	 * by default only each lesson's head is read, and the rest when
	 * it is opened (catalog_open). */
	bool load_whole;
};

void catalog_init(struct catalog *c);
void catalog_finish(struct catalog *c);

/* Add one directory to the search path (copied).  Duplicates (by real
 * path) are ignored. */
void catalog_add_dir(struct catalog *c, const char *path, const char *origin);

/* Is the program running from its build tree?  Then it also reads the
 * repository's lessons and its built translations. */
bool catalog_in_build_tree(void);

/* Add the standard search path after the --lessons directories. */
void catalog_add_default_dirs(struct catalog *c);

/* The same, unless $REDFLAGS_ONLY_LESSONS is set (to anything but 0):
 * then only --lessons and nothing else is read. */
void catalog_add_search_path(struct catalog *c);

/*
 * Read every lesson in the search path: those in the 'lang' folders
 * first, then English ones (and those directly in a folder) for what is
 * not translated; each entry says which language it is in.
 */
void catalog_load(struct catalog *c, const char *lang);

/* Use this course file instead of the first one found (the lab's
 * settings); call before catalog_load.  Returns 0, or -1 with its
 * problems in c->diags. */
int catalog_use_course(struct catalog *c, const char *path);

/* Add a lesson read elsewhere (an author's preview); the catalogue owns
 * it from now on. */
void catalog_add_lesson(struct catalog *c, struct lesson *l);

/*
 * Make an entry's lesson whole (read and checked) before it is played.
 * Returns 0; or 1 when its file has an error and the lesson it hides
 * (the same id further on the search path: the English original of a
 * translation, the shipped lesson a school's copy replaces) opened
 * instead, *e pointing at it now; or -1.  Errors are added to 'diags'
 * either way.  An entry that fails keeps its head, and can be opened
 * again once its file is fixed.
 */
int catalog_open(struct catalog *c, struct catalog_entry **e,
    struct diag_list *diags);

/* What to tell a student when catalog_open failed: that the file has a
 * mistake, where (its first error in 'd'), and who can see it.  Frees
 * with free(). */
char *catalog_open_problem(const struct catalog_entry *e,
    const struct diag_list *d);

/* The (unshadowed) lesson with this id, or NULL. */
struct catalog_entry *catalog_find(struct catalog *c, const char *id);

/*
 * The folders help files are read from, in search order: beside each
 * lesson folder named "lessons" its sibling "help", else DIR/help.
 * Returns a NULL-terminated list (free with paths_free_list).
 */
char **catalog_help_dirs(const struct catalog *c, size_t *count);

/*
 * The group a lesson is listed in: its course module (numbered, in the
 * course's order), or after them its topic.  Returns a key that changes
 * with the group, and its heading in *title (translated; caller frees).
 */
int catalog_group(const struct catalog *c, const struct lesson *l,
    char **title);

/* Is this lesson shown in English because it has no translation into
 * the language asked for? */
bool catalog_is_fallback(const struct catalog *c, const struct catalog_entry *e);

/* Lessons that are shown (not shadowed). */
size_t catalog_visible(const struct catalog *c);

#endif
