/*
 * tests/test-hostile.c - the hostile inputs TESTING.md names, through the
 * real loader: each is rejected with a located message, without a crash,
 * and without a hang (the timeouts are a hang guard, not a benchmark:
 * speed is measured in bench/).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "util.h"
#include "yaml-tree.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(hostile, .init = setup, .timeout = 20);

/* Parse data as a lesson: it must fail with one located error. */
static char *
reject(const char *data, size_t len)
{
	struct diag_list d;
	struct lesson *l;
	char *s;

	diag_list_init(&d);
	l = lesson_parse("h.yaml", data, len, &d);
	if (l != NULL)
		lesson_check(l, &d);
	cr_assert_geq(diag_count(&d, DIAG_ERROR), 1, "accepted");
	s = diag_format(&d.items[0]);
	lesson_destroy(l);
	diag_list_finish(&d);
	return s;
}

Test(hostile, two_hundred_thousand_nested_brackets)
{
	size_t n = 200000, len = 4 + n;
	char *data = xmalloc(len + 1);
	char *got;

	memcpy(data, "id: ", 4);
	memset(data + 4, '[', n);
	data[len] = '\0';
	got = reject(data, len);
	cr_expect_str_eq(got, "h.yaml:1:36: error: the file is nested too "
	    "deeply (more than 32 levels); lessons never need this much");
	free(got);
	free(data);
}

Test(hostile, an_alias_bomb_stops_at_its_first_anchor)
{
	const char *bomb =
	    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
	    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
	    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
	char *got = reject(bomb, strlen(bomb));

	cr_expect_str_eq(got, "h.yaml:1:4: error: anchors ('&name') are not "
	    "allowed in lesson files; write the text out in full");
	free(got);
}

static char *
big_scalar(size_t n, size_t *len)
{
	char *data = xmalloc(n + 16);

	memcpy(data, "title: ", 7);
	memset(data + 7, 'a', n);
	data[7 + n] = '\n';
	*len = 8 + n;
	data[*len] = '\0';
	return data;
}

Test(hostile, a_twenty_megabyte_scalar_is_over_the_file_cap)
{
	size_t len;
	char *data = big_scalar(20u << 20, &len);
	char *got = reject(data, len);

	cr_expect_str_eq(got, "h.yaml: error: the file is too big (20971528 "
	    "bytes; the most is 1048576); split it into several lessons");
	free(got);
	free(data);
}

Test(hostile, a_twenty_megabyte_scalar_is_over_the_scalar_cap_too)
{
	struct ytree_limits lim = ytree_default_limits;
	struct diag_list d;
	struct ytree t;
	size_t len;
	char *data = big_scalar(20u << 20, &len);
	char *got;

	lim.max_bytes = 64u << 20;
	diag_list_init(&d);
	cr_assert_eq(ytree_parse(&t, "h.yaml", data, len, &lim, &d), -1);
	got = diag_format(&d.items[0]);
	cr_expect_str_eq(got, "h.yaml:1:8: error: this text is too long "
	    "(20971520 bytes; the most is 65536); split it into several "
	    "pages");
	free(got);
	diag_list_finish(&d);
	free(data);
}

Test(hostile, a_twenty_megabyte_file_on_disk_is_refused_unread)
{
	char path[] = "/tmp/redflags-hostile-XXXXXX";
	int fd = mkstemp(path);
	struct diag_list d;
	struct lesson *l;
	char *got;

	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, 20 << 20), 0);
	close(fd);
	diag_list_init(&d);
	l = lesson_load(path, &d, NULL, NULL);
	unlink(path);
	cr_expect_null(l);
	cr_assert_eq(d.count, 1);
	cr_expect_eq(d.items[0].code, DIAG_TOO_BIG);
	got = diag_format(&d.items[0]);
	cr_expect(strstr(got, "error: the file is too big") != NULL, "%s", got);
	free(got);
	diag_list_finish(&d);
}

Test(hostile, invalid_utf8_is_located)
{
	const char *data = "id: x\ntitle: \xc3\x28 broken\n";
	char *got = reject(data, strlen(data));

	cr_expect_str_eq(got, "h.yaml:2:8: error: the file is not valid UTF-8 "
	    "text here; save it as UTF-8 in your editor");
	free(got);
}

Test(hostile, binary_garbage_never_crashes_and_is_located)
{
	unsigned seed;
	int round;

	for (round = 0; round < 200; round++) {
		size_t len = 1 + (size_t)(round * 331) % 8192, i;
		char *data = xmalloc(len + 1);
		struct diag_list d;
		struct lesson *l;

		seed = (unsigned)round * 2654435761u + 1;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			data[i] = (char)(seed >> 16);
		}
		data[len] = '\0';
		diag_list_init(&d);
		l = lesson_parse("h.yaml", data, len, &d);
		if (l != NULL)
			lesson_check(l, &d);
		cr_expect_geq(diag_count(&d, DIAG_ERROR), 1,
		    "round %d accepted garbage", round);
		if (d.count > 0)
			cr_expect_gt(d.items[0].line, 0, "round %d: %s", round,
			    d.items[0].message);
		lesson_destroy(l);
		diag_list_finish(&d);
		free(data);
	}
}

Test(hostile, many_keys_in_one_mapping_stay_under_the_node_cap)
{
	struct buf b;
	char *got;
	int i;

	buf_init(&b);
	for (i = 0; i < 15000; i++)
		buf_printf(&b, "k%d: v\n", i);
	got = reject(b.data, b.len);
	cr_expect_str_eq(got, "h.yaml:10000:8: error: the file has too many "
	    "values (more than 20000); split the lesson into smaller ones");
	free(got);
	buf_finish(&b);
}
