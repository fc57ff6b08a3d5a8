/* i18n.h - gettext shorthands.  Every string a user sees goes through _(). */
#ifndef RF_I18N_H
#define RF_I18N_H

#include <libintl.h>
#include <stdbool.h>

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

/*
 * Set the locale from the environment.  School images often have no
 * generated locales (LANG unset, or C), and text widths need a UTF-8
 * character type, so when the locale's character set is not UTF-8 and it
 * is plain C/POSIX, LC_CTYPE becomes C.UTF-8 (which exists wherever glibc
 * does); a real non-UTF-8 locale is left alone.  Either way, what the
 * user's own locale said is remembered for i18n_locale_is_utf8().
 */
void i18n_setup_locale(void);

/*
 * Whether the user's locale (before any fallback) is UTF-8.  True when
 * i18n_setup_locale() was never called.  When false, the terminal may not
 * show UTF-8, so the interface draws its symbols in ASCII.
 */
bool i18n_locale_is_utf8(void);

/*
 * A sentence for the student when the locale is not UTF-8: that some
 * symbols are shown simply, and the command that fixes it.  NULL when the
 * locale is UTF-8.  Caller frees.
 */
char *i18n_locale_notice(void);

#endif
