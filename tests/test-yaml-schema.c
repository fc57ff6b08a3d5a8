/*
 * tests/test-yaml-schema.c - the table-driven walker's pieces, without a
 * file: text fields (held to text_sanitize), ids, numbers, and how a
 * mapping is named in its messages.
 */
#include <criterion/criterion.h>

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"
#include "util.h"
#include "yaml-schema.h"
#include "yaml-tree.h"

static void
setup(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
}

TestSuite(yaml_schema, .init = setup);

static struct ynode
scalar(const char *text, size_t len, bool plain)
{
	struct ynode n;

	memset(&n, 0, sizeof n);
	n.type = YNODE_SCALAR;
	n.line = 3;
	n.col = 7;
	n.u.scalar.text = (char *)text;
	n.u.scalar.len = len;
	n.u.scalar.plain = plain;
	return n;
}

static uint64_t rng_state = 1;

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Pieces that reach every branch of the scan: ASCII runs longer than a
 * word, tabs, line breaks, accents and dashes, the line separators,
 * hidden characters, controls, escapes, invalid bytes. */
static const char *const pieces[] = {
	"a", "word ", "a longer run of plain ascii text", "\t", "\n", "\n\n",
	"- ", "é", "ñ", "¿", "—", "’", "你好", "😀", "e\xcc\x81",
	"\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xae", "\xe2\x80\x8b",
	"\xef\xbb\xbf", "\xc2\x85", "\xc2\x9b", "\x1b[31m", "\x7f", "\r",
	"\x01", "\xff", "\xe4\xbd", "\xc0\xaf", "\xed\xa0\x80",
};

/*
 * For any text, schema_text gives what text_sanitize gives (or refuses an
 * invalid one and reports it), whichever way it takes: the copy for
 * text it finds plain, or the sanitiser.
 */
Test(yaml_schema, text_is_what_the_sanitiser_makes_of_it)
{
	char buf[400];
	size_t i, len, n;

	for (i = 0; i < 20000; i++) {
		struct diag_list d;
		struct schema sc = { "t.yaml", &d };
		struct ynode node;
		bool multiline = i % 2;
		size_t bad;
		char *got, *want;

		len = 0;
		n = rng() % 12;
		while (n-- > 0) {
			const char *p = pieces[rng() % RF_ARRAY_LEN(pieces)];
			size_t pl = strlen(p);

			if (len + pl >= sizeof buf)
				break;
			memcpy(buf + len, p, pl);
			len += pl;
		}
		buf[len] = '\0';
		node = scalar(buf, len, true);
		diag_list_init(&d);
		got = schema_text(&sc, &node, "text", multiline);
		if (!text_utf8_valid(buf, len, &bad)) {
			cr_assert_null(got, "case %zu", i);
			cr_assert_eq(d.count, 1);
			cr_expect_str_eq(d.items[0].message, "'text' is not "
			    "valid UTF-8 text; check escapes such as \"\\x..\" "
			    "or save the file as UTF-8");
		} else if (strspn(buf, " \t\n\r") == len) {
			cr_assert_null(got, "case %zu", i);
			cr_expect_eq(d.count, 1);
		} else {
			want = text_sanitize(buf, len,
			    multiline ? TEXT_KEEP_NEWLINES : 0);
			cr_assert_not_null(got, "case %zu", i);
			cr_assert_str_eq(got, want, "case %zu", i);
			/* A warning exactly when something was hidden. */
			cr_expect_leq(d.count, 1);
			free(want);
		}
		free(got);
		diag_list_finish(&d);
	}
}

Test(yaml_schema, hidden_characters_are_removed_with_a_warning)
{
	static const char text[] = "Hi\xe2\x80\xae there\x1b[2J";
	struct diag_list d;
	struct schema sc = { "t.yaml", &d };
	struct ynode node = scalar(text, sizeof text - 1, true);
	char *got;

	diag_list_init(&d);
	got = schema_text(&sc, &node, "title", false);
	cr_assert_str_eq(got, "Hi there");
	cr_assert_eq(d.count, 1);
	cr_expect_eq(d.items[0].severity, DIAG_WARNING);
	cr_expect_eq(d.items[0].line, 3);
	cr_expect_eq(d.items[0].col, 7);
	cr_expect(strstr(d.items[0].message, "invisible control") != NULL);
	free(got);
	diag_list_finish(&d);
}

Test(yaml_schema, accented_text_is_kept_and_one_line_text_loses_breaks)
{
	static const char text[] = "¿Qué\tpasa?\nNada — todo bien";
	struct diag_list d;
	struct schema sc = { "t.yaml", &d };
	struct ynode node = scalar(text, sizeof text - 1, true);
	char *one, *many;

	diag_list_init(&d);
	one = schema_text(&sc, &node, "title", false);
	many = schema_text(&sc, &node, "text", true);
	cr_expect_str_eq(one, "¿Qué pasa? Nada — todo bien");
	cr_expect_str_eq(many, "¿Qué pasa?\nNada — todo bien");
	cr_expect_eq(d.count, 0);
	free(one);
	free(many);
	diag_list_finish(&d);
}

Test(yaml_schema, ids_and_numbers)
{
	struct diag_list d;
	struct schema sc = { "t.yaml", &d };
	struct ynode good = scalar("move-apps", 9, true);
	struct ynode bad = scalar("Move Apps", 9, true);
	struct ynode num = scalar("12", 2, true);
	struct ynode quoted = scalar("12", 2, false);
	struct ynode big = scalar("121", 3, true);
	char *id;
	int v = 0;

	diag_list_init(&d);
	id = schema_id(&sc, &good, "id");
	cr_expect_str_eq(id, "move-apps");
	free(id);
	cr_expect_null(schema_id(&sc, &bad, "id"));
	cr_expect(schema_int(&sc, &num, "minutes", 1, 120, &v));
	cr_expect_eq(v, 12);
	cr_expect_not(schema_int(&sc, &quoted, "minutes", 1, 120, &v));
	cr_expect_not(schema_int(&sc, &big, "minutes", 1, 120, &v));
	cr_assert_eq(d.count, 3);
	cr_expect(strstr(d.items[0].message, "not a valid id") != NULL);
	cr_expect(strstr(d.items[1].message, "whole number") != NULL);
	diag_list_finish(&d);
}

struct thing {
	char *name;
	int size;
};

static const struct schema_field thing_fields[] = {
	{ "name", SF_LINE, true, offsetof(struct thing, name), 0, 0, 0, NULL,
	    "a name" },
	{ "size", SF_INT, true, offsetof(struct thing, size), 0, 1, 9, NULL,
	    "a number" },
};

/* The mapping's name in a message is made only when there is one, from
 * a (translatable) name with or without its one %s. */
Test(yaml_schema, a_mapping_is_named_in_its_messages)
{
	struct diag_list d;
	struct schema sc = { "t.yaml", &d };
	struct ynode key = scalar("nmae", 4, true);
	struct ynode val = scalar("x", 1, true);
	struct ypair pair = { &key, &val };
	struct ynode map, list = scalar("no", 2, true);
	struct thing t = { NULL, 0 };

	memset(&map, 0, sizeof map);
	map.type = YNODE_MAP;
	map.line = 1;
	map.col = 1;
	map.u.map.pairs = &pair;
	map.u.map.count = 1;
	diag_list_init(&d);
	cr_assert(schema_walk(&sc, &map, thing_fields, 2, &t,
	    "this %s step", "page"));
	cr_assert_eq(d.count, 2);
	cr_expect_str_eq(d.items[0].message,
	    "unknown key 'nmae' (did you mean 'name'?)");
	cr_expect_str_eq(d.items[1].message,
	    "this page step has no 'size'; add 'size:' with a number");
	cr_expect_not(schema_walk(&sc, &list, thing_fields, 2, &t,
	    "the lesson", NULL));
	cr_assert_eq(d.count, 3);
	cr_expect_str_eq(d.items[2].message, "the lesson should be a mapping "
	    "(key: value lines), not a text value");
	free(t.name);
	diag_list_finish(&d);
}
