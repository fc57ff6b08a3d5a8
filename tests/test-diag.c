/* test-diag.c - located problems: formatting, sorting, counting, excerpts. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

static void
set_locale(void)
{
	/* Widths come from wcwidth(): meson runs the tests in C.UTF-8. */
	setlocale(LC_ALL, "");
}

TestSuite(diag, .init = set_locale);

/* One problem, formatted, as a new string. */
static char *
format_one(const char *file, int line, int col, enum diag_severity sev,
    const char *msg)
{
	struct diag_list l;
	char *s;

	diag_list_init(&l);
	diag_add(&l, sev, DIAG_UNKNOWN_KEY, file, line, col, "%s", msg);
	s = diag_format(&l.items[0]);
	diag_list_finish(&l);
	return s;
}

/* What diag_print writes for one problem at line:col of 'source'. */
static char *
print_one(const char *file, int line, int col, const char *msg,
    const char *source)
{
	struct diag_list l;
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);

	cr_assert_not_null(f);
	diag_list_init(&l);
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, file, line, col, "%s", msg);
	diag_print(f, &l.items[0], source, source ? strlen(source) : 0);
	cr_assert_eq(fclose(f), 0);
	diag_list_finish(&l);
	cr_assert_eq(strlen(out), outlen, "a NUL byte in the output");
	return out;
}

Test(diag, add_copies_the_file_and_formats_the_message)
{
	struct diag_list l;
	char file[] = "lessons/en/a.yaml";

	diag_list_init(&l);
	cr_assert_eq(l.count, 0);
	diag_add(&l, DIAG_WARNING, DIAG_CONTENT, file, 3, 9, "%s '%s' %d",
	    "unknown key", "choises", 2);
	file[0] = 'X';
	cr_assert_eq(l.count, 1);
	cr_assert_str_eq(l.items[0].file, "lessons/en/a.yaml");
	cr_assert_eq(l.items[0].line, 3);
	cr_assert_eq(l.items[0].col, 9);
	cr_assert_eq(l.items[0].severity, DIAG_WARNING);
	cr_assert_eq(l.items[0].code, DIAG_CONTENT);
	cr_assert_str_eq(l.items[0].message, "unknown key 'choises' 2");
	diag_list_finish(&l);
	cr_assert_eq(l.count, 0);
	cr_assert_null(l.items);
}

Test(diag, list_grows_past_its_first_block)
{
	struct diag_list l;
	int i;

	diag_list_init(&l);
	for (i = 0; i < 100; i++)
		diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "f.yaml", i + 1, 1,
		    "problem %d", i);
	cr_assert_eq(l.count, 100);
	for (i = 0; i < 100; i++) {
		char want[32];

		snprintf(want, sizeof want, "problem %d", i);
		cr_assert_str_eq(l.items[i].message, want);
		cr_assert_eq(l.items[i].line, i + 1);
	}
	diag_list_finish(&l);
}

Test(diag, finish_of_null_is_a_no_op)
{
	struct diag_list l;

	diag_list_finish(NULL);
	diag_list_init(&l);
	diag_list_finish(&l);
	cr_assert_eq(l.count, 0);
}

Test(diag, format_gives_file_line_col_severity_message)
{
	char *s = format_one("f.yaml", 12, 7, DIAG_ERROR, "msg");

	cr_assert_str_eq(s, "f.yaml:12:7: error: msg");
	free(s);
	s = format_one("lessons/en/grooming.yaml", 3, 1, DIAG_WARNING,
	    "unknown key 'choises' (did you mean 'choices'?)");
	cr_assert_str_eq(s, "lessons/en/grooming.yaml:3:1: warning: "
	    "unknown key 'choises' (did you mean 'choices'?)");
	free(s);
}

Test(diag, format_without_a_line_gives_just_the_file)
{
	char *s = format_one("f.yaml", 0, 0, DIAG_ERROR, "msg");

	cr_assert_str_eq(s, "f.yaml: error: msg");
	free(s);
	s = format_one("f.yaml", 0, 0, DIAG_WARNING, "cannot read");
	cr_assert_str_eq(s, "f.yaml: warning: cannot read");
	free(s);
}

Test(diag, message_escape_sequences_are_removed)
{
	char *s = format_one("f.yaml", 2, 4, DIAG_ERROR,
	    "bad \x1b[31mred\x1b[0m key\x07");

	cr_assert_str_eq(s, "f.yaml:2:4: error: bad red key");
	cr_assert_null(strchr(s, '\x1b'));
	free(s);
}

Test(diag, file_name_escape_sequences_are_removed)
{
	char *s = format_one("evil\x1b]0;pwned\x07.yaml", 1, 2, DIAG_ERROR,
	    "msg");

	cr_assert_str_eq(s, "evil.yaml:1:2: error: msg");
	free(s);
	s = format_one("a\x1b[2Jb.yaml", 0, 0, DIAG_ERROR, "msg");
	cr_assert_str_eq(s, "ab.yaml: error: msg");
	free(s);
}

Test(diag, count_counts_by_severity)
{
	struct diag_list l;

	diag_list_init(&l);
	cr_assert_eq(diag_count(&l, DIAG_ERROR), 0);
	cr_assert_eq(diag_count(&l, DIAG_WARNING), 0);
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "a", 1, 1, "e1");
	diag_add(&l, DIAG_WARNING, DIAG_CONTENT, "a", 2, 1, "w1");
	diag_add(&l, DIAG_ERROR, DIAG_ANSWER, "b", 3, 1, "e2");
	diag_add(&l, DIAG_WARNING, DIAG_CONTENT, "b", 4, 1, "w2");
	diag_add(&l, DIAG_WARNING, DIAG_CONTENT, "b", 5, 1, "w3");
	cr_assert_eq(diag_count(&l, DIAG_ERROR), 2);
	cr_assert_eq(diag_count(&l, DIAG_WARNING), 3);
	diag_list_finish(&l);
}

Test(diag, sort_orders_by_file_then_line_then_column)
{
	struct diag_list l;
	static const char *const want[] = {
		"a:0:0", "a:1:5", "a:2:1", "a:2:3", "a:10:1", "b:1:1", "b:1:2",
	};
	size_t i;

	diag_list_init(&l);
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "b", 1, 2, "b:1:2");
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "a", 10, 1, "a:10:1");
	diag_add(&l, DIAG_WARNING, DIAG_SYNTAX, "a", 2, 3, "a:2:3");
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "b", 1, 1, "b:1:1");
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "a", 2, 1, "a:2:1");
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "a", 1, 5, "a:1:5");
	diag_add(&l, DIAG_ERROR, DIAG_IO, "a", 0, 0, "a:0:0");
	diag_sort(&l);
	cr_assert_eq(l.count, RF_ARRAY_LEN(want));
	for (i = 0; i < l.count; i++)
		cr_assert_str_eq(l.items[i].message, want[i], "item %zu", i);
	/* The files moved with their problems. */
	cr_assert_str_eq(l.items[0].file, "a");
	cr_assert_str_eq(l.items[6].file, "b");
	cr_assert_eq(l.items[2].severity, DIAG_ERROR);
	cr_assert_eq(l.items[3].severity, DIAG_WARNING);
	diag_list_finish(&l);
}

Test(diag, sort_keeps_the_found_order_for_one_place)
{
	struct diag_list l;
	char want[16];
	int i;

	diag_list_init(&l);
	/* Interleave two places; each keeps its own order. */
	for (i = 0; i < 20; i++)
		diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "f", i % 2 ? 3 : 7, 2,
		    "%d", i);
	diag_sort(&l);
	cr_assert_eq(l.count, 20);
	for (i = 0; i < 10; i++) {
		snprintf(want, sizeof want, "%d", 2 * i + 1);
		cr_assert_eq(l.items[i].line, 3);
		cr_assert_str_eq(l.items[i].message, want, "item %d", i);
		snprintf(want, sizeof want, "%d", 2 * i);
		cr_assert_eq(l.items[10 + i].line, 7);
		cr_assert_str_eq(l.items[10 + i].message, want, "item %d",
		    10 + i);
	}
	diag_list_finish(&l);
}

Test(diag, sort_of_short_lists_leaves_them_alone)
{
	struct diag_list l;

	diag_list_init(&l);
	diag_sort(&l);
	cr_assert_eq(l.count, 0);
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "z", 9, 9, "only");
	diag_sort(&l);
	cr_assert_eq(l.count, 1);
	cr_assert_str_eq(l.items[0].message, "only");
	diag_list_finish(&l);
}

/* diag_print: the header, then the line and a caret under the column. */

struct caret_case {
	char source[64];
	int line;
	int col;
	char want[160];
};

ParameterizedTestParameters(diag, print_puts_the_caret_under_the_column)
{
	static struct caret_case cases[] = {
		{ "  choises: x\n", 1, 3,
		    "f.yaml:1:3: error: m\n"
		    "    1 |   choises: x\n"
		    "      |   ^\n" },
		{ "id: x\n", 1, 1,
		    "f.yaml:1:1: error: m\n"
		    "    1 | id: x\n"
		    "      | ^\n" },
		/* the second line, and a line without a newline */
		{ "a: 1\nbb: 2", 2, 4,
		    "f.yaml:2:4: error: m\n"
		    "    2 | bb: 2\n"
		    "      |    ^\n" },
		/* CRLF: the CR is not part of the line */
		{ "a: 1\r\nb: 2\r\n", 1, 4,
		    "f.yaml:1:4: error: m\n"
		    "    1 | a: 1\n"
		    "      |    ^\n" },
		/* a tab is shown as an arrow, one column wide */
		{ "\tkey: v\n", 1, 2,
		    "f.yaml:1:2: error: m\n"
		    "    1 | \xe2\x86\x92key: v\n"
		    "      |  ^\n" },
		{ "a\tb\tc\n", 1, 5,
		    "f.yaml:1:5: error: m\n"
		    "    1 | a\xe2\x86\x92" "b\xe2\x86\x92" "c\n"
		    "      |     ^\n" },
		{ "a\tb\n", 1, 2,
		    "f.yaml:1:2: error: m\n"
		    "    1 | a\xe2\x86\x92" "b\n"
		    "      |  ^\n" },
		/* wide characters before the column take two cells each */
		{ "\xe5\x90\x8d\xe5\x89\x8d: x\n", 1, 3,
		    "f.yaml:1:3: error: m\n"
		    "    1 | \xe5\x90\x8d\xe5\x89\x8d: x\n"
		    "      |     ^\n" },
		{ "t: \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e!\n", 1, 7,
		    "f.yaml:1:7: error: m\n"
		    "    1 | t: \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e!\n"
		    "      |          ^\n" },
		/* a combining mark takes no cell */
		{ "e\xcc\x81x\n", 1, 3,
		    "f.yaml:1:3: error: m\n"
		    "    1 | e\xcc\x81x\n"
		    "      |  ^\n" },
		/* just past the end of the line, and further */
		{ "key:\n", 1, 5,
		    "f.yaml:1:5: error: m\n"
		    "    1 | key:\n"
		    "      |     ^\n" },
		{ "ab\n", 1, 6,
		    "f.yaml:1:6: error: m\n"
		    "    1 | ab\n"
		    "      |      ^\n" },
		/* an escape sequence in the line is not printed, and the
		 * caret is still under the right character */
		{ "a\x1b[31m" "b: c\n", 1, 7,
		    "f.yaml:1:7: error: m\n"
		    "    1 | ab: c\n"
		    "      |  ^\n" },
		{ "x\x1b[1mz\x1b[0m: \x07q\n", 1, 14,
		    "f.yaml:1:14: error: m\n"
		    "    1 | xz: q\n"
		    "      |     ^\n" },
		/* a bidi override is dropped; a bad byte shows as U+FFFD */
		{ "\xe2\x80\xae" "ab: c\n", 1, 3,
		    "f.yaml:1:3: error: m\n"
		    "    1 | ab: c\n"
		    "      |  ^\n" },
		{ "\xff" "a: b\n", 1, 4,
		    "f.yaml:1:4: error: m\n"
		    "    1 | \xef\xbf\xbd" "a: b\n"
		    "      |    ^\n" },
	};

	return cr_make_param_array(struct caret_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct caret_case *c, diag,
    print_puts_the_caret_under_the_column)
{
	char *out = print_one("f.yaml", c->line, c->col, "m", c->source);

	cr_assert_str_eq(out, c->want);
	cr_assert_null(strchr(out, '\x1b'));
	free(out);
}

Test(diag, print_of_a_far_line_widens_the_gutter)
{
	struct buf src;
	char *out;
	int i;

	buf_init(&src);
	for (i = 1; i < 123456; i++)
		buf_addc(&src, '\n');
	buf_adds(&src, "  k: v\n");
	out = print_one("f.yaml", 123456, 3, "m", src.data);
	cr_assert_str_eq(out, "f.yaml:123456:3: error: m\n"
	    "123456 |   k: v\n"
	    "      |   ^\n");
	free(out);
	buf_finish(&src);
}

Test(diag, print_without_source_or_line_prints_only_the_header)
{
	char *out = print_one("f.yaml", 3, 2, "m", NULL);

	cr_assert_str_eq(out, "f.yaml:3:2: error: m\n");
	free(out);
	out = print_one("f.yaml", 0, 0, "cannot read", "a: 1\n");
	cr_assert_str_eq(out, "f.yaml: error: cannot read\n");
	free(out);
}

Test(diag, print_of_a_line_past_the_end_prints_only_the_header)
{
	char *out = print_one("f.yaml", 5, 1, "m", "a: 1\nb: 2\n");

	cr_assert_str_eq(out, "f.yaml:5:1: error: m\n");
	free(out);
}

Test(diag, print_skips_an_excerpt_over_400_bytes)
{
	char src[502];
	char *out;

	memset(src, 'a', 501);
	src[501] = '\0';
	out = print_one("f.yaml", 1, 3, "m", src);
	cr_assert_str_eq(out, "f.yaml:1:3: error: m\n");
	free(out);
	/* 400 is still shown */
	src[400] = '\0';
	out = print_one("f.yaml", 1, 1, "m", src);
	cr_assert_eq(strncmp(out, "f.yaml:1:1: error: m\n    1 | aaaa", 33), 0);
	free(out);
}

Test(diag, print_sanitises_the_header_too)
{
	char *out = print_one("bad\x1b[2J.yaml", 1, 2,
	    "oops \x1b]8;;http://x\x07link", "a: b\n");

	cr_assert_str_eq(out, "bad.yaml:1:2: error: oops link\n"
	    "    1 | a: b\n"
	    "      |  ^\n");
	cr_assert_null(strchr(out, '\x1b'));
	cr_assert_null(strchr(out, '\x07'));
	free(out);
}

Test(diag, first_finds_the_first_of_a_severity)
{
	struct diag_list l;

	diag_list_init(&l);
	cr_expect_null(diag_first(&l, DIAG_ERROR));
	diag_add(&l, DIAG_WARNING, DIAG_CONTENT, "a.yaml", 1, 1, "w");
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "a.yaml", 2, 1, "e1");
	diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, "a.yaml", 3, 1, "e2");
	cr_assert_not_null(diag_first(&l, DIAG_ERROR));
	cr_expect_str_eq(diag_first(&l, DIAG_ERROR)->message, "e1");
	cr_expect_str_eq(diag_first(&l, DIAG_WARNING)->message, "w");
	diag_list_finish(&l);
}
