/* cmd-new.c - `redflags new`: a template lesson that passes check. */
#include "cmd-new.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "lesson.h"
#include "util.h"

/* The file name without folders and ".yaml", as an id: my-lesson. */
static char *
id_from(const char *path)
{
	const char *base = strrchr(path, '/');
	struct buf b;
	size_t i, n;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < n && b.len < 64; i++) {
		char c = base[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_addc(&b, c);
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_addc(&b, '-');
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_adds(&b, "new-lesson");
	return buf_steal(&b);
}

/* The template stays in English: it is the file format's own words. */
static const char template_text[] =
"# A new redflags lesson. Every key is explained in docs/lesson-format.md.\n"
"# Check it as you write: redflags check %s\n"
"# See it as a student will: redflags preview %s (r reloads the file)\n"
"\n"
"id: %s                 # unique in the whole catalogue\n"
"title: A new lesson\n"
"topic: %s\n"
"ages: 13-17\n"
"minutes: 10\n"
"content_note: >\n"
"  What this lesson talks about, in plain words. Any part can be skipped,\n"
"  and help is one key away.\n"
"objectives:\n"
"  - What students will be able to do afterwards\n"
"sources:                  # where every fact and figure comes from\n"
"  - publisher: The organisation\n"
"    title: The page or report\n"
"    year: 2024\n"
"    url: https://example.org/\n"
"steps:\n"
"  - page:\n"
"      title: A first page\n"
"      text: |\n"
"        A paragraph in short sentences.\n"
"\n"
"        - a bullet\n"
"        - another bullet\n"
"  - choice:                # one right answer\n"
"      id: first-question\n"
"      prompt: What could Sam do?\n"
"      hint: A nudge, shown with t.\n"
"      options:\n"
"        - text: A common reaction\n"
"          feedback: Kindly, why another step is safer. Never blame.\n"
"        - text: The safer step\n"
"          correct: true\n"
"          feedback: Why this helps.\n"
"  - truefalse:\n"
"      id: first-statement\n"
"      statement: It is the young person's fault.\n"
"      answer: false\n"
"      feedback: It is never the young person's fault.\n"
"  - page:\n"
"      title: Who can help\n"
"      help: true           # shows the help list for the student's country\n"
"      text: You won't be in trouble for asking for help.\n"
"remember:\n"
"  - It is never your fault.\n";

int
cmd_new(const char *path, const char *topic, FILE *err)
{
	char *id, *text;
	size_t len, done = 0;
	int fd;

	if (lesson_topic_parse(topic) < 0) {
		fprintf(err, _("redflags new: unknown topic '%s'; use one of: "
		    "grooming, sextortion, recruitment, help\n"), topic);
		return 2;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(err, errno == EEXIST ? _("redflags new: %s already "
		    "exists; choose another name\n") : _("redflags new: cannot "
		    "write %s: %s\n"), path, strerror(errno));
		return 1;
	}
	id = id_from(path);
	text = xasprintf(template_text, path, path, id, topic);
	len = strlen(text);
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done < len || close(fd) != 0) {
		fprintf(err, _("redflags new: cannot write %s: %s\n"), path,
		    strerror(errno));
		unlink(path);
		free(text);
		free(id);
		return 1;
	}
	fprintf(err, _("redflags new: wrote %s (id '%s'); check it with "
	    "'redflags check %s'\n"), path, id, path);
	free(text);
	free(id);
	return 0;
}
