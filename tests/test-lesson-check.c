/*
 * tests/test-lesson-check.c - the meaning checks on lessons built in
 * memory: right answers, ids, feedback, content notes, page length.
 * (The same checks against files are pinned in test-lesson-yaml.c.)
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lesson-check.h"
#include "util.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(lesson_check, .init = setup);

/* A clean lesson with 'n' steps the test fills in. */
static struct lesson *
lesson_with(size_t n)
{
	struct lesson *l = xcalloc(1, sizeof *l);

	l->file = xstrdup("m.yaml");
	l->id = xstrdup("m");
	l->title = xstrdup("M");
	l->content_note = xstrdup("note");
	l->objectives = xcalloc(1, sizeof(char *));
	l->objectives[0] = xstrdup("o");
	l->objective_count = 1;
	l->sources = xcalloc(1, sizeof *l->sources);
	l->sources[0].publisher = xstrdup("p");
	l->sources[0].title = xstrdup("t");
	l->source_count = 1;
	l->steps = xcalloc(n, sizeof *l->steps);
	l->step_count = n;
	return l;
}

static void
question(struct lesson_step *s, enum step_type type, const char *id,
    const char *rights)
{
	size_t i, n = strlen(rights);

	s->type = type;
	s->id = xstrdup(id);
	s->text = xstrdup("prompt");
	s->mark.line = 10;
	s->mark.col = 5;
	s->options = xcalloc(n, sizeof *s->options);
	s->option_count = n;
	for (i = 0; i < n; i++) {
		s->options[i].text = xasprintf("option %zu", i);
		s->options[i].feedback = xstrdup("because");
		s->options[i].correct = rights[i] == 'y';
		s->options[i].mark.line = 11 + (int)i;
		s->options[i].mark.col = 9;
	}
}

static char *
check(struct lesson *l)
{
	struct diag_list d;
	struct buf b;
	size_t i;

	diag_list_init(&d);
	lesson_check(l, &d);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < d.count; i++) {
		char *s = diag_format(&d.items[i]);

		buf_printf(&b, "%s\n", s);
		free(s);
	}
	diag_list_finish(&d);
	lesson_destroy(l);
	return buf_steal(&b);
}

Test(lesson_check, a_clean_lesson_has_no_problem)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "ny");
	question(&l->steps[1], STEP_MULTI, "b", "yny");
	got = check(l);
	cr_expect_str_eq(got, "");
	free(got);
}

Test(lesson_check, a_choice_needs_exactly_one_right_option)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "nn");
	question(&l->steps[1], STEP_CHOICE, "b", "yny");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:10:5: error: no option of this 'choice' is marked "
	    "'correct: true'; mark the right one\n"
	    "m.yaml:13:9: error: a 'choice' has exactly one right option, and "
	    "this is the second with 'correct: true'; use 'multi' for several "
	    "right answers\n");
	free(got);
}

Test(lesson_check, a_multi_needs_a_right_option_and_a_wrong_one)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_MULTI, "a", "nn");
	question(&l->steps[1], STEP_MULTI, "b", "yy");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:10:5: error: no option of this 'multi' is marked "
	    "'correct: true'; mark the right ones\n"
	    "m.yaml:10:5: warning: every option of this 'multi' is right, so "
	    "there is nothing to tell apart; add an option that is not\n");
	free(got);
}

Test(lesson_check, a_question_with_one_option_is_an_error)
{
	struct lesson *l = lesson_with(1);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "y");
	got = check(l);
	cr_expect_str_eq(got, "m.yaml:10:5: error: a question needs at least "
	    "two options\n");
	free(got);
}

Test(lesson_check, step_ids_must_differ)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "same", "ny");
	question(&l->steps[1], STEP_CHOICE, "same", "ny");
	l->steps[1].mark.line = 30;
	got = check(l);
	cr_expect_str_eq(got, "m.yaml:30:5: error: the step id 'same' is "
	    "already used at line 10; step ids must be different\n");
	free(got);
}

Test(lesson_check, missing_feedback_and_notes_are_warnings)
{
	struct lesson *l = lesson_with(1);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "ny");
	free(l->steps[0].options[0].feedback);
	l->steps[0].options[0].feedback = NULL;
	free(l->content_note);
	l->content_note = NULL;
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:1:1: warning: the lesson has no 'content_note'; tell "
	    "students what it talks about before it starts\n"
	    "m.yaml:11:9: warning: this option has no 'feedback'; say why it "
	    "is right or wrong, kindly\n");
	free(got);
}

Test(lesson_check, a_page_that_fits_80x24_passes_and_one_line_more_warns)
{
	struct lesson *l;
	struct buf b;
	char *got;
	int i;

	buf_init(&b);
	for (i = 0; i < LESSON_PAGE_LINES; i++)
		buf_printf(&b, "- item %d\n", i);
	l = lesson_with(1);
	l->steps[0].type = STEP_PAGE;
	l->steps[0].text = xstrdup(b.data);
	got = check(l);
	cr_expect_str_eq(got, "", "15 lines fit");
	free(got);

	buf_printf(&b, "- one more\n");
	l = lesson_with(1);
	l->steps[0].type = STEP_PAGE;
	l->steps[0].text = xstrdup(b.data);
	l->steps[0].mark.line = 12;
	l->steps[0].mark.col = 5;
	got = check(l);
	cr_expect_str_eq(got, "m.yaml:12:5: warning: this page is 16 lines "
	    "long at 76 columns and will not fit an 80x24 screen (15 lines); "
	    "split it into two pages\n");
	free(got);
	buf_finish(&b);
}

Test(lesson_check, an_incomplete_step_is_not_checked_again)
{
	struct lesson *l = lesson_with(1);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "nn");
	l->steps[0].incomplete = true;
	got = check(l);
	cr_expect_str_eq(got, "", "the loader already reported it");
	free(got);
}
