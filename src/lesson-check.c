/* lesson-check.c - the meaning of a lesson, checked. */
#include "lesson-check.h"

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
	struct text_lines tl;
	int n;

	if (s == NULL)
		return 0;
	text_lines_init(&tl);
	text_wrap(s, LESSON_PAGE_COLUMNS, "- ", &tl);
	n = (int)tl.count;
	text_lines_finish(&tl);
	return n;
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
		if (lesson_step_is_question(s) && !s->incomplete)
			check_question(d, l, s);
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
