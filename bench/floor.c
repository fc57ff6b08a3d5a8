/*
 * bench/floor.c - the reference the benchmark compares redflags with: the
 * least a full-screen ncursesw program does.
 *
 * It sets the terminal up exactly as src/ui-term.c does (locale, initscr,
 * cbreak, noecho, nonl, keypad, a 25 ms ESC delay, a 250 ms getch timeout,
 * no cursor, four colour pairs), draws a screen with about as much text
 * as the home screen (a title, a rule, a notice, a course title, 15 list
 * lines under three headings, a rule and the same footer), and then
 * redraws all of it on every arrow key, moving a highlighted line with a
 * pointer, as redflags does.  q quits.  It reads no file.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <wchar.h>

#define ITEMS	15

static const char *const titles[ITEMS] = {
	"How online grooming starts", "Red flags in a chat",
	"When it is someone you know", "What sextortion is, and what to do",
	"Fake accounts and money threats", "Getting images taken down",
	"Offers that are too good to be true",
	"The \"boyfriend\" and the place to stay",
	"When you're worried about a friend", "When a friend tells you",
	"Reporting without shame", "A sixth lesson for the list",
	"A seventh lesson for the list", "An eighth lesson for the list",
	"A ninth lesson for the list",
};

/* The rule as src/ui-draw.c draws it: one wide-character cell repeated
 * by curses. */
static void
rule(int row)
{
	static const wchar_t line[] = { 0x2500, 0 };	/* ─ */
	cchar_t cell;

	setcchar(&cell, line, A_DIM, 0, NULL);
	mvhline_set(row, 0, &cell, COLS);
}

static void
draw(int cursor)
{
	int row = 2, i, at = 0;

	erase();
	attrset(A_BOLD | COLOR_PAIR(1));
	mvaddstr(0, 1, "redflags");
	attrset(A_NORMAL);
	rule(1);
	attrset(A_BOLD | COLOR_PAIR(4));
	mvaddstr(row++, 1, "Press h at any time to see where to get help. "
	    "Press x at any time to leave at");
	mvaddstr(row++, 1, "once: the screen is cleared and your progress is "
	    "kept.");
	row++;
	attrset(A_BOLD | COLOR_PAIR(1));
	mvaddstr(row++, 1, "Red flags online: spot them, stop, and get help");
	row++;
	for (i = 0; i < ITEMS && row < LINES - 3; i++) {
		if (i % 5 == 0) {
			if (i > 0)
				row++;
			attrset(A_BOLD | COLOR_PAIR(1));
			mvprintw(row++, 1, "%d  Module number %d", i / 5 + 1,
			    i / 5 + 1);
		}
		attrset(i == cursor ? A_REVERSE : A_NORMAL);
		if (i == cursor)
			at = row;
		mvprintw(row++, 2, "%s   %-48s  %2d min    %s",
		    i == cursor ? "\xe2\x96\xb8" : " ", titles[i], 12 + i % 4,
		    i == 0 ? "next" : "new");
	}
	attrset(A_NORMAL);
	rule(LINES - 2);
	mvaddstr(LINES - 1, 1, "\xe2\x86\x91\xe2\x86\x93 move  Enter open  "
	    "? keys  h get help  q quit  x quick exit");
	move(at, 2);
	refresh();
}

int
main(void)
{
	int cursor = 0, key;
	static double times[4096];
	size_t ntimes = 0, i;
	const char *path;
	FILE *f;

	/* The two categories src/i18n.c sets. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(250);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_CYAN, -1);
		init_pair(2, COLOR_GREEN, -1);
		init_pair(3, COLOR_RED, -1);
		init_pair(4, COLOR_YELLOW, -1);
	}
	draw(cursor);
	while ((key = getch()) != 'q') {
		struct timespec t0, t1;

		if (key == ERR)
			continue;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (key == KEY_UP && cursor > 0)
			cursor--;
		else if (key == KEY_DOWN && cursor + 1 < ITEMS)
			cursor++;
		draw(cursor);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (ntimes < sizeof times / sizeof times[0])
			times[ntimes++] = (double)(t1.tv_sec - t0.tv_sec) *
			    1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
	}
	curs_set(1);
	endwin();
	/* As redflags does with REDFLAGS_KEY_TIMES: each key's time from
	 * reading it to the end of its redraw, in microseconds. */
	if ((path = getenv("REDFLAGS_KEY_TIMES")) != NULL &&
	    (f = fopen(path, "w")) != NULL) {
		for (i = 0; i < ntimes; i++)
			fprintf(f, "%.1f\n", times[i]);
		fclose(f);
	}
	return 0;
}
