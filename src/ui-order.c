/* ui-order.c - putting items in order, and the order checked. */
#include "ui-steps.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

static const char *
grab_symbol(void)
{
	return strcmp(ui_sym()->right, "+") != 0 ? "\xe2\x86\x95" : "<>";
}

void
ui_order_draw(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s)
{
	const struct ui_symbols *sym = ui_sym();
	size_t i;

	ui_doc_text(d, s->text, UI_TITLE, 0, NULL, false);
	ui_doc_blank(d);
	for (i = 0; i < s->order.item_count; i++) {
		bool here = (int)i == q->cursor;
		const struct lesson_item *it = &s->order.items[q->perm[i]];
		char *lead = xasprintf("%s %-2s %zu. ", here ? sym->pointer :
		    " ", here && q->grabbed ? grab_symbol() : "", i + 1);

		ui_doc_text(d, it->text, here ? UI_SELECTED : UI_NORMAL, 1,
		    lead, here);
		free(lead);
	}
	ui_doc_blank(d);
	if (q->grabbed)
		ui_doc_text(d, _("Move it with the arrows, then press Space to "
		    "put it down."), UI_NOTICE, 0, NULL, false);
	else
		ui_doc_text(d, _("Press Space to pick up an item, move it with "
		    "the arrows and press Space again to put it down. Enter "
		    "checks the order."), UI_DIM, 0, NULL, false);
	if (q->hint_shown && s->hint != NULL) {
		ui_doc_blank(d);
		ui_doc_text(d, s->hint, UI_NOTICE, 0, _("Hint: "), false);
	}
}

void
ui_order_draw_checked(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s)
{
	const struct ui_symbols *sym = ui_sym();
	const struct lesson_order *o = &s->order;
	size_t i, j;

	ui_verdict(d, q->last_right, q->last_right ?
	    _("That order works.") : _("Some steps are in a different "
	    "place."));
	ui_doc_blank(d);
	ui_doc_line(d, _("Your order:"), UI_TITLE, 0, false);
	for (i = 0; i < o->item_count; i++) {
		bool ok = lesson_order_place_ok(o, q->perm, i);
		char *lead = xasprintf("%s %zu. ", ok ? sym->right : sym->wrong,
		    i + 1);

		ui_doc_text(d, o->items[q->perm[i]].text, UI_NORMAL, 1, lead,
		    false);
		free(lead);
	}
	ui_doc_blank(d);
	ui_doc_line(d, _("The best order, and why:"), UI_TITLE, 0, false);
	for (i = 0; i < o->item_count; i++) {
		char *lead = xasprintf("%zu. ", i + 1);
		bool swaps = false;

		for (j = 0; j < o->item_count; j++)
			swaps |= j != i && o->group[i] != 0 &&
			    o->group[j] == o->group[i];
		ui_doc_text(d, o->items[i].text, UI_TITLE, 1, lead, false);
		free(lead);
		if (o->items[i].why != NULL)
			ui_doc_text(d, o->items[i].why, UI_DIM, 5, NULL,
			    false);
		if (swaps)
			ui_doc_text(d, _("(This one can swap places with its "
			    "neighbour in the same group.)"), UI_DIM, 5, NULL,
			    false);
	}
}
