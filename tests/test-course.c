/* tests/test-course.c - the course file, and the catalogue it orders. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "course.h"
#include "util.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(course, .init = setup);

static char *
problems(const char *path)
{
	struct diag_list d;
	struct course *c;
	struct buf b;
	size_t i;

	diag_list_init(&d);
	c = course_load(path, &d);
	cr_expect_null(c, "%s loaded", path);
	course_destroy(c);
	diag_sort(&d);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < d.count; i++) {
		char *s = diag_format(&d.items[i]);

		buf_printf(&b, "%s\n", s);
		free(s);
	}
	diag_list_finish(&d);
	return buf_steal(&b);
}

Test(course, a_course_loads_its_modules_in_order)
{
	struct diag_list d;
	struct course *c;
	size_t m, i;

	diag_list_init(&d);
	c = course_load("data/course/good/en/course.yaml", &d);
	cr_assert_not_null(c);
	cr_expect_eq(d.count, 0);
	cr_expect_str_eq(c->id, "test-course");
	cr_expect_str_eq(c->title, "A test course");
	cr_assert_eq(c->module_count, 2);
	cr_expect_str_eq(c->modules[0].title, "The first module");
	cr_assert_eq(c->modules[0].lesson_count, 2);
	cr_expect_str_eq(c->modules[0].lessons[0], "b-lesson");
	cr_expect_eq(c->modules[0].lesson_lines[0], 7);
	cr_expect_eq(course_find(c, "a-lesson", &m, &i), 0);
	cr_expect(m == 0 && i == 1);
	cr_expect_eq(course_find(c, "c-lesson", &m, &i), 0);
	cr_expect(m == 1 && i == 0);
	cr_expect_eq(course_find(c, "d-lesson", &m, &i), -1);
	cr_expect_eq(course_find(NULL, "a-lesson", &m, &i), -1);
	course_destroy(c);
	diag_list_finish(&d);
}

Test(course, a_lesson_listed_twice_is_an_error_at_its_place)
{
	char *got = problems("data/course/bad/duplicate.yaml");

	cr_expect_str_eq(got, "data/course/bad/duplicate.yaml:9:15: error: the "
	    "lesson 'b-lesson' is already in the course at line 6; list each "
	    "lesson once\n");
	free(got);
}

Test(course, keys_and_types_are_checked_like_lessons)
{
	char *got = problems("data/course/bad/shape.yaml");

	/* The misspelt 'titel' is reported once, not again as missing. */
	cr_expect_str_eq(got,
	    "data/course/bad/shape.yaml:2:1: error: unknown key 'titel' (did "
	    "you mean 'title'?)\n"
	    "data/course/bad/shape.yaml:4:5: error: a module has no 'title'; "
	    "add 'title:' with the module's title, as students see it\n"
	    "data/course/bad/shape.yaml:5:14: error: 'lessons' should be a list "
	    "of lesson ids, such as [grooming-how-it-starts, "
	    "grooming-red-flags-in-chats]\n");
	free(got);
}

Test(course, the_catalogue_follows_the_course_then_the_rest)
{
	struct catalog c;

	catalog_init(&c);
	catalog_add_dir(&c, "data/course/good", "test");
	catalog_load(&c, "en");
	cr_assert_not_null(c.course, "course.yaml not found");
	cr_expect_eq(c.files_failed, 0, "course.yaml read as a lesson?");
	cr_assert_eq(c.count, 4);
	cr_expect_str_eq(c.entries[0].lesson->id, "b-lesson");
	cr_expect_str_eq(c.entries[1].lesson->id, "a-lesson");
	cr_expect_str_eq(c.entries[2].lesson->id, "c-lesson");
	cr_expect_str_eq(c.entries[3].lesson->id, "d-lesson",
	    "a lesson the course does not list comes last");
	catalog_finish(&c);
}
