/*
 * play.h - a lesson being played, as both interfaces (ui-*.c and plain.c)
 * play it: the engine started where the student stopped, and the
 * student's place and results saved.  No curses here.
 */
#ifndef RF_PLAY_H
#define RF_PLAY_H

#include <stdbool.h>

#include "lesson.h"
#include "progress.h"
#include "quiz.h"

/* Start q on l, resuming a started lesson where it stopped (unless the
 * lesson has changed since).  quiz_finish(q) when done. */
void play_open(struct quiz *q, const struct lesson *l,
    const struct progress *p);

/*
 * Store the student's place and results in q's lesson and save them.
 * Leaving from the intro changes nothing, and a finished lesson was
 * stored when it was finished, so those save nothing unless 'finished'.
 */
void play_save(struct progress *p, const struct quiz *q, bool finished);

#endif
