/* ui-story.c - a branching scenario: a node, its choices, its ending. */
#include "ui-steps.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* A path as the choices made along it, numbered. */
static void
path_lines(struct ui_doc *d, const struct lesson_scenario *sc,
    const size_t *nodes, const int *choices, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		int c = choices ? choices[i] :
		    lesson_scenario_choice_to(sc, nodes[i], nodes[i + 1]);
		char *lead;

		if (c < 0 || (size_t)c >= sc->nodes[nodes[i]].choice_count)
			continue;
		lead = xasprintf("%zu. ", i + 1);
		ui_doc_text(d, sc->nodes[nodes[i]].choices[c].text, UI_NORMAL,
		    2, lead, false);
		free(lead);
	}
}

static enum ui_style
ending_style(enum lesson_ending e)
{
	return e == ENDING_SAFE ? UI_RIGHT : e == ENDING_RISKY ? UI_NOTICE :
	    UI_WRONG;
}

static void
draw_ending(struct ui_doc *d, const struct quiz *q,
    const struct lesson_scenario *sc, const struct lesson_node *node)
{
	const struct ui_symbols *sym = ui_sym();
	size_t best[LESSON_MAX_NODES], nbest, at = quiz_node(q);
	const char *mark = node->ending == ENDING_SAFE ? sym->right :
	    node->ending == ENDING_RISKY ? "!" : sym->wrong;
	char *line = xasprintf("%s %s", mark,
	    lesson_ending_name(node->ending));

	ui_doc_line(d, line, ending_style(node->ending), 0, true);
	free(line);
	if (node->debrief != NULL)
		ui_doc_text(d, node->debrief, UI_NORMAL, 2, NULL, false);
	ui_doc_blank(d);
	ui_doc_line(d, _("The path you took:"), UI_TITLE, 0, false);
	path_lines(d, sc, q->path, q->path_choice, q->path_len);
	nbest = lesson_scenario_best_path(sc, best);
	if (nbest > 0 && best[nbest - 1] != at) {
		ui_doc_line(d, _("The best path:"), UI_TITLE, 0, false);
		path_lines(d, sc, best, NULL, nbest);
	}
	if (q->first_ending != LESSON_NO_NODE && q->first_ending != at) {
		char *first = xasprintf(_("The score counts the first ending "
		    "you reached: %s."),
		    lesson_ending_name(sc->nodes[q->first_ending].ending));

		ui_doc_text(d, first, UI_DIM, 0, NULL, false);
		free(first);
	}
	ui_doc_blank(d);
	ui_doc_text(d, _("Press b to go back a step and try another choice, "
	    "or Enter to go on."), UI_DIM, 0, NULL, false);
}

void
ui_story_draw(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s)
{
	const struct lesson_scenario *sc = &s->scenario;
	const struct ui_symbols *sym = ui_sym();
	size_t at = quiz_node(q), i;
	const struct lesson_node *node;

	if (s->title != NULL) {
		ui_doc_text(d, s->title, UI_TITLE, 0, NULL, false);
		ui_doc_blank(d);
	}
	if (at == LESSON_NO_NODE) {
		ui_doc_text(d, _("This story has no start; a teacher can run "
		    "'redflags check' to see why."), UI_NOTICE, 0, NULL, false);
		return;
	}
	node = &sc->nodes[at];
	if (q->path_len == 1 && s->text != NULL) {
		ui_doc_text(d, s->text, UI_NORMAL, 0, NULL, false);
		ui_doc_blank(d);
	}
	if (q->path_len >= 2 && q->last_choice >= 0) {
		const struct lesson_node *prev = &sc->nodes[q->path[
		    q->path_len - 2]];

		if ((size_t)q->last_choice < prev->choice_count) {
			const struct lesson_choice *c =
			    &prev->choices[q->last_choice];

			ui_doc_text(d, c->text, UI_DIM, 0, _("You chose: "),
			    false);
			if (c->feedback != NULL)
				ui_doc_text(d, c->feedback, UI_NORMAL, 2, NULL,
				    false);
			ui_doc_blank(d);
		}
	}
	if (node->text != NULL)
		ui_doc_text(d, node->text, UI_NORMAL, 0, NULL, false);
	if (node->chat_count > 0) {
		ui_doc_blank(d);
		ui_chat_messages(d, node->chat, node->chat_count, NULL, NULL);
	}
	ui_doc_blank(d);
	if (node->ending != ENDING_NONE) {
		draw_ending(d, q, sc, node);
		return;
	}
	ui_doc_text(d, sc->question ? sc->question : _("What could they do?"),
	    UI_TITLE, 0, NULL, false);
	for (i = 0; i < node->choice_count; i++) {
		bool here = (int)i == q->cursor;
		char *lead = xasprintf("%s %zu. ", here ? sym->pointer : " ",
		    i + 1);

		ui_doc_text(d, node->choices[i].text, here ? UI_SELECTED :
		    UI_NORMAL, 1, lead, here);
		free(lead);
	}
	if (q->path_len >= 2) {
		ui_doc_blank(d);
		ui_doc_text(d, _("Press b to go back a step."), UI_DIM, 0, NULL,
		    false);
	}
}
