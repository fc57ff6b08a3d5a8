/* ui-gethelp.c - the get-help screen, reachable from every screen. */
#include "ui-app.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "resources.h"
#include "text.h"
#include "ui-draw.h"
#include "util.h"

/* "phone · text · web · hours", leaving out what is not given. */
static char *
contact_line(const struct help_entry *e)
{
	const char *parts[4] = { e->phone, e->text, e->web, e->hours };
	const char *dot = strcmp(ui_sym()->right, "+") ? " \xc2\xb7 " : " - ";
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < RF_ARRAY_LEN(parts); i++) {
		if (parts[i] == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, dot);
		buf_adds(&b, parts[i]);
	}
	return buf_steal(&b);
}

static void
entries_of_kind(struct ui_doc *d, const struct help_country *h,
    enum help_kind k, bool *heading_done)
{
	size_t i;

	for (i = 0; h != NULL && i < h->entry_count; i++) {
		const struct help_entry *e = &h->entries[i];
		char *how;

		if (e->kind != k)
			continue;
		if (!*heading_done) {
			ui_doc_blank(d);
			ui_doc_line(d, help_kind_heading(k), UI_TITLE, 0,
			    false);
			*heading_done = true;
		}
		ui_doc_text(d, e->name, UI_NORMAL, 2, NULL, false);
		how = contact_line(e);
		if (*how != '\0')
			ui_doc_text(d, how, UI_NOTICE, 4, NULL, false);
		free(how);
		if (e->about != NULL)
			ui_doc_text(d, e->about, UI_DIM, 4, NULL, false);
	}
}

void
ui_help_doc(struct ui_doc *d, struct help_set *set)
{
	const struct help_country *h = help_set_current(set);
	int k;

	if (h == NULL) {
		ui_doc_text(d, _("You are not in trouble, and it is not your "
		    "fault. Talk to an adult you trust: a parent or carer, a "
		    "teacher, the school counsellor. In danger right now? Call "
		    "your local emergency number."), UI_NORMAL, 0, NULL, false);
		return;
	}
	if (h->intro != NULL)
		ui_doc_text(d, h->intro, UI_NORMAL, 0, NULL, false);
	for (k = 0; k < HELP_KIND_COUNT; k++) {
		bool done = false;

		/* The school's own people come first. */
		if (k == HELP_TRUSTED_ADULT)
			entries_of_kind(d, set->school, (enum help_kind)k,
			    &done);
		entries_of_kind(d, h, (enum help_kind)k, &done);
	}
	if (h->checked != NULL) {
		char *c = xasprintf(_("These details were checked on %s."),
		    h->checked);

		ui_doc_blank(d);
		ui_doc_text(d, c, UI_DIM, 0, NULL, false);
		free(c);
	}
}

static void
gethelp_draw(struct app *a)
{
	const struct help_country *h = help_set_current(a->help);
	int top, rows;
	struct ui_doc d;
	char *title;

	title = xasprintf(_("Get help %s %s"), strcmp(ui_sym()->right, "+") ?
	    "\xe2\x80\x94" : "-", h && h->name ? h->name : _("anywhere"));
	ui_frame(title, NULL, CTX_GETHELP, &top, &rows);
	free(title);
	ui_doc_init(&d, COLS - 2);
	ui_help_doc(&d, a->help);
	ui_doc_draw(&d, top, rows, &a->gethelp_scroll, false);
	ui_cursor_at(-1, 0);
	ui_doc_finish(&d);
}

static unsigned
gethelp_context(struct app *a)
{
	(void)a;
	return CTX_GETHELP;
}

static void
gethelp_action(struct app *a, enum ui_action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_UP:
	case ACT_PAGE_UP:
		a->gethelp_scroll -= act == ACT_UP ? 1 : LINES - 6;
		if (a->gethelp_scroll < 0)
			a->gethelp_scroll = 0;
		break;
	case ACT_DOWN:
	case ACT_PAGE_DOWN:
		a->gethelp_scroll += act == ACT_DOWN ? 1 : LINES - 6;
		break;
	case ACT_COUNTRY:
		(void)help_set_current(a->help);	/* read, if not yet */
		if (a->help != NULL && a->help->count > 1) {
			a->help->current = (a->help->current + 1) %
			    a->help->count;
			a->gethelp_scroll = 0;
		}
		break;
	case ACT_BACK:
		ui_app_pop(a);
		break;
	default:
		break;
	}
}

const struct ui_screen ui_gethelp_screen = {
	"get help", gethelp_context, gethelp_draw, gethelp_action,
};
