/*
 * play.h - a lesson being played, as both interfaces (ui-*.c and plain.c)
 * play it: the engine started where the student stopped, the student's
 * place and results saved, and, when the lab has a results folder, an
 * anonymous result record written when the lesson is finished.  No
 * curses here.
 */
#ifndef RF_PLAY_H
#define RF_PLAY_H

#include <stdbool.h>
#include <time.h>

#include "lesson.h"
#include "progress.h"
#include "quiz.h"
#include "results.h"

/* Where class results go, from the settings (all may be NULL). */
struct play_results {
	const char *dir;	/* the lab's results folder */
	const char *class_code;	/* an optional class code */
	const char *lang;	/* the lesson's language */
};

/* The results part of a lesson being played: set by play_open. */
struct play_record {
	struct result_record rec;
	time_t started;
};

/* Which results to write: play_open and play_save use it.  NULL turns
 * class results off (the default). */
void play_set_results(const struct play_results *r);

/* Start q on l, resuming a started lesson where it stopped (unless the
 * lesson has changed since).  quiz_finish(q) when done. */
void play_open(struct quiz *q, const struct lesson *l,
    const struct progress *p);

/*
 * Store the student's place and results in q's lesson and save them.
 * Leaving from the intro changes nothing, and a finished lesson was
 * stored when it was finished, so those save nothing unless 'finished'.
 * With a results folder, the details of each answer are noted, and a
 * finished lesson's record is written there.
 */
void play_save(struct progress *p, const struct quiz *q, bool finished);

#endif
