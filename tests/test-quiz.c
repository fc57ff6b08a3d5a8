/* test-quiz.c - the lesson player's state machine, driven by events. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lesson-yaml.h"
#include "lesson.h"
#include "quiz.h"
#include "util.h"

/*
 * Lessons built in memory: one spec per step.  'right' is a bit mask of
 * the right options (true/false: bit 0 "True", bit 1 "False").
 */
struct step_spec {
	enum step_type type;
	int options;
	unsigned right;
	const char *hint;
};

static struct lesson *
make_lesson(const struct step_spec *specs, size_t n)
{
	struct lesson *l = xcalloc(1, sizeof *l);
	size_t i;
	int j;

	l->file = xstrdup("memory.yaml");
	l->id = xstrdup("memory");
	l->title = xstrdup("A lesson in memory");
	l->topic = TOPIC_GROOMING;
	l->minutes = 5;
	l->step_count = n;
	l->steps = xcalloc(n, sizeof *l->steps);
	for (i = 0; i < n; i++) {
		struct lesson_step *s = &l->steps[i];
		int count = specs[i].type == STEP_TRUEFALSE ? 2 :
		    specs[i].options;

		s->type = specs[i].type;
		s->text = xasprintf("Step %zu", i + 1);
		if (s->type == STEP_PAGE)
			continue;
		s->id = xasprintf("step-%zu", i + 1);
		if (specs[i].hint != NULL)
			s->hint = xstrdup(specs[i].hint);
		s->option_count = (size_t)count;
		s->options = xcalloc((size_t)count, sizeof *s->options);
		for (j = 0; j < count; j++) {
			struct lesson_option *o = &s->options[j];

			if (s->type == STEP_TRUEFALSE)
				o->text = xstrdup(j == 0 ? "True" : "False");
			else
				o->text = xasprintf("Option %d", j + 1);
			o->correct = (specs[i].right >> j) & 1;
			o->feedback = xstrdup("Because.");
		}
	}
	return l;
}

/*
 * The lesson most tests use:
 *   0 page
 *   1 choice, 3 options, the second right, with a hint
 *   2 multi, 4 options, the first and third right, no hint
 *   3 true/false, the answer is false, with a hint
 *   4 page
 */
static const struct step_spec standard[] = {
	{ STEP_PAGE, 0, 0, NULL },
	{ STEP_CHOICE, 3, 1u << 1, "Look again." },
	{ STEP_MULTI, 4, (1u << 0) | (1u << 2), NULL },
	{ STEP_TRUEFALSE, 2, 1u << 1, "Think about who benefits." },
	{ STEP_PAGE, 0, 0, NULL },
};

#define STEP_NEXT (QUIZ_CH_STEP | QUIZ_CH_ANSWERED)
#define STEP_LAST (QUIZ_CH_STEP | QUIZ_CH_ANSWERED | QUIZ_CH_FINISHED)

static struct lesson *les;
static struct quiz q;

static void
setup_standard(void)
{
	les = make_lesson(standard, RF_ARRAY_LEN(standard));
	quiz_init(&q, les);
}

static void
teardown_standard(void)
{
	quiz_finish(&q);
	lesson_destroy(les);
	les = NULL;
}

/* Confirm the intro, then go on until 'step' (pages are confirmed,
 * questions skipped). */
static void
go_to_step(size_t step)
{
	cr_assert_eq(q.phase, QUIZ_INTRO);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	while (q.step < step) {
		const struct lesson_step *s = quiz_current(&q);

		cr_assert_not_null(s);
		quiz_handle(&q, s->type == STEP_PAGE ? QUIZ_EV_CONFIRM :
		    QUIZ_EV_SKIP, 0);
	}
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, step);
}

static int
marked(void)
{
	int i, mask = 0;

	for (i = 0; i < LESSON_MAX_OPTIONS; i++)
		mask |= q.marks[i] ? 1 << i : 0;
	return mask;
}

static const enum quiz_event all_events[] = {
	QUIZ_EV_MOVE, QUIZ_EV_PICK, QUIZ_EV_TOGGLE, QUIZ_EV_CONFIRM,
	QUIZ_EV_SKIP, QUIZ_EV_HINT,
};

TestSuite(quiz, .init = setup_standard, .fini = teardown_standard);

Test(quiz, init_starts_at_the_intro_with_no_results)
{
	cr_assert_eq(q.lesson, les);
	cr_assert_eq(q.phase, QUIZ_INTRO);
	cr_assert_eq(q.step, 0);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
	cr_assert_not(q.hint_shown);
	cr_assert_str_eq(q.results, ".....");
	cr_assert_eq(quiz_current(&q), &les->steps[0]);
	cr_assert_eq(quiz_score(&q), 0);
	cr_assert_eq(quiz_max_score(&q), 3);
	cr_assert_eq(quiz_skipped(&q), 0);
	cr_assert_eq(quiz_resume_step(&q), 0);
}

Test(quiz, intro_ignores_every_event_but_confirm)
{
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(all_events); i++) {
		if (all_events[i] == QUIZ_EV_CONFIRM)
			continue;
		cr_assert_eq(quiz_handle(&q, all_events[i], 1), 0,
		    "event %d did something in the intro", all_events[i]);
		cr_assert_eq(q.phase, QUIZ_INTRO);
		cr_assert_eq(q.step, 0);
	}
	cr_assert_str_eq(q.results, ".....");
}

Test(quiz, intro_confirm_enters_the_first_step)
{
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 0);
	cr_assert_eq(quiz_current(&q), &les->steps[0]);
	cr_assert_str_eq(q.results, ".....");
}

Test(quiz, page_confirm_goes_to_the_next_step)
{
	go_to_step(0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 1);
	cr_assert_eq(quiz_current(&q), &les->steps[1]);
	/* A page is not scored: nothing is recorded for it. */
	cr_assert_str_eq(q.results, ".....");
}

Test(quiz, page_ignores_move_pick_toggle_and_hint)
{
	go_to_step(0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 0);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
}

Test(quiz, skip_on_a_page_goes_on_without_recording)
{
	go_to_step(0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.step, 1);
	cr_assert_str_eq(q.results, ".....");
	cr_assert_eq(quiz_skipped(&q), 0);
}

struct move_case {
	int arg;
	int cursor;	/* after the move */
};

Test(quiz, move_wraps_around_both_ways)
{
	/* Three options, starting on the first. */
	static const struct move_case moves[] = {
		{ -1, 2 }, { -1, 1 }, { -1, 0 }, { -1, 2 },
		{ 1, 0 }, { 1, 1 }, { 1, 2 }, { 1, 0 }, { 5, 1 },
	};
	size_t i;

	go_to_step(1);
	for (i = 0; i < RF_ARRAY_LEN(moves); i++) {
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, moves[i].arg),
		    QUIZ_CH_CURSOR, "move %zu", i);
		cr_assert_eq(q.cursor, moves[i].cursor, "move %zu: cursor %d",
		    i, q.cursor);
	}
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz, move_wraps_in_true_false)
{
	go_to_step(3);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
}

Test(quiz, pick_by_number_moves_the_cursor_in_a_choice)
{
	go_to_step(1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	/* Picking is not answering. */
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.results[1], QUIZ_R_NONE);
}

Test(quiz, pick_out_of_range_does_nothing)
{
	static const int bad[] = { 3, 7, 8, -1, 100 };
	size_t i;

	go_to_step(1);
	quiz_handle(&q, QUIZ_EV_PICK, 1);
	for (i = 0; i < RF_ARRAY_LEN(bad); i++) {
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, bad[i]), 0,
		    "pick %d", bad[i]);
		cr_assert_eq(q.cursor, 1);
	}
	cr_assert_eq(marked(), 0);
}

Test(quiz, pick_in_a_multi_toggles_that_mark)
{
	go_to_step(2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2),
	    QUIZ_CH_CURSOR | QUIZ_CH_MARKS);
	cr_assert_eq(q.cursor, 2);
	cr_assert_eq(marked(), 1 << 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0),
	    QUIZ_CH_CURSOR | QUIZ_CH_MARKS);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), (1 << 2) | (1 << 0));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2),
	    QUIZ_CH_CURSOR | QUIZ_CH_MARKS);
	cr_assert_eq(marked(), 1 << 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 4), 0);
	cr_assert_eq(marked(), 1 << 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz, choice_right_answer_records_c_and_shows_feedback)
{
	go_to_step(1);
	quiz_handle(&q, QUIZ_EV_MOVE, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.step, 1);
	cr_assert(q.last_right);
	cr_assert_eq(q.results[1], QUIZ_R_RIGHT);
	cr_assert_str_eq(q.results, ".c...");
	/* The answer given is kept for the feedback screen. */
	cr_assert_eq(marked(), 1 << 1);
	cr_assert_eq(quiz_score(&q), 1);
}

Test(quiz, choice_wrong_answer_records_w_and_shows_feedback)
{
	go_to_step(1);
	quiz_handle(&q, QUIZ_EV_PICK, 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, ".w...");
	cr_assert_eq(marked(), 1 << 2);
	cr_assert_eq(quiz_score(&q), 0);
	cr_assert_eq(quiz_skipped(&q), 0);
}

Test(quiz, choice_answer_is_the_option_under_the_cursor_right_away)
{
	/* Enter on a choice always answers: the cursor starts on one. */
	go_to_step(1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.results[1], QUIZ_R_WRONG);
	cr_assert_eq(marked(), 1 << 0);
}

Test(quiz, true_false_right_and_wrong)
{
	go_to_step(3);
	/* "True" is wrong here. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_not(q.last_right);
	cr_assert_eq(q.results[3], QUIZ_R_WRONG);
	quiz_finish(&q);

	quiz_init(&q, les);
	go_to_step(3);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(q.last_right);
	cr_assert_eq(q.results[3], QUIZ_R_RIGHT);
}

Test(quiz, feedback_ignores_everything_but_confirm)
{
	size_t i;

	go_to_step(1);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* wrong */
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	for (i = 0; i < RF_ARRAY_LEN(all_events); i++) {
		if (all_events[i] == QUIZ_EV_CONFIRM)
			continue;
		cr_assert_eq(quiz_handle(&q, all_events[i], 1), 0,
		    "event %d did something in feedback", all_events[i]);
	}
	/* Only the first answer counts: it cannot be changed now. */
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 1 << 0);
	cr_assert_str_eq(q.results, ".w...");
	cr_assert_not(q.hint_shown);
}

Test(quiz, feedback_confirm_goes_on_with_a_fresh_step)
{
	go_to_step(1);
	quiz_handle(&q, QUIZ_EV_HINT, 0);
	quiz_handle(&q, QUIZ_EV_PICK, 2);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 2);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
	cr_assert_not(q.hint_shown);
	/* The result stays. */
	cr_assert_str_eq(q.results, ".w...");
}

Test(quiz, multi_enter_with_nothing_marked_does_nothing)
{
	go_to_step(2);
	quiz_handle(&q, QUIZ_EV_MOVE, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 2);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(q.results[2], QUIZ_R_NONE);
	/* Marking then unmarking leaves nothing marked again. */
	quiz_handle(&q, QUIZ_EV_TOGGLE, 0);
	quiz_handle(&q, QUIZ_EV_TOGGLE, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

struct multi_case {
	unsigned marks;	/* options marked before Enter */
	bool right;
};

ParameterizedTestParameters(quiz, multi_is_right_only_for_the_exact_set)
{
	/* The right set is { 0, 2 } of four. */
	static struct multi_case cases[] = {
		{ (1u << 0) | (1u << 2), true },
		{ 1u << 0, false },
		{ 1u << 2, false },
		{ 1u << 1, false },
		{ (1u << 0) | (1u << 1) | (1u << 2), false },
		{ (1u << 0) | (1u << 2) | (1u << 3), false },
		{ 0xfu, false },
		{ (1u << 1) | (1u << 3), false },
	};

	return cr_make_param_array(struct multi_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct multi_case *c, quiz,
    multi_is_right_only_for_the_exact_set)
{
	int i;

	go_to_step(2);
	for (i = 0; i < 4; i++) {
		if (c->marks & (1u << i))
			cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, i),
			    QUIZ_CH_CURSOR | QUIZ_CH_MARKS);
	}
	cr_assert_eq(marked(), (int)c->marks);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.last_right, c->right, "marks %#x", c->marks);
	cr_assert_eq(q.results[2], c->right ? QUIZ_R_RIGHT : QUIZ_R_WRONG);
	cr_assert_eq(quiz_score(&q), c->right ? 1 : 0);
}

Test(quiz, toggle_marks_the_option_under_the_cursor_in_a_multi)
{
	go_to_step(2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), 1 << 0);
	quiz_handle(&q, QUIZ_EV_MOVE, 1);
	quiz_handle(&q, QUIZ_EV_MOVE, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), (1 << 0) | (1 << 2));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(q.last_right);
	cr_assert_eq(q.results[2], QUIZ_R_RIGHT);
}

Test(quiz, toggle_does_nothing_outside_a_multi)
{
	go_to_step(0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.step, 1);	/* choice */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(marked(), 0);
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	cr_assert_eq(q.step, 3);	/* true/false */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz, skip_records_s_and_counts_apart_from_the_score)
{
	go_to_step(1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	/* No feedback for a skipped question: straight to the next step. */
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 2);
	cr_assert_str_eq(q.results, ".s...");
	cr_assert_eq(quiz_skipped(&q), 1);
	cr_assert_eq(quiz_score(&q), 0);
	cr_assert_eq(quiz_max_score(&q), 3);
	/* A multi with marks can still be skipped; the marks are dropped. */
	quiz_handle(&q, QUIZ_EV_TOGGLE, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.step, 3);
	cr_assert_eq(marked(), 0);
	cr_assert_str_eq(q.results, ".ss..");
	cr_assert_eq(quiz_skipped(&q), 2);
}

Test(quiz, hint_shows_once_when_the_step_has_one)
{
	go_to_step(1);
	cr_assert_not(q.hint_shown);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), QUIZ_CH_HINT);
	cr_assert(q.hint_shown);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
	cr_assert(q.hint_shown);
	/* Seeing the hint does not change the answer or the score. */
	quiz_handle(&q, QUIZ_EV_PICK, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.results[1], QUIZ_R_RIGHT);
}

Test(quiz, hint_does_nothing_without_one)
{
	go_to_step(2);	/* a multi with no hint */
	cr_assert_null(les->steps[2].hint);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
	cr_assert_not(q.hint_shown);
}

Test(quiz, hint_is_offered_again_on_the_next_question)
{
	go_to_step(1);
	quiz_handle(&q, QUIZ_EV_HINT, 0);
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	cr_assert_eq(q.step, 3);
	cr_assert_not(q.hint_shown);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), QUIZ_CH_HINT);
	cr_assert(q.hint_shown);
}

Test(quiz, confirming_the_last_page_finishes)
{
	go_to_step(4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_eq(q.step, les->step_count);
	cr_assert_null(quiz_current(&q));
	cr_assert_str_eq(q.results, ".sss.");
	cr_assert_eq(quiz_resume_step(&q), 0);
}

Test(quiz, summary_ignores_every_event)
{
	size_t i;
	int arg;

	go_to_step(4);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	for (i = 0; i < RF_ARRAY_LEN(all_events); i++) {
		for (arg = -1; arg <= 1; arg++) {
			cr_assert_eq(quiz_handle(&q, all_events[i], arg), 0,
			    "event %d (%d) did something in the summary",
			    all_events[i], arg);
		}
	}
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_eq(q.step, les->step_count);
	cr_assert_str_eq(q.results, ".sss.");
}

Test(quiz, score_counts_first_answers_right)
{
	go_to_step(0);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	/* choice: right */
	quiz_handle(&q, QUIZ_EV_PICK, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* multi: wrong (one of the two) */
	quiz_handle(&q, QUIZ_EV_PICK, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* true/false: skipped */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.step, 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_str_eq(q.results, ".cws.");
	cr_assert_eq(quiz_score(&q), 1);
	cr_assert_eq(quiz_max_score(&q), 3);
	cr_assert_eq(quiz_skipped(&q), 1);
}

Test(quiz, resume_step_is_where_they_stopped)
{
	cr_assert_eq(quiz_resume_step(&q), 0);	/* intro */
	go_to_step(1);
	cr_assert_eq(quiz_resume_step(&q), 1);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	/* The question is answered: come back to the one after it. */
	cr_assert_eq(quiz_resume_step(&q), 2);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(quiz_resume_step(&q), 2);
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	cr_assert_eq(quiz_resume_step(&q), 3);
}

Test(quiz, restore_resumes_at_the_step_with_the_results)
{
	quiz_restore(&q, 2, ".c...");
	/* The intro still comes first. */
	cr_assert_eq(q.phase, QUIZ_INTRO);
	cr_assert_str_eq(q.results, ".c...");
	cr_assert_eq(quiz_score(&q), 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, 2);
	cr_assert_eq(quiz_current(&q), &les->steps[2]);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
	/* Going on keeps the restored results. */
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	cr_assert_str_eq(q.results, ".cs..");
	cr_assert_eq(quiz_score(&q), 1);
	cr_assert_eq(quiz_skipped(&q), 1);
}

Test(quiz, restore_accepts_every_result_character)
{
	quiz_restore(&q, 4, ".cws.");
	cr_assert_str_eq(q.results, ".cws.");
	cr_assert_eq(quiz_score(&q), 1);
	cr_assert_eq(quiz_skipped(&q), 1);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.step, 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
}

Test(quiz, restore_never_asks_an_answered_question_again)
{
	/* Left during the feedback of step 1: the saved step is 1 but its
	 * answer is in; the first answer counts, so go on at step 2. */
	quiz_restore(&q, 1, ".w...");
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.step, 2);
	cr_assert_str_eq(q.results, ".w...");
}

Test(quiz, restore_with_everything_answered_leads_to_the_summary)
{
	/* Left during the feedback of the last question (step 3); step 4
	 * is a page, so the place to go on is that page. */
	quiz_restore(&q, 3, ".ccc.");
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.step, 4);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

/* Parameters are copied into each test's process: no pointers. */
struct restore_case {
	size_t step;
	bool null;
	char results[8];
};

ParameterizedTestParameters(quiz, restore_ignores_bad_saved_state)
{
	static struct restore_case cases[] = {
		{ 2, false, "...." },	/* too short: the lesson changed */
		{ 2, false, "......" },	/* too long */
		{ 2, false, "" },
		{ 2, false, "..x.." },	/* not a result character */
		{ 2, false, ".C..." },
		{ 2, false, ". ..." },
		{ 2, false, "\xc3\xa9..." },	/* 5 bytes, 4 characters */
		{ 5, false, "....." },	/* past the last step */
		{ 99, false, ".c..." },
		{ 1, true, "" },	/* nothing saved */
	};

	return cr_make_param_array(struct restore_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct restore_case *c, quiz,
    restore_ignores_bad_saved_state)
{
	quiz_restore(&q, c->step, c->null ? NULL : c->results);
	cr_assert_eq(q.phase, QUIZ_INTRO);
	cr_assert_eq(q.step, 0);
	cr_assert_str_eq(q.results, ".....");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.step, 0);
}

struct right_case {
	size_t step;
	size_t option;
	bool right;
};

ParameterizedTestParameters(quiz, option_right_follows_the_lesson)
{
	static struct right_case cases[] = {
		{ 1, 0, false }, { 1, 1, true }, { 1, 2, false },
		{ 1, 3, false },	/* past the options */
		{ 2, 0, true }, { 2, 1, false }, { 2, 2, true },
		{ 2, 3, false }, { 2, 7, false },
		{ 3, 0, false }, { 3, 1, true }, { 3, 2, false },
		{ 0, 0, false },	/* a page has no options */
	};

	return cr_make_param_array(struct right_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct right_case *c, quiz, option_right_follows_the_lesson)
{
	cr_assert_eq(quiz_option_right(&les->steps[c->step], c->option),
	    c->right, "step %zu option %zu", c->step, c->option);
}

Test(quiz, finish_frees_the_results)
{
	quiz_finish(&q);
	cr_assert_null(q.results);
	quiz_init(&q, les);	/* for the suite's teardown */
	cr_assert_not_null(q.results);
}

/* Lessons whose shape differs from the standard one. */

Test(quiz, answering_the_last_question_finishes_after_feedback)
{
	static const struct step_spec specs[] = {
		{ STEP_CHOICE, 2, 1u << 0, NULL },
		{ STEP_MULTI, 3, 1u << 1, NULL },
	};
	struct lesson *l = make_lesson(specs, RF_ARRAY_LEN(specs));
	struct quiz z;

	quiz_init(&z, l);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(z.last_right);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(z.step, 1);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_PICK, 1),
	    QUIZ_CH_CURSOR | QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(z.phase, QUIZ_FEEDBACK);
	cr_assert(z.last_right);
	/* The feedback of the last question is not the end yet. */
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(z.phase, QUIZ_SUMMARY);
	cr_assert_null(quiz_current(&z));
	cr_assert_str_eq(z.results, "cc");
	cr_assert_eq(quiz_score(&z), 2);
	cr_assert_eq(quiz_max_score(&z), 2);
	quiz_finish(&z);
	lesson_destroy(l);
}

Test(quiz, skipping_the_last_question_finishes)
{
	static const struct step_spec specs[] = {
		{ STEP_PAGE, 0, 0, NULL },
		{ STEP_TRUEFALSE, 2, 1u << 0, "A hint." },
	};
	struct lesson *l = make_lesson(specs, RF_ARRAY_LEN(specs));
	struct quiz z;

	quiz_init(&z, l);
	quiz_handle(&z, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_SKIP, 0), STEP_LAST);
	cr_assert_eq(z.phase, QUIZ_SUMMARY);
	cr_assert_str_eq(z.results, ".s");
	cr_assert_eq(quiz_score(&z), 0);
	cr_assert_eq(quiz_max_score(&z), 1);
	cr_assert_eq(quiz_skipped(&z), 1);
	quiz_finish(&z);
	lesson_destroy(l);
}

Test(quiz, a_single_page_lesson_finishes_on_confirm)
{
	static const struct step_spec specs[] = {
		{ STEP_PAGE, 0, 0, NULL },
	};
	struct lesson *l = make_lesson(specs, RF_ARRAY_LEN(specs));
	struct quiz z;

	quiz_init(&z, l);
	cr_assert_str_eq(z.results, ".");
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(z.phase, QUIZ_SUMMARY);
	cr_assert_eq(quiz_max_score(&z), 0);
	cr_assert_eq(quiz_score(&z), 0);
	quiz_finish(&z);
	lesson_destroy(l);
}

Test(quiz, a_lesson_without_steps_goes_from_intro_to_summary)
{
	struct lesson *l = make_lesson(NULL, 0);
	struct quiz z;

	quiz_init(&z, l);
	cr_assert_str_eq(z.results, "");
	cr_assert_null(quiz_current(&z));
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0),
	    QUIZ_CH_STEP | QUIZ_CH_FINISHED);
	cr_assert_eq(z.phase, QUIZ_SUMMARY);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(quiz_max_score(&z), 0);
	quiz_finish(&z);
	lesson_destroy(l);
}

Test(quiz, eight_options_wrap_and_pick_up_to_the_eighth)
{
	static const struct step_spec specs[] = {
		{ STEP_CHOICE, LESSON_MAX_OPTIONS, 1u << 7, NULL },
	};
	struct lesson *l = make_lesson(specs, RF_ARRAY_LEN(specs));
	struct quiz z;

	quiz_init(&z, l);
	quiz_handle(&z, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(z.cursor, 7);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_PICK, 8), 0);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_PICK, 7), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(z.last_right);
	cr_assert_str_eq(z.results, "c");
	quiz_finish(&z);
	lesson_destroy(l);
}

/* The same rules for a lesson read from a file, as the program does. */

Test(quiz, a_lesson_from_a_file_plays_through)
{
	struct diag_list d;
	struct lesson *l;
	struct quiz z;

	diag_list_init(&d);
	l = lesson_load("data/quiz/every-type.yaml", &d, NULL, NULL);
	cr_assert_not_null(l);
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 0);
	cr_assert_eq(l->step_count, 5);
	quiz_init(&z, l);

	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	/* page */
	cr_assert_eq(quiz_current(&z)->type, STEP_PAGE);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* choice: the third option is right; the hint is there once */
	cr_assert_eq(quiz_current(&z)->type, STEP_CHOICE);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_HINT, 0), QUIZ_CH_HINT);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_HINT, 0), 0);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_PICK, 2), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(z.last_right);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* true/false: the answer is true */
	cr_assert_eq(quiz_current(&z)->type, STEP_TRUEFALSE);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_HINT, 0), 0);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(z.last_right);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* multi: the first and last of three are right */
	cr_assert_eq(quiz_current(&z)->type, STEP_MULTI);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert(z.last_right);
	cr_assert_eq(quiz_resume_step(&z), 4);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* the closing page */
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(z.phase, QUIZ_SUMMARY);
	cr_assert_str_eq(z.results, ".ccc.");
	cr_assert_eq(quiz_score(&z), 3);
	cr_assert_eq(quiz_max_score(&z), 3);
	cr_assert_eq(quiz_skipped(&z), 0);

	quiz_finish(&z);
	lesson_destroy(l);
	diag_list_finish(&d);
}

Test(quiz, a_lesson_whose_last_step_was_answered_resumes_at_its_summary)
{
	static const struct step_spec two[] = {
		{ STEP_PAGE, 0, 0, NULL },
		{ STEP_CHOICE, 2, 1u << 0, NULL },
	};
	struct lesson *l = make_lesson(two, 2);
	struct quiz z;

	quiz_init(&z, l);
	quiz_restore(&z, 1, ".c");
	cr_assert_eq(z.phase, QUIZ_INTRO);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0),
	    QUIZ_CH_STEP | QUIZ_CH_FINISHED);
	cr_assert_eq(z.phase, QUIZ_SUMMARY);
	cr_assert_eq(quiz_score(&z), 1);
	quiz_finish(&z);
	lesson_destroy(l);
}
