/* tests/test-text.c - UTF-8, sanitising, widths, truncation and wrapping. */
#include <criterion/criterion.h>

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static void
setup(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"),
	    "the tests need the C.UTF-8 locale");
}

TestSuite(text, .init = setup);

/* A small deterministic generator, so a failure can be replayed. */
static uint64_t rng_state;

static void
rng_seed(uint64_t seed)
{
	rng_state = seed * 0x9e3779b97f4a7c15ULL + 1;
}

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

/*
 * Check what every text_wrap result must satisfy, then return its lines
 * joined with '\n' (caller frees).
 */
static void
check_lines(const struct text_lines *tl, size_t from, int width)
{
	size_t	i, n;

	for (i = from; i < tl->count; i++) {
		const char	*t = tl->lines[i].text;

		cr_assert_not_null(t);
		n = strlen(t);
		cr_assert_eq(tl->lines[i].width, text_width(t),
		    "line %zu \"%s\": width field %d, text_width %d", i, t,
		    tl->lines[i].width, text_width(t));
		cr_assert_leq(tl->lines[i].width, width,
		    "line %zu \"%s\" is %d columns, more than %d", i, t,
		    tl->lines[i].width, width);
		cr_assert_null(strchr(t, '\n'), "newline in line %zu", i);
		cr_assert(n == 0 || t[n - 1] != ' ',
		    "trailing space in line %zu \"%s\"", i, t);
		cr_assert(text_utf8_valid(t, n, NULL),
		    "line %zu is not valid UTF-8", i);
	}
	if (tl->count > from) {
		cr_assert_neq(tl->lines[from].text[0], '\0',
		    "leading empty line");
		cr_assert_neq(tl->lines[tl->count - 1].text[0], '\0',
		    "trailing empty line");
	}
	for (i = from + 1; i < tl->count; i++)
		cr_assert(tl->lines[i].text[0] != '\0' ||
		    tl->lines[i - 1].text[0] != '\0',
		    "two empty lines in a row at %zu", i);
}

static char *
join_lines(const struct text_lines *tl, size_t from)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = from; i < tl->count; i++) {
		if (i > from)
			buf_addc(&b, '\n');
		buf_adds(&b, tl->lines[i].text);
	}
	return buf_steal(&b);
}

static char *
wrap(const char *s, int width, const char *bullet)
{
	struct text_lines	 tl;
	char			*r;

	text_lines_init(&tl);
	text_wrap(s, width, bullet, &tl);
	check_lines(&tl, 0, width);
	r = join_lines(&tl, 0);
	text_lines_finish(&tl);
	return r;
}

#define assert_wrap(in, width, bullet, expected) do {			\
	char *got_ = wrap((in), (width), (bullet));			\
	cr_assert_str_eq(got_, (expected), "wrap(\"%s\", %d)",		\
	    (in), (width));						\
	free(got_);							\
} while (0)

#define assert_sanitize(in, len, flags, expected) do {			\
	char *got_ = text_sanitize((in), (len), (flags));		\
	cr_assert_str_eq(got_, (expected));				\
	free(got_);							\
} while (0)

#define assert_truncate(in, cols, ell, expected) do {			\
	char *got_ = text_truncate((in), (cols), (ell));		\
	cr_assert_str_eq(got_, (expected), "truncate(\"%s\", %d)",	\
	    (in), (cols));						\
	cr_assert_leq(text_width(got_), (cols) < 0 ? 0 : (cols));	\
	free(got_);							\
} while (0)

/* ---- UTF-8 validation ---- */

Test(text, valid_accepts_ascii_and_multibyte)
{
	const char	*s = "plain, héllo, 你好, 😀, e\u0301";
	size_t		 off = 12345;

	cr_assert(text_utf8_valid(s, strlen(s), &off));
	cr_assert_eq(off, 12345, "bad_offset touched on success");
	cr_assert(text_utf8_valid("", 0, NULL));
}

Test(text, valid_accepts_every_boundary_code_point)
{
	static const char *const ok[] = {
		"\x7f", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80",
		"\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
		"\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
	};
	size_t	i;

	for (i = 0; i < RF_ARRAY_LEN(ok); i++)
		cr_assert(text_utf8_valid(ok[i], strlen(ok[i]), NULL),
		    "case %zu", i);
}

Test(text, valid_reports_offset_of_first_bad_byte)
{
	static const struct {
		const char	*s;
		size_t		 len;
		size_t		 off;
	} bad[] = {
		{ "ab\xff" "cd", 5, 2 },
		{ "\x80", 1, 0 },			/* lone continuation */
		{ "\xc0\xaf", 2, 0 },			/* overlong '/' */
		{ "\xc1\xbf", 2, 0 },			/* overlong */
		{ "ok\xe0\x80\xaf", 5, 2 },		/* overlong 3 bytes */
		{ "\xf0\x80\x80\xaf", 4, 0 },		/* overlong 4 bytes */
		{ "x\xed\xa0\x80", 4, 1 },		/* surrogate D800 */
		{ "\xed\xbf\xbf", 3, 0 },		/* surrogate DFFF */
		{ "\xf4\x90\x80\x80", 4, 0 },		/* U+110000 */
		{ "\xf5\x80\x80\x80", 4, 0 },
		{ "\xfe", 1, 0 },
		{ "a\xe2\x82", 3, 1 },			/* truncated */
		{ "\xe2\x82" "a", 3, 0 },		/* cut short */
		{ "a\0b", 3, 1 },			/* NUL */
		{ "é\xc3", 3, 2 },
	};
	size_t	i, off;

	for (i = 0; i < RF_ARRAY_LEN(bad); i++) {
		off = 999;
		cr_assert_not(text_utf8_valid(bad[i].s, bad[i].len, &off),
		    "case %zu accepted", i);
		cr_assert_eq(off, bad[i].off, "case %zu: offset %zu, not %zu",
		    i, off, bad[i].off);
		cr_assert_not(text_utf8_valid(bad[i].s, bad[i].len, NULL));
	}
}

Test(text, valid_looks_only_at_len_bytes)
{
	/* The bad byte is past len, and a NUL ends nothing. */
	cr_assert(text_utf8_valid("abc\xff", 3, NULL));
	cr_assert(text_utf8_valid("\xc3\xa9\xff", 2, NULL));
	cr_assert_not(text_utf8_valid("\xc3\xa9", 1, NULL));
}

/* ---- decoding and encoding ---- */

/* The word-at-a-time scan against the plain definition: every byte value
 * at every place in and around an eight-byte word, and random runs. */
Test(text, ascii_span_counts_the_printable_ascii_prefix)
{
	char	buf[40];
	size_t	i, pos, len, want;
	int	b;

	for (b = 0; b < 256; b++) {
		for (pos = 0; pos < 20; pos++) {
			memset(buf, 'a', sizeof buf);
			buf[pos] = (char)b;
			want = b >= 0x20 && b < 0x7f ? 20 : pos;
			cr_assert_eq(text_ascii_span(buf, 20), want,
			    "byte 0x%02x at %zu", b, pos);
		}
	}
	rng_seed(11);
	for (i = 0; i < 20000; i++) {
		len = rng() % sizeof buf;
		for (pos = 0; pos < len; pos++)
			buf[pos] = (char)(rng() % 8 ? 0x20 + rng() % 0x5f :
			    rng() & 0xff);
		for (want = 0; want < len && (unsigned char)buf[want] >= 0x20 &&
		    (unsigned char)buf[want] < 0x7f; want++)
			;
		cr_assert_eq(text_ascii_span(buf, len), want, "case %zu", i);
	}
	cr_assert_eq(text_ascii_span("", 0), 0);
}

Test(text, decode_returns_code_point_and_length)
{
	static const struct {
		const char	*s;
		size_t		 n;
		uint32_t	 cp;
	} cases[] = {
		{ "A", 1, 'A' },
		{ "\xc3\xa9", 2, 0xe9 },
		{ "\xe4\xbd\xa0", 3, 0x4f60 },
		{ "\xf0\x9f\x98\x80", 4, 0x1f600 },
		{ "\xf4\x8f\xbf\xbf", 4, 0x10ffff },
		{ "\xef\xbf\xbd", 3, 0xfffd },
	};
	uint32_t	cp;
	size_t		i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
		cp = 0;
		cr_assert_eq(text_utf8_decode(cases[i].s, strlen(cases[i].s),
		    &cp), cases[i].n, "case %zu", i);
		cr_assert_eq(cp, cases[i].cp, "case %zu: U+%04X", i,
		    (unsigned)cp);
	}
}

Test(text, decode_invalid_yields_replacement_and_one_byte)
{
	static const char *const bad[] = {
		"\xff", "\x80", "\xc0\x80", ("\xe2\x82" "a"), "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80",
	};
	uint32_t	cp;
	size_t		i;

	for (i = 0; i < RF_ARRAY_LEN(bad); i++) {
		cp = 0;
		cr_assert_eq(text_utf8_decode(bad[i], strlen(bad[i]), &cp), 1,
		    "case %zu", i);
		cr_assert_eq(cp, 0xfffd, "case %zu", i);
	}
}

Test(text, decode_never_reads_past_len)
{
	uint32_t	cp;

	cr_assert_eq(text_utf8_decode("\xc3\xa9", 1, &cp), 1);
	cr_assert_eq(cp, 0xfffd);
	cr_assert_eq(text_utf8_decode("\xf0\x9f\x98\x80", 3, &cp), 1);
	cr_assert_eq(cp, 0xfffd);
	cr_assert_eq(text_utf8_decode("\0", 1, &cp), 1);
	cr_assert_eq(cp, 0);
}

Test(text, encode_round_trips_every_scalar_value)
{
	char		out[4];
	uint32_t	cp, back;
	size_t		n, expect;

	for (cp = 1; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		expect = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		n = text_utf8_encode(cp, out);
		if (n != expect)
			cr_assert_fail("U+%04X: %zu bytes", (unsigned)cp, n);
		if (!text_utf8_valid(out, n, NULL))
			cr_assert_fail("U+%04X: invalid", (unsigned)cp);
		if (text_utf8_decode(out, n, &back) != n || back != cp)
			cr_assert_fail("U+%04X: came back U+%04X",
			    (unsigned)cp, (unsigned)back);
	}
}

Test(text, encode_replaces_surrogates_and_values_beyond_unicode)
{
	static const uint32_t bad[] = { 0xd800, 0xdfff, 0x110000, 0xffffffff };
	char	out[4];
	size_t	i;

	for (i = 0; i < RF_ARRAY_LEN(bad); i++) {
		cr_assert_eq(text_utf8_encode(bad[i], out), 3);
		cr_assert_eq(memcmp(out, "\xef\xbf\xbd", 3), 0);
	}
}

/* ---- widths ---- */

Test(text, cp_width_follows_wcwidth_with_sane_fallbacks)
{
	static const struct {
		uint32_t	cp;
		int		w;
	} cases[] = {
		{ 'a', 1 }, { ' ', 1 }, { 0xe9, 1 }, { 0xfffd, 1 },
		{ 0x4e00, 2 }, { 0x3000, 2 }, { 0xac00, 2 }, { 0x1f600, 2 },
		{ 0x0301, 0 }, { 0x200d, 0 }, { 0xfe0f, 0 }, { 0x200b, 0 },
		{ 0, 0 }, { '\n', 0 }, { 0x1b, 0 }, { 0x7f, 0 }, { 0x85, 0 },
		{ 0x9f, 0 }, { 0x2028, 0 },
		{ 0x0378, 1 },		/* unassigned: wcwidth says -1 */
		{ 0x10ffff, 1 },	/* noncharacter */
		{ 0x110000, 1 },	/* not Unicode at all */
	};
	size_t	i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++)
		cr_assert_eq(text_cp_width(cases[i].cp), cases[i].w,
		    "U+%04X: %d, not %d", (unsigned)cases[i].cp,
		    text_cp_width(cases[i].cp), cases[i].w);
}

Test(text, width_counts_display_columns)
{
	cr_assert_eq(text_width(""), 0);
	cr_assert_eq(text_width(NULL), 0);
	cr_assert_eq(text_width("abc"), 3);
	cr_assert_eq(text_width("héllo"), 5);
	cr_assert_eq(text_width("你好"), 4);
	cr_assert_eq(text_width("e\u0301"), 1);
	cr_assert_eq(text_width("\U0001F468\u200D\U0001F469\u200D\U0001F467"),
	    6);
	cr_assert_eq(text_width("\u2764\uFE0F"), 1);
	cr_assert_eq(text_width("a\x1b[m"), 3);	/* ESC 0, "[m" 2 */
	cr_assert_eq(text_width("\xff\xfe"), 2);	/* replacements */
	cr_assert_eq(text_width("\xe4\xbd"), 2);	/* cut sequence */
}

/* ---- sanitising ---- */

Test(text, sanitize_keeps_ordinary_text_unchanged)
{
	const char	*s = "Hi! Don't share photos. 你好 😀 café";

	assert_sanitize(s, strlen(s), 0, s);
	assert_sanitize("", 0, 0, "");
	assert_sanitize(NULL, 0, 0, "");
}

Test(text, sanitize_removes_csi_sequences_whole)
{
	const char	*s = "\x1b[31mred\x1b[0m \x1b[2J\x1b[1;1Hhome\x1b[?25l";

	assert_sanitize(s, strlen(s), 0, "red home");
}

Test(text, sanitize_removes_osc_titles_and_hyperlinks)
{
	const char	*title = "\x1b]0;pwned\x07ok";
	const char	*link = "\x1b]8;;http://evil.example\x1b\\click"
	    "\x1b]8;;\x1b\\ here";

	assert_sanitize(title, strlen(title), 0, "ok");
	assert_sanitize(link, strlen(link), 0, "click here");
}

Test(text, sanitize_removes_other_escape_sequences)
{
	/* Charset selection, full reset, save cursor, DCS, APC, PM, SOS. */
	const char	*s = "a\x1b(Bb\x1b" "c" "c\x1b" "7d\x1bPq#0\x1b\\e"
	    "\x1b_apc\x1b\\f\x1b^pm\x07g\x1bXsos\x1b\\h";

	assert_sanitize(s, strlen(s), 0, "abcdefgh");
}

Test(text, sanitize_drops_lone_and_trailing_escapes)
{
	assert_sanitize("\x1b", 1, 0, "");
	assert_sanitize("abc\x1b", 4, 0, "abc");
	assert_sanitize("a\x1b\x1b[1mb", 7, 0, "ab");
	assert_sanitize("a\x1b\xc3\xa9", 4, 0, "aé");
	assert_sanitize("a\x1b[", 3, 0, "a");
}

Test(text, sanitize_unterminated_string_ends_at_newline)
{
	const char	*s = "before\x1b]0;evil title\nafter";

	assert_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES, "before\nafter");
	assert_sanitize(s, strlen(s), 0, "before after");
}

Test(text, sanitize_string_ended_by_esc_starts_new_sequence)
{
	const char	*s = "a\x1b]0;x\x1b[31mb";

	assert_sanitize(s, strlen(s), 0, "ab");
}

Test(text, sanitize_csi_ends_at_unexpected_character)
{
	/* A control inside CSI ends it; the text after it survives. */
	const char	*s = "a\x1b[12\ntext";

	assert_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES, "a\ntext");
}

Test(text, sanitize_removes_c1_controls_and_c1_sequences)
{
	/* U+009B is CSI, U+009D OSC, U+009C ST, U+0085 NEL. */
	const char	*s = "a\xc2\x9b" "31mb\xc2\x85" "c\xc2\x9d" "0;t"
	    "\xc2\x9c" "d\xc2\x80\xc2\x9f" "x\xc2\x9c" "e";

	assert_sanitize(s, strlen(s), 0, "abcde");
}

Test(text, sanitize_removes_c0_controls_and_del)
{
	const char	*s = "a\x07" "b\rc\x7f" "d\x08" "e\x0b" "f\x0c"
	    "g\x01h";

	assert_sanitize(s, strlen(s), 0, "abcdefgh");
}

Test(text, sanitize_handles_embedded_nul_bytes)
{
	static const char s[] = "one\0two\0\0three";

	assert_sanitize(s, sizeof s - 1, 0, "onetwothree");
	assert_sanitize("\0\0\0", 3, 0, "");
}

Test(text, sanitize_reads_exactly_len_bytes)
{
	assert_sanitize("abcdef", 3, 0, "abc");
	/* A sequence cut by len is invalid, not read beyond. */
	assert_sanitize("\xc3\xa9", 1, 0, "\uFFFD");
}

Test(text, sanitize_turns_tabs_into_spaces)
{
	assert_sanitize("a\tb\t\tc", 6, 0, "a b  c");
}

Test(text, sanitize_keeps_newlines_only_when_asked)
{
	assert_sanitize("a\nb\r\nc", 6, 0, "a b c");
	assert_sanitize("a\nb\r\nc", 6, TEXT_KEEP_NEWLINES, "a\nb\nc");
}

Test(text, sanitize_treats_unicode_separators_as_newlines)
{
	const char	*s = "a\u2028b\u2029c";

	assert_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES, "a\nb\nc");
	assert_sanitize(s, strlen(s), 0, "a b c");
}

Test(text, sanitize_removes_bidi_controls)
{
	static const char *const bidi[] = {
		"\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
		"\u2066", "\u2067", "\u2068", "\u2069",
		"\u200E", "\u200F", "\u061C",
	};
	char	in[32];
	size_t	i;

	for (i = 0; i < RF_ARRAY_LEN(bidi); i++) {
		snprintf(in, sizeof in, "safe%sgpj.exe", bidi[i]);
		assert_sanitize(in, strlen(in), 0, "safegpj.exe");
	}
}

Test(text, sanitize_removes_zero_width_spaces_and_bom)
{
	const char	*s = "\uFEFFpass\u200Bword\u2060!";

	assert_sanitize(s, strlen(s), 0, "password!");
}

Test(text, sanitize_keeps_joiners_selectors_marks_cjk_and_emoji)
{
	static const char *const keep[] = {
		"\U0001F468\u200D\U0001F469\u200D\U0001F467",
		"\u2764\uFE0F", "e\u0301", "\u8FD9\u662F\u4E2D\u6587",
		"\U0001F44D\U0001F3FD", "\U0001F1EB\U0001F1F7",
		"\u0645\u0631\u062D\u0628\u0627", "\u00A0nbsp\u00AD",
		"\uE000", "\uFFFD",
	};
	size_t	i;

	for (i = 0; i < RF_ARRAY_LEN(keep); i++)
		assert_sanitize(keep[i], strlen(keep[i]), 0, keep[i]);
}

Test(text, sanitize_replaces_invalid_bytes)
{
	static const char s[] = "a\xff" "b\xc3\xe2\x82" "c\xed\xa0\x80";

	assert_sanitize(s, sizeof s - 1, 0,
	    "a\uFFFDb\uFFFD\uFFFD\uFFFDc\uFFFD\uFFFD\uFFFD");
}

/* Interesting bytes and fragments for generated input. */
static const char *const pieces[] = {
	"a", "b", "word", " ", "  ", "\n", "\n\n", "- ", "  - ", "-",
	"\t", "\r", "\x1b", "\x1b[", "\x1b]", "\x07", "\x1b\\", "[31m", "m",
	";", "\xc2\x9b", "\xc2\x9d", "\xc2\x9c", "\xc2\x85", "\xc2", "\x9b",
	"\xe2\x80\xae", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x80\xa8",
	"\xe2\x80\x8d", "\xef\xb8\x8f", "\xcc\x81", "e\xcc\x81", "你",
	"好世界", "\xf0\x9f\x98\x80", "\xf0\x9f\x91\xa8\xe2\x80\x8d",
	"\xff", "\xfe", "\x80", "\xe4\xbd", "\xf0\x9f", "\xed\xa0\x80",
	"\xc0\xaf", "\x7f", "\x01", "supercalifragilisticexpialidocious",
	"\xe2\x80\x94", "\xc2\xa0",
};

/* Fill buf with n bytes of noise: fragments, or just random bytes. */
static size_t
generate(char *buf, size_t cap, int raw)
{
	const char	*p;
	size_t		 len = 0, n, target = rng() % cap;

	while (len < target) {
		if (raw) {
			buf[len++] = (char)(rng() & 0xff);
			continue;
		}
		p = pieces[rng() % RF_ARRAY_LEN(pieces)];
		n = strlen(p);
		if (rng() % 16 == 0) {
			p = "\0";
			n = 1;
		}
		if (len + n > target)
			break;
		memcpy(buf + len, p, n);
		len += n;
	}
	return len;
}

static void
check_sanitized(const char *out, unsigned flags)
{
	const unsigned char	*u = (const unsigned char *)out;
	size_t			 len = strlen(out), i, bad, n;
	uint32_t		 cp;
	char			*again;

	cr_assert(text_utf8_valid(out, len, &bad), "invalid at %zu", bad);
	for (i = 0; i < len; i += n) {
		n = text_utf8_decode(out + i, len - i, &cp);
		cr_assert(u[i] >= 0x20 ||
		    (u[i] == '\n' && (flags & TEXT_KEEP_NEWLINES)),
		    "control byte 0x%02x at %zu", u[i], i);
		cr_assert_neq(cp, 0x7f);
		cr_assert(cp < 0x80 || cp > 0x9f, "C1 U+%04X", (unsigned)cp);
		cr_assert(!(cp >= 0x202a && cp <= 0x202e) &&
		    !(cp >= 0x2066 && cp <= 0x2069) && cp != 0x200e &&
		    cp != 0x200f && cp != 0x061c && cp != 0x200b &&
		    cp != 0x2060 && cp != 0xfeff && cp != 0x2028 &&
		    cp != 0x2029, "U+%04X survived", (unsigned)cp);
	}
	/* Nothing left to clean: a second pass changes nothing. */
	again = text_sanitize(out, len, flags);
	cr_assert_str_eq(again, out);
	free(again);
}

Test(text, sanitize_output_is_always_safe)
{
	char	 in[512];
	char	*out;
	size_t	 len;
	int	 i;

	rng_seed(1);
	for (i = 0; i < 4000; i++) {
		len = generate(in, sizeof in, i % 4 == 3);
		out = text_sanitize(in, len, i % 2 ? TEXT_KEEP_NEWLINES : 0);
		check_sanitized(out, i % 2 ? TEXT_KEEP_NEWLINES : 0);
		free(out);
	}
}

Test(text, sanitize_is_fast_on_huge_hostile_input, .timeout = 20)
{
	size_t	 len = 4 << 20, i;
	char	*in = xmalloc(len), *out;

	for (i = 0; i < len; i++)
		in[i] = "\x1b]\x1b[\xc2\x9b\xff" "a"[i % 8];
	out = text_sanitize(in, len, 0);
	check_sanitized(out, 0);
	free(out);
	memset(in, '\x1b', len);
	out = text_sanitize(in, len, 0);
	cr_assert_str_eq(out, "");
	free(out);
	free(in);
}

/* ---- truncation ---- */

Test(text, truncate_returns_a_copy_when_it_fits)
{
	assert_truncate("hello", 5, "…", "hello");
	assert_truncate("hello", 80, "…", "hello");
	assert_truncate("", 3, "…", "");
	assert_truncate("你好", 4, NULL, "你好");
}

Test(text, truncate_counts_the_ellipsis_in_the_columns)
{
	assert_truncate("Hello world", 8, "…", "Hello w…");
	assert_truncate("Hello world", 10, "...", "Hello w...");
	assert_truncate("abcdef", 5, "…", "abcd…");
}

Test(text, truncate_drops_spaces_before_the_ellipsis)
{
	assert_truncate("Hello world", 7, "…", "Hello…");
	assert_truncate("a    b c d", 4, "…", "a…");
}

Test(text, truncate_without_ellipsis_just_cuts)
{
	assert_truncate("Hello world", 5, NULL, "Hello");
	assert_truncate("Hello world", 6, NULL, "Hello ");
	assert_truncate("abc", 1, NULL, "a");
}

Test(text, truncate_never_splits_a_wide_character)
{
	assert_truncate("你好世界", 5, NULL, "你好");
	assert_truncate("你好世界", 5, "…", "你好…");
	assert_truncate("你好世界", 4, "…", "你…");
	assert_truncate("a😀b", 2, NULL, "a");
	assert_truncate("你好", 1, NULL, "");
}

Test(text, truncate_keeps_combining_marks_with_their_base)
{
	assert_truncate("e\u0301e\u0301e\u0301", 2, NULL, "e\u0301e\u0301");
	assert_truncate("e\u0301e\u0301e\u0301", 2, "…", "e\u0301…");
	assert_truncate("\u2764\uFE0Fab", 1, NULL, "\u2764\uFE0F");
}

Test(text, truncate_without_room_for_the_ellipsis_drops_it)
{
	assert_truncate("abcdef", 2, "...", "ab");
	assert_truncate("abcdef", 3, "...", "...");
}

Test(text, truncate_to_nothing)
{
	char	*got;

	assert_truncate("abc", 0, "…", "");
	assert_truncate("abc", -5, "…", "");
	got = text_truncate(NULL, 5, "…");
	cr_assert_str_eq(got, "");
	free(got);
}

Test(text, truncate_replaces_invalid_bytes)
{
	assert_truncate("a\xff" "bc", 3, NULL, "a\uFFFDb");
	assert_truncate("a\xff", 5, NULL, "a\uFFFD");
}

/* ---- wrapping ---- */

Test(text, wrap_short_text_is_one_line)
{
	struct text_lines	tl;

	text_lines_init(&tl);
	text_wrap("Hello world", 20, "• ", &tl);
	cr_assert_eq(tl.count, 1);
	cr_assert_str_eq(tl.lines[0].text, "Hello world");
	cr_assert_eq(tl.lines[0].width, 11);
	text_lines_finish(&tl);
	cr_assert_eq(tl.count, 0);
	cr_assert_null(tl.lines);
}

Test(text, wrap_breaks_lines_at_spaces)
{
	assert_wrap("the quick brown fox jumps over the lazy dog", 10, "• ",
	    "the quick\nbrown fox\njumps over\nthe lazy\ndog");
}

Test(text, wrap_fills_lines_exactly_to_the_width)
{
	assert_wrap("abcd efgh", 9, NULL, "abcd efgh");
	assert_wrap("abcd efgh", 8, NULL, "abcd\nefgh");
	assert_wrap("abcdefgh", 8, NULL, "abcdefgh");
}

Test(text, wrap_joins_the_lines_of_a_paragraph)
{
	assert_wrap("one\ntwo\n   three", 40, NULL, "one two three");
	assert_wrap("a long\nline that\nis rewrapped", 12, NULL,
	    "a long line\nthat is\nrewrapped");
}

Test(text, wrap_puts_one_empty_line_between_paragraphs)
{
	assert_wrap("first\n\nsecond", 20, NULL, "first\n\nsecond");
	assert_wrap("first\n\n\n  \n\t\nsecond\n\nthird", 20, NULL,
	    "first\n\nsecond\n\nthird");
}

Test(text, wrap_has_no_leading_or_trailing_empty_lines)
{
	assert_wrap("\n\n  \nbody\n\n \n", 20, NULL, "body");
}

Test(text, wrap_of_nothing_gives_no_lines)
{
	static const char *const empty[] = { "", " ", "   \t ", "\n", "\n\n\n",
	    "  \n \n  " };
	struct text_lines	tl;
	size_t			i;

	for (i = 0; i < RF_ARRAY_LEN(empty); i++) {
		text_lines_init(&tl);
		text_wrap(empty[i], 20, "• ", &tl);
		cr_assert_eq(tl.count, 0, "case %zu gave %zu lines", i,
		    tl.count);
		text_lines_finish(&tl);
	}
}

Test(text, wrap_collapses_runs_of_spaces)
{
	assert_wrap("  a    b \t c   ", 20, NULL, "a b c");
}

Test(text, wrap_draws_bullets_with_a_hanging_indent)
{
	assert_wrap("- first item that is long\n- second", 12, "• ",
	    "• first item\n  that is\n  long\n• second");
}

Test(text, wrap_bullet_continues_until_a_blank_line)
{
	assert_wrap("- one\n  two\nthree\n\nafter", 40, "• ",
	    "• one two three\n\nafter");
}

Test(text, wrap_paragraph_then_bullets_then_paragraph)
{
	assert_wrap("Red flags:\n- gifts\n- secrets\n\nTell someone.", 40,
	    "• ", "Red flags:\n• gifts\n• secrets\n\nTell someone.");
}

Test(text, wrap_bullets_separated_by_blank_lines_stay_separated)
{
	assert_wrap("- a\n\n- b", 20, "• ", "• a\n\n• b");
}

Test(text, wrap_accepts_indented_bullet_markers)
{
	assert_wrap("   - x\n  -   y", 20, "• ", "• x\n• y");
}

Test(text, wrap_dash_without_space_is_plain_text)
{
	assert_wrap("-x\n-\nthe - dash", 40, "• ", "-x - the - dash");
	assert_wrap("well-known", 40, "• ", "well-known");
}

Test(text, wrap_empty_bullet_is_just_the_bullet)
{
	assert_wrap("- ", 20, "• ", "•");
	assert_wrap("-  \n- b", 20, "• ", "•\n• b");
	assert_wrap("- \nfoo", 20, "• ", "• foo");
}

Test(text, wrap_uses_the_given_bullet_or_a_dash)
{
	assert_wrap("- item", 20, NULL, "- item");
	assert_wrap("- item one two", 10, "-> ", "-> item\n   one two");
	assert_wrap("- item", 20, "", "item");
	/* An empty item with an empty bullet is nothing, not an empty line. */
	assert_wrap("a\n\n- \n\nb", 20, "", "a\n\nb");
	assert_wrap("- \n\na", 20, "", "a");
}

Test(text, wrap_breaks_a_long_word_by_columns)
{
	assert_wrap("abcdefghijklmnopqrstuvwxyz", 8, NULL,
	    "abcdefgh\nijklmnop\nqrstuvwx\nyz");
}

Test(text, wrap_moves_a_long_word_to_its_own_line)
{
	assert_wrap("hi abcdefghijkl ok", 8, NULL, "hi\nabcdefgh\nijkl ok");
}

Test(text, wrap_breaks_a_long_word_inside_a_bullet)
{
	assert_wrap("- abcdefghijkl", 8, "- ", "- abcdef\n  ghijkl");
}

Test(text, wrap_never_splits_a_wide_character)
{
	assert_wrap("你好世界你好世界", 9, NULL, "你好世界\n你好世界");
	assert_wrap("a你好世界", 8, NULL, "a你好世\n界");
	assert_wrap("你好 世界", 8, "• ", "你好\n世界");
	assert_wrap("- 你好世界", 8, "• ", "• 你好世\n  界");
}

Test(text, wrap_keeps_combining_marks_with_their_base)
{
	assert_wrap("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301"
	    "e\u0301e\u0301", 8, NULL,
	    "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301\n"
	    "e\u0301e\u0301");
	assert_wrap("abcdefgh\u0301i", 8, NULL, "abcdefgh\u0301\ni");
}

Test(text, wrap_keeps_a_mark_on_a_space_with_that_space)
{
	/* A space carrying a combining mark is not a place to break. */
	assert_wrap("ab \u0301cd", 4, NULL, "ab \u0301c\nd");
	assert_wrap("-\u0301 x", 20, "• ", "-\u0301 x");
}

Test(text, wrap_keeps_emoji_sequences_whole_when_they_fit)
{
	assert_wrap("\U0001F468\u200D\U0001F469\u200D\U0001F467 family", 8,
	    NULL, "\U0001F468\u200D\U0001F469\u200D\U0001F467\nfamily");
	assert_wrap("ok \u2764\uFE0F", 8, NULL, "ok \u2764\uFE0F");
}

Test(text, wrap_replaces_invalid_bytes)
{
	assert_wrap("a\xff" "b", 8, NULL, "a\uFFFDb");
}

Test(text, wrap_appends_to_existing_lines)
{
	struct text_lines	 tl;
	char			*got;

	text_lines_init(&tl);
	text_wrap("one two", 8, NULL, &tl);
	text_wrap("\n\nthree four five", 8, NULL, &tl);
	cr_assert_eq(tl.count, 4);
	check_lines(&tl, 1, 8);
	got = join_lines(&tl, 0);
	cr_assert_str_eq(got, "one two\nthree\nfour\nfive");
	free(got);
	text_lines_finish(&tl);
}

Test(text, wrap_narrower_than_eight_still_fits)
{
	assert_wrap("你好 ab", 2, NULL, "你\n好\nab");
	assert_wrap("- abc", 4, "• ", "• ab\n  c");
	/* A bullet wider than the line is cut to leave room for text. */
	assert_wrap("- abc", 4, "-->> ", "--ab\n  c");
}

Test(text, wrap_lays_out_a_lesson_like_the_fixture)
{
	static const int widths[] = { 30, 8 };
	char		*in, *want, *got, path[64];
	size_t		 len;
	size_t		 i;

	cr_assert_eq(read_file("data/text/lesson.txt", 1 << 20, &in, &len),
	    0, "tests must run from tests/");
	for (i = 0; i < RF_ARRAY_LEN(widths); i++) {
		snprintf(path, sizeof path, "data/text/lesson-%d.expected",
		    widths[i]);
		cr_assert_eq(read_file(path, 1 << 20, &want, &len), 0, "%s",
		    path);
		if (len > 0 && want[len - 1] == '\n')
			want[len - 1] = '\0';
		got = wrap(in, widths[i], "• ");
		cr_assert_str_eq(got, want, "width %d", widths[i]);
		free(got);
		free(want);
	}
	free(in);
}

/* Everything but spaces and newlines, re-encoded: what wrap must keep. */
static char *
visible(const char *s)
{
	struct buf	b;
	uint32_t	cp;
	size_t		len = strlen(s), i = 0;
	char		enc[4];

	buf_init(&b);
	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &cp);
		if (cp != ' ' && cp != '\n' && cp != '\t' && cp != '\r' &&
		    cp != '\v' && cp != '\f')
			buf_add(&b, enc, text_utf8_encode(cp, enc));
	}
	return buf_steal(&b);
}

Test(text, wrap_lines_always_fit_and_keep_every_character)
{
	struct text_lines	 tl;
	char			 in[600];
	char			*got, *a, *b;
	size_t			 len, i;
	int			 width;

	rng_seed(2);
	for (i = 0; i < 6000; i++) {
		len = generate(in, sizeof in - 1, i % 5 == 4);
		/* text_wrap takes a C string: cut at the first NUL. */
		in[len] = '\0';
		width = i % 10 == 0 ? 2 + (int)(rng() % 6) :
		    8 + (int)(rng() % 40);
		text_lines_init(&tl);
		text_wrap(in, width, i % 3 ? "• " : "- ", &tl);
		check_lines(&tl, 0, width);
		if (strchr(in, '-') == NULL) {
			/* Without bullets no visible character is lost. */
			got = join_lines(&tl, 0);
			a = visible(in);
			b = visible(got);
			cr_assert_str_eq(b, a, "case %zu", i);
			free(a);
			free(b);
			free(got);
		}
		text_lines_finish(&tl);
	}
}

/* check's page-length measure counts lines without making them: it must
 * always give the number text_wrap makes, bullets of every kind (an
 * empty one, one of spaces, a wide one) and narrow widths included. */
Test(text, wrap_count_is_the_number_of_lines_wrap_makes)
{
	static const char *const bullets[] = { "- ", "• ", "", "  ", "你 ",
	    "-" };
	struct text_lines	 tl;
	char			 in[600];
	char			*clean;
	size_t			 len, i, n;
	int			 width;
	const char		*bullet;

	rng_seed(7);
	for (i = 0; i < 6000; i++) {
		len = generate(in, sizeof in - 1, i % 7 == 6);
		in[len] = '\0';
		clean = i % 2 ? text_sanitize(in, len, TEXT_KEEP_NEWLINES) :
		    xstrdup(in);
		width = i % 10 == 0 ? 2 + (int)(rng() % 6) :
		    8 + (int)(rng() % 73);
		bullet = bullets[rng() % RF_ARRAY_LEN(bullets)];
		text_lines_init(&tl);
		text_wrap(clean, width, bullet, &tl);
		n = text_wrap_count(clean, width, bullet);
		cr_assert_eq(n, tl.count, "case %zu: counted %zu, made %zu "
		    "lines at width %d", i, n, tl.count, width);
		text_lines_finish(&tl);
		free(clean);
	}
	cr_assert_eq(text_wrap_count(NULL, 20, "- "), 0);
	cr_assert_eq(text_wrap_count("one\n\n- two\n- ", 20, "  "), 3);
}

Test(text, wrap_of_sanitized_garbage_fits)
{
	struct text_lines	 tl;
	char			 in[600];
	char			*clean;
	size_t			 len, i;
	int			 width;

	rng_seed(3);
	for (i = 0; i < 3000; i++) {
		len = generate(in, sizeof in, i % 2);
		clean = text_sanitize(in, len, TEXT_KEEP_NEWLINES);
		width = 8 + (int)(rng() % 73);
		text_lines_init(&tl);
		text_wrap(clean, width, "• ", &tl);
		check_lines(&tl, 0, width);
		text_lines_finish(&tl);
		free(clean);
	}
}

Test(text, wrap_is_fast_on_huge_input, .timeout = 20)
{
	struct text_lines	 tl;
	size_t			 len = 2 << 20, i;
	char			*in = xmalloc(len + 1);

	/* One enormous word. */
	memset(in, 'x', len);
	in[len] = '\0';
	text_lines_init(&tl);
	text_wrap(in, 8, "• ", &tl);
	cr_assert_eq(tl.count, len / 8);
	text_lines_finish(&tl);

	/* Very many short words and lines, in one bullet. */
	for (i = 0; i < len; i++)
		in[i] = "- a b\nc  "[i % 10];
	text_wrap(in, 8, "• ", &tl);
	check_lines(&tl, 0, 8);
	text_lines_finish(&tl);

	/* Combining marks piled on one base never split from it. */
	in[0] = 'e';
	for (i = 1; i + 1 < len; i += 2)
		memcpy(in + i, "\xcc\x81", 2);
	in[i] = '\0';
	text_wrap(in, 8, "• ", &tl);
	cr_assert_eq(tl.count, 1);
	cr_assert_eq(tl.lines[0].width, 1);
	text_lines_finish(&tl);
	free(in);
}
