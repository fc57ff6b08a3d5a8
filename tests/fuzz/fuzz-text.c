/*
 * fuzz-text.c - the UTF-8 checks, the sanitiser, truncation and the
 * wrapper, with the promises text.h makes checked on every input.  The
 * first byte picks the width (1 to 120; text_wrap treats under 2 as 2)
 * and the bullet; the rest is the text.  A broken promise abort()s.
 */
#include "fuzz.h"

#include <string.h>

#include "text.h"
#include "util.h"

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

/* What text_sanitize promises never to let through. */
static bool
forbidden(uint32_t cp, bool keep_newlines)
{
	if (cp == '\n')
		return !keep_newlines;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return true;
	if (cp == 0x061c || cp == 0x200b || cp == 0x200e || cp == 0x200f ||
	    cp == 0x2060 || cp == 0xfeff || cp == 0x2028 || cp == 0x2029)
		return true;
	return (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* Valid UTF-8 that decodes and re-encodes to itself, with nothing in it
 * the sanitiser drops. */
static void
check_clean(const char *s, bool keep_newlines)
{
	size_t len = strlen(s), i = 0, n;
	char enc[4];
	uint32_t cp;

	REQUIRE(text_utf8_valid(s, len, NULL));
	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		REQUIRE(n >= 1 && n <= 4 && n <= len - i);
		REQUIRE(!forbidden(cp, keep_newlines));
		REQUIRE(text_utf8_encode(cp, enc) == n);
		REQUIRE(memcmp(enc, s + i, n) == 0);
		i += n;
	}
}

static void
check_validator(const char *s, size_t len)
{
	size_t bad = (size_t)-1, i = 0, n;
	uint32_t cp;

	if (text_utf8_valid(s, len, &bad)) {
		/* Valid text decodes without a replacement it did not hold. */
		while (i < len) {
			char enc[4];

			n = text_utf8_decode(s + i, len - i, &cp);
			REQUIRE(text_utf8_encode(cp, enc) == n &&
			    memcmp(enc, s + i, n) == 0);
			i += n;
		}
		return;
	}
	/* Everything before the first bad byte is valid. */
	REQUIRE(bad < len);
	REQUIRE(text_utf8_valid(s, bad, NULL));
}

static void
check_sanitize(const char *s, size_t len, unsigned flags)
{
	bool keep = (flags & TEXT_KEEP_NEWLINES) != 0;
	char *out = text_sanitize(s, len, flags), *again;

	REQUIRE(out != NULL);
	check_clean(out, keep);
	/* Sanitising twice changes nothing. */
	again = text_sanitize(out, strlen(out), flags);
	REQUIRE(strcmp(again, out) == 0);
	free(again);
	REQUIRE(text_width(out) >= 0);
	free(out);
}

static void
check_truncate(const char *s, int cols, const char *ellipsis)
{
	char *t = text_truncate(s, cols, ellipsis);

	REQUIRE(t != NULL);
	check_clean(t, true);
	REQUIRE(text_width(t) <= (cols > 0 ? cols : 0));
	/* What fits is not cut (at 0 columns, even zero-width text goes). */
	if (cols > 0 && text_width(s) <= cols)
		REQUIRE(strcmp(t, s) == 0);
	free(t);
}

static void
check_wrap(const char *s, int width, const char *bullet)
{
	struct text_lines tl;
	int room = width < 2 ? 2 : width;
	size_t i;

	text_lines_init(&tl);
	text_wrap(s, width, bullet, &tl);
	for (i = 0; i < tl.count; i++) {
		const struct text_line *l = &tl.lines[i];

		REQUIRE(l->text != NULL);
		REQUIRE(strchr(l->text, '\n') == NULL);
		check_clean(l->text, false);
		REQUIRE(l->width == text_width(l->text));
		/* A cluster is at most 2 wide and room is at least 2, so
		 * every line fits. */
		REQUIRE(l->width <= room);
	}
	/* Text with a word in it gives at least one line ("- " alone, an
	 * empty bullet, may give none). */
	if (strspn(s, " \n-") < strlen(s))
		REQUIRE(tl.count > 0);
	/* check's page-length count, which makes no lines, agrees. */
	REQUIRE(text_wrap_count(s, width, bullet) == tl.count);
	text_lines_finish(&tl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const bullets[] = { "• ", "- ", "★ ", "" };
	static const char *const ellipses[] = { "…", "...", NULL };
	const char *s;
	char *raw, *clean;
	int width;
	size_t len;

	fuzz_setup();
	if (size == 0)
		return 0;
	width = 1 + data[0] % 120;
	len = size - 1;
	/* Exactly len bytes, so a read past the end is caught. */
	raw = xmalloc(len ? len : 1);
	memcpy(raw, data + 1, len);
	s = raw;

	check_validator(s, len);
	{
		/* The word-at-a-time scan against its definition. */
		size_t n = 0;

		while (n < len && (unsigned char)s[n] >= 0x20 &&
		    (unsigned char)s[n] < 0x7f)
			n++;
		REQUIRE(text_ascii_span(s, len) == n);
	}
	check_sanitize(s, len, 0);
	check_sanitize(s, len, TEXT_KEEP_NEWLINES);

	clean = text_sanitize(s, len, TEXT_KEEP_NEWLINES);
	check_wrap(clean, width, bullets[data[0] % 4]);
	check_truncate(clean, width, ellipses[data[0] % 3]);
	check_truncate(clean, width - 8, ellipses[(data[0] / 3) % 3]);
	free(clean);
	free(raw);
	return 0;
}
