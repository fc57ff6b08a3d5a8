/* resources.c - help resources: loading, choosing the country. */
#include "resources.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "paths.h"
#include "text.h"
#include "util.h"
#include "yaml-schema.h"
#include "yaml-tree.h"

static const struct {
	const char *key;
	const char *heading;
} kinds[HELP_KIND_COUNT] = {
	[HELP_TRUSTED_ADULT] = { "trusted-adult",
	    N_("Talk to someone you trust") },
	[HELP_REPORT_PLATFORM] = { "report-platform",
	    N_("Report it on the app") },
	[HELP_REPORT] = { "report",
	    N_("Someone is pressuring or threatening you") },
	[HELP_IMAGE_REMOVAL] = { "image-removal",
	    N_("Get an image taken down") },
	[HELP_TRAFFICKING] = { "trafficking",
	    N_("Pressured into work, sex or travel") },
	[HELP_SUPPORT] = { "support",
	    N_("Someone to talk to") },
	[HELP_EMERGENCY] = { "emergency", N_("In danger right now") },
};

const char *
help_kind_key(enum help_kind k)
{
	return k < HELP_KIND_COUNT ? kinds[k].key : "?";
}

const char *
help_kind_heading(enum help_kind k)
{
	return k < HELP_KIND_COUNT ? _(kinds[k].heading) : "?";
}

static void
parse_kind(struct schema *sc, const struct ynode *n, void *obj)
{
	struct help_entry *e = obj;
	const char *keys[HELP_KIND_COUNT];
	const char *guess;
	char *shown;
	int i;

	if (!schema_want_scalar(sc, n, "for"))
		return;
	for (i = 0; i < HELP_KIND_COUNT; i++) {
		keys[i] = kinds[i].key;
		if (strcmp(schema_scalar(n), kinds[i].key) == 0) {
			e->kind = (enum help_kind)i;
			return;
		}
	}
	guess = schema_closest(schema_scalar(n), keys, HELP_KIND_COUNT);
	shown = text_sanitize(schema_scalar(n), n->u.scalar.len, 0);
	if (guess != NULL)
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown kind of help '%s' (did you mean '%s'?)"), shown,
		    guess);
	else
		schema_problem(sc, DIAG_ERROR, DIAG_BAD_VALUE, n,
		    _("unknown kind of help '%s'; use one of: trusted-adult, "
		    "report-platform, report, image-removal, trafficking, "
		    "support, emergency"), shown);
	free(shown);
}

#define ENTRY_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct help_entry, member), 0, 0, 0, NULL, ex }

static const struct schema_field entry_fields[] = {
	{ "for", SF_CUSTOM, true, 0, 0, 0, 0, parse_kind,
	    N_("what it helps with, such as 'report' or 'support'") },
	ENTRY_FIELD("name", SF_LINE, true, name, N_("the service's name")),
	ENTRY_FIELD("about", SF_TEXT, false, about,
	    N_("who it is for and what it does")),
	ENTRY_FIELD("phone", SF_LINE, false, phone, N_("a number to call")),
	ENTRY_FIELD("text", SF_LINE, false, text,
	    N_("how to text it, such as 'text HOME to 741741'")),
	ENTRY_FIELD("web", SF_LINE, false, web, N_("its web address")),
	ENTRY_FIELD("hours", SF_LINE, false, hours,
	    N_("when it answers, such as 24/7")),
};

static void
parse_entries(struct schema *sc, const struct ynode *n, void *obj)
{
	struct help_country *h = obj;

	h->entries = schema_list(sc, n, "entries", 64, sizeof *h->entries,
	    entry_fields, RF_ARRAY_LEN(entry_fields),
	    offsetof(struct help_entry, line), N_("an entry"),
	    &h->entry_count);
}

#define COUNTRY_FIELD(k, kind, req, member, ex) \
	{ k, kind, req, offsetof(struct help_country, member), 0, 0, 0, NULL, \
	    ex }

static const struct schema_field country_fields[] = {
	COUNTRY_FIELD("country", SF_LINE, true, code,
	    N_("a two-letter country code such as GB, or 'international'")),
	COUNTRY_FIELD("name", SF_LINE, true, name,
	    N_("the country's name, as students read it")),
	COUNTRY_FIELD("checked", SF_LINE, true, checked,
	    N_("the date the entries were last checked, such as 2026-11-30")),
	COUNTRY_FIELD("intro", SF_TEXT, false, intro,
	    N_("a first sentence, such as 'You are not in trouble.'")),
	{ "entries", SF_CUSTOM, true, 0, 0, 0, 0, parse_entries,
	    N_("a list of '- for: ...' entries") },
};

void
help_destroy(struct help_country *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->entry_count; i++) {
		struct help_entry *e = &h->entries[i];

		free(e->name);
		free(e->about);
		free(e->phone);
		free(e->text);
		free(e->web);
		free(e->hours);
	}
	free(h->entries);
	free(h->file);
	free(h->code);
	free(h->name);
	free(h->checked);
	free(h->intro);
	free(h);
}

static void
check_country(struct schema *sc, struct help_country *h)
{
	size_t i;

	for (i = 0; i < h->entry_count; i++) {
		const struct help_entry *e = &h->entries[i];

		if (e->name != NULL && e->phone == NULL && e->text == NULL &&
		    e->web == NULL && e->kind != HELP_TRUSTED_ADULT &&
		    e->kind != HELP_REPORT_PLATFORM)
			diag_add(sc->diags, DIAG_WARNING, DIAG_CONTENT,
			    sc->file, e->line, e->col, "%s",
			    _("this entry has no 'phone', 'text' or 'web'; say "
			    "how to reach it"));
	}
}

struct help_country *
help_load(const char *path, struct diag_list *diags)
{
	struct schema sc = { path, diags };
	size_t errors = diag_count(diags, DIAG_ERROR);
	struct help_country *h = xcalloc(1, sizeof *h);

	h->file = xstrdup(path);
	schema_load_file(path, ytree_default_limits.max_bytes, country_fields,
	    RF_ARRAY_LEN(country_fields), h, N_("the help file"),
	    _("the file is empty; a help file starts with 'country:', "
	    "'name:', 'checked:' and 'entries:'"), diags);
	/* What could be read is checked too: every problem at once. */
	check_country(&sc, h);
	if (diag_count(diags, DIAG_ERROR) > errors) {
		help_destroy(h);
		return NULL;
	}
	return h;
}

/* The territory of a locale name: "en_GB.UTF-8@euro" gives "GB". */
static bool
territory(const char *locale, char out[3])
{
	const char *u;

	if (locale == NULL || (u = strchr(locale, '_')) == NULL)
		return false;
	if (!isalpha((unsigned char)u[1]) || !isalpha((unsigned char)u[2]) ||
	    (u[3] != '\0' && u[3] != '.' && u[3] != '@'))
		return false;
	out[0] = (char)toupper((unsigned char)u[1]);
	out[1] = (char)toupper((unsigned char)u[2]);
	out[2] = '\0';
	return true;
}

const char *
help_pick_country(const char *wanted)
{
	static char code[16];
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	if (wanted != NULL && *wanted != '\0') {
		if (strcasecmp(wanted, "international") == 0)
			return "international";
		for (i = 0; i + 1 < sizeof code && wanted[i] != '\0'; i++)
			code[i] = (char)toupper((unsigned char)wanted[i]);
		code[i] = '\0';
		/* The United Kingdom's ISO code is GB; accept UK too. */
		if (strcmp(code, "UK") == 0)
			strcpy(code, "GB");
		return code;
	}
	for (i = 0; i < RF_ARRAY_LEN(vars); i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0') {
			char t[3];

			if (territory(v, t)) {
				memcpy(code, t, 3);
				return code;
			}
			/* A set variable decides, as for the locale. */
			break;
		}
	}
	return "international";
}

static struct help_country *
find_file(const char *const *dirs, size_t ndirs, const char *lang,
    const char *name, struct diag_list *diags)
{
	size_t i;

	for (i = 0; i < ndirs; i++) {
		char *path = lang ? xasprintf("%s/%s/%s.yaml", dirs[i], lang,
		    name) : xasprintf("%s/%s.yaml", dirs[i], name);
		struct stat st;
		struct help_country *h = NULL;

		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			h = help_load(path, diags);
		free(path);
		if (h != NULL)
			return h;
	}
	return NULL;
}

struct help_country *
help_find(const char *const *dirs, size_t ndirs, const char *lang,
    const char *country, struct help_country **school,
    struct diag_list *diags)
{
	char lower[16];
	struct help_country *h = NULL;
	size_t i;

	for (i = 0; i + 1 < sizeof lower && country[i] != '\0'; i++)
		lower[i] = (char)tolower((unsigned char)country[i]);
	lower[i] = '\0';
	if (school != NULL)
		*school = find_file(dirs, ndirs, NULL, "school", diags);
	if (lang != NULL)
		h = find_file(dirs, ndirs, lang, lower, diags);
	if (h == NULL)
		h = find_file(dirs, ndirs, "en", lower, diags);
	if (h == NULL && lang != NULL)
		h = find_file(dirs, ndirs, lang, "international", diags);
	if (h == NULL)
		h = find_file(dirs, ndirs, "en", "international", diags);
	return h;
}

static int
cmp_country(const void *a, const void *b)
{
	const struct help_country *x = *(struct help_country *const *)a;
	const struct help_country *y = *(struct help_country *const *)b;

	return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

static bool
have_code(const struct help_set *set, const char *code)
{
	size_t i;

	for (i = 0; i < set->count; i++) {
		if (strcasecmp(set->countries[i]->code, code) == 0)
			return true;
	}
	return false;
}

static void
load_folder(struct help_set *set, const char *dir, struct diag_list *diags)
{
	size_t n, i;
	char **names = paths_list_dir(dir, &n);

	for (i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		struct help_country *h;
		char *path;

		if (len < 6 || strcmp(names[i] + len - 5, ".yaml") != 0)
			continue;
		path = paths_join(dir, names[i]);
		h = help_load(path, diags);
		free(path);
		if (h == NULL)
			continue;
		if (have_code(set, h->code)) {
			help_destroy(h);	/* an earlier folder wins */
			continue;
		}
		set->countries = xreallocarray(set->countries, set->count + 1,
		    sizeof *set->countries);
		set->countries[set->count++] = h;
	}
	paths_free_list(names);
}

void
help_set_load(struct help_set *set, const char *const *dirs, size_t ndirs,
    const char *lang, const char *wanted, struct diag_list *diags)
{
	const char *code = help_pick_country(wanted);
	size_t i;

	memset(set, 0, sizeof *set);
	for (i = 0; i < ndirs; i++) {
		char *d;

		if (lang != NULL && strcmp(lang, "en") != 0) {
			d = paths_join(dirs[i], lang);
			load_folder(set, d, diags);
			free(d);
		}
		d = paths_join(dirs[i], "en");
		load_folder(set, d, diags);
		free(d);
	}
	set->school = NULL;
	for (i = 0; i < ndirs && set->school == NULL; i++) {
		char *path = paths_join(dirs[i], "school.yaml");
		struct stat st;

		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			set->school = help_load(path, diags);
		free(path);
	}
	if (set->count > 1)
		qsort(set->countries, set->count, sizeof *set->countries,
		    cmp_country);
	set->current = 0;
	for (i = 0; i < set->count; i++) {
		if (strcasecmp(set->countries[i]->code, "international") == 0)
			set->current = i;
	}
	for (i = 0; i < set->count; i++) {
		if (strcasecmp(set->countries[i]->code, code) == 0)
			set->current = i;
	}
}

static void
free_deferred(struct help_set *set)
{
	size_t i;

	for (i = 0; i < set->ndirs; i++)
		free(set->dirs[i]);
	free(set->dirs);
	free(set->lang);
	free(set->wanted);
	set->dirs = NULL;
	set->ndirs = 0;
	set->lang = set->wanted = NULL;
	set->deferred = false;
}

void
help_set_finish(struct help_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	free_deferred(set);
	for (i = 0; i < set->count; i++)
		help_destroy(set->countries[i]);
	free(set->countries);
	help_destroy(set->school);
	memset(set, 0, sizeof *set);
}

void
help_set_defer(struct help_set *set, const char *const *dirs, size_t ndirs,
    const char *lang, const char *wanted)
{
	size_t i;

	memset(set, 0, sizeof *set);
	set->deferred = true;
	set->dirs = xcalloc(ndirs + 1, sizeof *set->dirs);
	for (i = 0; i < ndirs; i++)
		set->dirs[i] = xstrdup(dirs[i]);
	set->ndirs = ndirs;
	set->lang = lang != NULL ? xstrdup(lang) : NULL;
	set->wanted = wanted != NULL ? xstrdup(wanted) : NULL;
}

const struct help_country *
help_set_current(struct help_set *set)
{
	if (set != NULL && set->deferred) {
		struct help_set loaded;
		struct diag_list ignored;

		diag_list_init(&ignored);
		help_set_load(&loaded, (const char *const *)set->dirs,
		    set->ndirs, set->lang, set->wanted, &ignored);
		diag_list_finish(&ignored);
		free_deferred(set);
		*set = loaded;
	}
	if (set == NULL || set->count == 0)
		return NULL;
	return set->countries[set->current];
}
