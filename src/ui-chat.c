/* ui-chat.c - a chat drawn like a messaging app, to mark and checked. */
#include "ui-steps.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

#define NAME_COLS_MAX 14

static const char *
flag_symbol(void)
{
	return strcmp(ui_sym()->right, "+") != 0 ? "\xe2\x9a\x91" : "!";
}

static const char *
name_of(const struct lesson_message *m, const char *contact)
{
	if (m->name != NULL)
		return m->name;
	return m->mine ? _("You") : (contact ? contact : _("Them"));
}

/* The widest name among the other person's messages, capped. */
static int
name_cols(const struct lesson_message *m, size_t count, const char *contact)
{
	size_t i;
	int w = 0;

	for (i = 0; i < count; i++) {
		int n;

		if (m[i].mine)
			continue;
		n = text_width(name_of(&m[i], contact));
		if (n > w)
			w = n;
	}
	return w > NAME_COLS_MAX ? NAME_COLS_MAX : w;
}

/* One message: theirs on the left after the name, mine on the right. */
static void
message(struct ui_doc *d, const struct lesson_message *m, const char *contact,
    int namew, bool here, bool marked)
{
	const struct ui_symbols *sym = ui_sym();
	int width = d->width, bubble, lead = 4;
	enum ui_style style = here ? UI_SELECTED : UI_NORMAL;
	struct text_lines tl;
	size_t i;

	text_lines_init(&tl);
	if (m->mine) {
		const char *you = name_of(m, contact);
		int youw = text_width(you);

		bubble = (width - lead) * 2 / 3;
		text_wrap(m->text, bubble < 8 ? 8 : bubble, sym->bullet, &tl);
		for (i = 0; i < tl.count; i++) {
			/* Right-aligned, the name after the first line; the
			 * cursor still shows at the left edge. */
			int gap = width - 2 - tl.lines[i].width - youw - 2;
			char *line = xasprintf("%s %*s%s%s%s",
			    here && i == 0 ? sym->pointer : " ",
			    gap > 0 ? gap : 0, "", tl.lines[i].text,
			    i == 0 ? "  " : "", i == 0 ? you : "");

			ui_doc_line(d, line, style, 0, here && i == 0);
			free(line);
		}
	} else {
		char *name = ui_fit(name_of(m, contact), namew);
		int timew = m->time ? text_width(m->time) + 2 : 0;
		int text_cols = width - lead - namew - 2 - timew;

		text_wrap(m->text, text_cols < 8 ? 8 : text_cols, sym->bullet,
		    &tl);
		for (i = 0; i < tl.count; i++) {
			char *line;

			if (i == 0)
				line = xasprintf("%s %s %s  %s%s%s",
				    here ? sym->pointer : " ",
				    marked ? flag_symbol() : " ", name,
				    tl.lines[i].text, m->time ? "  " : "",
				    m->time ? m->time : "");
			else
				line = xstrdup(tl.lines[i].text);
			ui_doc_line(d, line, style, i == 0 ? 0 :
			    lead + namew + 2, here && i == 0);
			free(line);
		}
		free(name);
	}
	text_lines_finish(&tl);
}

void
ui_chat_messages(struct ui_doc *d, const struct lesson_message *m,
    size_t count, const char *contact, const struct quiz *q)
{
	size_t i, shown = q ? q->revealed : count;
	int namew = name_cols(m, count, contact);

	for (i = 0; i < shown && i < count; i++) {
		bool here = q != NULL && q->phase == QUIZ_STEP &&
		    (int)i == q->cursor;

		message(d, &m[i], contact, namew, here, q && q->marks[i]);
	}
}

static void
chat_header(struct ui_doc *d, const struct lesson_step *s)
{
	char *head = xasprintf("%s %s %s", s->chat.app ? s->chat.app :
	    _("Chat"), strcmp(ui_sym()->right, "+") ? "\xc2\xb7" : "-",
	    s->chat.contact ? s->chat.contact : "");

	ui_doc_line(d, head, UI_TITLE, 0, false);
	free(head);
	{
		/* A rule under the app's name, like a window title bar. */
		struct buf b;
		int i;

		buf_init(&b);
		for (i = 0; i < d->width; i++)
			buf_adds(&b, ui_sym()->hline);
		ui_doc_line(d, b.data, UI_DIM, 0, false);
		buf_finish(&b);
	}
}

void
ui_chat_draw(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s)
{
	size_t i;
	int marked = 0;
	char *count;

	ui_doc_text(d, s->text, UI_TITLE, 0, NULL, false);
	ui_doc_blank(d);
	chat_header(d, s);
	ui_chat_messages(d, s->chat.messages, s->chat.message_count,
	    s->chat.contact, q);
	if (q->revealed < s->chat.message_count)
		ui_doc_text(d, _("... more messages are coming: press Enter or "
		    "Down to see the next one."), UI_DIM, 4, NULL, false);
	ui_doc_blank(d);
	for (i = 0; i < s->chat.message_count && i < QUIZ_MAX_MARKS; i++)
		marked += q->marks[i];
	count = xasprintf(ngettext("%d message flagged.",
	    "%d messages flagged.", marked), marked);
	ui_doc_text(d, count, UI_NORMAL, 0, NULL, false);
	free(count);
	ui_doc_text(d, _("Move with the arrows, press Space to flag a red flag "
	    "(again to unflag), then Enter to check."), UI_DIM, 0, NULL,
	    false);
	if (q->hint_shown && s->hint != NULL)
		ui_doc_text(d, s->hint, UI_NOTICE, 0, _("Hint: "), false);
}

void
ui_verdict(struct ui_doc *d, bool right, const char *detail)
{
	const struct ui_symbols *sym = ui_sym();
	char *line = xasprintf("%s %s%s%s", right ? sym->right : sym->wrong,
	    right ? _("Right.") : _("Not quite."), detail ? " " : "",
	    detail ? detail : "");

	ui_doc_text(d, line, right ? UI_RIGHT : UI_WRONG, 0, NULL, true);
	free(line);
}

void
ui_chat_draw_checked(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s)
{
	const struct ui_symbols *sym = ui_sym();
	int found, missed, wrong, namew;
	char *detail;
	size_t i;

	quiz_chat_counts(q, &found, &missed, &wrong);
	if (wrong > 0)
		detail = xasprintf(ngettext("You found %d of %d red flags, and "
		    "flagged %d message that is not one.", "You found %d of %d "
		    "red flags, and flagged %d messages that are not.", wrong),
		    found, found + missed, wrong);
	else
		detail = xasprintf(_("You found %d of %d red flags."), found,
		    found + missed);
	ui_verdict(d, q->last_right, detail);
	free(detail);
	ui_doc_blank(d);
	chat_header(d, s);
	namew = name_cols(s->chat.messages, s->chat.message_count,
	    s->chat.contact);
	for (i = 0; i < s->chat.message_count; i++) {
		const struct lesson_message *m = &s->chat.messages[i];
		bool flag = m->flag != FLAG_NONE, marked = q->marks[i];
		char *status = NULL;

		message(d, m, s->chat.contact, namew, false, marked);
		if (flag && marked)
			status = xasprintf("%s %s: %s", sym->right,
			    _("found"), lesson_flag_name(m->flag));
		else if (flag)
			status = xasprintf("%s %s: %s", sym->wrong,
			    _("missed"), lesson_flag_name(m->flag));
		else if (marked)
			status = xasprintf("%s %s", sym->wrong,
			    _("flagged, but not a red flag"));
		if (status != NULL) {
			ui_doc_text(d, status, flag && marked ? UI_RIGHT :
			    UI_WRONG, 4, NULL, false);
			free(status);
		}
		if (m->why != NULL)
			ui_doc_text(d, m->why, UI_DIM, 6, NULL, false);
	}
}
