/*
 * quiz.h - the lesson player's state machine.  No curses: the UI turns
 * keys into events, quiz_handle() answers with flags saying what changed,
 * and the UI redraws just that.  Tests drive the same events.
 *
 * A lesson goes: INTRO (title, content note, objectives) -> for each step:
 * STEP (read a page, or pick an answer) -> FEEDBACK (questions only) ->
 * ... -> SUMMARY (score, what to remember).  A question counts as right
 * only when the first answer given is right; a skipped question counts
 * apart from a wrong one.
 */
#ifndef RF_QUIZ_H
#define RF_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson.h"

enum quiz_phase {
	QUIZ_INTRO,
	QUIZ_STEP,
	QUIZ_FEEDBACK,
	QUIZ_SUMMARY,
};

enum quiz_event {
	QUIZ_EV_MOVE,		/* arg: -1 up, +1 down */
	QUIZ_EV_PICK,		/* arg: option index (number keys) */
	QUIZ_EV_TOGGLE,		/* multi: mark/unmark the option under the cursor */
	QUIZ_EV_CONFIRM,	/* Enter: start, answer, or go on */
	QUIZ_EV_SKIP,		/* skip this question, no penalty */
	QUIZ_EV_HINT,		/* show the hint */
};

/* What changed (bit flags); 0 when the event did nothing here. */
enum quiz_change {
	QUIZ_CH_CURSOR = 1 << 0,
	QUIZ_CH_MARKS = 1 << 1,
	QUIZ_CH_STEP = 1 << 2,		/* a new step or phase to draw */
	QUIZ_CH_ANSWERED = 1 << 3,	/* a result was recorded: save */
	QUIZ_CH_HINT = 1 << 4,
	QUIZ_CH_FINISHED = 1 << 5,	/* the lesson was just finished */
};

/* A step's result (the same characters progress stores). */
#define QUIZ_R_NONE '.'
#define QUIZ_R_RIGHT 'c'
#define QUIZ_R_WRONG 'w'
#define QUIZ_R_SKIPPED 's'

struct quiz {
	const struct lesson *lesson;	/* borrowed */
	enum quiz_phase phase;
	size_t step;
	int cursor;			/* option under the cursor */
	bool marks[LESSON_MAX_OPTIONS];	/* the answer being built/given */
	bool hint_shown;
	bool last_right;		/* FEEDBACK: was the answer right? */
	char *results;			/* step_count chars, NUL-terminated */
};

/* Start a lesson at its intro, with no results.  quiz_finish frees. */
void quiz_init(struct quiz *q, const struct lesson *l);
void quiz_finish(struct quiz *q);

/*
 * Resume: keep the intro first, but continue at 'step' with the results
 * saved before, skipping questions already answered (only the first
 * answer counts); when every step is done the intro leads to the
 * summary.  A results string of the wrong length (the lesson changed) is
 * ignored and the lesson starts from the top.
 */
void quiz_restore(struct quiz *q, size_t step, const char *results);

unsigned quiz_handle(struct quiz *q, enum quiz_event ev, int arg);

const struct lesson_step *quiz_current(const struct quiz *q);

/* The step to save as "where they stopped". */
size_t quiz_resume_step(const struct quiz *q);

/* Questions right the first time / asked / skipped. */
int quiz_score(const struct quiz *q);
int quiz_max_score(const struct quiz *q);
int quiz_skipped(const struct quiz *q);

/* Would option i be right to choose (multi: to mark)? */
bool quiz_option_right(const struct lesson_step *s, size_t i);

#endif
