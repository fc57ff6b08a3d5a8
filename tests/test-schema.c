/*
 * tests/test-schema.c - docs/lesson.schema.json (the JSON Schema editors
 * use for completion) stays in step with the loader.  The schema is JSON,
 * and so YAML: it is read with the project's own tree (ytree_parse).
 *
 * - Each object schema, at $defs/<what>, has exactly the keys the loader
 *   accepts in that mapping (lesson_yaml_keys(what)) and requires exactly
 *   the keys the loader requires; $defs/step has one property per step
 *   type key, and a step has exactly one of them.
 * - The lists point at the right kinds of mapping and are capped as the
 *   loader caps them; the enums are the loader's topics, flags and
 *   endings; the number ranges are the loader's.
 * - Every shipped lesson (each ../lessons/<lang>/ file but course.yaml) is
 *   valid against the schema, by a small validator of the keywords the
 *   schema uses (it refuses keywords it does not know, so it cannot pass
 *   by ignoring them), and the validator itself rejects broken lessons.
 */
#include <criterion/criterion.h>
#include <glob.h>
#include <locale.h>
#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "course.h"
#include "diag.h"
#include "lesson-yaml.h"
#include "lesson.h"
#include "util.h"
#include "yaml-tree.h"

#define SCHEMA_PATH "../docs/lesson.schema.json"
#define LESSONS_GLOB "../lessons/*/*.yaml"
#define REF_PREFIX "#/$defs/"

/* The mappings lesson_yaml_keys knows, each at $defs/<what>. */
static const char *const whats[] = {
	"lesson", "source", "page", "choice", "multi", "truefalse", "option",
	"chat", "message", "excerpt", "scenario", "node", "choice-item",
	"order", "item",
};

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(schema, .init = setup);

/* Helpers ------------------------------------------------------------- */

static bool
is_scalar(const struct ynode *n, const char *text)
{
	return n != NULL && n->type == YNODE_SCALAR &&
	    strlen(text) == n->u.scalar.len &&
	    strcmp(n->u.scalar.text, text) == 0;
}

static const char *
scalar(const struct ynode *n)
{
	return n != NULL && n->type == YNODE_SCALAR ? n->u.scalar.text : "";
}

/* Parse a YAML (or JSON) text into *t; fails the test when it cannot. */
static void
parse_text(struct ytree *t, const char *name, const char *data, size_t len)
{
	struct diag_list d;

	diag_list_init(&d);
	if (ytree_parse(t, name, data, len, &ytree_default_limits, &d) < 0) {
		char *msg = d.count > 0 ? diag_format(&d.items[0]) :
		    xstrdup(name);

		diag_list_finish(&d);
		cr_assert_fail("%s does not parse: %s", name, msg);
	}
	diag_list_finish(&d);
	cr_assert_not_null(t->root, "%s is empty", name);
}

static void
parse_file(struct ytree *t, const char *path)
{
	char *data;
	size_t len;
	int err;

	err = read_file(path, ytree_default_limits.max_bytes, &data, &len);
	cr_assert_eq(err, 0, "cannot read %s: %s", path, strerror(err));
	parse_text(t, path, data, len);
	free(data);
}

/* The schema's $defs mapping. */
static const struct ynode *
schema_defs(struct ytree *t)
{
	const struct ynode *defs;

	parse_file(t, SCHEMA_PATH);
	cr_assert_eq(t->root->type, YNODE_MAP, "the schema is not an object");
	defs = ynode_get(t->root, "$defs");
	cr_assert(defs != NULL && defs->type == YNODE_MAP,
	    "the schema has no \"$defs\" object");
	return defs;
}

/* $defs/<what>, an object schema that rejects unknown keys. */
static const struct ynode *
object_def(const struct ynode *defs, const char *what)
{
	const struct ynode *def = ynode_get(defs, what);

	cr_assert(def != NULL && def->type == YNODE_MAP,
	    "the schema has no \"$defs/%s\"", what);
	cr_expect(is_scalar(ynode_get(def, "type"), "object"),
	    "$defs/%s is not \"type\": \"object\"", what);
	cr_expect(is_scalar(ynode_get(def, "additionalProperties"), "false"),
	    "$defs/%s lacks \"additionalProperties\": false (the loader "
	    "rejects unknown keys)", what);
	return def;
}

static const struct ynode *
properties(const struct ynode *def, const char *what)
{
	const struct ynode *p = ynode_get(def, "properties");

	cr_assert(p != NULL && p->type == YNODE_MAP,
	    "$defs/%s has no \"properties\" object", what);
	return p;
}

static bool
in_keys(const char *const *keys, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(keys[i], key) == 0)
			return true;
	}
	return false;
}

static bool
in_seq(const struct ynode *seq, const char *text)
{
	size_t i;

	if (seq == NULL || seq->type != YNODE_SEQ)
		return false;
	for (i = 0; i < seq->u.seq.count; i++) {
		if (is_scalar(seq->u.seq.items[i], text))
			return true;
	}
	return false;
}

/* The keys, and the required keys ------------------------------------- */

static void
expect_same_keys(const struct ynode *defs, const char *what)
{
	const char *const *keys;
	const bool *required;
	const struct ynode *def, *props, *req;
	size_t n, i, j, nreq = 0;

	n = lesson_yaml_keys(what, &keys, &required);
	cr_assert_gt(n, 0, "the loader has no keys for '%s'", what);
	def = object_def(defs, what);
	props = properties(def, what);
	for (i = 0; i < n; i++) {
		cr_expect_not_null(ynode_get(props, keys[i]),
		    "the loader accepts '%s' in %s, but $defs/%s/properties "
		    "has no \"%s\"", keys[i], what, what, keys[i]);
		nreq += required[i];
	}
	for (i = 0; i < props->u.map.count; i++) {
		const char *k = scalar(props->u.map.pairs[i].key);

		cr_expect(in_keys(keys, n, k),
		    "$defs/%s/properties has \"%s\", which the loader "
		    "rejects in %s", what, k, what);
	}

	req = ynode_get(def, "required");
	if (nreq == 0) {
		cr_expect(req == NULL || (req->type == YNODE_SEQ &&
		    req->u.seq.count == 0),
		    "$defs/%s has \"required\", but the loader requires no "
		    "key in %s", what, what);
		return;
	}
	cr_assert(req != NULL && req->type == YNODE_SEQ,
	    "$defs/%s has no \"required\" list", what);
	for (i = 0; i < n; i++) {
		if (required[i])
			cr_expect(in_seq(req, keys[i]),
			    "the loader requires '%s' in %s, but "
			    "$defs/%s/required does not list it", keys[i],
			    what, what);
	}
	for (i = 0; i < req->u.seq.count; i++) {
		const char *k = scalar(req->u.seq.items[i]);
		bool found = false;

		for (j = 0; j < n; j++) {
			if (strcmp(keys[j], k) == 0) {
				found = true;
				cr_expect(required[j], "$defs/%s/required "
				    "lists \"%s\", which the loader does not "
				    "require", what, k);
			}
		}
		cr_expect(found, "$defs/%s/required lists \"%s\", which the "
		    "loader does not know in %s", what, k, what);
		for (j = 0; j < i; j++)
			cr_expect(!is_scalar(req->u.seq.items[j], k),
			    "$defs/%s/required lists \"%s\" twice", what, k);
	}
}

Test(schema, object_keys_match_the_loader)
{
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(whats); i++)
		expect_same_keys(defs, whats[i]);
	ytree_finish(&t);
}

Test(schema, step_keys_match_the_loader)
{
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	const struct ynode *step = object_def(defs, "step");
	const struct ynode *props = properties(step, "step");
	const struct ynode *one_of = ynode_get(step, "oneOf");
	const char *const *keys, *const *step_keys;
	size_t n, i, j;

	n = lesson_yaml_keys("steps", &keys, NULL);
	cr_assert_gt(n, 0);
	cr_expect(is_scalar(ynode_get(step, "minProperties"), "1") &&
	    is_scalar(ynode_get(step, "maxProperties"), "1"),
	    "a step has exactly one key: $defs/step needs minProperties and "
	    "maxProperties 1");
	cr_assert(one_of != NULL && one_of->type == YNODE_SEQ,
	    "$defs/step has no \"oneOf\" list");
	cr_expect_eq(one_of->u.seq.count, n,
	    "$defs/step/oneOf has %zu entries; the loader has %zu step types",
	    one_of->u.seq.count, n);
	for (i = 0; i < n; i++) {
		const struct ynode *p = ynode_get(props, keys[i]);
		char *ref = xasprintf(REF_PREFIX "%s", keys[i]);
		bool listed = false;

		cr_expect_not_null(p, "the loader has the step type '%s', but "
		    "$defs/step/properties has no \"%s\"", keys[i], keys[i]);
		if (p != NULL)
			cr_expect(is_scalar(ynode_get(p, "$ref"), ref),
			    "$defs/step/properties/%s is not {\"$ref\": "
			    "\"%s\"}", keys[i], ref);
		free(ref);
		cr_expect_gt(lesson_yaml_keys(keys[i], &step_keys, NULL), 0,
		    "the loader has no keys for the step type '%s'", keys[i]);
		for (j = 0; j < one_of->u.seq.count; j++) {
			const struct ynode *r =
			    ynode_get(one_of->u.seq.items[j], "required");

			if (r != NULL && r->type == YNODE_SEQ &&
			    r->u.seq.count == 1 && in_seq(r, keys[i]))
				listed = true;
		}
		cr_expect(listed, "$defs/step/oneOf has no {\"required\": "
		    "[\"%s\"]}", keys[i]);
	}
	for (i = 0; i < props->u.map.count; i++) {
		const char *k = scalar(props->u.map.pairs[i].key);

		cr_expect(in_keys(keys, n, k), "$defs/step/properties has "
		    "\"%s\", which is not a step type of the loader", k);
	}
	ytree_finish(&t);
}

/* Every object schema in $defs is one the loader knows. */
Test(schema, no_object_the_loader_does_not_know)
{
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	const struct ynode *root_ref = ynode_get(t.root, "$ref");
	size_t i;

	cr_expect(is_scalar(root_ref, REF_PREFIX "lesson"),
	    "the schema's top is not {\"$ref\": \"" REF_PREFIX "lesson\"}");
	for (i = 0; i < defs->u.map.count; i++) {
		const char *name = scalar(defs->u.map.pairs[i].key);
		const struct ynode *def = defs->u.map.pairs[i].value;
		const char *const *keys;

		if (ynode_get(def, "properties") == NULL)
			continue;
		cr_expect(strcmp(name, "step") == 0 ||
		    lesson_yaml_keys(name, &keys, NULL) > 0,
		    "$defs/%s is an object the loader has no keys for", name);
	}
	ytree_finish(&t);
}

/* Lists, caps, enums and ranges ----------------------------------------- */

/* $defs/<what>/properties/<key>, which must exist. */
static const struct ynode *
prop(const struct ynode *defs, const char *what, const char *key)
{
	const struct ynode *p = ynode_get(properties(object_def(defs, what),
	    what), key);

	cr_assert(p != NULL && p->type == YNODE_MAP,
	    "$defs/%s/properties has no \"%s\"", what, key);
	return p;
}

static void
expect_int(const struct ynode *schema, const char *keyword, long want,
    const char *where)
{
	const struct ynode *v = ynode_get(schema, keyword);

	cr_expect(v != NULL && v->type == YNODE_SCALAR &&
	    strtol(scalar(v), NULL, 10) == want,
	    "%s: \"%s\" should be %ld, as the loader has it, not %s", where,
	    keyword, want, v != NULL ? scalar(v) : "missing");
}

Test(schema, lists_point_at_their_items_and_are_capped)
{
	static const struct {
		const char *what, *key, *items;
		size_t max;	/* 0: the loader sets no cap */
	} lists[] = {
		{ "lesson", "sources", "source", 64 },
		{ "lesson", "steps", "step", 0 },
		{ "choice", "options", "option", LESSON_MAX_OPTIONS },
		{ "multi", "options", "option", LESSON_MAX_OPTIONS },
		{ "chat", "messages", "message", LESSON_MAX_MESSAGES },
		{ "scenario", "nodes", "node", LESSON_MAX_NODES },
		{ "node", "chat", "excerpt", LESSON_MAX_MESSAGES },
		{ "node", "choices", "choice-item", LESSON_MAX_CHOICES },
		{ "order", "items", "item", LESSON_MAX_ITEMS },
	};
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(lists); i++) {
		const struct ynode *p = prop(defs, lists[i].what, lists[i].key);
		const struct ynode *items = ynode_get(p, "items");
		char *ref = xasprintf(REF_PREFIX "%s", lists[i].items);
		char *where = xasprintf("$defs/%s/properties/%s", lists[i].what,
		    lists[i].key);

		cr_expect(is_scalar(ynode_get(p, "type"), "array"),
		    "%s is not an array", where);
		cr_expect(is_scalar(ynode_get(items, "$ref"), ref),
		    "%s/items is not {\"$ref\": \"%s\"}", where, ref);
		if (lists[i].max > 0)
			expect_int(p, "maxItems", (long)lists[i].max, where);
		else
			cr_expect_null(ynode_get(p, "maxItems"), "%s has a "
			    "maxItems the loader does not have", where);
		free(ref);
		free(where);
	}
	{
		const struct ynode *p = prop(defs, "order", "interchangeable");
		const struct ynode *place = ynode_get(ynode_get(p, "items"),
		    "items");

		expect_int(place, "minimum", 1, "interchangeable places");
		expect_int(place, "maximum", LESSON_MAX_ITEMS,
		    "interchangeable places");
	}
	ytree_finish(&t);
}

Test(schema, ranges_are_the_loaders)
{
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	const struct ynode *p;

	p = prop(defs, "lesson", "minutes");
	expect_int(p, "minimum", 1, "minutes");
	expect_int(p, "maximum", 120, "minutes");
	p = prop(defs, "source", "year");
	expect_int(p, "minimum", 1900, "year");
	expect_int(p, "maximum", 2100, "year");
	p = prop(defs, "node", "points");
	expect_int(p, "minimum", 0, "points");
	expect_int(p, "maximum", 10, "points");
	ytree_finish(&t);
}

/* The enum at $defs/<what>/properties/<key> is exactly want[0..n). */
static void
expect_enum(const struct ynode *defs, const char *what, const char *key,
    const char *const *want, size_t n)
{
	const struct ynode *e = ynode_get(prop(defs, what, key), "enum");
	size_t i;

	cr_assert(e != NULL && e->type == YNODE_SEQ,
	    "$defs/%s/properties/%s has no \"enum\"", what, key);
	cr_expect_eq(e->u.seq.count, n, "$defs/%s/properties/%s/enum has %zu "
	    "values; the loader has %zu", what, key, e->u.seq.count, n);
	for (i = 0; i < n; i++)
		cr_expect(in_seq(e, want[i]), "the loader accepts %s: %s, but "
		    "$defs/%s/properties/%s/enum does not list it", key,
		    want[i], what, key);
}

Test(schema, enums_are_the_loaders)
{
	const char *topics[TOPIC_COUNT];
	const char *flags[FLAG_COUNT - 1];
	const char *endings[3];
	static const char *const from[] = { "them", "me" };
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	int i;

	for (i = 0; i < TOPIC_COUNT; i++) {
		topics[i] = lesson_topic_key((enum lesson_topic)i);
		cr_assert_eq(lesson_topic_parse(topics[i]), i);
	}
	/* FLAG_NONE ("none") is what no 'flag' means; it is not a value. */
	for (i = 1; i < FLAG_COUNT; i++) {
		flags[i - 1] = lesson_flag_key((enum lesson_flag)i);
		cr_assert_eq(lesson_flag_parse(flags[i - 1]), i);
	}
	cr_assert_lt(lesson_flag_parse("none"), 0);
	endings[0] = lesson_ending_key(ENDING_SAFE);
	endings[1] = lesson_ending_key(ENDING_RISKY);
	endings[2] = lesson_ending_key(ENDING_HARMFUL);
	for (i = 0; i < 3; i++)
		cr_assert_gt(lesson_ending_parse(endings[i]), 0);
	cr_assert_lt(lesson_ending_parse("none"), 0);

	expect_enum(defs, "lesson", "topic", topics, TOPIC_COUNT);
	expect_enum(defs, "message", "flag", flags, FLAG_COUNT - 1);
	expect_enum(defs, "node", "ending", endings, 3);
	expect_enum(defs, "message", "from", from, 2);
	expect_enum(defs, "excerpt", "from", from, 2);
	ytree_finish(&t);
}

/* A small validator ------------------------------------------------------ */

/*
 * It knows the keywords the schema uses, and reports any other one, so a
 * constraint added to the schema cannot be skipped here unnoticed.
 * Scalars are typed as the YAML language server types them (YAML 1.2
 * core schema): plain true/false are booleans, plain numbers numbers,
 * plain null/~/empty null, everything else a string.
 */
struct validator {
	const struct ynode *defs;
	const char *file;
	struct buf *out;	/* the problems, one a line */
	int problems;
};

static void problem(struct validator *v, const struct ynode *at,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
problem(struct validator *v, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (v->out != NULL)
		buf_printf(v->out, "%s:%d:%d: %s\n", v->file, at->line, at->col,
		    msg);
	free(msg);
	v->problems++;
}

static bool
matches(const char *pattern, const char *text)
{
	regex_t re;
	bool ok;

	cr_assert_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0,
	    "the schema's pattern %s is not a POSIX extended regex", pattern);
	ok = regexec(&re, text, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

static bool
plain_is(const struct ynode *n, const char *pattern)
{
	return n->type == YNODE_SCALAR && n->u.scalar.plain &&
	    strlen(n->u.scalar.text) == n->u.scalar.len &&
	    matches(pattern, n->u.scalar.text);
}

#define YAML_NULL "^(|~|null|Null|NULL)$"
#define YAML_BOOL "^(true|True|TRUE|false|False|FALSE)$"
#define YAML_INT "^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"
#define YAML_FLOAT "^([-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?" \
	"|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"

static bool
has_type(const struct ynode *n, const char *type)
{
	if (strcmp(type, "object") == 0)
		return n->type == YNODE_MAP;
	if (strcmp(type, "array") == 0)
		return n->type == YNODE_SEQ;
	if (n->type != YNODE_SCALAR)
		return false;
	if (strcmp(type, "null") == 0)
		return plain_is(n, YAML_NULL);
	if (strcmp(type, "boolean") == 0)
		return plain_is(n, YAML_BOOL);
	if (strcmp(type, "integer") == 0)
		return plain_is(n, YAML_INT);
	if (strcmp(type, "number") == 0)
		return plain_is(n, YAML_INT) || plain_is(n, YAML_FLOAT);
	if (strcmp(type, "string") == 0)
		return !plain_is(n, YAML_NULL) && !plain_is(n, YAML_BOOL) &&
		    !plain_is(n, YAML_INT) && !plain_is(n, YAML_FLOAT);
	cr_expect_fail("the schema uses the type \"%s\", which this test's "
	    "validator does not know: teach it", type);
	return false;
}

/* Characters (not bytes) in a UTF-8 scalar. */
static size_t
chars(const struct ynode *n)
{
	size_t i, c = 0;

	for (i = 0; i < n->u.scalar.len; i++)
		c += ((unsigned char)n->u.scalar.text[i] & 0xc0) != 0x80;
	return c;
}

static long
number(const struct ynode *n)
{
	return strtol(scalar(n), NULL, 10);
}

static const struct ynode *
resolve(struct validator *v, const struct ynode *s)
{
	const struct ynode *ref = ynode_get(s, "$ref");
	const struct ynode *def;

	if (ref == NULL)
		return s;
	cr_assert(strncmp(scalar(ref), REF_PREFIX, strlen(REF_PREFIX)) == 0,
	    "the schema's $ref \"%s\" is not to " REF_PREFIX "...",
	    scalar(ref));
	def = ynode_get(v->defs, scalar(ref) + strlen(REF_PREFIX));
	cr_assert_not_null(def, "the schema's $ref \"%s\" leads nowhere",
	    scalar(ref));
	cr_assert_eq(s->u.map.count, 1, "a $ref has other keywords beside "
	    "it (draft-07 ignores them): %s", scalar(ref));
	return def;
}

static void validate(struct validator *v, const struct ynode *n,
    const struct ynode *s);

static void
validate_map(struct validator *v, const struct ynode *n,
    const struct ynode *s)
{
	const struct ynode *props = ynode_get(s, "properties");
	const struct ynode *extra = ynode_get(s, "additionalProperties");
	const struct ynode *req = ynode_get(s, "required");
	const struct ynode *kw;
	size_t i;

	for (i = 0; i < n->u.map.count; i++) {
		const struct ynode *k = n->u.map.pairs[i].key;
		const struct ynode *p = props ? ynode_get(props, scalar(k)) :
		    NULL;

		if (p != NULL)
			validate(v, n->u.map.pairs[i].value, p);
		else if (is_scalar(extra, "false"))
			problem(v, k, "the key '%s' is not in the schema here",
			    scalar(k));
	}
	for (i = 0; req != NULL && i < req->u.seq.count; i++) {
		if (ynode_get(n, scalar(req->u.seq.items[i])) == NULL)
			problem(v, n, "no '%s', which the schema requires",
			    scalar(req->u.seq.items[i]));
	}
	if ((kw = ynode_get(s, "minProperties")) != NULL &&
	    (long)n->u.map.count < number(kw))
		problem(v, n, "fewer than %s keys", scalar(kw));
	if ((kw = ynode_get(s, "maxProperties")) != NULL &&
	    (long)n->u.map.count > number(kw))
		problem(v, n, "more than %s keys", scalar(kw));
}

static void
validate_seq(struct validator *v, const struct ynode *n,
    const struct ynode *s)
{
	const struct ynode *items = ynode_get(s, "items");
	const struct ynode *kw;
	size_t i, j;

	for (i = 0; items != NULL && i < n->u.seq.count; i++)
		validate(v, n->u.seq.items[i], items);
	if ((kw = ynode_get(s, "minItems")) != NULL &&
	    (long)n->u.seq.count < number(kw))
		problem(v, n, "fewer than %s items", scalar(kw));
	if ((kw = ynode_get(s, "maxItems")) != NULL &&
	    (long)n->u.seq.count > number(kw))
		problem(v, n, "more than %s items", scalar(kw));
	if (is_scalar(ynode_get(s, "uniqueItems"), "true")) {
		for (i = 0; i < n->u.seq.count; i++) {
			for (j = 0; j < i; j++) {
				const struct ynode *a = n->u.seq.items[i];
				const struct ynode *b = n->u.seq.items[j];

				if (a->type == YNODE_SCALAR &&
				    is_scalar(b, scalar(a)))
					problem(v, a, "'%s' is in the list "
					    "twice", scalar(a));
			}
		}
	}
}

static void
validate_scalar(struct validator *v, const struct ynode *n,
    const struct ynode *s)
{
	const struct ynode *kw;

	if ((kw = ynode_get(s, "enum")) != NULL && !in_seq(kw, scalar(n)))
		problem(v, n, "'%s' is not one of the schema's values",
		    scalar(n));
	if ((kw = ynode_get(s, "pattern")) != NULL &&
	    (strlen(scalar(n)) != n->u.scalar.len ||
	    !matches(scalar(kw), scalar(n))))
		problem(v, n, "'%s' does not match %s", scalar(n), scalar(kw));
	if ((kw = ynode_get(s, "minLength")) != NULL &&
	    (long)chars(n) < number(kw))
		problem(v, n, "shorter than %s", scalar(kw));
	if ((kw = ynode_get(s, "minimum")) != NULL &&
	    number(n) < number(kw))
		problem(v, n, "%s is below %s", scalar(n), scalar(kw));
	if ((kw = ynode_get(s, "maximum")) != NULL &&
	    number(n) > number(kw))
		problem(v, n, "%s is above %s", scalar(n), scalar(kw));
}

static void
validate(struct validator *v, const struct ynode *n, const struct ynode *s)
{
	static const char *const known[] = {
		"$ref", "type", "description", "title", "properties",
		"additionalProperties", "required", "minProperties",
		"maxProperties", "oneOf", "items", "minItems", "maxItems",
		"uniqueItems", "enum", "pattern", "minLength", "minimum",
		"maximum",
	};
	const struct ynode *kw;
	size_t i;

	cr_assert_eq(s->type, YNODE_MAP, "a schema that is not an object, "
	    "at line %d of the schema", s->line);
	s = resolve(v, s);
	for (i = 0; i < s->u.map.count; i++) {
		const char *k = scalar(s->u.map.pairs[i].key);

		cr_assert(in_keys(known, RF_ARRAY_LEN(known), k),
		    "the schema uses \"%s\" (line %d), which this test's "
		    "validator does not know: teach it", k,
		    s->u.map.pairs[i].key->line);
	}
	if ((kw = ynode_get(s, "type")) != NULL && !has_type(n, scalar(kw))) {
		problem(v, n, "should be of type %s", scalar(kw));
		return;
	}
	if ((kw = ynode_get(s, "oneOf")) != NULL) {
		size_t good = 0;

		for (i = 0; i < kw->u.seq.count; i++) {
			struct validator quiet = { v->defs, v->file, NULL, 0 };

			validate(&quiet, n, kw->u.seq.items[i]);
			good += quiet.problems == 0;
		}
		if (good != 1)
			problem(v, n, "matches %zu of the oneOf choices, not "
			    "exactly one", good);
	}
	if (n->type == YNODE_MAP)
		validate_map(v, n, s);
	else if (n->type == YNODE_SEQ)
		validate_seq(v, n, s);
	else
		validate_scalar(v, n, s);
}

/* Validate a lesson tree against $defs/lesson (where the schema's top
 * leads); the number of problems. */
static int
validate_lesson(const struct ynode *defs, const struct ynode *lesson,
    const char *file, struct buf *out)
{
	struct validator v = { defs, file, out, 0 };

	validate(&v, lesson, ynode_get(defs, "lesson"));
	return v.problems;
}

Test(schema, shipped_lessons_are_valid)
{
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	glob_t g;
	size_t i, checked = 0;

	cr_assert_eq(glob(LESSONS_GLOB, 0, NULL, &g), 0,
	    "no lessons at %s", LESSONS_GLOB);
	for (i = 0; i < g.gl_pathc; i++) {
		const char *path = g.gl_pathv[i];
		const char *base = strrchr(path, '/') + 1;
		struct ytree lesson;
		struct buf out;
		int problems;

		if (course_is_file(base))
			continue;
		parse_file(&lesson, path);
		buf_init(&out);
		buf_add(&out, "", 0);
		problems = validate_lesson(defs, lesson.root, path,
		    &out);
		cr_expect_eq(problems, 0, "%s is not valid against the "
		    "schema:\n%s", path, out.data);
		buf_finish(&out);
		ytree_finish(&lesson);
		checked++;
	}
	globfree(&g);
	/* English has eleven lessons; other languages add more. */
	cr_expect_geq(checked, 11, "only %zu lessons found", checked);
	ytree_finish(&t);
}

/* The validator is not vacuous: each of these breaks the schema. */
#define BASE \
	"id: demo\n" \
	"title: Demo\n" \
	"topic: grooming\n" \
	"minutes: 5\n"

Test(schema, validator_rejects_what_the_schema_forbids)
{
	static const struct {
		const char *yaml;
		int ok;
	} cases[] = {
		{ BASE "steps:\n  - page:\n      text: Hello.\n", 1 },
		{ BASE "steps:\n  - chat:\n      id: c\n      prompt: Mark.\n"
		    "      contact: Rio\n      messages:\n"
		    "        - from: them\n          time: \"20:14\"\n"
		    "          text: hi\n          flag: secrecy\n"
		    "        - from: me\n          text: hi\n", 1 },
		{ BASE "steps:\n  - order:\n      id: o\n      prompt: Order.\n"
		    "      items:\n        - text: a\n        - text: b\n"
		    "        - text: c\n      interchangeable: [[2, 3]]\n", 1 },
		/* an unknown key, at the top and in a step */
		{ BASE "colour: red\nsteps:\n  - page:\n      text: Hi.\n", 0 },
		{ BASE "steps:\n  - page:\n      txt: Hi.\n", 0 },
		/* a required key missing */
		{ "id: demo\ntitle: Demo\ntopic: grooming\n"
		    "steps:\n  - page:\n      text: Hi.\n", 0 },
		/* two step types in one step, and an unknown one */
		{ BASE "steps:\n  - page:\n      text: Hi.\n    choice:\n"
		    "      id: q\n      prompt: Q?\n      options:\n"
		    "        - text: a\n          correct: true\n"
		    "        - text: b\n", 0 },
		{ BASE "steps:\n  - quiz:\n      text: Hi.\n", 0 },
		/* values out of range, of the wrong type, not in the enum */
		{ "id: demo\ntitle: Demo\ntopic: grooming\nminutes: 0\n"
		    "steps:\n  - page:\n      text: Hi.\n", 0 },
		{ "id: demo\ntitle: Demo\ntopic: grooming\nminutes: \"5\"\n"
		    "steps:\n  - page:\n      text: Hi.\n", 0 },
		{ "id: demo\ntitle: Demo\ntopic: groming\nminutes: 5\n"
		    "steps:\n  - page:\n      text: Hi.\n", 0 },
		{ "id: Demo\ntitle: Demo\ntopic: grooming\nminutes: 5\n"
		    "steps:\n  - page:\n      text: Hi.\n", 0 },
		{ BASE "ages: 3-17\nsteps:\n  - page:\n      text: Hi.\n", 0 },
		{ BASE "steps:\n  - page:\n      text: Hi.\n      help: yes\n",
		    0 },
		{ BASE "steps:\n  - chat:\n      id: c\n      prompt: Mark.\n"
		    "      contact: Rio\n      messages:\n"
		    "        - from: you\n          text: hi\n"
		    "        - from: them\n          text: hi\n"
		    "          flag: flatery\n", 0 },
		/* a list over its cap */
		{ BASE "steps:\n  - order:\n      id: o\n      prompt: Order.\n"
		    "      items: [{text: a}, {text: b}, {text: c}, {text: d},"
		    " {text: e}, {text: f}, {text: g}, {text: h}, {text: i}]\n",
		    0 },
		{ BASE "steps: []\n", 0 },
	};
	struct ytree t;
	const struct ynode *defs = schema_defs(&t);
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
		struct ytree lesson;
		struct buf out;
		int problems;

		parse_text(&lesson, "case", cases[i].yaml,
		    strlen(cases[i].yaml));
		buf_init(&out);
		buf_add(&out, "", 0);
		problems = validate_lesson(defs, lesson.root, "case",
		    &out);
		if (cases[i].ok)
			cr_expect_eq(problems, 0, "case %zu should be "
			    "valid:\n%s", i, out.data);
		else
			cr_expect_gt(problems, 0, "case %zu should be "
			    "invalid:\n%s", i, cases[i].yaml);
		buf_finish(&out);
		ytree_finish(&lesson);
	}
	ytree_finish(&t);
}
