/* i18n.h - gettext shorthands.  Every string a user sees goes through _(). */
#ifndef RF_I18N_H
#define RF_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * The language to use: 'wanted' (--lang) when given, else the first of
 * LANGUAGE, LC_ALL, LC_MESSAGES and LANG that names one, else "en".
 * Returns a lower-case code such as "es" (static storage).
 */
const char *i18n_pick_language(const char *wanted);

/*
 * Choose the language and bind the message catalogue (the build tree's
 * when running from it), so that the interface is translated even on a
 * machine with no generated locale for it.  Returns the language code,
 * for the lessons and the help.
 */
const char *i18n_setup(const char *wanted);

#endif
