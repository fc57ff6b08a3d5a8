/* settings.c - the lab's settings files. */
#include "settings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "paths.h"
#include "util.h"
#include "yaml-schema.h"
#include "yaml-tree.h"

static const struct schema_field settings_fields[] = {
	{ "country", SF_LINE, false, offsetof(struct settings, country), 0, 0,
	    0, NULL, N_("a country code such as GB, or international") },
	{ "results", SF_LINE, false, offsetof(struct settings, results), 0, 0,
	    0, NULL, N_("a folder for the class's anonymous results") },
	{ "class", SF_LINE, false, offsetof(struct settings, class_code), 0, 0,
	    0, NULL, N_("a class code such as 7B-2026") },
	{ "language", SF_LINE, false, offsetof(struct settings, language), 0,
	    0, 0, NULL, N_("a language code such as es") },
	{ "course", SF_LINE, false, offsetof(struct settings, course), 0, 0,
	    0, NULL, N_("the path of a course.yaml file") },
};

int
settings_read(struct settings *c, const char *path, struct diag_list *diags)
{
	struct settings fresh = { 0 };
	struct stat st;

	if (stat(path, &st) != 0)
		return 0;	/* no file: nothing set */
	if (schema_load_file(path, 64 * 1024, settings_fields,
	    RF_ARRAY_LEN(settings_fields), &fresh, N_("the settings"), NULL,
	    diags) < 0) {
		settings_finish(&fresh);
		return -1;
	}
	/* What this file sets replaces what an earlier one set. */
	if (fresh.country != NULL) {
		free(c->country);
		c->country = fresh.country;
	}
	if (fresh.results != NULL) {
		free(c->results);
		c->results = fresh.results;
	}
	if (fresh.class_code != NULL) {
		free(c->class_code);
		c->class_code = fresh.class_code;
	}
	if (fresh.language != NULL) {
		free(c->language);
		c->language = fresh.language;
	}
	if (fresh.course != NULL) {
		free(c->course);
		c->course = fresh.course;
	}
	return 0;
}

void
settings_load(struct settings *c, struct diag_list *diags)
{
	const char *sys = getenv("REDFLAGS_SYSTEM_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	char *home = NULL, *path;

	memset(c, 0, sizeof *c);
	settings_read(c, sys && *sys ? sys : "/etc/redflags/config.yaml",
	    diags);
	if (xdg != NULL && xdg[0] == '/') {
		home = xstrdup(xdg);
	} else if (getenv("HOME") != NULL && getenv("HOME")[0] == '/') {
		home = paths_join(getenv("HOME"), ".config");
	}
	if (home != NULL) {
		path = paths_join(home, "redflags/config.yaml");
		settings_read(c, path, diags);
		free(path);
		free(home);
	}
}

void
settings_finish(struct settings *c)
{
	if (c == NULL)
		return;
	free(c->country);
	free(c->results);
	free(c->class_code);
	free(c->language);
	free(c->course);
	memset(c, 0, sizeof *c);
}
