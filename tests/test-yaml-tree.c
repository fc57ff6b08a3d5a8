/* tests/test-yaml-tree.c - the bounded YAML tree: shape, marks and caps. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yaml-tree.h"

static int
parse(const char *text, struct ytree *t, struct diag_list *d,
    const struct ytree_limits *lim)
{
	diag_list_init(d);
	return ytree_parse(t, "t.yaml", text, strlen(text), lim, d);
}

/* Parse text that must fail; return its one message, formatted. */
static char *
failure(const char *text, const struct ytree_limits *lim)
{
	struct ytree t;
	struct diag_list d;
	char *s;

	cr_assert_eq(parse(text, &t, &d, lim), -1, "accepted: %s", text);
	cr_assert_eq(d.count, 1, "the YAML layer stops at one problem");
	cr_expect_null(t.root);
	s = diag_format(&d.items[0]);
	diag_list_finish(&d);
	return s;
}

Test(yaml_tree, builds_maps_lists_and_scalars_with_marks)
{
	struct ytree t;
	struct diag_list d;
	struct ynode *list, *item;

	cr_assert_eq(parse("a: 1\nb:\n  - x\n  - \"y: z\"\n", &t, &d, NULL), 0);
	cr_assert_not_null(t.root);
	cr_expect_eq(t.root->type, YNODE_MAP);
	cr_expect_eq(t.root->u.map.count, 2);
	cr_expect_str_eq(ynode_get(t.root, "a")->u.scalar.text, "1");
	cr_expect(ynode_get(t.root, "a")->u.scalar.plain);
	list = ynode_get(t.root, "b");
	cr_assert_eq(list->type, YNODE_SEQ);
	cr_assert_eq(list->u.seq.count, 2);
	item = list->u.seq.items[1];
	cr_expect_str_eq(item->u.scalar.text, "y: z");
	cr_expect_not(item->u.scalar.plain, "a quoted scalar is not plain");
	cr_expect_eq(item->line, 4);
	cr_expect_eq(item->col, 5);
	cr_expect_null(ynode_get(t.root, "c"));
	cr_expect_eq(t.nodes, 7);
	ytree_finish(&t);
	diag_list_finish(&d);
}

Test(yaml_tree, keeps_nul_bytes_from_escapes_with_their_length)
{
	struct ytree t;
	struct diag_list d;
	struct ynode *v;

	cr_assert_eq(parse("a: \"x\\0y\"\n", &t, &d, NULL), 0);
	v = ynode_get(t.root, "a");
	cr_expect_eq(v->u.scalar.len, 3);
	cr_expect_eq(memcmp(v->u.scalar.text, "x\0y", 3), 0);
	ytree_finish(&t);
	diag_list_finish(&d);
}

Test(yaml_tree, an_empty_document_has_no_root)
{
	struct ytree t;
	struct diag_list d;

	cr_assert_eq(parse("# only a comment\n", &t, &d, NULL), 0);
	cr_expect_null(t.root);
	cr_expect_eq(d.count, 0);
	ytree_finish(&t);
	diag_list_finish(&d);
}

Test(yaml_tree, rejects_anchors_aliases_tags_and_extra_documents)
{
	struct { const char *in, *want; } cases[] = {
		{ "a: &x 1\n", "t.yaml:1:4: error: anchors ('&name') are not "
		    "allowed in lesson files; write the text out in full" },
		{ "a: [*x]\n", "t.yaml:1:5: error: aliases ('*name') are not "
		    "allowed in lesson files; write the text out in full" },
		{ "a: !!str 1\n", "t.yaml:1:4: error: tags ('!name') are not "
		    "used in lesson files; remove it, or put text that starts "
		    "with '!' in quotes" },
		{ "a: 1\n---\nb: 2\n", "t.yaml:2:1: error: a second document "
		    "starts here ('---'); a lesson file holds exactly one "
		    "lesson" },
		{ "a: 1\nb: 2\na: 3\n", "t.yaml:3:1: error: the key 'a' appears "
		    "twice in the same mapping (first at line 1); keep only "
		    "one" },
		{ "? [a]\n: 1\n", "t.yaml:1:3: error: a key must be a plain "
		    "word, not a list or a mapping; check the indentation" },
	};
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
		char *got = failure(cases[i].in, NULL);

		cr_expect_str_eq(got, cases[i].want, "input: %s", cases[i].in);
		free(got);
	}
}

Test(yaml_tree, stops_at_the_depth_cap)
{
	struct ytree_limits lim = ytree_default_limits;
	char *got;

	lim.max_depth = 3;
	got = failure("a: [[[1]]]\n", &lim);
	cr_expect_str_eq(got, "t.yaml:1:6: error: the file is nested too "
	    "deeply (more than 3 levels); lessons never need this much");
	free(got);
}

Test(yaml_tree, stops_at_the_node_cap)
{
	struct ytree_limits lim = ytree_default_limits;
	char *got;

	lim.max_nodes = 4;
	got = failure("- 1\n- 2\n- 3\n- 4\n", &lim);
	cr_expect_str_eq(got, "t.yaml:4:3: error: the file has too many values "
	    "(more than 4); split the lesson into smaller ones");
	free(got);
}

Test(yaml_tree, stops_at_the_scalar_and_file_caps)
{
	struct ytree_limits lim = ytree_default_limits;
	char *got;

	lim.max_scalar = 4;
	got = failure("a: 12345\n", &lim);
	cr_expect_str_eq(got, "t.yaml:1:4: error: this text is too long (5 "
	    "bytes; the most is 4); split it into several pages");
	free(got);
	lim = ytree_default_limits;
	lim.max_bytes = 8;
	got = failure("a: 123456789\n", &lim);
	cr_expect_str_eq(got, "t.yaml: error: the file is too big (13 bytes; "
	    "the most is 8); split it into several lessons");
	free(got);
}

Test(yaml_tree, puts_syntax_errors_in_an_educators_words)
{
	struct { const char *in, *want; } cases[] = {
		{ "a:\n\t- b\n", "t.yaml:2:1: error: a tab is used for "
		    "indentation here; YAML needs spaces: replace the tab with "
		    "spaces" },
		{ "a: \"open\n", "t.yaml:1:4: error: this quote is opened but "
		    "never closed; add the closing quote" },
		{ "a: b: c\n", "t.yaml:1:5: error: unexpected ':' here; if the "
		    "text contains ': ', put the whole text in quotes, "
		    "otherwise check this line's indentation" },
		{ "a: @b\n", "t.yaml:1:4: error: a value cannot start with '@' "
		    "or '`'; put the whole text in quotes" },
		{ "a: [b, c\n", "t.yaml:1:4: error: a '[' or '{' list opened "
		    "here is not closed properly; check its commas and the "
		    "closing ']' or '}'" },
		{ "a:\n  b: 1\n c: 2\n", "t.yaml:3:2: error: this line is not "
		    "lined up with the lines above it; check the spaces at its "
		    "start (keys of one mapping, and the '- ' of one list, "
		    "must start in the same column)" },
	};
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
		char *got = failure(cases[i].in, NULL);

		cr_expect_str_eq(got, cases[i].want, "input: %s", cases[i].in);
		free(got);
	}
}

Test(yaml_tree, reports_invalid_utf8_at_its_line_and_column)
{
	char *got = failure("a: ok\nb: caf\xe9\n", NULL);

	cr_expect_str_eq(got, "t.yaml:2:7: error: the file is not valid UTF-8 "
	    "text here; save it as UTF-8 in your editor");
	free(got);
}

/* The head of a document: only the keys asked for, up to a stop key. */
static int
parse_head(const char *text, struct ytree *t, struct diag_list *d)
{
	static const char *const keys[] = { "id", "title" };

	diag_list_init(d);
	return ytree_parse_head(t, "t.yaml", text, strlen(text), keys, 2,
	    "steps", d);
}

Test(yaml_tree, a_head_keeps_only_its_keys_and_stops_at_the_stop_key)
{
	struct ytree t;
	struct diag_list d;
	struct ynode *title;

	/* Other values, nested or not, are stepped over; the error after
	 * 'steps:' is never read. */
	cr_assert_eq(parse_head("sources:\n  - a: [1, {b: 2}]\n  - c\n"
	    "id: x\nnote: >\n  folded\ntitle: \"T: t\"\nsteps:\n  - ]]]\n",
	    &t, &d), 0);
	cr_assert_eq(d.count, 0);
	cr_assert_not_null(t.root);
	cr_assert_eq(t.root->type, YNODE_MAP);
	cr_assert_eq(t.root->u.map.count, 2);
	cr_expect_null(ynode_get(t.root, "sources"));
	cr_expect_null(ynode_get(t.root, "note"));
	title = ynode_get(t.root, "title");
	cr_assert_not_null(title);
	cr_expect_str_eq(title->u.scalar.text, "T: t");
	cr_expect_eq(title->line, 7);
	cr_expect_eq(title->col, 8);
	ytree_finish(&t);
	diag_list_finish(&d);

	/* The whole parse of the same text finds the error. */
	cr_assert_eq(parse("id: x\ntitle: t\nsteps:\n  - ]]]\n", &t, &d,
	    NULL), -1);
	diag_list_finish(&d);
}

Test(yaml_tree, a_head_stops_once_every_key_is_read)
{
	struct ytree t;
	struct diag_list d;

	/* No stop key here: the bad line after both keys is not reached. */
	cr_assert_eq(parse_head("title: t\nid: {k: v}\nbroken: [\n", &t, &d),
	    0);
	cr_assert_eq(t.root->u.map.count, 2);
	cr_expect_eq(ynode_get(t.root, "id")->type, YNODE_MAP);
	ytree_finish(&t);
	diag_list_finish(&d);

	/* A key missing: read to the end, and keep what there is. */
	cr_assert_eq(parse_head("id: x\nother: [1, 2]\n", &t, &d), 0);
	cr_assert_eq(t.root->u.map.count, 1);
	ytree_finish(&t);
	diag_list_finish(&d);
}

Test(yaml_tree, a_head_still_reports_problems_in_what_it_reads)
{
	struct ytree t;
	struct diag_list d;

	cr_assert_eq(parse_head("- a\n- b\n", &t, &d), -1);
	cr_assert_eq(d.count, 1);
	cr_expect_eq(d.items[0].line, 1);
	cr_expect_null(t.root);
	diag_list_finish(&d);

	cr_assert_eq(parse_head("id: x\nid: y\n", &t, &d), -1);
	cr_expect_eq(d.items[0].code, DIAG_DUPLICATE_KEY);
	diag_list_finish(&d);

	cr_assert_eq(parse_head("junk: [1, 2\nid: x\n", &t, &d), -1);
	cr_expect_eq(d.items[0].code, DIAG_SYNTAX);
	diag_list_finish(&d);

	/* An empty document has no root, as with ytree_parse. */
	cr_assert_eq(parse_head("", &t, &d), 0);
	cr_expect_null(t.root);
	diag_list_finish(&d);
}

/* The quick head against libyaml's --------------------------------- */

static const char *const head_keys[] = {
	"id", "title", "topic", "ages", "minutes",
};

static bool
same_node(const struct ynode *a, const struct ynode *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->type != b->type || a->line != b->line || a->col != b->col)
		return false;
	switch (a->type) {
	case YNODE_SCALAR:
		return a->u.scalar.len == b->u.scalar.len &&
		    a->u.scalar.plain == b->u.scalar.plain &&
		    memcmp(a->u.scalar.text, b->u.scalar.text,
		    a->u.scalar.len) == 0;
	case YNODE_MAP:
		if (a->u.map.count != b->u.map.count)
			return false;
		for (i = 0; i < a->u.map.count; i++) {
			if (!same_node(a->u.map.pairs[i].key,
			    b->u.map.pairs[i].key) ||
			    !same_node(a->u.map.pairs[i].value,
			    b->u.map.pairs[i].value))
				return false;
		}
		return true;
	case YNODE_SEQ:
		if (a->u.seq.count != b->u.seq.count)
			return false;
		for (i = 0; i < a->u.seq.count; i++) {
			if (!same_node(a->u.seq.items[i], b->u.seq.items[i]))
				return false;
		}
		return true;
	}
	return false;
}

/* Whenever the quick head answers, libyaml answers the same.  Returns
 * whether the quick way was taken. */
static bool
quick_agrees(const char *what, const char *text, size_t len)
{
	struct ytree q, y;
	struct diag_list dq, dy;
	size_t hits = ytree_quick_hits;
	int rq, ry;
	bool quick;

	diag_list_init(&dq);
	diag_list_init(&dy);
	ytree_quick_head = true;
	rq = ytree_parse_head(&q, "t.yaml", text, len, head_keys, 5, "steps",
	    &dq);
	quick = ytree_quick_hits != hits;
	ytree_quick_head = false;
	ry = ytree_parse_head(&y, "t.yaml", text, len, head_keys, 5, "steps",
	    &dy);
	ytree_quick_head = true;
	if (quick && ry != 0) {
		/* libyaml's head can fail on a bad character further on
		 * that it has already read: the whole file must fail then. */
		struct ytree w;

		cr_expect_neq(ytree_parse(&w, "t.yaml", text, len, NULL, &dy), 0,
		    "%s: read quickly, but libyaml's head fails on a file that "
		    "reads", what);
	} else if (quick) {
		cr_expect(same_node(q.root, y.root),
		    "%s: the quick head differs from libyaml's", what);
	} else {
		/* Not sure: it is libyaml's answer. */
		cr_expect_eq(rq, ry, "%s", what);
		cr_expect(rq != 0 || same_node(q.root, y.root), "%s", what);
	}
	if (rq == 0)
		ytree_finish(&q);
	if (ry == 0)
		ytree_finish(&y);
	diag_list_finish(&dq);
	diag_list_finish(&dy);
	return quick;
}

static size_t
quick_agrees_in(const char *dir, const char *file, size_t *files)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t quick = 0;

	cr_assert_not_null(dp, "%s", dir);
	while ((de = readdir(dp)) != NULL) {
		char *path, *data;
		size_t len;

		if (de->d_name[0] == '.')
			continue;
		path = file != NULL ? xasprintf("%s/%s/%s", dir, de->d_name,
		    file) : xasprintf("%s/%s", dir, de->d_name);
		if (read_file(path, 1 << 20, &data, &len) == 0) {
			quick += quick_agrees(path, data, len);
			(*files)++;
			free(data);
		}
		free(path);
	}
	closedir(dp);
	return quick;
}

Test(yaml_tree, the_quick_head_reads_what_libyaml_reads)
{
	size_t files = 0, quick;

	/* Every shipped lesson is read the quick way. */
	quick = quick_agrees_in("../lessons/en", NULL, &files);
	quick += quick_agrees_in("../lessons/es", NULL, &files);
	cr_expect_eq(quick, files - 2, "%zu of %zu (less two course files)",
	    quick, files);
	quick_agrees_in("data/lessons/good", NULL, &files);
	quick_agrees_in("data/lessons/bad", NULL, &files);
	quick_agrees_in("data/yaml-test-suite", "in.yaml", &files);
	quick_agrees_in("fuzz/corpus/lesson", NULL, &files);
	cr_expect_gt(files, 500);
}

Test(yaml_tree, the_quick_head_is_not_sure_of_anything_unusual)
{
	static const char *const tricky[] = {
		/* Read quickly. */
		"id: a\ntitle: T\ntopic: help\nages: 13-17\nminutes: 5\n",
		"# c\n\nid: a # c\ntitle: \"Q: x\"\ntopic: help\n"
		    "ages: 13-17\nminutes: 5\nsteps: []\n",
		"id: a\ntitle: 'It is'\ntopic: help\nages: x\nminutes: 5\n",
		"id: a\ntitle: \"Caf\xc3\xa9 \xe6\x97\xa5\"\ntopic: help\n"
		    "ages: 1\nminutes: 5\n",
		"minutes: 5\nages: 1\ntopic: help\ntitle: T\nid: a\n",
		"id: a\ntitle: \"T\"   # note\ntopic: h\nages: 1\nminutes: 5",
		"id: a\ntitle: \"The \\\"boyfriend\\\" \\\\ x\"\ntopic: h\n"
		    "ages: 1\nminutes: 5\n",
		/* Going on to the next line, in any way. */
		"id: a\ntitle: T\ntopic: help\nages: 1\nminutes: 5\n  6\n",
		"id: a\ntitle: T\n  more\ntopic: help\nages: 1\nminutes: 5\n",
		"id: a\ntitle: \"T\n  more\"\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: T\ntopic: help\nages: 1\nminutes: 5\n\tx\n",
		"id: a\ntitle: >\n  T\ntopic: help\nages: 1\nminutes: 5\n",
		/* Keys out of the head first, twice, or odd. */
		"id: a\nnote: \"x\nminutes: 9\"\ntitle: T\ntopic: h\n"
		    "ages: 1\nminutes: 5\n",
		"id: a\nid: b\ntitle: T\ntopic: h\nages: 1\nminutes: 5\n",
		"id : a\ntitle: T\ntopic: h\nages: 1\nminutes: 5\n",
		"\"id\": a\ntitle: T\ntopic: h\nages: 1\nminutes: 5\n",
		"---\nid: a\ntitle: T\ntopic: h\nages: 1\nminutes: 5\n",
		"\xef\xbb\xbfid: a\ntitle: T\ntopic: h\nages: 1\nminutes: 5\n",
		/* What YAML reads differently or refuses. */
		"id: a\ntitle: \"a\\tb\"\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: 'It''s'\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\r\ntitle: T\r\ntopic: h\r\nages: 1\r\nminutes: 5\r\n",
		"id: a\ntitle: a: b\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: &x T\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: !t T\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: T\xc2\x85U\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: T\xe2\x80\xa8U\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: T\xff\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: T\x01\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: \"a\"b\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: -x\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle:\ntopic: h\nages: 1\nminutes: 5\n",
		"id: a\ntitle: T\ntopic: h\nages: 1\n",
		"",
	};
	size_t i, quick = 0;

	for (i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
		char *what = xasprintf("case %zu", i);

		if (quick_agrees(what, tricky[i], strlen(tricky[i])))
			quick++;
		else
			cr_expect_geq(i, 7, "case %zu should be read quickly",
			    i);
		free(what);
	}
	cr_expect_eq(quick, 7, "%zu read quickly", quick);
}

/* From any start of a file, the prefix head is either not sure or the
 * whole file's head. */
static void
prefixes_agree(const char *what, const char *text, size_t len, size_t upto)
{
	struct ytree whole, part;
	struct diag_list d;
	size_t cut;
	int rw;

	diag_list_init(&d);
	rw = ytree_parse_head(&whole, "t.yaml", text, len, head_keys, 5,
	    "steps", &d);
	for (cut = 0; cut <= len && cut <= upto; cut++) {
		if (ytree_parse_head_prefix(&part, "t.yaml", text, cut,
		    head_keys, 5) != 0)
			continue;
		cr_assert(rw != 0 || same_node(part.root, whole.root),
		    "%s: the head from %zu bytes differs", what, cut);
		ytree_finish(&part);
	}
	if (rw == 0)
		ytree_finish(&whole);
	diag_list_finish(&d);
}

Test(yaml_tree, a_head_from_the_start_of_a_file_is_the_whole_files_head)
{
	static const char *const cases[] = {
		"id: a\ntitle: T\ntopic: help\nages: 13-17\nminutes: 14\n  5\n",
		"id: a\ntitle: T\ntopic: help\nages: 13-17\nminutes: 14\nx: 1\n",
		"id: a\ntitle: T\ntopic: help\nages: 13-17\nminutes: 14\n\n  5\n",
		"id: a\ntitle: \"T\"\ntopic: help\nages: 1\nminutes: 14",
	};
	const char *files[] = {
		"../lessons/en/grooming-how-it-starts.yaml",
		"../lessons/es/sextortion-what-to-do.yaml",
		"data/lessons/good/full.yaml",
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		prefixes_agree(cases[i], cases[i], strlen(cases[i]), 1000);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *data;
		size_t len;

		cr_assert_eq(read_file(files[i], 1 << 20, &data, &len), 0);
		prefixes_agree(files[i], data, len, 2000);
		free(data);
	}
}
