/* tests/test-settings.c - the lab's settings files. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "util.h"

Test(settings, a_file_sets_the_country)
{
	struct settings s = { 0 };
	struct diag_list d;

	diag_list_init(&d);
	cr_expect_eq(settings_read(&s, "data/settings/gb.yaml", &d), 0);
	cr_expect_str_eq(s.country, "GB");
	cr_expect_eq(d.count, 0);
	settings_finish(&s);
	diag_list_finish(&d);
}

Test(settings, the_users_file_wins_over_the_systems)
{
	struct settings s;
	struct diag_list d;

	diag_list_init(&d);
	setenv("REDFLAGS_SYSTEM_CONFIG", "data/settings/gb.yaml", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent-redflags", 1);
	settings_load(&s, &d);
	cr_expect_str_eq(s.country, "GB", "the system file alone");
	settings_finish(&s);
	cr_expect_eq(settings_read(&s, "data/settings/gb.yaml", &d), 0);
	cr_expect_eq(settings_read(&s, "data/settings/us.yaml", &d), 0);
	cr_expect_str_eq(s.country, "US", "a later file wins");
	cr_expect_eq(settings_read(&s, "data/settings/empty.yaml", &d), 0);
	cr_expect_str_eq(s.country, "US", "a file that sets nothing keeps it");
	settings_finish(&s);
	diag_list_finish(&d);
}

Test(settings, a_missing_file_is_fine)
{
	struct settings s = { 0 };
	struct diag_list d;

	diag_list_init(&d);
	cr_expect_eq(settings_read(&s, "data/settings/none.yaml", &d), 0);
	cr_expect_null(s.country);
	cr_expect_eq(d.count, 0);
	diag_list_finish(&d);
}

Test(settings, a_misspelt_key_is_located_and_its_file_ignored)
{
	struct settings s = { 0 };
	struct diag_list d;
	char *msg;

	diag_list_init(&d);
	cr_expect_eq(settings_read(&s, "data/settings/typo.yaml", &d), -1);
	cr_expect_null(s.country);
	cr_assert_eq(d.count, 1);
	msg = diag_format(&d.items[0]);
	cr_expect_str_eq(msg, "data/settings/typo.yaml:1:1: error: unknown "
	    "key 'contry' (did you mean 'country'?)");
	free(msg);
	diag_list_finish(&d);
}

Test(settings, language_course_results_and_class_are_read)
{
	struct settings s = { 0 };
	struct diag_list d;

	diag_list_init(&d);
	cr_expect_eq(settings_read(&s, "data/settings/lab.yaml", &d), 0);
	cr_expect_eq(d.count, 0, "%s", d.count ? d.items[0].message : "");
	cr_expect_str_eq(s.language, "es");
	cr_expect_str_eq(s.course, "/srv/course.yaml");
	cr_expect_str_eq(s.results, "/srv/results");
	cr_expect_str_eq(s.class_code, "7B-2026");
	cr_expect_str_eq(s.country, "MX");
	settings_finish(&s);
	diag_list_finish(&d);
}
