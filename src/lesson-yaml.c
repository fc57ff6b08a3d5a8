/* lesson-yaml.c - a table-driven walk from the YAML tree to the model. */
#include "lesson-yaml.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"
#include "yaml-schema.h"
#include "yaml-tree.h"


/* Sources ------------------------------------------------------------- */

static const struct schema_field source_fields[] = {
	{ "publisher", SF_LINE, true, offsetof(struct lesson_source, publisher),
	    0, 0, 0, NULL, N_("the organisation's name") },
	{ "title", SF_LINE, true, offsetof(struct lesson_source, title), 0, 0,
	    0, NULL, N_("the page or report title") },
	{ "year", SF_INT, false, offsetof(struct lesson_source, year), 0, 1900,
	    2100, NULL, N_("a year, such as 2024") },
	{ "url", SF_LINE, false, offsetof(struct lesson_source, url), 0, 0, 0,
	    NULL, N_("an address, https://...") },
};

static void
parse_sources(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson *l = obj;

	l->sources = schema_list(sc, n, "sources", 64, sizeof *l->sources,
	    source_fields, RF_ARRAY_LEN(source_fields), SCHEMA_NO_MARK,
	    N_("a source"), &l->source_count);
}

/* Steps --------------------------------------------------------------- */

static const struct schema_field option_fields[] = {
	{ "text", SF_TEXT, true, offsetof(struct lesson_option, text), 0, 0, 0,
	    NULL, N_("what the student can pick") },
	{ "feedback", SF_TEXT, false, offsetof(struct lesson_option, feedback),
	    0, 0, 0, NULL, N_("why it is right or wrong") },
	{ "correct", SF_BOOL, false, offsetof(struct lesson_option, correct),
	    0, 0, 0, NULL, N_("true or false") },
};

static void
parse_options(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->options = schema_list(sc, n, "options", LESSON_MAX_OPTIONS,
	    sizeof *s->options, option_fields, RF_ARRAY_LEN(option_fields),
	    offsetof(struct lesson_option, mark), N_("an option"),
	    &s->option_count);
}

static void
parse_tf_answer(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;
	bool answer;

	if (!schema_bool(sc, n, "answer", &answer))
		return;
	s->options = xcalloc(2, sizeof *s->options);
	s->option_count = 2;
	s->options[0].correct = answer;
	s->options[1].correct = !answer;
	s->options[0].mark.line = s->options[1].mark.line = n->line;
	s->options[0].mark.col = s->options[1].mark.col = n->col;
}

/* Chats ---------------------------------------------------------------- */

static void
parse_from(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_message *m = obj;

	if (!schema_want_scalar(sc, n, "from"))
		return;
	if (strcmp(schema_scalar(n), "me") == 0) {
		m->mine = true;
	} else if (strcmp(schema_scalar(n), "them") == 0) {
		m->mine = false;
	} else {
		char *shown = text_sanitize(schema_scalar(n), n->u.scalar.len, 0);

		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'from' is '%s'; it is 'them' (the other person) or "
		    "'me' (the student's side)"), shown);
		free(shown);
	}
}

static void
parse_flag(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_message *m = obj;
	const char *keys[FLAG_COUNT];
	const char *guess;
	char *shown;
	int f, i;

	if (!schema_want_scalar(sc, n, "flag"))
		return;
	f = lesson_flag_parse(schema_scalar(n));
	if (f > 0) {
		m->flag = (enum lesson_flag)f;
		return;
	}
	for (i = 1; i < FLAG_COUNT; i++)
		keys[i - 1] = lesson_flag_key((enum lesson_flag)i);
	guess = schema_closest(schema_scalar(n), keys, FLAG_COUNT - 1);
	shown = text_sanitize(schema_scalar(n), n->u.scalar.len, 0);
	if (guess != NULL) {
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown red-flag pattern '%s' (did you mean '%s'?)"),
		    shown, guess);
	} else {
		struct buf b;

		buf_init(&b);
		for (i = 0; i < FLAG_COUNT - 1; i++) {
			if (i > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, keys[i]);
		}
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown red-flag pattern '%s'; the patterns are: %s"),
		    shown, b.data);
		buf_finish(&b);
	}
	free(shown);
}

#define MSG_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson_message, member), 0, 0, 0, \
	    NULL, ex }

static const struct schema_field message_fields[] = {
	{ "from", SF_CUSTOM, true, 0, 0, 0, 0, parse_from,
	    N_("'them' or 'me'") },
	MSG_FIELD("name", SF_LINE, false, name, N_("the name shown")),
	MSG_FIELD("time", SF_LINE, false, time, N_("a time such as 20:14")),
	MSG_FIELD("text", SF_TEXT, true, text, N_("what the message says")),
	{ "flag", SF_CUSTOM, false, 0, 0, 0, 0, parse_flag,
	    N_("a red-flag pattern such as 'secrecy'") },
	MSG_FIELD("why", SF_TEXT, false, why,
	    N_("why it is, or is not, a red flag")),
};

/* A scenario's excerpt: messages to read, not to mark. */
static const struct schema_field excerpt_fields[] = {
	{ "from", SF_CUSTOM, true, 0, 0, 0, 0, parse_from,
	    N_("'them' or 'me'") },
	MSG_FIELD("name", SF_LINE, false, name, N_("the name shown")),
	MSG_FIELD("time", SF_LINE, false, time, N_("a time such as 20:14")),
	MSG_FIELD("text", SF_TEXT, true, text, N_("what the message says")),
};

static void
parse_messages(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->chat.messages = schema_list(sc, n, "messages", LESSON_MAX_MESSAGES,
	    sizeof *s->chat.messages, message_fields,
	    RF_ARRAY_LEN(message_fields),
	    offsetof(struct lesson_message, mark), N_("a message"),
	    &s->chat.message_count);
}

/* Scenarios ------------------------------------------------------------ */

static void
parse_excerpt(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;

	node->chat = schema_list(sc, n, "chat", LESSON_MAX_MESSAGES,
	    sizeof *node->chat, excerpt_fields, RF_ARRAY_LEN(excerpt_fields),
	    offsetof(struct lesson_message, mark), N_("a message"),
	    &node->chat_count);
}

static void
parse_go(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_choice *c = obj;

	c->go_mark.line = n->line;
	c->go_mark.col = n->col;
	c->go = schema_id(sc, n, "go");
}

static const struct schema_field choice_item_fields[] = {
	{ "text", SF_TEXT, true, offsetof(struct lesson_choice, text), 0, 0, 0,
	    NULL, N_("what the student can choose") },
	{ "go", SF_CUSTOM, true, 0, 0, 0, 0, parse_go,
	    N_("the id of the node it leads to") },
	{ "feedback", SF_TEXT, false, offsetof(struct lesson_choice, feedback),
	    0, 0, 0, NULL, N_("what this choice means, kindly") },
};

static void
parse_choices(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;

	node->choices = schema_list(sc, n, "choices", LESSON_MAX_CHOICES,
	    sizeof *node->choices, choice_item_fields,
	    RF_ARRAY_LEN(choice_item_fields),
	    offsetof(struct lesson_choice, mark), N_("a choice"),
	    &node->choice_count);
}

static void
parse_ending(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;
	int e;

	if (!schema_want_scalar(sc, n, "ending"))
		return;
	e = lesson_ending_parse(schema_scalar(n));
	if (e < 0) {
		char *shown = text_sanitize(schema_scalar(n), n->u.scalar.len, 0);

		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown ending '%s'; an ending is 'safe', 'risky' or "
		    "'harmful'"), shown);
		free(shown);
		return;
	}
	node->ending = (enum lesson_ending)e;
}

static void
parse_points(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;

	node->has_points = schema_int(sc, n, "points", 0, 10, &node->points);
}

#define NODE_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson_node, member), 0, 0, 0, NULL, \
	    ex }

static const struct schema_field node_fields[] = {
	NODE_FIELD("id", SF_ID, true, id, N_("a short name such as 'told'")),
	NODE_FIELD("text", SF_TEXT, false, text, N_("what happens")),
	{ "chat", SF_CUSTOM, false, 0, 0, 0, 0, parse_excerpt,
	    N_("a list of '- from: ...' messages") },
	{ "choices", SF_CUSTOM, false, 0, 0, 0, 0, parse_choices,
	    N_("a list of '- text: ... go: ...' choices") },
	{ "ending", SF_CUSTOM, false, 0, 0, 0, 0, parse_ending,
	    N_("safe, risky or harmful") },
	NODE_FIELD("debrief", SF_TEXT, false, debrief,
	    N_("the better path, without blame")),
	{ "points", SF_CUSTOM, false, 0, 0, 0, 0, parse_points,
	    N_("a number from 0 to 10") },
};

static void
parse_nodes(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;
	struct lesson_scenario *story = &s->scenario;

	story->nodes = schema_list(sc, n, "nodes", LESSON_MAX_NODES,
	    sizeof *story->nodes, node_fields, RF_ARRAY_LEN(node_fields),
	    offsetof(struct lesson_node, mark), N_("a node"),
	    &story->node_count);
}

static void
parse_start(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->scenario.start_mark.line = n->line;
	s->scenario.start_mark.col = n->col;
	s->scenario.start = schema_id(sc, n, "start");
}

/* Ordering ------------------------------------------------------------- */

static const struct schema_field item_fields[] = {
	{ "text", SF_TEXT, true, offsetof(struct lesson_item, text), 0, 0, 0,
	    NULL, N_("one step, as the student sees it") },
	{ "why", SF_TEXT, false, offsetof(struct lesson_item, why), 0, 0, 0,
	    NULL, N_("why it comes at this place") },
};

static void
parse_items(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->order.items = schema_list(sc, n, "items", LESSON_MAX_ITEMS,
	    sizeof *s->order.items, item_fields, RF_ARRAY_LEN(item_fields),
	    offsetof(struct lesson_item, mark), N_("an item"),
	    &s->order.item_count);
}

/*
 * interchangeable: [[3, 4], [5, 6]] - groups of places (counted from 1,
 * as the items are written) whose items may swap without penalty.
 */
static void
parse_interchangeable(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;
	size_t g, k;

	s->order.interchangeable_mark.line = n->line;
	s->order.interchangeable_mark.col = n->col;
	if (n->type != YNODE_SEQ) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'interchangeable' should be a list of groups of "
		    "places, such as [[3, 4]]"));
		return;
	}
	for (g = 0; g < n->u.seq.count; g++) {
		const struct ynode *grp = n->u.seq.items[g];

		if (grp->type != YNODE_SEQ || grp->u.seq.count < 2) {
			schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, grp,
			    _("each group in 'interchangeable' lists two or "
			    "more places, such as [3, 4]"));
			continue;
		}
		for (k = 0; k < grp->u.seq.count; k++) {
			int place;

			if (!schema_int(sc, grp->u.seq.items[k], "interchangeable",
			    1, LESSON_MAX_ITEMS, &place))
				continue;
			if (s->order.group[place - 1] != 0) {
				schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE,
				    grp->u.seq.items[k],
				    _("place %d is already in a group; a place "
				    "can be in one group only"), place);
				continue;
			}
			s->order.group[place - 1] = (int)g + 1;
		}
	}
}

#define STEP_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson_step, member), 0, 0, 0, NULL, ex }

static const struct schema_field page_fields[] = {
	STEP_FIELD("id", SF_ID, false, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("title", SF_LINE, false, title, N_("a heading")),
	STEP_FIELD("text", SF_TEXT, true, text, N_("the page's text")),
	STEP_FIELD("help", SF_BOOL, false, show_help,
	    N_("true, to show where to get help below the text")),
	STEP_FIELD("discussion", SF_TEXT, false, discussion,
	    N_("a question for the class to talk about")),
};

static const struct schema_field choice_fields[] = {
	STEP_FIELD("id", SF_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("prompt", SF_TEXT, true, text, N_("the question")),
	STEP_FIELD("hint", SF_TEXT, false, hint, N_("a nudge")),
	{ "options", SF_CUSTOM, true, 0, 0, 0, 0, parse_options,
	    N_("a list of '- text: ...' options") },
	STEP_FIELD("discussion", SF_TEXT, false, discussion,
	    N_("a question for the class to talk about")),
};

static const struct schema_field truefalse_fields[] = {
	STEP_FIELD("id", SF_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("statement", SF_TEXT, true, text, N_("the sentence to judge")),
	{ "answer", SF_CUSTOM, true, 0, 0, 0, 0, parse_tf_answer,
	    N_("true or false") },
	STEP_FIELD("feedback", SF_TEXT, true, feedback, N_("why it is so")),
	STEP_FIELD("hint", SF_TEXT, false, hint, N_("a nudge")),
	STEP_FIELD("discussion", SF_TEXT, false, discussion,
	    N_("a question for the class to talk about")),
};

static const struct schema_field chat_fields[] = {
	STEP_FIELD("id", SF_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("prompt", SF_TEXT, true, text,
	    N_("what to do, such as 'Mark every red flag.'")),
	STEP_FIELD("app", SF_LINE, false, chat.app,
	    N_("where the chat happens, such as 'Game chat'")),
	STEP_FIELD("contact", SF_LINE, true, chat.contact,
	    N_("the other person's name, as the app shows it")),
	STEP_FIELD("reveal", SF_BOOL, false, chat.reveal, N_("true or false")),
	STEP_FIELD("hint", SF_TEXT, false, hint, N_("a nudge")),
	{ "messages", SF_CUSTOM, true, 0, 0, 0, 0, parse_messages,
	    N_("a list of '- from: ...' messages") },
	STEP_FIELD("discussion", SF_TEXT, false, discussion,
	    N_("a question for the class to talk about")),
};

static const struct schema_field scenario_fields[] = {
	STEP_FIELD("id", SF_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("title", SF_LINE, false, title, N_("a heading")),
	STEP_FIELD("text", SF_TEXT, false, text, N_("how the story starts")),
	STEP_FIELD("question", SF_LINE, false, scenario.question,
	    N_("what to ask before the choices, such as 'What could Eli do?'")),
	{ "start", SF_CUSTOM, true, 0, 0, 0, 0, parse_start,
	    N_("the id of the first node") },
	{ "nodes", SF_CUSTOM, true, 0, 0, 0, 0, parse_nodes,
	    N_("a list of '- id: ...' nodes") },
	STEP_FIELD("discussion", SF_TEXT, false, discussion,
	    N_("a question for the class to talk about")),
};

static const struct schema_field order_fields[] = {
	STEP_FIELD("id", SF_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("prompt", SF_TEXT, true, text,
	    N_("what to do, such as 'Put these in the best order.'")),
	STEP_FIELD("hint", SF_TEXT, false, hint, N_("a nudge")),
	{ "items", SF_CUSTOM, true, 0, 0, 0, 0, parse_items,
	    N_("a list of '- text: ...' items, in the right order") },
	{ "interchangeable", SF_CUSTOM, false, 0, 0, 0, 0,
	    parse_interchangeable, N_("groups of places, such as [[3, 4]]") },
	STEP_FIELD("discussion", SF_TEXT, false, discussion,
	    N_("a question for the class to talk about")),
};

static const struct {
	const char *key;
	enum step_type type;
	const struct schema_field *fields;
	size_t nfields;
} step_kinds[] = {
	{ "page", STEP_PAGE, page_fields, RF_ARRAY_LEN(page_fields) },
	{ "choice", STEP_CHOICE, choice_fields, RF_ARRAY_LEN(choice_fields) },
	{ "multi", STEP_MULTI, choice_fields, RF_ARRAY_LEN(choice_fields) },
	{ "truefalse", STEP_TRUEFALSE, truefalse_fields,
	    RF_ARRAY_LEN(truefalse_fields) },
	{ "chat", STEP_CHAT, chat_fields, RF_ARRAY_LEN(chat_fields) },
	{ "scenario", STEP_SCENARIO, scenario_fields,
	    RF_ARRAY_LEN(scenario_fields) },
	{ "order", STEP_ORDER, order_fields, RF_ARRAY_LEN(order_fields) },
};

static const char *const step_kind_keys[] = {
	"page", "choice", "multi", "truefalse", "chat", "scenario", "order",
};

/* Is 'key' a key of some step kind (for the indentation hint)? */
static const char *
step_key_owner(const char *key)
{
	size_t i, j;

	for (i = 0; i < RF_ARRAY_LEN(step_kinds); i++) {
		for (j = 0; j < step_kinds[i].nfields; j++) {
			if (strcmp(step_kinds[i].fields[j].key, key) == 0)
				return step_kinds[i].key;
		}
	}
	return NULL;
}

static bool
parse_step(struct schema *sc, const struct ynode *n, struct lesson_step *s)
{
	const struct ynode *k, *v;
	size_t i, kind, errors;

	if (n->type != YNODE_MAP || n->u.map.count == 0) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("a step should start with its type: 'page:', 'choice:', "
		    "'multi:', 'truefalse:', 'chat:', 'scenario:' or "
		    "'order:'"));
		return false;
	}
	k = n->u.map.pairs[0].key;
	v = n->u.map.pairs[0].value;
	for (kind = 0; kind < RF_ARRAY_LEN(step_kinds); kind++) {
		if (strcmp(schema_scalar(k), step_kinds[kind].key) == 0)
			break;
	}
	if (kind == RF_ARRAY_LEN(step_kinds)) {
		schema_unknown_key(sc, k, step_kind_keys,
		    RF_ARRAY_LEN(step_kind_keys), _("a step"));
		return false;
	}
	/* A second key beside the type key is nearly always a key that
	 * should have been indented under it. */
	for (i = 1; i < n->u.map.count; i++) {
		const struct ynode *extra = n->u.map.pairs[i].key;
		const char *owner = step_key_owner(schema_scalar(extra));
		char *shown = text_sanitize(schema_scalar(extra),
		    extra->u.scalar.len, 0);

		if (owner != NULL)
			schema_problem(sc, DIAG_ERROR, DIAG_UNKNOWN_KEY, extra,
			    _("'%s' should be inside the '%s' step: indent "
			    "it more than '%s:'"), shown, schema_scalar(k),
			    schema_scalar(k));
		else
			schema_problem(sc, DIAG_ERROR, DIAG_UNKNOWN_KEY, extra,
			    _("a step has exactly one type key ('%s' here); "
			    "'%s' does not belong beside it"), schema_scalar(k),
			    shown);
		free(shown);
	}
	s->type = step_kinds[kind].type;
	s->mark.line = k->line;
	s->mark.col = k->col;
	if (v->type == YNODE_SCALAR && v->u.scalar.len == 0) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, k,
		    _("the '%s' step is empty; its keys must be indented "
		    "under '%s:'"), schema_scalar(k), schema_scalar(k));
		return false;
	}
	errors = diag_count(sc->diags, DIAG_ERROR);
	schema_walk(sc, v, step_kinds[kind].fields, step_kinds[kind].nfields, s,
	    N_("this %s step"), schema_scalar(k));
	/* Spare the author knock-on errors about answers we could not
	 * read. */
	s->incomplete = diag_count(sc->diags, DIAG_ERROR) > errors;
	if (s->type == STEP_SCENARIO)
		lesson_scenario_resolve(&s->scenario);
	if (s->type == STEP_TRUEFALSE) {
		for (i = 0; i < s->option_count; i++) {
			s->options[i].feedback = s->feedback ?
			    xstrdup(s->feedback) : NULL;
		}
	}
	return true;
}

static void
parse_steps(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson *l = obj;
	size_t i;

	if (n->type != YNODE_SEQ) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'steps' should be a list ('- ' items), not %s"),
		    ynode_type_name(n->type));
		return;
	}
	if (n->u.seq.count == 0) {
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'steps' is empty; a lesson needs at least one step"));
		return;
	}
	l->steps = xcalloc(n->u.seq.count, sizeof *l->steps);
	for (i = 0; i < n->u.seq.count; i++) {
		struct lesson_step *s = &l->steps[l->step_count];

		if (parse_step(sc, n->u.seq.items[i], s))
			l->step_count++;
		else
			memset(s, 0, sizeof *s);
	}
}

/* The lesson ---------------------------------------------------------- */

static void
parse_topic(struct schema *sc, const struct ynode *n, void *obj)
{
	static const char *const keys[] = {
		"grooming", "sextortion", "recruitment", "help",
	};
	struct lesson *l = obj;
	int t;

	if (!schema_want_scalar(sc, n, "topic"))
		return;
	t = lesson_topic_parse(schema_scalar(n));
	if (t >= 0) {
		l->topic = (enum lesson_topic)t;
		return;
	}
	{
		char *shown = text_sanitize(schema_scalar(n), n->u.scalar.len, 0);
		const char *guess = schema_closest(schema_scalar(n), keys,
		    RF_ARRAY_LEN(keys));

		if (guess != NULL)
			schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
			    _("unknown topic '%s' (did you mean '%s'?)"),
			    shown, guess);
		else
			schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
			    _("unknown topic '%s'; use one of: grooming, "
			    "sextortion, recruitment, help"), shown);
		free(shown);
	}
}

/* One or two digits ("08" too). */
static bool
age(const char *s, size_t len, int *out)
{
	if (len < 1 || len > 2 || s[0] < '0' || s[0] > '9' ||
	    (len == 2 && (s[1] < '0' || s[1] > '9')))
		return false;
	*out = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

static void
parse_ages(struct schema *sc, const struct ynode *n, void *obj)
{
	struct lesson *l = obj;
	const char *s, *dash;
	int lo, hi;

	if (!schema_want_scalar(sc, n, "ages"))
		return;
	s = schema_scalar(n);
	dash = memchr(s, '-', n->u.scalar.len);
	if (dash == NULL || !age(s, (size_t)(dash - s), &lo) ||
	    !age(dash + 1, n->u.scalar.len - (size_t)(dash - s) - 1, &hi) ||
	    lo < 5 || hi > 25 || lo > hi) {
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'ages' should be a range of ages such as 13-17"));
		return;
	}
	free(l->ages);
	l->ages = xstrdup(schema_scalar(n));
}

#define LESSON_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson, member), 0, 0, 0, NULL, ex }

/* The head (what the home screen needs) comes first: LESSON_HEAD keys. */
#define LESSON_HEAD 5
static const char *const lesson_head_keys[LESSON_HEAD] = {
	"id", "title", "topic", "ages", "minutes",
};

static const struct schema_field lesson_fields[] = {
	LESSON_FIELD("id", SF_ID, true, id, N_("a short name such as 'move-apps'")),
	LESSON_FIELD("title", SF_LINE, true, title, N_("the lesson's title")),
	{ "topic", SF_CUSTOM, true, 0, 0, 0, 0, parse_topic,
	    N_("grooming, sextortion, recruitment or help") },
	{ "ages", SF_CUSTOM, false, 0, 0, 0, 0, parse_ages,
	    N_("an age range, such as 13-17") },
	{ "minutes", SF_INT, true, offsetof(struct lesson, minutes), 0, 1, 120,
	    NULL, N_("a number of minutes, such as 10") },
	LESSON_FIELD("content_note", SF_TEXT, false, content_note,
	    N_("what the lesson talks about")),
	{ "objectives", SF_LINES, false, offsetof(struct lesson, objectives),
	    offsetof(struct lesson, objective_count), 0, 0, NULL,
	    N_("a list of '- ' items") },
	{ "sources", SF_CUSTOM, false, 0, 0, 0, 0, parse_sources,
	    N_("a list of '- publisher: ...' items") },
	{ "steps", SF_CUSTOM, true, 0, 0, 0, 0, parse_steps,
	    N_("a list of '- page:' and question steps") },
	{ "remember", SF_LINES, false, offsetof(struct lesson, remember),
	    offsetof(struct lesson, remember_count), 0, 0, NULL,
	    N_("a list of '- ' items") },
};

/* From a tree to a lesson: the whole schema, or only its head. */
static struct lesson *
lesson_from_tree(const char *file, const struct ytree *tree, bool head,
    struct diag_list *diags)
{
	struct schema sc = { file, diags };
	struct lesson *l;
	const struct ynode *id;

	if (tree->root == NULL) {
		diag_add(diags, DIAG_ERROR, DIAG_MISSING_KEY, file, 1, 1,
		    _("the file is empty; a lesson starts with 'id:', "
		    "'title:', 'topic:', 'minutes:' and 'steps:'"));
		return NULL;
	}
	l = xcalloc(1, sizeof *l);
	l->file = xstrdup(file);
	l->ages = xstrdup("13-17");
	l->head_only = head;
	if (!schema_walk(&sc, tree->root, lesson_fields,
	    head ? LESSON_HEAD : RF_ARRAY_LEN(lesson_fields), l,
	    N_("the lesson"), NULL)) {
		lesson_destroy(l);
		return NULL;
	}
	id = ynode_get(tree->root, "id");
	if (id != NULL) {
		l->mark_id.line = id->line;
		l->mark_id.col = id->col;
	}
	return l;
}

struct lesson *
lesson_parse(const char *file, const char *data, size_t len,
    struct diag_list *diags)
{
	struct ytree tree;
	struct lesson *l;

	if (ytree_parse(&tree, file, data, len, NULL, diags) < 0)
		return NULL;
	l = lesson_from_tree(file, &tree, false, diags);
	ytree_finish(&tree);
	return l;
}

struct lesson *
lesson_parse_head(const char *file, const char *data, size_t len,
    struct diag_list *diags)
{
	struct ytree tree;
	struct lesson *l;

	if (ytree_parse_head(&tree, file, data, len, lesson_head_keys,
	    LESSON_HEAD, "steps", diags) < 0)
		return NULL;
	l = lesson_from_tree(file, &tree, true, diags);
	ytree_finish(&tree);
	return l;
}

bool
lesson_read_file(const char *path, struct diag_list *diags, char **data,
    size_t *len)
{
	int err = read_file(path, ytree_default_limits.max_bytes, data, len);

	if (err == EFBIG) {
		diag_add(diags, DIAG_ERROR, DIAG_TOO_BIG, path, 0, 0,
		    _("the file is too big (the most is %zu bytes); split it "
		    "into several lessons"), ytree_default_limits.max_bytes);
		return false;
	}
	if (err != 0) {
		diag_add(diags, DIAG_ERROR, DIAG_IO, path, 0, 0,
		    _("cannot read the file: %s"), strerror(err));
		return false;
	}
	return true;
}

static struct lesson *
load(const char *path, bool head, struct diag_list *diags, char **source,
    size_t *source_len)
{
	struct lesson *l;
	char *data;
	size_t len;

	if (source != NULL)
		*source = NULL;
	if (source_len != NULL)
		*source_len = 0;
	if (!lesson_read_file(path, diags, &data, &len))
		return NULL;
	l = head ? lesson_parse_head(path, data, len, diags) :
	    lesson_parse(path, data, len, diags);
	if (source != NULL) {
		*source = data;
		if (source_len != NULL)
			*source_len = len;
	} else {
		free(data);
	}
	return l;
}

struct lesson *
lesson_load(const char *path, struct diag_list *diags, char **source,
    size_t *source_len)
{
	return load(path, false, diags, source, source_len);
}

/* A head is near the top: read only the first bytes when they hold it
 * (the quick way), else the whole file. */
#define HEAD_BYTES 4096

struct lesson *
lesson_load_head(const char *path, struct diag_list *diags)
{
	char start[HEAD_BYTES];
	struct ytree tree;
	struct lesson *l;
	size_t len;
	bool whole;

	if (read_file_start(path, start, sizeof start, &len, &whole) == 0) {
		if (whole)
			return lesson_parse_head(path, start, len, diags);
		if (ytree_parse_head_prefix(&tree, path, start, len,
		    lesson_head_keys, LESSON_HEAD) == 0) {
			l = lesson_from_tree(path, &tree, true, diags);
			ytree_finish(&tree);
			return l;
		}
	}
	return load(path, true, diags, NULL, NULL);
}

/* The key lists, made from the tables on first use. */
struct key_list {
	const char *what;
	const struct schema_field *fields;
	size_t n;
	const char *keys[24];
	bool required[24];
	bool made;
};

size_t
lesson_yaml_keys(const char *what, const char *const **keys,
    const bool **required)
{
	static struct key_list lists[] = {
		{ "lesson", lesson_fields, RF_ARRAY_LEN(lesson_fields), {0}, {0}, 0 },
		{ "source", source_fields, RF_ARRAY_LEN(source_fields), {0}, {0}, 0 },
		{ "page", page_fields, RF_ARRAY_LEN(page_fields), {0}, {0}, 0 },
		{ "choice", choice_fields, RF_ARRAY_LEN(choice_fields), {0}, {0}, 0 },
		{ "multi", choice_fields, RF_ARRAY_LEN(choice_fields), {0}, {0}, 0 },
		{ "truefalse", truefalse_fields,
		    RF_ARRAY_LEN(truefalse_fields), {0}, {0}, 0 },
		{ "option", option_fields, RF_ARRAY_LEN(option_fields), {0}, {0}, 0 },
		{ "chat", chat_fields, RF_ARRAY_LEN(chat_fields), {0}, {0}, 0 },
		{ "message", message_fields, RF_ARRAY_LEN(message_fields), {0},
		    {0}, 0 },
		{ "excerpt", excerpt_fields, RF_ARRAY_LEN(excerpt_fields), {0},
		    {0}, 0 },
		{ "scenario", scenario_fields, RF_ARRAY_LEN(scenario_fields), {0},
		    {0}, 0 },
		{ "node", node_fields, RF_ARRAY_LEN(node_fields), {0}, {0}, 0 },
		{ "choice-item", choice_item_fields,
		    RF_ARRAY_LEN(choice_item_fields), {0}, {0}, 0 },
		{ "order", order_fields, RF_ARRAY_LEN(order_fields), {0}, {0}, 0 },
		{ "item", item_fields, RF_ARRAY_LEN(item_fields), {0}, {0}, 0 },
	};
	size_t i, j;

	if (strcmp(what, "steps") == 0) {
		*keys = step_kind_keys;
		if (required != NULL)
			*required = NULL;
		return RF_ARRAY_LEN(step_kind_keys);
	}
	for (i = 0; i < RF_ARRAY_LEN(lists); i++) {
		struct key_list *k = &lists[i];

		if (strcmp(k->what, what) != 0)
			continue;
		if (!k->made) {
			for (j = 0; j < k->n; j++) {
				k->keys[j] = k->fields[j].key;
				k->required[j] = k->fields[j].required;
			}
			k->made = true;
		}
		*keys = k->keys;
		if (required != NULL)
			*required = k->required;
		return k->n;
	}
	return 0;
}
