/* yaml-tree.c - a bounded tree from libyaml's event stream. */
#include "yaml-tree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "i18n.h"
#include "text.h"
#include "util.h"


const struct ytree_limits ytree_default_limits = {
	.max_bytes = 1024 * 1024,
	.max_depth = 32,
	.max_nodes = 20000,
	.max_scalar = 64 * 1024,
};

#define YTREE_MAX_DEPTH 64	/* hard ceiling for the stack below */

struct frame {
	struct ynode *node;
	size_t cap;
	struct ynode *key;	/* a map's key waiting for its value */
};

struct parse {
	const char *file;
	const char *data;
	size_t len;
	const struct ytree_limits *lim;
	struct diag_list *diags;
	struct frame stack[YTREE_MAX_DEPTH + 1];
	int depth;
	size_t nodes;
	int documents;
	struct ynode *root;
	/* ytree_parse_head: the top-level keys kept, the key to stop at,
	 * and the state of skipping a value not kept. */
	const char *const *keys;
	size_t key_count;
	const char *stop;
	bool skip_next;		/* the next value (at any depth) is skipped */
	int skipping;		/* depth inside a skipped value */
	bool done;		/* stopped early: the head is read */
	size_t fed;		/* bytes of data given to libyaml so far */
	bool partial;		/* data is only the start of the file */
	struct arena *arena;	/* every node and text of the tree */
};

/* libyaml decodes all the input it holds at once: a head is fed to it a
 * little at a time, so the text after the head is never decoded. */
#define HEAD_CHUNK 512

static int
feed_chunk(void *arg, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct parse *ps = arg;
	size_t n = ps->len - ps->fed;

	if (n > size)
		n = size;
	if (n > HEAD_CHUNK)
		n = HEAD_CHUNK;
	memcpy(buffer, ps->data + ps->fed, n);
	ps->fed += n;
	*size_read = n;
	return 1;
}

static void
problem(struct parse *ps, enum diag_code code, const yaml_mark_t *mark,
    const char *msg)
{
	diag_add(ps->diags, DIAG_ERROR, code, ps->file, (int)mark->line + 1,
	    (int)mark->column + 1, "%s", msg);
}

/* The byte at a libyaml mark, or -1 past the end. */
static int
byte_at(const struct parse *ps, const yaml_mark_t *mark)
{
	if (mark->index >= ps->len)
		return -1;
	return (unsigned char)ps->data[mark->index];
}

/* Is there a tab in the leading white space of the mark's line? */
static bool
tab_in_indent(const struct parse *ps, const yaml_mark_t *mark)
{
	size_t i = mark->index < ps->len ? mark->index : ps->len;

	while (i > 0 && ps->data[i - 1] != '\n')
		i--;
	for (; i < ps->len && (ps->data[i] == ' ' || ps->data[i] == '\t');
	    i++) {
		if (ps->data[i] == '\t')
			return true;
	}
	return false;
}

/*
 * Put libyaml's terse problem in an educator's words, at the most useful
 * place (the opening quote of an unclosed string, the tab itself...).
 */
static void
syntax_problem(struct parse *ps, const yaml_parser_t *yp)
{
	const char *p = yp->problem ? yp->problem : "";
	const char *ctx = yp->context ? yp->context : "";
	yaml_mark_t mark = yp->problem_mark;
	int c = byte_at(ps, &mark);

	if (yp->error == YAML_MEMORY_ERROR) {
		yaml_mark_t top = { 0, 0, 0 };

		problem(ps, DIAG_IO, &top, _("there was not enough memory to "
		    "read the file; close other programs and try again"));
		return;
	}
	if (yp->error == YAML_READER_ERROR) {
		yaml_mark_t m = { .index = yp->problem_offset, .line = 0,
		    .column = 0 };
		size_t i;

		size_t off = yp->problem_offset;
		int back;

		/* Point at the start of a broken sequence, not at the byte
		 * after its lead byte. */
		for (back = 0; back < 3 && off > 0 && off < ps->len &&
		    (unsigned char)ps->data[off - 1] >= 0x80 &&
		    (unsigned char)ps->data[off] < 0xc0; back++)
			off--;
		/* The reader gives only a byte offset: work out line/col. */
		for (i = 0; i < off && i < ps->len; i++) {
			if (ps->data[i] == '\n') {
				m.line++;
				m.column = 0;
			} else if (((unsigned char)ps->data[i] & 0xC0) != 0x80) {
				m.column++;
			}
		}
		if (strstr(p, "control characters") != NULL) {
			problem(ps, DIAG_ENCODING, &m,
			    _("the file contains a control character (is it "
			    "a binary file?); lesson files must be plain "
			    "UTF-8 text"));
		} else {
			problem(ps, DIAG_ENCODING, &m,
			    _("the file is not valid UTF-8 text here; save "
			    "it as UTF-8 in your editor"));
		}
		return;
	}
	if (strstr(p, "tab") != NULL || (c == '\t') ||
	    (strstr(p, "cannot start any token") && tab_in_indent(ps, &mark))) {
		problem(ps, DIAG_SYNTAX, &mark,
		    _("a tab is used for indentation here; YAML needs "
		    "spaces: replace the tab with spaces"));
		return;
	}
	if (strstr(p, "end of stream") != NULL && strstr(ctx, "quoted") != NULL) {
		mark = yp->context_mark;
		problem(ps, DIAG_SYNTAX, &mark,
		    _("this quote is opened but never closed; add the "
		    "closing quote"));
		return;
	}
	if (strstr(p, "cannot start any token") != NULL) {
		if (c == '@' || c == '`') {
			problem(ps, DIAG_SYNTAX, &mark,
			    _("a value cannot start with '@' or '`'; put the "
			    "whole text in quotes"));
		} else {
			problem(ps, DIAG_SYNTAX, &mark,
			    _("this character cannot start a value; put the "
			    "whole text in quotes"));
		}
		return;
	}
	if (strstr(p, "mapping values are not allowed") != NULL) {
		problem(ps, DIAG_SYNTAX, &mark,
		    _("unexpected ':' here; if the text contains ': ', put "
		    "the whole text in quotes, otherwise check this line's "
		    "indentation"));
		return;
	}
	if (strstr(p, "did not find expected key") != NULL ||
	    strstr(p, "did not find expected '-'") != NULL ||
	    strstr(p, "block sequence entries are not allowed") != NULL) {
		problem(ps, DIAG_SYNTAX, &mark,
		    _("this line is not lined up with the lines above it; "
		    "check the spaces at its start (keys of one mapping, "
		    "and the '- ' of one list, must start in the same "
		    "column)"));
		return;
	}
	if (strstr(p, "could not find expected ':'") != NULL) {
		mark = yp->context_mark;
		problem(ps, DIAG_SYNTAX, &mark,
		    _("a key here has no ':' after it, or text that goes on "
		    "over several lines is not indented more than its key; "
		    "add the ':' or indent the text"));
		return;
	}
	if (strstr(p, "did not find expected ',' or ']'") != NULL ||
	    strstr(p, "did not find expected ',' or '}'") != NULL ||
	    strstr(ctx, "flow") != NULL) {
		mark = yp->context_mark.index ? yp->context_mark : mark;
		problem(ps, DIAG_SYNTAX, &mark,
		    _("a '[' or '{' list opened here is not closed properly; "
		    "check its commas and the closing ']' or '}'"));
		return;
	}
	if (strstr(p, "tag") != NULL || strstr(ctx, "tag") != NULL ||
	    strstr(ctx, "directive") != NULL) {
		problem(ps, DIAG_SYNTAX, &mark,
		    _("tags and directives ('!' and '%') are not used in "
		    "lesson files; put text that starts with them in quotes"));
		return;
	}
	if (strstr(ctx, "anchor") != NULL || strstr(ctx, "alias") != NULL) {
		problem(ps, DIAG_ALIAS, &mark,
		    _("anchors and aliases ('&' and '*') are not allowed in "
		    "lesson files; write the text out, or put text that "
		    "starts with them in quotes"));
		return;
	}
	{
		char *msg = xasprintf(_("this is not valid YAML: %s%s%s"), p,
		    *ctx ? " " : "", ctx);

		problem(ps, DIAG_SYNTAX, &mark, msg);
		free(msg);
	}
}

static struct ynode *
node_new(struct parse *ps, enum ynode_type type, const yaml_mark_t *mark)
{
	struct ynode *n;

	if (ps->nodes >= ps->lim->max_nodes) {
		char *msg = xasprintf(_("the file has too many values (more "
		    "than %zu); split the lesson into smaller ones"),
		    ps->lim->max_nodes);

		problem(ps, DIAG_TOO_BIG, mark, msg);
		free(msg);
		return NULL;
	}
	ps->nodes++;
	n = arena_alloc(ps->arena, sizeof *n);
	n->type = type;
	n->line = (int)mark->line + 1;
	n->col = (int)mark->column + 1;
	return n;
}

/* Attach a finished node to its parent (or make it the root). */
static int
attach(struct parse *ps, struct ynode *n)
{
	struct frame *f;
	struct ynode *parent;
	size_t i;

	if (ps->depth == 0) {
		ps->root = n;
		return 0;
	}
	f = &ps->stack[ps->depth - 1];
	parent = f->node;
	if (parent->type == YNODE_SEQ) {
		if (parent->u.seq.count == f->cap) {
			size_t cap = f->cap ? f->cap * 2 : 4;

			parent->u.seq.items = arena_grow(ps->arena,
			    parent->u.seq.items, f->cap * sizeof(struct ynode *),
			    cap * sizeof(struct ynode *));
			f->cap = cap;
		}
		parent->u.seq.items[parent->u.seq.count++] = n;
		return 0;
	}
	if (f->key == NULL) {
		if (n->type != YNODE_SCALAR) {
			yaml_mark_t m = { 0, (size_t)n->line - 1,
			    (size_t)n->col - 1 };

			problem(ps, DIAG_WRONG_TYPE, &m,
			    _("a key must be a plain word, not a list or a "
			    "mapping; check the indentation"));
			return -1;
		}
		for (i = 0; i < parent->u.map.count; i++) {
			struct ynode *k = parent->u.map.pairs[i].key;

			if (k->u.scalar.len == n->u.scalar.len &&
			    memcmp(k->u.scalar.text, n->u.scalar.text,
			    n->u.scalar.len) == 0) {
				yaml_mark_t m = { 0, (size_t)n->line - 1,
				    (size_t)n->col - 1 };
				char *msg = xasprintf(_("the key '%s' appears "
				    "twice in the same mapping (first at line "
				    "%d); keep only one"), n->u.scalar.text,
				    k->line);

				problem(ps, DIAG_DUPLICATE_KEY, &m, msg);
				free(msg);
				return -1;
			}
		}
		f->key = n;
		return 0;
	}
	if (parent->u.map.count == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 4;

		parent->u.map.pairs = arena_grow(ps->arena, parent->u.map.pairs,
		    f->cap * sizeof(struct ypair), cap * sizeof(struct ypair));
		f->cap = cap;
	}
	parent->u.map.pairs[parent->u.map.count].key = f->key;
	parent->u.map.pairs[parent->u.map.count].value = n;
	parent->u.map.count++;
	f->key = NULL;
	return 0;
}

static int
reject_anchor_tag(struct parse *ps, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag, bool implicit)
{
	if (anchor != NULL) {
		problem(ps, DIAG_ALIAS, &ev->start_mark,
		    _("anchors ('&name') are not allowed in lesson files; "
		    "write the text out in full"));
		return -1;
	}
	if (tag != NULL && !implicit) {
		problem(ps, DIAG_SYNTAX, &ev->start_mark,
		    _("tags ('!name') are not used in lesson files; remove "
		    "it, or put text that starts with '!' in quotes"));
		return -1;
	}
	return 0;
}

static int
on_event(struct parse *ps, const yaml_event_t *ev)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_STREAM_END_EVENT:
	case YAML_NO_EVENT:
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++ps->documents > 1) {
			problem(ps, DIAG_MULTI_DOC, &ev->start_mark,
			    _("a second document starts here ('---'); a "
			    "lesson file holds exactly one lesson"));
			return -1;
		}
		return 0;
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	case YAML_ALIAS_EVENT:
		problem(ps, DIAG_ALIAS, &ev->start_mark,
		    _("aliases ('*name') are not allowed in lesson files; "
		    "write the text out in full"));
		return -1;
	case YAML_SCALAR_EVENT:
		if (reject_anchor_tag(ps, ev, ev->data.scalar.anchor,
		    ev->data.scalar.tag, ev->data.scalar.plain_implicit ||
		    ev->data.scalar.quoted_implicit) < 0)
			return -1;
		if (ev->data.scalar.length > ps->lim->max_scalar) {
			char *msg = xasprintf(_("this text is too long (%zu "
			    "bytes; the most is %zu); split it into several "
			    "pages"), ev->data.scalar.length,
			    ps->lim->max_scalar);

			problem(ps, DIAG_TOO_BIG, &ev->start_mark, msg);
			free(msg);
			return -1;
		}
		n = node_new(ps, YNODE_SCALAR, &ev->start_mark);
		if (n == NULL)
			return -1;
		n->u.scalar.text = arena_strndup(ps->arena,
		    (const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->u.scalar.len = ev->data.scalar.length;
		n->u.scalar.plain = ev->data.scalar.style ==
		    YAML_PLAIN_SCALAR_STYLE;
		return attach(ps, n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			if (reject_anchor_tag(ps, ev,
			    ev->data.sequence_start.anchor,
			    ev->data.sequence_start.tag,
			    ev->data.sequence_start.implicit) < 0)
				return -1;
		} else if (reject_anchor_tag(ps, ev,
		    ev->data.mapping_start.anchor, ev->data.mapping_start.tag,
		    ev->data.mapping_start.implicit) < 0) {
			return -1;
		}
		if (ps->depth >= ps->lim->max_depth ||
		    ps->depth >= YTREE_MAX_DEPTH) {
			char *msg = xasprintf(_("the file is nested too "
			    "deeply (more than %d levels); lessons never need "
			    "this much"), ps->lim->max_depth);

			problem(ps, DIAG_TOO_BIG, &ev->start_mark, msg);
			free(msg);
			return -1;
		}
		n = node_new(ps, ev->type == YAML_SEQUENCE_START_EVENT ?
		    YNODE_SEQ : YNODE_MAP, &ev->start_mark);
		if (n == NULL)
			return -1;
		ps->stack[ps->depth].node = n;
		ps->stack[ps->depth].cap = 0;
		ps->stack[ps->depth].key = NULL;
		ps->depth++;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		ps->depth--;
		n = ps->stack[ps->depth].node;
		ps->stack[ps->depth].node = NULL;
		return attach(ps, n);
	}
	return 0;
}

static bool
is_start(const yaml_event_t *ev)
{
	return ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT;
}

static bool
is_end(const yaml_event_t *ev)
{
	return ev->type == YAML_SEQUENCE_END_EVENT ||
	    ev->type == YAML_MAPPING_END_EVENT;
}

static bool
scalar_is(const yaml_event_t *ev, const char *key)
{
	return ev->data.scalar.length == strlen(key) &&
	    memcmp(ev->data.scalar.value, key, ev->data.scalar.length) == 0;
}

/* The head of a document: build the root mapping and the values of the
 * keys asked for; step over the rest without building it. */
static int
head_event(struct parse *ps, const yaml_event_t *ev)
{
	size_t i;

	if (ps->skipping > 0) {
		if (is_start(ev))
			ps->skipping++;
		else if (is_end(ev))
			ps->skipping--;
		return 0;
	}
	if (ps->skip_next) {
		ps->skip_next = false;
		if (is_start(ev))
			ps->skipping = 1;
		return 0;
	}
	if (ps->depth == 0 && ps->root == NULL && is_start(ev) &&
	    ev->type != YAML_MAPPING_START_EVENT) {
		problem(ps, DIAG_WRONG_TYPE, &ev->start_mark,
		    _("the file should be a mapping of keys such as 'id:' and "
		    "'title:', not a list"));
		return -1;
	}
	/* A key of the root mapping. */
	if (ps->depth == 1 && ps->stack[0].key == NULL &&
	    ev->type == YAML_SCALAR_EVENT) {
		if (ps->stop != NULL && scalar_is(ev, ps->stop)) {
			ps->done = true;
			return 0;
		}
		for (i = 0; i < ps->key_count; i++) {
			if (scalar_is(ev, ps->keys[i]))
				return on_event(ps, ev);
		}
		ps->skip_next = true;
		return 0;
	}
	if (on_event(ps, ev) < 0)
		return -1;
	/* A value of the root mapping has just been attached. */
	if (ps->depth == 1 && ps->stack[0].key == NULL &&
	    ps->stack[0].node->u.map.count == ps->key_count &&
	    (ev->type == YAML_SCALAR_EVENT || is_end(ev)))
		ps->done = true;
	return 0;
}

/*
 * The quick head.  Lesson files start with their head keys, one plain or
 * quoted value per line ("id: x", "title: \"...\""); reading those lines
 * directly is many times cheaper than starting libyaml's scanner.  It
 * takes only what it is sure YAML reads the same way: the keys asked for
 * and nothing else, each at column 1 with a one-line value, and comments
 * and blank lines between.  Anything else (another key first, a value
 * going on to the next line, an escape, a tab, a carriage return, a
 * character YAML does not print or reads as a line break) is left to
 * libyaml: the answer is "not sure", and nothing is kept.
 * tests/test-yaml-tree.c and tests/fuzz/fuzz-lesson.c hold it to what
 * libyaml gives.
 */
bool ytree_quick_head = true;
size_t ytree_quick_hits;

/* A character YAML prints, and does not read as a line break. */
static bool
yaml_printable(uint32_t cp, size_t n)
{
	if (cp == 0xfffd && n == 1)
		return false;		/* an invalid sequence */
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7f;
	if (cp < 0xa0 || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff)
		return false;
	if (cp >= 0xd800 && cp < 0xe000)
		return false;
	return cp <= 0xfffd || (cp >= 0x10000 && cp <= 0x10ffff);
}

/* Is [s, e) all printable (and so also valid UTF-8)? */
static bool
printable_span(const char *s, const char *e)
{
	while (s < e) {
		uint32_t cp;
		size_t n;

		s += text_ascii_span(s, (size_t)(e - s));
		if (s == e)
			break;
		n = text_utf8_decode(s, (size_t)(e - s), &cp);
		if (!yaml_printable(cp, n))
			return false;
		s += n;
	}
	return true;
}

static bool
blank_or_comment(const char *s, const char *e)
{
	while (s < e && *s == ' ')
		s++;
	return s == e || *s == '#';
}

/* The value on a key's line, [v, e): its text, or false when unsure. */
static bool
quick_value(const char *v, const char *e, const char **ts, size_t *tl,
    bool *plain, bool *escaped)
{
	const char *q = NULL, *after;

	*escaped = false;
	if (v == e || *v == '#')
		return false;		/* empty, or a block below */
	if (*v == '"') {
		/* Only the escapes \" and \\ are taken here. */
		for (q = v + 1; q < e && *q != '"'; q++) {
			if (*q == '\\') {
				if (q + 1 == e || (q[1] != '"' && q[1] != '\\'))
					return false;
				q++;
				*escaped = true;
			}
		}
		if (q == e)
			return false;	/* goes on to the next line */
	} else if (*v == '\'') {
		q = memchr(v + 1, *v, (size_t)(e - v - 1));
		if (q == NULL || (q + 1 < e && q[1] == *v))
			return false;	/* goes on, or '' */
	}
	if (*v == '"' || *v == '\'') {
		for (after = q + 1; after < e && *after == ' '; after++)
			;
		if (after < e && (*after != '#' || after == q + 1))
			return false;
		*ts = v + 1;
		*tl = (size_t)(q - v - 1);
		*plain = false;
		return true;
	}
	if (strchr("-?:,[]{}#&*!|>%@`", *v) != NULL)
		return false;		/* an indicator: libyaml's to read */
	/* A plain value ends at " #" (a comment); ": " is a mistake. */
	for (q = v; q < e; q++) {
		if (*q == ':' && (q + 1 == e || q[1] == ' '))
			return false;
		if (*q == '#' && q[-1] == ' ')
			break;
	}
	while (q > v && q[-1] == ' ')
		q--;
	*ts = v;
	*tl = (size_t)(q - v);
	*plain = true;
	return true;
}

static struct ynode *
quick_scalar(struct parse *ps, const char *text, size_t len, int line,
    int col, bool plain, bool escaped)
{
	yaml_mark_t m = { 0, (size_t)line - 1, (size_t)col - 1 };
	struct ynode *n = node_new(ps, YNODE_SCALAR, &m);
	size_t i, o = 0;

	if (n == NULL)
		return NULL;
	n->u.scalar.text = arena_strndup(ps->arena, text, len);
	if (escaped) {
		/* \" and \\ (quick_value let no other through). */
		for (i = 0; i < len; i++) {
			if (text[i] == '\\')
				i++;
			n->u.scalar.text[o++] = text[i];
		}
		n->u.scalar.text[o] = '\0';
		len = o;
	}
	n->u.scalar.len = len;
	n->u.scalar.plain = plain;
	return n;
}

/* The value for key[0..klen) in a map node, or NULL. */
static struct ynode *
ynode_get_n(const struct ynode *map, const char *key, size_t klen)
{
	size_t i;

	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (i = 0; i < map->u.map.count; i++) {
		const struct ynode *k = map->u.map.pairs[i].key;

		if (k->u.scalar.len == klen &&
		    memcmp(k->u.scalar.text, key, klen) == 0)
			return map->u.map.pairs[i].value;
	}
	return NULL;
}

/* Returns 1 with the head in ps->root, or 0: not sure (nothing kept). */
static int
quick_head(struct parse *ps)
{
	const char *p = ps->data, *end = ps->data + ps->len;
	struct ynode *root = NULL;
	int line = 0;
	size_t cap = 0;

	if (ps->len == 0 || ps->len > ps->lim->max_bytes)
		return 0;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		const char *k, *ts;
		size_t kl, tl, i;
		bool plain, escaped;
		struct ynode *key, *val;

		if (e == NULL) {
			if (ps->partial)
				goto unsure;	/* the line may go on */
			e = end;
		}
		line++;
		/* printable_span refuses tabs and carriage returns too. */
		if (!printable_span(p, e))
			break;
		if (blank_or_comment(p, e)) {
			p = e + (e < end);
			continue;
		}
		if (root != NULL && root->u.map.count == ps->key_count)
			break;		/* the line after the head: fine */
		/* A key at column 1: letters, digits, '_' and '-'. */
		for (k = p; k < e && ((*k >= 'a' && *k <= 'z') ||
		    (*k >= '0' && *k <= '9') || *k == '_'); k++)
			;
		kl = (size_t)(k - p);
		if (kl == 0 || k + 1 >= e || k[0] != ':' || k[1] != ' ')
			goto unsure;
		for (i = 0; i < ps->key_count; i++) {
			if (strlen(ps->keys[i]) == kl &&
			    memcmp(ps->keys[i], p, kl) == 0)
				break;
		}
		if (i == ps->key_count || (root != NULL &&
		    ynode_get_n(root, p, kl) != NULL))
			goto unsure;	/* another key, or twice */
		for (k += 1; k < e && *k == ' '; k++)
			;
		if (!quick_value(k, e, &ts, &tl, &plain, &escaped) ||
		    tl > ps->lim->max_scalar)
			goto unsure;
		if (root == NULL) {
			yaml_mark_t m = { 0, (size_t)line - 1, 0 };

			if ((root = node_new(ps, YNODE_MAP, &m)) == NULL)
				goto unsure;
		}
		key = quick_scalar(ps, p, kl, line, 1, true, false);
		val = quick_scalar(ps, ts, tl, line, 1 + (int)(k - p), plain,
		    escaped);
		if (key == NULL || val == NULL)
			goto unsure;
		if (root->u.map.count == cap) {
			root->u.map.pairs = arena_grow(ps->arena,
			    root->u.map.pairs, cap * sizeof(struct ypair),
			    (cap ? cap * 2 : 8) * sizeof(struct ypair));
			cap = cap ? cap * 2 : 8;
		}
		root->u.map.pairs[root->u.map.count].key = key;
		root->u.map.pairs[root->u.map.count].value = val;
		root->u.map.count++;
		p = e + (e < end);
	}
	/* Sure only with every key read, and the next line (if any) not
	 * going on with the last value. */
	if (root != NULL && root->u.map.count == ps->key_count &&
	    (p >= end ? !ps->partial : (*p != ' ' && *p != '\t'))) {
		ps->root = root;
		return 1;
	}
unsure:
	/* What was made stays in the arena until it is freed. */
	ps->nodes = 0;
	return 0;
}

static int
parse_events(struct ytree *t, const char *file, const char *data, size_t len,
    const struct ytree_limits *lim, struct diag_list *diags,
    struct parse *ps)
{
	yaml_parser_t yp;
	yaml_event_t ev;
	int rc = 0;
	bool done = false;

	t->root = NULL;
	t->nodes = 0;
	t->arena = NULL;
	if (ps->arena == NULL)
		ps->arena = arena_new();
	ps->file = file;
	ps->data = data;
	ps->len = len;
	ps->lim = lim;
	ps->diags = diags;

	if (len > lim->max_bytes) {
		diag_add(diags, DIAG_ERROR, DIAG_TOO_BIG, file, 0, 0,
		    _("the file is too big (%zu bytes; the most is %zu); split "
		    "it into several lessons"), len, lim->max_bytes);
		arena_free(ps->arena);
		ps->arena = NULL;
		return -1;
	}
	if (!yaml_parser_initialize(&yp))
		fatal("out of memory");
	if (ps->keys != NULL)
		yaml_parser_set_input(&yp, feed_chunk, ps);
	else
		yaml_parser_set_input_string(&yp, (const unsigned char *)data,
		    len);
	while (!done && !ps->done) {
		if (!yaml_parser_parse(&yp, &ev)) {
			syntax_problem(ps, &yp);
			rc = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		if ((ps->keys != NULL ? head_event(ps, &ev) :
		    on_event(ps, &ev)) < 0) {
			yaml_event_delete(&ev);
			rc = -1;
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&yp);

	/* Stopped early: the root mapping is still open, with what it has
	 * (an unfinished key is dropped with the arena). */
	if (rc == 0 && ps->done && ps->depth == 1) {
		ps->root = ps->stack[0].node;
		ps->depth = 0;
	}
	if (rc < 0) {
		/* Whatever was still open goes with the arena. */
		arena_free(ps->arena);
		ps->arena = NULL;
		return -1;
	}
	t->root = ps->root;
	t->nodes = ps->nodes;
	t->arena = ps->arena;
	ps->arena = NULL;
	if (t->root == NULL) {
		/* An empty document holds nothing to free. */
		arena_free(t->arena);
		t->arena = NULL;
	}
	return 0;
}

int
ytree_parse(struct ytree *t, const char *file, const char *data, size_t len,
    const struct ytree_limits *lim, struct diag_list *diags)
{
	struct parse ps;

	memset(&ps, 0, sizeof ps);
	return parse_events(t, file, data, len,
	    lim != NULL ? lim : &ytree_default_limits, diags, &ps);
}

/* The quick head into t, in a new arena; false (the arena left in ps for
 * the caller) when it is not sure. */
static bool
try_quick_head(struct ytree *t, struct parse *ps, const char *file,
    const char *data, size_t len)
{
	ps->file = file;
	ps->data = data;
	ps->len = len;
	ps->lim = &ytree_default_limits;
	ps->arena = arena_new();
	if (!quick_head(ps)) {
		ps->root = NULL;
		return false;
	}
	ytree_quick_hits++;
	t->root = ps->root;
	t->nodes = ps->nodes;
	t->arena = ps->arena;
	return true;
}

int
ytree_parse_head(struct ytree *t, const char *file, const char *data,
    size_t len, const char *const *keys, size_t key_count, const char *stop,
    struct diag_list *diags)
{
	struct parse ps;

	memset(&ps, 0, sizeof ps);
	ps.keys = keys;
	ps.key_count = key_count;
	ps.stop = stop;
	ps.diags = diags;
	if (ytree_quick_head && try_quick_head(t, &ps, file, data, len))
		return 0;
	return parse_events(t, file, data, len, &ytree_default_limits, diags,
	    &ps);
}

int
ytree_parse_head_prefix(struct ytree *t, const char *file, const char *data,
    size_t len, const char *const *keys, size_t key_count)
{
	struct parse ps;

	t->root = NULL;
	t->nodes = 0;
	t->arena = NULL;
	if (!ytree_quick_head)
		return 1;
	memset(&ps, 0, sizeof ps);
	ps.keys = keys;
	ps.key_count = key_count;
	ps.partial = true;
	if (!try_quick_head(t, &ps, file, data, len)) {
		arena_free(ps.arena);
		return 1;
	}
	return 0;
}

void
ytree_finish(struct ytree *t)
{
	if (t == NULL)
		return;
	arena_free(t->arena);
	t->arena = NULL;
	t->root = NULL;
	t->nodes = 0;
}

struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	return ynode_get_n(map, key, strlen(key));
}

const char *
ynode_type_name(enum ynode_type type)
{
	switch (type) {
	case YNODE_SCALAR:
		return _("a text value");
	case YNODE_MAP:
		return _("a mapping (key: value lines)");
	case YNODE_SEQ:
		return _("a list ('- ' items)");
	}
	return "?";
}
