/* quiz.c - the lesson player's state machine. */
#include "quiz.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void
quiz_init(struct quiz *q, const struct lesson *l)
{
	memset(q, 0, sizeof *q);
	q->lesson = l;
	q->phase = QUIZ_INTRO;
	q->results = xmalloc(l->step_count + 1);
	memset(q->results, QUIZ_R_NONE, l->step_count);
	q->results[l->step_count] = '\0';
}

void
quiz_finish(struct quiz *q)
{
	free(q->results);
	q->results = NULL;
}

static bool
valid_results(const char *r, size_t n)
{
	size_t i;

	if (strlen(r) != n)
		return false;
	for (i = 0; i < n; i++) {
		if (strchr(".cws", r[i]) == NULL || r[i] == '\0')
			return false;
	}
	return true;
}

void
quiz_restore(struct quiz *q, size_t step, const char *results)
{
	size_t n = q->lesson->step_count;

	if (results == NULL || !valid_results(results, n) || step >= n)
		return;
	memcpy(q->results, results, n);
	/* Only the first answer counts: never ask an answered question
	 * again (the student may have left during its feedback).  Past the
	 * last step, the intro leads to the summary. */
	while (step < n && q->results[step] != QUIZ_R_NONE)
		step++;
	q->step = step;
}

const struct lesson_step *
quiz_current(const struct quiz *q)
{
	if (q->step >= q->lesson->step_count)
		return NULL;
	return &q->lesson->steps[q->step];
}

bool
quiz_option_right(const struct lesson_step *s, size_t i)
{
	return i < s->option_count && s->options[i].correct;
}

static void
enter_step(struct quiz *q)
{
	q->phase = QUIZ_STEP;
	q->cursor = 0;
	q->hint_shown = false;
	memset(q->marks, 0, sizeof q->marks);
}

/* Move on after a page or a question's feedback. */
static unsigned
advance(struct quiz *q)
{
	if (q->step + 1 >= q->lesson->step_count) {
		q->step = q->lesson->step_count;
		q->phase = QUIZ_SUMMARY;
		return QUIZ_CH_STEP | QUIZ_CH_FINISHED | QUIZ_CH_ANSWERED;
	}
	q->step++;
	enter_step(q);
	return QUIZ_CH_STEP | QUIZ_CH_ANSWERED;
}

static bool
answer_right(const struct quiz *q, const struct lesson_step *s)
{
	size_t i;

	for (i = 0; i < s->option_count; i++) {
		if (q->marks[i] != s->options[i].correct)
			return false;
	}
	return true;
}

static unsigned
submit(struct quiz *q, const struct lesson_step *s)
{
	size_t i;
	bool any = false;

	if (s->type != STEP_MULTI) {
		memset(q->marks, 0, sizeof q->marks);
		q->marks[q->cursor] = true;
	}
	for (i = 0; i < s->option_count; i++)
		any |= q->marks[i];
	if (!any)
		return 0;	/* nothing marked yet: Enter does nothing */
	q->last_right = answer_right(q, s);
	q->results[q->step] = q->last_right ? QUIZ_R_RIGHT : QUIZ_R_WRONG;
	q->phase = QUIZ_FEEDBACK;
	return QUIZ_CH_STEP | QUIZ_CH_ANSWERED;
}

unsigned
quiz_handle(struct quiz *q, enum quiz_event ev, int arg)
{
	const struct lesson_step *s = quiz_current(q);
	bool question = s != NULL && lesson_step_is_question(s) &&
	    s->option_count > 0;
	int n = question ? (int)s->option_count : 0;

	switch (q->phase) {
	case QUIZ_INTRO:
		if (ev != QUIZ_EV_CONFIRM)
			return 0;
		if (q->step >= q->lesson->step_count) {
			q->step = q->lesson->step_count;
			q->phase = QUIZ_SUMMARY;
			return QUIZ_CH_STEP | QUIZ_CH_FINISHED;
		}
		enter_step(q);
		return QUIZ_CH_STEP;
	case QUIZ_SUMMARY:
		return 0;
	case QUIZ_FEEDBACK:
		if (ev == QUIZ_EV_CONFIRM)
			return advance(q);
		return 0;
	case QUIZ_STEP:
		break;
	}

	switch (ev) {
	case QUIZ_EV_MOVE:
		if (!question || n == 0)
			return 0;
		q->cursor = (q->cursor + (arg < 0 ? n - 1 : 1)) % n;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_PICK:
		if (!question || arg < 0 || arg >= n)
			return 0;
		q->cursor = arg;
		if (s->type == STEP_MULTI) {
			q->marks[arg] = !q->marks[arg];
			return QUIZ_CH_CURSOR | QUIZ_CH_MARKS;
		}
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_TOGGLE:
		if (!question || s->type != STEP_MULTI)
			return 0;
		q->marks[q->cursor] = !q->marks[q->cursor];
		return QUIZ_CH_MARKS;
	case QUIZ_EV_CONFIRM:
		if (!question)
			return advance(q);
		return submit(q, s);
	case QUIZ_EV_SKIP:
		if (!question)
			return advance(q);
		q->results[q->step] = QUIZ_R_SKIPPED;
		return advance(q);
	case QUIZ_EV_HINT:
		if (!question || s->hint == NULL || q->hint_shown)
			return 0;
		q->hint_shown = true;
		return QUIZ_CH_HINT;
	}
	return 0;
}

size_t
quiz_resume_step(const struct quiz *q)
{
	if (q->phase == QUIZ_FEEDBACK && q->step + 1 < q->lesson->step_count)
		return q->step + 1;
	if (q->step >= q->lesson->step_count)
		return 0;
	return q->step;
}

static int
count_results(const struct quiz *q, char r)
{
	size_t i;
	int n = 0;

	for (i = 0; i < q->lesson->step_count; i++)
		n += q->results[i] == r;
	return n;
}

int
quiz_score(const struct quiz *q)
{
	return count_results(q, QUIZ_R_RIGHT);
}

int
quiz_max_score(const struct quiz *q)
{
	return lesson_question_count(q->lesson);
}

int
quiz_skipped(const struct quiz *q)
{
	return count_results(q, QUIZ_R_SKIPPED);
}
