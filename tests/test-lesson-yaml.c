/*
 * tests/test-lesson-yaml.c - the loader and checker against fixture files:
 * every bad file is pinned to its exact file:line:col messages (in
 * data/lessons/bad/NAME.err), every good file loads into the model we
 * expect.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "util.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(lesson_yaml, .init = setup);

/* Load and check a file; return every problem, one formatted per line. */
static char *
problems_of(const char *path)
{
	struct diag_list d;
	struct lesson *l;
	struct buf b;
	size_t i;

	diag_list_init(&d);
	l = lesson_load(path, &d, NULL, NULL);
	if (l != NULL)
		lesson_check(l, &d);
	diag_sort(&d);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < d.count; i++) {
		char *s = diag_format(&d.items[i]);

		buf_adds(&b, s);
		buf_addc(&b, '\n');
		free(s);
	}
	diag_list_finish(&d);
	lesson_destroy(l);
	return buf_steal(&b);
}

static struct lesson *
load_clean(const char *path)
{
	struct diag_list d;
	struct lesson *l;

	diag_list_init(&d);
	l = lesson_load(path, &d, NULL, NULL);
	cr_assert_not_null(l, "%s did not load", path);
	lesson_check(l, &d);
	cr_assert_eq(d.count, 0, "%s: %zu problems, first: %s", path, d.count,
	    d.count ? d.items[0].message : "");
	diag_list_finish(&d);
	return l;
}

Test(lesson_yaml, every_bad_fixture_gives_its_exact_messages)
{
	const char *dir = "data/lessons/bad";
	DIR *dp = opendir(dir);
	struct dirent *de;
	int files = 0;

	cr_assert_not_null(dp);
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);
		char *path, *errpath, *want, *got;
		size_t wlen;

		if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		errpath = xasprintf("%s/%.*s.err", dir, (int)(n - 5),
		    de->d_name);
		cr_assert_eq(read_file(errpath, 1 << 20, &want, &wlen), 0,
		    "missing %s", errpath);
		got = problems_of(path);
		cr_expect_str_eq(got, want, "%s:\n got: %s\nwant: %s", path,
		    got, want);
		cr_expect_neq(strstr(got, "error") != NULL ||
		    strstr(got, "warning") != NULL, 0,
		    "%s gives no problem at all", path);
		free(got);
		free(want);
		free(path);
		free(errpath);
		files++;
	}
	closedir(dp);
	cr_expect_geq(files, 30, "only %d bad fixtures found", files);
}

Test(lesson_yaml, every_problem_names_file_line_and_column)
{
	const char *names[] = { "unknown-key", "tab-indent", "duplicate-key",
	    "anchor", "alias", "two-documents", "many-problems" };
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(names); i++) {
		char *path = xasprintf("data/lessons/bad/%s.yaml", names[i]);
		char *got = problems_of(path);
		char *line = strtok(got, "\n");
		int ln, col;

		while (line != NULL) {
			char *tail = line + strlen(path);

			cr_expect(strncmp(line, path, strlen(path)) == 0 &&
			    sscanf(tail, ":%d:%d:", &ln, &col) == 2 && ln > 0 &&
			    col > 0, "not located: %s", line);
			line = strtok(NULL, "\n");
		}
		free(got);
		free(path);
	}
}

Test(lesson_yaml, the_minimal_lesson_loads)
{
	struct lesson *l = load_clean("data/lessons/good/minimal.yaml");

	cr_expect_str_eq(l->id, "minimal");
	cr_expect_str_eq(l->title, "Minimal lesson");
	cr_expect_eq(l->topic, TOPIC_HELP);
	cr_expect_str_eq(l->ages, "13-17", "ages defaults to 13-17");
	cr_expect_eq(l->minutes, 1);
	cr_expect_eq(l->step_count, 1);
	cr_expect_eq(l->steps[0].type, STEP_PAGE);
	cr_expect_null(l->steps[0].id);
	cr_expect_str_eq(l->steps[0].text, "Hello.");
	lesson_destroy(l);
}

Test(lesson_yaml, every_key_of_the_full_lesson_reaches_the_model)
{
	struct lesson *l = load_clean("data/lessons/good/full.yaml");
	const struct lesson_step *s;

	cr_assert_eq(l->step_count, 4);
	cr_expect_str_eq(l->title, "Full lesson: every key");
	cr_expect_eq(l->topic, TOPIC_SEXTORTION);
	cr_expect_str_eq(l->ages, "14-17");
	cr_expect_eq(l->minutes, 12);
	cr_expect_str_eq(l->content_note,
	    "This lesson talks about pressure online. You can skip any part.\n");
	cr_assert_eq(l->objective_count, 2);
	cr_expect_str_eq(l->objectives[1], "Second objective");
	cr_assert_eq(l->source_count, 2);
	cr_expect_str_eq(l->sources[0].publisher, "Thorn");
	cr_expect_eq(l->sources[0].year, 2022);
	cr_expect_str_eq(l->sources[0].url, "https://example.org/report");
	cr_expect_null(l->sources[1].url);
	cr_expect_eq(l->sources[1].year, 0);
	cr_assert_eq(l->remember_count, 2);
	cr_expect_str_eq(l->remember[0], "It is never your fault.");

	s = &l->steps[0];
	cr_expect_eq(s->type, STEP_PAGE);
	cr_expect_str_eq(s->id, "intro");
	cr_expect_str_eq(s->title, "A heading");
	cr_expect_str_eq(s->text,
	    "First paragraph\ncontinues here.\n\n- bullet one\n- bullet two\n");

	s = &l->steps[1];
	cr_expect_eq(s->type, STEP_CHOICE);
	cr_expect_str_eq(s->text, "Which one?");
	cr_expect_str_eq(s->hint, "The second.");
	cr_assert_eq(s->option_count, 2);
	cr_expect(!s->options[0].correct && s->options[1].correct);
	cr_expect_str_eq(s->options[1].feedback, "This one.");
	cr_expect_eq(s->options[1].mark.line, 37);
	cr_expect_eq(s->options[1].mark.col, 11);

	s = &l->steps[2];
	cr_expect_eq(s->type, STEP_MULTI);
	cr_assert_eq(s->option_count, 3);
	cr_expect(s->options[0].correct && !s->options[1].correct &&
	    s->options[2].correct);

	s = &l->steps[3];
	cr_expect_eq(s->type, STEP_TRUEFALSE);
	cr_expect_str_eq(s->text, "Paying makes it stop.");
	cr_assert_eq(s->option_count, 2, "true/false has two options");
	cr_expect(!s->options[0].correct && s->options[1].correct,
	    "answer: false makes 'False' the right option");
	cr_expect_str_eq(s->options[1].feedback,
	    "Paying usually leads to more demands.");
	cr_expect_str_eq(s->hint, "Think about what they want.");
	lesson_destroy(l);
}

Test(lesson_yaml, hostile_text_is_stored_sanitised)
{
	struct diag_list d;
	struct lesson *l;

	diag_list_init(&d);
	l = lesson_load("data/lessons/bad/hostile-text.yaml", &d, NULL, NULL);
	cr_assert_not_null(l);
	/* The whole escape sequence, the bidi override and the NUL are
	 * gone. */
	cr_expect_str_eq(l->title, "Evil title");
	cr_expect_eq(diag_count(&d, DIAG_WARNING), 1);
	cr_expect_eq(diag_count(&d, DIAG_ERROR), 0);
	diag_list_finish(&d);
	lesson_destroy(l);
}

Test(lesson_yaml, a_crlf_file_with_a_bom_loads_like_the_plain_one)
{
	char *data;
	size_t len, i;
	struct buf b;
	struct diag_list d;
	struct lesson *l;

	cr_assert_eq(read_file("data/lessons/good/full.yaml", 1 << 20, &data,
	    &len), 0);
	buf_init(&b);
	buf_add(&b, "\xef\xbb\xbf", 3);
	for (i = 0; i < len; i++) {
		if (data[i] == '\n')
			buf_addc(&b, '\r');
		buf_addc(&b, data[i]);
	}
	diag_list_init(&d);
	l = lesson_parse("crlf.yaml", b.data, b.len, &d);
	cr_assert_not_null(l);
	cr_expect_eq(d.count, 0, "%s", d.count ? d.items[0].message : "");
	cr_expect_eq(l->step_count, 4);
	cr_expect_str_eq(l->steps[3].text, "Paying makes it stop.");
	lesson_destroy(l);
	diag_list_finish(&d);
	buf_finish(&b);
	free(data);
}

Test(lesson_yaml, a_missing_file_is_an_io_problem)
{
	char *got = problems_of("data/lessons/no-such-file.yaml");

	cr_expect_str_eq(got, "data/lessons/no-such-file.yaml: error: cannot "
	    "read the file: No such file or directory\n");
	free(got);
}

Test(lesson_yaml, the_excerpt_shows_the_line_and_a_caret)
{
	struct diag_list d;
	struct lesson *l;
	char *src, *out = NULL;
	size_t len, outlen;
	FILE *f;

	diag_list_init(&d);
	l = lesson_load("data/lessons/bad/unknown-key.yaml", &d, &src, &len);
	cr_assert_eq(d.count, 1);
	f = open_memstream(&out, &outlen);
	diag_print(f, &d.items[0], src, len);
	fclose(f);
	cr_expect_str_eq(out,
	    "data/lessons/bad/unknown-key.yaml:15:7: error: unknown key "
	    "'choises' (did you mean 'options'?)\n"
	    "   15 |       choises:\n"
	    "      |       ^\n");
	free(out);
	free(src);
	lesson_destroy(l);
	diag_list_finish(&d);
}

/* The head the list reads is the whole lesson's head, value for value. */
static int
heads_match_in(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int n = 0;

	cr_assert_not_null(dp, "%s", dir);
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		struct diag_list d1, d2;
		struct lesson *whole, *head;
		char *path;

		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(de->d_name, "course.yaml") == 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		diag_list_init(&d1);
		diag_list_init(&d2);
		whole = lesson_load(path, &d1, NULL, NULL);
		head = lesson_load_head(path, &d2);
		cr_assert_not_null(whole, "%s", path);
		cr_assert_not_null(head, "%s", path);
		cr_expect_eq(diag_count(&d2, DIAG_ERROR), 0, "%s", path);
		cr_expect(head->head_only);
		cr_expect_not(whole->head_only);
		cr_expect_eq(head->step_count, 0);
		cr_expect_str_eq(head->id, whole->id, "%s", path);
		cr_expect_str_eq(head->title, whole->title, "%s", path);
		cr_expect_eq(head->topic, whole->topic, "%s", path);
		cr_expect_str_eq(head->ages, whole->ages, "%s", path);
		cr_expect_eq(head->minutes, whole->minutes, "%s", path);
		cr_expect_eq(head->mark_id.line, whole->mark_id.line);
		lesson_destroy(whole);
		lesson_destroy(head);
		diag_list_finish(&d1);
		diag_list_finish(&d2);
		free(path);
		n++;
	}
	closedir(dp);
	return n;
}

Test(lesson_yaml, the_head_read_for_the_list_matches_the_whole_lesson)
{
	cr_expect_gt(heads_match_in("data/lessons/good"), 1);
	cr_expect_geq(heads_match_in("../lessons/en"), 11);
	cr_expect_geq(heads_match_in("../lessons/es"), 11);
}

Test(lesson_yaml, a_broken_head_is_reported_like_the_whole_file)
{
	static const char text[] = "id: x\ntitle: T\ntopic: groomin\n"
	    "minutes: 5\nsteps: [oops\n";
	struct diag_list d;
	struct lesson *l;
	char *s;

	diag_list_init(&d);
	l = lesson_parse_head("h.yaml", text, sizeof text - 1, &d);
	/* The topic's problem is found with its did-you-mean; the syntax
	 * error after 'steps:' is not read. */
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 1);
	s = diag_format(&d.items[0]);
	cr_expect(strstr(s, "h.yaml:3:8:") != NULL, "%s", s);
	cr_expect(strstr(s, "grooming") != NULL, "%s", s);
	free(s);
	lesson_destroy(l);
	diag_list_finish(&d);
}

/* 'ages' is LOW-HIGH, one or two digits each, 5 to 25, LOW <= HIGH; and
 * the error for a step type names the step ("this page step"). */
Test(lesson_yaml, ages_are_a_range_and_step_messages_name_the_step)
{
	static const struct {
		const char *ages;
		const char *want;	/* the lesson's ages, or NULL: error */
	} cases[] = {
		{ "13-17", "13-17" }, { "5-9", "5-9" }, { "08-12", "08-12" },
		{ "13-13", "13-13" }, { "25-25", "25-25" }, { "13", NULL },
		{ "13-", NULL }, { "-17", NULL }, { "4-12", NULL },
		{ "13-26", NULL }, { "17-13", NULL }, { "13-17-18", NULL },
		{ "a-b", NULL }, { "131-17", NULL }, { "13 - 17", NULL },
		{ "\"13-17x\"", NULL },
	};
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
		char *text = xasprintf("id: a\ntitle: A\ntopic: help\nages: %s\n"
		    "minutes: 5\nsteps:\n  - page:\n      title: Hi\n",
		    cases[i].ages);
		struct diag_list d;
		struct lesson *l;
		bool age_error = false;
		size_t j;

		diag_list_init(&d);
		l = lesson_parse("ages.yaml", text, strlen(text), &d);
		cr_assert_not_null(l, "%s", cases[i].ages);
		for (j = 0; j < d.count; j++) {
			if (strstr(d.items[j].message, "'ages' should be") != NULL)
				age_error = true;
			else
				cr_expect(strncmp(d.items[j].message,
				    "this page step has no 'text'", 28) == 0,
				    "%s", d.items[j].message);
		}
		cr_expect_eq(age_error, cases[i].want == NULL, "%s",
		    cases[i].ages);
		if (cases[i].want != NULL)
			cr_expect_str_eq(l->ages, cases[i].want);
		lesson_destroy(l);
		diag_list_finish(&d);
		free(text);
	}
}
