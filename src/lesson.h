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
};

#define LESSON_MAX_OPTIONS 8

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

struct lesson_step {
	enum step_type type;
	char *id;		/* NULL for a page without one */
	struct lesson_mark mark;
	/* page */
	char *title;		/* may be NULL */
	char *text;		/* page text, or the question's prompt/statement */
	/* questions */
	char *hint;		/* may be NULL */
	struct lesson_option *options;	/* true/false: "True", "False" */
	size_t option_count;
	char *feedback;		/* true/false: shown after either answer */
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

#endif
