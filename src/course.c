/* course.c - the course file: modules and the recommended path. */
#include "course.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "yaml-schema.h"
#include "yaml-tree.h"

bool
course_is_file(const char *name)
{
	return strcmp(name, "course.yaml") == 0;
}

/* lessons: [a, b, c] - ids, each at its place for check's messages. */
static void
parse_lessons(struct schema *sc, const struct ynode *n, void *obj)
{
	struct course_module *m = obj;
	size_t i;

	if (n->type != YNODE_SEQ) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'lessons' should be a list of lesson ids, such as "
		    "[grooming-how-it-starts, grooming-red-flags-in-chats]"));
		return;
	}
	m->lessons = xcalloc(n->u.seq.count + 1, sizeof *m->lessons);
	m->lesson_lines = xcalloc(n->u.seq.count + 1, sizeof(int));
	m->lesson_cols = xcalloc(n->u.seq.count + 1, sizeof(int));
	for (i = 0; i < n->u.seq.count; i++) {
		char *id = schema_id(sc, n->u.seq.items[i], "lessons");

		if (id == NULL)
			continue;
		m->lesson_lines[m->lesson_count] = n->u.seq.items[i]->line;
		m->lesson_cols[m->lesson_count] = n->u.seq.items[i]->col;
		m->lessons[m->lesson_count++] = id;
	}
}

static const struct schema_field module_fields[] = {
	{ "id", SF_ID, true, offsetof(struct course_module, id), 0, 0, 0,
	    NULL, N_("a short name such as 'grooming'") },
	{ "title", SF_LINE, true, offsetof(struct course_module, title), 0, 0,
	    0, NULL, N_("the module's title, as students see it") },
	{ "lessons", SF_CUSTOM, true, 0, 0, 0, 0, parse_lessons,
	    N_("a list of lesson ids, in the order to take them") },
};

static void
parse_modules(struct schema *sc, const struct ynode *n, void *obj)
{
	struct course *c = obj;

	c->modules = schema_list(sc, n, "modules", 32, sizeof *c->modules,
	    module_fields, RF_ARRAY_LEN(module_fields),
	    offsetof(struct course_module, line), N_("a module"),
	    &c->module_count);
}

static const struct schema_field course_fields[] = {
	{ "course", SF_ID, true, offsetof(struct course, id), 0, 0, 0, NULL,
	    N_("the course's id, such as 'redflags'") },
	{ "title", SF_LINE, true, offsetof(struct course, title), 0, 0, 0,
	    NULL, N_("the course's title") },
	{ "modules", SF_CUSTOM, true, 0, 0, 0, 0, parse_modules,
	    N_("a list of '- id: ...' modules") },
};

void
course_destroy(struct course *c)
{
	size_t i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->module_count; i++) {
		struct course_module *m = &c->modules[i];

		for (j = 0; j < m->lesson_count; j++)
			free(m->lessons[j]);
		free(m->lessons);
		free(m->lesson_lines);
		free(m->lesson_cols);
		free(m->id);
		free(m->title);
	}
	free(c->modules);
	free(c->file);
	free(c->id);
	free(c->title);
	free(c);
}

/* A lesson id where the course lists it, for finding repeats. */
struct listed {
	const char *id;
	size_t module, index, order;
};

static int
cmp_listed(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return (x->order > y->order) - (x->order < y->order);
}

/* The same lesson twice is an author's slip: say where. */
static void
check_course(struct schema *sc, const struct course *c)
{
	struct listed *all;
	size_t a, i, n = 0, k;

	for (a = 0; a < c->module_count; a++)
		n += c->modules[a].lesson_count;
	all = xcalloc(n + 1, sizeof *all);
	for (a = 0, k = 0; a < c->module_count; a++) {
		for (i = 0; i < c->modules[a].lesson_count; i++, k++) {
			all[k].id = c->modules[a].lessons[i];
			all[k].module = a;
			all[k].index = i;
			all[k].order = k;
		}
	}
	/* By id, then in the file's order: each repeat follows its first. */
	qsort(all, n, sizeof *all, cmp_listed);
	for (k = 1; k < n; k++) {
		size_t first = k;
		const struct course_module *m, *o;

		while (first > 0 && strcmp(all[first - 1].id, all[k].id) == 0)
			first--;
		if (first == k)
			continue;
		m = &c->modules[all[k].module];
		o = &c->modules[all[first].module];
		diag_add(sc->diags, DIAG_ERROR, DIAG_DUPLICATE_ID, sc->file,
		    m->lesson_lines[all[k].index], m->lesson_cols[all[k].index],
		    _("the lesson '%s' is already in the course at line %d; "
		    "list each lesson once"), all[k].id,
		    o->lesson_lines[all[first].index]);
	}
	free(all);
}

struct course *
course_load(const char *path, struct diag_list *diags)
{
	struct schema sc = { path, diags };
	size_t errors = diag_count(diags, DIAG_ERROR);
	struct course *c = xcalloc(1, sizeof *c);

	c->file = xstrdup(path);
	schema_load_file(path, ytree_default_limits.max_bytes, course_fields,
	    RF_ARRAY_LEN(course_fields), c, N_("the course"),
	    _("the file is empty; a course file starts with 'course:', "
	    "'title:' and 'modules:'"), diags);
	/* What could be read is checked too: every problem at once. */
	check_course(&sc, c);
	if (diag_count(diags, DIAG_ERROR) > errors) {
		course_destroy(c);
		return NULL;
	}
	return c;
}

int
course_find(const struct course *c, const char *lesson_id, size_t *module,
    size_t *index)
{
	size_t i, j;

	for (i = 0; c != NULL && i < c->module_count; i++) {
		for (j = 0; j < c->modules[i].lesson_count; j++) {
			if (strcmp(c->modules[i].lessons[j], lesson_id) == 0) {
				*module = i;
				*index = j;
				return 0;
			}
		}
	}
	return -1;
}
