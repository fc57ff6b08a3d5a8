/* cli.c - the command line. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

void
cli_usage(FILE *out)
{
	fputs(_("Usage: redflags [OPTION]...\n"
	    "       redflags check [OPTION]... [FILE|DIR]...\n"
	    "       redflags list [OPTION]...\n"
	    "       redflags new FILE --topic TOPIC\n"
	    "       redflags preview FILE [--step ID]\n"
	    "       redflags class LESSON\n"
	    "       redflags report [DIR] [--class CODE] [--csv]\n"
	    "\n"
	    "Interactive lessons for young people about online grooming,\n"
	    "sextortion and recruitment: the red flags, what to do, and\n"
	    "where to get help.\n"
	    "\n"
	    "Commands:\n"
	    "  (none)          start the lessons\n"
	    "  check [PATH]... check lesson files (every lesson found when\n"
	    "                  no PATH is given); exit 0 when clean, 1 when\n"
	    "                  not, messages to standard error\n"
	    "                  (--werror: warnings fail too; --format json:\n"
	    "                  one JSON object on standard output)\n"
	    "  list            show the lessons found and where they came from\n"
	    "  new FILE        write a commented template lesson that passes\n"
	    "                  check (--topic grooming|sextortion|recruitment|help)\n"
	    "  preview FILE    open one lesson at once (--step ID to start at a\n"
	    "                  step); r reloads it from disk, keeping the place\n"
	    "  class LESSON    lead one lesson (an id or a file) on a projector:\n"
	    "                  answers are shown when you press Enter, with the\n"
	    "                  lesson's discussion questions; nothing is saved\n"
	    "  report [DIR]    what a class understood, from the anonymous\n"
	    "                  result records in DIR (default: the settings'\n"
	    "                  'results' folder); --class CODE, --csv\n"
	    "\n"
	    "Options:\n"
	    "  --lessons DIR   also read lessons from DIR (may be repeated)\n"
	    "  --no-color      do not use colour (as does NO_COLOR=1)\n"
	    "  --high-contrast bold and reverse only: no dim text, no colour\n"
	    "  --plain         no full-screen interface: text in reading order,\n"
	    "                  answers typed as numbers (for screen readers,\n"
	    "                  braille displays and scripts); also used when\n"
	    "                  TERM is dumb or the output is not a terminal\n"
	    "  --lang CODE     the language: en or es (default: LANGUAGE,\n"
	    "                  LC_ALL, LC_MESSAGES or LANG, else English)\n"
	    "  --class CODE    a class code for this session's result records\n"
	    "  --country CODE  the help to show: US, GB, CA, AU, ES, MX, FR, DE\n"
	    "                  or international (default: from the locale)\n"
	    "  -h, --help      show this help and exit\n"
	    "  -V, --version   show the version and exit\n"
	    "\n"
	    "Keys: arrows or j/k move, Enter chooses, Space marks, q goes back,\n"
	    "? lists every key, h shows where to get help, and x leaves at once\n"
	    "(quick exit: the screen is cleared and progress is saved).\n"
	    "\n"
	    "Lessons are also read from $REDFLAGS_LESSONS (a colon-separated\n"
	    "list), $XDG_DATA_HOME/redflags/lessons and each\n"
	    "$XDG_DATA_DIRS/redflags/lessons.  Progress is kept only on this\n"
	    "computer, in $XDG_DATA_HOME/redflags/.\n"), out);
}

static void
add(const char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

int
cli_parse(struct cli *c, int argc, char **argv)
{
	bool command_seen = false, options_done = false;
	int i;

	memset(c, 0, sizeof *c);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!options_done && strcmp(a, "--") == 0) {
			options_done = true;
		} else if (!options_done && strcmp(a, "--lessons") == 0) {
			if (i + 1 >= argc) {
				c->error = xstrdup(_("--lessons needs a "
				    "directory"));
				return -1;
			}
			add(&c->lesson_dirs, &c->lesson_dir_count, argv[++i]);
		} else if (!options_done &&
		    strncmp(a, "--lessons=", 10) == 0) {
			add(&c->lesson_dirs, &c->lesson_dir_count, a + 10);
		} else if (!options_done && (strcmp(a, "--no-color") == 0 ||
		    strcmp(a, "--no-colour") == 0)) {
			c->no_color = true;
		} else if (!options_done && strcmp(a, "--werror") == 0) {
			c->werror = true;
		} else if (!options_done && (strcmp(a, "--format") == 0 ||
		    strncmp(a, "--format=", 9) == 0)) {
			const char *f = a[8] == '=' ? a + 9 :
			    (i + 1 < argc ? argv[++i] : "");

			if (strcmp(f, "json") == 0) {
				c->json = true;
			} else if (strcmp(f, "text") != 0) {
				c->error = xstrdup(_("--format is 'text' or "
				    "'json'"));
				return -1;
			}
		} else if (!options_done && strcmp(a, "--topic") == 0) {
			if (i + 1 >= argc) {
				c->error = xstrdup(_("--topic needs a topic: "
				    "grooming, sextortion, recruitment or help"));
				return -1;
			}
			c->topic = argv[++i];
		} else if (!options_done && strcmp(a, "--class") == 0) {
			if (i + 1 >= argc) {
				c->error = xstrdup(_("--class needs a class "
				    "code, such as 7B-2026"));
				return -1;
			}
			c->class_code = argv[++i];
		} else if (!options_done && strcmp(a, "--csv") == 0) {
			c->csv = true;
		} else if (!options_done && strcmp(a, "--step") == 0) {
			if (i + 1 >= argc) {
				c->error = xstrdup(_("--step needs a step id"));
				return -1;
			}
			c->step = argv[++i];
		} else if (!options_done && strcmp(a, "--high-contrast") == 0) {
			c->high_contrast = true;
		} else if (!options_done && strcmp(a, "--plain") == 0) {
			c->plain = true;
		} else if (!options_done && strcmp(a, "--lang") == 0) {
			if (i + 1 >= argc) {
				c->error = xstrdup(_("--lang needs a language "
				    "code, such as en or es"));
				return -1;
			}
			c->lang = argv[++i];
		} else if (!options_done && strncmp(a, "--lang=", 7) == 0) {
			c->lang = a + 7;
		} else if (!options_done && strcmp(a, "--country") == 0) {
			if (i + 1 >= argc) {
				c->error = xstrdup(_("--country needs a country "
				    "code, such as US, GB or international"));
				return -1;
			}
			c->country = argv[++i];
		} else if (!options_done &&
		    strncmp(a, "--country=", 10) == 0) {
			c->country = a + 10;
		} else if (!options_done && (strcmp(a, "--help") == 0 ||
		    strcmp(a, "-h") == 0)) {
			c->command = CLI_HELP;
			return 0;
		} else if (!options_done && (strcmp(a, "--version") == 0 ||
		    strcmp(a, "-V") == 0)) {
			c->command = CLI_VERSION;
			return 0;
		} else if (!options_done && a[0] == '-' && a[1] != '\0') {
			c->error = xasprintf(_("unknown option '%s' (see "
			    "'redflags --help')"), a);
			return -1;
		} else if (!command_seen && c->arg_count == 0 &&
		    strcmp(a, "check") == 0) {
			c->command = CLI_CHECK;
			command_seen = true;
		} else if (!command_seen && strcmp(a, "list") == 0) {
			c->command = CLI_LIST;
			command_seen = true;
		} else if (!command_seen && strcmp(a, "new") == 0) {
			c->command = CLI_NEW;
			command_seen = true;
		} else if (!command_seen && strcmp(a, "preview") == 0) {
			c->command = CLI_PREVIEW;
			command_seen = true;
		} else if (!command_seen && strcmp(a, "class") == 0) {
			c->command = CLI_CLASS;
			command_seen = true;
		} else if (!command_seen && strcmp(a, "report") == 0) {
			c->command = CLI_REPORT;
			command_seen = true;
		} else if (c->command == CLI_CHECK ||
		    ((c->command == CLI_NEW || c->command == CLI_PREVIEW ||
		    c->command == CLI_CLASS || c->command == CLI_REPORT) &&
		    c->arg_count == 0)) {
			add(&c->args, &c->arg_count, a);
		} else {
			c->error = xasprintf(_("unknown command '%s'; the "
			    "commands are 'check', 'list', 'new', 'preview', "
			    "'class' and 'report' (see 'redflags --help')"), a);
			return -1;
		}
	}
	if (c->command == CLI_CLASS && c->arg_count == 0) {
		c->error = xstrdup(_("'class' needs a lesson id or file, such "
		    "as 'redflags class grooming-how-it-starts'"));
		return -1;
	}
	if ((c->command == CLI_NEW || c->command == CLI_PREVIEW) &&
	    c->arg_count == 0) {
		c->error = xstrdup(c->command == CLI_NEW ?
		    _("'new' needs the file to write, such as 'redflags new "
		    "my-lesson.yaml --topic grooming'") :
		    _("'preview' needs a lesson file"));
		return -1;
	}
	if (c->command == CLI_NEW && c->topic == NULL) {
		c->error = xstrdup(_("'new' needs --topic: grooming, "
		    "sextortion, recruitment or help"));
		return -1;
	}
	return 0;
}

void
cli_finish(struct cli *c)
{
	free(c->lesson_dirs);
	free(c->args);
	free(c->error);
	memset(c, 0, sizeof *c);
}
