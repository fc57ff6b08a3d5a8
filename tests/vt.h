/*
 * vt.h - run a program in a pseudo-terminal and read the screen it draws.
 *
 * The child runs on the slave side of a pty; everything it writes is fed
 * to a libvterm screen of the same size (xterm-like, UTF-8, alternate
 * screen enabled) and also kept byte for byte, so a test can assert both
 * on what a person would see and on what was actually sent.
 *
 * Every wait is bounded by a timeout in milliseconds; nothing here blocks
 * forever.  Timeouts are multiplied by the integer in the environment
 * variable VT_TIMEOUT_SCALE when it is set (for valgrind or sanitizers).
 * Rows and columns are 0-based.  Strings returned as char * are malloc'd
 * and belong to the caller.  Out of memory aborts: this is test code.
 */
#ifndef RF_TESTS_VT_H
#define RF_TESTS_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <termios.h>

struct vt;

/*
 * Keys as a terminal in its default mode sends them.  vt_send() rewrites
 * the cursor keys, Home and End to their SS3 form ("\033OA") while the
 * program has switched the terminal to application cursor mode (ncurses
 * keypad(), smkx), exactly as a real terminal would; use vt_send_raw()
 * for bytes that must not be touched.
 */
#define VT_KEY_UP	"\033[A"
#define VT_KEY_DOWN	"\033[B"
#define VT_KEY_RIGHT	"\033[C"
#define VT_KEY_LEFT	"\033[D"
#define VT_KEY_HOME	"\033[H"
#define VT_KEY_END	"\033[F"
#define VT_KEY_PGUP	"\033[5~"
#define VT_KEY_PGDN	"\033[6~"
#define VT_KEY_DELETE	"\033[3~"
#define VT_KEY_F1	"\033OP"
#define VT_KEY_F10	"\033[21~"
#define VT_KEY_ENTER	"\r"
#define VT_KEY_TAB	"\t"
#define VT_KEY_BACKSPACE "\177"
#define VT_KEY_ESC	"\033"
#define VT_KEY_SPACE	" "
#define VT_KEY_CTRL_C	"\003"
#define VT_KEY_CTRL_D	"\004"
#define VT_KEY_CTRL_L	"\014"
#define VT_KEY_CTRL_Z	"\032"

/* Colour value of vt_attrs.fg/bg when the terminal's default is used. */
#define VT_COLOR_DEFAULT	(-1)
/* Set in vt_attrs.fg/bg for a direct colour; the low 24 bits are RGB. */
#define VT_COLOR_RGB		0x1000000

struct vt_attrs {
	bool bold;
	bool underline;
	bool italic;
	bool blink;
	bool reverse;
	bool strike;
	int fg;		/* VT_COLOR_DEFAULT, a palette index 0-255, */
	int bg;		/* or VT_COLOR_RGB | 0xRRGGBB */
};

/*
 * Start argv[0] (searched in PATH if it has no '/') on a new pty of
 * rows x cols, with exactly the environment envp.  envp NULL means
 * { TERM=xterm-256color, LC_ALL=C.UTF-8, PATH=/usr/local/bin:/usr/bin:/bin }.
 * The child gets the slave as stdin, stdout, stderr and controlling
 * terminal, default signal dispositions, an empty signal mask and no other
 * open files; it leads its own session and process group.  If exec fails
 * the child prints a message on the terminal and exits with status 127.
 * Returns NULL (with errno set) if the pty or the process cannot be made.
 */
struct vt *vt_spawn(int rows, int cols, char *const argv[],
    char *const envp[]);

/* Kill the child's process group if still running, reap it, free. */
void vt_free(struct vt *vt);

/* Terminal size, as the screen currently has it. */
int vt_rows(struct vt *vt);
int vt_cols(struct vt *vt);

/*
 * Type bytes on the keyboard (see the VT_KEY_ constants).  Returns false
 * if they could not all be written within a few seconds (the child stopped
 * reading) or the terminal was hung up.  Output is read meanwhile, so a
 * child blocked on writing cannot deadlock us.
 */
bool vt_send(struct vt *vt, const char *keys);
bool vt_send_raw(struct vt *vt, const void *bytes, size_t len);

/*
 * Read output until utf8_text appears anywhere on the screen (inside one
 * line, as vt_screen_text() shows it), or the timeout passes, or the child
 * has exited and all its output is read.  True if the text is there.
 * Once it appears, output is read until it pauses for 30 ms (at most
 * 0.5 s), so the rest of the same screen update is in too.
 */
bool vt_wait_text(struct vt *vt, const char *utf8_text, int timeout_ms);

/* The opposite: true once utf8_text is nowhere on the screen. */
bool vt_wait_gone(struct vt *vt, const char *utf8_text, int timeout_ms);

/*
 * Read output until none has arrived for quiet_ms (the screen has
 * settled), or timeout_ms passes.  True if it settled.
 */
bool vt_wait_quiet(struct vt *vt, int quiet_ms, int timeout_ms);

/* Read whatever output is available now, without waiting. */
void vt_pump(struct vt *vt);

/*
 * The screen as UTF-8: every row, trailing blanks trimmed, joined by '\n'
 * (so line N is row N).  A wide character appears once, combining marks
 * follow their base, an empty cell is a space.
 */
char *vt_screen_text(struct vt *vt);

/* One row, as in vt_screen_text(); "" for a row off the screen. */
char *vt_row(struct vt *vt, int row);

/*
 * Find utf8_text on the screen, first match scanning rows top down.
 * Stores the row and the column of its first cell; false if not there.
 */
bool vt_find_text(struct vt *vt, const char *utf8_text, int *row, int *col);

/*
 * Width of the cell: 1, 2 for the left half of a wide character, 0 for
 * the right half of one, -1 off the screen.
 */
int vt_cell_width(struct vt *vt, int row, int col);

/* Attributes of a cell; all false and default colours off the screen. */
struct vt_attrs vt_cell_attrs(struct vt *vt, int row, int col);
bool vt_cell_bold(struct vt *vt, int row, int col);
bool vt_cell_reverse(struct vt *vt, int row, int col);

/* Cursor position, and whether the program left the cursor visible. */
void vt_cursor(struct vt *vt, int *row, int *col);
bool vt_cursor_visible(struct vt *vt);

/* Whether the alternate screen is showing now. */
bool vt_altscreen_active(struct vt *vt);

/*
 * Whether the output ended by leaving the alternate screen: it contains
 * "\033[?1049h" and the last one is followed by a "\033[?1049l".  False
 * if the program never entered it.
 */
bool vt_left_altscreen(struct vt *vt);

/* How many times the program rang the bell. */
int vt_bells(struct vt *vt);

/*
 * Every byte the child wrote so far (NUL-terminated for convenience, but
 * may contain NULs: use *len).  Owned by vt; valid until the next call.
 */
const char *vt_output(struct vt *vt, size_t *len);

/* Whether the byte sequence seq was ever sent by the child. */
bool vt_output_contains(struct vt *vt, const char *seq);

/*
 * Read output until the child exits.  Returns its wait status (use
 * WIFEXITED and friends); if it is still running after timeout_ms, kills
 * its process group with SIGKILL, reaps it and returns -1.  Calling it
 * again after exit returns the same status.
 */
int vt_wait_exit(struct vt *vt, int timeout_ms);

/* Whether the child has not been reaped yet (checks without waiting). */
bool vt_running(struct vt *vt);

/* Send sig to the child process (not its group). */
void vt_kill(struct vt *vt, int sig);

/*
 * Resize: let output settle (30 ms without any, at most 0.5 s) and read
 * it at the old size, resize the screen, set the pty's window size.  The kernel then sends SIGWINCH to the terminal's
 * foreground process group; when the size did not change (so the kernel
 * would not) the signal is sent explicitly.
 */
void vt_resize(struct vt *vt, int rows, int cols);

/*
 * Close the master side, as when a terminal window is closed: the kernel
 * hangs up the terminal and sends SIGHUP.  The screen and output stay
 * readable; vt_wait_exit() still works.
 */
void vt_hangup(struct vt *vt);

/*
 * The line discipline settings of the child's terminal now (kept valid
 * after the child exits: the harness holds the slave open).  False if
 * they cannot be read.
 */
bool vt_termios(struct vt *vt, struct termios *t);

/*
 * Whether the terminal is back in the state it had at spawn for what a
 * shell user would notice: ICANON, ECHO, ISIG, IEXTEN, ICRNL, OPOST
 * and ONLCR.  Meant for after the child has exited.
 */
bool vt_termios_sane(struct vt *vt);

/* Path of the slave device, e.g. "/dev/pts/3". */
const char *vt_slave_name(struct vt *vt);

/*
 * Print a framed picture of the screen with row and column rulers,
 * the cursor and the child's state, for failing tests.
 */
void vt_dump(struct vt *vt, FILE *fp);

#endif
