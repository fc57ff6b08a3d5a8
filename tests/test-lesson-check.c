/*
 * tests/test-lesson-check.c - the meaning checks on lessons built in
 * memory: right answers, ids, feedback, content notes, page length; chats
 * with something to find, scenario graphs (missing nodes, loops,
 * unreachable nodes, a safe best path), orderings.  (The same checks
 * against files are pinned in test-lesson-yaml.c.)  At the end, the
 * model's own answers that the checks and the player rely on: the best
 * path, the right order, red-flag keys and ending points (lesson.c).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lesson-check.h"
#include "util.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(lesson_check, .init = setup);

/* A clean lesson with 'n' steps the test fills in. */
static struct lesson *
lesson_with(size_t n)
{
	struct lesson *l = xcalloc(1, sizeof *l);

	l->file = xstrdup("m.yaml");
	l->id = xstrdup("m");
	l->title = xstrdup("M");
	l->content_note = xstrdup("note");
	l->objectives = xcalloc(1, sizeof(char *));
	l->objectives[0] = xstrdup("o");
	l->objective_count = 1;
	l->sources = xcalloc(1, sizeof *l->sources);
	l->sources[0].publisher = xstrdup("p");
	l->sources[0].title = xstrdup("t");
	l->source_count = 1;
	l->steps = xcalloc(n, sizeof *l->steps);
	l->step_count = n;
	return l;
}

static void
question(struct lesson_step *s, enum step_type type, const char *id,
    const char *rights)
{
	size_t i, n = strlen(rights);

	s->type = type;
	s->id = xstrdup(id);
	s->text = xstrdup("prompt");
	s->mark.line = 10;
	s->mark.col = 5;
	s->options = xcalloc(n, sizeof *s->options);
	s->option_count = n;
	for (i = 0; i < n; i++) {
		s->options[i].text = xasprintf("option %zu", i);
		s->options[i].feedback = xstrdup("because");
		s->options[i].correct = rights[i] == 'y';
		s->options[i].mark.line = 11 + (int)i;
		s->options[i].mark.col = 9;
	}
}

static char *
check(struct lesson *l)
{
	struct diag_list d;
	struct buf b;
	size_t i;

	diag_list_init(&d);
	lesson_check(l, &d);
	diag_sort(&d);		/* in file order, as the checker prints them */
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < d.count; i++) {
		char *s = diag_format(&d.items[i]);

		buf_printf(&b, "%s\n", s);
		free(s);
	}
	diag_list_finish(&d);
	lesson_destroy(l);
	return buf_steal(&b);
}

Test(lesson_check, a_clean_lesson_has_no_problem)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "ny");
	question(&l->steps[1], STEP_MULTI, "b", "yny");
	got = check(l);
	cr_expect_str_eq(got, "");
	free(got);
}

Test(lesson_check, a_choice_needs_exactly_one_right_option)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "nn");
	question(&l->steps[1], STEP_CHOICE, "b", "yny");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:10:5: error: no option of this 'choice' is marked "
	    "'correct: true'; mark the right one\n"
	    "m.yaml:13:9: error: a 'choice' has exactly one right option, and "
	    "this is the second with 'correct: true'; use 'multi' for several "
	    "right answers\n");
	free(got);
}

Test(lesson_check, a_multi_needs_a_right_option_and_a_wrong_one)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_MULTI, "a", "nn");
	question(&l->steps[1], STEP_MULTI, "b", "yy");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:10:5: error: no option of this 'multi' is marked "
	    "'correct: true'; mark the right ones\n"
	    "m.yaml:10:5: warning: every option of this 'multi' is right, so "
	    "there is nothing to tell apart; add an option that is not\n");
	free(got);
}

Test(lesson_check, a_question_with_one_option_is_an_error)
{
	struct lesson *l = lesson_with(1);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "y");
	got = check(l);
	cr_expect_str_eq(got, "m.yaml:10:5: error: a question needs at least "
	    "two options\n");
	free(got);
}

Test(lesson_check, step_ids_must_differ)
{
	struct lesson *l = lesson_with(2);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "same", "ny");
	question(&l->steps[1], STEP_CHOICE, "same", "ny");
	l->steps[1].mark.line = 30;
	got = check(l);
	cr_expect_str_eq(got, "m.yaml:30:5: error: the step id 'same' is "
	    "already used at line 10; step ids must be different\n");
	free(got);
}

Test(lesson_check, missing_feedback_and_notes_are_warnings)
{
	struct lesson *l = lesson_with(1);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "ny");
	free(l->steps[0].options[0].feedback);
	l->steps[0].options[0].feedback = NULL;
	free(l->content_note);
	l->content_note = NULL;
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:1:1: warning: the lesson has no 'content_note'; tell "
	    "students what it talks about before it starts\n"
	    "m.yaml:11:9: warning: this option has no 'feedback'; say why it "
	    "is right or wrong, kindly\n");
	free(got);
}

Test(lesson_check, a_page_that_fits_80x24_passes_and_one_line_more_warns)
{
	struct lesson *l;
	struct buf b;
	char *got;
	int i;

	buf_init(&b);
	for (i = 0; i < LESSON_PAGE_LINES; i++)
		buf_printf(&b, "- item %d\n", i);
	l = lesson_with(1);
	l->steps[0].type = STEP_PAGE;
	l->steps[0].text = xstrdup(b.data);
	got = check(l);
	cr_expect_str_eq(got, "", "15 lines fit");
	free(got);

	buf_printf(&b, "- one more\n");
	l = lesson_with(1);
	l->steps[0].type = STEP_PAGE;
	l->steps[0].text = xstrdup(b.data);
	l->steps[0].mark.line = 12;
	l->steps[0].mark.col = 5;
	got = check(l);
	cr_expect_str_eq(got, "m.yaml:12:5: warning: this page is 16 lines "
	    "long at 76 columns and will not fit an 80x24 screen (15 lines); "
	    "split it into two pages\n");
	free(got);
	buf_finish(&b);
}

Test(lesson_check, an_incomplete_step_is_not_checked_again)
{
	struct lesson *l = lesson_with(1);
	char *got;

	question(&l->steps[0], STEP_CHOICE, "a", "nn");
	l->steps[0].incomplete = true;
	got = check(l);
	cr_expect_str_eq(got, "", "the loader already reported it");
	free(got);
}

/* Chats, scenarios and orderings -------------------------------------- */

/*
 * A chat step whose messages are given as a string, one letter each:
 * 'o' an ordinary message, 'f' a red flag with its 'why', 'n' a red flag
 * without one (all from them); 'm' the student's own message and 'M' one
 * of them with a flag.  Message i is at line 20 + i, column 11.
 */
static void
chat(struct lesson_step *s, const char *msgs)
{
	size_t i, n = strlen(msgs);

	s->type = STEP_CHAT;
	s->id = xstrdup("c");
	s->text = xstrdup("Mark every red flag.");
	s->mark.line = 12;
	s->mark.col = 5;
	s->chat.contact = xstrdup("Rio");
	s->chat.messages = xcalloc(n ? n : 1, sizeof *s->chat.messages);
	s->chat.message_count = n;
	for (i = 0; i < n; i++) {
		struct lesson_message *m = &s->chat.messages[i];

		m->text = xasprintf("message %zu", i);
		m->mine = msgs[i] == 'm' || msgs[i] == 'M';
		m->flag = msgs[i] == 'o' || msgs[i] == 'm' ? FLAG_NONE :
		    FLAG_SECRECY;
		m->why = msgs[i] == 'n' ? NULL : xstrdup("because");
		m->mark.line = 20 + (int)i;
		m->mark.col = 11;
	}
}

/*
 * A scenario step from a spec: nodes separated by spaces, each
 * "id>a,b" (choices going to a and b), "id=safe" or "id=risky/5" (an
 * ending, with points), or a bare "id" (neither).  Everything optional
 * is filled in, so the spec alone decides the problems.  Node i is at
 * line 20 + 10i, column 11; its choice j at the line after it plus j,
 * column 15, with 'go' at column 19; 'start' at 16:14; the step at 12:5.
 */
static void
scenario(struct lesson_step *s, const char *start, const char *spec)
{
	char *copy = xstrdup(spec), *save = NULL, *tok;
	struct lesson_scenario *sc = &s->scenario;
	size_t n = 1, i;

	for (i = 0; spec[i] != '\0'; i++)
		n += spec[i] == ' ';
	s->type = STEP_SCENARIO;
	s->id = xstrdup("s");
	s->mark.line = 12;
	s->mark.col = 5;
	sc->start = xstrdup(start);
	sc->start_mark.line = 16;
	sc->start_mark.col = 14;
	sc->nodes = xcalloc(n, sizeof *sc->nodes);
	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		struct lesson_node *nd = &sc->nodes[sc->node_count];
		char *go = strchr(tok, '>'), *end = strchr(tok, '=');
		int line = 20 + 10 * (int)sc->node_count;

		nd->mark.line = line;
		nd->mark.col = 11;
		if (go != NULL) {
			char *save2 = NULL, *t;

			*go++ = '\0';
			nd->text = xstrdup("what happens");
			nd->choices = xcalloc(LESSON_MAX_CHOICES,
			    sizeof *nd->choices);
			for (t = strtok_r(go, ",", &save2); t != NULL;
			    t = strtok_r(NULL, ",", &save2)) {
				struct lesson_choice *c =
				    &nd->choices[nd->choice_count];

				c->text = xstrdup("a choice");
				c->go = xstrdup(t);
				c->feedback = xstrdup("kindly");
				c->mark.line = line + 1 + (int)nd->choice_count;
				c->mark.col = 15;
				c->go_mark.line = c->mark.line;
				c->go_mark.col = 19;
				nd->choice_count++;
			}
		} else if (end != NULL) {
			char *points = strchr(end, '/');

			*end++ = '\0';
			if (points != NULL) {
				*points++ = '\0';
				nd->points = atoi(points);
				nd->has_points = true;
			}
			nd->ending = (enum lesson_ending)lesson_ending_parse(end);
			nd->debrief = xstrdup("the better path");
		}
		nd->id = xstrdup(tok);
		sc->node_count++;
	}
	free(copy);
	lesson_scenario_resolve(sc);
}

/* An ordering step of n items, each with its 'why'; item i at line
 * 20 + i, column 11; 'interchangeable' at 30:24. */
static void
order(struct lesson_step *s, size_t n)
{
	size_t i;

	s->type = STEP_ORDER;
	s->id = xstrdup("o");
	s->text = xstrdup("Put these in order.");
	s->mark.line = 12;
	s->mark.col = 5;
	s->order.items = xcalloc(n ? n : 1, sizeof *s->order.items);
	s->order.item_count = n;
	for (i = 0; i < n; i++) {
		s->order.items[i].text = xasprintf("item %zu", i);
		s->order.items[i].why = xstrdup("because");
		s->order.items[i].mark.line = 20 + (int)i;
		s->order.items[i].mark.col = 11;
	}
	s->order.interchangeable_mark.line = 30;
	s->order.interchangeable_mark.col = 24;
}

Test(lesson_check, clean_chat_scenario_and_order_steps_have_no_problem)
{
	struct lesson *l = lesson_with(3);
	char *got;

	chat(&l->steps[0], "omof");
	scenario(&l->steps[1], "first",
	    "first>paid,told paid>told,kept told=safe kept=harmful");
	order(&l->steps[2], 4);
	l->steps[2].order.group[2] = l->steps[2].order.group[3] = 1;
	got = check(l);
	cr_expect_str_eq(got, "");
	free(got);
}

Test(lesson_check, a_chat_needs_two_messages_and_something_to_find)
{
	struct lesson *l = lesson_with(1);
	char *got;

	chat(&l->steps[0], "o");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: error: a chat needs at least two messages; write "
	    "out the conversation the student reads, one '- from: ...' per "
	    "message\n"
	    "m.yaml:12:5: error: no message of this chat has a 'flag', so "
	    "there is nothing to find; add 'flag:' with its pattern (such as "
	    "'flag: secrecy') to each red-flag message\n");
	free(got);

	l = lesson_with(1);
	chat(&l->steps[0], "ooo");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: error: no message of this chat has a 'flag', so "
	    "there is nothing to find; add 'flag:' with its pattern (such as "
	    "'flag: secrecy') to each red-flag message\n");
	free(got);
}

Test(lesson_check, a_chat_warns_when_a_flag_has_no_why_or_every_message_is_one)
{
	struct lesson *l = lesson_with(1);
	char *got;

	chat(&l->steps[0], "ofn");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:22:11: warning: this message has a 'flag' but no 'why'; "
	    "say why it is a red flag, so a student who missed it learns "
	    "from it\n");
	free(got);

	l = lesson_with(1);
	chat(&l->steps[0], "fmf");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: warning: every message from the other person in "
	    "this chat is a red flag, so there is nothing to tell apart; add "
	    "an ordinary message from them\n",
	    "the student's own messages are not theirs to tell apart");
	free(got);
}

Test(lesson_check, a_flag_on_the_students_own_message_could_never_be_found)
{
	struct lesson *l = lesson_with(1);
	char *got;

	chat(&l->steps[0], "ofM");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:22:11: error: this message is 'from: me', and students "
	    "mark only the other person's messages, so this red flag could "
	    "never be found; remove the 'flag', or make it 'from: them'\n");
	free(got);
}

Test(lesson_check, start_and_go_must_name_a_node_with_a_guess)
{
	struct lesson *l = lesson_with(1);
	char *got;

	scenario(&l->steps[0], "frist", "first>tld told=safe");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:16:14: error: 'start' names the node 'frist', but no node "
	    "has that id (did you mean 'first'?)\n"
	    "m.yaml:21:19: error: 'go' names the node 'tld', but no node has "
	    "that id (did you mean 'told'?)\n");
	free(got);
}

Test(lesson_check, a_node_id_with_no_near_match_lists_the_node_ids)
{
	struct lesson *l = lesson_with(1);
	char *got;

	scenario(&l->steps[0], "first", "first>told,got-help told=safe");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:22:19: error: 'go' names the node 'got-help', but no node "
	    "has that id; the node ids are: first, told\n");
	free(got);

	l = lesson_with(1);
	scenario(&l->steps[0], "first", "");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: error: this scenario has no ending; mark each node "
	    "where the story stops with 'ending: safe', 'risky' or "
	    "'harmful'\n"
	    "m.yaml:16:14: error: 'start' names the node 'first', but the "
	    "scenario has no nodes; add one with 'id: first' under "
	    "'nodes:'\n");
	free(got);
}

Test(lesson_check, node_ids_must_differ_naming_the_first)
{
	struct lesson *l = lesson_with(1);
	char *got;

	scenario(&l->steps[0], "first", "first>told told=safe told=risky");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:40:11: error: the node id 'told' is already used at line "
	    "30; node ids in one scenario must be different\n",
	    "the twin is not also reported as unreachable");
	free(got);
}

Test(lesson_check, a_node_is_an_ending_or_has_choices_and_not_both)
{
	struct lesson *l = lesson_with(1);
	struct lesson_node *n;
	char *got;

	scenario(&l->steps[0], "first", "first>wait,told wait told=safe");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:30:11: error: this node has no 'choices' and is not an "
	    "ending, so the story would stop here; add 'choices:', or make it "
	    "an ending with 'ending: safe', 'risky' or 'harmful'\n",
	    "a dead end is not also a loop");
	free(got);

	l = lesson_with(1);
	scenario(&l->steps[0], "first", "first>told told>first");
	n = &l->steps[0].scenario.nodes[1];
	n->ending = ENDING_SAFE;
	n->debrief = xstrdup("the better path");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:30:11: error: this node has both 'ending' and 'choices'; "
	    "the story stops at an ending, so remove the choices or the "
	    "ending\n");
	free(got);
}

Test(lesson_check, a_node_with_choices_needs_text_an_ending_does_not)
{
	struct lesson *l = lesson_with(1);
	struct lesson_scenario *sc;
	char *got;

	scenario(&l->steps[0], "first", "first>told told=safe");
	sc = &l->steps[0].scenario;
	free(sc->nodes[0].text);
	sc->nodes[0].text = NULL;
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:20:11: error: this node has no 'text'; say what happens, "
	    "so the student knows what they are choosing about\n");
	free(got);
}

Test(lesson_check, a_scenario_needs_an_ending)
{
	struct lesson *l = lesson_with(1);
	char *got;

	scenario(&l->steps[0], "first", "first>paid,told paid>first told>first");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: error: this scenario has no ending; mark each node "
	    "where the story stops with 'ending: safe', 'risky' or "
	    "'harmful'\n", "and not every node again as a loop");
	free(got);
}

Test(lesson_check, each_reachable_node_of_a_loop_without_a_way_out_once)
{
	struct lesson *l = lesson_with(1);
	char *got;

	/* first -> a <-> b, and a -> a; told is the only ending, reached
	 * from first; c <-> d loop too but nobody gets there. */
	scenario(&l->steps[0], "first",
	    "first>told,a a>b,a b>a told=safe c>d d>c");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:30:11: error: from this node no ending can be reached: "
	    "every choice leads back around; give one path an ending\n"
	    "m.yaml:40:11: error: from this node no ending can be reached: "
	    "every choice leads back around; give one path an ending\n"
	    "m.yaml:60:11: warning: no path from 'start' leads to this node, "
	    "so students never see it; add a choice with 'go: c', or remove "
	    "the node\n"
	    "m.yaml:70:11: warning: no path from 'start' leads to this node, "
	    "so students never see it; add a choice with 'go: d', or remove "
	    "the node\n");
	free(got);
}

Test(lesson_check, a_loop_with_one_way_out_is_fine)
{
	struct lesson *l = lesson_with(1);
	char *got;

	scenario(&l->steps[0], "first", "first>a a>b b>a,first,told told=safe");
	got = check(l);
	cr_expect_str_eq(got, "");
	free(got);
}

Test(lesson_check, choices_without_feedback_and_endings_without_debrief_warn)
{
	struct lesson *l = lesson_with(1);
	struct lesson_scenario *sc;
	char *got;

	scenario(&l->steps[0], "first", "first>told told=safe");
	sc = &l->steps[0].scenario;
	free(sc->nodes[0].choices[0].feedback);
	sc->nodes[0].choices[0].feedback = NULL;
	free(sc->nodes[1].debrief);
	sc->nodes[1].debrief = NULL;
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:21:15: warning: this choice has no 'feedback'; say what it "
	    "leads to and why, kindly\n"
	    "m.yaml:30:11: warning: this ending has no 'debrief'; explain the "
	    "better path, without blame\n");
	free(got);
}

Test(lesson_check, the_best_reachable_ending_should_be_safe)
{
	struct lesson *l = lesson_with(1);
	char *got;

	/* The safe ending exists but nobody can reach it. */
	scenario(&l->steps[0], "first",
	    "first>risky,harm risky=risky harm=harmful safe=safe");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: warning: no safe ending can be reached from 'start' "
	    "(the best is 'risky'); there should be a safe path: add a choice "
	    "that leads to an 'ending: safe'\n"
	    "m.yaml:50:11: warning: no path from 'start' leads to this node, "
	    "so students never see it; add a choice with 'go: safe', or "
	    "remove the node\n");
	free(got);

	l = lesson_with(1);
	scenario(&l->steps[0], "first", "first>risky,safe risky=risky/5 safe=safe");
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: warning: the ending worth the most points here is "
	    "'risky' (worth 5), not a safe one; give the safe ending the most "
	    "points, so that the best path is the safe one\n");
	free(got);
}

Test(lesson_check, an_incomplete_interactive_step_is_not_checked_again)
{
	struct lesson *l = lesson_with(3);
	char *got;

	chat(&l->steps[0], "o");
	scenario(&l->steps[1], "nowhere", "first");
	order(&l->steps[2], 1);
	l->steps[0].incomplete = true;
	l->steps[1].incomplete = true;
	l->steps[2].incomplete = true;
	got = check(l);
	cr_expect_str_eq(got, "", "the loader already reported it");
	free(got);
}

Test(lesson_check, an_order_needs_two_items_and_places_among_them)
{
	struct lesson *l = lesson_with(1);
	char *got;

	order(&l->steps[0], 1);
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:12:5: error: an 'order' step needs at least two items to "
	    "put in order; write them in the right order under 'items:'\n");
	free(got);

	l = lesson_with(1);
	order(&l->steps[0], 4);
	l->steps[0].order.group[3] = l->steps[0].order.group[4] = 1;
	l->steps[0].order.group[5] = l->steps[0].order.group[6] = 2;
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:30:24: error: place 5 in 'interchangeable' is beyond the "
	    "last item (this step has 4); places count the items from 1, in "
	    "the order they are written\n"
	    "m.yaml:30:24: error: place 6 in 'interchangeable' is beyond the "
	    "last item (this step has 4); places count the items from 1, in "
	    "the order they are written\n"
	    "m.yaml:30:24: error: place 7 in 'interchangeable' is beyond the "
	    "last item (this step has 4); places count the items from 1, in "
	    "the order they are written\n");
	free(got);
}

Test(lesson_check, an_order_item_without_why_warns)
{
	struct lesson *l = lesson_with(1);
	char *got;

	order(&l->steps[0], 3);
	free(l->steps[0].order.items[1].why);
	l->steps[0].order.items[1].why = NULL;
	got = check(l);
	cr_expect_str_eq(got,
	    "m.yaml:21:11: warning: this item has no 'why'; say why it comes "
	    "at this place\n");
	free(got);
}

/* The model: best path, right order, flags, points (lesson.c) ------- */

TestSuite(lesson, .init = setup);

/* A scenario alone, from the same spec as scenario() above. */
static struct lesson *
story(const char *start, const char *spec)
{
	struct lesson *l = lesson_with(1);

	scenario(&l->steps[0], start, spec);
	return l;
}

/* The best path as node ids joined by spaces ("" when none). */
static char *
best_path_of(const struct lesson_scenario *sc)
{
	size_t path[LESSON_MAX_NODES], n, i;
	struct buf b;

	n = lesson_scenario_best_path(sc, path);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", sc->nodes[path[i]].id);
	return buf_steal(&b);
}

Test(lesson, the_best_path_leads_to_the_most_points_not_the_nearest_ending)
{
	struct lesson *l = story("first",
	    "first>kept,paid paid>told,kept told=safe kept=harmful");
	const struct lesson_scenario *sc = &l->steps[0].scenario;
	char *got = best_path_of(sc);

	cr_expect_str_eq(got, "first paid told");
	cr_expect_eq(lesson_scenario_best_points(sc), 2);
	free(got);
	lesson_destroy(l);
}

Test(lesson, among_endings_worth_the_same_the_best_path_is_the_shortest)
{
	struct lesson *l = story("first",
	    "first>a,b a>far b=safe far=safe");
	char *got = best_path_of(&l->steps[0].scenario);

	cr_expect_str_eq(got, "first b");
	free(got);
	lesson_destroy(l);
}

Test(lesson, an_ending_own_points_count_and_unreachable_endings_do_not)
{
	struct lesson *l = story("first",
	    "first>safe,risky safe=safe risky=risky/5 gold=safe/10");
	const struct lesson_scenario *sc = &l->steps[0].scenario;
	char *got = best_path_of(sc);

	cr_expect_str_eq(got, "first risky");
	cr_expect_eq(lesson_scenario_best_points(sc), 5);
	free(got);
	lesson_destroy(l);
}

Test(lesson, a_start_that_is_an_ending_is_a_path_of_one)
{
	struct lesson *l = story("only", "only=risky");
	const struct lesson_scenario *sc = &l->steps[0].scenario;
	char *got = best_path_of(sc);

	cr_expect_str_eq(got, "only");
	cr_expect_eq(lesson_scenario_best_points(sc), 1);
	free(got);
	lesson_destroy(l);
}

Test(lesson, no_best_path_without_a_reachable_ending_or_a_start)
{
	struct lesson *l = story("first", "first>a a>first done=safe");
	const struct lesson_scenario *sc = &l->steps[0].scenario;
	size_t path[LESSON_MAX_NODES];

	cr_expect_eq(lesson_scenario_best_path(sc, path), 0, "a loop only");
	cr_expect_eq(lesson_scenario_best_points(sc), -1);
	lesson_destroy(l);

	l = story("nowhere", "first>done done=safe");
	sc = &l->steps[0].scenario;
	cr_expect_eq(sc->start_index, LESSON_NO_NODE);
	cr_expect_eq(lesson_scenario_best_path(sc, path), 0, "no start");
	cr_expect_eq(lesson_scenario_best_points(sc), -1);
	lesson_destroy(l);

	l = story("first", "");
	sc = &l->steps[0].scenario;
	cr_expect_eq(lesson_scenario_best_path(sc, path), 0, "no nodes");
	cr_expect_eq(lesson_scenario_best_points(sc), -1);
	lesson_destroy(l);
}

Test(lesson, resolve_and_find_use_the_first_node_with_an_id)
{
	struct lesson *l = story("b", "a>b,zz b=safe b=risky");
	const struct lesson_scenario *sc = &l->steps[0].scenario;

	cr_expect_eq(sc->start_index, 1);
	cr_expect_eq(sc->nodes[0].choices[0].target, 1);
	cr_expect_eq(sc->nodes[0].choices[1].target, LESSON_NO_NODE);
	cr_expect_eq(lesson_scenario_find(sc, "b"), 1);
	cr_expect_eq(lesson_scenario_find(sc, "zz"), LESSON_NO_NODE);
	cr_expect_eq(lesson_scenario_find(sc, NULL), LESSON_NO_NODE);
	lesson_destroy(l);
}

Test(lesson, ending_points_default_to_two_one_zero_unless_given)
{
	struct lesson_node n;

	memset(&n, 0, sizeof n);
	cr_expect_eq(lesson_ending_points(&n), -1, "not an ending");
	n.ending = ENDING_SAFE;
	cr_expect_eq(lesson_ending_points(&n), 2);
	n.ending = ENDING_RISKY;
	cr_expect_eq(lesson_ending_points(&n), 1);
	n.ending = ENDING_HARMFUL;
	cr_expect_eq(lesson_ending_points(&n), 0);
	n.has_points = true;
	n.points = 7;
	cr_expect_eq(lesson_ending_points(&n), 7, "its own points win");
	n.ending = ENDING_SAFE;
	n.points = 0;
	cr_expect_eq(lesson_ending_points(&n), 0);
	n.ending = ENDING_NONE;
	cr_expect_eq(lesson_ending_points(&n), -1, "points alone do not make "
	    "an ending");
}

Test(lesson, ending_keys_parse_back)
{
	cr_expect_eq(lesson_ending_parse("safe"), ENDING_SAFE);
	cr_expect_eq(lesson_ending_parse("risky"), ENDING_RISKY);
	cr_expect_eq(lesson_ending_parse("harmful"), ENDING_HARMFUL);
	cr_expect_eq(lesson_ending_parse("none"), -1);
	cr_expect_eq(lesson_ending_parse("Safe"), -1);
	cr_expect_str_eq(lesson_ending_key(ENDING_RISKY), "risky");
	cr_expect_str_eq(lesson_ending_name(ENDING_HARMFUL),
	    "A harmful ending", "the kind is said in words, not colour");
}

Test(lesson, every_flag_key_parses_back_and_none_is_not_a_pattern)
{
	int i;

	for (i = 1; i < FLAG_COUNT; i++) {
		const char *key = lesson_flag_key((enum lesson_flag)i);

		cr_expect_eq(lesson_flag_parse(key), i, "%s", key);
		cr_expect_neq(strlen(lesson_flag_name((enum lesson_flag)i)), 0);
	}
	cr_expect_eq(lesson_flag_parse("secrecy"), FLAG_SECRECY);
	cr_expect_eq(lesson_flag_parse("moving-private"), FLAG_MOVING_PRIVATE);
	cr_expect_eq(lesson_flag_parse("none"), -1, "'none' is not written");
	cr_expect_eq(lesson_flag_parse(""), -1);
	cr_expect_eq(lesson_flag_parse("Secrecy"), -1, "keys are lower case");
	cr_expect_eq(lesson_flag_parse("secrets"), -1);
	cr_expect_str_eq(lesson_flag_key(FLAG_COUNT), "?");
}

/* Four items; places 3 and 4 (indices 2, 3) interchangeable. */
static void
four_items(struct lesson_order *o)
{
	memset(o, 0, sizeof *o);
	o->item_count = 4;
	o->group[2] = o->group[3] = 1;
}

Test(lesson, the_right_order_allows_swaps_inside_a_group_only)
{
	struct lesson_order o;
	static const int written[] = { 0, 1, 2, 3 };
	static const int swapped_in_group[] = { 0, 1, 3, 2 };
	static const int swapped_outside[] = { 1, 0, 2, 3 };
	static const int across[] = { 0, 2, 1, 3 };

	four_items(&o);
	cr_expect(lesson_order_right(&o, written));
	cr_expect(lesson_order_right(&o, swapped_in_group));
	cr_expect(!lesson_order_right(&o, swapped_outside));
	cr_expect(!lesson_order_right(&o, across),
	    "a grouped item may not leave its group");
	o.group[2] = o.group[3] = 0;
	cr_expect(!lesson_order_right(&o, swapped_in_group),
	    "without the group, the swap is wrong");
}

Test(lesson, a_place_is_ok_for_its_own_item_or_one_of_its_group)
{
	struct lesson_order o;
	static const int perm[] = { 1, 0, 3, 2 };
	static const int out_of_range[] = { -1, 4, 2, 3 };

	four_items(&o);
	cr_expect(!lesson_order_place_ok(&o, perm, 0));
	cr_expect(!lesson_order_place_ok(&o, perm, 1));
	cr_expect(lesson_order_place_ok(&o, perm, 2));
	cr_expect(lesson_order_place_ok(&o, perm, 3));
	cr_expect(!lesson_order_place_ok(&o, out_of_range, 0));
	cr_expect(!lesson_order_place_ok(&o, out_of_range, 1));
	cr_expect(lesson_order_place_ok(&o, out_of_range, 2));
}

Test(lesson, two_groups_do_not_mix)
{
	struct lesson_order o;
	static const int within[] = { 1, 0, 3, 2 };
	static const int mixed[] = { 2, 1, 0, 3 };

	memset(&o, 0, sizeof o);
	o.item_count = 4;
	o.group[0] = o.group[1] = 1;
	o.group[2] = o.group[3] = 2;
	cr_expect(lesson_order_right(&o, within));
	cr_expect(!lesson_order_right(&o, mixed));
	cr_expect(!lesson_order_place_ok(&o, mixed, 0));
	cr_expect(lesson_order_place_ok(&o, mixed, 1));
}
