/* i18n.c - choosing the language, and binding the message catalogue. */
#include "i18n.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "util.h"

static bool user_utf8 = true;

/* "es_MX.UTF-8@x" or "es:en" gives "es"; "C", "POSIX" give "". */
static void
language_of(const char *name, char *out, size_t size)
{
	size_t i;

	out[0] = '\0';
	if (name == NULL || strcmp(name, "C") == 0 ||
	    strncmp(name, "C.", 2) == 0 || strcmp(name, "POSIX") == 0)
		return;
	for (i = 0; i + 1 < size && isalpha((unsigned char)name[i]); i++)
		out[i] = (char)tolower((unsigned char)name[i]);
	out[i] = '\0';
}

const char *
i18n_pick_language(const char *wanted)
{
	static char lang[16];
	static const char *const vars[] = { "LANGUAGE", "LC_ALL",
	    "LC_MESSAGES", "LANG" };
	size_t i;

	if (wanted != NULL && *wanted != '\0') {
		language_of(wanted, lang, sizeof lang);
		return lang[0] ? lang : "en";
	}
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v == NULL || *v == '\0')
			continue;
		language_of(v, lang, sizeof lang);
		if (lang[0] != '\0')
			return lang;
		/* LANGUAGE may be empty of a language; the locale decides. */
		if (i > 0)
			break;
	}
	return "en";
}

const char *
i18n_setup(const char *wanted)
{
	const char *lang = i18n_pick_language(wanted);
	const char *msgs = setlocale(LC_MESSAGES, NULL);

	/*
	 * gettext only follows LANGUAGE when the messages locale is not
	 * plain C, and school images often have no generated locales at
	 * all: C.UTF-8 always exists, so use it, and name the language
	 * through LANGUAGE.  This is how `--lang es` and LANG=es_ES.UTF-8
	 * work on a machine with only C.UTF-8.
	 */
	if (strcmp(lang, "en") != 0) {
		if (msgs == NULL || strcmp(msgs, "C") == 0 ||
		    strcmp(msgs, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
		if (wanted != NULL || getenv("LANGUAGE") == NULL ||
		    *getenv("LANGUAGE") == '\0')
			setenv("LANGUAGE", lang, 1);
	}
	if (catalog_in_build_tree())
		bindtextdomain(PACKAGE, BUILD_ROOT "/translations");
	else
		bindtextdomain(PACKAGE, LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	return lang;
}

void
i18n_setup_locale(void)
{
	/* Only the two categories redflags uses: the character set, and
	 * the messages' language (numbers and dates it prints are the same
	 * in every locale).  Loading all of them costs a file or two
	 * each at every start. */
	const char *cur = setlocale(LC_CTYPE, "");
	const char *cs;

	setlocale(LC_MESSAGES, "");
	cs = nl_langinfo(CODESET);

	user_utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	if (user_utf8)
		return;
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

bool
i18n_locale_is_utf8(void)
{
	return user_utf8;
}

char *
i18n_locale_notice(void)
{
	/* The variable that decides the character set, so the fix works:
	 * LC_ALL wins over LC_CTYPE, which wins over LANG. */
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE" };
	const char *var = "LANG";
	size_t i;

	if (user_utf8)
		return NULL;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0') {
			var = vars[i];
			break;
		}
	}
	return xasprintf(_("This terminal's language setting (the locale) is "
	    "not UTF-8, so some symbols are shown in a simpler way. To fix "
	    "it, type: export %s=C.UTF-8 before starting redflags."), var);
}
