/* cmd-list.c - `redflags list`. */
#include "cmd-list.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

static void
put_safe(FILE *out, const char *s)
{
	char *safe = text_sanitize(s, strlen(s), 0);

	fputs(safe, out);
	free(safe);
}

int
cmd_list(const struct catalog *c, FILE *out)
{
	size_t i, j;

	fprintf(out, "%s\n", _("Lesson folders, searched in this order:"));
	for (i = 0; i < c->dir_count; i++) {
		struct stat st;
		bool there = stat(c->dirs[i].path, &st) == 0 &&
		    S_ISDIR(st.st_mode);

		fputs("  ", out);
		put_safe(out, c->dirs[i].path);
		fprintf(out, "  (%s)%s\n", c->dirs[i].origin,
		    there ? "" : _("  [not there]"));
	}
	fprintf(out, "\n%s\n", _("Lessons:"));
	for (i = 0; i < c->count; i++) {
		const struct catalog_entry *e = &c->entries[i];

		fprintf(out, "  %-32s %-12s %3d min  ", e->lesson->id,
		    lesson_topic_key(e->lesson->topic), e->lesson->minutes);
		put_safe(out, e->lesson->title);
		fputs("\n      ", out);
		put_safe(out, e->lesson->file);
		fprintf(out, "  (%s)", e->dir->origin);
		if (e->shadowed) {
			for (j = 0; j < c->count; j++) {
				if (!c->entries[j].shadowed &&
				    strcmp(c->entries[j].lesson->id,
				    e->lesson->id) == 0)
					break;
			}
			fputs(_("  [hidden: the same id is used by "), out);
			if (j < c->count)
				put_safe(out, c->entries[j].lesson->file);
			fputs("]", out);
		}
		fputs("\n", out);
	}
	if (c->count == 0)
		fprintf(out, "  %s\n", _("(none found)"));
	if (c->files_failed > 0) {
		fputc('\n', out);
		fprintf(out, ngettext("%zu lesson file has errors and is left "
		    "out; run 'redflags check' to see them.\n",
		    "%zu lesson files have errors and are left out; run "
		    "'redflags check' to see them.\n", c->files_failed),
		    c->files_failed);
	}
	return 0;
}
