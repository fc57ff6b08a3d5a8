/* ui-help.c - the '?' overlay: every key, from the key table. */
#include "ui-app.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui-draw.h"
#include "util.h"

static void
help_draw(struct app *a)
{
	int top, rows;
	size_t i;
	struct ui_doc d;
	bool utf8 = strcmp(ui_sym()->right, "+") != 0;

	ui_frame(_("Keys"), NULL, CTX_KEYS, &top, &rows);
	ui_doc_init(&d, COLS - 2);
	for (i = 0; i < ui_binding_count; i++) {
		const struct ui_binding *b = &ui_bindings[i];
		char *lead;

		if (b->help == NULL)
			continue;
		lead = xasprintf("%-8s", utf8 ? b->label : b->ascii_label);
		/* %-8s pads by bytes: fix the width for UTF-8 labels. */
		while (text_width(lead) < 8) {
			char *more = xasprintf("%s ", lead);

			free(lead);
			lead = more;
		}
		while (text_width(lead) > 8 && lead[strlen(lead) - 1] == ' ')
			lead[strlen(lead) - 1] = '\0';
		ui_doc_text(&d, _(b->help), UI_NORMAL, 0, lead, false);
		free(lead);
	}
	ui_doc_blank(&d);
	ui_doc_text(&d, _("Your answers and progress stay on this computer. "
	    "Any question can be skipped."), UI_DIM, 0, NULL, false);
	ui_doc_draw(&d, top, rows, &a->help_scroll, false);
	ui_cursor_at(-1, 0);
	ui_doc_finish(&d);
}

static unsigned
help_context(struct app *a)
{
	(void)a;
	return CTX_KEYS;
}

static void
help_action(struct app *a, enum ui_action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_UP:
	case ACT_PAGE_UP:
		a->help_scroll -= act == ACT_UP ? 1 : 10;
		break;
	case ACT_DOWN:
	case ACT_PAGE_DOWN:
		a->help_scroll += act == ACT_DOWN ? 1 : 10;
		break;
	case ACT_BACK:
		ui_app_pop(a);
		break;
	default:
		break;
	}
}

const struct ui_screen ui_help_screen = {
	"keys", help_context, help_draw, help_action,
};
