/* cmd-check.c - `redflags check`. */
#include "cmd-check.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "i18n.h"
#include "lesson-check.h"
#include "lesson-compare.h"
#include "lesson-yaml.h"
#include "paths.h"
#include "course.h"
#include "yaml-schema.h"
#include "resources.h"
#include "settings.h"
#include "text.h"
#include "util.h"

struct seen_id {
	char *id;
	char *file;
	int line;
	char lang[8];		/* translations share their source's id */
};

/* A lesson file as read for its checks, kept for the translation
 * comparisons, so no file is parsed twice. */
struct loaded {
	struct lesson *lesson;		/* may be NULL, or partial */
	char *text;
	size_t len;
	bool compared;			/* a translation, compared already */
	size_t waiting;			/* English: translations not compared */
};

struct checker {
	FILE *err;
	bool json;
	struct diag_list all;		/* --format json: every problem */
	size_t files, errors, warnings;
	struct seen_id *ids;
	size_t id_count;
	struct course **courses;	/* checked against the lessons last */
	size_t course_count;
	char **lessons;			/* every lesson file checked */
	struct loaded *loaded;		/* parallel: each as read, once */
	size_t lesson_count;
};

static void
report(struct checker *ck, struct diag_list *d, const char *src, size_t len)
{
	size_t i;

	diag_sort(d);
	for (i = 0; i < d->count; i++) {
		const struct diag *x = &d->items[i];

		if (ck->json)
			diag_add(&ck->all, x->severity, x->code, x->file,
			    x->line, x->col, "%s", x->message);
		else
			diag_print(ck->err, x, src, len);
	}
	ck->errors += diag_count(d, DIAG_ERROR);
	ck->warnings += diag_count(d, DIAG_WARNING);
}

/*
 * Help files start with 'country:', lessons with 'id:': the first of the
 * two in the file decides.  A file with neither (an empty one, a broken
 * one) is a help file when it sits in a "help" folder (help/en/gb.yaml,
 * help/school.yaml), else a lesson.  'data' is the file's text, or NULL
 * when it could not be read.
 */
static bool
is_help_file(const char *path, const char *data)
{
	const char *end = strrchr(path, '/'), *p, *line;
	int up;

	for (line = data; line != NULL && *line != '\0';) {
		if (strncmp(line, "country:", 8) == 0 ||
		    strncmp(line, "id:", 3) == 0)
			return line[0] == 'c';
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	/* Its own folder, or the one above (help/<lang>/x.yaml). */
	for (up = 0; end != NULL && end > path && up < 2; up++) {
		for (p = end - 1; p > path && p[-1] != '/'; p--)
			;
		if (end - p == 4 && strncmp(p, "help", 4) == 0)
			return true;
		end = p > path ? p - 1 : NULL;
	}
	return false;
}

static char *
source_of(const char *path, char lang[8])
{
	const char *base = strrchr(path, '/'), *dir;
	size_t dlen;
	struct stat st;
	char *src;

	if (base == NULL || base == path)
		return NULL;
	for (dir = base - 1; dir > path && dir[-1] != '/'; dir--)
		;
	dlen = (size_t)(base - dir);
	if (dlen < 2 || dlen > 3 || strncmp(dir, "en", dlen) == 0)
		return NULL;
	for (size_t k = 0; k < dlen; k++) {
		if (dir[k] < 'a' || dir[k] > 'z')
			return NULL;	/* language folders are es, fr... */
	}
	memcpy(lang, dir, dlen);
	lang[dlen] = '\0';
	src = xasprintf("%.*sen%s", (int)(dir - path), path, base);
	if (stat(src, &st) != 0) {
		free(src);
		return NULL;
	}
	return src;
}

static void
check_help_file(struct checker *ck, const char *path)
{
	struct diag_list d;
	struct help_country *h;
	char *src = NULL;
	size_t len = 0;

	ck->files++;
	diag_list_init(&d);
	if (read_file(path, 1 << 20, &src, &len) != 0)
		src = NULL;
	h = help_load(path, &d);
	report(ck, &d, src, len);
	diag_list_finish(&d);
	help_destroy(h);
	free(src);
}

static void
check_course_file(struct checker *ck, const char *path)
{
	struct diag_list d;
	struct course *c;
	char *src = NULL;
	size_t len = 0;

	ck->files++;
	diag_list_init(&d);
	if (read_file(path, 1 << 20, &src, &len) != 0)
		src = NULL;
	c = course_load(path, &d);
	report(ck, &d, src, len);
	diag_list_finish(&d);
	free(src);
	if (c != NULL) {
		ck->courses = xreallocarray(ck->courses, ck->course_count + 1,
		    sizeof *ck->courses);
		ck->courses[ck->course_count++] = c;
	}
}

/* Every lesson a course lists must be one of the lessons checked. */
static void
check_course_lessons(struct checker *ck, const struct course *c)
{
	const char *ids[512];
	struct diag_list d;
	size_t i, j, k, n = 0;
	char *src = NULL;
	size_t len = 0;

	for (k = 0; k < ck->id_count && n < RF_ARRAY_LEN(ids); k++)
		ids[n++] = ck->ids[k].id;
	diag_list_init(&d);
	for (i = 0; i < c->module_count; i++) {
		const struct course_module *m = &c->modules[i];

		for (j = 0; j < m->lesson_count; j++) {
			const char *guess;

			for (k = 0; k < ck->id_count; k++) {
				if (strcmp(ck->ids[k].id, m->lessons[j]) == 0)
					break;
			}
			if (k < ck->id_count)
				continue;
			guess = schema_closest(m->lessons[j], ids, n);
			if (guess != NULL)
				diag_add(&d, DIAG_ERROR, DIAG_BAD_VALUE,
				    c->file, m->lesson_lines[j],
				    m->lesson_cols[j], _("the course lists "
				    "'%s', but no lesson checked has that id "
				    "(did you mean '%s'?)"), m->lessons[j],
				    guess);
			else
				diag_add(&d, DIAG_ERROR, DIAG_BAD_VALUE,
				    c->file, m->lesson_lines[j],
				    m->lesson_cols[j], _("the course lists "
				    "'%s', but no lesson checked has that id; "
				    "check the id, or check its file too"),
				    m->lessons[j]);
		}
	}
	if (d.count > 0 && read_file(c->file, 1 << 20, &src, &len) != 0)
		src = NULL;
	report(ck, &d, src, len);
	diag_list_finish(&d);
	free(src);
}

/*
 * A lesson in a language folder (lessons/es/x.yaml) is a translation of
 * the English file of the same name (lessons/en/x.yaml).  Returns that
 * path and the language, or NULL.
 */
/* Where 'path' is among the first n lesson files checked; n if not. */
static size_t
checked_index(const struct checker *ck, const char *path, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++) {
		if (strcmp(ck->lessons[j], path) == 0)
			break;
	}
	return j;
}

static void
compare_translation(struct checker *ck, size_t i, const char *src)
{
	struct diag_list d, ignored;
	struct lesson *a = NULL, *fresh = NULL;
	const struct loaded *b = &ck->loaded[i];
	size_t j;

	diag_list_init(&d);
	diag_list_init(&ignored);
	j = checked_index(ck, src, ck->lesson_count);
	if (j < ck->lesson_count && ck->loaded[j].lesson != NULL)
		a = ck->loaded[j].lesson;
	else if (j == ck->lesson_count)
		a = fresh = lesson_load(src, &ignored, NULL, NULL);
	/* (A source that was checked and could not be read has said so.) */
	if (a != NULL && b->lesson != NULL)
		lesson_compare(a, b->lesson, &d);
	report(ck, &d, b->text, b->len);
	/* The source is kept only while translations still need it. */
	if (j < ck->lesson_count && ck->loaded[j].waiting > 0 &&
	    --ck->loaded[j].waiting == 0) {
		lesson_destroy(ck->loaded[j].lesson);
		ck->loaded[j].lesson = NULL;
	}
	lesson_destroy(fresh);
	diag_list_finish(&d);
	diag_list_finish(&ignored);
}

/*
 * Compare each translation with its source, and say per language how
 * much of the English is translated, and what is missing.
 */
static void
check_translations(struct checker *ck)
{
	size_t i, j;

	for (i = 0; i < ck->lesson_count; i++) {
		char lang[8], *src;

		if (ck->loaded[i].compared)
			continue;
		src = source_of(ck->lessons[i], lang);
		if (src != NULL)
			compare_translation(ck, i, src);
		free(src);
	}
	for (i = 0; i < ck->lesson_count; i++) {
		char lang[8], *src = source_of(ck->lessons[i], lang);
		const char *base = strrchr(ck->lessons[i], '/');
		size_t english = 0, done = 0, k;
		char *endir, **names;
		bool first = true;

		if (src == NULL)
			continue;
		/* Once per language folder: the first lesson checked in it. */
		for (j = 0; j < i && first; j++) {
			char l2[8], *s2 = source_of(ck->lessons[j], l2);
			const char *b2 = strrchr(ck->lessons[j], '/');

			if (s2 != NULL && b2 - ck->lessons[j] == base -
			    ck->lessons[i] && strncmp(ck->lessons[j],
			    ck->lessons[i], (size_t)(base - ck->lessons[i])) == 0)
				first = false;
			free(s2);
		}
		endir = xstrndup(src, (size_t)(strrchr(src, '/') - src));
		free(src);
		if (!first) {
			free(endir);
			continue;
		}
		names = paths_list_dir(endir, &k);
		for (j = 0; j < k; j++) {
			size_t nl = strlen(names[j]);
			char *tr;
			struct stat st;

			if (nl < 6 || strcmp(names[j] + nl - 5, ".yaml") != 0 ||
			    course_is_file(names[j]))
				continue;
			english++;
			tr = xasprintf("%.*s/%s", (int)(base - ck->lessons[i]),
			    ck->lessons[i], names[j]);
			if (stat(tr, &st) == 0)
				done++;
			else {
				char *safe = text_sanitize(names[j],
				    strlen(names[j]), 0);

				fprintf(ck->err, _("%s: not translated yet: "
				    "%s\n"), lang, safe);
				free(safe);
			}
			free(tr);
		}
		paths_free_list(names);
		free(endir);
		fprintf(ck->err, _("%s: %zu of %zu lessons translated (%zu%%)\n"),
		    lang, done, english, english ? done * 100 / english : 0);
	}
}

/* How many translations this English lesson (DIR/en/NAME) has: the
 * DIR/xx/NAME files.  It is kept for the comparisons until they are
 * done. */
static size_t
translation_count(const char *path)
{
	const char *base = strrchr(path, '/'), *dir;
	char *parent, **names;
	size_t n, i, found = 0;

	if (base == NULL || base == path)
		return 0;
	for (dir = base - 1; dir > path && dir[-1] != '/'; dir--)
		;
	if (base - dir != 2 || strncmp(dir, "en", 2) != 0)
		return 0;
	parent = xstrndup(path, dir > path ? (size_t)(dir - path - 1) : 0);
	names = paths_list_dir(*parent ? parent : ".", &n);
	for (i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		struct stat st;
		char *tr;

		if (len < 2 || len > 3 || strcmp(names[i], "en") == 0)
			continue;
		tr = xasprintf("%s/%s%s", *parent ? parent : ".", names[i], base);
		found += stat(tr, &st) == 0;
		free(tr);
	}
	paths_free_list(names);
	free(parent);
	return found;
}

/*
 * Translations are compared with their English source as soon as both
 * are read (English first: "en" sorts before most language folders), so
 * neither is kept longer than it is needed: an English lesson until its
 * translations are compared, without its text; a translation, with its
 * text for the messages about it, only until its source is read
 * (check_translations does the rest).  'source' is the English file of
 * this translation, or NULL for an English lesson.
 */
static void
keep_for_translations(struct checker *ck, const char *path,
    const char *source)
{
	size_t me = ck->lesson_count - 1;
	struct loaded *kept = &ck->loaded[me];

	if (source == NULL) {
		free(kept->text);
		kept->text = NULL;
		kept->len = 0;
		kept->waiting = translation_count(path);
		if (kept->waiting == 0) {
			lesson_destroy(kept->lesson);
			kept->lesson = NULL;
		}
	} else if (checked_index(ck, source, me) < me) {
		compare_translation(ck, me, source);
		kept->compared = true;
		lesson_destroy(kept->lesson);
		free(kept->text);
		kept->lesson = NULL;
		kept->text = NULL;
		kept->len = 0;
	}
}

static void
check_file(struct checker *ck, const char *path)
{
	const char *base = strrchr(path, '/');

	if (course_is_file(base ? base + 1 : path)) {
		check_course_file(ck, path);
		return;
	}
	struct diag_list d;
	struct lesson *l;
	char *src = NULL, lang[8] = "en", *source;
	size_t len = 0, i;

	/* Read once: the text tells a help file from a lesson, and is the
	 * lesson's source for the messages. */
	diag_list_init(&d);
	bool read = lesson_read_file(path, &d, &src, &len);

	if (is_help_file(path, src)) {
		diag_list_finish(&d);
		free(src);
		check_help_file(ck, path);
		return;
	}
	ck->files++;
	l = read ? lesson_parse(path, src, len, &d) : NULL;
	ck->lessons = xreallocarray(ck->lessons, ck->lesson_count + 1,
	    sizeof *ck->lessons);
	ck->loaded = xreallocarray(ck->loaded, ck->lesson_count + 1,
	    sizeof *ck->loaded);
	ck->lessons[ck->lesson_count] = xstrdup(path);
	ck->loaded[ck->lesson_count].lesson = l;
	ck->loaded[ck->lesson_count].text = src;
	ck->loaded[ck->lesson_count].len = len;
	ck->loaded[ck->lesson_count].compared = false;
	ck->loaded[ck->lesson_count].waiting = 0;
	ck->lesson_count++;
	source = source_of(path, lang);
	if (l != NULL) {
		lesson_check(l, &d);
		if (l->id != NULL) {
			for (i = 0; i < ck->id_count; i++) {
				if (strcmp(ck->ids[i].id, l->id) == 0 &&
				    strcmp(ck->ids[i].lang, lang) == 0) {
					diag_add(&d, DIAG_ERROR,
					    DIAG_DUPLICATE_ID, path,
					    l->mark_id.line, l->mark_id.col,
					    _("the lesson id '%s' is already "
					    "used by %s:%d; every lesson needs "
					    "its own id"), l->id,
					    ck->ids[i].file, ck->ids[i].line);
					break;
				}
			}
			if (i == ck->id_count) {
				ck->ids = xreallocarray(ck->ids,
				    ck->id_count + 1, sizeof *ck->ids);
				ck->ids[ck->id_count].id = xstrdup(l->id);
				ck->ids[ck->id_count].file = xstrdup(path);
				ck->ids[ck->id_count].line = l->mark_id.line;
				memcpy(ck->ids[ck->id_count].lang, lang,
				    sizeof lang);
				ck->id_count++;
			}
		}
	}
	report(ck, &d, src, len);
	diag_list_finish(&d);
	keep_for_translations(ck, path, source);
	free(source);
}

static void
check_dir(struct checker *ck, const char *dir, int depth)
{
	size_t n, i;
	char **names = paths_list_dir(dir, &n);

	for (i = 0; i < n; i++) {
		char *p = paths_join(dir, names[i]);
		size_t len = strlen(names[i]);
		struct stat st;

		if (stat(p, &st) == 0) {
			if (S_ISDIR(st.st_mode) && depth > 0)
				check_dir(ck, p, depth - 1);
			else if (S_ISREG(st.st_mode) && len > 5 &&
			    strcmp(names[i] + len - 5, ".yaml") == 0)
				check_file(ck, p);
		}
		free(p);
	}
	paths_free_list(names);
}

static void
check_path(struct checker *ck, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		struct diag_list d;

		diag_list_init(&d);
		diag_add(&d, DIAG_ERROR, DIAG_IO, path, 0, 0,
		    _("cannot read it: %s"), strerror(errno));
		ck->files++;
		report(ck, &d, NULL, 0);
		diag_list_finish(&d);
		return;
	}
	if (S_ISDIR(st.st_mode))
		check_dir(ck, path, 2);
	else
		check_file(ck, path);
}

/* A JSON string: quotes, backslashes and controls escaped. */
static void
json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static const char *
code_name(enum diag_code code)
{
	static const char *const names[] = {
		[DIAG_IO] = "io", [DIAG_TOO_BIG] = "too-big",
		[DIAG_SYNTAX] = "syntax", [DIAG_ENCODING] = "encoding",
		[DIAG_ALIAS] = "alias", [DIAG_DUPLICATE_KEY] = "duplicate-key",
		[DIAG_MULTI_DOC] = "multi-doc",
		[DIAG_UNKNOWN_KEY] = "unknown-key",
		[DIAG_MISSING_KEY] = "missing-key",
		[DIAG_WRONG_TYPE] = "wrong-type", [DIAG_BAD_VALUE] = "bad-value",
		[DIAG_DUPLICATE_ID] = "duplicate-id", [DIAG_ANSWER] = "answer",
		[DIAG_CONTENT] = "content",
	};

	return (size_t)code < RF_ARRAY_LEN(names) && names[code] ?
	    names[code] : "other";
}

static void
print_json(FILE *out, const struct checker *ck)
{
	size_t i;

	fprintf(out, "{\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
	    "\"problems\": [", ck->files, ck->errors, ck->warnings);
	for (i = 0; i < ck->all.count; i++) {
		const struct diag *d = &ck->all.items[i];

		fprintf(out, "%s\n  {\"file\": ", i ? "," : "");
		json_string(out, d->file);
		fprintf(out, ", \"line\": %d, \"column\": %d, \"severity\": "
		    "\"%s\", \"code\": \"%s\", \"message\": ", d->line, d->col,
		    d->severity == DIAG_ERROR ? "error" : "warning",
		    code_name(d->code));
		json_string(out, d->message);
		fputc('}', out);
	}
	fprintf(out, "%s]}\n", ck->all.count ? "\n" : "");
}

int
cmd_check(const char *const *paths, size_t n, struct catalog *search,
    const struct check_opts *opts, FILE *out, FILE *err)
{
	struct checker ck = { .err = err };
	FILE *sink = NULL;

	ck.json = opts != NULL && opts->json;
	diag_list_init(&ck.all);
	if (ck.json && (sink = fopen("/dev/null", "w")) != NULL)
		ck.err = sink;		/* nothing but the JSON */
	size_t i;

	if (n == 0) {
		/* Everything the program would read: the settings too. */
		struct settings cfg;
		struct diag_list d;

		diag_list_init(&d);
		settings_load(&cfg, &d);
		report(&ck, &d, NULL, 0);
		settings_finish(&cfg);
		diag_list_finish(&d);
		for (i = 0; i < search->dir_count; i++) {
			struct stat st;

			if (stat(search->dirs[i].path, &st) == 0 &&
			    S_ISDIR(st.st_mode))
				check_dir(&ck, search->dirs[i].path, 1);
		}
		{
			char **help = catalog_help_dirs(search, NULL);

			for (i = 0; help[i] != NULL; i++) {
				struct stat st;

				if (stat(help[i], &st) == 0 &&
				    S_ISDIR(st.st_mode))
					check_dir(&ck, help[i], 1);
			}
			paths_free_list(help);
		}
	}
	for (i = 0; i < n; i++)
		check_path(&ck, paths[i]);

	check_translations(&ck);
	for (i = 0; i < ck.lesson_count; i++) {
		free(ck.lessons[i]);
		lesson_destroy(ck.loaded[i].lesson);
		free(ck.loaded[i].text);
	}
	free(ck.lessons);
	free(ck.loaded);
	for (i = 0; i < ck.course_count; i++) {
		/* Alone, a course file is checked for its own shape only. */
		if (ck.id_count > 0)
			check_course_lessons(&ck, ck.courses[i]);
		course_destroy(ck.courses[i]);
	}
	free(ck.courses);
	if (ck.json) {
		print_json(out, &ck);
		if (sink != NULL)
			fclose(sink);
	} else if (ck.files == 0) {
		fprintf(err, "%s\n", _("redflags check: no lesson files "
		    "(*.yaml) found"));
	} else {
		/* One plural form per number, each with its own word. */
		fprintf(err, "%zu %s: %zu %s, %zu %s\n", ck.files,
		    ngettext("file checked", "files checked", ck.files),
		    ck.errors, ngettext("error", "errors", ck.errors),
		    ck.warnings, ngettext("warning", "warnings", ck.warnings));
	}
	for (i = 0; i < ck.id_count; i++) {
		free(ck.ids[i].id);
		free(ck.ids[i].file);
	}
	free(ck.ids);
	diag_list_finish(&ck.all);
	if (opts != NULL && opts->werror && ck.warnings > 0)
		return 1;
	return ck.errors > 0 || ck.files == 0 ? 1 : 0;
}
