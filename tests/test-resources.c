/*
 * tests/test-resources.c - help files (resources.c): every bad fixture is
 * pinned to its exact file:line:col messages (data/help/bad/NAME.err, as
 * in test-lesson-yaml.c), the good ones load into the model, the country
 * comes from --country or the locale, help_find falls back the way
 * docs/help-format.md says, and every shipped file in ../help/en is clean.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "resources.h"
#include "util.h"

#define SHIPPED HELPDIR "/en"
#define HELPDIR "../help"
#define FIND "data/help/find"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(resources, .init = setup);

/* Load a file; return every problem, one formatted per line. */
static char *
problems_of(const char *path)
{
	struct diag_list d;
	struct help_country *h;
	struct buf b;
	size_t i;

	diag_list_init(&d);
	h = help_load(path, &d);
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
	help_destroy(h);
	return buf_steal(&b);
}

static struct help_country *
load_clean(const char *path)
{
	struct diag_list d;
	struct help_country *h;

	diag_list_init(&d);
	h = help_load(path, &d);
	cr_assert_not_null(h, "%s did not load: %s", path,
	    d.count ? d.items[0].message : "no message");
	cr_assert_eq(d.count, 0, "%s: %zu problems, first: %s", path, d.count,
	    d.count ? d.items[0].message : "");
	diag_list_finish(&d);
	return h;
}

/* The file name's code: "gb.yaml" gives "GB", "international.yaml"
 * gives "international". */
static char *
code_of_file(const char *name)
{
	size_t n = strlen(name) - 5, i;
	char *code = xstrdup(name);

	code[n] = '\0';
	if (strcmp(code, "international") != 0) {
		for (i = 0; i < n; i++)
			code[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ?
			    code[i] - 'a' + 'A' : code[i]);
	}
	return code;
}

static void
clear_locale_env(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
}

/* ---- loading ---------------------------------------------------------- */

Test(resources, every_bad_fixture_gives_its_exact_messages)
{
	const char *dir = "data/help/bad";
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
		cr_expect(strstr(got, ": error: ") != NULL ||
		    strstr(got, ": warning: ") != NULL,
		    "%s gives no problem at all", path);
		free(got);
		free(want);
		free(path);
		free(errpath);
		files++;
	}
	closedir(dp);
	cr_expect_geq(files, 18, "only %d bad fixtures found", files);
}

Test(resources, a_file_with_an_error_is_not_used)
{
	const char *names[] = { "unknown-kind", "missing-top-keys",
	    "missing-entries", "entry-missing-keys", "empty", "tab-indent",
	    "alias", "not-a-mapping", "many-problems" };
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(names); i++) {
		char *path = xasprintf("data/help/bad/%s.yaml", names[i]);
		struct diag_list d;

		diag_list_init(&d);
		cr_expect_null(help_load(path, &d), "%s loaded", path);
		cr_expect_gt(diag_count(&d, DIAG_ERROR), 0, "%s", path);
		diag_list_finish(&d);
		free(path);
	}
}

Test(resources, a_good_file_loads_with_every_field)
{
	struct help_country *h = load_clean("data/help/good/full.yaml");
	const struct help_entry *e;
	size_t i;

	cr_expect_str_eq(h->file, "data/help/good/full.yaml");
	cr_expect_str_eq(h->code, "ZZ");
	cr_expect_str_eq(h->name, "Testland");
	cr_expect_str_eq(h->checked, "2026-11-30");
	cr_expect_str_eq(h->intro,
	    "You are not in trouble.\nIt is not your fault.\n");
	cr_assert_eq(h->entry_count, 7);
	for (i = 0; i < h->entry_count; i++)
		cr_expect_eq(h->entries[i].kind, (enum help_kind)i,
		    "entry %zu is %s", i, help_kind_key(h->entries[i].kind));

	e = &h->entries[0];
	cr_expect_str_eq(e->name, "An adult you trust");
	cr_expect_str_eq(e->about,
	    "A parent, a teacher or the school counsellor.");
	cr_expect(e->phone == NULL && e->text == NULL && e->web == NULL &&
	    e->hours == NULL);
	cr_expect_eq(e->line, 9);
	cr_expect_eq(e->col, 5);

	e = &h->entries[1];
	cr_expect_str_eq(e->name, "The app's report button");
	cr_expect_null(e->about);

	e = &h->entries[2];
	cr_expect_str_eq(e->name, "Report line");
	cr_expect_str_eq(e->about, "For reports.");
	cr_expect_str_eq(e->phone, "0800 000 000");
	cr_expect_str_eq(e->text, "text REPORT to 12345");
	cr_expect_str_eq(e->web, "report.example.org");
	cr_expect_str_eq(e->hours, "24/7");
	cr_expect_eq(e->line, 14);
	cr_expect_eq(e->col, 5);

	e = &h->entries[3];
	cr_expect_str_eq(e->web, "remove.example.org");
	cr_expect_null(e->phone);
	cr_expect_str_eq(h->entries[4].phone, "111",
	    "a quoted number stays text");
	cr_expect_str_eq(h->entries[5].text, "text TALK to 54321");
	cr_expect_str_eq(h->entries[5].hours, "Mon-Fri 9:00-17:00");
	cr_expect_str_eq(h->entries[6].name, "Emergency");
	cr_expect_str_eq(h->entries[6].phone, "999");
	help_destroy(h);
}

Test(resources, intro_is_optional)
{
	struct help_country *h = load_clean("data/help/good/minimal.yaml");

	cr_expect_str_eq(h->code, "international");
	cr_expect_null(h->intro);
	cr_assert_eq(h->entry_count, 1);
	cr_expect_eq(h->entries[0].kind, HELP_EMERGENCY);
	help_destroy(h);
}

Test(resources, an_unknown_kind_gets_a_did_you_mean)
{
	char *got = problems_of("data/help/bad/unknown-kind.yaml");

	cr_expect_not_null(strstr(got, "data/help/bad/unknown-kind.yaml:5:10: "
	    "error: unknown kind of help 'suport' (did you mean "
	    "'support'?)\n"), "%s", got);
	cr_expect_not_null(strstr(got, "unknown kind of help "
	    "'trusted_adult' (did you mean 'trusted-adult'?)"), "%s", got);
	free(got);
	got = problems_of("data/help/bad/unknown-kind-no-guess.yaml");
	cr_expect_not_null(strstr(got, "unknown kind of help 'pizza'; use one "
	    "of: trusted-adult, report-platform, report, image-removal, "
	    "trafficking, support, emergency"), "%s", got);
	free(got);
}

Test(resources, missing_required_keys_are_named)
{
	char *got = problems_of("data/help/bad/missing-top-keys.yaml");

	cr_expect_not_null(strstr(got, "has no 'country'"), "%s", got);
	cr_expect_not_null(strstr(got, "has no 'name'"), "%s", got);
	cr_expect_not_null(strstr(got, "has no 'checked'"), "%s", got);
	free(got);
	got = problems_of("data/help/bad/missing-entries.yaml");
	cr_expect_not_null(strstr(got, "has no 'entries'"), "%s", got);
	free(got);
	got = problems_of("data/help/bad/entry-missing-keys.yaml");
	cr_expect_not_null(strstr(got, ":5:5: error: an entry has no 'for'"),
	    "%s", got);
	cr_expect_not_null(strstr(got, ":7:5: error: an entry has no 'name'"),
	    "%s", got);
	free(got);
}

Test(resources, an_entry_with_no_way_to_reach_it_warns)
{
	struct diag_list d;
	struct help_country *h;
	size_t i;
	/* report, image-removal, trafficking, support, emergency; not the
	 * trusted adult (line 7) or the report button (line 9). */
	const int lines[] = { 11, 14, 16, 19, 21 };

	diag_list_init(&d);
	h = help_load("data/help/bad/no-contact.yaml", &d);
	cr_assert_not_null(h, "warnings do not stop a file loading");
	cr_expect_eq(h->entry_count, 7);
	cr_expect_eq(diag_count(&d, DIAG_ERROR), 0);
	cr_assert_eq(diag_count(&d, DIAG_WARNING), RF_ARRAY_LEN(lines));
	diag_sort(&d);
	for (i = 0; i < RF_ARRAY_LEN(lines); i++) {
		cr_expect_eq(d.items[i].line, lines[i]);
		cr_expect_eq(d.items[i].col, 5);
		cr_expect_eq(d.items[i].code, DIAG_CONTENT);
		cr_expect_str_eq(d.items[i].message, "this entry has no 'phone', "
		    "'text' or 'web'; say how to reach it");
	}
	diag_list_finish(&d);
	help_destroy(h);
}

Test(resources, a_missing_file_is_an_error)
{
	struct diag_list d;

	diag_list_init(&d);
	cr_expect_null(help_load("data/help/no-such-file.yaml", &d));
	cr_assert_eq(d.count, 1);
	cr_expect_eq(d.items[0].severity, DIAG_ERROR);
	cr_expect_eq(d.items[0].code, DIAG_IO);
	diag_list_finish(&d);
}

/* ---- kinds ------------------------------------------------------------ */

Test(resources, every_kind_has_its_key_and_heading)
{
	static const struct {
		enum help_kind kind;
		const char *key, *heading;
	} want[] = {
		{ HELP_TRUSTED_ADULT, "trusted-adult",
		    "Talk to someone you trust" },
		{ HELP_REPORT_PLATFORM, "report-platform",
		    "Report it on the app" },
		{ HELP_REPORT, "report",
		    "Someone is pressuring or threatening you" },
		{ HELP_IMAGE_REMOVAL, "image-removal",
		    "Get an image taken down" },
		{ HELP_TRAFFICKING, "trafficking",
		    "Pressured into work, sex or travel" },
		{ HELP_SUPPORT, "support", "Someone to talk to" },
		{ HELP_EMERGENCY, "emergency", "In danger right now" },
	};
	size_t i;

	cr_assert_eq(RF_ARRAY_LEN(want), HELP_KIND_COUNT);
	for (i = 0; i < RF_ARRAY_LEN(want); i++) {
		cr_expect_eq(want[i].kind, (enum help_kind)i,
		    "the screen's order");
		cr_expect_str_eq(help_kind_key(want[i].kind), want[i].key);
		cr_expect_str_eq(help_kind_heading(want[i].kind),
		    want[i].heading);
	}
	cr_expect_str_eq(help_kind_key(HELP_KIND_COUNT), "?");
	cr_expect_str_eq(help_kind_heading(HELP_KIND_COUNT), "?");
}

/* ---- which country ---------------------------------------------------- */

Test(resources, an_explicit_country_is_upper_cased)
{
	clear_locale_env();
	setenv("LC_ALL", "fr_FR.UTF-8", 1);
	cr_expect_str_eq(help_pick_country("gb"), "GB");
	cr_expect_str_eq(help_pick_country("US"), "US");
	cr_expect_str_eq(help_pick_country("mX"), "MX");
}

Test(resources, uk_means_gb)
{
	cr_expect_str_eq(help_pick_country("uk"), "GB");
	cr_expect_str_eq(help_pick_country("UK"), "GB");
}

Test(resources, international_is_kept_in_lower_case)
{
	setenv("LC_ALL", "en_GB.UTF-8", 1);
	cr_expect_str_eq(help_pick_country("international"), "international");
	cr_expect_str_eq(help_pick_country("International"), "international");
	cr_expect_str_eq(help_pick_country("INTERNATIONAL"), "international");
}

Test(resources, an_empty_wanted_country_reads_the_locale)
{
	clear_locale_env();
	setenv("LANG", "en_CA.UTF-8", 1);
	cr_expect_str_eq(help_pick_country(""), "CA");
	cr_expect_str_eq(help_pick_country(NULL), "CA");
}

Test(resources, the_locale_territory_gives_the_country)
{
	static const struct {
		const char *locale, *want;
	} cases[] = {
		{ "en_GB.UTF-8", "GB" },
		{ "es_MX", "MX" },
		{ "fr_FR@euro", "FR" },
		{ "de_DE.ISO-8859-1", "DE" },
		{ "en_au.utf8", "AU" },
		{ "C", "international" },
		{ "C.UTF-8", "international" },
		{ "POSIX", "international" },
		{ "en", "international" },
		{ "en_", "international" },
		{ "en_GBR.UTF-8", "international" },
	};
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i, v;

	for (v = 0; v < RF_ARRAY_LEN(vars); v++) {
		for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
			clear_locale_env();
			setenv(vars[v], cases[i].locale, 1);
			cr_expect_str_eq(help_pick_country(NULL), cases[i].want,
			    "%s=%s", vars[v], cases[i].locale);
		}
	}
}

Test(resources, no_locale_at_all_gives_international)
{
	clear_locale_env();
	cr_expect_str_eq(help_pick_country(NULL), "international");
	setenv("LC_ALL", "", 1);
	setenv("LC_MESSAGES", "", 1);
	setenv("LANG", "", 1);
	cr_expect_str_eq(help_pick_country(NULL), "international",
	    "empty variables count as unset");
}

Test(resources, the_first_set_variable_decides)
{
	clear_locale_env();
	setenv("LC_ALL", "en_GB.UTF-8", 1);
	setenv("LC_MESSAGES", "es_MX.UTF-8", 1);
	setenv("LANG", "fr_FR.UTF-8", 1);
	cr_expect_str_eq(help_pick_country(NULL), "GB", "LC_ALL first");

	unsetenv("LC_ALL");
	cr_expect_str_eq(help_pick_country(NULL), "MX", "then LC_MESSAGES");

	setenv("LC_ALL", "", 1);
	cr_expect_str_eq(help_pick_country(NULL), "MX",
	    "an empty LC_ALL is skipped");

	unsetenv("LC_MESSAGES");
	cr_expect_str_eq(help_pick_country(NULL), "FR", "then LANG");

	/* A set variable without a territory decides too: C is no
	 * country, whatever LANG says. */
	setenv("LC_ALL", "C", 1);
	cr_expect_str_eq(help_pick_country(NULL), "international");
	unsetenv("LC_ALL");
	setenv("LC_MESSAGES", "C.UTF-8", 1);
	cr_expect_str_eq(help_pick_country(NULL), "international");
	setenv("LC_MESSAGES", "POSIX", 1);
	cr_expect_str_eq(help_pick_country(NULL), "international");
}

Test(resources, an_explicit_country_beats_the_locale)
{
	clear_locale_env();
	setenv("LC_ALL", "en_GB.UTF-8", 1);
	cr_expect_str_eq(help_pick_country("de"), "DE");
}

/* ---- finding the file ------------------------------------------------- */

static const char *const both[] = { FIND "/first", FIND "/second" };

/* help_find with both folders; the name of what it found (or "-"). */
static char *
found(const char *const *dirs, size_t ndirs, const char *lang,
    const char *country)
{
	struct diag_list d;
	struct help_country *h;
	char *name;

	diag_list_init(&d);
	h = help_find(dirs, ndirs, lang, country, NULL, &d);
	name = xstrdup(h != NULL ? h->name : "-");
	help_destroy(h);
	diag_list_finish(&d);
	return name;
}

#define expect_found(dirs, n, lang, country, want) do { \
	char *got_ = found(dirs, n, lang, country); \
	cr_expect_str_eq(got_, want, "%s/%s", lang ? lang : "(none)", \
	    country); \
	free(got_); \
} while (0)

Test(resources, the_exact_country_is_found)
{
	expect_found(both, 2, "en", "GB", "First GB");
	expect_found(both, 2, "en", "gb", "First GB");
	expect_found(both, 2, "es", "MX", "Primero MX");
	expect_found(both, 2, "en", "US", "Second US");
}

Test(resources, another_language_falls_back_to_english)
{
	expect_found(both, 2, "de", "US", "Second US");
	expect_found(both, 2, "es", "GB", "First GB");
	expect_found(both, 2, NULL, "GB", "First GB");
}

Test(resources, the_students_language_is_tried_in_every_folder_first)
{
	/* second/fr/gb.yaml is found before first/en/gb.yaml. */
	expect_found(both, 2, "fr", "GB", "Second GB in French");
}

Test(resources, an_unknown_country_falls_back_to_international)
{
	expect_found(both, 2, "en", "JP", "First international");
	expect_found(both, 2, "fr", "JP", "First international");
	expect_found(both, 2, "en", "international", "First international");
	/* In the student's language first, then in English. */
	expect_found(both, 2, "es", "JP", "Primero internacional");
	/* Spanish Mexico exists, but English Mexico does not. */
	expect_found(both, 2, "en", "MX", "First international");
}

Test(resources, the_first_folder_wins)
{
	const char *const reversed[] = { FIND "/second", FIND "/first" };

	expect_found(both, 2, "en", "GB", "First GB");
	expect_found(reversed, 2, "en", "GB", "Second GB");
	expect_found(reversed, 2, "en", "JP", "Second international");
}

Test(resources, a_broken_file_is_passed_over_and_reported)
{
	struct diag_list d;
	struct help_country *h;

	diag_list_init(&d);
	h = help_find(both, 2, "en", "CA", NULL, &d);
	cr_assert_not_null(h);
	cr_expect_str_eq(h->name, "Second CA");
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 1);
	cr_expect_str_eq(d.items[0].file, FIND "/first/en/ca.yaml");
	cr_expect_eq(d.items[0].line, 6);
	help_destroy(h);
	diag_list_finish(&d);
}

Test(resources, the_schools_own_file_is_found)
{
	const char *const second[] = { FIND "/second" };
	const char *const none[] = { FIND "/no-such-folder", FIND "/second" };
	struct help_country *h, *school = NULL;
	struct diag_list d;

	diag_list_init(&d);
	h = help_find(both, 2, "en", "GB", &school, &d);
	cr_assert_not_null(h);
	cr_assert_not_null(school);
	cr_expect_str_eq(school->code, "school");
	cr_expect_str_eq(school->name, "School in first", "first folder wins");
	cr_assert_eq(school->entry_count, 1);
	cr_expect_eq(school->entries[0].kind, HELP_TRUSTED_ADULT);
	cr_expect_str_eq(school->entries[0].name,
	    "Ms Rivera, school counsellor");
	help_destroy(h);
	help_destroy(school);

	school = NULL;
	h = help_find(second, 1, "en", "GB", &school, &d);
	cr_assert_not_null(school);
	cr_expect_str_eq(school->name, "School in second");
	help_destroy(h);
	help_destroy(school);

	school = NULL;
	h = help_find(none, 2, "en", "US", &school, &d);
	cr_expect_str_eq(h->name, "Second US", "a missing folder is skipped");
	cr_assert_not_null(school);
	cr_expect_str_eq(school->name, "School in second");
	help_destroy(h);
	help_destroy(school);
	cr_expect_eq(d.count, 0);
	diag_list_finish(&d);
}

Test(resources, no_school_file_gives_null)
{
	const char *const dirs[] = { HELPDIR };
	const char *const empty[] = { FIND "/first/es" };
	struct help_country *h, *school = (struct help_country *)1;
	struct diag_list d;

	diag_list_init(&d);
	/* The shipped help folder has only school.yaml.example. */
	h = help_find(dirs, 1, "en", "GB", &school, &d);
	cr_expect_null(school);
	cr_assert_not_null(h);
	cr_expect_str_eq(h->code, "GB");
	help_destroy(h);

	school = (struct help_country *)1;
	h = help_find(empty, 1, "en", "GB", &school, &d);
	cr_expect_null(school);
	cr_expect_null(h, "nothing at all can be read");
	diag_list_finish(&d);
}

Test(resources, nothing_found_gives_null)
{
	const char *const dirs[] = { FIND "/no-such-folder" };

	expect_found(dirs, 1, "en", "GB", "-");
	expect_found(dirs, 0, "en", "GB", "-");
}

/* ---- the shipped files ------------------------------------------------ */

/* A shipped text field must not carry what the verified helpline sheet
 * keeps off the student screen. */
static void
expect_not_shown(const char *file, const char *field, const char *value)
{
	static const char *const banned[] = {
		"gethelp@ncmec.org",	/* seen only in a newspaper reprint */
		"HSI",			/* kept off the student screen */
		"877-447-4847", "866-347-2423", "802-872-6199",
		"press 3",		/* ended 17 July 2025 */
		"Press 3",
		"THORN",		/* Crisis Text Line: HOME only */
		"Polaris",		/* the hotline changed operator */
		"BEFREE",		/* "text HELP to 233733" */
		"TEXTO",		/* not confirmed as current */
	};
	size_t i;

	if (value == NULL)
		return;
	for (i = 0; i < RF_ARRAY_LEN(banned); i++)
		cr_expect_null(strstr(value, banned[i]), "%s: %s has '%s': %s",
		    file, field, banned[i], value);
}

Test(resources, every_shipped_file_is_clean_and_complete)
{
	static const char *const want[] = { "au", "ca", "de", "es", "fr",
	    "gb", "international", "mx", "us" };
	DIR *dp = opendir(SHIPPED);
	struct dirent *de;
	size_t files = 0, i, k;

	cr_assert_not_null(dp, "run from tests/: %s not found", SHIPPED);
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);
		struct help_country *h;
		bool emergency = false;
		char *path, *code;

		if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		path = xasprintf("%s/%s", SHIPPED, de->d_name);
		h = load_clean(path);
		code = code_of_file(de->d_name);
		cr_expect_str_eq(h->code, code, "%s: 'country' is not the "
		    "file's name", path);
		cr_expect_not_null(h->checked, "%s", path);
		cr_expect(h->checked != NULL && strlen(h->checked) == 10 &&
		    h->checked[4] == '-' && h->checked[7] == '-',
		    "%s: checked is not YYYY-MM-DD: %s", path,
		    h->checked ? h->checked : "(none)");
		cr_expect_not_null(h->intro, "%s has no intro", path);
		cr_assert_geq(h->entry_count, 4, "%s", path);
		cr_expect_eq(h->entries[0].kind, HELP_TRUSTED_ADULT,
		    "%s starts with a trusted adult", path);
		cr_expect_eq(h->entries[1].kind, HELP_REPORT_PLATFORM,
		    "%s: the app's report button comes second", path);
		cr_expect_eq(h->entries[h->entry_count - 1].kind,
		    HELP_EMERGENCY, "%s: the emergency number comes last",
		    path);
		for (k = 0; k < h->entry_count; k++) {
			const struct help_entry *e = &h->entries[k];

			if (k > 0)
				cr_expect_geq(e->kind, h->entries[k - 1].kind,
				    "%s:%d: entries are in the screen's order",
				    path, e->line);
			if (e->kind == HELP_EMERGENCY) {
				emergency = true;
				cr_expect_not_null(e->phone,
				    "%s: the emergency entry has no phone",
				    path);
			}
			expect_not_shown(path, "name", e->name);
			expect_not_shown(path, "about", e->about);
			expect_not_shown(path, "phone", e->phone);
			expect_not_shown(path, "text", e->text);
			expect_not_shown(path, "web", e->web);
			expect_not_shown(path, "hours", e->hours);
		}
		expect_not_shown(path, "intro", h->intro);
		cr_expect(emergency, "%s has no emergency entry", path);
		for (i = 0; i < RF_ARRAY_LEN(want); i++) {
			if (strlen(want[i]) == n - 5 &&
			    strncmp(de->d_name, want[i], n - 5) == 0)
				break;
		}
		cr_expect_lt(i, RF_ARRAY_LEN(want), "%s is not expected",
		    path);
		help_destroy(h);
		free(code);
		free(path);
		files++;
	}
	closedir(dp);
	cr_expect_eq(files, RF_ARRAY_LEN(want), "%zu help files in %s",
	    files, SHIPPED);
}

Test(resources, every_expected_country_is_shipped)
{
	static const char *const codes[] = { "US", "GB", "CA", "AU", "ES",
	    "MX", "FR", "DE", "international" };
	const char *const dirs[] = { HELPDIR };
	struct diag_list d;
	size_t i;

	diag_list_init(&d);
	for (i = 0; i < RF_ARRAY_LEN(codes); i++) {
		struct help_country *h = help_find(dirs, 1, "en", codes[i],
		    NULL, &d);

		cr_assert_not_null(h, "%s", codes[i]);
		cr_expect_str_eq(h->code, codes[i]);
		help_destroy(h);
	}
	cr_expect_eq(d.count, 0);
	diag_list_finish(&d);
}

Test(resources, the_school_example_loads_cleanly)
{
	struct help_country *h = load_clean(HELPDIR "/school.yaml.example");
	size_t i;

	cr_expect_str_eq(h->code, "school");
	cr_expect_str_eq(h->name, "Your school");
	cr_assert_geq(h->entry_count, 1);
	for (i = 0; i < h->entry_count; i++)
		cr_expect_eq(h->entries[i].kind, HELP_TRUSTED_ADULT);
	cr_expect_str_eq(h->entries[0].name, "Ms Rivera, school counsellor");
	cr_expect_str_eq(h->entries[0].about,
	    "Room 114, Monday to Friday 8:30-15:30");
	help_destroy(h);
}

Test(resources, each_country_shows_its_own_emergency_number)
{
	static const struct {
		const char *code, *phone;
	} want[] = {
		{ "US", "911" }, { "GB", "999" }, { "CA", "911" },
		{ "AU", "000" }, { "ES", "112" }, { "MX", "911" },
		{ "FR", "17 or 112" }, { "DE", "110 (police) or 112" },
	};
	const char *const dirs[] = { HELPDIR };
	struct diag_list d;
	size_t i, k;

	diag_list_init(&d);
	for (i = 0; i < RF_ARRAY_LEN(want); i++) {
		struct help_country *h = help_find(dirs, 1, "en", want[i].code,
		    NULL, &d);
		const char *phone = NULL;

		cr_assert_not_null(h, "%s", want[i].code);
		for (k = 0; k < h->entry_count && phone == NULL; k++) {
			if (h->entries[k].kind == HELP_EMERGENCY)
				phone = h->entries[k].phone;
		}
		cr_expect(phone != NULL && strcmp(phone, want[i].phone) == 0,
		    "%s: emergency %s, want %s", want[i].code,
		    phone ? phone : "(none)", want[i].phone);
		help_destroy(h);
	}
	diag_list_finish(&d);
}

Test(resources, a_deferred_help_set_reads_on_first_use_as_load_does)
{
	const char *dirs[] = { HELPDIR };
	struct help_set now, later;
	struct diag_list d;
	const struct help_country *a, *b;

	diag_list_init(&d);
	help_set_load(&now, dirs, 1, "es", "MX", &d);
	help_set_defer(&later, dirs, 1, "es", "MX");
	cr_assert_eq(later.count, 0, "nothing is read before it is needed");
	cr_assert(later.deferred);
	a = help_set_current(&now);
	b = help_set_current(&later);
	cr_assert_not_null(a);
	cr_assert_not_null(b);
	cr_expect_not(later.deferred);
	cr_expect_eq(later.count, now.count);
	cr_expect_str_eq(b->code, a->code);
	cr_expect_str_eq(b->code, "MX");
	cr_expect_str_eq(b->name, a->name);
	/* Asked again: the same, not read twice. */
	cr_expect_eq(help_set_current(&later), b);
	help_set_finish(&now);
	help_set_finish(&later);

	/* Never used: finishing frees what was kept. */
	help_set_defer(&later, dirs, 1, NULL, NULL);
	help_set_finish(&later);
	cr_expect_eq(later.dirs, NULL);
	diag_list_finish(&d);
}
