/* play.c - a lesson being played: resume, and save the place. */
#include "play.h"

#include <string.h>
#include <time.h>

void
play_open(struct quiz *q, const struct lesson *l, const struct progress *p)
{
	const struct progress_entry *pe = progress_get(p, l->id);

	quiz_init(q, l);
	if (pe != NULL && pe->status == PROGRESS_STARTED &&
	    (size_t)pe->step_count == l->step_count)
		quiz_restore(q, (size_t)pe->step, pe->results);
}

void
play_save(struct progress *p, const struct quiz *q, bool finished)
{
	const struct lesson *l = q->lesson;
	const struct progress_entry *old;
	struct progress_entry e;

	if (!finished && (q->phase == QUIZ_INTRO || q->phase == QUIZ_SUMMARY))
		return;
	old = progress_get(p, l->id);
	memset(&e, 0, sizeof e);
	e.lesson_id = l->id;
	e.step_count = (int)l->step_count;
	e.score = quiz_score(q);
	e.max_score = quiz_max_score(q);
	e.times_finished = (old ? old->times_finished : 0) + (finished ? 1 : 0);
	e.updated = (long long)time(NULL);
	e.results = q->results;
	e.status = finished ? PROGRESS_FINISHED : PROGRESS_STARTED;
	e.step = finished ? 0 : (int)quiz_resume_step(q);
	progress_set(p, &e);
	progress_save(p);
}
