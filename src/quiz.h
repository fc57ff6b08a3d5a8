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
	QUIZ_EV_BACK,		/* scenario: go back one step of the story */
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

#define QUIZ_MAX_MARKS LESSON_MAX_MESSAGES
#define QUIZ_MAX_PATH 64

struct quiz {
	const struct lesson *lesson;	/* borrowed */
	enum quiz_phase phase;
	size_t step;
	int cursor;			/* option, message, choice or item */
	bool marks[QUIZ_MAX_MARKS];	/* options or chat messages marked */
	bool hint_shown;
	bool last_right;		/* FEEDBACK: was the answer right? */
	char *results;			/* step_count chars, NUL-terminated */
	/* chat */
	size_t revealed;		/* messages shown so far */
	/* scenario: the path taken, start first, the current node last */
	size_t path[QUIZ_MAX_PATH];
	int path_choice[QUIZ_MAX_PATH];	/* the choice taken from path[i] */
	size_t path_len;
	int last_choice;		/* the choice that led here, or -1 */
	size_t first_ending;		/* LESSON_NO_NODE until one is reached */
	/* order: perm[place] = the item shown at that place */
	int perm[LESSON_MAX_ITEMS];
	bool grabbed;			/* the item under the cursor moves */
};

/*
 * How the events act on each step type, in QUIZ_STEP:
 *   chat      MOVE moves between revealed messages (in reveal mode, MOVE
 *             down past the last one, or CONFIRM, brings the next);
 *             TOGGLE marks a message of the other person as a red flag;
 *             CONFIRM, once all are shown and one is marked, checks.
 *   scenario  MOVE/PICK choose, CONFIRM takes the choice to its node; at
 *             an ending the phase is FEEDBACK; BACK goes back one node.
 *             The first ending reached is the result.
 *   order     MOVE moves the cursor, or with TOGGLE (grab) the item;
 *             PICK moves the cursor to a place; CONFIRM checks.
 */

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

/* Go straight to a step, as if just arrived at it (an author's preview
 * and its reload use this).  A step past the end goes to the summary. */
void quiz_goto(struct quiz *q, size_t step);

const struct lesson_step *quiz_current(const struct quiz *q);

/* The step to save as "where they stopped". */
size_t quiz_resume_step(const struct quiz *q);

/* Questions right the first time / asked / skipped. */
int quiz_score(const struct quiz *q);
int quiz_max_score(const struct quiz *q);
int quiz_skipped(const struct quiz *q);

/* Would option i be right to choose (multi: to mark)? */
bool quiz_option_right(const struct lesson_step *s, size_t i);

/* A checked chat: red flags found, missed, and messages marked that are
 * not red flags. */
void quiz_chat_counts(const struct quiz *q, int *found, int *missed,
    int *wrong);

/* The scenario node shown now (LESSON_NO_NODE outside a scenario). */
size_t quiz_node(const struct quiz *q);

#endif
