/* catalog.c - finding and loading every lesson on the search path. */
#include "catalog.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "paths.h"
#include "util.h"

/* A lesson's place in the course (catalog_entry.rank): module * 1000 +
 * index, or this when the course does not list it. */
#define NOT_IN_COURSE 1000000L

/* The language of the folder being read (catalog_load's passes). */
static const char *loading_lang = "en";

void
catalog_init(struct catalog *c)
{
	memset(c, 0, sizeof *c);
	diag_list_init(&c->diags);
}

void
catalog_finish(struct catalog *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->count; i++)
		lesson_destroy(c->entries[i].lesson);
	free(c->entries);
	course_destroy(c->course);
	for (i = 0; i < c->dir_count; i++)
		free(c->dirs[i].path);
	free(c->dirs);
	diag_list_finish(&c->diags);
	memset(c, 0, sizeof *c);
}

static bool
same_dir(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	if (strcmp(a, b) == 0)
		return true;
	if (realpath(a, ra) == NULL || realpath(b, rb) == NULL)
		return false;
	return strcmp(ra, rb) == 0;
}

void
catalog_add_dir(struct catalog *c, const char *path, const char *origin)
{
	size_t i;

	if (path == NULL || *path == '\0')
		return;
	for (i = 0; i < c->dir_count; i++) {
		if (same_dir(c->dirs[i].path, path))
			return;
	}
	c->dirs = xreallocarray(c->dirs, c->dir_count + 1, sizeof *c->dirs);
	c->dirs[c->dir_count].path = xstrdup(path);
	c->dirs[c->dir_count].origin = origin;
	c->dir_count++;
}

bool
catalog_in_build_tree(void)
{
	char exe[PATH_MAX], root[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return false;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return false;
	*slash = '\0';
	if (realpath(BUILD_ROOT, root) == NULL)
		return false;
	/* The program sits in the build root; tests sit below it. */
	n = (ssize_t)strlen(root);
	return strncmp(exe, root, (size_t)n) == 0 &&
	    (exe[n] == '\0' || exe[n] == '/');
}

void
catalog_add_default_dirs(struct catalog *c)
{
	const char *env = getenv("REDFLAGS_LESSONS");
	char *home, *p, **dirs;
	size_t i;

	if (env != NULL && *env != '\0') {
		char *copy = xstrdup(env), *save = NULL, *tok;

		for (tok = strtok_r(copy, ":", &save); tok != NULL;
		    tok = strtok_r(NULL, ":", &save))
			catalog_add_dir(c, tok, "REDFLAGS_LESSONS");
		free(copy);
	}
	home = paths_data_home();
	if (home != NULL) {
		p = paths_join(home, "redflags/lessons");
		catalog_add_dir(c, p, "user");
		free(p);
		free(home);
	}
	dirs = paths_data_dirs(NULL);
	for (i = 0; dirs != NULL && dirs[i] != NULL; i++) {
		p = paths_join(dirs[i], "redflags/lessons");
		catalog_add_dir(c, p, "system");
		free(p);
	}
	paths_free_list(dirs);
	if (catalog_in_build_tree())
		catalog_add_dir(c, SOURCE_ROOT "/lessons", "build tree");
	catalog_add_dir(c, PKGDATADIR "/lessons", "installed");
}

void
catalog_add_search_path(struct catalog *c)
{
	const char *only = getenv("REDFLAGS_ONLY_LESSONS");

	/* A class (or a test) that wants exactly its own folders. */
	if (only != NULL && *only != '\0' && strcmp(only, "0") != 0)
		return;
	catalog_add_default_dirs(c);
}

static void
add_entry(struct catalog *c, struct lesson *l, const struct catalog_dir *d)
{
	struct catalog_entry *e;

	if (c->count == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->entries = xreallocarray(c->entries, c->cap,
		    sizeof *c->entries);
	}
	e = &c->entries[c->count++];
	e->lesson = l;
	e->dir = d;
	snprintf(e->lang, sizeof e->lang, "%s", loading_lang);
	e->shadowed = false;
	e->rank = NOT_IN_COURSE;
	e->group = 1000 + (int)l->topic;
}

static void
keep_diags(struct diag_list *to, const struct diag_list *from)
{
	size_t k;

	for (k = 0; k < from->count; k++) {
		const struct diag *x = &from->items[k];

		diag_add(to, x->severity, x->code, x->file, x->line, x->col,
		    "%s", x->message);
	}
}

/* The whole lesson, checked; NULL (with its problems) when it has an
 * error. */
static struct lesson *
load_whole(const char *file, struct diag_list *diags)
{
	struct lesson *l = lesson_load(file, diags, NULL, NULL);

	if (l != NULL)
		lesson_check(l, diags);
	if (l != NULL && diag_count(diags, DIAG_ERROR) > 0) {
		lesson_destroy(l);
		l = NULL;
	}
	return l;
}

/* Load one file's head (the whole lesson is read when it is opened).
 * When the head has a problem, read the whole file for every problem in
 * it, and leave it out. */
static void
load_file(struct catalog *c, const struct catalog_dir *d, const char *file)
{
	struct diag_list local;
	struct lesson *l;

	diag_list_init(&local);
	l = c->load_whole ? NULL : lesson_load_head(file, &local);
	if (l == NULL || diag_count(&local, DIAG_ERROR) > 0) {
		lesson_destroy(l);
		diag_list_finish(&local);
		diag_list_init(&local);
		l = load_whole(file, &local);
	}
	if (l == NULL)
		c->files_failed++;
	else
		add_entry(c, l, d);
	keep_diags(&c->diags, &local);
	diag_list_finish(&local);
}

/* Read an entry's whole lesson in place of its head. */
static int
make_whole(struct catalog_entry *e, struct diag_list *diags)
{
	struct lesson *l;

	if (!e->lesson->head_only)
		return 0;
	l = load_whole(e->lesson->file, diags);
	if (l == NULL)
		return -1;
	if (strcmp(l->id, e->lesson->id) != 0) {
		/* Edited since the list was read: the id is what progress
		 * is kept under, so keep the one the list showed. */
		diag_add(diags, DIAG_ERROR, DIAG_BAD_VALUE, l->file,
		    l->mark_id.line, l->mark_id.col, _("the lesson's id "
		    "changed from '%s' to '%s' while redflags was running; "
		    "start it again"), e->lesson->id, l->id);
		lesson_destroy(l);
		return -1;
	}
	lesson_destroy(e->lesson);
	e->lesson = l;
	return 0;
}

int
catalog_open(struct catalog *c, struct catalog_entry **ep,
    struct diag_list *diags)
{
	struct catalog_entry *e = *ep;
	size_t i;

	if (make_whole(e, diags) == 0)
		return 0;
	/* A broken translation or copy: the lesson it hides (the English
	 * one, the shipped one) is played instead, as if the broken file
	 * had been left out. */
	for (i = 0; i < c->count; i++) {
		struct catalog_entry *f = &c->entries[i];
		struct diag_list other;
		int rc;

		if (f == e || !f->shadowed ||
		    strcmp(f->lesson->id, e->lesson->id) != 0)
			continue;
		diag_list_init(&other);
		rc = make_whole(f, &other);
		diag_list_finish(&other);
		if (rc == 0) {
			e->shadowed = true;
			f->shadowed = false;
			*ep = f;
			return 1;
		}
	}
	return -1;
}

char *
catalog_open_problem(const struct catalog_entry *e, const struct diag_list *d)
{
	const struct diag *first = diag_first(d, DIAG_ERROR);
	char *why = first != NULL ? diag_format(first) :
	    xstrdup(e->lesson->file);
	char *msg = xasprintf(_("This lesson could not be opened because its "
	    "file has a mistake. A teacher can run 'redflags check' to see "
	    "it: %s"), why);

	free(why);
	return msg;
}

static void
load_folder(struct catalog *c, const struct catalog_dir *d, const char *path)
{
	size_t n, i;
	/* Regular *.yaml files: the course file, and lessons. */
	char **names = paths_list_files(path, ".yaml", &n);

	for (i = 0; i < n; i++) {
		char *file;

		if (course_is_file(names[i]) && c->course != NULL)
			continue;	/* the first course file found counts */
		file = paths_join(path, names[i]);
		if (course_is_file(names[i]))
			c->course = course_load(file, &c->diags);
		else
			load_file(c, d, file);
		free(file);
	}
	paths_free_list(names);
}

/* The course's lesson ids, sorted, to find each lesson's place in
 * O(log n) rather than walk the course for every lesson. */
struct placed {
	const char *id;
	long rank;
};

static int
cmp_placed(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	/* An id listed twice (check says so): the first place first. */
	return (x->rank > y->rank) - (x->rank < y->rank);
}

static int
cmp_placed_id(const void *key, const void *b)
{
	return strcmp(key, ((const struct placed *)b)->id);
}

static struct placed *
course_index(const struct course *course, size_t *n)
{
	struct placed *p;
	size_t m, i, k = 0, total = 0;

	*n = 0;
	if (course == NULL)
		return NULL;
	for (m = 0; m < course->module_count; m++)
		total += course->modules[m].lesson_count;
	p = xcalloc(total + 1, sizeof *p);
	for (m = 0; m < course->module_count; m++) {
		for (i = 0; i < course->modules[m].lesson_count; i++) {
			p[k].id = course->modules[m].lessons[i];
			p[k].rank = (long)m * 1000 + (long)i;
			k++;
		}
	}
	qsort(p, k, sizeof *p, cmp_placed);
	*n = k;
	return p;
}

static long
course_rank(const struct placed *p, size_t n, const char *id)
{
	const struct placed *hit;

	if (n == 0)
		return NOT_IN_COURSE;
	hit = bsearch(id, p, n, sizeof *p, cmp_placed_id);
	if (hit == NULL)
		return NOT_IN_COURSE;
	while (hit > p && strcmp(hit[-1].id, id) == 0)
		hit--;			/* the first place it is listed */
	return hit->rank;
}

static int
group_of(long rank, const struct lesson *l)
{
	return rank < NOT_IN_COURSE ? (int)(rank / 1000) :
	    1000 + (int)l->topic;
}

/* Each entry's place in the course and its group, from the course read. */
static void
place_entries(struct catalog *c)
{
	size_t n, i;
	struct placed *p = course_index(c->course, &n);

	for (i = 0; i < c->count; i++) {
		struct catalog_entry *e = &c->entries[i];

		e->rank = course_rank(p, n, e->lesson->id);
		e->group = group_of(e->rank, e->lesson);
	}
	free(p);
}

static int
cmp_entries(const void *a, const void *b)
{
	const struct catalog_entry *x = a, *y = b;
	const char *fx, *fy;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->lesson->topic != y->lesson->topic)
		return x->lesson->topic < y->lesson->topic ? -1 : 1;
	fx = strrchr(x->lesson->file, '/');
	fy = strrchr(y->lesson->file, '/');
	c = strcmp(fx ? fx + 1 : x->lesson->file,
	    fy ? fy + 1 : y->lesson->file);
	if (c != 0)
		return c;
	/* The same file name in two folders: search order decides. */
	return (x->dir > y->dir) - (x->dir < y->dir);
}

/* Entries in the order they were read, by id: the first read of each id
 * is shown, the others are shadowed. */
static int
cmp_by_id(const void *a, const void *b)
{
	const struct catalog_entry *const *x = a, *const *y = b;
	int c = strcmp((*x)->lesson->id, (*y)->lesson->id);

	if (c != 0)
		return c;
	return (*x > *y) - (*x < *y);
}

static void
mark_shadowed(struct catalog *c)
{
	struct catalog_entry **by = xcalloc(c->count + 1, sizeof *by);
	size_t i;

	for (i = 0; i < c->count; i++)
		by[i] = &c->entries[i];
	qsort(by, c->count, sizeof *by, cmp_by_id);
	for (i = 0; i < c->count; i++)
		by[i]->shadowed = i > 0 &&
		    strcmp(by[i - 1]->lesson->id, by[i]->lesson->id) == 0;
	free(by);
}

void
catalog_load(struct catalog *c, const char *lang)
{
	size_t i;

	/* The student's language first, in every folder; then English,
	 * which fills in what is not translated (the same lesson id in
	 * English is shadowed by its translation). */
	snprintf(c->lang, sizeof c->lang, "%s", lang ? lang : "en");
	if (lang != NULL && strcmp(lang, "en") != 0) {
		loading_lang = lang;
		for (i = 0; i < c->dir_count; i++) {
			char *sub = paths_join(c->dirs[i].path, lang);

			load_folder(c, &c->dirs[i], sub);
			free(sub);
		}
	}
	loading_lang = "en";
	for (i = 0; i < c->dir_count; i++) {
		char *sub = paths_join(c->dirs[i].path, "en");

		load_folder(c, &c->dirs[i], c->dirs[i].path);
		load_folder(c, &c->dirs[i], sub);
		free(sub);
	}
	/* Shadowing is decided in search order (the order read); then the
	 * order for display: the course, topic, file name, then search
	 * order, so no two entries tie. */
	mark_shadowed(c);
	place_entries(c);
	if (c->count > 1)
		qsort(c->entries, c->count, sizeof *c->entries,
		    cmp_entries);
}

struct catalog_entry *
catalog_find(struct catalog *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->count; i++) {
		if (!c->entries[i].shadowed &&
		    strcmp(c->entries[i].lesson->id, id) == 0)
			return &c->entries[i];
	}
	return NULL;
}

size_t
catalog_visible(const struct catalog *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->count; i++)
		n += !c->entries[i].shadowed;
	return n;
}

char **
catalog_help_dirs(const struct catalog *c, size_t *count)
{
	char **dirs = xcalloc(c->dir_count + 1, sizeof *dirs);
	size_t i, n = 0;

	for (i = 0; i < c->dir_count; i++) {
		const char *p = c->dirs[i].path;
		size_t len = strlen(p);

		while (len > 1 && p[len - 1] == '/')
			len--;
		if (len >= 7 && strncmp(p + len - 7, "lessons", 7) == 0 &&
		    (len == 7 || p[len - 8] == '/'))
			dirs[n++] = xasprintf("%.*shelp", (int)(len - 7), p);
		else
			dirs[n++] = xasprintf("%.*s/help", (int)len, p);
	}
	dirs[n] = NULL;
	if (count != NULL)
		*count = n;
	return dirs;
}

int
catalog_group(const struct catalog *c, const struct lesson *l, char **title)
{
	const struct course *course = c->course;
	size_t m, i;

	if (course_find(course, l->id, &m, &i) == 0) {
		*title = xasprintf("%zu  %s", m + 1, course->modules[m].title);
		return (int)m;
	}
	if (course != NULL)
		*title = xasprintf(_("More lessons: %s"),
		    lesson_topic_name(l->topic));
	else
		*title = xstrdup(lesson_topic_name(l->topic));
	return 1000 + (int)l->topic;
}

bool
catalog_is_fallback(const struct catalog *c, const struct catalog_entry *e)
{
	return c->lang[0] != '\0' && strcmp(e->lang, c->lang) != 0;
}

void
catalog_add_lesson(struct catalog *c, struct lesson *l)
{
	struct catalog_entry *e;

	add_entry(c, l, NULL);
	e = &c->entries[c->count - 1];
	e->shadowed = catalog_find(c, l->id) != e;
	place_entries(c);
}

int
catalog_use_course(struct catalog *c, const char *path)
{
	struct course *course = course_load(path, &c->diags);

	if (course == NULL)
		return -1;
	course_destroy(c->course);
	c->course = course;
	return 0;
}
