/*
 * lesson.h - the lesson model: what a lesson is, independent of YAML and
 * of the terminal.  All text is validated UTF-8 and already sanitised
 * (text_sanitize) when it gets here.
 */
#ifndef RF_LESSON_H
#define RF_LESSON_H

#include <stdbool.h>
#include <stddef.h>

enum lesson_topic {
	TOPIC_GROOMING,
	TOPIC_SEXTORTION,
	TOPIC_RECRUITMENT,
	TOPIC_HELP,
	TOPIC_COUNT,
};

enum step_type {
	STEP_PAGE,
	STEP_CHOICE,		/* one right option */
	STEP_MULTI,		/* one or more right options: select them all */
	STEP_TRUEFALSE,
	STEP_CHAT,		/* spot the red flags in a conversation */
	STEP_SCENARIO,		/* a branching story: what would you do */
	STEP_ORDER,		/* put steps in the best order */
};

#define LESSON_MAX_OPTIONS 8
#define LESSON_MAX_MESSAGES 40	/* in one chat */
#define LESSON_MAX_NODES 40	/* in one scenario */
#define LESSON_MAX_CHOICES 6	/* in one scenario node */
#define LESSON_MAX_ITEMS 8	/* in one ordering step */
#define LESSON_NO_NODE ((size_t)-1)

/*
 * The red-flag patterns a chat message can show: a fixed vocabulary with
 * stable keys in files ("moving-private") and translated names.
 */
enum lesson_flag {
	FLAG_NONE,
	FLAG_FLATTERY,
	FLAG_LOVE_BOMBING,
	FLAG_SECRECY,
	FLAG_MOVING_PRIVATE,
	FLAG_ISOLATION,
	FLAG_GIFTS,
	FLAG_PERSONAL_QUESTIONS,
	FLAG_BOUNDARY_TESTING,
	FLAG_SEXUAL_TALK,
	FLAG_PRESSURE,
	FLAG_GUILT,
	FLAG_THREATS,
	FLAG_MONEY_DEMAND,
	FLAG_MEET_UP,
	FLAG_FAKE_PROOF,
	FLAG_TOO_GOOD_OFFER,
	FLAG_TRAVEL_OFFER,
	FLAG_PLACE_TO_STAY,
	FLAG_DEBT,
	FLAG_DOCUMENTS,
	FLAG_COUNT,
};

enum lesson_ending {
	ENDING_NONE,		/* not an ending: the node has choices */
	ENDING_SAFE,
	ENDING_RISKY,
	ENDING_HARMFUL,
};

/* Where something came from in its file, for the checker's messages. */
struct lesson_mark {
	int line;
	int col;
};

struct lesson_option {
	char *text;
	char *feedback;		/* NULL when the author gave none */
	bool correct;
	struct lesson_mark mark;
};

/* One message of a chat (a chat step, or a scenario node's excerpt). */
struct lesson_message {
	bool mine;		/* from: me (else from: them) */
	char *name;		/* shown instead of the contact's name; may be NULL */
	char *time;		/* "20:14"; may be NULL */
	char *text;
	enum lesson_flag flag;	/* FLAG_NONE: not a red flag */
	char *why;		/* why it is (or is not) a red flag; may be NULL */
	struct lesson_mark mark;
};

struct lesson_chat {
	char *app;		/* "Game chat", "Photo app DMs"... */
	char *contact;		/* the other person, as the app shows them */
	bool reveal;		/* messages arrive one by one */
	struct lesson_message *messages;
	size_t message_count;
};

struct lesson_choice {
	char *text;
	char *go;		/* the id of the node it leads to */
	char *feedback;		/* may be NULL */
	size_t target;		/* index of 'go', or LESSON_NO_NODE */
	struct lesson_mark mark;
	struct lesson_mark go_mark;
};

struct lesson_node {
	char *id;
	char *text;
	struct lesson_message *chat;	/* an optional excerpt */
	size_t chat_count;
	struct lesson_choice *choices;
	size_t choice_count;
	enum lesson_ending ending;	/* ENDING_NONE unless an ending */
	char *debrief;		/* endings: the better path, kindly */
	int points;		/* endings: scoring, when has_points */
	bool has_points;	/* else 2 safe, 1 risky, 0 harmful */
	struct lesson_mark mark;
};

struct lesson_scenario {
	char *question;		/* asked before the choices; may be NULL */
	char *start;		/* id of the first node */
	size_t start_index;	/* or LESSON_NO_NODE */
	struct lesson_mark start_mark;
	struct lesson_node *nodes;
	size_t node_count;
};

struct lesson_item {
	char *text;
	char *why;		/* why it comes at this place; may be NULL */
	struct lesson_mark mark;
};

struct lesson_order {
	struct lesson_item *items;	/* written in the right order */
	size_t item_count;
	/* group[i]: items at positions sharing a non-zero group may swap
	 * places without penalty. */
	int group[LESSON_MAX_ITEMS];
	struct lesson_mark interchangeable_mark;
};

struct lesson_step {
	enum step_type type;
	char *id;		/* NULL for a page without one */
	struct lesson_mark mark;
	/* page */
	char *title;		/* may be NULL */
	char *text;		/* page text, or the question's prompt/statement */
	bool show_help;		/* page: show where to get help below it */
	char *discussion;	/* for the teacher, in class mode; may be NULL */
	/* questions */
	char *hint;		/* may be NULL */
	struct lesson_option *options;	/* true/false: "True", "False" */
	size_t option_count;
	char *feedback;		/* true/false: shown after either answer */
	struct lesson_chat chat;		/* STEP_CHAT */
	struct lesson_scenario scenario;	/* STEP_SCENARIO */
	struct lesson_order order;		/* STEP_ORDER */
	bool incomplete;	/* the loader reported an error inside it */
};

struct lesson_source {
	char *publisher;
	char *title;
	int year;		/* 0 when not given */
	char *url;		/* may be NULL */
};

struct lesson {
	char *file;		/* the path it was read from */
	char *id;
	char *title;
	enum lesson_topic topic;
	char *ages;		/* "13-17" */
	int minutes;
	char *content_note;	/* may be NULL */
	char **objectives;
	size_t objective_count;
	struct lesson_source *sources;
	size_t source_count;
	struct lesson_step *steps;
	size_t step_count;
	char **remember;
	size_t remember_count;
	struct lesson_mark mark_id;
	bool head_only;		/* only id..minutes were read (no steps) */
};

/* Free everything a lesson owns, and the lesson.  NULL is a no-op. */
void lesson_destroy(struct lesson *l);

/* Is this step scored (a question)? */
bool lesson_step_is_question(const struct lesson_step *s);

/* Number of scored steps. */
int lesson_question_count(const struct lesson *l);

/* The stable key of a topic ("grooming"...), and its translated name. */
const char *lesson_topic_key(enum lesson_topic t);
const char *lesson_topic_name(enum lesson_topic t);
/* Parse a topic key; returns -1 when unknown. */
int lesson_topic_parse(const char *key);

/* The step-type key as written in files ("page", "choice"...). */
const char *lesson_step_type_key(enum step_type t);

/* Red-flag patterns: the key in files, the translated name; parse
 * returns -1 for an unknown key. */
const char *lesson_flag_key(enum lesson_flag f);
const char *lesson_flag_name(enum lesson_flag f);
int lesson_flag_parse(const char *key);

/* Endings: "safe"... and "A safe ending" (translated). */
const char *lesson_ending_key(enum lesson_ending e);
const char *lesson_ending_name(enum lesson_ending e);
int lesson_ending_parse(const char *key);

/* The points an ending is worth: its own, or 2 safe / 1 risky / 0 harmful. */
int lesson_ending_points(const struct lesson_node *n);

/* Set every choice's target and the start index from the ids
 * (LESSON_NO_NODE where an id is missing). */
void lesson_scenario_resolve(struct lesson_scenario *sc);

/* The choice in node 'from' that leads to node 'to', or -1. */
int lesson_scenario_choice_to(const struct lesson_scenario *sc, size_t from,
    size_t to);

/* The index of the node with this id, or LESSON_NO_NODE. */
size_t lesson_scenario_find(const struct lesson_scenario *sc, const char *id);

/*
 * The best path: the shortest from the start to an ending worth the most
 * points.  Writes node indices (start first, the ending last) to out
 * (room for LESSON_MAX_NODES) and returns how many, or 0 when no ending
 * can be reached.
 */
size_t lesson_scenario_best_path(const struct lesson_scenario *sc,
    size_t *out);

/* The most points any reachable ending is worth (-1 when none). */
int lesson_scenario_best_points(const struct lesson_scenario *sc);

/* Is the arrangement perm (perm[i] = index of the item shown at place i)
 * right, allowing swaps inside interchangeable groups?  And is item
 * perm[i] in an acceptable place? */
bool lesson_order_right(const struct lesson_order *o, const int *perm);
bool lesson_order_place_ok(const struct lesson_order *o, const int *perm,
    size_t place);

#endif
