/* diag.c - located problems, collected and printed like a compiler's. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "util.h"


void
diag_list_init(struct diag_list *l)
{
	l->items = NULL;
	l->count = 0;
	l->cap = 0;
}

void
diag_list_finish(struct diag_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->count; i++) {
		free(l->items[i].file);
		free(l->items[i].message);
	}
	free(l->items);
	diag_list_init(l);
}

void
diag_add(struct diag_list *l, enum diag_severity sev, enum diag_code code,
    const char *file, int line, int col, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;
	char *raw;

	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xreallocarray(l->items, l->cap, sizeof *l->items);
	}
	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	d = &l->items[l->count++];
	d->file = xstrdup(file ? file : "");
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->code = code;
	/* Messages quote the lesson's own text: never let it reach a
	 * terminal raw. */
	d->message = text_sanitize(raw, strlen(raw), 0);
	free(raw);
}

const struct diag *
diag_first(const struct diag_list *l, enum diag_severity sev)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		if (l->items[i].severity == sev)
			return &l->items[i];
	}
	return NULL;
}

size_t
diag_count(const struct diag_list *l, enum diag_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < l->count; i++)
		n += l->items[i].severity == sev;
	return n;
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;	/* the sort below is stable: found order is kept */
}

void
diag_sort(struct diag_list *l)
{
	/* An insertion sort of indices: stable, and lists are short. */
	size_t i;
	struct diag *copy;
	size_t *order;

	if (l->count < 2)
		return;
	order = xreallocarray(NULL, l->count, sizeof *order);
	for (i = 0; i < l->count; i++)
		order[i] = i;
	for (i = 1; i < l->count; i++) {
		size_t j = i, v = order[i];

		while (j > 0 && diag_cmp(&l->items[order[j - 1]],
		    &l->items[v]) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
	copy = xreallocarray(NULL, l->count, sizeof *copy);
	for (i = 0; i < l->count; i++)
		copy[i] = l->items[order[i]];
	memcpy(l->items, copy, l->count * sizeof *copy);
	free(copy);
	free(order);
}

static const char *
severity_word(enum diag_severity sev)
{
	return sev == DIAG_ERROR ? _("error") : _("warning");
}

char *
diag_format(const struct diag *d)
{
	char *file = text_sanitize(d->file, strlen(d->file), 0);
	char *s;

	if (d->line > 0)
		s = xasprintf("%s:%d:%d: %s: %s", file, d->line,
		    d->col > 0 ? d->col : 1, severity_word(d->severity),
		    d->message);
	else
		s = xasprintf("%s: %s: %s", file, severity_word(d->severity),
		    d->message);
	free(file);
	return s;
}

/*
 * Columns the excerpt takes once sanitised: an escape sequence in the line
 * is not printed, so it must not push the caret to the right either.
 */
static int
shown_width(const struct buf *shown)
{
	char *safe = text_sanitize(shown->data, shown->len, 0);
	int w = text_width(safe);

	free(safe);
	return w;
}

/* Find line 'line' (1-based) of the source; NULL when there is none. */
static const char *
find_line(const char *src, size_t len, int line, size_t *linelen)
{
	size_t i = 0;
	int n = 1;

	while (n < line && i < len) {
		if (src[i] == '\n')
			n++;
		i++;
	}
	if (n != line || i > len)
		return NULL;
	*linelen = 0;
	while (i + *linelen < len && src[i + *linelen] != '\n' &&
	    src[i + *linelen] != '\r')
		(*linelen)++;
	return src + i;
}

void
diag_print(FILE *out, const struct diag *d, const char *source,
    size_t source_len)
{
	char *head = diag_format(d);
	const char *line;
	size_t linelen;

	fprintf(out, "%s\n", head);
	free(head);
	if (source == NULL || d->line <= 0)
		return;
	line = find_line(source, source_len, d->line, &linelen);
	if (line == NULL || linelen > 400)
		return;
	{
		/* Show tabs as a visible mark so the caret lines up and the
		 * author can see the tab. */
		struct buf shown, caret;
		size_t i = 0;
		int col = 1, pad = 0;
		char *safe;

		buf_init(&shown);
		buf_init(&caret);
		buf_add(&shown, "", 0);
		while (i < linelen) {
			uint32_t cp;
			size_t n = text_utf8_decode(line + i, linelen - i, &cp);

			if (col == d->col)
				pad = shown_width(&shown);
			if (cp == '\t')
				buf_adds(&shown, "\xe2\x86\x92"); /* → */
			else
				buf_add(&shown, line + i, n);
			i += n;
			col++;
		}
		if (d->col >= col)
			pad = shown_width(&shown) + (d->col - col);
		safe = text_sanitize(shown.data, shown.len, 0);
		fprintf(out, "%5d | %s\n", d->line, safe);
		free(safe);
		for (col = 0; col < pad; col++)
			buf_addc(&caret, ' ');
		buf_addc(&caret, '^');
		fprintf(out, "      | %s\n", caret.data);
		buf_finish(&shown);
		buf_finish(&caret);
	}
}
