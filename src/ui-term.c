/* ui-term.c - owns the terminal. */
#include "ui-term.h"

#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

static volatile sig_atomic_t pending_signal;
static bool started;
static bool have_termios;
static struct termios saved_termios;
static attr_t styles[UI_STYLE_COUNT];
static struct ui_symbols symbols;

/* Written by the crash handler, so computed before anything can crash. */
static char restore_seq[256];
static size_t restore_len;

static const struct ui_symbols utf8_symbols = {
	"\xe2\x9c\x93", "\xe2\x9c\x97", "\xe2\x96\xb8", "\xe2\x80\xa2 ",
	"[x]", "[ ]", "\xe2\x94\x80", "\xe2\x80\xa6",
};
static const struct ui_symbols ascii_symbols = {
	"+", "x", ">", "- ", "[x]", "[ ]", "-", "...",
};

static void
on_signal(int sig)
{
	pending_signal = sig;
}

static void
on_crash(int sig)
{
	/* Only async-signal-safe calls: put the terminal back, then die of
	 * the same signal (the handler was reset on entry). */
	if (restore_len > 0) {
		ssize_t rc = write(STDOUT_FILENO, restore_seq, restore_len);

		(void)rc;
	}
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
	raise(sig);
}

static void
add_restore(const char *cap)
{
	char *s = tigetstr((char *)cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

static void
install_handlers(void)
{
	static const int graceful[] = { SIGINT, SIGTERM, SIGHUP };
	static const int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL,
	    SIGABRT, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	for (i = 0; i < RF_ARRAY_LEN(graceful); i++)
		sigaction(graceful[i], &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)SA_RESETHAND;
	for (i = 0; i < RF_ARRAY_LEN(crash); i++)
		sigaction(crash[i], &sa, NULL);
}

static void
fatal_restore(void)
{
	ui_term_stop();
}

static void
setup_styles(bool color, bool high_contrast)
{
	int i;

	for (i = 0; i < UI_STYLE_COUNT; i++)
		styles[i] = A_NORMAL;
	styles[UI_HEADER] = A_BOLD;
	styles[UI_FOOTER] = A_NORMAL;
	styles[UI_TITLE] = A_BOLD;
	styles[UI_SELECTED] = A_REVERSE;
	styles[UI_RIGHT] = A_BOLD;
	styles[UI_WRONG] = A_BOLD;
	styles[UI_DIM] = A_DIM;
	styles[UI_NOTICE] = A_BOLD;
	if (high_contrast) {
		/* The strongest attributes every terminal has; no dim text,
		 * no colour that a projector washes out. */
		styles[UI_HEADER] = A_BOLD | A_REVERSE;
		styles[UI_SELECTED] = A_BOLD | A_REVERSE;
		styles[UI_RIGHT] = A_BOLD | A_UNDERLINE;
		styles[UI_WRONG] = A_BOLD | A_UNDERLINE;
		styles[UI_DIM] = A_NORMAL;
		return;
	}
	if (!color || !has_colors())
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_GREEN, -1);
	init_pair(3, COLOR_RED, -1);
	init_pair(4, COLOR_YELLOW, -1);
	styles[UI_HEADER] = A_BOLD | COLOR_PAIR(1);
	styles[UI_TITLE] = A_BOLD | COLOR_PAIR(1);
	styles[UI_RIGHT] = A_BOLD | COLOR_PAIR(2);
	styles[UI_WRONG] = A_BOLD | COLOR_PAIR(3);
	styles[UI_NOTICE] = A_BOLD | COLOR_PAIR(4);
}

void
ui_term_start(bool color, bool high_contrast)
{
	const char *cs = nl_langinfo(CODESET);

	/* The user's own locale, not the C.UTF-8 fallback, says whether
	 * the terminal can be trusted with UTF-8. */
	symbols = (cs != NULL && strcmp(cs, "UTF-8") == 0 &&
	    i18n_locale_is_utf8()) ? utf8_symbols : ascii_symbols;
	install_handlers();
	have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
	initscr();
	started = true;
	fatal_hook = fatal_restore;
	restore_len = 0;
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore("rmkx");
	add_restore("rmcup");
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(250);
	curs_set(0);
	setup_styles(color, high_contrast);
}

void
ui_term_stop(void)
{
	if (!started)
		return;
	started = false;
	curs_set(1);
	endwin();
	fatal_hook = NULL;
}

void
ui_term_wipe_and_stop(void)
{
	if (!started)
		return;
	clear();
	refresh();
	ui_term_stop();
	/* Clear the normal screen too, and the scrollback where the
	 * terminal allows it (ED 3), so nothing of the lesson is left. */
	fputs("\033[H\033[2J\033[3J", stdout);
	fflush(stdout);
}

int
ui_term_signal(void)
{
	return pending_signal;
}

int
ui_term_getkey(void)
{
	return getch();
}

attr_t
ui_attr(enum ui_style s)
{
	return styles[s];
}

const struct ui_symbols *
ui_sym(void)
{
	return &symbols;
}

bool
ui_term_is_started(void)
{
	return started;
}
