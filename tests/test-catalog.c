/* test-catalog.c - finding lessons on the search path, shadowing, order. */
#include <criterion/criterion.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "diag.h"
#include "lesson.h"
#include "util.h"

/*
 * Fixtures, read from tests/ (meson's workdir):
 *   first/z-sextortion.yaml          cat-sextortion (directly in the dir)
 *   first/en/a-grooming.yaml         cat-grooming-a
 *   first/en/b-grooming.yaml         cat-grooming-b
 *   first/en/shared.yaml             cat-shared (help)
 *   first/en/broken.yaml             an unknown key: left out
 *   first/en/notes.txt, old.yml, .hidden.yaml, folder.yaml/: not lessons
 *   second/en/a-shared-copy.yaml     cat-shared again (help)
 *   second/en/c-recruitment.yaml     cat-recruitment
 *   second/en/syntax.yaml            not YAML: left out
 *   second/de/de-only.yaml           cat-de
 *   third/x-help.yaml, third/en/a-help.yaml   both cat-third (help)
 *   third/en/b-warning.yaml          cat-warning, with one warning
 */
#define FIRST "data/catalog/first"
#define SECOND "data/catalog/second"
#define THIRD "data/catalog/third"

static void
set_locale(void)
{
	setlocale(LC_ALL, "");
}

TestSuite(catalog, .init = set_locale);

/* The file name of an entry, without its directory. */
static const char *
base(const struct catalog_entry *e)
{
	const char *s = strrchr(e->lesson->file, '/');

	return s ? s + 1 : e->lesson->file;
}

struct want_entry {
	const char *id;
	const char *file;	/* as the catalogue names it */
	const char *dir;
	bool shadowed;
};

static void
assert_entries(const struct catalog *c, const struct want_entry *want,
    size_t n)
{
	size_t i;

	for (i = 0; i < c->count && i < n; i++) {
		const struct catalog_entry *e = &c->entries[i];

		cr_assert_str_eq(e->lesson->id, want[i].id, "entry %zu", i);
		cr_assert_str_eq(e->lesson->file, want[i].file, "entry %zu",
		    i);
		cr_assert_str_eq(e->dir->path, want[i].dir, "entry %zu", i);
		cr_assert_eq(e->shadowed, want[i].shadowed, "entry %zu", i);
	}
	cr_assert_eq(c->count, n);
}

static void
load_two(struct catalog *c, const char *lang)
{
	catalog_init(c);
	catalog_add_dir(c, FIRST, "--lessons");
	catalog_add_dir(c, SECOND, "--lessons");
	catalog_load(c, lang);
}

Test(catalog, init_is_empty_and_finish_of_null_is_a_no_op)
{
	struct catalog c;

	catalog_init(&c);
	cr_assert_eq(c.dir_count, 0);
	cr_assert_eq(c.count, 0);
	cr_assert_eq(c.diags.count, 0);
	cr_assert_eq(c.files_failed, 0);
	cr_assert_eq(catalog_visible(&c), 0);
	cr_assert_null(catalog_find(&c, "cat-shared"));
	catalog_finish(&c);
	catalog_finish(NULL);
}

Test(catalog, two_dirs_are_read_in_topic_then_file_name_order)
{
	static const struct want_entry want[] = {
		{ "cat-grooming-a", FIRST "/en/a-grooming.yaml", FIRST, false },
		{ "cat-grooming-b", FIRST "/en/b-grooming.yaml", FIRST, false },
		{ "cat-sextortion", FIRST "/z-sextortion.yaml", FIRST, false },
		{ "cat-recruitment", SECOND "/en/c-recruitment.yaml", SECOND,
		    false },
		{ "cat-shared", SECOND "/en/a-shared-copy.yaml", SECOND, true },
		{ "cat-shared", FIRST "/en/shared.yaml", FIRST, false },
	};
	struct catalog c;

	load_two(&c, "en");
	assert_entries(&c, want, RF_ARRAY_LEN(want));
	cr_assert_eq(catalog_visible(&c), 5);
	catalog_finish(&c);
}

Test(catalog, a_duplicate_id_is_won_by_the_first_dir)
{
	struct catalog c;
	struct catalog_entry *e;

	load_two(&c, "en");
	e = catalog_find(&c, "cat-shared");
	cr_assert_not_null(e);
	cr_assert_not(e->shadowed);
	cr_assert_str_eq(e->lesson->file, FIRST "/en/shared.yaml");
	cr_assert_str_eq(e->lesson->title, "Shared (first)");
	cr_assert_str_eq(e->dir->path, FIRST);
	cr_assert_str_eq(e->dir->origin, "--lessons");
	catalog_finish(&c);
}

Test(catalog, the_order_of_the_dirs_decides_who_wins)
{
	struct catalog c;
	struct catalog_entry *e;
	size_t i, shadowed = 0;

	catalog_init(&c);
	catalog_add_dir(&c, SECOND, "--lessons");
	catalog_add_dir(&c, FIRST, "--lessons");
	catalog_load(&c, "en");
	e = catalog_find(&c, "cat-shared");
	cr_assert_not_null(e);
	cr_assert_str_eq(e->lesson->title, "Shared (second)");
	cr_assert_str_eq(e->dir->path, SECOND);
	for (i = 0; i < c.count; i++) {
		if (c.entries[i].shadowed) {
			shadowed++;
			cr_assert_str_eq(base(&c.entries[i]), "shared.yaml");
		}
	}
	cr_assert_eq(shadowed, 1);
	catalog_finish(&c);
}

Test(catalog, within_a_dir_its_own_files_come_before_the_language_folder)
{
	static const struct want_entry want[] = {
		{ "cat-warning", THIRD "/en/b-warning.yaml", THIRD, false },
		{ "cat-third", THIRD "/en/a-help.yaml", THIRD, true },
		{ "cat-third", THIRD "/x-help.yaml", THIRD, false },
	};
	struct catalog c;

	catalog_init(&c);
	catalog_add_dir(&c, THIRD, "--lessons");
	catalog_load(&c, "en");
	assert_entries(&c, want, RF_ARRAY_LEN(want));
	cr_assert_str_eq(catalog_find(&c, "cat-third")->lesson->title,
	    "Third, top level");
	catalog_finish(&c);
}

Test(catalog, find_returns_null_for_unknown_ids)
{
	struct catalog c;

	load_two(&c, "en");
	cr_assert_null(catalog_find(&c, "no-such-lesson"));
	cr_assert_null(catalog_find(&c, ""));
	cr_assert_null(catalog_find(&c, "cat-shared-"));
	cr_assert_null(catalog_find(&c, "CAT-SHARED"));
	/* Left out: broken, not a lesson file, another language. */
	cr_assert_null(catalog_find(&c, "cat-broken"));
	cr_assert_null(catalog_find(&c, "cat-txt"));
	cr_assert_null(catalog_find(&c, "cat-yml"));
	cr_assert_null(catalog_find(&c, "cat-hidden"));
	cr_assert_null(catalog_find(&c, "cat-de"));
	cr_assert_not_null(catalog_find(&c, "cat-grooming-b"));
	catalog_finish(&c);
}

Test(catalog, find_never_returns_a_shadowed_entry)
{
	struct catalog c;
	size_t i;

	load_two(&c, "en");
	for (i = 0; i < c.count; i++) {
		struct catalog_entry *e = catalog_find(&c,
		    c.entries[i].lesson->id);

		cr_assert_not_null(e);
		cr_assert_not(e->shadowed);
		if (c.entries[i].shadowed)
			cr_assert_neq(e, &c.entries[i]);
		else
			cr_assert_eq(e, &c.entries[i]);
	}
	catalog_finish(&c);
}

Test(catalog, files_with_errors_are_left_out_and_their_problems_kept)
{
	struct catalog c;
	size_t i, broken = 0, syntax = 0;

	load_two(&c, "en");
	cr_assert_eq(c.files_failed, 2);
	/* The good fixtures have no warnings: every problem is theirs. */
	cr_assert_eq(c.diags.count, 2);
	cr_assert_eq(diag_count(&c.diags, DIAG_ERROR), 2);
	for (i = 0; i < c.diags.count; i++) {
		const struct diag *d = &c.diags.items[i];

		if (strcmp(d->file, FIRST "/en/broken.yaml") == 0) {
			broken++;
			cr_assert_eq(d->code, DIAG_UNKNOWN_KEY);
			cr_assert_eq(d->line, 3);
			cr_assert_eq(d->col, 1);
			cr_assert_not_null(strstr(d->message, "'titel'"),
			    "%s", d->message);
		} else {
			cr_assert_str_eq(d->file, SECOND "/en/syntax.yaml");
			syntax++;
			cr_assert_eq(d->code, DIAG_SYNTAX);
			cr_assert_eq(d->line, 2);
		}
	}
	cr_assert_eq(broken, 1);
	cr_assert_eq(syntax, 1);
	catalog_finish(&c);
}

Test(catalog, warnings_are_kept_and_the_lesson_is_shown)
{
	struct catalog c;
	struct catalog_entry *e;
	struct diag_list d;

	catalog_init(&c);
	catalog_add_dir(&c, THIRD, "--lessons");
	catalog_load(&c, "en");
	e = catalog_find(&c, "cat-warning");
	cr_assert_not_null(e);
	cr_assert_eq(c.files_failed, 0);
	/* Only the head was read: the warning is in the steps, and is
	 * found when the lesson is opened; it still opens. */
	cr_assert(e->lesson->head_only);
	cr_assert_eq(c.diags.count, 0);
	diag_list_init(&d);
	cr_assert_eq(catalog_open(&c, &e, &d), 0);
	cr_assert_not(e->lesson->head_only);
	cr_assert_gt(e->lesson->step_count, 0);
	cr_assert_eq(d.count, 1);
	cr_assert_eq(d.items[0].severity, DIAG_WARNING);
	cr_assert_eq(d.items[0].code, DIAG_CONTENT);
	cr_assert_str_eq(d.items[0].file, THIRD "/en/b-warning.yaml");
	diag_list_finish(&d);
	catalog_finish(&c);

	/* Read whole (as tools do): the warning is kept at once. */
	catalog_init(&c);
	c.load_whole = true;
	catalog_add_dir(&c, THIRD, "--lessons");
	catalog_load(&c, "en");
	e = catalog_find(&c, "cat-warning");
	cr_assert_not_null(e);
	cr_assert_not(e->lesson->head_only);
	cr_assert_eq(c.diags.count, 1);
	cr_assert_eq(c.diags.items[0].severity, DIAG_WARNING);
	catalog_finish(&c);
}

Test(catalog, the_language_comes_first_and_english_fills_in)
{
	struct catalog c;
	struct catalog_entry *e;

	load_two(&c, "de");
	e = catalog_find(&c, "cat-de");
	cr_assert_not_null(e, "the German lesson is read");
	cr_expect_str_eq(e->lang, "de");
	e = catalog_find(&c, "cat-grooming-a");
	cr_assert_not_null(e, "an untranslated lesson falls back to English");
	cr_expect_str_eq(e->lang, "en");
	cr_expect_eq(catalog_visible(&c), 6, "five English and the German");
	catalog_finish(&c);
	/* No language means English. */
	load_two(&c, NULL);
	cr_assert_eq(c.count, 6);
	cr_assert_not_null(catalog_find(&c, "cat-grooming-a"));
	cr_assert_null(catalog_find(&c, "cat-de"));
	catalog_finish(&c);
}

Test(catalog, a_translation_shadows_its_english_source)
{
	struct catalog c;
	struct catalog_entry *e;

	catalog_init(&c);
	catalog_add_dir(&c, "data/catalog/translated", "test");
	catalog_load(&c, "es");
	e = catalog_find(&c, "cat-translated");
	cr_assert_not_null(e);
	cr_expect_str_eq(e->lang, "es");
	cr_expect_str_eq(e->lesson->title, "Una lección traducida");
	cr_expect_eq(catalog_visible(&c), 1);
	cr_expect_eq(c.count, 2, "the English one is kept, shadowed");
	catalog_finish(&c);
	catalog_init(&c);
	catalog_add_dir(&c, "data/catalog/translated", "test");
	catalog_load(&c, "en");
	e = catalog_find(&c, "cat-translated");
	cr_assert_not_null(e);
	cr_expect_str_eq(e->lang, "en");
	cr_expect_str_eq(e->lesson->title, "A translated lesson");
	catalog_finish(&c);
}

Test(catalog, a_missing_dir_is_no_error)
{
	struct catalog c;

	catalog_init(&c);
	catalog_add_dir(&c, "data/catalog/no-such-dir", "--lessons");
	catalog_load(&c, "en");
	cr_assert_eq(c.dir_count, 1);
	cr_assert_eq(c.count, 0);
	cr_assert_eq(c.diags.count, 0);
	cr_assert_eq(c.files_failed, 0);
	catalog_finish(&c);
}

Test(catalog, add_dir_copies_the_path_and_keeps_the_origin)
{
	struct catalog c;
	char path[] = FIRST;

	catalog_init(&c);
	catalog_add_dir(&c, path, "--lessons");
	path[0] = 'X';
	catalog_add_dir(&c, SECOND, "user");
	cr_assert_eq(c.dir_count, 2);
	cr_assert_str_eq(c.dirs[0].path, FIRST);
	cr_assert_str_eq(c.dirs[0].origin, "--lessons");
	cr_assert_str_eq(c.dirs[1].path, SECOND);
	cr_assert_str_eq(c.dirs[1].origin, "user");
	catalog_finish(&c);
}

Test(catalog, add_dir_ignores_duplicates_and_empty_paths)
{
	struct catalog c;
	char abs[PATH_MAX];

	cr_assert_not_null(realpath(FIRST, abs));
	catalog_init(&c);
	catalog_add_dir(&c, FIRST, "--lessons");
	catalog_add_dir(&c, FIRST, "user");
	catalog_add_dir(&c, FIRST "/", "user");
	catalog_add_dir(&c, "data/catalog/./first", "user");
	catalog_add_dir(&c, "data/../data/catalog/first", "user");
	catalog_add_dir(&c, abs, "system");
	catalog_add_dir(&c, "", "user");
	catalog_add_dir(&c, NULL, "user");
	cr_assert_eq(c.dir_count, 1);
	cr_assert_str_eq(c.dirs[0].origin, "--lessons");
	/* A missing dir is compared by name. */
	catalog_add_dir(&c, "data/catalog/missing", "user");
	catalog_add_dir(&c, "data/catalog/missing", "system");
	cr_assert_eq(c.dir_count, 2);
	catalog_add_dir(&c, SECOND, "system");
	cr_assert_eq(c.dir_count, 3);
	cr_assert_str_eq(c.dirs[2].path, SECOND);
	/* Read once, so nothing is shadowed by itself. */
	catalog_load(&c, "en");
	cr_assert_eq(c.count, 6);
	cr_assert_eq(catalog_visible(&c), 5);
	catalog_finish(&c);
}

/* The standard search path, with the real system kept out. */

static char data_home[] = "/tmp/test-catalog-home-XXXXXX";
static char data_dir[] = "/tmp/test-catalog-dirs-XXXXXX";

static void
isolate(void)
{
	set_locale();
	strcpy(data_home, "/tmp/test-catalog-home-XXXXXX");
	strcpy(data_dir, "/tmp/test-catalog-dirs-XXXXXX");
	cr_assert_not_null(mkdtemp(data_home));
	cr_assert_not_null(mkdtemp(data_dir));
	cr_assert_eq(setenv("XDG_DATA_HOME", data_home, 1), 0);
	cr_assert_eq(setenv("XDG_DATA_DIRS", data_dir, 1), 0);
}

static void
unisolate(void)
{
	unsetenv("REDFLAGS_LESSONS");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_DATA_DIRS");
	rmdir(data_home);
	rmdir(data_dir);
}

static void
assert_dir(const struct catalog *c, size_t i, const char *path,
    const char *origin)
{
	cr_assert_gt(c->dir_count, i);
	cr_assert_str_eq(c->dirs[i].path, path, "dir %zu", i);
	cr_assert_str_eq(c->dirs[i].origin, origin, "dir %zu", i);
}

Test(catalog, redflags_lessons_adds_each_dir_in_order, .init = isolate,
    .fini = unisolate)
{
	struct catalog c;
	char *user, *sys;

	user = xasprintf("%s/redflags/lessons", data_home);
	sys = xasprintf("%s/redflags/lessons", data_dir);
	cr_assert_eq(setenv("REDFLAGS_LESSONS", FIRST ":" SECOND, 1), 0);
	catalog_init(&c);
	catalog_add_default_dirs(&c);
	assert_dir(&c, 0, FIRST, "REDFLAGS_LESSONS");
	assert_dir(&c, 1, SECOND, "REDFLAGS_LESSONS");
	assert_dir(&c, 2, user, "user");
	assert_dir(&c, 3, sys, "system");
	/* The tests run from the build tree: the repository's lessons. */
	assert_dir(&c, 4, SOURCE_ROOT "/lessons", "build tree");
	assert_dir(&c, 5, PKGDATADIR "/lessons", "installed");
	cr_assert_eq(c.dir_count, 6);
	free(user);
	free(sys);
	catalog_finish(&c);
}

Test(catalog, redflags_lessons_dirs_are_loaded_first_one_winning,
    .init = isolate, .fini = unisolate)
{
	struct catalog c;
	struct catalog_entry *e;
	size_t i, ours = 0;

	cr_assert_eq(setenv("REDFLAGS_LESSONS", SECOND ":" FIRST, 1), 0);
	catalog_init(&c);
	catalog_add_default_dirs(&c);
	catalog_load(&c, "en");
	e = catalog_find(&c, "cat-shared");
	cr_assert_not_null(e);
	cr_assert_str_eq(e->lesson->title, "Shared (second)");
	cr_assert_str_eq(e->dir->origin, "REDFLAGS_LESSONS");
	e = catalog_find(&c, "cat-sextortion");
	cr_assert_not_null(e);
	cr_assert_str_eq(e->dir->path, FIRST);
	cr_assert_not_null(catalog_find(&c, "cat-recruitment"));
	/* The two broken fixtures are left out, the shipped lessons not. */
	cr_assert_null(catalog_find(&c, "cat-broken"));
	for (i = 0; i < c.diags.count; i++) {
		if (strncmp(c.diags.items[i].file, "data/catalog/", 13) == 0)
			ours++;
	}
	cr_assert_eq(ours, 2);
	cr_assert_geq(c.files_failed, 2);
	catalog_finish(&c);
}

Test(catalog, redflags_lessons_skips_empty_parts, .init = isolate,
    .fini = unisolate)
{
	struct catalog c;

	cr_assert_eq(setenv("REDFLAGS_LESSONS", "::" FIRST "::", 1), 0);
	catalog_init(&c);
	catalog_add_default_dirs(&c);
	assert_dir(&c, 0, FIRST, "REDFLAGS_LESSONS");
	cr_assert_str_eq(c.dirs[1].origin, "user");
	catalog_finish(&c);
}

Test(catalog, lessons_dirs_come_before_redflags_lessons, .init = isolate,
    .fini = unisolate)
{
	struct catalog c;

	cr_assert_eq(setenv("REDFLAGS_LESSONS", FIRST ":" SECOND, 1), 0);
	catalog_init(&c);
	catalog_add_dir(&c, SECOND, "--lessons");
	catalog_add_default_dirs(&c);
	/* SECOND again is a duplicate and keeps its first place. */
	assert_dir(&c, 0, SECOND, "--lessons");
	assert_dir(&c, 1, FIRST, "REDFLAGS_LESSONS");
	cr_assert_str_eq(c.dirs[2].origin, "user");
	catalog_finish(&c);
}

Test(catalog, without_redflags_lessons_the_user_dir_comes_first,
    .init = isolate, .fini = unisolate)
{
	struct catalog c;
	char *user = xasprintf("%s/redflags/lessons", data_home);

	unsetenv("REDFLAGS_LESSONS");
	catalog_init(&c);
	catalog_add_default_dirs(&c);
	assert_dir(&c, 0, user, "user");
	cr_assert_str_eq(c.dirs[1].origin, "system");
	free(user);
	catalog_finish(&c);
	/* Empty is the same as unset. */
	cr_assert_eq(setenv("REDFLAGS_LESSONS", "", 1), 0);
	catalog_init(&c);
	catalog_add_default_dirs(&c);
	cr_assert_str_eq(c.dirs[0].origin, "user");
	catalog_finish(&c);
}

#define HEADS "data/catalog/heads"

Test(catalog, the_list_reads_heads_and_a_lesson_is_read_when_opened)
{
	struct catalog c;
	struct catalog_entry *first, *late;
	struct diag_list d;
	char *s;

	catalog_init(&c);
	catalog_add_dir(&c, HEADS, "--lessons");
	catalog_load(&c, "en");
	cr_assert_eq(c.count, 2);
	cr_assert_eq(c.files_failed, 0);
	cr_assert_eq(diag_count(&c.diags, DIAG_ERROR), 0);

	/* 'steps:' before the title: read whole at once, and shown. */
	first = catalog_find(&c, "steps-first");
	cr_assert_not_null(first);
	cr_expect_not(first->lesson->head_only);
	cr_expect_eq(first->lesson->step_count, 1);
	cr_expect_str_eq(first->lesson->title, "Steps come first here");

	/* A mistake after the head: listed; opening it says where. */
	late = catalog_find(&c, "late-error");
	cr_assert_not_null(late);
	cr_assert(late->lesson->head_only);
	cr_expect_eq(late->lesson->minutes, 3);
	diag_list_init(&d);
	cr_assert_eq(catalog_open(&c, &late, &d), -1);
	cr_assert_geq(diag_count(&d, DIAG_ERROR), 1);
	s = diag_format(diag_first(&d, DIAG_ERROR));
	cr_expect(strstr(s, HEADS "/en/late-error.yaml:8:") != NULL, "%s", s);
	free(s);
	/* It keeps its head, so the list still shows it. */
	cr_expect(late->lesson->head_only);
	cr_expect_str_eq(late->lesson->title, "A mistake after the head");
	diag_list_finish(&d);

	/* Opening a whole lesson again changes nothing. */
	diag_list_init(&d);
	cr_expect_eq(catalog_open(&c, &first, &d), 0);
	cr_expect_eq(d.count, 0, "not read again");
	diag_list_finish(&d);
	catalog_finish(&c);
}

Test(catalog, a_broken_translation_opens_the_lesson_it_hides)
{
	struct catalog c;
	struct catalog_entry *e, *was;
	struct diag_list d;

	catalog_init(&c);
	catalog_add_dir(&c, "data/catalog/broken-translation", "--lessons");
	catalog_load(&c, "es");
	e = catalog_find(&c, "greeting");
	cr_assert_not_null(e);
	cr_expect_str_eq(e->lesson->title, "Hola");
	cr_expect_not(catalog_is_fallback(&c, e));
	was = e;
	diag_list_init(&d);
	cr_assert_eq(catalog_open(&c, &e, &d), 1);
	cr_assert_neq(e, was);
	cr_expect_str_eq(e->lesson->title, "Hello");
	cr_expect_gt(e->lesson->step_count, 0);
	cr_expect(catalog_is_fallback(&c, e));
	cr_expect(was->shadowed);
	cr_expect_eq(catalog_find(&c, "greeting"), e);
	cr_expect_eq(catalog_visible(&c), 1);
	/* The translation's mistake is still reported. */
	cr_assert_not_null(diag_first(&d, DIAG_ERROR));
	cr_expect(strstr(diag_first(&d, DIAG_ERROR)->file, "es/greeting.yaml")
	    != NULL);
	diag_list_finish(&d);
	catalog_finish(&c);
}
