/*
 * tests/test-shipped-lessons.c - every lesson the program ships, in every
 * language folder under lessons/, loads and checks clean: no error and
 * no warning, ids unique across the catalogue, and each of the three
 * teaching topics has at least one lesson.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "util.h"

#define LESSONS "../lessons"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(shipped_lessons, .init = setup);

struct shipped {
	struct lesson *items[256];
	size_t count;
};

static void
load_all(struct shipped *s)
{
	DIR *top = opendir(LESSONS), *dp;
	struct dirent *lang, *de;

	memset(s, 0, sizeof *s);
	cr_assert_not_null(top, "no %s folder", LESSONS);
	while ((lang = readdir(top)) != NULL) {
		char *dir;

		if (lang->d_name[0] == '.')
			continue;
		dir = xasprintf("%s/%s", LESSONS, lang->d_name);
		dp = opendir(dir);
		while (dp != NULL && (de = readdir(dp)) != NULL) {
			size_t n = strlen(de->d_name), i;
			struct diag_list d;
			struct lesson *l;
			char *path;

			if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			diag_list_init(&d);
			l = lesson_load(path, &d, NULL, NULL);
			cr_assert_not_null(l, "%s does not load", path);
			lesson_check(l, &d);
			for (i = 0; i < d.count; i++) {
				char *msg = diag_format(&d.items[i]);

				cr_expect_fail("%s", msg);
				free(msg);
			}
			diag_list_finish(&d);
			cr_assert_lt(s->count, RF_ARRAY_LEN(s->items));
			s->items[s->count++] = l;
			free(path);
		}
		if (dp != NULL)
			closedir(dp);
		free(dir);
	}
	closedir(top);
}

static void
free_all(struct shipped *s)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		lesson_destroy(s->items[i]);
}

Test(shipped_lessons, every_lesson_loads_and_checks_clean)
{
	struct shipped s;

	load_all(&s);
	cr_expect_geq(s.count, 3, "only %zu lessons shipped", s.count);
	free_all(&s);
}

Test(shipped_lessons, ids_are_unique_within_each_language)
{
	struct shipped s;
	size_t i, j;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const char *fi = strrchr(s.items[i]->file, '/');

		for (j = i + 1; j < s.count; j++) {
			const char *fj = strrchr(s.items[j]->file, '/');
			size_t di = (size_t)(fi - s.items[i]->file);
			size_t dj = (size_t)(fj - s.items[j]->file);
			bool same_lang = di == dj && strncmp(s.items[i]->file,
			    s.items[j]->file, di) == 0;

			cr_expect(!same_lang || strcmp(s.items[i]->id,
			    s.items[j]->id) != 0, "%s and %s share id %s",
			    s.items[i]->file, s.items[j]->file,
			    s.items[i]->id);
		}
	}
	free_all(&s);
}

Test(shipped_lessons, each_topic_has_a_sourced_lesson_with_a_content_note)
{
	struct shipped s;
	bool topic[TOPIC_COUNT] = { false };
	size_t i;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const struct lesson *l = s.items[i];

		cr_expect_not_null(l->content_note, "%s has no content note",
		    l->file);
		cr_expect_gt(l->source_count, 0, "%s has no sources", l->file);
		cr_expect_gt(lesson_question_count(l), 0, "%s asks nothing",
		    l->file);
		cr_expect_gt(l->remember_count, 0, "%s has no 'remember'",
		    l->file);
		topic[l->topic] = true;
	}
	cr_expect(topic[TOPIC_GROOMING], "no grooming lesson");
	cr_expect(topic[TOPIC_SEXTORTION], "no sextortion lesson");
	cr_expect(topic[TOPIC_RECRUITMENT], "no recruitment lesson");
	free_all(&s);
}
