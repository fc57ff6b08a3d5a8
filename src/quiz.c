/* quiz.c - the lesson player's state machine. */
#include "quiz.h"

#include <stdint.h>
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
	q->last_choice = -1;
	q->first_ending = LESSON_NO_NODE;
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

size_t
quiz_node(const struct quiz *q)
{
	const struct lesson_step *s = quiz_current(q);

	if (s == NULL || s->type != STEP_SCENARIO || q->path_len == 0)
		return LESSON_NO_NODE;
	return q->path[q->path_len - 1];
}

/*
 * A shuffle that is the same every time for the same step (so a class
 * sees one order and tests can rely on it), and never the right order.
 */
static void
shuffle_order(struct quiz *q, const struct lesson_step *s)
{
	size_t n = s->order.item_count, i;
	uint32_t seed = 2166136261u;
	const char *p;

	for (i = 0; i < n; i++)
		q->perm[i] = (int)i;
	for (p = s->id ? s->id : ""; *p != '\0'; p++)
		seed = (seed ^ (unsigned char)*p) * 16777619u;
	for (i = n; i > 1; i--) {
		size_t j;
		int t;

		seed = seed * 1103515245u + 12345u;
		j = (seed >> 8) % i;
		t = q->perm[i - 1];
		q->perm[i - 1] = q->perm[j];
		q->perm[j] = t;
	}
	/* Rotate until it is wrong (unless every order is right). */
	for (i = 0; i < n && n > 1 && lesson_order_right(&s->order, q->perm);
	    i++) {
		int first = q->perm[0];

		memmove(q->perm, q->perm + 1, (n - 1) * sizeof q->perm[0]);
		q->perm[n - 1] = first;
	}
}

static void
enter_step(struct quiz *q)
{
	const struct lesson_step *s = quiz_current(q);

	q->phase = QUIZ_STEP;
	q->cursor = 0;
	q->hint_shown = false;
	q->grabbed = false;
	q->last_choice = -1;
	q->first_ending = LESSON_NO_NODE;
	q->path_len = 0;
	memset(q->marks, 0, sizeof q->marks);
	if (s == NULL)
		return;
	switch (s->type) {
	case STEP_CHAT:
		q->revealed = s->chat.reveal && s->chat.message_count > 0 ? 1 :
		    s->chat.message_count;
		break;
	case STEP_SCENARIO:
		if (s->scenario.start_index < s->scenario.node_count) {
			q->path[0] = s->scenario.start_index;
			q->path_len = 1;
		}
		break;
	case STEP_ORDER:
		shuffle_order(q, s);
		break;
	default:
		break;
	}
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

static unsigned
record(struct quiz *q, bool right)
{
	q->last_right = right;
	q->results[q->step] = right ? QUIZ_R_RIGHT : QUIZ_R_WRONG;
	q->phase = QUIZ_FEEDBACK;
	return QUIZ_CH_STEP | QUIZ_CH_ANSWERED;
}

/* Choice, multi, true/false ------------------------------------------ */

static unsigned
options_handle(struct quiz *q, const struct lesson_step *s,
    enum quiz_event ev, int arg)
{
	int n = (int)s->option_count;
	size_t i;
	bool any = false, right = true;

	if (n == 0)
		return ev == QUIZ_EV_CONFIRM || ev == QUIZ_EV_SKIP ?
		    advance(q) : 0;
	switch (ev) {
	case QUIZ_EV_MOVE:
		q->cursor = (q->cursor + (arg < 0 ? n - 1 : 1)) % n;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_PICK:
		if (arg < 0 || arg >= n)
			return 0;
		q->cursor = arg;
		if (s->type == STEP_MULTI) {
			q->marks[arg] = !q->marks[arg];
			return QUIZ_CH_CURSOR | QUIZ_CH_MARKS;
		}
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_TOGGLE:
		if (s->type != STEP_MULTI)
			return 0;
		q->marks[q->cursor] = !q->marks[q->cursor];
		return QUIZ_CH_MARKS;
	case QUIZ_EV_CONFIRM:
		if (s->type != STEP_MULTI) {
			memset(q->marks, 0, sizeof q->marks);
			q->marks[q->cursor] = true;
		}
		for (i = 0; i < s->option_count; i++) {
			any |= q->marks[i];
			right &= q->marks[i] == s->options[i].correct;
		}
		if (!any)
			return 0;	/* nothing marked yet */
		return record(q, right);
	default:
		return 0;
	}
}

/* Chat ------------------------------------------------------------------ */

void
quiz_chat_counts(const struct quiz *q, int *found, int *missed, int *wrong)
{
	const struct lesson_step *s = quiz_current(q);
	size_t i;

	*found = *missed = *wrong = 0;
	if (s == NULL || s->type != STEP_CHAT)
		return;
	for (i = 0; i < s->chat.message_count && i < QUIZ_MAX_MARKS; i++) {
		bool flag = s->chat.messages[i].flag != FLAG_NONE;

		if (flag && q->marks[i])
			(*found)++;
		else if (flag)
			(*missed)++;
		else if (q->marks[i])
			(*wrong)++;
	}
}

static unsigned
reveal_next(struct quiz *q, const struct lesson_step *s)
{
	if (q->revealed >= s->chat.message_count)
		return 0;
	q->revealed++;
	q->cursor = (int)q->revealed - 1;
	return QUIZ_CH_CURSOR | QUIZ_CH_MARKS;
}

static unsigned
chat_handle(struct quiz *q, const struct lesson_step *s, enum quiz_event ev,
    int arg)
{
	int shown = (int)q->revealed, found, missed, wrong;

	if (s->chat.message_count == 0)
		return ev == QUIZ_EV_CONFIRM || ev == QUIZ_EV_SKIP ?
		    advance(q) : 0;
	switch (ev) {
	case QUIZ_EV_MOVE:
		/* Down (any arg but a negative one, as in the other steps)
		 * from the last message shown brings the next, if any. */
		if (arg >= 0 && q->cursor + 1 >= shown)
			return reveal_next(q, s);
		if (arg < 0 && q->cursor == 0)
			return 0;
		q->cursor += arg < 0 ? -1 : 1;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_PICK:
		if (arg < 0 || arg >= shown)
			return 0;
		q->cursor = arg;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_TOGGLE:
		if (s->chat.messages[q->cursor].mine)
			return 0;	/* the student's own words are no flag */
		q->marks[q->cursor] = !q->marks[q->cursor];
		return QUIZ_CH_MARKS;
	case QUIZ_EV_CONFIRM:
		if (q->revealed < s->chat.message_count)
			return reveal_next(q, s);
		quiz_chat_counts(q, &found, &missed, &wrong);
		if (found + wrong == 0)
			return 0;	/* nothing marked yet */
		return record(q, missed == 0 && wrong == 0);
	default:
		return 0;
	}
}

/* Scenario -------------------------------------------------------------- */

static bool
scenario_right(const struct lesson_scenario *sc, size_t ending)
{
	return lesson_ending_points(&sc->nodes[ending]) >=
	    lesson_scenario_best_points(sc);
}

/* Arrive at a node: an ending shows its debrief (and the first one
 * reached is the result). */
static unsigned
arrive(struct quiz *q, const struct lesson_step *s, size_t node)
{
	const struct lesson_scenario *sc = &s->scenario;
	unsigned ch = QUIZ_CH_STEP;

	if (q->path_len == QUIZ_MAX_PATH) {
		/* A long walk round a loop: forget the oldest steps. */
		memmove(q->path, q->path + 1, (QUIZ_MAX_PATH - 1) *
		    sizeof q->path[0]);
		memmove(q->path_choice, q->path_choice + 1,
		    (QUIZ_MAX_PATH - 1) * sizeof q->path_choice[0]);
		q->path_len--;
	}
	q->path_choice[q->path_len - 1] = q->cursor;
	q->last_choice = q->cursor;
	q->path[q->path_len++] = node;
	q->cursor = 0;
	if (sc->nodes[node].ending == ENDING_NONE)
		return ch;
	q->phase = QUIZ_FEEDBACK;
	if (q->first_ending == LESSON_NO_NODE) {
		q->first_ending = node;
		q->last_right = scenario_right(sc, node);
		q->results[q->step] = q->last_right ? QUIZ_R_RIGHT :
		    QUIZ_R_WRONG;
		ch |= QUIZ_CH_ANSWERED;
	}
	return ch;
}

static unsigned
go_back(struct quiz *q)
{
	if (q->path_len < 2)
		return 0;
	q->path_len--;
	q->cursor = q->path_choice[q->path_len - 1];
	q->last_choice = q->path_len >= 2 ?
	    q->path_choice[q->path_len - 2] : -1;
	q->phase = QUIZ_STEP;
	return QUIZ_CH_STEP;
}

static unsigned
scenario_handle(struct quiz *q, const struct lesson_step *s,
    enum quiz_event ev, int arg)
{
	const struct lesson_node *node;
	size_t at = quiz_node(q), target;
	int n;

	if (at == LESSON_NO_NODE)
		return ev == QUIZ_EV_CONFIRM || ev == QUIZ_EV_SKIP ?
		    advance(q) : 0;
	node = &s->scenario.nodes[at];
	n = (int)node->choice_count;
	switch (ev) {
	case QUIZ_EV_MOVE:
		if (n == 0)
			return 0;
		q->cursor = (q->cursor + (arg < 0 ? n - 1 : 1)) % n;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_PICK:
		if (arg < 0 || arg >= n)
			return 0;
		q->cursor = arg;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_CONFIRM:
		if (n == 0)
			return 0;
		target = node->choices[q->cursor].target;
		if (target >= s->scenario.node_count)
			return 0;	/* a broken lesson: check says so */
		return arrive(q, s, target);
	case QUIZ_EV_BACK:
		return go_back(q);
	default:
		return 0;
	}
}

/* Order ----------------------------------------------------------------- */

static unsigned
order_handle(struct quiz *q, const struct lesson_step *s, enum quiz_event ev,
    int arg)
{
	int n = (int)s->order.item_count, to, t;

	if (n == 0)
		return ev == QUIZ_EV_CONFIRM || ev == QUIZ_EV_SKIP ?
		    advance(q) : 0;
	switch (ev) {
	case QUIZ_EV_MOVE:
		to = q->cursor + (arg < 0 ? -1 : 1);
		if (to < 0 || to >= n)
			return 0;
		if (q->grabbed) {
			t = q->perm[to];
			q->perm[to] = q->perm[q->cursor];
			q->perm[q->cursor] = t;
			q->cursor = to;
			return QUIZ_CH_CURSOR | QUIZ_CH_MARKS;
		}
		q->cursor = to;
		return QUIZ_CH_CURSOR;
	case QUIZ_EV_PICK:
		if (arg < 0 || arg >= n)
			return 0;
		q->cursor = arg;
		q->grabbed = false;
		return QUIZ_CH_CURSOR | QUIZ_CH_MARKS;
	case QUIZ_EV_TOGGLE:
		q->grabbed = !q->grabbed;
		return QUIZ_CH_MARKS;
	case QUIZ_EV_CONFIRM:
		q->grabbed = false;
		return record(q, lesson_order_right(&s->order, q->perm));
	default:
		return 0;
	}
}

/* All steps ------------------------------------------------------------- */

unsigned
quiz_handle(struct quiz *q, enum quiz_event ev, int arg)
{
	const struct lesson_step *s = quiz_current(q);

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
		if (ev == QUIZ_EV_BACK && s->type == STEP_SCENARIO)
			return go_back(q);
		return 0;
	case QUIZ_STEP:
		break;
	}

	if (ev == QUIZ_EV_SKIP) {
		/* A scenario already played to an ending keeps its result. */
		if (lesson_step_is_question(s) &&
		    q->results[q->step] == QUIZ_R_NONE)
			q->results[q->step] = QUIZ_R_SKIPPED;
		return advance(q);
	}
	if (ev == QUIZ_EV_HINT) {
		if (!lesson_step_is_question(s) || s->hint == NULL ||
		    q->hint_shown)
			return 0;
		q->hint_shown = true;
		return QUIZ_CH_HINT;
	}
	switch (s->type) {
	case STEP_PAGE:
		return ev == QUIZ_EV_CONFIRM ? advance(q) : 0;
	case STEP_CHOICE:
	case STEP_MULTI:
	case STEP_TRUEFALSE:
		return options_handle(q, s, ev, arg);
	case STEP_CHAT:
		return chat_handle(q, s, ev, arg);
	case STEP_SCENARIO:
		return scenario_handle(q, s, ev, arg);
	case STEP_ORDER:
		return order_handle(q, s, ev, arg);
	}
	return 0;
}

void
quiz_goto(struct quiz *q, size_t step)
{
	if (step >= q->lesson->step_count) {
		q->step = q->lesson->step_count;
		q->phase = QUIZ_SUMMARY;
		return;
	}
	q->step = step;
	enter_step(q);
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
