/* yaml-schema.c - the table-driven walker from YAML trees to structs. */
#include "yaml-schema.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lesson.h"
#include "text.h"
#include "util.h"

void
schema_problem(struct schema *sc, enum diag_severity sev, enum diag_code code,
    const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(sc->diags, sev, code, sc->file, at ? at->line : 0,
	    at ? at->col : 0, "%s", msg);
	free(msg);
}

const char *
schema_scalar(const struct ynode *n)
{
	return n->u.scalar.text;
}

/* Expect a scalar; report a wrong type otherwise. */
bool
schema_want_scalar(struct schema *sc, const struct ynode *n, const char *key)
{
	if (n->type == YNODE_SCALAR)
		return true;
	schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
	    _("'%s' should be a text value, not %s"), key,
	    ynode_type_name(n->type));
	return false;
}

/*
 * One pass over a text: is it plain (nothing text_sanitize would change
 * but tabs and line breaks: printable ASCII, and valid UTF-8 that is
 * neither hidden nor U+2028/U+2029), valid UTF-8 (a NUL from a "\0" escape is not an encoding
 * problem), and does it hold a hidden character (a control, a bidi
 * override, a zero-width space...)?
 */
static void
scan_text(const char *s, size_t len, bool *plain, bool *valid, bool *hidden,
    bool *tab, bool *newline)
{
	size_t i = 0;

	*plain = *valid = true;
	*hidden = *tab = *newline = false;
	while (i < len) {
		unsigned char c;
		uint32_t cp;
		size_t n;

		i += text_ascii_span(s + i, len - i);
		if (i == len)
			break;
		c = (unsigned char)s[i];
		if (c == '\n' || c == '\t') {
			*(c == '\n' ? newline : tab) = true;
			i++;
			continue;
		}
		if (c < 0x80) {
			*hidden = true;		/* a control, or DEL */
			*plain = false;
			i++;
			continue;
		}
		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xfffd && n == 1) {
			*valid = false;
			*plain = false;
			return;
		}
		if ((cp >= 0x80 && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
		    cp == 0x200f || cp == 0x061c || cp == 0x200b ||
		    cp == 0x2060 || cp == 0xfeff) {
			*hidden = true;
			*plain = false;
		} else if (cp == 0x2028 || cp == 0x2029)
			*plain = false;		/* line separators */
		i += n;
	}
}

/* A text field: validated, sanitised copy, or NULL after a problem. */
char *
schema_text(struct schema *sc, const struct ynode *n, const char *key,
    bool multiline)
{
	const char *s;
	size_t len, i;
	bool plain, valid, hidden, tab, newline;

	if (!schema_want_scalar(sc, n, key))
		return NULL;
	s = schema_scalar(n);
	len = n->u.scalar.len;
	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
	    s[i] == '\r'); i++)
		;
	if (i == len) {
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'%s' is empty; write the text, or remove the key"),
		    key);
		return NULL;
	}
	scan_text(s, len, &plain, &valid, &hidden, &tab, &newline);
	if (!valid) {
		schema_problem(sc, DIAG_ERROR, DIAG_ENCODING, n,
		    _("'%s' is not valid UTF-8 text; check escapes such as "
		    "\"\\x..\" or save the file as UTF-8"), key);
		return NULL;
	}
	if (hidden) {
		schema_problem(sc, DIAG_WARNING, DIAG_CONTENT, n,
		    _("'%s' contains invisible control characters (such as "
		    "an escape sequence, a NUL or a right-to-left override); "
		    "they are removed before display: delete them from the "
		    "file"), key);
	}
	if (plain) {
		/* What text_sanitize makes of plain text, without its
		 * decoding: tabs, and line breaks in one-line text, are
		 * spaces. */
		char *out = xstrndup(s, len);

		for (i = 0; (tab || (newline && !multiline)) && i < len; i++) {
			if (out[i] == '\t' || (out[i] == '\n' && !multiline))
				out[i] = ' ';
		}
		return out;
	}
	return text_sanitize(s, len, multiline ? TEXT_KEEP_NEWLINES : 0);
}

static bool
valid_id(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 64)
		return false;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c == '-' && i > 0)))
			return false;
	}
	return true;
}

char *
schema_id(struct schema *sc, const struct ynode *n, const char *key)
{
	if (!schema_want_scalar(sc, n, key))
		return NULL;
	if (!valid_id(schema_scalar(n), n->u.scalar.len)) {
		char *shown = text_sanitize(schema_scalar(n), n->u.scalar.len, 0);

		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'%s' is not a valid id; ids use lower-case letters, "
		    "digits and '-' (up to 64), such as 'move-apps'"), shown);
		free(shown);
		return NULL;
	}
	return xstrdup(schema_scalar(n));
}

bool
schema_int(struct schema *sc, const struct ynode *n, const char *key, int min,
    int max, int *out)
{
	const char *s;
	char *end;
	long v;

	if (!schema_want_scalar(sc, n, key))
		return false;
	s = schema_scalar(n);
	errno = 0;
	v = strtol(s, &end, 10);
	if (!n->u.scalar.plain || *s == '\0' || *end != '\0' || errno != 0 ||
	    strlen(s) != n->u.scalar.len) {
		char *shown = text_sanitize(s, n->u.scalar.len, 0);

		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be a whole number (without quotes), not "
		    "'%s'"), key, shown);
		free(shown);
		return false;
	}
	if (v < min || v > max) {
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'%s' is %ld; it must be from %d to %d"), key, v, min,
		    max);
		return false;
	}
	*out = (int)v;
	return true;
}

bool
schema_bool(struct schema *sc, const struct ynode *n, const char *key,
    bool *out)
{
	const char *s;

	if (!schema_want_scalar(sc, n, key))
		return false;
	s = schema_scalar(n);
	if (n->u.scalar.plain && strcmp(s, "true") == 0) {
		*out = true;
		return true;
	}
	if (n->u.scalar.plain && strcmp(s, "false") == 0) {
		*out = false;
		return true;
	}
	{
		char *shown = text_sanitize(s, n->u.scalar.len, 0);

		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be true or false (without quotes), not "
		    "'%s'"), key, shown);
		free(shown);
	}
	return false;
}

void
schema_lines(struct schema *sc, const struct ynode *n, const char *key,
    char ***out, size_t *count)
{
	size_t i;

	if (n->type != YNODE_SEQ) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be a list ('- ' items), not %s"), key,
		    ynode_type_name(n->type));
		return;
	}
	*out = xcalloc(n->u.seq.count, sizeof(char *));
	*count = 0;
	for (i = 0; i < n->u.seq.count; i++) {
		char *s = schema_text(sc, n->u.seq.items[i], key, false);

		if (s != NULL)
			(*out)[(*count)++] = s;
	}
}

/*
 * Words authors reach for instead of the real key: "did you mean" should
 * find 'options' for 'choices' (or a misspelt 'choises') too.
 */
static const struct {
	const char *word;
	const char *key;
} synonyms[] = {
	{ "choices", "options" },
	{ "answers", "options" },
	{ "question", "prompt" },
	{ "explanation", "feedback" },
	{ "why", "feedback" },
	{ "right", "correct" },
	{ "body", "text" },
	{ "content", "text" },
	{ "heading", "title" },
	{ "name", "title" },
	{ "time", "minutes" },
	{ "duration", "minutes" },
	{ "warning", "content_note" },
	{ "objective", "objectives" },
	{ "source", "sources" },
	{ "step", "steps" },
};

/* The closest key in the table, for "did you mean". */
const char *
schema_closest(const char *word, const char *const *keys, size_t n)
{
	const char *best = NULL;
	int best_d = 3, d;
	size_t i, len = strlen(word);
	int cap = len <= 4 ? 1 : 2;

	for (i = 0; i < n; i++) {
		d = edit_distance(word, keys[i], cap);
		if (d <= cap && d < best_d) {
			best = keys[i];
			best_d = d;
		}
	}
	if (best != NULL)
		return best;
	for (i = 0; i < RF_ARRAY_LEN(synonyms); i++) {
		size_t j;

		d = edit_distance(word, synonyms[i].word, cap);
		if (d > cap || d >= best_d)
			continue;
		for (j = 0; j < n; j++) {
			if (strcmp(keys[j], synonyms[i].key) == 0) {
				best = keys[j];
				best_d = d;
			}
		}
	}
	return best;
}

const char *
schema_unknown_key(struct schema *sc, const struct ynode *key,
    const char *const *keys, size_t n, const char *where)
{
	char *shown = text_sanitize(schema_scalar(key), key->u.scalar.len, 0);
	const char *guess = schema_closest(schema_scalar(key), keys, n);

	if (guess != NULL) {
		schema_problem(sc, DIAG_ERROR, DIAG_UNKNOWN_KEY, key,
		    _("unknown key '%s' (did you mean '%s'?)"), shown, guess);
	} else {
		struct buf b;
		size_t i;

		buf_init(&b);
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, keys[i]);
		}
		schema_problem(sc, DIAG_ERROR, DIAG_UNKNOWN_KEY, key,
		    _("unknown key '%s' in %s; the keys here are: %s"), shown,
		    where, b.data);
		buf_finish(&b);
	}
	free(shown);
	return guess;
}

/*
 * The generic walker: check that 'n' is a mapping, fill 'obj' from the
 * table, report unknown keys, wrong types and missing required keys.
 */
/* What the walker's messages call the mapping: translated only when
 * there is a problem to report (caller frees). */
static char *
where_text(const char *where, const char *where_arg)
{
	const char *t = _(where), *at = strstr(t, "%s");

	/* Not a printf format from a variable: the one %s is put in by
	 * hand. */
	if (where_arg == NULL || at == NULL)
		return xstrdup(t);
	return xasprintf("%.*s%s%s", (int)(at - t), t, where_arg, at + 2);
}

bool
schema_walk(struct schema *sc, const struct ynode *n,
    const struct schema_field *fields, size_t nfields, void *obj,
    const char *where, const char *where_arg)
{
	const char *keys[24];
	bool seen[24] = { false };
	size_t i, j;
	char *w;

	if (n->type != YNODE_MAP) {
		w = where_text(where, where_arg);
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("%s should be a mapping (key: value lines), not %s"),
		    w, ynode_type_name(n->type));
		free(w);
		return false;
	}
	for (j = 0; j < nfields; j++)
		keys[j] = fields[j].key;
	for (i = 0; i < n->u.map.count; i++) {
		const struct ynode *k = n->u.map.pairs[i].key;
		const struct ynode *v = n->u.map.pairs[i].value;
		const struct schema_field *f = NULL;
		char *base = obj;

		for (j = 0; j < nfields; j++) {
			if (strlen(fields[j].key) == k->u.scalar.len &&
			    strcmp(fields[j].key, schema_scalar(k)) == 0) {
				f = &fields[j];
				seen[j] = true;
				break;
			}
		}
		if (f == NULL) {
			const char *guess;

			w = where_text(where, where_arg);
			guess = schema_unknown_key(sc, k, keys, nfields, w);
			free(w);

			/* A misspelt key is reported once, not again as
			 * missing. */
			for (j = 0; guess != NULL && j < nfields; j++) {
				if (fields[j].key == guess)
					seen[j] = true;
			}
			continue;
		}
		switch (f->kind) {
		case SF_LINE:
		case SF_TEXT:
			*(char **)(base + f->offset) = schema_text(sc, v, f->key,
			    f->kind == SF_TEXT);
			break;
		case SF_ID:
			*(char **)(base + f->offset) = schema_id(sc, v, f->key);
			break;
		case SF_INT:
			schema_int(sc, v, f->key, f->min, f->max,
			    (int *)(base + f->offset));
			break;
		case SF_BOOL:
			schema_bool(sc, v, f->key, (bool *)(base + f->offset));
			break;
		case SF_LINES:
			schema_lines(sc, v, f->key, (char ***)(base + f->offset),
			    (size_t *)(base + f->count_offset));
			break;
		case SF_CUSTOM:
			f->parse(sc, v, obj);
			break;
		}
	}
	for (j = 0; j < nfields; j++) {
		if (fields[j].required && !seen[j]) {
			w = where_text(where, where_arg);
			schema_problem(sc, DIAG_ERROR, DIAG_MISSING_KEY, n,
			    _("%s has no '%s'; add '%s:' with %s"), w,
			    fields[j].key, fields[j].key,
			    _(fields[j].example));
			free(w);
		}
	}
	return true;
}

/*
 * A list of mappings, each walked with 'fields' into a new array of
 * 'size'-byte elements: at most 'max' of them.  When mark_offset is not
 * SCHEMA_NO_MARK, each element's struct lesson_mark there gets its item's
 * place.
 * Returns the array (length in *count; free it), or NULL when 'n' is not
 * a list.
 */
void *
schema_list(struct schema *sc, const struct ynode *n, const char *key,
    size_t max, size_t size, const struct schema_field *fields, size_t nfields,
    size_t mark_offset, const char *where, size_t *count)
{
	size_t i, len;
	char *array;

	*count = 0;
	if (n->type != YNODE_SEQ) {
		schema_problem(sc, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be a list ('- ' items), not %s"), key,
		    ynode_type_name(n->type));
		return NULL;
	}
	len = n->u.seq.count;
	if (len > max) {
		schema_problem(sc, DIAG_ERROR, DIAG_TOO_BIG, n->u.seq.items[max],
		    _("'%s' can hold at most %zu items, and this is item %zu; "
		    "make the list shorter"), key, max, max + 1);
		len = max;
	}
	array = xcalloc(len ? len : 1, size);
	for (i = 0; i < len; i++) {
		char *elem = array + i * size;

		if (mark_offset != SCHEMA_NO_MARK) {
			struct lesson_mark *m =
			    (struct lesson_mark *)(elem + mark_offset);

			m->line = n->u.seq.items[i]->line;
			m->col = n->u.seq.items[i]->col;
		}
		schema_walk(sc, n->u.seq.items[i], fields, nfields, elem, where,
		    NULL);
	}
	*count = len;
	return array;
}


int
schema_load_file(const char *path, size_t max,
    const struct schema_field *fields, size_t nfields, void *obj,
    const char *where, const char *empty_msg, struct diag_list *diags)
{
	struct schema sc = { path, diags };
	size_t errors = diag_count(diags, DIAG_ERROR), len;
	struct ytree_limits lim = ytree_default_limits;
	struct ytree tree;
	char *data;
	int err;

	err = read_file(path, max, &data, &len);
	if (err != 0) {
		diag_add(diags, DIAG_ERROR, err == EFBIG ? DIAG_TOO_BIG :
		    DIAG_IO, path, 0, 0, _("cannot read the file: %s"),
		    strerror(err));
		return -1;
	}
	lim.max_bytes = max;
	if (ytree_parse(&tree, path, data, len, &lim, diags) < 0) {
		free(data);
		return -1;
	}
	free(data);
	if (tree.root == NULL && empty_msg != NULL)
		diag_add(diags, DIAG_ERROR, DIAG_MISSING_KEY, path, 1, 1, "%s",
		    empty_msg);
	else if (tree.root != NULL)
		schema_walk(&sc, tree.root, fields, nfields, obj, where, NULL);
	ytree_finish(&tree);
	return diag_count(diags, DIAG_ERROR) > errors ? -1 : 0;
}
