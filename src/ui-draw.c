/* ui-draw.c - the frame and scrolled documents. */
#include "ui-draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "text.h"
#include "ui-keys.h"
#include "util.h"

void
ui_doc_init(struct ui_doc *d, int width)
{
	memset(d, 0, sizeof *d);
	d->width = width < 8 ? 8 : width;
}

void
ui_doc_finish(struct ui_doc *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		free(d->lines[i].text);
	free(d->lines);
	memset(d, 0, sizeof *d);
}

static void
push(struct ui_doc *d, char *text, enum ui_style style, int indent,
    bool focus)
{
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->lines = xreallocarray(d->lines, d->cap, sizeof *d->lines);
	}
	d->lines[d->count].text = text;
	d->lines[d->count].tag = -1;
	d->lines[d->count].style = style;
	d->lines[d->count].indent = indent;
	d->lines[d->count].focus = focus;
	d->count++;
}

static char *
fit_line(const struct ui_doc *d, const char *text, int indent)
{
	char *safe = text_sanitize(text, strlen(text), 0);
	int room = d->width - indent;
	char *cut = text_truncate(safe, room < 1 ? 1 : room,
	    ui_sym()->ellipsis);

	free(safe);
	return cut;
}

void
ui_doc_line(struct ui_doc *d, const char *text, enum ui_style style,
    int indent, bool focus)
{
	push(d, fit_line(d, text, indent), style, indent, focus);
}

void
ui_doc_placeholder(struct ui_doc *d, int tag, enum ui_style style,
    int indent, bool focus)
{
	push(d, NULL, style, indent, focus);
	d->lines[d->count - 1].tag = tag;
}

void
ui_doc_fill(struct ui_doc *d, size_t line, const char *text)
{
	struct ui_line *l = &d->lines[line];

	free(l->text);
	l->text = fit_line(d, text, l->indent);
}

void
ui_doc_text(struct ui_doc *d, const char *text, enum ui_style style,
    int indent, const char *first, bool focus)
{
	struct text_lines tl;
	int lead = first ? text_width(first) : 0;
	int room = d->width - indent - lead;
	size_t i;

	if (text == NULL)
		return;
	text_lines_init(&tl);
	text_wrap(text, room < 8 ? 8 : room, ui_sym()->bullet, &tl);
	for (i = 0; i < tl.count; i++) {
		char *line;

		if (i == 0 && first != NULL)
			line = xasprintf("%s%s", first, tl.lines[i].text);
		else
			line = xstrdup(tl.lines[i].text);
		push(d, line, style, indent + (i == 0 ? 0 : lead),
		    focus && i == 0);
	}
	if (tl.count == 0 && first != NULL)
		push(d, xstrdup(first), style, indent, focus);
	text_lines_finish(&tl);
}

void
ui_doc_blank(struct ui_doc *d)
{
	if (d->count > 0 && d->lines[d->count - 1].text != NULL &&
	    d->lines[d->count - 1].text[0] == '\0')
		return;
	push(d, xstrdup(""), UI_NORMAL, 0, false);
}

int
ui_doc_focus(const struct ui_doc *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		if (d->lines[i].focus)
			return (int)i;
	}
	return -1;
}

void
ui_doc_view(const struct ui_doc *d, int rows, int *scroll, bool follow)
{
	int focus = ui_doc_focus(d), max;

	max = (int)d->count - rows;
	if (max < 0)
		max = 0;
	if (follow && focus >= 0) {
		if (focus < *scroll)
			*scroll = focus;
		if (focus >= *scroll + rows)
			*scroll = focus - rows + 1;
	}
	if (*scroll > max)
		*scroll = max;
	if (*scroll < 0)
		*scroll = 0;
}

int
ui_doc_draw(const struct ui_doc *d, int top, int rows, int *scroll,
    bool follow)
{
	int max, i, at = -1;

	ui_doc_view(d, rows, scroll, follow);
	max = (int)d->count - rows;
	if (max < 0)
		max = 0;
	for (i = 0; i < rows && *scroll + i < (int)d->count; i++) {
		const struct ui_line *l = &d->lines[*scroll + i];

		if (l->focus)
			at = top + i;
		if (l->text != NULL)
			ui_put(top + i, 1 + l->indent, l->text,
			    d->width - l->indent, l->style);
	}
	/* Marks in the free last column: there is more above / below. */
	if (*scroll > 0)
		ui_put(top, COLS - 1, "^", 1, UI_DIM);
	if (*scroll < max)
		ui_put(top + rows - 1, COLS - 1, "v", 1, UI_DIM);
	return at;
}

char *
ui_fit(const char *s, int cols)
{
	char *cut = text_truncate(s, cols, ui_sym()->ellipsis);
	int w = text_width(cut);
	struct buf b;

	buf_init(&b);
	buf_adds(&b, cut);
	while (w++ < cols)
		buf_addc(&b, ' ');
	free(cut);
	return buf_steal(&b);
}

void
ui_cursor_at(int y, int x)
{
	if (y < 0 || y >= LINES) {
		curs_set(0);
		return;
	}
	move(y, x);
	curs_set(1);
}

void
ui_put(int y, int x, const char *text, int cols, enum ui_style style)
{
	char *cut;
	size_t len;

	if (y < 0 || y >= LINES || x >= COLS || cols <= 0)
		return;
	if (x + cols > COLS)
		cols = COLS - x;
	attrset(ui_attr(style));
	len = strlen(text);
	if ((len <= (size_t)cols && text_ascii_span(text, len) == len) ||
	    (text_width(text) <= cols && text_utf8_valid(text, len, NULL))) {
		mvaddstr(y, x, text);	/* fits as it is: no copy to cut */
	} else {
		cut = text_truncate(text, cols, ui_sym()->ellipsis);
		mvaddstr(y, x, cut);
		free(cut);
	}
	attrset(A_NORMAL);
}

/* A line across the screen: one cell made once and repeated by curses
 * (hline_set), not the symbol converted from UTF-8 once per column. */
static void
rule(int y)
{
	const char *h = ui_sym()->hline;
	attr_t attr = ui_attr(UI_DIM);
	wchar_t wc[2] = { 0, 0 };
	cchar_t cell;
	int x;

	if (mbtowc(&wc[0], h, strlen(h)) > 0 &&
	    setcchar(&cell, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr),
	    NULL) == OK) {
		mvhline_set(y, 0, &cell, COLS);
		return;
	}
	attrset(attr);
	for (x = 0; x < COLS; x++)
		mvaddstr(y, x, h);
	attrset(A_NORMAL);
}

void
ui_frame(const char *left, const char *right, unsigned ctx, int *top,
    int *rows)
{
	int rw = right ? text_width(right) : 0;
	const struct ui_symbols *sym = ui_sym();
	char *footer;

	erase();
	ui_put(0, 1, left, COLS - rw - 4, UI_HEADER);
	if (right != NULL)
		ui_put(0, COLS - rw - 1, right, rw, UI_HEADER);
	rule(1);
	rule(LINES - 2);
	footer = ui_keys_footer(ctx, COLS - 2, strcmp(sym->right, "+") != 0);
	ui_put(LINES - 1, 1, footer, COLS - 2, UI_FOOTER);
	free(footer);
	*top = 2;
	*rows = LINES - 4;
}

bool
ui_too_small(const char *extra)
{
	char *msg;

	if (COLS >= UI_MIN_COLS && LINES >= UI_MIN_ROWS)
		return false;
	erase();
	msg = xasprintf(_("The window is %dx%d. redflags needs at least "
	    "%dx%d."), COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
	{
		struct ui_doc d;
		int scroll = 0;

		ui_doc_init(&d, COLS - 2);
		ui_doc_text(&d, msg, UI_NOTICE, 0, NULL, false);
		ui_doc_text(&d, _("Make the window bigger, or press x to "
		    "leave."), UI_NORMAL, 0, NULL, false);
		if (extra != NULL)
			ui_doc_text(&d, extra, UI_NOTICE, 0, NULL, false);
		ui_doc_draw(&d, 0, LINES, &scroll, false);
		ui_cursor_at(-1, 0);
		ui_doc_finish(&d);
	}
	free(msg);
	return true;
}
