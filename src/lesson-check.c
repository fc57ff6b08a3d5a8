/* lesson-check.c - the meaning of a lesson, checked. */
#include "lesson-check.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"


static void
at(struct diag_list *d, const struct lesson *l, enum diag_severity sev,
    enum diag_code code, struct lesson_mark m, const char *msg)
{
	diag_add(d, sev, code, l->file, m.line, m.col, "%s", msg);
}

static int
wrapped_lines(const char *s)
{
	return s == NULL ? 0 : (int)text_wrap_count(s, LESSON_PAGE_COLUMNS, "- ");
}

static void
check_question(struct diag_list *d, const struct lesson *l,
    const struct lesson_step *s)
{
	size_t i, right = 0;
	char *msg;

	if (s->type == STEP_TRUEFALSE) {
		/* Its two options are made from 'answer'; the loader has
		 * already reported a missing one. */
		return;
	}
	if (s->option_count < 2 && s->option_count > 0) {
		at(d, l, DIAG_ERROR, DIAG_ANSWER, s->mark,
		    _("a question needs at least two options"));
	}
	for (i = 0; i < s->option_count; i++) {
		const struct lesson_option *o = &s->options[i];

		if (o->correct) {
			right++;
			if (s->type == STEP_CHOICE && right == 2) {
				at(d, l, DIAG_ERROR, DIAG_ANSWER, o->mark,
				    _("a 'choice' has exactly one right option, "
				    "and this is the second with 'correct: "
				    "true'; use 'multi' for several right "
				    "answers"));
			}
		}
		if (o->feedback == NULL && o->text != NULL) {
			at(d, l, DIAG_WARNING, DIAG_CONTENT, o->mark,
			    _("this option has no 'feedback'; say why it is "
			    "right or wrong, kindly"));
		}
	}
	if (right == 0 && s->option_count > 0) {
		msg = xasprintf(_("no option of this '%s' is marked 'correct: "
		    "true'; mark the right %s"), lesson_step_type_key(s->type),
		    s->type == STEP_MULTI ? _("ones") : _("one"));
		at(d, l, DIAG_ERROR, DIAG_ANSWER, s->mark, msg);
		free(msg);
	}
	if (s->type == STEP_MULTI && right == s->option_count &&
	    s->option_count > 0) {
		at(d, l, DIAG_WARNING, DIAG_ANSWER, s->mark,
		    _("every option of this 'multi' is right, so there is "
		    "nothing to tell apart; add an option that is not"));
	}
}

/* Chats --------------------------------------------------------------- */

static void
check_chat(struct diag_list *d, const struct lesson *l,
    const struct lesson_step *s)
{
	const struct lesson_chat *c = &s->chat;
	size_t i, flagged = 0, theirs = 0, theirs_flagged = 0;

	if (c->message_count < 2) {
		at(d, l, DIAG_ERROR, DIAG_ANSWER, s->mark,
		    _("a chat needs at least two messages; write out the "
		    "conversation the student reads, one '- from: ...' per "
		    "message"));
	}
	for (i = 0; i < c->message_count; i++) {
		const struct lesson_message *m = &c->messages[i];

		theirs += !m->mine;
		if (m->flag == FLAG_NONE)
			continue;
		flagged++;
		theirs_flagged += !m->mine;
		/* The player lets students mark only the other person's
		 * messages: a flag on their own could never be found. */
		if (m->mine) {
			at(d, l, DIAG_ERROR, DIAG_ANSWER, m->mark,
			    _("this message is 'from: me', and students mark "
			    "only the other person's messages, so this red "
			    "flag could never be found; remove the 'flag', or "
			    "make it 'from: them'"));
		} else if (m->why == NULL) {
			at(d, l, DIAG_WARNING, DIAG_CONTENT, m->mark,
			    _("this message has a 'flag' but no 'why'; say "
			    "why it is a red flag, so a student who missed "
			    "it learns from it"));
		}
	}
	if (flagged == 0) {
		at(d, l, DIAG_ERROR, DIAG_ANSWER, s->mark,
		    _("no message of this chat has a 'flag', so there is "
		    "nothing to find; add 'flag:' with its pattern (such as "
		    "'flag: secrecy') to each red-flag message"));
	} else if (theirs_flagged == theirs && c->message_count >= 2) {
		at(d, l, DIAG_WARNING, DIAG_ANSWER, s->mark,
		    _("every message from the other person in this chat is a "
		    "red flag, so there is nothing to tell apart; add an "
		    "ordinary message from them"));
	}
}

/* Scenarios ----------------------------------------------------------- */

/* The node id closest to a misspelt one, as the loader's "did you mean"
 * finds keys; NULL when none is close. */
static const char *
closest_node(const struct lesson_scenario *sc, const char *id)
{
	const char *best = NULL;
	int cap = strlen(id) <= 4 ? 1 : 2, best_d = cap + 1, dist;
	size_t i;

	for (i = 0; i < sc->node_count; i++) {
		if (sc->nodes[i].id == NULL)
			continue;
		dist = edit_distance(id, sc->nodes[i].id, cap);
		if (dist < best_d) {
			best = sc->nodes[i].id;
			best_d = dist;
		}
	}
	return best;
}

/* "'go' names the node 'tld', but no node has that id (did you mean
 * 'told'?)" */
static void
no_such_node(struct diag_list *d, const struct lesson *l,
    const struct lesson_scenario *sc, const char *key, const char *id,
    struct lesson_mark m)
{
	const char *guess = closest_node(sc, id);
	char *msg;

	if (guess != NULL) {
		msg = xasprintf(_("'%s' names the node '%s', but no node has "
		    "that id (did you mean '%s'?)"), key, id, guess);
	} else if (sc->node_count == 0) {
		msg = xasprintf(_("'%s' names the node '%s', but the scenario "
		    "has no nodes; add one with 'id: %s' under 'nodes:'"),
		    key, id, id);
	} else {
		struct buf b;
		size_t i;

		buf_init(&b);
		for (i = 0; i < sc->node_count; i++) {
			if (sc->nodes[i].id == NULL)
				continue;
			if (b.len > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, sc->nodes[i].id);
		}
		msg = xasprintf(_("'%s' names the node '%s', but no node has "
		    "that id; the node ids are: %s"), key, id,
		    b.data ? b.data : "");
		buf_finish(&b);
	}
	at(d, l, DIAG_ERROR, DIAG_BAD_VALUE, m, msg);
	free(msg);
}

/* The first node before 'i' with the same id, or LESSON_NO_NODE. */
static size_t
earlier_twin(const struct lesson_scenario *sc, size_t i)
{
	size_t j;

	if (sc->nodes[i].id == NULL)
		return LESSON_NO_NODE;
	for (j = 0; j < i; j++) {
		if (sc->nodes[j].id != NULL &&
		    strcmp(sc->nodes[j].id, sc->nodes[i].id) == 0)
			return j;
	}
	return LESSON_NO_NODE;
}

/* Mark every node reachable from the start by following choices. */
static void
reachable_nodes(const struct lesson_scenario *sc, bool *seen)
{
	size_t stack[LESSON_MAX_NODES], top = 0, i;

	for (i = 0; i < sc->node_count; i++)
		seen[i] = false;
	if (sc->start_index >= sc->node_count)
		return;
	seen[sc->start_index] = true;
	stack[top++] = sc->start_index;
	while (top > 0) {
		const struct lesson_node *n = &sc->nodes[stack[--top]];

		for (i = 0; i < n->choice_count; i++) {
			size_t t = n->choices[i].target;

			if (t < sc->node_count && !seen[t]) {
				seen[t] = true;
				stack[top++] = t;
			}
		}
	}
}

/*
 * Mark the nodes from which the story can get out: an ending can be
 * reached, or the way runs into a problem already reported (a node that
 * goes nowhere, a 'go' that names no node).  What is left are loops.
 */
static void
nodes_with_a_way_out(const struct lesson_scenario *sc, bool *out)
{
	bool changed = true;
	size_t i, j;

	for (i = 0; i < sc->node_count; i++) {
		const struct lesson_node *n = &sc->nodes[i];

		out[i] = n->ending != ENDING_NONE || n->choice_count == 0;
		for (j = 0; j < n->choice_count; j++) {
			if (n->choices[j].target >= sc->node_count)
				out[i] = true;
		}
	}
	while (changed) {
		changed = false;
		for (i = 0; i < sc->node_count; i++) {
			const struct lesson_node *n = &sc->nodes[i];

			for (j = 0; !out[i] && j < n->choice_count; j++) {
				if (out[n->choices[j].target]) {
					out[i] = true;
					changed = true;
				}
			}
		}
	}
}

static void
check_best_ending(struct diag_list *d, const struct lesson *l,
    const struct lesson_step *s)
{
	const struct lesson_scenario *sc = &s->scenario;
	size_t path[LESSON_MAX_NODES], n, i;
	bool seen[LESSON_MAX_NODES], safe = false;
	const struct lesson_node *best;
	char *msg;

	n = lesson_scenario_best_path(sc, path);
	if (n == 0)
		return;
	best = &sc->nodes[path[n - 1]];
	if (best->ending == ENDING_SAFE)
		return;
	reachable_nodes(sc, seen);
	for (i = 0; i < sc->node_count; i++) {
		if (seen[i] && sc->nodes[i].ending == ENDING_SAFE)
			safe = true;
	}
	if (safe) {
		msg = xasprintf(_("the ending worth the most points here is "
		    "'%s' (worth %d), not a safe one; give the safe ending "
		    "the most points, so that the best path is the safe "
		    "one"), lesson_ending_key(best->ending),
		    lesson_ending_points(best));
	} else {
		msg = xasprintf(_("no safe ending can be reached from "
		    "'start' (the best is '%s'); there should be a safe path: "
		    "add a choice that leads to an 'ending: safe'"),
		    lesson_ending_key(best->ending));
	}
	at(d, l, DIAG_WARNING, DIAG_ANSWER, s->mark, msg);
	free(msg);
}

static void
check_scenario(struct diag_list *d, const struct lesson *l,
    const struct lesson_step *s)
{
	const struct lesson_scenario *sc = &s->scenario;
	bool seen[LESSON_MAX_NODES], way_out[LESSON_MAX_NODES];
	size_t i, j, twin, endings = 0;
	char *msg;

	if (sc->node_count > LESSON_MAX_NODES)
		return;		/* the loader does not let this happen */
	if (sc->start != NULL &&
	    lesson_scenario_find(sc, sc->start) == LESSON_NO_NODE)
		no_such_node(d, l, sc, "start", sc->start, sc->start_mark);
	for (i = 0; i < sc->node_count; i++) {
		const struct lesson_node *n = &sc->nodes[i];

		twin = earlier_twin(sc, i);
		if (twin != LESSON_NO_NODE) {
			msg = xasprintf(_("the node id '%s' is already used at "
			    "line %d; node ids in one scenario must be "
			    "different"), n->id, sc->nodes[twin].mark.line);
			at(d, l, DIAG_ERROR, DIAG_DUPLICATE_ID, n->mark, msg);
			free(msg);
		}
		if (n->ending != ENDING_NONE) {
			endings++;
			if (n->choice_count > 0) {
				at(d, l, DIAG_ERROR, DIAG_BAD_VALUE, n->mark,
				    _("this node has both 'ending' and "
				    "'choices'; the story stops at an "
				    "ending, so remove the choices or the "
				    "ending"));
			}
			if (n->debrief == NULL) {
				at(d, l, DIAG_WARNING, DIAG_CONTENT, n->mark,
				    _("this ending has no 'debrief'; explain "
				    "the better path, without blame"));
			}
		} else if (n->choice_count == 0) {
			at(d, l, DIAG_ERROR, DIAG_BAD_VALUE, n->mark,
			    _("this node has no 'choices' and is not an "
			    "ending, so the story would stop here; add "
			    "'choices:', or make it an ending with 'ending: "
			    "safe', 'risky' or 'harmful'"));
		} else if (n->text == NULL) {
			at(d, l, DIAG_ERROR, DIAG_BAD_VALUE, n->mark,
			    _("this node has no 'text'; say what happens, so "
			    "the student knows what they are choosing "
			    "about"));
		}
		for (j = 0; j < n->choice_count; j++) {
			const struct lesson_choice *c = &n->choices[j];

			if (c->go != NULL &&
			    lesson_scenario_find(sc, c->go) == LESSON_NO_NODE)
				no_such_node(d, l, sc, "go", c->go, c->go_mark);
			if (c->feedback == NULL) {
				at(d, l, DIAG_WARNING, DIAG_CONTENT, c->mark,
				    _("this choice has no 'feedback'; say "
				    "what it leads to and why, kindly"));
			}
		}
	}
	if (endings == 0) {
		at(d, l, DIAG_ERROR, DIAG_ANSWER, s->mark,
		    _("this scenario has no ending; mark each node where the "
		    "story stops with 'ending: safe', 'risky' or "
		    "'harmful'"));
	}
	/* The graph: only from a start that names a node. */
	if (sc->start_index >= sc->node_count)
		return;
	reachable_nodes(sc, seen);
	nodes_with_a_way_out(sc, way_out);
	for (i = 0; i < sc->node_count; i++) {
		const struct lesson_node *n = &sc->nodes[i];

		if (!seen[i] && n->id != NULL &&
		    earlier_twin(sc, i) == LESSON_NO_NODE) {
			msg = xasprintf(_("no path from 'start' leads to this "
			    "node, so students never see it; add a choice "
			    "with 'go: %s', or remove the node"), n->id);
			at(d, l, DIAG_WARNING, DIAG_CONTENT, n->mark, msg);
			free(msg);
		}
		if (seen[i] && !way_out[i] && endings > 0) {
			at(d, l, DIAG_ERROR, DIAG_ANSWER, n->mark,
			    _("from this node no ending can be reached: every "
			    "choice leads back around; give one path an "
			    "ending"));
		}
	}
	check_best_ending(d, l, s);
}

/* Ordering ------------------------------------------------------------ */

static void
check_order(struct diag_list *d, const struct lesson *l,
    const struct lesson_step *s)
{
	const struct lesson_order *o = &s->order;
	size_t i;
	char *msg;

	if (o->item_count < 2) {
		at(d, l, DIAG_ERROR, DIAG_ANSWER, s->mark,
		    _("an 'order' step needs at least two items to put in "
		    "order; write them in the right order under 'items:'"));
	}
	for (i = o->item_count; i < LESSON_MAX_ITEMS; i++) {
		if (o->group[i] == 0)
			continue;
		msg = xasprintf(_("place %zu in 'interchangeable' is beyond the "
		    "last item (this step has %zu); places count the items "
		    "from 1, in the order they are written"), i + 1,
		    o->item_count);
		at(d, l, DIAG_ERROR, DIAG_BAD_VALUE, o->interchangeable_mark,
		    msg);
		free(msg);
	}
	for (i = 0; i < o->item_count; i++) {
		if (o->items[i].why == NULL && o->items[i].text != NULL) {
			at(d, l, DIAG_WARNING, DIAG_CONTENT, o->items[i].mark,
			    _("this item has no 'why'; say why it comes at "
			    "this place"));
		}
	}
}

void
lesson_check(const struct lesson *l, struct diag_list *d)
{
	struct lesson_mark top = { 1, 1 };
	size_t i, j;

	if (l->content_note == NULL) {
		at(d, l, DIAG_WARNING, DIAG_CONTENT, top,
		    _("the lesson has no 'content_note'; tell students what "
		    "it talks about before it starts"));
	}
	if (l->source_count == 0) {
		at(d, l, DIAG_WARNING, DIAG_CONTENT, top,
		    _("the lesson has no 'sources'; name where its facts "
		    "come from"));
	}
	if (l->objective_count == 0) {
		at(d, l, DIAG_WARNING, DIAG_CONTENT, top,
		    _("the lesson has no 'objectives'; say what students "
		    "will learn"));
	}
	for (i = 0; i < l->step_count; i++) {
		const struct lesson_step *s = &l->steps[i];

		if (s->id != NULL) {
			for (j = 0; j < i; j++) {
				if (l->steps[j].id != NULL &&
				    strcmp(l->steps[j].id, s->id) == 0) {
					char *msg = xasprintf(_("the step id "
					    "'%s' is already used at line %d; "
					    "step ids must be different"),
					    s->id, l->steps[j].mark.line);

					at(d, l, DIAG_ERROR, DIAG_DUPLICATE_ID,
					    s->mark, msg);
					free(msg);
					break;
				}
			}
		}
		if (!s->incomplete) {
			switch (s->type) {
			case STEP_CHOICE:
			case STEP_MULTI:
			case STEP_TRUEFALSE:
				check_question(d, l, s);
				break;
			case STEP_CHAT:
				check_chat(d, l, s);
				break;
			case STEP_SCENARIO:
				check_scenario(d, l, s);
				break;
			case STEP_ORDER:
				check_order(d, l, s);
				break;
			case STEP_PAGE:
				break;
			}
		}
		if (s->type == STEP_PAGE &&
		    wrapped_lines(s->text) + (s->title ? 2 : 0) >
		    LESSON_PAGE_LINES) {
			char *msg = xasprintf(_("this page is %d lines long at "
			    "%d columns and will not fit an 80x24 screen "
			    "(%d lines); split it into two pages"),
			    wrapped_lines(s->text) + (s->title ? 2 : 0),
			    LESSON_PAGE_COLUMNS, LESSON_PAGE_LINES);

			at(d, l, DIAG_WARNING, DIAG_CONTENT, s->mark, msg);
			free(msg);
		}
	}
}
