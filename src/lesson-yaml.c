/* lesson-yaml.c - a table-driven walk from the YAML tree to the model. */
#include "lesson-yaml.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"
#include "yaml-tree.h"


struct loader {
	const char *file;
	struct diag_list *diags;
};

enum field_kind {
	F_LINE,		/* one line of text */
	F_TEXT,		/* text with paragraphs and bullets */
	F_ID,		/* [a-z0-9][a-z0-9-]* */
	F_INT,
	F_BOOL,
	F_LINES,	/* a list of one-line texts */
	F_CUSTOM,
};

struct field {
	const char *key;
	enum field_kind kind;
	bool required;
	size_t offset;		/* of the field in the object */
	size_t count_offset;	/* F_LINES: of its size_t count */
	int min, max;		/* F_INT */
	void (*parse)(struct loader *, const struct ynode *, void *obj);
	const char *example;	/* for "add KEY: EXAMPLE" */
};

static void
problem(struct loader *ld, enum diag_severity sev, enum diag_code code,
    const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
problem(struct loader *ld, enum diag_severity sev, enum diag_code code,
    const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(ld->diags, sev, code, ld->file, at ? at->line : 0,
	    at ? at->col : 0, "%s", msg);
	free(msg);
}

static const char *
scalar(const struct ynode *n)
{
	return n->u.scalar.text;
}

/* Does the text hold something that sanitising will remove? */
static bool
has_hidden_characters(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);

		i += n;
		if (cp == '\n' || cp == '\t')
			continue;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
		    cp == 0x200f || cp == 0x061c || cp == 0x200b ||
		    cp == 0x2060 || cp == 0xfeff)
			return true;
	}
	return false;
}

/* UTF-8 check in which a NUL (from a "\0" escape) is not an encoding
 * problem: it is a hidden character, removed and warned about. */
static bool
utf8_valid_allowing_nul(const char *s, size_t len)
{
	size_t start = 0, i;

	for (i = 0; i <= len; i++) {
		if (i == len || s[i] == '\0') {
			if (!text_utf8_valid(s + start, i - start, NULL))
				return false;
			start = i + 1;
		}
	}
	return true;
}

/* Expect a scalar; report a wrong type otherwise. */
static bool
want_scalar(struct loader *ld, const struct ynode *n, const char *key)
{
	if (n->type == YNODE_SCALAR)
		return true;
	problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
	    _("'%s' should be a text value, not %s"), key,
	    ynode_type_name(n->type));
	return false;
}

/* A text field: validated, sanitised copy, or NULL after a problem. */
static char *
get_text(struct loader *ld, const struct ynode *n, const char *key,
    bool multiline)
{
	const char *s;
	size_t len, i;
	bool blank = true;

	if (!want_scalar(ld, n, key))
		return NULL;
	s = scalar(n);
	len = n->u.scalar.len;
	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			blank = false;
	}
	if (blank) {
		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'%s' is empty; write the text, or remove the key"),
		    key);
		return NULL;
	}
	if (!utf8_valid_allowing_nul(s, len)) {
		problem(ld, DIAG_ERROR, DIAG_ENCODING, n,
		    _("'%s' is not valid UTF-8 text; check escapes such as "
		    "\"\\x..\" or save the file as UTF-8"), key);
		return NULL;
	}
	if (has_hidden_characters(s, len)) {
		problem(ld, DIAG_WARNING, DIAG_CONTENT, n,
		    _("'%s' contains invisible control characters (such as "
		    "an escape sequence, a NUL or a right-to-left override); "
		    "they are removed before display: delete them from the "
		    "file"), key);
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

static char *
get_id(struct loader *ld, const struct ynode *n, const char *key)
{
	if (!want_scalar(ld, n, key))
		return NULL;
	if (!valid_id(scalar(n), n->u.scalar.len)) {
		char *shown = text_sanitize(scalar(n), n->u.scalar.len, 0);

		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'%s' is not a valid id; ids use lower-case letters, "
		    "digits and '-' (up to 64), such as 'move-apps'"), shown);
		free(shown);
		return NULL;
	}
	return xstrdup(scalar(n));
}

static bool
get_int(struct loader *ld, const struct ynode *n, const char *key, int min,
    int max, int *out)
{
	const char *s;
	char *end;
	long v;

	if (!want_scalar(ld, n, key))
		return false;
	s = scalar(n);
	errno = 0;
	v = strtol(s, &end, 10);
	if (!n->u.scalar.plain || *s == '\0' || *end != '\0' || errno != 0 ||
	    strlen(s) != n->u.scalar.len) {
		char *shown = text_sanitize(s, n->u.scalar.len, 0);

		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be a whole number (without quotes), not "
		    "'%s'"), key, shown);
		free(shown);
		return false;
	}
	if (v < min || v > max) {
		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'%s' is %ld; it must be from %d to %d"), key, v, min,
		    max);
		return false;
	}
	*out = (int)v;
	return true;
}

static bool
get_bool(struct loader *ld, const struct ynode *n, const char *key, bool *out)
{
	const char *s;

	if (!want_scalar(ld, n, key))
		return false;
	s = scalar(n);
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

		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be true or false (without quotes), not "
		    "'%s'"), key, shown);
		free(shown);
	}
	return false;
}

static void
get_lines(struct loader *ld, const struct ynode *n, const char *key,
    char ***out, size_t *count)
{
	size_t i;

	if (n->type != YNODE_SEQ) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be a list ('- ' items), not %s"), key,
		    ynode_type_name(n->type));
		return;
	}
	*out = xcalloc(n->u.seq.count, sizeof(char *));
	*count = 0;
	for (i = 0; i < n->u.seq.count; i++) {
		char *s = get_text(ld, n->u.seq.items[i], key, false);

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
static const char *
closest(const char *word, const char *const *keys, size_t n)
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

static const char *
unknown_key(struct loader *ld, const struct ynode *key,
    const char *const *keys, size_t n, const char *where)
{
	char *shown = text_sanitize(scalar(key), key->u.scalar.len, 0);
	const char *guess = closest(scalar(key), keys, n);

	if (guess != NULL) {
		problem(ld, DIAG_ERROR, DIAG_UNKNOWN_KEY, key,
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
		problem(ld, DIAG_ERROR, DIAG_UNKNOWN_KEY, key,
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
static bool
walk(struct loader *ld, const struct ynode *n, const struct field *fields,
    size_t nfields, void *obj, const char *where)
{
	const char *keys[24];
	bool seen[24] = { false };
	size_t i, j;

	if (n->type != YNODE_MAP) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("%s should be a mapping (key: value lines), not %s"),
		    where, ynode_type_name(n->type));
		return false;
	}
	for (j = 0; j < nfields; j++)
		keys[j] = fields[j].key;
	for (i = 0; i < n->u.map.count; i++) {
		const struct ynode *k = n->u.map.pairs[i].key;
		const struct ynode *v = n->u.map.pairs[i].value;
		const struct field *f = NULL;
		char *base = obj;

		for (j = 0; j < nfields; j++) {
			if (strlen(fields[j].key) == k->u.scalar.len &&
			    strcmp(fields[j].key, scalar(k)) == 0) {
				f = &fields[j];
				seen[j] = true;
				break;
			}
		}
		if (f == NULL) {
			const char *guess = unknown_key(ld, k, keys, nfields,
			    where);

			/* A misspelt key is reported once, not again as
			 * missing. */
			for (j = 0; guess != NULL && j < nfields; j++) {
				if (fields[j].key == guess)
					seen[j] = true;
			}
			continue;
		}
		switch (f->kind) {
		case F_LINE:
		case F_TEXT:
			*(char **)(base + f->offset) = get_text(ld, v, f->key,
			    f->kind == F_TEXT);
			break;
		case F_ID:
			*(char **)(base + f->offset) = get_id(ld, v, f->key);
			break;
		case F_INT:
			get_int(ld, v, f->key, f->min, f->max,
			    (int *)(base + f->offset));
			break;
		case F_BOOL:
			get_bool(ld, v, f->key, (bool *)(base + f->offset));
			break;
		case F_LINES:
			get_lines(ld, v, f->key, (char ***)(base + f->offset),
			    (size_t *)(base + f->count_offset));
			break;
		case F_CUSTOM:
			f->parse(ld, v, obj);
			break;
		}
	}
	for (j = 0; j < nfields; j++) {
		if (fields[j].required && !seen[j]) {
			problem(ld, DIAG_ERROR, DIAG_MISSING_KEY, n,
			    _("%s has no '%s'; add '%s:' with %s"), where,
			    fields[j].key, fields[j].key,
			    _(fields[j].example));
		}
	}
	return true;
}

/*
 * A list of mappings, each walked with 'fields' into a new array of
 * 'size'-byte elements: at most 'max' of them.  When mark_offset is not
 * NO_MARK, each element's struct lesson_mark there gets its item's place.
 * Returns the array (length in *count; free it), or NULL when 'n' is not
 * a list.
 */
#define NO_MARK ((size_t)-1)

static void *
parse_list(struct loader *ld, const struct ynode *n, const char *key,
    size_t max, size_t size, const struct field *fields, size_t nfields,
    size_t mark_offset, const char *where, size_t *count)
{
	size_t i, len;
	char *array;

	*count = 0;
	if (n->type != YNODE_SEQ) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'%s' should be a list ('- ' items), not %s"), key,
		    ynode_type_name(n->type));
		return NULL;
	}
	len = n->u.seq.count;
	if (len > max) {
		problem(ld, DIAG_ERROR, DIAG_TOO_BIG, n->u.seq.items[max],
		    _("'%s' can hold at most %zu items, and this is item %zu; "
		    "make the list shorter"), key, max, max + 1);
		len = max;
	}
	array = xcalloc(len ? len : 1, size);
	for (i = 0; i < len; i++) {
		char *elem = array + i * size;

		if (mark_offset != NO_MARK) {
			struct lesson_mark *m =
			    (struct lesson_mark *)(elem + mark_offset);

			m->line = n->u.seq.items[i]->line;
			m->col = n->u.seq.items[i]->col;
		}
		walk(ld, n->u.seq.items[i], fields, nfields, elem, where);
	}
	*count = len;
	return array;
}

/* Sources ------------------------------------------------------------- */

static const struct field source_fields[] = {
	{ "publisher", F_LINE, true, offsetof(struct lesson_source, publisher),
	    0, 0, 0, NULL, N_("the organisation's name") },
	{ "title", F_LINE, true, offsetof(struct lesson_source, title), 0, 0,
	    0, NULL, N_("the page or report title") },
	{ "year", F_INT, false, offsetof(struct lesson_source, year), 0, 1900,
	    2100, NULL, N_("a year, such as 2024") },
	{ "url", F_LINE, false, offsetof(struct lesson_source, url), 0, 0, 0,
	    NULL, N_("an address, https://...") },
};

static void
parse_sources(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson *l = obj;

	l->sources = parse_list(ld, n, "sources", 64, sizeof *l->sources,
	    source_fields, RF_ARRAY_LEN(source_fields), NO_MARK,
	    _("a source"), &l->source_count);
}

/* Steps --------------------------------------------------------------- */

static const struct field option_fields[] = {
	{ "text", F_TEXT, true, offsetof(struct lesson_option, text), 0, 0, 0,
	    NULL, N_("what the student can pick") },
	{ "feedback", F_TEXT, false, offsetof(struct lesson_option, feedback),
	    0, 0, 0, NULL, N_("why it is right or wrong") },
	{ "correct", F_BOOL, false, offsetof(struct lesson_option, correct),
	    0, 0, 0, NULL, N_("true or false") },
};

static void
parse_options(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->options = parse_list(ld, n, "options", LESSON_MAX_OPTIONS,
	    sizeof *s->options, option_fields, RF_ARRAY_LEN(option_fields),
	    offsetof(struct lesson_option, mark), _("an option"),
	    &s->option_count);
}

static void
parse_tf_answer(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;
	bool answer;

	if (!get_bool(ld, n, "answer", &answer))
		return;
	s->options = xcalloc(2, sizeof *s->options);
	s->option_count = 2;
	s->options[0].correct = answer;
	s->options[1].correct = !answer;
	s->options[0].mark.line = s->options[1].mark.line = n->line;
	s->options[0].mark.col = s->options[1].mark.col = n->col;
}

/* Chats ---------------------------------------------------------------- */

static void
parse_from(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_message *m = obj;

	if (!want_scalar(ld, n, "from"))
		return;
	if (strcmp(scalar(n), "me") == 0) {
		m->mine = true;
	} else if (strcmp(scalar(n), "them") == 0) {
		m->mine = false;
	} else {
		char *shown = text_sanitize(scalar(n), n->u.scalar.len, 0);

		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'from' is '%s'; it is 'them' (the other person) or "
		    "'me' (the student's side)"), shown);
		free(shown);
	}
}

static void
parse_flag(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_message *m = obj;
	const char *keys[FLAG_COUNT];
	const char *guess;
	char *shown;
	int f, i;

	if (!want_scalar(ld, n, "flag"))
		return;
	f = lesson_flag_parse(scalar(n));
	if (f > 0) {
		m->flag = (enum lesson_flag)f;
		return;
	}
	for (i = 1; i < FLAG_COUNT; i++)
		keys[i - 1] = lesson_flag_key((enum lesson_flag)i);
	guess = closest(scalar(n), keys, FLAG_COUNT - 1);
	shown = text_sanitize(scalar(n), n->u.scalar.len, 0);
	if (guess != NULL) {
		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown red-flag pattern '%s' (did you mean '%s'?)"),
		    shown, guess);
	} else {
		struct buf b;

		buf_init(&b);
		for (i = 0; i < FLAG_COUNT - 1; i++) {
			if (i > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, keys[i]);
		}
		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown red-flag pattern '%s'; the patterns are: %s"),
		    shown, b.data);
		buf_finish(&b);
	}
	free(shown);
}

#define MSG_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson_message, member), 0, 0, 0, \
	    NULL, ex }

static const struct field message_fields[] = {
	{ "from", F_CUSTOM, true, 0, 0, 0, 0, parse_from,
	    N_("'them' or 'me'") },
	MSG_FIELD("name", F_LINE, false, name, N_("the name shown")),
	MSG_FIELD("time", F_LINE, false, time, N_("a time such as 20:14")),
	MSG_FIELD("text", F_TEXT, true, text, N_("what the message says")),
	{ "flag", F_CUSTOM, false, 0, 0, 0, 0, parse_flag,
	    N_("a red-flag pattern such as 'secrecy'") },
	MSG_FIELD("why", F_TEXT, false, why,
	    N_("why it is, or is not, a red flag")),
};

/* A scenario's excerpt: messages to read, not to mark. */
static const struct field excerpt_fields[] = {
	{ "from", F_CUSTOM, true, 0, 0, 0, 0, parse_from,
	    N_("'them' or 'me'") },
	MSG_FIELD("name", F_LINE, false, name, N_("the name shown")),
	MSG_FIELD("time", F_LINE, false, time, N_("a time such as 20:14")),
	MSG_FIELD("text", F_TEXT, true, text, N_("what the message says")),
};

static void
parse_messages(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->chat.messages = parse_list(ld, n, "messages", LESSON_MAX_MESSAGES,
	    sizeof *s->chat.messages, message_fields,
	    RF_ARRAY_LEN(message_fields),
	    offsetof(struct lesson_message, mark), _("a message"),
	    &s->chat.message_count);
}

/* Scenarios ------------------------------------------------------------ */

static void
parse_excerpt(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;

	node->chat = parse_list(ld, n, "chat", LESSON_MAX_MESSAGES,
	    sizeof *node->chat, excerpt_fields, RF_ARRAY_LEN(excerpt_fields),
	    offsetof(struct lesson_message, mark), _("a message"),
	    &node->chat_count);
}

static void
parse_go(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_choice *c = obj;

	c->go_mark.line = n->line;
	c->go_mark.col = n->col;
	c->go = get_id(ld, n, "go");
}

static const struct field choice_item_fields[] = {
	{ "text", F_TEXT, true, offsetof(struct lesson_choice, text), 0, 0, 0,
	    NULL, N_("what the student can choose") },
	{ "go", F_CUSTOM, true, 0, 0, 0, 0, parse_go,
	    N_("the id of the node it leads to") },
	{ "feedback", F_TEXT, false, offsetof(struct lesson_choice, feedback),
	    0, 0, 0, NULL, N_("what this choice means, kindly") },
};

static void
parse_choices(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;

	node->choices = parse_list(ld, n, "choices", LESSON_MAX_CHOICES,
	    sizeof *node->choices, choice_item_fields,
	    RF_ARRAY_LEN(choice_item_fields),
	    offsetof(struct lesson_choice, mark), _("a choice"),
	    &node->choice_count);
}

static void
parse_ending(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;
	int e;

	if (!want_scalar(ld, n, "ending"))
		return;
	e = lesson_ending_parse(scalar(n));
	if (e < 0) {
		char *shown = text_sanitize(scalar(n), n->u.scalar.len, 0);

		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown ending '%s'; an ending is 'safe', 'risky' or "
		    "'harmful'"), shown);
		free(shown);
		return;
	}
	node->ending = (enum lesson_ending)e;
}

static void
parse_points(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_node *node = obj;

	node->has_points = get_int(ld, n, "points", 0, 10, &node->points);
}

#define NODE_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson_node, member), 0, 0, 0, NULL, \
	    ex }

static const struct field node_fields[] = {
	NODE_FIELD("id", F_ID, true, id, N_("a short name such as 'told'")),
	NODE_FIELD("text", F_TEXT, false, text, N_("what happens")),
	{ "chat", F_CUSTOM, false, 0, 0, 0, 0, parse_excerpt,
	    N_("a list of '- from: ...' messages") },
	{ "choices", F_CUSTOM, false, 0, 0, 0, 0, parse_choices,
	    N_("a list of '- text: ... go: ...' choices") },
	{ "ending", F_CUSTOM, false, 0, 0, 0, 0, parse_ending,
	    N_("safe, risky or harmful") },
	NODE_FIELD("debrief", F_TEXT, false, debrief,
	    N_("the better path, without blame")),
	{ "points", F_CUSTOM, false, 0, 0, 0, 0, parse_points,
	    N_("a number from 0 to 10") },
};

static void
parse_nodes(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;
	struct lesson_scenario *sc = &s->scenario;

	sc->nodes = parse_list(ld, n, "nodes", LESSON_MAX_NODES,
	    sizeof *sc->nodes, node_fields, RF_ARRAY_LEN(node_fields),
	    offsetof(struct lesson_node, mark), _("a node"), &sc->node_count);
}

static void
parse_start(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->scenario.start_mark.line = n->line;
	s->scenario.start_mark.col = n->col;
	s->scenario.start = get_id(ld, n, "start");
}

/* Ordering ------------------------------------------------------------- */

static const struct field item_fields[] = {
	{ "text", F_TEXT, true, offsetof(struct lesson_item, text), 0, 0, 0,
	    NULL, N_("one step, as the student sees it") },
	{ "why", F_TEXT, false, offsetof(struct lesson_item, why), 0, 0, 0,
	    NULL, N_("why it comes at this place") },
};

static void
parse_items(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;

	s->order.items = parse_list(ld, n, "items", LESSON_MAX_ITEMS,
	    sizeof *s->order.items, item_fields, RF_ARRAY_LEN(item_fields),
	    offsetof(struct lesson_item, mark), _("an item"),
	    &s->order.item_count);
}

/*
 * interchangeable: [[3, 4], [5, 6]] - groups of places (counted from 1,
 * as the items are written) whose items may swap without penalty.
 */
static void
parse_interchangeable(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson_step *s = obj;
	size_t g, k;

	s->order.interchangeable_mark.line = n->line;
	s->order.interchangeable_mark.col = n->col;
	if (n->type != YNODE_SEQ) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'interchangeable' should be a list of groups of "
		    "places, such as [[3, 4]]"));
		return;
	}
	for (g = 0; g < n->u.seq.count; g++) {
		const struct ynode *grp = n->u.seq.items[g];

		if (grp->type != YNODE_SEQ || grp->u.seq.count < 2) {
			problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, grp,
			    _("each group in 'interchangeable' lists two or "
			    "more places, such as [3, 4]"));
			continue;
		}
		for (k = 0; k < grp->u.seq.count; k++) {
			int place;

			if (!get_int(ld, grp->u.seq.items[k], "interchangeable",
			    1, LESSON_MAX_ITEMS, &place))
				continue;
			if (s->order.group[place - 1] != 0) {
				problem(ld, DIAG_ERROR, DIAG_BAD_VALUE,
				    grp->u.seq.items[k],
				    _("place %d is already in a group; a place "
				    "can be in one group only"), place);
				continue;
			}
			s->order.group[place - 1] = (int)g + 1;
		}
	}
}

#define STEP_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson_step, member), 0, 0, 0, NULL, ex }

static const struct field page_fields[] = {
	STEP_FIELD("id", F_ID, false, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("title", F_LINE, false, title, N_("a heading")),
	STEP_FIELD("text", F_TEXT, true, text, N_("the page's text")),
};

static const struct field choice_fields[] = {
	STEP_FIELD("id", F_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("prompt", F_TEXT, true, text, N_("the question")),
	STEP_FIELD("hint", F_TEXT, false, hint, N_("a nudge")),
	{ "options", F_CUSTOM, true, 0, 0, 0, 0, parse_options,
	    N_("a list of '- text: ...' options") },
};

static const struct field truefalse_fields[] = {
	STEP_FIELD("id", F_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("statement", F_TEXT, true, text, N_("the sentence to judge")),
	{ "answer", F_CUSTOM, true, 0, 0, 0, 0, parse_tf_answer,
	    N_("true or false") },
	STEP_FIELD("feedback", F_TEXT, true, feedback, N_("why it is so")),
	STEP_FIELD("hint", F_TEXT, false, hint, N_("a nudge")),
};

static const struct field chat_fields[] = {
	STEP_FIELD("id", F_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("prompt", F_TEXT, true, text,
	    N_("what to do, such as 'Mark every red flag.'")),
	STEP_FIELD("app", F_LINE, false, chat.app,
	    N_("where the chat happens, such as 'Game chat'")),
	STEP_FIELD("contact", F_LINE, true, chat.contact,
	    N_("the other person's name, as the app shows it")),
	STEP_FIELD("reveal", F_BOOL, false, chat.reveal, N_("true or false")),
	STEP_FIELD("hint", F_TEXT, false, hint, N_("a nudge")),
	{ "messages", F_CUSTOM, true, 0, 0, 0, 0, parse_messages,
	    N_("a list of '- from: ...' messages") },
};

static const struct field scenario_fields[] = {
	STEP_FIELD("id", F_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("title", F_LINE, false, title, N_("a heading")),
	STEP_FIELD("text", F_TEXT, false, text, N_("how the story starts")),
	{ "start", F_CUSTOM, true, 0, 0, 0, 0, parse_start,
	    N_("the id of the first node") },
	{ "nodes", F_CUSTOM, true, 0, 0, 0, 0, parse_nodes,
	    N_("a list of '- id: ...' nodes") },
};

static const struct field order_fields[] = {
	STEP_FIELD("id", F_ID, true, id, N_("a short name such as 'move-apps'")),
	STEP_FIELD("prompt", F_TEXT, true, text,
	    N_("what to do, such as 'Put these in the best order.'")),
	STEP_FIELD("hint", F_TEXT, false, hint, N_("a nudge")),
	{ "items", F_CUSTOM, true, 0, 0, 0, 0, parse_items,
	    N_("a list of '- text: ...' items, in the right order") },
	{ "interchangeable", F_CUSTOM, false, 0, 0, 0, 0,
	    parse_interchangeable, N_("groups of places, such as [[3, 4]]") },
};

static const struct {
	const char *key;
	enum step_type type;
	const struct field *fields;
	size_t nfields;
} step_kinds[] = {
	{ "page", STEP_PAGE, page_fields, RF_ARRAY_LEN(page_fields) },
	{ "choice", STEP_CHOICE, choice_fields, RF_ARRAY_LEN(choice_fields) },
	{ "multi", STEP_MULTI, choice_fields, RF_ARRAY_LEN(choice_fields) },
	{ "truefalse", STEP_TRUEFALSE, truefalse_fields,
	    RF_ARRAY_LEN(truefalse_fields) },
	{ "chat", STEP_CHAT, chat_fields, RF_ARRAY_LEN(chat_fields) },
	{ "scenario", STEP_SCENARIO, scenario_fields,
	    RF_ARRAY_LEN(scenario_fields) },
	{ "order", STEP_ORDER, order_fields, RF_ARRAY_LEN(order_fields) },
};

static const char *const step_kind_keys[] = {
	"page", "choice", "multi", "truefalse", "chat", "scenario", "order",
};

/* Is 'key' a key of some step kind (for the indentation hint)? */
static const char *
step_key_owner(const char *key)
{
	size_t i, j;

	for (i = 0; i < RF_ARRAY_LEN(step_kinds); i++) {
		for (j = 0; j < step_kinds[i].nfields; j++) {
			if (strcmp(step_kinds[i].fields[j].key, key) == 0)
				return step_kinds[i].key;
		}
	}
	return NULL;
}

static bool
parse_step(struct loader *ld, const struct ynode *n, struct lesson_step *s)
{
	const struct ynode *k, *v;
	size_t i, kind, errors;
	char *where;

	if (n->type != YNODE_MAP || n->u.map.count == 0) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("a step should start with its type: 'page:', 'choice:', "
		    "'multi:', 'truefalse:', 'chat:', 'scenario:' or "
		    "'order:'"));
		return false;
	}
	k = n->u.map.pairs[0].key;
	v = n->u.map.pairs[0].value;
	for (kind = 0; kind < RF_ARRAY_LEN(step_kinds); kind++) {
		if (strcmp(scalar(k), step_kinds[kind].key) == 0)
			break;
	}
	if (kind == RF_ARRAY_LEN(step_kinds)) {
		unknown_key(ld, k, step_kind_keys,
		    RF_ARRAY_LEN(step_kind_keys), _("a step"));
		return false;
	}
	/* A second key beside the type key is nearly always a key that
	 * should have been indented under it. */
	for (i = 1; i < n->u.map.count; i++) {
		const struct ynode *extra = n->u.map.pairs[i].key;
		const char *owner = step_key_owner(scalar(extra));
		char *shown = text_sanitize(scalar(extra),
		    extra->u.scalar.len, 0);

		if (owner != NULL)
			problem(ld, DIAG_ERROR, DIAG_UNKNOWN_KEY, extra,
			    _("'%s' should be inside the '%s' step: indent "
			    "it more than '%s:'"), shown, scalar(k),
			    scalar(k));
		else
			problem(ld, DIAG_ERROR, DIAG_UNKNOWN_KEY, extra,
			    _("a step has exactly one type key ('%s' here); "
			    "'%s' does not belong beside it"), scalar(k),
			    shown);
		free(shown);
	}
	s->type = step_kinds[kind].type;
	s->mark.line = k->line;
	s->mark.col = k->col;
	if (v->type == YNODE_SCALAR && v->u.scalar.len == 0) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, k,
		    _("the '%s' step is empty; its keys must be indented "
		    "under '%s:'"), scalar(k), scalar(k));
		return false;
	}
	where = xasprintf(_("this %s step"), scalar(k));
	errors = diag_count(ld->diags, DIAG_ERROR);
	walk(ld, v, step_kinds[kind].fields, step_kinds[kind].nfields, s,
	    where);
	/* Spare the author knock-on errors about answers we could not
	 * read. */
	s->incomplete = diag_count(ld->diags, DIAG_ERROR) > errors;
	free(where);
	if (s->type == STEP_SCENARIO)
		lesson_scenario_resolve(&s->scenario);
	if (s->type == STEP_TRUEFALSE) {
		for (i = 0; i < s->option_count; i++) {
			s->options[i].feedback = s->feedback ?
			    xstrdup(s->feedback) : NULL;
		}
	}
	return true;
}

static void
parse_steps(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson *l = obj;
	size_t i;

	if (n->type != YNODE_SEQ) {
		problem(ld, DIAG_ERROR, DIAG_WRONG_TYPE, n,
		    _("'steps' should be a list ('- ' items), not %s"),
		    ynode_type_name(n->type));
		return;
	}
	if (n->u.seq.count == 0) {
		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'steps' is empty; a lesson needs at least one step"));
		return;
	}
	l->steps = xcalloc(n->u.seq.count, sizeof *l->steps);
	for (i = 0; i < n->u.seq.count; i++) {
		struct lesson_step *s = &l->steps[l->step_count];

		if (parse_step(ld, n->u.seq.items[i], s))
			l->step_count++;
		else
			memset(s, 0, sizeof *s);
	}
}

/* The lesson ---------------------------------------------------------- */

static void
parse_topic(struct loader *ld, const struct ynode *n, void *obj)
{
	static const char *const keys[] = {
		"grooming", "sextortion", "recruitment", "help",
	};
	struct lesson *l = obj;
	int t;

	if (!want_scalar(ld, n, "topic"))
		return;
	t = lesson_topic_parse(scalar(n));
	if (t >= 0) {
		l->topic = (enum lesson_topic)t;
		return;
	}
	{
		char *shown = text_sanitize(scalar(n), n->u.scalar.len, 0);
		const char *guess = closest(scalar(n), keys,
		    RF_ARRAY_LEN(keys));

		if (guess != NULL)
			problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
			    _("unknown topic '%s' (did you mean '%s'?)"),
			    shown, guess);
		else
			problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
			    _("unknown topic '%s'; use one of: grooming, "
			    "sextortion, recruitment, help"), shown);
		free(shown);
	}
}

static void
parse_ages(struct loader *ld, const struct ynode *n, void *obj)
{
	struct lesson *l = obj;
	int lo, hi, used = 0;

	if (!want_scalar(ld, n, "ages"))
		return;
	if (sscanf(scalar(n), "%d-%d%n", &lo, &hi, &used) != 2 ||
	    (size_t)used != n->u.scalar.len || lo < 5 || hi > 25 || lo > hi) {
		problem(ld, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("'ages' should be a range of ages such as 13-17"));
		return;
	}
	free(l->ages);
	l->ages = xstrdup(scalar(n));
}

#define LESSON_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct lesson, member), 0, 0, 0, NULL, ex }

static const struct field lesson_fields[] = {
	LESSON_FIELD("id", F_ID, true, id, N_("a short name such as 'move-apps'")),
	LESSON_FIELD("title", F_LINE, true, title, N_("the lesson's title")),
	{ "topic", F_CUSTOM, true, 0, 0, 0, 0, parse_topic,
	    N_("grooming, sextortion, recruitment or help") },
	{ "ages", F_CUSTOM, false, 0, 0, 0, 0, parse_ages,
	    N_("an age range, such as 13-17") },
	{ "minutes", F_INT, true, offsetof(struct lesson, minutes), 0, 1, 120,
	    NULL, N_("a number of minutes, such as 10") },
	LESSON_FIELD("content_note", F_TEXT, false, content_note,
	    N_("what the lesson talks about")),
	{ "objectives", F_LINES, false, offsetof(struct lesson, objectives),
	    offsetof(struct lesson, objective_count), 0, 0, NULL,
	    N_("a list of '- ' items") },
	{ "sources", F_CUSTOM, false, 0, 0, 0, 0, parse_sources,
	    N_("a list of '- publisher: ...' items") },
	{ "steps", F_CUSTOM, true, 0, 0, 0, 0, parse_steps,
	    N_("a list of '- page:' and question steps") },
	{ "remember", F_LINES, false, offsetof(struct lesson, remember),
	    offsetof(struct lesson, remember_count), 0, 0, NULL,
	    N_("a list of '- ' items") },
};

struct lesson *
lesson_parse(const char *file, const char *data, size_t len,
    struct diag_list *diags)
{
	struct loader ld = { file, diags };
	struct ytree tree;
	struct lesson *l;
	const struct ynode *id;

	if (ytree_parse(&tree, file, data, len, NULL, diags) < 0)
		return NULL;
	if (tree.root == NULL) {
		diag_add(diags, DIAG_ERROR, DIAG_MISSING_KEY, file, 1, 1,
		    _("the file is empty; a lesson starts with 'id:', "
		    "'title:', 'topic:', 'minutes:' and 'steps:'"));
		return NULL;
	}
	l = xcalloc(1, sizeof *l);
	l->file = xstrdup(file);
	l->ages = xstrdup("13-17");
	if (!walk(&ld, tree.root, lesson_fields, RF_ARRAY_LEN(lesson_fields),
	    l, _("the lesson"))) {
		ytree_finish(&tree);
		lesson_destroy(l);
		return NULL;
	}
	id = ynode_get(tree.root, "id");
	if (id != NULL) {
		l->mark_id.line = id->line;
		l->mark_id.col = id->col;
	}
	ytree_finish(&tree);
	return l;
}

struct lesson *
lesson_load(const char *path, struct diag_list *diags, char **source,
    size_t *source_len)
{
	struct lesson *l;
	char *data;
	size_t len;
	int err;

	if (source != NULL)
		*source = NULL;
	if (source_len != NULL)
		*source_len = 0;
	err = read_file(path, ytree_default_limits.max_bytes, &data, &len);
	if (err == EFBIG) {
		diag_add(diags, DIAG_ERROR, DIAG_TOO_BIG, path, 0, 0,
		    _("the file is too big (the most is %zu bytes); split it "
		    "into several lessons"), ytree_default_limits.max_bytes);
		return NULL;
	}
	if (err != 0) {
		diag_add(diags, DIAG_ERROR, DIAG_IO, path, 0, 0,
		    _("cannot read the file: %s"), strerror(err));
		return NULL;
	}
	l = lesson_parse(path, data, len, diags);
	if (source != NULL) {
		*source = data;
		if (source_len != NULL)
			*source_len = len;
	} else {
		free(data);
	}
	return l;
}
