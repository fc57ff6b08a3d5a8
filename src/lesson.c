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
		for (j = 0; j < s->option_count; j++) {
			free(s->options[j].text);
			free(s->options[j].feedback);
		}
		free(s->options);
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
	}
	return "?";
}
