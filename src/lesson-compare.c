/* lesson-compare.c - a translation must match its source but for text. */
#include "lesson-compare.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

struct cmp {
	const struct lesson *src;
	const struct lesson *tr;
	struct diag_list *diags;
};

static void
differ(struct cmp *c, struct lesson_mark at, int src_line, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
differ(struct cmp *c, struct lesson_mark at, int src_line, const char *fmt,
    ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(c->diags, DIAG_ERROR, DIAG_BAD_VALUE, c->tr->file,
	    at.line ? at.line : 1, at.col ? at.col : 1,
	    _("%s; the source has it otherwise at %s:%d: a translation "
	    "changes only the text"), what, c->src->file, src_line);
	free(what);
}

static bool
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
compare_options(struct cmp *c, const struct lesson_step *s,
    const struct lesson_step *t)
{
	size_t i;

	if (s->option_count != t->option_count) {
		differ(c, t->mark, s->mark.line, _("this step has %zu options, "
		    "the source %zu"), t->option_count, s->option_count);
		return;
	}
	for (i = 0; i < s->option_count; i++) {
		if (s->options[i].correct != t->options[i].correct)
			differ(c, t->options[i].mark, s->options[i].mark.line,
			    _("option %zu is %s here"), i + 1,
			    t->options[i].correct ? _("marked right") :
			    _("not marked right"));
	}
}

static void
compare_chat(struct cmp *c, const struct lesson_step *s,
    const struct lesson_step *t)
{
	size_t i;

	if (s->chat.message_count != t->chat.message_count) {
		differ(c, t->mark, s->mark.line, _("this chat has %zu messages, "
		    "the source %zu"), t->chat.message_count,
		    s->chat.message_count);
		return;
	}
	if (s->chat.reveal != t->chat.reveal)
		differ(c, t->mark, s->mark.line, "%s", _("'reveal' is not the "
		    "same"));
	for (i = 0; i < s->chat.message_count; i++) {
		const struct lesson_message *a = &s->chat.messages[i];
		const struct lesson_message *b = &t->chat.messages[i];

		if (a->mine != b->mine)
			differ(c, b->mark, a->mark.line, _("message %zu is from "
			    "'%s' here"), i + 1, b->mine ? "me" : "them");
		if (a->flag != b->flag)
			differ(c, b->mark, a->mark.line, _("message %zu has the "
			    "flag '%s' here, the source '%s'"), i + 1,
			    lesson_flag_key(b->flag), lesson_flag_key(a->flag));
	}
}

static void
compare_story(struct cmp *c, const struct lesson_step *s,
    const struct lesson_step *t)
{
	const struct lesson_scenario *a = &s->scenario, *b = &t->scenario;
	size_t i, j;

	if (!same_str(a->start, b->start))
		differ(c, b->start_mark, a->start_mark.line, _("'start' is "
		    "'%s' here, the source '%s'"), b->start ? b->start : "",
		    a->start ? a->start : "");
	if (a->node_count != b->node_count) {
		differ(c, t->mark, s->mark.line, _("this story has %zu nodes, "
		    "the source %zu"), b->node_count, a->node_count);
		return;
	}
	for (i = 0; i < a->node_count; i++) {
		const struct lesson_node *x = &a->nodes[i], *y = &b->nodes[i];

		if (!same_str(x->id, y->id)) {
			differ(c, y->mark, x->mark.line, _("node %zu is '%s' "
			    "here, the source '%s'"), i + 1, y->id ? y->id :
			    "", x->id ? x->id : "");
			continue;
		}
		if (x->ending != y->ending ||
		    lesson_ending_points(x) != lesson_ending_points(y))
			differ(c, y->mark, x->mark.line, _("the node '%s' ends "
			    "'%s' here, the source '%s'"), y->id,
			    lesson_ending_key(y->ending),
			    lesson_ending_key(x->ending));
		if (x->choice_count != y->choice_count) {
			differ(c, y->mark, x->mark.line, _("the node '%s' has "
			    "%zu choices here, the source %zu"), y->id,
			    y->choice_count, x->choice_count);
			continue;
		}
		for (j = 0; j < x->choice_count; j++) {
			if (!same_str(x->choices[j].go, y->choices[j].go))
				differ(c, y->choices[j].go_mark,
				    x->choices[j].go_mark.line, _("choice %zu "
				    "of '%s' goes to '%s' here, in the source "
				    "to '%s'"), j + 1, y->id,
				    y->choices[j].go ? y->choices[j].go : "",
				    x->choices[j].go ? x->choices[j].go : "");
		}
	}
}

static void
compare_order(struct cmp *c, const struct lesson_step *s,
    const struct lesson_step *t)
{
	size_t i;

	if (s->order.item_count != t->order.item_count) {
		differ(c, t->mark, s->mark.line, _("this order has %zu items, "
		    "the source %zu"), t->order.item_count,
		    s->order.item_count);
		return;
	}
	for (i = 0; i < s->order.item_count; i++) {
		if ((s->order.group[i] != 0) != (t->order.group[i] != 0)) {
			differ(c, t->order.interchangeable_mark.line ?
			    t->order.interchangeable_mark : t->mark,
			    s->mark.line, "%s", _("'interchangeable' is not "
			    "the same"));
			return;
		}
	}
}

void
lesson_compare(const struct lesson *src, const struct lesson *tr,
    struct diag_list *diags)
{
	struct cmp c = { src, tr, diags };
	struct lesson_mark top = { 1, 1 };
	size_t i, n;

	if (!same_str(src->id, tr->id))
		differ(&c, tr->mark_id, src->mark_id.line, _("the lesson id is "
		    "'%s' here, the source '%s'"), tr->id ? tr->id : "",
		    src->id ? src->id : "");
	if (src->topic != tr->topic)
		differ(&c, top, 1, _("the topic is '%s' here"),
		    lesson_topic_key(tr->topic));
	if (src->step_count != tr->step_count)
		differ(&c, top, 1, _("the lesson has %zu steps here, the "
		    "source %zu"), tr->step_count, src->step_count);
	n = src->step_count < tr->step_count ? src->step_count :
	    tr->step_count;
	for (i = 0; i < n; i++) {
		const struct lesson_step *s = &src->steps[i];
		const struct lesson_step *t = &tr->steps[i];

		if (s->type != t->type) {
			differ(&c, t->mark, s->mark.line, _("step %zu is a "
			    "'%s' here, in the source a '%s'"), i + 1,
			    lesson_step_type_key(t->type),
			    lesson_step_type_key(s->type));
			continue;
		}
		if (!same_str(s->id, t->id))
			differ(&c, t->mark, s->mark.line, _("step %zu has the id "
			    "'%s' here, the source '%s'"), i + 1,
			    t->id ? t->id : "", s->id ? s->id : "");
		switch (s->type) {
		case STEP_PAGE:
			if (s->show_help != t->show_help)
				differ(&c, t->mark, s->mark.line, "%s",
				    _("'help' is not the same"));
			break;
		case STEP_CHOICE:
		case STEP_MULTI:
		case STEP_TRUEFALSE:
			compare_options(&c, s, t);
			break;
		case STEP_CHAT:
			compare_chat(&c, s, t);
			break;
		case STEP_SCENARIO:
			compare_story(&c, s, t);
			break;
		case STEP_ORDER:
			compare_order(&c, s, t);
			break;
		}
	}
}
