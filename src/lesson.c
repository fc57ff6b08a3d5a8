/* lesson.c - the lesson model. */
#include "lesson.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
free_messages(struct lesson_message *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(m[i].name);
		free(m[i].time);
		free(m[i].text);
		free(m[i].why);
	}
	free(m);
}

static void
free_scenario(struct lesson_scenario *sc)
{
	size_t i, j;

	for (i = 0; i < sc->node_count; i++) {
		struct lesson_node *n = &sc->nodes[i];

		free(n->id);
		free(n->text);
		free(n->debrief);
		free_messages(n->chat, n->chat_count);
		for (j = 0; j < n->choice_count; j++) {
			free(n->choices[j].text);
			free(n->choices[j].go);
			free(n->choices[j].feedback);
		}
		free(n->choices);
	}
	free(sc->nodes);
	free(sc->start);
	free(sc->question);
}

void
lesson_destroy(struct lesson *l)
{
	size_t i, j;

	if (l == NULL)
		return;
	for (i = 0; i < l->step_count; i++) {
		struct lesson_step *s = &l->steps[i];

		free(s->id);
		free(s->title);
		free(s->text);
		free(s->hint);
		free(s->feedback);
		free(s->discussion);
		for (j = 0; j < s->option_count; j++) {
			free(s->options[j].text);
			free(s->options[j].feedback);
		}
		free(s->options);
		free(s->chat.app);
		free(s->chat.contact);
		free_messages(s->chat.messages, s->chat.message_count);
		free_scenario(&s->scenario);
		for (j = 0; j < s->order.item_count; j++) {
			free(s->order.items[j].text);
			free(s->order.items[j].why);
		}
		free(s->order.items);
	}
	free(l->steps);
	for (i = 0; i < l->source_count; i++) {
		free(l->sources[i].publisher);
		free(l->sources[i].title);
		free(l->sources[i].url);
	}
	free(l->sources);
	free_strings(l->objectives, l->objective_count);
	free_strings(l->remember, l->remember_count);
	free(l->file);
	free(l->id);
	free(l->title);
	free(l->ages);
	free(l->content_note);
	free(l);
}

bool
lesson_step_is_question(const struct lesson_step *s)
{
	return s->type != STEP_PAGE;
}

int
lesson_question_count(const struct lesson *l)
{
	size_t i;
	int n = 0;

	for (i = 0; i < l->step_count; i++)
		n += lesson_step_is_question(&l->steps[i]);
	return n;
}

static const struct {
	const char *key;
	const char *name;
} topics[TOPIC_COUNT] = {
	[TOPIC_GROOMING] = { "grooming", N_("Grooming") },
	[TOPIC_SEXTORTION] = { "sextortion", N_("Sextortion") },
	[TOPIC_RECRUITMENT] = { "recruitment",
	    N_("Recruitment and trafficking") },
	[TOPIC_HELP] = { "help", N_("Getting help") },
};

const char *
lesson_topic_key(enum lesson_topic t)
{
	return t < TOPIC_COUNT ? topics[t].key : "?";
}

const char *
lesson_topic_name(enum lesson_topic t)
{
	return t < TOPIC_COUNT ? _(topics[t].name) : "?";
}

int
lesson_topic_parse(const char *key)
{
	int i;

	for (i = 0; i < TOPIC_COUNT; i++) {
		if (strcmp(key, topics[i].key) == 0)
			return i;
	}
	return -1;
}

const char *
lesson_step_type_key(enum step_type t)
{
	switch (t) {
	case STEP_PAGE:
		return "page";
	case STEP_CHOICE:
		return "choice";
	case STEP_MULTI:
		return "multi";
	case STEP_TRUEFALSE:
		return "truefalse";
	case STEP_CHAT:
		return "chat";
	case STEP_SCENARIO:
		return "scenario";
	case STEP_ORDER:
		return "order";
	}
	return "?";
}

static const struct {
	const char *key;
	const char *name;
} flags[FLAG_COUNT] = {
	[FLAG_NONE] = { "none", N_("not a red flag") },
	[FLAG_FLATTERY] = { "flattery", N_("flattery") },
	[FLAG_LOVE_BOMBING] = { "love-bombing",
	    N_("too much affection, too fast") },
	[FLAG_SECRECY] = { "secrecy", N_("asking for secrecy") },
	[FLAG_MOVING_PRIVATE] = { "moving-private",
	    N_("moving to a private app") },
	[FLAG_ISOLATION] = { "isolation",
	    N_("cutting you off from others") },
	[FLAG_GIFTS] = { "gifts", N_("gifts with strings attached") },
	[FLAG_PERSONAL_QUESTIONS] = { "personal-questions",
	    N_("personal questions") },
	[FLAG_BOUNDARY_TESTING] = { "boundary-testing",
	    N_("testing your limits") },
	[FLAG_SEXUAL_TALK] = { "sexual-talk", N_("sexual talk") },
	[FLAG_PRESSURE] = { "pressure", N_("pressure") },
	[FLAG_GUILT] = { "guilt", N_("guilt-tripping") },
	[FLAG_THREATS] = { "threats", N_("threats") },
	[FLAG_MONEY_DEMAND] = { "money-demand", N_("demanding money") },
	[FLAG_MEET_UP] = { "meet-up", N_("pushing to meet up") },
	[FLAG_FAKE_PROOF] = { "fake-proof", N_("\"proof\" that can be faked") },
	[FLAG_TOO_GOOD_OFFER] = { "too-good-offer",
	    N_("an offer too good to be true") },
	[FLAG_TRAVEL_OFFER] = { "travel-offer", N_("an offer to travel") },
	[FLAG_PLACE_TO_STAY] = { "place-to-stay",
	    N_("an offer of a place to stay") },
	[FLAG_DEBT] = { "debt", N_("making you owe them") },
	[FLAG_DOCUMENTS] = { "documents",
	    N_("asking for your ID or documents") },
};

const char *
lesson_flag_key(enum lesson_flag f)
{
	return f < FLAG_COUNT ? flags[f].key : "?";
}

const char *
lesson_flag_name(enum lesson_flag f)
{
	return f < FLAG_COUNT ? _(flags[f].name) : "?";
}

int
lesson_flag_parse(const char *key)
{
	int i;

	for (i = 1; i < FLAG_COUNT; i++) {
		if (strcmp(key, flags[i].key) == 0)
			return i;
	}
	return -1;
}

const char *
lesson_ending_key(enum lesson_ending e)
{
	switch (e) {
	case ENDING_SAFE:
		return "safe";
	case ENDING_RISKY:
		return "risky";
	case ENDING_HARMFUL:
		return "harmful";
	case ENDING_NONE:
		break;
	}
	return "none";
}

const char *
lesson_ending_name(enum lesson_ending e)
{
	switch (e) {
	case ENDING_SAFE:
		return _("A safe ending");
	case ENDING_RISKY:
		return _("A risky ending");
	case ENDING_HARMFUL:
		return _("A harmful ending");
	case ENDING_NONE:
		break;
	}
	return "";
}

int
lesson_ending_parse(const char *key)
{
	if (strcmp(key, "safe") == 0)
		return ENDING_SAFE;
	if (strcmp(key, "risky") == 0)
		return ENDING_RISKY;
	if (strcmp(key, "harmful") == 0)
		return ENDING_HARMFUL;
	return -1;
}

int
lesson_ending_points(const struct lesson_node *n)
{
	if (n->ending == ENDING_NONE)
		return -1;
	if (n->has_points)
		return n->points;
	return n->ending == ENDING_SAFE ? 2 : n->ending == ENDING_RISKY ? 1 : 0;
}

size_t
lesson_scenario_find(const struct lesson_scenario *sc, const char *id)
{
	size_t i;

	if (id == NULL)
		return LESSON_NO_NODE;
	for (i = 0; i < sc->node_count; i++) {
		if (sc->nodes[i].id != NULL && strcmp(sc->nodes[i].id, id) == 0)
			return i;
	}
	return LESSON_NO_NODE;
}

int
lesson_scenario_choice_to(const struct lesson_scenario *sc, size_t from,
    size_t to)
{
	size_t i;

	if (from >= sc->node_count)
		return -1;
	for (i = 0; i < sc->nodes[from].choice_count; i++) {
		if (sc->nodes[from].choices[i].target == to)
			return (int)i;
	}
	return -1;
}

void
lesson_scenario_resolve(struct lesson_scenario *sc)
{
	size_t i, j;

	sc->start_index = lesson_scenario_find(sc, sc->start);
	for (i = 0; i < sc->node_count; i++) {
		for (j = 0; j < sc->nodes[i].choice_count; j++) {
			struct lesson_choice *c = &sc->nodes[i].choices[j];

			c->target = lesson_scenario_find(sc, c->go);
		}
	}
}

/* Breadth-first distances and parents from the start. */
static void
scenario_bfs(const struct lesson_scenario *sc, int *dist, size_t *parent)
{
	size_t queue[LESSON_MAX_NODES], head = 0, tail = 0, i, j;

	for (i = 0; i < sc->node_count; i++) {
		dist[i] = -1;
		parent[i] = LESSON_NO_NODE;
	}
	if (sc->start_index >= sc->node_count)
		return;
	dist[sc->start_index] = 0;
	queue[tail++] = sc->start_index;
	while (head < tail) {
		const struct lesson_node *n = &sc->nodes[queue[head]];
		size_t from = queue[head++];

		for (j = 0; j < n->choice_count; j++) {
			size_t t = n->choices[j].target;

			if (t < sc->node_count && dist[t] < 0) {
				dist[t] = dist[from] + 1;
				parent[t] = from;
				queue[tail++] = t;
			}
		}
	}
}

static size_t
best_ending(const struct lesson_scenario *sc, const int *dist)
{
	size_t i, best = LESSON_NO_NODE;

	for (i = 0; i < sc->node_count; i++) {
		int p = lesson_ending_points(&sc->nodes[i]);

		if (dist[i] < 0 || p < 0)
			continue;
		if (best == LESSON_NO_NODE ||
		    p > lesson_ending_points(&sc->nodes[best]) ||
		    (p == lesson_ending_points(&sc->nodes[best]) &&
		    dist[i] < dist[best]))
			best = i;
	}
	return best;
}

size_t
lesson_scenario_best_path(const struct lesson_scenario *sc, size_t *out)
{
	int dist[LESSON_MAX_NODES];
	size_t parent[LESSON_MAX_NODES], at, n, i;

	if (sc->node_count == 0 || sc->node_count > LESSON_MAX_NODES)
		return 0;
	scenario_bfs(sc, dist, parent);
	at = best_ending(sc, dist);
	if (at == LESSON_NO_NODE)
		return 0;
	n = (size_t)dist[at] + 1;
	for (i = n; i-- > 0;) {
		out[i] = at;
		at = parent[at];
	}
	return n;
}

int
lesson_scenario_best_points(const struct lesson_scenario *sc)
{
	int dist[LESSON_MAX_NODES];
	size_t parent[LESSON_MAX_NODES], at;

	if (sc->node_count == 0 || sc->node_count > LESSON_MAX_NODES)
		return -1;
	scenario_bfs(sc, dist, parent);
	at = best_ending(sc, dist);
	return at == LESSON_NO_NODE ? -1 :
	    lesson_ending_points(&sc->nodes[at]);
}

bool
lesson_order_place_ok(const struct lesson_order *o, const int *perm,
    size_t place)
{
	int item = perm[place];

	if (item < 0 || (size_t)item >= o->item_count)
		return false;
	return (size_t)item == place ||
	    (o->group[item] != 0 && o->group[item] == o->group[place]);
}

bool
lesson_order_right(const struct lesson_order *o, const int *perm)
{
	size_t i;

	for (i = 0; i < o->item_count; i++) {
		if (!lesson_order_place_ok(o, perm, i))
			return false;
	}
	return true;
}
