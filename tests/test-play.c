/* tests/test-play.c - resuming a lesson and saving the student's place. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson-yaml.h"
#include "play.h"
#include "util.h"

static struct lesson *les;
static struct progress prog;
static char dir[] = "/tmp/redflags-play-XXXXXX";

static void
setup(void)
{
	struct diag_list d;

	setlocale(LC_ALL, "C.UTF-8");
	diag_list_init(&d);
	/* A page, a choice, a true/false, a multi. */
	les = lesson_load("data/e2e/en/sample.yaml", &d, NULL, NULL);
	cr_assert_not_null(les);
	diag_list_finish(&d);
	strcpy(dir, "/tmp/redflags-play-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	progress_open(&prog, dir);
	cr_assert(prog.can_save);
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc;

	progress_close(&prog);
	lesson_destroy(les);
	rc = system(cmd);
	(void)rc;
	free(cmd);
}

TestSuite(play, .init = setup, .fini = teardown);

/* Reopen the store from disk, to see what was really saved. */
static const struct progress_entry *
saved(struct progress *fresh)
{
	progress_open(fresh, dir);
	return progress_get(fresh, "e2e-sample");
}

Test(play, leaving_from_the_intro_saves_nothing)
{
	struct progress fresh;
	struct quiz q;

	play_open(&q, les, &prog);
	play_save(&prog, &q, false);
	cr_expect_null(saved(&fresh));
	progress_close(&fresh);
	quiz_finish(&q);
}

Test(play, an_answer_saves_the_place_and_the_result)
{
	struct progress fresh;
	const struct progress_entry *e;
	struct quiz q;

	play_open(&q, les, &prog);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* intro */
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* page */
	quiz_handle(&q, QUIZ_EV_PICK, 1);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* right */
	play_save(&prog, &q, false);
	e = saved(&fresh);
	cr_assert_not_null(e);
	cr_expect_eq(e->status, PROGRESS_STARTED);
	cr_expect_eq(e->step, 2, "resume after the answered question");
	cr_expect_eq(e->step_count, 4);
	cr_expect_eq(e->score, 1);
	cr_expect_eq(e->max_score, 3);
	cr_expect_str_eq(e->results, ".c..");
	cr_expect_eq(e->times_finished, 0);
	progress_close(&fresh);
	quiz_finish(&q);
}

Test(play, opening_a_started_lesson_resumes_it)
{
	struct quiz q;

	play_open(&q, les, &prog);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* the wrong option */
	play_save(&prog, &q, false);
	quiz_finish(&q);

	play_open(&q, les, &prog);
	cr_expect_eq(q.phase, QUIZ_INTRO);
	cr_expect_eq(q.step, 2);
	cr_expect_str_eq(q.results, ".w..");
	quiz_finish(&q);
}

Test(play, finishing_counts_and_restarts_at_the_top)
{
	struct progress fresh;
	const struct progress_entry *e;
	struct quiz q;
	int round;

	for (round = 1; round <= 2; round++) {
		play_open(&q, les, &prog);
		quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
		while (q.phase != QUIZ_SUMMARY)
			quiz_handle(&q, QUIZ_EV_SKIP, 0);
		play_save(&prog, &q, true);
		/* A later save from the summary does not count again. */
		play_save(&prog, &q, false);
		quiz_finish(&q);
		e = saved(&fresh);
		cr_assert_not_null(e);
		cr_expect_eq(e->status, PROGRESS_FINISHED);
		cr_expect_eq(e->step, 0);
		cr_expect_eq(e->times_finished, round);
		progress_close(&fresh);
	}
	/* A finished lesson opens at the top. */
	play_open(&q, les, &prog);
	cr_expect_eq(q.step, 0);
	quiz_finish(&q);
}

Test(play, a_changed_lesson_starts_from_the_top)
{
	struct progress_entry e = { 0 };
	struct quiz q;

	e.lesson_id = "e2e-sample";
	e.status = PROGRESS_STARTED;
	e.step = 2;
	e.step_count = 9;	/* the lesson had 9 steps then */
	e.results = ".........";
	progress_set(&prog, &e);
	play_open(&q, les, &prog);
	cr_expect_eq(q.step, 0);
	cr_expect_str_eq(q.results, "....");
	quiz_finish(&q);
}

Test(play, a_class_results_folder_that_fails_is_said_and_progress_is_kept)
{
	struct play_results r = { 0 };
	struct progress fresh;
	const struct progress_entry *e;
	struct quiz q;

	r.dir = "/tmp/redflags-play-no-such-folder/\x1b[31mred";
	r.lang = "en";
	play_set_results(&r);
	play_open(&q, les, &prog);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	while (q.phase != QUIZ_SUMMARY)
		quiz_handle(&q, QUIZ_EV_SKIP, 0);
	play_save(&prog, &q, true);
	quiz_finish(&q);
	play_set_results(NULL);

	cr_assert_not_null(prog.notice);
	cr_expect(strstr(prog.notice, "could not be added to the class "
	    "results") != NULL, "%s", prog.notice);
	cr_expect(strstr(prog.notice, "No such file or directory") != NULL,
	    "%s", prog.notice);
	cr_expect(strchr(prog.notice, '\x1b') == NULL, "escape kept: %s",
	    prog.notice);
	/* The student's own progress is saved all the same. */
	e = saved(&fresh);
	cr_assert_not_null(e);
	cr_expect_eq(e->status, PROGRESS_FINISHED);
	progress_close(&fresh);
}
