/* play.c - a lesson being played: resume, save the place, class results. */
#include "play.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/*
 * One lesson is played at a time in a program, by one student: the
 * results settings and the record being built live here rather than be
 * threaded through both interfaces.
 */
static struct play_results results_cfg;
static bool results_on;
static struct play_record current;

void
play_set_results(const struct play_results *r)
{
	results_on = r != NULL && r->dir != NULL && *r->dir != '\0';
	if (results_on)
		results_cfg = *r;
}

void
play_open(struct quiz *q, const struct lesson *l, const struct progress *p)
{
	const struct progress_entry *pe = progress_get(p, l->id);

	quiz_init(q, l);
	if (pe != NULL && pe->status == PROGRESS_STARTED &&
	    (size_t)pe->step_count == l->step_count)
		quiz_restore(q, (size_t)pe->step, pe->results);
	results_record_finish(&current.rec);
	memset(&current, 0, sizeof current);
	current.started = time(NULL);
}

static void
write_result(struct progress *p, const struct quiz *q)
{
	long seconds = (long)(time(NULL) - current.started);
	char *path = NULL;
	int err;

	results_from_quiz(&current.rec, q, results_cfg.lang,
	    results_cfg.class_code, seconds);
	/* A full or missing folder must not stop the student: the record
	 * is lost, their own progress is not, and the teacher is told. */
	err = results_write(results_cfg.dir, &current.rec, &path);
	if (err != 0) {
		char *dir = text_sanitize(results_cfg.dir,
		    strlen(results_cfg.dir), 0);

		progress_add_notice(p, xasprintf(_("Your answers could not be "
		    "added to the class results in %s (%s). Please tell your "
		    "teacher; your own progress is kept."), dir,
		    strerror(err)));
		free(dir);
	}
	free(path);
	results_record_finish(&current.rec);
	memset(&current.rec, 0, sizeof current.rec);
}

void
play_save(struct progress *p, const struct quiz *q, bool finished)
{
	const struct lesson *l = q->lesson;
	const struct progress_entry *old;
	struct progress_entry e;

	if (results_on)
		results_note_step(&current.rec, q);
	if (!finished && (q->phase == QUIZ_INTRO || q->phase == QUIZ_SUMMARY))
		return;
	if (finished && results_on)
		write_result(p, q);
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
