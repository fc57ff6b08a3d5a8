/*
 * text.c - UTF-8 validation, sanitising and wrapping by display width.
 *
 * The decoder is our own, so the result never depends on the locale;
 * only the width of a code point comes from wcwidth().  Everything here
 * is a single pass over its input.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

#define REPLACEMENT	0xfffdU

/*
 * Decode one code point.  Returns the bytes used; *ok says whether they
 * were a well-formed sequence (an invalid one uses one byte).
 */
static size_t
decode(const unsigned char *s, size_t len, uint32_t *cp, int *ok)
{
	unsigned char	b = s[0];
	unsigned char	lo = 0x80, hi = 0xbf;
	size_t		need, i;
	uint32_t	c;

	*ok = 1;
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xc2 && b <= 0xdf) {
		need = 1;
		c = b & 0x1f;
	} else if (b >= 0xe0 && b <= 0xef) {
		need = 2;
		c = b & 0x0f;
		if (b == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (b == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (b >= 0xf0 && b <= 0xf4) {
		need = 3;
		c = b & 0x07;
		if (b == 0xf0)
			lo = 0x90;	/* overlong */
		else if (b == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		goto bad;

	if (len < need + 1)
		goto bad;
	for (i = 1; i <= need; i++) {
		unsigned char	t = s[i];

		if (i == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xbf))
			goto bad;
		c = (c << 6) | (t & 0x3f);
	}
	*cp = c;
	return need + 1;

bad:
	*ok = 0;
	*cp = REPLACEMENT;
	return 1;
}

bool
text_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 cp;
	int			 ok;

	while (i < len) {
		if (u[i] != 0 && u[i] < 0x80) {
			i++;		/* ASCII: nothing to decode */
			continue;
		}
		n = decode(u + i, len - i, &cp, &ok);
		if (!ok || cp == 0) {
			if (bad_offset != NULL)
				*bad_offset = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	int	ok;

	return decode((const unsigned char *)s, len, cp, &ok);
}

size_t
text_utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*o = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		o[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = 0xc0 | (cp >> 6);
		o[1] = 0x80 | (cp & 0x3f);
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = 0xe0 | (cp >> 12);
		o[1] = 0x80 | ((cp >> 6) & 0x3f);
		o[2] = 0x80 | (cp & 0x3f);
		return 3;
	}
	o[0] = 0xf0 | (cp >> 18);
	o[1] = 0x80 | ((cp >> 12) & 0x3f);
	o[2] = 0x80 | ((cp >> 6) & 0x3f);
	o[3] = 0x80 | (cp & 0x3f);
	return 4;
}

/* C0, DEL, C1, and the two Unicode line/paragraph separators. */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    cp == 0x2028 || cp == 0x2029;
}

int
text_cp_width(uint32_t cp)
{
	int	w;

	if (is_control(cp))
		return 0;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 1;	/* drawn as a replacement character */
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;	/* printable but unknown to the C library */
	return w > 2 ? 2 : w;
}

int
text_width(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 len, i = 0;
	uint32_t		 cp;
	int			 ok, w = 0;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (i < len) {
		size_t run = text_ascii_span(s + i, len - i);

		w += (int)run;		/* printable ASCII: a column each */
		i += run;
		if (i == len)
			break;
		i += decode(u + i, len - i, &cp, &ok);
		w += text_cp_width(cp);
	}
	return w;
}

/*
 * Eight bytes at a time: a word is all printable ASCII when no byte has
 * its top bit set, none is below 0x20 and none is 0x7f.  (The "below n"
 * test is exact for n <= 0x80 when no top bit is set, which the first
 * part rules out.)
 */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

size_t
text_ascii_span(const char *s, size_t len)
{
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t x, d;

		memcpy(&x, s + i, 8);
		d = x ^ (ONES * 0x7f);
		if (((x | ((x - ONES * 0x20) & ~x) | ((d - ONES) & ~d)) &
		    HIGHS) != 0)
			break;
	}
	while (i < len && (unsigned char)s[i] >= 0x20 &&
	    (unsigned char)s[i] < 0x7f)
		i++;
	return i;
}

/*
 * A cluster is what must stay together on a line: one code point and the
 * zero-width, non-control code points after it (combining marks, ZWJ,
 * variation selectors).  Its width is that of its first code point, so
 * never more than 2.  Returns the cluster's end; *first is its first
 * code point and *ncp the number of code points in it.
 */
static size_t
cluster(const unsigned char *s, size_t len, size_t i, uint32_t *first,
    int *width, int *ncp)
{
	uint32_t	cp;
	size_t		n;
	int		ok;

	/* Printable ASCII before ASCII (or the end) is one column alone. */
	if (s[i] >= 0x20 && s[i] < 0x7f && (i + 1 == len || s[i + 1] < 0x80)) {
		*first = s[i];
		*width = 1;
		*ncp = 1;
		return i + 1;
	}
	i += decode(s + i, len - i, first, &ok);
	*width = text_cp_width(*first);
	*ncp = 1;
	while (i < len) {
		n = decode(s + i, len - i, &cp, &ok);
		if (is_control(cp) || text_cp_width(cp) != 0)
			break;
		i += n;
		(*ncp)++;
	}
	return i;
}

/* Append s[0..len) re-encoded: invalid bytes become U+FFFD. */
static void
add_clean(struct buf *b, const unsigned char *s, size_t len)
{
	char		enc[4];
	uint32_t	cp;
	size_t		i = 0;
	int		ok;

	while (i < len) {
		if (s[i] < 0x80) {
			size_t j = i + 1;

			while (j < len && s[j] < 0x80)
				j++;
			buf_add(b, s + i, j - i);	/* ASCII as it is */
			i = j;
			continue;
		}
		i += decode(s + i, len - i, &cp, &ok);
		buf_add(b, enc, text_utf8_encode(cp, enc));
	}
}

/* Code points text_sanitize drops: bidi controls, invisible spaces. */
static int
is_dropped(uint32_t cp)
{
	switch (cp) {
	case 0x061c:			/* arabic letter mark */
	case 0x200b:			/* zero width space */
	case 0x200e:			/* left-to-right mark */
	case 0x200f:			/* right-to-left mark */
	case 0x2060:			/* word joiner */
	case 0xfeff:			/* BOM, zero width no-break space */
		return 1;
	}
	/* Embeddings and overrides, then isolates. */
	return (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Escape sequences are removed whole, not just their ESC: "ESC [ 3 1 m"
 * would otherwise leave "[31m" on the screen.  The states follow ECMA-48
 * loosely; anything unexpected ends the sequence and is then treated as
 * ordinary text.  A control string (OSC, DCS, SOS, PM, APC) ends at BEL,
 * ST, CAN or SUB, and also at a newline, so that a stray "ESC ]" cannot
 * swallow the rest of a lesson.
 */
enum esc_state {
	ESC_NONE,
	ESC_START,		/* after ESC */
	ESC_INTER,		/* ESC, intermediate bytes */
	ESC_CSI,		/* ESC [ or U+009B, parameters */
	ESC_STRING,		/* ESC ] P X ^ _ or their C1 forms */
	ESC_STRING_ESC,		/* ESC inside a control string */
};

static int
is_string_c1(uint32_t cp)
{
	return cp == 0x90 || cp == 0x98 || cp == 0x9d || cp == 0x9e ||
	    cp == 0x9f;
}

/* Feed one code point through the escape parser; 1 if it was eaten. */
static int
esc_eat(enum esc_state *st, uint32_t cp)
{
	switch (*st) {
	case ESC_NONE:
		if (cp == 0x1b)
			*st = ESC_START;
		else if (cp == 0x9b)
			*st = ESC_CSI;
		else if (is_string_c1(cp))
			*st = ESC_STRING;
		else
			return 0;
		return 1;
	case ESC_START:
		if (cp == '[')
			*st = ESC_CSI;
		else if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' ||
		    cp == '_')
			*st = ESC_STRING;
		else if (cp >= 0x20 && cp <= 0x2f)
			*st = ESC_INTER;
		else if (cp >= 0x30 && cp <= 0x7e)
			*st = ESC_NONE;
		else {
			*st = ESC_NONE;
			return esc_eat(st, cp);
		}
		return 1;
	case ESC_INTER:
		if (cp >= 0x20 && cp <= 0x2f)
			return 1;
		*st = ESC_NONE;
		if (cp >= 0x30 && cp <= 0x7e)
			return 1;
		return esc_eat(st, cp);
	case ESC_CSI:
		if (cp >= 0x20 && cp <= 0x3f)
			return 1;
		*st = ESC_NONE;
		if (cp >= 0x40 && cp <= 0x7e)
			return 1;
		return esc_eat(st, cp);
	case ESC_STRING:
		if (cp == 0x1b)
			*st = ESC_STRING_ESC;
		else if (cp == 0x07 || cp == 0x9c || cp == 0x18 || cp == 0x1a)
			*st = ESC_NONE;
		else if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
			*st = ESC_NONE;
			return 0;
		}
		return 1;
	case ESC_STRING_ESC:
		if (cp == '\\') {
			*st = ESC_NONE;
			return 1;
		}
		*st = ESC_START;
		return esc_eat(st, cp);
	}
	return 0;
}

char *
text_sanitize(const char *s, size_t len, unsigned flags)
{
	const unsigned char	*u = (const unsigned char *)s;
	enum esc_state		 st = ESC_NONE;
	struct buf		 b;
	char			 enc[4];
	uint32_t		 cp;
	size_t			 i = 0, n;
	int			 ok;

	buf_init(&b);
	if (s == NULL)
		len = 0;
	buf_add(&b, "", 0);
	if (len + 1 > b.cap) {
		b.data = xrealloc(b.data, len + 1);
		b.cap = len + 1;
	}
	while (i < len) {
		/* Printable ASCII is kept as it is, a run at a time. */
		if (st == ESC_NONE && u[i] >= 0x20 && u[i] < 0x7f) {
			n = i + 1;
			while (n < len && u[n] >= 0x20 && u[n] < 0x7f)
				n++;
			buf_add(&b, u + i, n - i);
			i = n;
			continue;
		}
		n = decode(u + i, len - i, &cp, &ok);
		i += n;
		if (esc_eat(&st, cp))
			continue;
		if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
			buf_addc(&b, (flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ');
		else if (cp == '\t')
			buf_addc(&b, ' ');
		else if (is_control(cp) || is_dropped(cp))
			continue;
		else if (ok)
			buf_add(&b, u + i - n, n);
		else
			buf_add(&b, enc, text_utf8_encode(REPLACEMENT, enc));
	}
	return buf_steal(&b);
}

/*
 * When even the ellipsis does not fit, the text is cut without one.
 * Spaces just before the ellipsis are dropped ("Hello…", not "Hello …").
 */
char *
text_truncate(const char *s, int cols, const char *ellipsis)
{
	const unsigned char	*u = (const unsigned char *)s;
	struct buf		 b;
	uint32_t		 first;
	size_t			 len, i, end;
	int			 w, ncp, budget, used = 0;

	if (s == NULL || cols <= 0)
		return xstrdup("");
	len = strlen(s);
	buf_init(&b);
	if (text_width(s) <= cols) {
		add_clean(&b, u, len);
		return buf_steal(&b);
	}
	budget = cols;
	if (ellipsis != NULL && text_width(ellipsis) <= cols)
		budget -= text_width(ellipsis);
	else
		ellipsis = NULL;

	for (i = 0; i < len; i = end) {
		end = cluster(u, len, i, &first, &w, &ncp);
		if (used + w > budget)
			break;
		add_clean(&b, u + i, end - i);
		used += w;
	}
	if (ellipsis != NULL) {
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
		add_clean(&b, (const unsigned char *)ellipsis,
		    strlen(ellipsis));
	}
	return buf_steal(&b);
}

void
text_lines_init(struct text_lines *tl)
{
	tl->lines = NULL;
	tl->count = 0;
	tl->cap = 0;
}

void
text_lines_finish(struct text_lines *tl)
{
	size_t	i;

	if (tl == NULL)
		return;
	for (i = 0; i < tl->count; i++)
		free(tl->lines[i].text);
	free(tl->lines);
	text_lines_init(tl);
}

static void
lines_push(struct text_lines *tl, char *text, int width)
{
	if (tl->count == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 16;
		tl->lines = xreallocarray(tl->lines, tl->cap,
		    sizeof *tl->lines);
	}
	tl->lines[tl->count].text = text;
	tl->lines[tl->count].width = width;
	tl->count++;
}

/* The state of text_wrap: the paragraph and the line being filled. */
struct wrap {
	struct text_lines	*out;		/* NULL: only count the lines */
	size_t			 count;
	int			 width;
	const char		*bullet;
	int			 bullet_width;
	bool			 bullet_blank;	/* only spaces, or "" */

	int			 emitted;	/* any line out yet */
	int			 blank;		/* blank input since last out */
	int			 in_para;
	int			 is_bullet;
	int			 first_line;	/* of the paragraph */

	struct buf		 line;
	int			 col;
	int			 has_word;	/* beyond the prefix */
	int			 started;	/* prefix is in line */
};

static void
wrap_start_line(struct wrap *w)
{
	int	i;

	w->line.len = 0;
	if (w->line.data != NULL)
		w->line.data[0] = '\0';
	w->col = 0;
	w->has_word = 0;
	w->started = 1;
	if (!w->is_bullet)
		return;
	if (w->out == NULL) {
		w->col = w->bullet_width;	/* counting: no text kept */
		return;
	}
	if (w->first_line) {
		add_clean(&w->line, (const unsigned char *)w->bullet,
		    strlen(w->bullet));
		w->col = w->bullet_width;
	} else {
		for (i = 0; i < w->bullet_width; i++)
			buf_addc(&w->line, ' ');
		w->col = w->bullet_width;
	}
}

static void
wrap_flush(struct wrap *w)
{
	struct buf	*b = &w->line;
	/* Counting keeps no text: the line is empty when it has no word and
	 * its prefix is spaces (or an all-space bullet). */
	bool		 empty = w->out == NULL ? !w->has_word &&
			     (!w->is_bullet || !w->first_line ||
			     w->bullet_blank) : false;

	while (b->len > 0 && b->data[b->len - 1] == ' ') {
		b->data[--b->len] = '\0';
		w->col--;
	}
	w->first_line = 0;
	w->started = 0;
	if (w->out != NULL)
		empty = b->len == 0;
	if (empty)
		return;		/* an empty item with an empty bullet */
	/* The empty line between paragraphs, only once there is a next. */
	if (w->emitted && w->blank) {
		w->count++;
		if (w->out != NULL)
			lines_push(w->out, xstrdup(""), 0);
	}
	w->blank = 0;
	w->count++;
	if (w->out != NULL)
		lines_push(w->out, xstrndup(b->data, b->len), w->col);
	w->emitted = 1;
}

static void
wrap_end_para(struct wrap *w)
{
	if (!w->in_para)
		return;
	if (w->started && (w->has_word || w->first_line))
		wrap_flush(w);
	w->in_para = 0;
	w->started = 0;
}

static void
wrap_begin_para(struct wrap *w, int is_bullet)
{
	wrap_end_para(w);
	w->in_para = 1;
	w->is_bullet = is_bullet;
	w->first_line = 1;
	wrap_start_line(w);
}

/* Add a word's bytes to the line (nothing when only counting). */
static void
wrap_put(struct wrap *w, const unsigned char *s, size_t len)
{
	if (w->out != NULL)
		add_clean(&w->line, s, len);
}

/* Place one word (no spaces in it) of display width ww. */
static void
wrap_word(struct wrap *w, const unsigned char *s, size_t len, int ww)
{
	uint32_t	first;
	size_t		i, end;
	int		cw, ncp;

	if (!w->started)
		wrap_start_line(w);
	if (w->has_word) {
		if (w->col + 1 + ww <= w->width) {
			if (w->out != NULL)
				buf_addc(&w->line, ' ');
			wrap_put(w, s, len);
			w->col += 1 + ww;
			return;
		}
		wrap_flush(w);
		wrap_start_line(w);
	}
	if (w->col + ww <= w->width) {
		wrap_put(w, s, len);
		w->col += ww;
		w->has_word = 1;
		return;
	}
	/* Too long for any line: break it between clusters. */
	for (i = 0; i < len; i = end) {
		end = cluster(s, len, i, &first, &cw, &ncp);
		if (w->has_word && w->col + cw > w->width) {
			wrap_flush(w);
			wrap_start_line(w);
		}
		wrap_put(w, s + i, end - i);
		w->col += cw;
		w->has_word = 1;
	}
}

static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' ||
	    cp == '\f';
}

/* One input line, s[0..len), without its newline. */
static void
wrap_input_line(struct wrap *w, const unsigned char *s, size_t len)
{
	uint32_t	first, cp2;
	size_t		i, end, word = 0, next;
	int		cw, ncp, ww = 0, in_word = 0, seen = 0, nw, nn;

	for (i = 0; i < len; i = end) {
		if (seen && s[i] > 0x20 && s[i] < 0x7f) {
			/* A run of printable ASCII in a word: a column a byte,
			 * without cluster().  Its last byte is left to
			 * cluster() when a non-ASCII character follows, which
			 * may be a combining mark that belongs with it. */
			size_t j = i + 1;

			while (j < len && s[j] > 0x20 && s[j] < 0x7f)
				j++;
			if (j < len && s[j] >= 0x80)
				j--;
			if (j > i) {
				if (!in_word) {
					in_word = 1;
					word = i;
					ww = 0;
				}
				ww += (int)(j - i);
				end = j;
				continue;
			}
		}
		end = cluster(s, len, i, &first, &cw, &ncp);
		if (ncp == 1 && is_space_cp(first)) {
			if (in_word)
				wrap_word(w, s + word, i - word, ww);
			in_word = 0;
			continue;
		}
		if (!seen) {
			/* The first word decides what kind of line it is. */
			seen = 1;
			if (first == '-' && ncp == 1 && end < len) {
				next = cluster(s, len, end, &cp2, &nw, &nn);
				if (nn == 1 && is_space_cp(cp2)) {
					wrap_begin_para(w, 1);
					end = next;
					continue;
				}
			}
			if (!w->in_para)
				wrap_begin_para(w, 0);
		}
		if (!in_word) {
			in_word = 1;
			word = i;
			ww = 0;
		}
		ww += cw;
	}
	if (in_word)
		wrap_word(w, s + word, len - word, ww);
	if (!seen) {
		wrap_end_para(w);
		w->blank = 1;
	}
}

/*
 * Lines never come out wider than 'width'.  A width below 8 is not what
 * lessons use, but it still works down to 2 columns (one wide character);
 * a bullet too wide for the line is cut.
 */
static size_t
wrap(const char *s, int width, const char *bullet, struct text_lines *out)
{
	const unsigned char	*u = (const unsigned char *)s;
	const unsigned char	*nl;
	struct wrap		 w;
	char			*cut = NULL;
	size_t			 len, i;

	if (s == NULL)
		return 0;
	if (width < 2)
		width = 2;
	if (bullet == NULL)
		bullet = "- ";
	memset(&w, 0, sizeof w);
	w.out = out;
	w.width = width;
	w.bullet = bullet;
	w.bullet_width = text_width(bullet);
	if (w.bullet_width > width - 2) {
		cut = text_truncate(bullet, width - 2, NULL);
		w.bullet = cut;
		w.bullet_width = text_width(cut);
	}
	w.bullet_blank = w.bullet[strspn(w.bullet, " ")] == '\0';
	buf_init(&w.line);

	len = strlen(s);
	for (i = 0; i <= len; i = nl - u + 1) {
		nl = memchr(u + i, '\n', len - i);
		if (nl == NULL)
			nl = u + len;
		wrap_input_line(&w, u + i, nl - (u + i));
	}
	wrap_end_para(&w);

	buf_finish(&w.line);
	free(cut);
	return w.count;
}

void
text_wrap(const char *s, int width, const char *bullet,
    struct text_lines *out)
{
	wrap(s, width, bullet, out);
}

size_t
text_wrap_count(const char *s, int width, const char *bullet)
{
	return wrap(s, width, bullet, NULL);
}
