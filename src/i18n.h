/* i18n.h - gettext shorthands.  Every string a user sees goes through _(). */
#ifndef RF_I18N_H
#define RF_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
