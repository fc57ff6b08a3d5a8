/* tests/test-commands.c - `check` (--werror, --format json) and `new`. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "cmd-check.h"
#include "cmd-new.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "util.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(commands, .init = setup);

static int
check(const char *path, bool werror, bool json, char **out, char **err)
{
	const char *paths[] = { path };
	struct check_opts o = { werror, json };
	struct catalog c;
	size_t ol, el;
	FILE *fo = open_memstream(out, &ol), *fe = open_memstream(err, &el);
	int rc;

	catalog_init(&c);
	rc = cmd_check(paths, 1, &c, &o, fo, fe);
	catalog_finish(&c);
	fclose(fo);
	fclose(fe);
	return rc;
}

Test(commands, check_json_gives_every_problem_as_one_object)
{
	char *out, *err;
	int rc = check("data/lessons/bad/many-problems.yaml", false, true,
	    &out, &err);

	cr_expect_eq(rc, 1);
	cr_expect_str_eq(err, "", "nothing but the JSON");
	cr_expect_str_eq(out, "{\"files\": 1, \"errors\": 3, \"warnings\": 0, "
	    "\"problems\": [\n"
	    "  {\"file\": \"data/lessons/bad/many-problems.yaml\", \"line\": 3, "
	    "\"column\": 8, \"severity\": \"error\", \"code\": \"bad-value\", "
	    "\"message\": \"unknown topic 'dating'; use one of: grooming, "
	    "sextortion, recruitment, help\"},\n"
	    "  {\"file\": \"data/lessons/bad/many-problems.yaml\", \"line\": 4, "
	    "\"column\": 10, \"severity\": \"error\", \"code\": \"bad-value\", "
	    "\"message\": \"'minutes' is 0; it must be from 1 to 120\"},\n"
	    "  {\"file\": \"data/lessons/bad/many-problems.yaml\", \"line\": 14, "
	    "\"column\": 7, \"severity\": \"error\", \"code\": \"unknown-key\", "
	    "\"message\": \"unknown key 'promt' (did you mean 'prompt'?)\"}\n"
	    "]}\n");
	free(out);
	free(err);
}

Test(commands, check_json_escapes_quotes_and_backslashes)
{
	char *out, *err;

	check("data/lessons/bad/unclosed-quote.yaml", false, true, &out, &err);
	cr_expect_null(strchr(out, '\033'));
	cr_expect_not_null(strstr(out, "\"code\": \"syntax\""), "%s", out);
	free(out);
	free(err);
}

Test(commands, werror_makes_warnings_fail)
{
	char *out, *err;

	cr_expect_eq(check("data/lessons/bad/warnings-only.yaml", false, false,
	    &out, &err), 0, "warnings alone pass");
	cr_expect_not_null(strstr(err, "0 errors, 4 warnings"), "%s", err);
	free(out);
	free(err);
	cr_expect_eq(check("data/lessons/bad/warnings-only.yaml", true, false,
	    &out, &err), 1, "--werror fails on warnings");
	free(out);
	free(err);
	cr_expect_eq(check("data/lessons/good/minimal.yaml", true, false, &out,
	    &err), 0, "a clean file passes --werror");
	free(out);
	free(err);
}

Test(commands, new_writes_a_template_that_checks_clean)
{
	char dir[] = "/tmp/redflags-new-XXXXXX", *path, *err;
	struct diag_list d;
	struct lesson *l;
	size_t el;
	FILE *fe;

	cr_assert_not_null(mkdtemp(dir));
	path = xasprintf("%s/My Lesson.yaml", dir);
	fe = open_memstream(&err, &el);
	cr_expect_eq(cmd_new(path, "sextortion", fe), 0);
	cr_expect_eq(cmd_new(path, "sextortion", fe), 1, "never overwrites");
	fclose(fe);
	cr_expect_not_null(strstr(err, "already exists"), "%s", err);
	diag_list_init(&d);
	l = lesson_load(path, &d, NULL, NULL);
	cr_assert_not_null(l);
	lesson_check(l, &d);
	cr_expect_eq(d.count, 0, "%s", d.count ? d.items[0].message : "");
	cr_expect_str_eq(l->id, "my-lesson");
	cr_expect_eq(l->topic, TOPIC_SEXTORTION);
	lesson_destroy(l);
	diag_list_finish(&d);
	unlink(path);
	rmdir(dir);
	free(path);
	free(err);
}

Test(commands, new_refuses_an_unknown_topic)
{
	char *err;
	size_t el;
	FILE *fe = open_memstream(&err, &el);

	cr_expect_eq(cmd_new("/tmp/redflags-never.yaml", "dating", fe), 2);
	fclose(fe);
	cr_expect(access("/tmp/redflags-never.yaml", F_OK) != 0);
	cr_expect_not_null(strstr(err, "unknown topic 'dating'"));
	free(err);
}

Test(commands, check_compares_each_translation_with_its_source)
{
	char *out = NULL, *err = NULL;

	cr_assert_neq(check("data/check-translation", false, false, &out,
	    &err), 0);
	cr_expect(strstr(err, "data/check-translation/es/greeting.yaml:8:5: "
	    "error: step 1 has the id 'hola' here, the source 'hello'") != NULL,
	    "%s", err);
	cr_expect(strstr(err, "es: 1 of 2 lessons translated (50%)") != NULL,
	    "%s", err);
	cr_expect(strstr(err, "es: not translated yet: alone.yaml") != NULL,
	    "%s", err);
	free(out);
	free(err);
}

/* A translation is compared with its source whichever is checked first:
 * at once when the source was read before it (its message then comes
 * right after the file's own), at the end when the source comes later,
 * and with a source that was not asked for. */
Test(commands, check_compares_a_translation_in_any_order)
{
	static const char *const orders[][2] = {
		{ "data/check-translation/en", "data/check-translation/es" },
		{ "data/check-translation/es", "data/check-translation/en" },
		{ "data/check-translation/es/greeting.yaml", NULL },
	};
	static const char want[] = "data/check-translation/es/greeting.yaml:"
	    "8:5: error: step 1 has the id 'hola' here, the source 'hello'";
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(orders); i++) {
		const char *paths[2] = { orders[i][0], orders[i][1] };
		struct check_opts o = { false, false };
		struct catalog c;
		char *out = NULL, *err = NULL;
		size_t ol, el;
		FILE *fo = open_memstream(&out, &ol);
		FILE *fe = open_memstream(&err, &el);
		const char *at;

		catalog_init(&c);
		cr_expect_eq(cmd_check(paths, paths[1] ? 2 : 1, &c, &o, fo, fe),
		    1, "order %zu", i);
		catalog_finish(&c);
		fclose(fo);
		fclose(fe);
		at = strstr(err, want);
		cr_expect_not_null(at, "order %zu: %s", i, err);
		cr_expect_null(at ? strstr(at + 1, want) : NULL,
		    "order %zu: said once", i);
		free(out);
		free(err);
	}
}
