/*
 * test-quiz-interactive.c - the lesson player's chat, scenario and order
 * steps, driven by events as the UI drives them.
 *
 * Two lessons on disk (run from tests/):
 *
 *   data/lessons/good/interactive.yaml
 *     0 chat "jay-chat", reveal: 0 them, 1 me, 2 them (flag), 3 them (flag)
 *     1 scenario "threat": first(0) -> [Pay: paid(1), Tell: told(2)]
 *                          paid(1)  -> [Tell: told(2), Pay: kept-paying(3)]
 *                          told safe (2 points), kept-paying harmful (0)
 *     2 order "what-to-do", 4 items, places 3 and 4 interchangeable;
 *       shuffled to 2 3 1 0
 *
 *   data/quiz/interactive-mix.yaml
 *     0 page
 *     1 chat "all-at-once", no reveal: 0 them, 1 me, 2 them (flag),
 *       3 them, 4 them (flag)
 *     2 scenario "loop": ask(0) -> [told(2), wait(1), sent(4)]
 *                        wait(1) -> [ask(0), ignored(3)]
 *                        told safe, ignored risky, sent harmful
 *     3 order "six-steps", 6 items, places 2-3 and 5-6 interchangeable;
 *       shuffled to 3 5 0 1 4 2
 *     4 choice, the first option right
 *
 * Edge cases (a choice leading nowhere, points that beat a safe ending,
 * shuffles of every size) are built in memory.
 */
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

#define INTERACTIVE "data/lessons/good/interactive.yaml"
#define MIX "data/quiz/interactive-mix.yaml"

#define STEP_NEXT (QUIZ_CH_STEP | QUIZ_CH_ANSWERED)
#define STEP_LAST (QUIZ_CH_STEP | QUIZ_CH_ANSWERED | QUIZ_CH_FINISHED)
/* A chat message brought in: the cursor moves to it. */
#define REVEALED (QUIZ_CH_CURSOR | QUIZ_CH_MARKS)
/* An order item carried one place, or the cursor picked a place. */
#define CARRIED (QUIZ_CH_CURSOR | QUIZ_CH_MARKS)

/* The steps of the two lessons on disk. */
enum { I_CHAT, I_STORY, I_ORDER };
enum { M_PAGE, M_CHAT, M_STORY, M_ORDER, M_CHOICE };
/* Scenario nodes. */
enum { T_FIRST, T_PAID, T_TOLD, T_KEPT_PAYING };
enum { L_ASK, L_WAIT, L_TOLD, L_IGNORED, L_SENT };

static struct lesson *les;
static struct quiz q;

static struct lesson *
load(const char *path)
{
	struct diag_list d;
	struct lesson *l;

	diag_list_init(&d);
	l = lesson_load(path, &d, NULL, NULL);
	cr_assert_not_null(l, "%s did not load", path);
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 0, "%s has errors", path);
	diag_list_finish(&d);
	return l;
}

static void
start(struct lesson *l)
{
	les = l;
	quiz_init(&q, les);
}

static void
setup_interactive(void)
{
	start(load(INTERACTIVE));
}

static void
setup_mix(void)
{
	start(load(MIX));
}

static void
teardown(void)
{
	if (les != NULL) {
		quiz_finish(&q);
		lesson_destroy(les);
		les = NULL;
	}
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
		cr_assert_eq(quiz_handle(&q, s->type == STEP_PAGE ?
		    QUIZ_EV_CONFIRM : QUIZ_EV_SKIP, 0), STEP_NEXT);
	}
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, step);
}

/* The chat messages marked, as a bit mask. */
static unsigned
marked(void)
{
	unsigned i, mask = 0;

	for (i = 0; i < QUIZ_MAX_MARKS; i++)
		mask |= q.marks[i] ? 1u << i : 0;
	return mask;
}

/* Mark the chat messages in 'mask' (all shown), by cursor and TOGGLE. */
static void
mark_messages(unsigned mask)
{
	int i;

	for (i = 0; i < 32; i++) {
		if (!(mask & (1u << i)))
			continue;
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, i), QUIZ_CH_CURSOR);
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	}
	cr_assert_eq(marked(), mask);
}

/* Take choice 'c' of the node shown now. */
static unsigned
take(int c)
{
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, c), QUIZ_CH_CURSOR);
	return quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
}

/* Put the order step's items into the arrangement 'want' with the keys a
 * student would use: pick a place, grab, carry it up, drop. */
static void
arrange(const int *want, int n)
{
	int i, j, k;

	for (i = 0; i < n; i++) {
		for (j = i; j < n && q.perm[j] != want[i]; j++)
			;
		cr_assert_lt(j, n, "item %d is not below place %d", want[i],
		    i);
		if (j == i)
			continue;
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, j), CARRIED);
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
		cr_assert(q.grabbed);
		for (k = j; k > i; k--) {
			cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1),
			    CARRIED);
		}
		cr_assert_eq(q.cursor, i);
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
		cr_assert_not(q.grabbed);
	}
	cr_assert_arr_eq(q.perm, want, (size_t)n * sizeof want[0]);
}

static bool
is_permutation(const int *perm, size_t n)
{
	bool seen[LESSON_MAX_ITEMS] = { false };
	size_t i;

	for (i = 0; i < n; i++) {
		if (perm[i] < 0 || (size_t)perm[i] >= n || seen[perm[i]])
			return false;
		seen[perm[i]] = true;
	}
	return true;
}

/* Lessons in memory ----------------------------------------------------- */

static struct lesson *
make_bare_lesson(void)
{
	struct lesson *l = xcalloc(1, sizeof *l);

	l->file = xstrdup("memory.yaml");
	l->id = xstrdup("memory");
	l->title = xstrdup("A lesson in memory");
	l->topic = TOPIC_SEXTORTION;
	l->minutes = 5;
	l->step_count = 1;
	l->steps = xcalloc(1, sizeof *l->steps);
	return l;
}

/* One node of a scenario built in memory; 'go' ends with "".  Arrays,
 * not pointers: Criterion hands parameters to another process. */
struct node_spec {
	char id[16];
	enum lesson_ending ending;
	int points;		/* -1: the ending's default */
	char go[LESSON_MAX_CHOICES][16];
};

#define MAX_SPEC_NODES 6

static struct lesson *
make_scenario(const struct node_spec *nodes, size_t n, const char *first)
{
	struct lesson *l = make_bare_lesson();
	struct lesson_step *s = &l->steps[0];
	struct lesson_scenario *sc = &s->scenario;
	size_t i, j;

	s->type = STEP_SCENARIO;
	s->id = xstrdup("story");
	s->text = xstrdup("A story in memory.");
	sc->start = xstrdup(first);
	sc->node_count = n;
	sc->nodes = xcalloc(n, sizeof *sc->nodes);
	for (i = 0; i < n; i++) {
		struct lesson_node *node = &sc->nodes[i];

		node->id = xstrdup(nodes[i].id);
		node->text = xasprintf("Node %s", nodes[i].id);
		node->ending = nodes[i].ending;
		node->has_points = nodes[i].points >= 0;
		node->points = node->has_points ? nodes[i].points : 0;
		if (node->ending != ENDING_NONE)
			node->debrief = xstrdup("What happened, kindly.");
		for (j = 0; j < LESSON_MAX_CHOICES && nodes[i].go[j][0] != '\0';
		    j++)
			;
		node->choice_count = j;
		node->choices = j > 0 ? xcalloc(j, sizeof *node->choices) :
		    NULL;
		for (j = 0; j < node->choice_count; j++) {
			node->choices[j].text = xasprintf("Choice %zu", j + 1);
			node->choices[j].go = xstrdup(nodes[i].go[j]);
		}
	}
	lesson_scenario_resolve(sc);
	return l;
}

/* An order step of n items; group may be NULL (no interchangeable
 * places); id may be NULL. */
static struct lesson *
make_order(const char *id, size_t n, const int *group)
{
	struct lesson *l = make_bare_lesson();
	struct lesson_step *s = &l->steps[0];
	size_t i;

	s->type = STEP_ORDER;
	s->id = id != NULL ? xstrdup(id) : NULL;
	s->text = xstrdup("Put these in order.");
	s->order.item_count = n;
	s->order.items = xcalloc(n, sizeof *s->order.items);
	for (i = 0; i < n; i++) {
		s->order.items[i].text = xasprintf("Item %zu", i + 1);
		if (group != NULL)
			s->order.group[i] = group[i];
	}
	return l;
}

TestSuite(quiz_interactive, .fini = teardown);

/* Chat ------------------------------------------------------------------ */

Test(quiz_interactive, chat_with_reveal_starts_with_one_message_shown,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_current(&q)->type, STEP_CHAT);
	cr_assert(quiz_current(&q)->chat.reveal);
	cr_assert_eq(q.revealed, 1);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
	cr_assert_str_eq(q.results, "...");
}

Test(quiz_interactive, chat_without_reveal_starts_with_every_message_shown,
    .init = setup_mix)
{
	go_to_step(M_CHAT);
	cr_assert_not(quiz_current(&q)->chat.reveal);
	cr_assert_eq(q.revealed, 5);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
	cr_assert_str_eq(q.results, ".....");
}

Test(quiz_interactive, chat_move_stays_within_the_messages_shown,
    .init = setup_mix)
{
	int i;

	go_to_step(M_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), 0);
	cr_assert_eq(q.cursor, 0);
	for (i = 1; i <= 4; i++) {
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
		cr_assert_eq(q.cursor, i);
	}
	/* Every message is shown: down at the last does nothing. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), 0);
	cr_assert_eq(q.cursor, 4);
	cr_assert_eq(q.revealed, 5);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 3);
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz_interactive, chat_move_with_no_direction_counts_as_down,
    .init = setup_mix)
{
	/* Like MOVE in every other step: anything but a negative arg is
	 * down, so the cursor never leaves the messages shown. */
	go_to_step(M_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 0), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 4), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 0), 0);
	cr_assert_eq(q.cursor, 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 2), 0);
	cr_assert_eq(q.cursor, 4);
}

Test(quiz_interactive, chat_move_with_no_direction_brings_the_next_message,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 0), REVEALED);
	cr_assert_eq(q.revealed, 2);
	cr_assert_eq(q.cursor, 1);
}

Test(quiz_interactive, chat_move_down_past_the_last_shown_brings_the_next,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), REVEALED);
	cr_assert_eq(q.revealed, 2);
	cr_assert_eq(q.cursor, 1);
	/* Within the messages shown, MOVE only moves. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(q.revealed, 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), REVEALED);
	cr_assert_eq(q.revealed, 3);
	cr_assert_eq(q.cursor, 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), REVEALED);
	cr_assert_eq(q.revealed, 4);
	cr_assert_eq(q.cursor, 3);
	/* All four are shown. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), 0);
	cr_assert_eq(q.revealed, 4);
	cr_assert_eq(q.cursor, 3);
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, "...");
}

Test(quiz_interactive, chat_confirm_brings_the_next_message_to_the_cursor,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(q.revealed, 2);
	cr_assert_eq(q.cursor, 1);
	/* From anywhere: the cursor goes to the new message. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(q.revealed, 3);
	cr_assert_eq(q.cursor, 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(q.revealed, 4);
	cr_assert_eq(q.cursor, 3);
	/* All shown, nothing marked: Enter does nothing. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(q.revealed, 4);
	cr_assert_eq(q.cursor, 3);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, "...");
}

Test(quiz_interactive, chat_confirm_reveals_before_it_checks_even_with_marks,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), 1u << 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(q.revealed, 4);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, "...");
	/* Now it checks: the mark on message 0 is wrong. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_str_eq(q.results, "w..");
}

Test(quiz_interactive, chat_pick_goes_to_a_message_shown_only,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 1), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, -1), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(q.revealed, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), 0);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(q.revealed, 2);
}

Test(quiz_interactive, chat_toggle_marks_and_unmarks_their_message,
    .init = setup_mix)
{
	go_to_step(M_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), 1u << 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), (1u << 0) | (1u << 2));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), 1u << 2);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz_interactive, chat_toggle_on_my_own_message_does_nothing,
    .init = setup_mix)
{
	go_to_step(M_CHAT);
	cr_assert(quiz_current(&q)->chat.messages[1].mine);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.cursor, 1);
}

Test(quiz_interactive, chat_toggle_on_my_own_message_in_reveal_mode,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), REVEALED);
	cr_assert(quiz_current(&q)->chat.messages[1].mine);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(marked(), 0);
}

Test(quiz_interactive, chat_confirm_with_nothing_marked_does_nothing,
    .init = setup_mix)
{
	go_to_step(M_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	/* Marked and unmarked again is nothing marked, too. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, M_CHAT);
	cr_assert_str_eq(q.results, ".....");
}

Test(quiz_interactive, chat_every_flag_and_nothing_else_records_c,
    .init = setup_mix)
{
	int found, missed, wrong;

	go_to_step(M_CHAT);
	mark_messages((1u << 2) | (1u << 4));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.step, M_CHAT);
	cr_assert(q.last_right);
	cr_assert_str_eq(q.results, ".c...");
	quiz_chat_counts(&q, &found, &missed, &wrong);
	cr_assert_eq(found, 2);
	cr_assert_eq(missed, 0);
	cr_assert_eq(wrong, 0);
	/* The marks stay for the feedback. */
	cr_assert_eq(marked(), (1u << 2) | (1u << 4));
}

Test(quiz_interactive, chat_a_missed_flag_records_w, .init = setup_mix)
{
	int found, missed, wrong;

	go_to_step(M_CHAT);
	mark_messages(1u << 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, ".w...");
	quiz_chat_counts(&q, &found, &missed, &wrong);
	cr_assert_eq(found, 1);
	cr_assert_eq(missed, 1);
	cr_assert_eq(wrong, 0);
}

Test(quiz_interactive, chat_a_wrong_mark_records_w, .init = setup_mix)
{
	int found, missed, wrong;

	go_to_step(M_CHAT);
	mark_messages((1u << 2) | (1u << 3) | (1u << 4));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, ".w...");
	quiz_chat_counts(&q, &found, &missed, &wrong);
	cr_assert_eq(found, 2);
	cr_assert_eq(missed, 0);
	cr_assert_eq(wrong, 1);
}

struct chat_case {
	unsigned marks;		/* messages marked (1 is mine: never) */
	int found, missed, wrong;
	char result;
};

ParameterizedTestParameters(quiz_interactive, chat_counts_and_result_by_marks)
{
	/* Red flags: messages 2 and 4; 0 and 3 are ordinary. */
	static struct chat_case cases[] = {
		{ (1u << 2) | (1u << 4), 2, 0, 0, QUIZ_R_RIGHT },
		{ 1u << 2, 1, 1, 0, QUIZ_R_WRONG },
		{ 1u << 4, 1, 1, 0, QUIZ_R_WRONG },
		{ 1u << 0, 0, 2, 1, QUIZ_R_WRONG },
		{ 1u << 3, 0, 2, 1, QUIZ_R_WRONG },
		{ (1u << 0) | (1u << 3), 0, 2, 2, QUIZ_R_WRONG },
		{ (1u << 2) | (1u << 3), 1, 1, 1, QUIZ_R_WRONG },
		{ (1u << 0) | (1u << 2) | (1u << 4), 2, 0, 1, QUIZ_R_WRONG },
		{ 0x1du, 2, 0, 2, QUIZ_R_WRONG },	/* all of theirs */
	};

	return cr_make_param_array(struct chat_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct chat_case *c, quiz_interactive,
    chat_counts_and_result_by_marks, .init = setup_mix)
{
	int found, missed, wrong;

	go_to_step(M_CHAT);
	mark_messages(c->marks);
	/* The counts are live before the answer too. */
	quiz_chat_counts(&q, &found, &missed, &wrong);
	cr_assert_eq(found, c->found, "marks %#x", c->marks);
	cr_assert_eq(missed, c->missed, "marks %#x", c->marks);
	cr_assert_eq(wrong, c->wrong, "marks %#x", c->marks);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.results[M_CHAT], c->result, "marks %#x", c->marks);
	cr_assert_eq(q.last_right, c->result == QUIZ_R_RIGHT);
	quiz_chat_counts(&q, &found, &missed, &wrong);
	cr_assert_eq(found, c->found);
	cr_assert_eq(missed, c->missed);
	cr_assert_eq(wrong, c->wrong);
}

Test(quiz_interactive, chat_counts_are_zero_outside_a_chat,
    .init = setup_mix)
{
	int found = -1, missed = -1, wrong = -1;

	quiz_chat_counts(&q, &found, &missed, &wrong);	/* the intro */
	cr_assert_eq(found + missed + wrong, 0);
	go_to_step(M_STORY);
	found = missed = wrong = -1;
	quiz_chat_counts(&q, &found, &missed, &wrong);
	cr_assert_eq(found, 0);
	cr_assert_eq(missed, 0);
	cr_assert_eq(wrong, 0);
}

Test(quiz_interactive, chat_perfect_answer_with_reveal_records_c,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	/* Marked but not all shown: Enter brings the last message. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(q.cursor, 3);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(marked(), (1u << 2) | (1u << 3));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert(q.last_right);
	cr_assert_str_eq(q.results, "c..");
	cr_assert_eq(quiz_score(&q), 1);
}

Test(quiz_interactive, chat_feedback_ignores_all_but_confirm_which_goes_on,
    .init = setup_mix)
{
	static const enum quiz_event others[] = {
		QUIZ_EV_MOVE, QUIZ_EV_PICK, QUIZ_EV_TOGGLE, QUIZ_EV_SKIP,
		QUIZ_EV_HINT, QUIZ_EV_BACK,
	};
	size_t i;

	go_to_step(M_CHAT);
	mark_messages(1u << 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	for (i = 0; i < RF_ARRAY_LEN(others); i++) {
		cr_assert_eq(quiz_handle(&q, others[i], 1), 0,
		    "event %d did something in the feedback", others[i]);
		cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	}
	cr_assert_eq(marked(), 1u << 2);
	cr_assert_str_eq(q.results, ".w...");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, M_STORY);
	cr_assert_eq(marked(), 0);
	cr_assert_eq(q.cursor, 0);
	cr_assert_str_eq(q.results, ".w...");
}

Test(quiz_interactive, chat_skip_records_s, .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, I_STORY);
	cr_assert_str_eq(q.results, "s..");
	cr_assert_eq(quiz_skipped(&q), 1);
	cr_assert_eq(quiz_score(&q), 0);
	cr_assert_eq(marked(), 0);
}

Test(quiz_interactive, chat_hint_shows_once_when_there_is_one,
    .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), QUIZ_CH_HINT);
	cr_assert(q.hint_shown);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
	cr_assert_eq(q.revealed, 1);
}

Test(quiz_interactive, chat_hint_does_nothing_without_one, .init = setup_mix)
{
	go_to_step(M_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
	cr_assert_not(q.hint_shown);
}

Test(quiz_interactive, chat_back_does_nothing, .init = setup_interactive)
{
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), 0);
	cr_assert_eq(q.revealed, 1);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

/* Scenario -------------------------------------------------------------- */

Test(quiz_interactive, scenario_starts_at_the_start_node,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(quiz_current(&q)->type, STEP_SCENARIO);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.path[0], T_FIRST);
	cr_assert_eq(quiz_node(&q), T_FIRST);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(q.last_choice, -1);
	cr_assert_eq(q.first_ending, LESSON_NO_NODE);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, "s..");
}

Test(quiz_interactive, scenario_starts_at_a_start_that_is_not_first)
{
	static const struct node_spec nodes[] = {
		{ "end", ENDING_SAFE, -1, { "" } },
		{ "other", ENDING_HARMFUL, -1, { "" } },
		{ "begin", ENDING_NONE, -1, { "end", "other" } },
	};

	start(make_scenario(nodes, RF_ARRAY_LEN(nodes), "begin"));
	go_to_step(0);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(quiz_node(&q), 2);
	cr_assert_eq(take(0), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_node(&q), 0);
	cr_assert_str_eq(q.results, "c");
}

Test(quiz_interactive, node_is_none_outside_a_scenario,
    .init = setup_interactive)
{
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);	/* the intro */
	go_to_step(I_CHAT);
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(quiz_node(&q), T_FIRST);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_LAST);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);
}

Test(quiz_interactive, scenario_move_wraps_among_the_choices,
    .init = setup_mix)
{
	go_to_step(M_STORY);
	/* ask has three choices */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 2);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 2);
	/* wait has two */
	cr_assert_eq(take(1), QUIZ_CH_STEP);
	cr_assert_eq(quiz_node(&q), L_WAIT);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_node(&q), L_WAIT);
	cr_assert_eq(q.path_len, 2);
}

Test(quiz_interactive, scenario_pick_chooses_by_number,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, -1), 0);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 0), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_node(&q), T_FIRST);
	cr_assert_eq(q.path_len, 1);
}

Test(quiz_interactive, scenario_toggle_does_nothing, .init = setup_mix)
{
	go_to_step(M_STORY);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), 0);
	cr_assert_eq(marked(), 0);
	cr_assert_eq(quiz_node(&q), L_ASK);
}

Test(quiz_interactive, scenario_confirm_goes_to_the_chosen_node,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(quiz_node(&q), T_PAID);
	cr_assert_eq(q.path_len, 2);
	cr_assert_eq(q.path[0], T_FIRST);
	cr_assert_eq(q.path[1], T_PAID);
	cr_assert_eq(q.path_choice[0], 0);
	cr_assert_eq(q.last_choice, 0);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(q.first_ending, LESSON_NO_NODE);
	cr_assert_str_eq(q.results, "s..");
}

Test(quiz_interactive, scenario_best_ending_first_records_c,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(quiz_node(&q), T_TOLD);
	cr_assert_eq(q.first_ending, T_TOLD);
	cr_assert_eq(q.last_choice, 1);
	cr_assert_eq(q.path_len, 2);
	cr_assert(q.last_right);
	cr_assert_str_eq(q.results, "sc.");
	cr_assert_eq(quiz_score(&q), 1);
}

Test(quiz_interactive, scenario_best_ending_by_a_longer_way_records_c,
    .init = setup_interactive)
{
	/* Paying first, then telling: the ending is the best one. */
	go_to_step(I_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(0), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_node(&q), T_TOLD);
	cr_assert_eq(q.path_len, 3);
	cr_assert_eq(q.last_choice, 0);
	cr_assert(q.last_right);
	cr_assert_str_eq(q.results, "sc.");
}

Test(quiz_interactive, scenario_worse_ending_first_records_w,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(quiz_node(&q), T_KEPT_PAYING);
	cr_assert_eq(q.first_ending, T_KEPT_PAYING);
	cr_assert_eq(q.path_len, 3);
	cr_assert_eq(q.last_choice, 1);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, "sw.");
	cr_assert_eq(quiz_score(&q), 0);
}

Test(quiz_interactive, scenario_risky_and_harmful_endings_record_w,
    .init = setup_mix)
{
	go_to_step(M_STORY);
	cr_assert_eq(take(1), QUIZ_CH_STEP);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_node(&q), L_IGNORED);
	cr_assert_eq(les->steps[M_STORY].scenario.nodes[L_IGNORED].ending,
	    ENDING_RISKY);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, ".sw..");
	quiz_finish(&q);

	quiz_init(&q, les);
	go_to_step(M_STORY);
	cr_assert_eq(take(2), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_node(&q), L_SENT);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, ".sw..");
}

Test(quiz_interactive, scenario_back_from_an_ending_goes_to_the_node_before,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);

	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(quiz_node(&q), T_PAID);
	cr_assert_eq(q.path_len, 2);
	cr_assert_eq(q.cursor, 1);	/* "Pay again", taken before */
	cr_assert_eq(q.last_choice, 0);	/* "Pay" led here */
	cr_assert_str_eq(q.results, "sw.");	/* the result stays */
	cr_assert_eq(q.first_ending, T_KEPT_PAYING);

	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_node(&q), T_FIRST);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(q.last_choice, -1);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz_interactive, scenario_back_from_a_node_puts_the_cursor_on_the_choice,
    .init = setup_mix)
{
	go_to_step(M_STORY);
	cr_assert_eq(take(1), QUIZ_CH_STEP);
	cr_assert_eq(quiz_node(&q), L_WAIT);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_node(&q), L_ASK);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.last_choice, -1);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, ".s...");
	/* Another way from there overwrites the choice remembered. */
	cr_assert_eq(take(0), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(q.path_choice[0], 0);
	cr_assert_eq(q.last_choice, 0);
	cr_assert_eq(quiz_node(&q), L_TOLD);
	cr_assert_str_eq(q.results, ".sc..");
}

Test(quiz_interactive, scenario_back_at_the_start_does_nothing,
    .init = setup_mix)
{
	go_to_step(M_STORY);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), 0);
	cr_assert_eq(quiz_node(&q), L_ASK);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.cursor, 2);
	cr_assert_eq(q.last_choice, -1);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, M_STORY);
	/* And after going there and back. */
	cr_assert_eq(take(1), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), 0);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.cursor, 1);
}

Test(quiz_interactive, scenario_a_better_second_ending_keeps_the_first_result,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_str_eq(q.results, "sw.");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	/* The best ending now: shown, but not recorded. */
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(quiz_node(&q), T_TOLD);
	cr_assert_eq(q.first_ending, T_KEPT_PAYING);
	cr_assert_not(q.last_right);
	cr_assert_str_eq(q.results, "sw.");
	cr_assert_eq(quiz_score(&q), 0);
	/* Going on keeps it too. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.step, I_ORDER);
	cr_assert_str_eq(q.results, "sw.");
}

Test(quiz_interactive, scenario_a_worse_second_ending_keeps_the_first_result,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(0), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_str_eq(q.results, "sc.");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(take(1), QUIZ_CH_STEP);
	cr_assert_eq(quiz_node(&q), T_KEPT_PAYING);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.first_ending, T_TOLD);
	cr_assert(q.last_right);
	cr_assert_str_eq(q.results, "sc.");
	/* The same first ending again is not recorded again either. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_str_eq(q.results, "sc.");
}

Test(quiz_interactive, scenario_skip_before_an_ending_records_s,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.step, I_ORDER);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, "ss.");
	cr_assert_eq(quiz_skipped(&q), 2);
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);
}

Test(quiz_interactive, scenario_skip_after_an_ending_keeps_its_result,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	/* Skip means nothing at the ending itself... */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), 0);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	/* ...and after going back it goes on with the result kept. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.step, I_ORDER);
	cr_assert_str_eq(q.results, "sc.");
	cr_assert_eq(quiz_skipped(&q), 1);
	cr_assert_eq(quiz_score(&q), 1);
}

Test(quiz_interactive, scenario_skip_after_a_worse_ending_keeps_w,
    .init = setup_mix)
{
	go_to_step(M_STORY);
	cr_assert_eq(take(2), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_str_eq(q.results, ".sw..");
	cr_assert_eq(quiz_skipped(&q), 1);	/* the chat only */
	cr_assert_eq(q.step, M_ORDER);
}

Test(quiz_interactive, scenario_feedback_takes_only_confirm_and_back,
    .init = setup_mix)
{
	static const enum quiz_event others[] = {
		QUIZ_EV_MOVE, QUIZ_EV_PICK, QUIZ_EV_TOGGLE, QUIZ_EV_SKIP,
		QUIZ_EV_HINT,
	};
	size_t i;

	go_to_step(M_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	for (i = 0; i < RF_ARRAY_LEN(others); i++) {
		cr_assert_eq(quiz_handle(&q, others[i], 0), 0,
		    "event %d did something at an ending", others[i]);
		cr_assert_eq(q.phase, QUIZ_FEEDBACK);
		cr_assert_eq(quiz_node(&q), L_TOLD);
	}
	cr_assert_str_eq(q.results, ".sc..");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.step, M_ORDER);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);
	cr_assert_eq(q.first_ending, LESSON_NO_NODE);
	cr_assert_eq(q.last_choice, -1);
	cr_assert_eq(q.path_len, 0);
}

Test(quiz_interactive, scenario_walking_a_loop_keeps_the_path_bounded,
    .init = setup_mix)
{
	/* ask -("Think it over", 1)-> wait -("Think again", 0)-> ask ... */
	int walks = 3 * QUIZ_MAX_PATH, i;

	go_to_step(M_STORY);
	for (i = 1; i <= walks; i++) {
		bool at_ask = quiz_node(&q) == L_ASK;

		cr_assert_eq(take(at_ask ? 1 : 0), QUIZ_CH_STEP, "walk %d", i);
		cr_assert_leq(q.path_len, QUIZ_MAX_PATH);
		cr_assert_eq(q.path_len, i + 1 < QUIZ_MAX_PATH ? (size_t)i + 1 :
		    (size_t)QUIZ_MAX_PATH, "walk %d", i);
		cr_assert_eq(quiz_node(&q), at_ask ? L_WAIT : L_ASK);
		cr_assert_eq(q.last_choice, at_ask ? 1 : 0);
		cr_assert_eq(q.phase, QUIZ_STEP);
	}
	/* An even number of walks: at ask again, the path alternating. */
	cr_assert_eq(quiz_node(&q), L_ASK);
	for (i = 0; i < QUIZ_MAX_PATH; i++) {
		bool ask = (QUIZ_MAX_PATH - 1 - i) % 2 == 0;

		cr_assert_eq(q.path[i], ask ? L_ASK : L_WAIT, "path[%d]", i);
		if (i < QUIZ_MAX_PATH - 1)
			cr_assert_eq(q.path_choice[i], ask ? 1 : 0);
	}
	cr_assert_str_eq(q.results, ".s...");

	/* Back all the way the path remembers. */
	for (i = QUIZ_MAX_PATH - 1; i >= 1; i--) {
		bool was_ask = quiz_node(&q) == L_ASK;

		cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP,
		    "back to %d", i);
		cr_assert_eq(q.path_len, (size_t)i);
		cr_assert_eq(quiz_node(&q), was_ask ? L_WAIT : L_ASK);
		/* The cursor is on the choice that was taken from here. */
		cr_assert_eq(q.cursor, was_ask ? 0 : 1);
		cr_assert_eq(q.last_choice, i >= 2 ? (was_ask ? 1 : 0) : -1);
	}
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), 0);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(quiz_node(&q), L_WAIT);

	/* The story still plays on to an ending. */
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(0), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_node(&q), L_TOLD);
	cr_assert_eq(q.path_len, 3);
	cr_assert_str_eq(q.results, ".sc..");
}

Test(quiz_interactive, scenario_walking_a_loop_to_an_ending_then_back,
    .init = setup_mix)
{
	int i;

	go_to_step(M_STORY);
	for (i = 0; i < QUIZ_MAX_PATH + 5; i++)
		cr_assert_eq(take(quiz_node(&q) == L_ASK ? 1 : 0),
		    QUIZ_CH_STEP);
	/* Odd: at wait.  Its second choice ends the story. */
	cr_assert_eq(quiz_node(&q), L_WAIT);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(q.path_len, QUIZ_MAX_PATH);
	cr_assert_eq(quiz_node(&q), L_IGNORED);
	cr_assert_str_eq(q.results, ".sw..");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.path_len, QUIZ_MAX_PATH - 1);
	cr_assert_eq(quiz_node(&q), L_WAIT);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(q.last_choice, 1);
}

Test(quiz_interactive, scenario_a_choice_leading_nowhere_does_nothing)
{
	static const struct node_spec nodes[] = {
		{ "begin", ENDING_NONE, -1, { "nowhere", "end" } },
		{ "end", ENDING_SAFE, -1, { "" } },
	};
	const struct lesson_node *begin;

	start(make_scenario(nodes, RF_ARRAY_LEN(nodes), "begin"));
	begin = &les->steps[0].scenario.nodes[0];
	cr_assert_eq(begin->choices[0].target, LESSON_NO_NODE);
	cr_assert_eq(begin->choices[1].target, 1);
	go_to_step(0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(quiz_node(&q), 0);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(q.last_choice, -1);
	cr_assert_str_eq(q.results, ".");
	/* The other choice still works. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0),
	    QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_node(&q), 1);
	cr_assert_str_eq(q.results, "c");
}

Test(quiz_interactive, scenario_a_target_past_the_nodes_does_nothing)
{
	static const struct node_spec nodes[] = {
		{ "begin", ENDING_NONE, -1, { "end" } },
		{ "end", ENDING_SAFE, -1, { "" } },
	};

	start(make_scenario(nodes, RF_ARRAY_LEN(nodes), "begin"));
	les->steps[0].scenario.nodes[0].choices[0].target = 2;
	go_to_step(0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
	cr_assert_eq(q.path_len, 1);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

Test(quiz_interactive, scenario_without_a_start_goes_on_when_skipped)
{
	static const struct node_spec nodes[] = {
		{ "begin", ENDING_NONE, -1, { "end" } },
		{ "end", ENDING_SAFE, -1, { "" } },
	};

	start(make_scenario(nodes, RF_ARRAY_LEN(nodes), "missing"));
	cr_assert_eq(les->steps[0].scenario.start_index, LESSON_NO_NODE);
	go_to_step(0);
	cr_assert_eq(q.path_len, 0);
	cr_assert_eq(quiz_node(&q), LESSON_NO_NODE);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_LAST);
	cr_assert_str_eq(q.results, "s");
}

/*
 * Which ending is right: one worth the most points of any ending the
 * story can reach (its own points, else 2 safe, 1 risky, 0 harmful).
 */
struct ending_case {
	char name[48];
	struct node_spec nodes[MAX_SPEC_NODES];
	size_t node_count;
	int choices[3];		/* taken from the start, -1 ends */
	size_t ending;		/* the node reached */
	char result;
};

ParameterizedTestParameters(quiz_interactive,
    scenario_right_is_the_most_points_reachable)
{
#define TWO_WAYS(a, b) { "begin", ENDING_NONE, -1, { a, b } }
	static struct ending_case cases[] = {
		{ "safe beats risky", {
			TWO_WAYS("safe", "risky"),
			{ "safe", ENDING_SAFE, -1, { "" } },
			{ "risky", ENDING_RISKY, -1, { "" } },
		}, 3, { 0, -1 }, 1, QUIZ_R_RIGHT },
		{ "risky is worse than safe", {
			TWO_WAYS("safe", "risky"),
			{ "safe", ENDING_SAFE, -1, { "" } },
			{ "risky", ENDING_RISKY, -1, { "" } },
		}, 3, { 1, -1 }, 2, QUIZ_R_WRONG },
		{ "risky beats harmful", {
			TWO_WAYS("risky", "harmful"),
			{ "risky", ENDING_RISKY, -1, { "" } },
			{ "harmful", ENDING_HARMFUL, -1, { "" } },
		}, 3, { 0, -1 }, 1, QUIZ_R_RIGHT },
		{ "harmful is worse than risky", {
			TWO_WAYS("risky", "harmful"),
			{ "risky", ENDING_RISKY, -1, { "" } },
			{ "harmful", ENDING_HARMFUL, -1, { "" } },
		}, 3, { 1, -1 }, 2, QUIZ_R_WRONG },
		{ "points beat the kind of ending", {
			TWO_WAYS("safe", "risky"),
			{ "safe", ENDING_SAFE, -1, { "" } },
			{ "risky", ENDING_RISKY, 3, { "" } },
		}, 3, { 1, -1 }, 2, QUIZ_R_RIGHT },
		{ "a safe ending worth less is wrong", {
			TWO_WAYS("safe", "risky"),
			{ "safe", ENDING_SAFE, -1, { "" } },
			{ "risky", ENDING_RISKY, 3, { "" } },
		}, 3, { 0, -1 }, 1, QUIZ_R_WRONG },
		{ "equal points are both right", {
			TWO_WAYS("a", "b"),
			{ "a", ENDING_SAFE, -1, { "" } },
			{ "b", ENDING_SAFE, 2, { "" } },
		}, 3, { 1, -1 }, 2, QUIZ_R_RIGHT },
		{ "equal points are both right (first)", {
			TWO_WAYS("a", "b"),
			{ "a", ENDING_SAFE, -1, { "" } },
			{ "b", ENDING_SAFE, 2, { "" } },
		}, 3, { 0, -1 }, 1, QUIZ_R_RIGHT },
		{ "an ending out of reach does not count", {
			TWO_WAYS("safe", "harmful"),
			{ "safe", ENDING_SAFE, -1, { "" } },
			{ "harmful", ENDING_HARMFUL, -1, { "" } },
			{ "island", ENDING_SAFE, 9, { "" } },
		}, 4, { 0, -1 }, 1, QUIZ_R_RIGHT },
		{ "the best ending further down the story", {
			TWO_WAYS("middle", "risky"),
			{ "middle", ENDING_NONE, -1, { "risky", "safe" } },
			{ "risky", ENDING_RISKY, -1, { "" } },
			{ "safe", ENDING_SAFE, -1, { "" } },
		}, 4, { 0, 1, -1 }, 3, QUIZ_R_RIGHT },
		{ "a worse ending down the story", {
			TWO_WAYS("middle", "risky"),
			{ "middle", ENDING_NONE, -1, { "risky", "safe" } },
			{ "risky", ENDING_RISKY, -1, { "" } },
			{ "safe", ENDING_SAFE, -1, { "" } },
		}, 4, { 0, 0, -1 }, 2, QUIZ_R_WRONG },
		{ "as many points as the best is right", {
			TWO_WAYS("safe", "harmful"),
			{ "safe", ENDING_SAFE, 0, { "" } },
			{ "harmful", ENDING_HARMFUL, -1, { "" } },
		}, 3, { 1, -1 }, 2, QUIZ_R_RIGHT },
	};
#undef TWO_WAYS

	return cr_make_param_array(struct ending_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct ending_case *c, quiz_interactive,
    scenario_right_is_the_most_points_reachable)
{
	int i;

	start(make_scenario(c->nodes, c->node_count, "begin"));
	go_to_step(0);
	for (i = 0; c->choices[i + 1] >= 0; i++)
		cr_assert_eq(take(c->choices[i]), QUIZ_CH_STEP, "%s", c->name);
	cr_assert_eq(take(c->choices[i]), QUIZ_CH_STEP | QUIZ_CH_ANSWERED,
	    "%s", c->name);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(quiz_node(&q), c->ending, "%s", c->name);
	cr_assert_eq(q.results[0], c->result, "%s", c->name);
	cr_assert_eq(q.last_right, c->result == QUIZ_R_RIGHT, "%s", c->name);
}

/* Following the path lesson_scenario_best_path gives is right. */
static void
follow_best_path(size_t step)
{
	const struct lesson_scenario *sc = &les->steps[step].scenario;
	size_t path[LESSON_MAX_NODES], n, i;
	int c;

	n = lesson_scenario_best_path(sc, path);
	cr_assert_geq(n, 2);
	go_to_step(step);
	cr_assert_eq(quiz_node(&q), path[0]);
	for (i = 1; i < n; i++) {
		const struct lesson_node *at = &sc->nodes[path[i - 1]];

		for (c = 0; c < (int)at->choice_count &&
		    at->choices[c].target != path[i]; c++)
			;
		cr_assert_lt(c, (int)at->choice_count);
		cr_assert_eq(take(c), i + 1 < n ? QUIZ_CH_STEP :
		    QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
		cr_assert_eq(quiz_node(&q), path[i]);
	}
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert(q.last_right);
	cr_assert_eq(q.results[step], QUIZ_R_RIGHT);
}

Test(quiz_interactive, scenario_the_best_path_is_right,
    .init = setup_interactive)
{
	follow_best_path(I_STORY);
	cr_assert_eq(quiz_node(&q), T_TOLD);
	cr_assert_eq(q.path_len, 2);
}

Test(quiz_interactive, scenario_the_best_path_round_a_loop_is_right,
    .init = setup_mix)
{
	follow_best_path(M_STORY);
	cr_assert_eq(quiz_node(&q), L_TOLD);
}

Test(quiz_interactive, scenario_hint_does_nothing_without_one,
    .init = setup_interactive)
{
	go_to_step(I_STORY);
	cr_assert_null(quiz_current(&q)->hint);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
}

/* Order ----------------------------------------------------------------- */

Test(quiz_interactive, order_starts_shuffled_the_same_way_every_time,
    .init = setup_interactive)
{
	static const int shuffled[] = { 2, 3, 1, 0 };
	struct quiz other;

	go_to_step(I_ORDER);
	cr_assert_eq(quiz_current(&q)->type, STEP_ORDER);
	cr_assert_arr_eq(q.perm, shuffled, sizeof shuffled);
	cr_assert_eq(q.cursor, 0);
	cr_assert_not(q.grabbed);
	cr_assert_not(lesson_order_right(&quiz_current(&q)->order, q.perm));

	/* Another student, another load of the file: the same order. */
	quiz_init(&other, les);
	quiz_restore(&other, I_ORDER, "...");
	cr_assert_eq(quiz_handle(&other, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(other.step, I_ORDER);
	cr_assert_arr_eq(other.perm, shuffled, sizeof shuffled);
	quiz_finish(&other);
}

Test(quiz_interactive, order_with_six_items_starts_shuffled,
    .init = setup_mix)
{
	static const int shuffled[] = { 3, 5, 0, 1, 4, 2 };

	go_to_step(M_ORDER);
	cr_assert_arr_eq(q.perm, shuffled, sizeof shuffled);
	cr_assert_eq(q.cursor, 0);
	cr_assert_not(q.grabbed);
}

Test(quiz_interactive, order_shuffle_depends_on_the_step_id_only)
{
	struct lesson *a = make_order("what-to-do", 4, NULL);
	struct lesson *b = make_order("what-to-do", 4, NULL);
	struct quiz qa, qb;

	/* The same id in memory as in interactive.yaml: the same order. */
	start(make_order("what-to-do", 4, NULL));
	go_to_step(0);
	quiz_init(&qa, a);
	quiz_init(&qb, b);
	quiz_handle(&qa, QUIZ_EV_CONFIRM, 0);
	quiz_handle(&qb, QUIZ_EV_CONFIRM, 0);
	cr_assert_arr_eq(qa.perm, qb.perm, 4 * sizeof qa.perm[0]);
	cr_assert_arr_eq(qa.perm, q.perm, 4 * sizeof qa.perm[0]);
	cr_assert_arr_eq(qa.perm, ((int[]){ 2, 3, 1, 0 }),
	    4 * sizeof qa.perm[0]);
	quiz_finish(&qa);
	quiz_finish(&qb);
	lesson_destroy(a);
	lesson_destroy(b);
}

Test(quiz_interactive, order_shuffle_differs_between_step_ids)
{
	struct lesson *other = make_order("a", 8, NULL);
	struct quiz qo;

	start(make_order("what-to-do", 8, NULL));
	go_to_step(0);
	quiz_init(&qo, other);
	quiz_handle(&qo, QUIZ_EV_CONFIRM, 0);
	cr_assert_arr_eq(q.perm, ((int[]){ 3, 5, 0, 1, 2, 7, 6, 4 }),
	    8 * sizeof q.perm[0]);
	cr_assert_arr_eq(qo.perm, ((int[]){ 5, 0, 4, 2, 1, 6, 3, 7 }),
	    8 * sizeof qo.perm[0]);
	quiz_finish(&qo);
	lesson_destroy(other);
}

/* Shuffle and check one order step built in memory. */
static void
check_shuffle(const char *id, size_t n, const int *group)
{
	struct lesson *l = make_order(id, n, group);
	struct quiz z, again;
	const struct lesson_order *o = &l->steps[0].order;

	quiz_init(&z, l);
	cr_assert_eq(quiz_handle(&z, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert(is_permutation(z.perm, n), "id '%s', %zu items",
	    id ? id : "(none)", n);
	cr_assert_not(lesson_order_right(o, z.perm),
	    "id '%s', %zu items: the shuffle is already right",
	    id ? id : "(none)", n);
	quiz_init(&again, l);
	cr_assert_eq(quiz_handle(&again, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_arr_eq(z.perm, again.perm, n * sizeof z.perm[0]);
	quiz_finish(&again);
	quiz_finish(&z);
	lesson_destroy(l);
}

static const char *const shuffle_ids[] = {
	NULL, "", "a", "b", "x", "steps", "what-to-do", "six-steps",
	"order-1", "order-2", "order-3", "order-5", "order-13", "order-55",
	"a-much-longer-step-id-with-many-words-in-it",
};

Test(quiz_interactive, order_shuffle_is_a_permutation_never_right)
{
	size_t i, n;

	for (i = 0; i < RF_ARRAY_LEN(shuffle_ids); i++) {
		for (n = 2; n <= LESSON_MAX_ITEMS; n++)
			check_shuffle(shuffle_ids[i], n, NULL);
	}
}

/* Are the first n places all in one group? */
static bool
one_group(const int *group, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (group[i] == 0 || group[i] != group[0])
			return false;
	}
	return true;
}

Test(quiz_interactive, order_shuffle_is_never_right_with_groups)
{
	/* Groups that make many orders right; never all of them. */
	static const int groups[][LESSON_MAX_ITEMS] = {
		{ 1, 1, 0, 0, 0, 0, 0, 0 },
		{ 0, 1, 1, 0, 0, 0, 0, 0 },
		{ 1, 1, 2, 2, 0, 0, 0, 0 },
		{ 1, 1, 1, 0, 2, 2, 2, 0 },
		{ 1, 2, 1, 2, 1, 2, 1, 2 },
		{ 0, 1, 1, 1, 1, 1, 1, 1 },
		{ 1, 1, 1, 1, 1, 1, 1, 0 },
	};
	size_t i, g, n;

	for (g = 0; g < RF_ARRAY_LEN(groups); g++) {
		for (n = 3; n <= LESSON_MAX_ITEMS; n++) {
			if (one_group(groups[g], n))
				continue;	/* every order is right */
			for (i = 0; i < RF_ARRAY_LEN(shuffle_ids); i++)
				check_shuffle(shuffle_ids[i], n, groups[g]);
		}
	}
}

Test(quiz_interactive, order_a_shuffle_that_comes_out_right_is_turned)
{
	/* "order-3" with three items shuffles to 0 1 2 (right), so it is
	 * turned round by one. */
	start(make_order("order-3", 3, NULL));
	go_to_step(0);
	cr_assert_arr_eq(q.perm, ((int[]){ 1, 2, 0 }), 3 * sizeof q.perm[0]);
}

Test(quiz_interactive, order_a_shuffle_right_within_a_group_is_turned)
{
	/* "order-1" with three items shuffles to 1 0 2: right when places
	 * 1 and 2 are interchangeable, so it is turned round by one. */
	static const int group[LESSON_MAX_ITEMS] = { 1, 1 };

	start(make_order("order-1", 3, NULL));
	go_to_step(0);
	cr_assert_arr_eq(q.perm, ((int[]){ 1, 0, 2 }), 3 * sizeof q.perm[0]);
	teardown();
	start(make_order("order-1", 3, group));
	go_to_step(0);
	cr_assert_arr_eq(q.perm, ((int[]){ 0, 2, 1 }), 3 * sizeof q.perm[0]);
}

Test(quiz_interactive, order_where_every_order_is_right_is_right_at_once)
{
	static const int group[LESSON_MAX_ITEMS] = { 1, 1, 1 };

	start(make_order("order-5", 3, group));
	go_to_step(0);
	cr_assert(is_permutation(q.perm, 3));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_str_eq(q.results, "c");
}

Test(quiz_interactive, order_move_without_grab_moves_the_cursor_to_the_ends,
    .init = setup_interactive)
{
	static const int shuffled[] = { 2, 3, 1, 0 };
	int i;

	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), 0);
	cr_assert_eq(q.cursor, 0);
	for (i = 1; i <= 3; i++) {
		cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
		cr_assert_eq(q.cursor, i);
	}
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), 0);
	cr_assert_eq(q.cursor, 3);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 2);
	cr_assert_arr_eq(q.perm, shuffled, sizeof shuffled);
	cr_assert_not(q.grabbed);
}

Test(quiz_interactive, order_toggle_grabs_and_move_carries_the_item,
    .init = setup_interactive)
{
	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert(q.grabbed);
	/* Up from the top: nothing to swap with. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), 0);
	cr_assert_arr_eq(q.perm, ((int[]){ 2, 3, 1, 0 }), 4 * sizeof(int));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), CARRIED);
	cr_assert_eq(q.cursor, 1);
	cr_assert_arr_eq(q.perm, ((int[]){ 3, 2, 1, 0 }), 4 * sizeof(int));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), CARRIED);
	cr_assert_eq(q.cursor, 2);
	cr_assert_arr_eq(q.perm, ((int[]){ 3, 1, 2, 0 }), 4 * sizeof(int));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), CARRIED);
	cr_assert_eq(q.cursor, 3);
	cr_assert_arr_eq(q.perm, ((int[]){ 3, 1, 0, 2 }), 4 * sizeof(int));
	/* Down from the bottom: nothing. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), 0);
	cr_assert_eq(q.cursor, 3);
	cr_assert(q.grabbed);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), CARRIED);
	cr_assert_eq(q.cursor, 2);
	cr_assert_arr_eq(q.perm, ((int[]){ 3, 1, 2, 0 }), 4 * sizeof(int));
	/* Dropped: MOVE moves the cursor only. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_not(q.grabbed);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, -1), QUIZ_CH_CURSOR);
	cr_assert_eq(q.cursor, 1);
	cr_assert_arr_eq(q.perm, ((int[]){ 3, 1, 2, 0 }), 4 * sizeof(int));
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_str_eq(q.results, "ss.");
}

Test(quiz_interactive, order_pick_moves_the_cursor_and_drops_the_grab,
    .init = setup_interactive)
{
	static const int shuffled[] = { 2, 3, 1, 0 };

	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert(q.grabbed);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 2), CARRIED);
	cr_assert_eq(q.cursor, 2);
	cr_assert_not(q.grabbed);
	cr_assert_arr_eq(q.perm, shuffled, sizeof shuffled);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 3), CARRIED);
	cr_assert_eq(q.cursor, 3);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 4), 0);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, -1), 0);
	cr_assert_eq(q.cursor, 3);
	/* Out of range keeps the grab as it was. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_PICK, 4), 0);
	cr_assert(q.grabbed);
	cr_assert_arr_eq(q.perm, shuffled, sizeof shuffled);
}

Test(quiz_interactive, order_confirm_records_c_when_right,
    .init = setup_interactive)
{
	static const int right[] = { 0, 1, 2, 3 };

	go_to_step(I_ORDER);
	arrange(right, 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert(q.last_right);
	cr_assert_str_eq(q.results, "ssc");
	cr_assert_arr_eq(q.perm, right, sizeof right);
	/* The last step: going on finishes. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_eq(quiz_score(&q), 1);
}

Test(quiz_interactive, order_confirm_records_w_when_wrong,
    .init = setup_interactive)
{
	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_not(q.last_right);
	cr_assert_not(q.grabbed);
	cr_assert_str_eq(q.results, "ssw");
	cr_assert_arr_eq(q.perm, ((int[]){ 2, 3, 1, 0 }), 4 * sizeof(int));
}

Test(quiz_interactive, order_feedback_ignores_all_but_confirm,
    .init = setup_mix)
{
	static const enum quiz_event others[] = {
		QUIZ_EV_MOVE, QUIZ_EV_PICK, QUIZ_EV_TOGGLE, QUIZ_EV_SKIP,
		QUIZ_EV_HINT, QUIZ_EV_BACK,
	};
	static const int shuffled[] = { 3, 5, 0, 1, 4, 2 };
	size_t i;

	go_to_step(M_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	for (i = 0; i < RF_ARRAY_LEN(others); i++) {
		cr_assert_eq(quiz_handle(&q, others[i], 1), 0,
		    "event %d did something in the feedback", others[i]);
		cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	}
	cr_assert_arr_eq(q.perm, shuffled, sizeof shuffled);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.step, M_CHOICE);
	cr_assert_str_eq(q.results, ".ssw.");
}

/*
 * Arrangements, whether each place is acceptable (bit i: place i) and the
 * result.  interactive.yaml: places 3 and 4 interchangeable;
 * interactive-mix.yaml: places 2-3 and 5-6 (counted from 1).
 */
struct order_case {
	bool mix;
	int want[LESSON_MAX_ITEMS];
	unsigned ok;
	char result;
};

ParameterizedTestParameters(quiz_interactive, order_groups_decide_the_result)
{
	static struct order_case cases[] = {
		{ false, { 0, 1, 2, 3 }, 0xf, QUIZ_R_RIGHT },
		{ false, { 0, 1, 3, 2 }, 0xf, QUIZ_R_RIGHT },	/* in group */
		{ false, { 1, 0, 2, 3 }, 0xc, QUIZ_R_WRONG },	/* no group */
		{ false, { 0, 2, 1, 3 }, 0x9, QUIZ_R_WRONG },	/* one in */
		{ false, { 3, 1, 2, 0 }, 0x6, QUIZ_R_WRONG },
		{ false, { 2, 3, 1, 0 }, 0x0, QUIZ_R_WRONG },	/* shuffled */
		{ true, { 0, 1, 2, 3, 4, 5 }, 0x3f, QUIZ_R_RIGHT },
		{ true, { 0, 2, 1, 3, 4, 5 }, 0x3f, QUIZ_R_RIGHT },
		{ true, { 0, 1, 2, 3, 5, 4 }, 0x3f, QUIZ_R_RIGHT },
		{ true, { 0, 2, 1, 3, 5, 4 }, 0x3f, QUIZ_R_RIGHT },
		{ true, { 1, 0, 2, 3, 4, 5 }, 0x3c, QUIZ_R_WRONG },
		{ true, { 0, 1, 3, 2, 4, 5 }, 0x33, QUIZ_R_WRONG },
		{ true, { 0, 1, 2, 4, 3, 5 }, 0x27, QUIZ_R_WRONG },
		/* across the two groups */
		{ true, { 0, 4, 2, 3, 1, 5 }, 0x2d, QUIZ_R_WRONG },
		{ true, { 0, 5, 2, 3, 4, 1 }, 0x1d, QUIZ_R_WRONG },
		{ true, { 5, 1, 2, 3, 4, 0 }, 0x1e, QUIZ_R_WRONG },
		/* as shuffled */
		{ true, { 3, 5, 0, 1, 4, 2 }, 0x10, QUIZ_R_WRONG },
	};

	return cr_make_param_array(struct order_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct order_case *c, quiz_interactive,
    order_groups_decide_the_result)
{
	const struct lesson_order *o;
	size_t step, place;
	int n;

	start(load(c->mix ? MIX : INTERACTIVE));
	step = c->mix ? M_ORDER : I_ORDER;
	o = &les->steps[step].order;
	n = (int)o->item_count;
	go_to_step(step);
	arrange(c->want, n);
	for (place = 0; place < (size_t)n; place++) {
		cr_assert_eq(lesson_order_place_ok(o, q.perm, place),
		    (c->ok >> place) & 1, "place %zu of %s", place,
		    c->mix ? MIX : INTERACTIVE);
	}
	cr_assert_eq(lesson_order_right(o, q.perm), c->result == QUIZ_R_RIGHT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(q.results[step], c->result);
	cr_assert_eq(q.last_right, c->result == QUIZ_R_RIGHT);
}

Test(quiz_interactive, order_place_with_no_item_is_not_ok,
    .init = setup_interactive)
{
	const struct lesson_order *o = &les->steps[I_ORDER].order;
	static const int bad[] = { -1, 4, 2, 3 };

	cr_assert_not(lesson_order_place_ok(o, bad, 0));
	cr_assert_not(lesson_order_place_ok(o, bad, 1));
	cr_assert(lesson_order_place_ok(o, bad, 2));
	cr_assert(lesson_order_place_ok(o, bad, 3));
	cr_assert_not(lesson_order_right(o, bad));
}

Test(quiz_interactive, order_skip_records_s, .init = setup_mix)
{
	go_to_step(M_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_TOGGLE, 0), QUIZ_CH_MARKS);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(q.step, M_CHOICE);
	cr_assert_not(q.grabbed);
	cr_assert_eq(q.cursor, 0);
	cr_assert_str_eq(q.results, ".sss.");
}

Test(quiz_interactive, order_hint_shows_once, .init = setup_interactive)
{
	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), QUIZ_CH_HINT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_HINT, 0), 0);
	cr_assert(q.hint_shown);
}

Test(quiz_interactive, order_back_does_nothing, .init = setup_interactive)
{
	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_MOVE, 1), QUIZ_CH_CURSOR);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), 0);
	cr_assert_eq(q.cursor, 1);
	cr_assert_eq(q.phase, QUIZ_STEP);
}

/* All three ------------------------------------------------------------- */

Test(quiz_interactive, resume_step_during_feedback_is_the_next_step,
    .init = setup_mix)
{
	go_to_step(M_CHAT);
	cr_assert_eq(quiz_resume_step(&q), M_CHAT);
	mark_messages((1u << 2) | (1u << 4));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_resume_step(&q), M_STORY);

	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_resume_step(&q), M_STORY);
	cr_assert_eq(take(1), QUIZ_CH_STEP);
	cr_assert_eq(quiz_resume_step(&q), M_STORY);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_resume_step(&q), M_ORDER);
	/* Back in the story: still in it, though its result is saved. */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_resume_step(&q), M_STORY);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(take(0), QUIZ_CH_STEP);	/* told, not recorded */
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	cr_assert_eq(quiz_resume_step(&q), M_ORDER);

	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_resume_step(&q), M_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_resume_step(&q), M_CHOICE);
	cr_assert_str_eq(q.results, ".cww.");
}

Test(quiz_interactive, resume_step_at_the_last_steps_feedback_is_that_step,
    .init = setup_interactive)
{
	go_to_step(I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_resume_step(&q), I_ORDER);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(quiz_resume_step(&q), 0);
}

struct restore_case {
	bool mix;
	size_t step;
	char results[8];
	size_t goes_to;		/* the step the intro leads to */
};

ParameterizedTestParameters(quiz_interactive,
    restore_skips_answered_interactive_steps)
{
	static struct restore_case cases[] = {
		{ true, M_CHAT, ".....", M_CHAT },
		{ true, M_CHAT, ".c...", M_STORY },
		{ true, M_CHAT, ".w...", M_STORY },
		{ true, M_CHAT, ".s...", M_STORY },
		{ true, M_CHAT, ".cw..", M_ORDER },
		{ true, M_CHAT, ".csw.", M_CHOICE },
		{ true, M_STORY, ".s...", M_STORY },
		{ true, M_STORY, ".sc..", M_ORDER },
		{ true, M_ORDER, ".ccc.", M_CHOICE },
		{ true, M_ORDER, ".cc..", M_ORDER },
		{ false, I_CHAT, "...", I_CHAT },
		{ false, I_CHAT, "c..", I_STORY },
		{ false, I_STORY, "sw.", I_ORDER },
		{ false, I_CHAT, "cc.", I_ORDER },
	};

	return cr_make_param_array(struct restore_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct restore_case *c, quiz_interactive,
    restore_skips_answered_interactive_steps)
{
	const struct lesson_step *s;

	start(load(c->mix ? MIX : INTERACTIVE));
	quiz_restore(&q, c->step, c->results);
	cr_assert_eq(q.phase, QUIZ_INTRO);
	cr_assert_str_eq(q.results, c->results);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(q.phase, QUIZ_STEP);
	cr_assert_eq(q.step, c->goes_to, "restored at %zu with %s",
	    c->step, c->results);
	s = quiz_current(&q);
	/* The step starts fresh. */
	cr_assert_eq(q.cursor, 0);
	cr_assert_eq(marked(), 0);
	switch (s->type) {
	case STEP_CHAT:
		cr_assert_eq(q.revealed, s->chat.reveal ? 1 :
		    s->chat.message_count);
		break;
	case STEP_SCENARIO:
		cr_assert_eq(q.path_len, 1);
		cr_assert_eq(quiz_node(&q), s->scenario.start_index);
		cr_assert_eq(q.first_ending, LESSON_NO_NODE);
		break;
	case STEP_ORDER:
		cr_assert(is_permutation(q.perm, s->order.item_count));
		cr_assert_not(lesson_order_right(&s->order, q.perm));
		cr_assert_not(q.grabbed);
		break;
	default:
		cr_assert_eq(s->type, STEP_CHOICE);
		break;
	}
}

Test(quiz_interactive, restore_with_every_interactive_step_done_is_summary,
    .init = setup_interactive)
{
	quiz_restore(&q, I_ORDER, "cws");
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0),
	    QUIZ_CH_STEP | QUIZ_CH_FINISHED);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_eq(quiz_score(&q), 1);
	cr_assert_eq(quiz_max_score(&q), 3);
	cr_assert_eq(quiz_skipped(&q), 1);
}

Test(quiz_interactive, a_mixed_lesson_counts_score_max_and_skipped,
    .init = setup_mix)
{
	cr_assert_eq(quiz_max_score(&q), 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	/* page */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* chat: right */
	mark_messages((1u << 2) | (1u << 4));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* scenario: harmful first, then the safe ending: wrong */
	cr_assert_eq(take(2), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_BACK, 0), QUIZ_CH_STEP);
	cr_assert_eq(take(0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	/* order: skipped */
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	/* choice: right */
	cr_assert_eq(quiz_current(&q)->type, STEP_CHOICE);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_str_eq(q.results, ".cwsc");
	cr_assert_eq(quiz_score(&q), 2);
	cr_assert_eq(quiz_max_score(&q), 4);
	cr_assert_eq(quiz_skipped(&q), 1);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), 0);
}

Test(quiz_interactive, every_interactive_step_right_scores_full_marks,
    .init = setup_interactive)
{
	static const int right[] = { 0, 1, 3, 2 };

	go_to_step(I_CHAT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), REVEALED);
	mark_messages((1u << 2) | (1u << 3));
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(take(1), QUIZ_CH_STEP | QUIZ_CH_ANSWERED);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	arrange(right, 4);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), STEP_LAST);
	cr_assert_str_eq(q.results, "ccc");
	cr_assert_eq(quiz_score(&q), 3);
	cr_assert_eq(quiz_max_score(&q), 3);
	cr_assert_eq(quiz_skipped(&q), 0);
}

Test(quiz_interactive, every_interactive_step_skipped_counts_apart,
    .init = setup_interactive)
{
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_CONFIRM, 0), QUIZ_CH_STEP);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_NEXT);
	cr_assert_eq(quiz_handle(&q, QUIZ_EV_SKIP, 0), STEP_LAST);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	cr_assert_str_eq(q.results, "sss");
	cr_assert_eq(quiz_score(&q), 0);
	cr_assert_eq(quiz_max_score(&q), 3);
	cr_assert_eq(quiz_skipped(&q), 3);
}
