/* tests/test-lesson-compare.c - a translation against its source. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lesson-compare.h"
#include "lesson-yaml.h"
#include "util.h"

static char *
compare(const char *tr)
{
	struct diag_list d, ignored;
	struct lesson *a, *b;
	struct buf out;
	size_t i;

	setlocale(LC_ALL, "C.UTF-8");
	diag_list_init(&d);
	diag_list_init(&ignored);
	a = lesson_load("data/compare/source.yaml", &ignored, NULL, NULL);
	b = lesson_load(tr, &ignored, NULL, NULL);
	cr_assert(a != NULL && b != NULL);
	lesson_compare(a, b, &d);
	diag_sort(&d);
	buf_init(&out);
	buf_add(&out, "", 0);
	for (i = 0; i < d.count; i++) {
		char *s = diag_format(&d.items[i]);

		buf_printf(&out, "%s\n", s);
		free(s);
	}
	lesson_destroy(a);
	lesson_destroy(b);
	diag_list_finish(&d);
	diag_list_finish(&ignored);
	return buf_steal(&out);
}

Test(lesson_compare, a_translation_that_changes_only_text_matches)
{
	char *got = compare("data/compare/same.yaml");

	cr_expect_str_eq(got, "");
	free(got);
}

Test(lesson_compare, changed_answers_flags_paths_and_endings_are_found)
{
	char *got = compare("data/compare/changed.yaml");

	cr_expect_str_eq(got,
	    "data/compare/changed.yaml:31:11: error: message 4 has the flag "
	    "'pressure' here, the source 'secrecy'; the source has it "
	    "otherwise at data/compare/source.yaml:31: a translation changes "
	    "only the text\n"
	    "data/compare/changed.yaml:53:19: error: choice 2 of 'first' goes "
	    "to 'paid' here, in the source to 'told'; the source has it "
	    "otherwise at data/compare/source.yaml:53: a translation changes "
	    "only the text\n"
	    "data/compare/changed.yaml:64:11: error: the node 'told' ends "
	    "'risky' here, the source 'safe'; the source has it otherwise at "
	    "data/compare/source.yaml:64: a translation changes only the text\n"
	    "data/compare/changed.yaml:71:5: error: 'interchangeable' is not "
	    "the same; the source has it otherwise at "
	    "data/compare/source.yaml:71: a translation changes only the "
	    "text\n");
	free(got);
}

Test(lesson_compare, a_different_number_of_steps_or_types_is_found)
{
	struct diag_list d, ignored;
	struct lesson *a, *b;

	diag_list_init(&d);
	diag_list_init(&ignored);
	a = lesson_load("data/compare/source.yaml", &ignored, NULL, NULL);
	b = lesson_load("data/e2e/en/sample.yaml", &ignored, NULL, NULL);
	cr_assert(a != NULL && b != NULL);
	lesson_compare(a, b, &d);
	cr_expect_geq(d.count, 3, "id, step count and step types differ");
	cr_expect_not_null(strstr(d.items[0].message, "lesson id"));
	lesson_destroy(a);
	lesson_destroy(b);
	diag_list_finish(&d);
	diag_list_finish(&ignored);
}
