/*
 * resources.h - where to get help: helplines, reporting and image-removal
 * services, emergency numbers, and a school's own people, read from YAML
 * files educators can edit (one file per country and language).
 *
 * Files live in help/<lang>/<country>.yaml under each data directory of
 * the lesson search path (see catalog.h), plus an optional
 * help/school.yaml that a school adds for its own counsellor.  Format:
 * docs/help-format.md.  No curses here.
 */
#ifndef RF_RESOURCES_H
#define RF_RESOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* What an entry is for; the help screen shows them in this order. */
enum help_kind {
	HELP_TRUSTED_ADULT,	/* a parent, teacher, the school counsellor */
	HELP_REPORT_PLATFORM,	/* the app's own report button */
	HELP_REPORT,		/* national reporting services, hotlines */
	HELP_IMAGE_REMOVAL,	/* Take It Down, Report Remove... */
	HELP_TRAFFICKING,	/* trafficking hotlines */
	HELP_SUPPORT,		/* someone to talk to: child helplines */
	HELP_EMERGENCY,		/* the emergency number */
	HELP_KIND_COUNT,
};

struct help_entry {
	enum help_kind kind;
	char *name;		/* "Childline" */
	char *about;		/* who it is for, what it does; may be NULL */
	char *phone;		/* may be NULL */
	char *text;		/* "text HOME to 741741"; may be NULL */
	char *web;		/* "childline.org.uk"; may be NULL */
	char *hours;		/* "24/7"; may be NULL */
	int line, col;		/* where it is in its file */
};

struct help_country {
	char *file;
	char *code;		/* "US", "GB", ... or "international" */
	char *name;		/* "United States" */
	char *checked;		/* "2026-11-30": when last checked */
	char *intro;		/* "You are not in trouble..."; may be NULL */
	struct help_entry *entries;
	size_t entry_count;
};

/*
 * Read one help file.  Problems go to 'diags'.  Returns NULL when it
 * cannot be used (check diag_count(diags, DIAG_ERROR)).
 */
struct help_country *help_load(const char *path, struct diag_list *diags);
void help_destroy(struct help_country *h);

/* The stable key of a kind ("trusted-adult"...) and its heading,
 * translated ("Talk to someone you trust"). */
const char *help_kind_key(enum help_kind k);
const char *help_kind_heading(enum help_kind k);

/*
 * The country to show: 'wanted' (from --country or the configuration)
 * when given, else the territory of the locale (LC_ALL, LC_MESSAGES,
 * LANG: "en_GB.UTF-8" gives "GB"), else "international".  Returns an
 * upper-case code or "international"; static storage.
 */
const char *help_pick_country(const char *wanted);

/*
 * Find and load the help for 'country' in 'lang' from the data
 * directories (each dir/help/<lang>/<code>.yaml, file names in lower
 * case, first found wins), falling back to English and then to
 * "international".  *school (may be NULL) gets help/school.yaml when one
 * exists.  Returns NULL only when nothing at all can be read.
 */
struct help_country *help_find(const char *const *dirs, size_t ndirs,
    const char *lang, const char *country, struct help_country **school,
    struct diag_list *diags);

/*
 * Every help file that can be shown, for the help screen's "change
 * country": the countries found in help/<lang>/ and help/en/ of every
 * folder (first found wins per code), sorted by name, with 'current' on
 * the one help_pick_country(wanted) names (or international, or 0).
 */
struct help_set {
	struct help_country **countries;
	size_t count;
	size_t current;
	struct help_country *school;	/* help/school.yaml, or NULL */
	/* help_set_defer's: what to read on first use. */
	bool deferred;
	char **dirs;
	size_t ndirs;
	char *lang, *wanted;
};

void help_set_load(struct help_set *set, const char *const *dirs,
    size_t ndirs, const char *lang, const char *wanted,
    struct diag_list *diags);

/* The same, read only when help is first shown (help_set_current), so
 * the first screen does not wait for every country's file.  Problems
 * are not kept: `redflags check` reports them. */
void help_set_defer(struct help_set *set, const char *const *dirs,
    size_t ndirs, const char *lang, const char *wanted);
void help_set_finish(struct help_set *set);

/* The country shown now (reading a deferred set), or NULL when no help
 * file could be read. */
const struct help_country *help_set_current(struct help_set *set);

#endif
