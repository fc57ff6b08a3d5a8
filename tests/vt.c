/*
 * vt.c - run a program in a pseudo-terminal and read the screen it draws.
 *
 * The harness keeps its own descriptor on the slave side open for the
 * whole life of a struct vt.  That way the line discipline settings the
 * child leaves behind can still be read after it has exited, and a read
 * on the master never fails with EIO: the end of the child is learnt from
 * waitpid() alone, which is why the waits poll in short slices.
 */
#include "vt.h"

#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#define VT_SLICE_MS	10	/* how often a wait looks at the child */
#define VT_SEND_MS	5000	/* how long a send may take */
#define VT_REAP_MS	5000	/* how long to wait for a SIGKILLed child */
#define VT_SETTLE_MS	30	/* no output this long: an update is complete */
#define VT_SETTLE_MAX_MS 500	/* but stop waiting for that after this */

struct vbuf {
	char *data;
	size_t len;
	size_t cap;
};

struct vt {
	VTerm *term;
	VTermScreen *screen;
	int rows;
	int cols;

	int master;		/* -1 after vt_hangup() */
	int slave;		/* ours, kept open; see the top of the file */
	char slave_name[64];
	struct termios initial;

	pid_t pid;
	bool reaped;
	bool timed_out;		/* vt_wait_exit() had to kill it */
	int status;

	struct vbuf out;	/* every byte the child wrote */
	struct vbuf in;		/* bytes waiting to be written to the child */
	size_t in_off;

	bool altscreen;
	bool cursor_visible;
	int bells;
};

static char *const default_env[] = {
	"TERM=xterm-256color",
	"LC_ALL=C.UTF-8",
	"PATH=/usr/local/bin:/usr/bin:/bin",
	NULL,
};

static void *
vmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL) {
		fputs("vt: out of memory\n", stderr);
		abort();
	}
	return p;
}

static void
vbuf_add(struct vbuf *b, const void *data, size_t len)
{
	size_t need = b->len + len + 1;

	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < need)
			cap *= 2;
		if ((b->data = realloc(b->data, cap)) == NULL) {
			fputs("vt: out of memory\n", stderr);
			abort();
		}
		b->cap = cap;
	}
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static void
vbuf_addc(struct vbuf *b, char c)
{
	vbuf_add(b, &c, 1);
}

/* Take the string out of the buffer; never NULL. */
static char *
vbuf_steal(struct vbuf *b)
{
	char *s;

	if (b->data == NULL)
		vbuf_add(b, "", 0);
	s = b->data;
	memset(b, 0, sizeof(*b));
	return s;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Timeouts stretched by VT_TIMEOUT_SCALE, for slow runs. */
static long long
deadline_after(int timeout_ms)
{
	static int scale;
	const char *s;

	if (scale == 0) {
		scale = 1;
		if ((s = getenv("VT_TIMEOUT_SCALE")) != NULL && atoi(s) > 1)
			scale = atoi(s);
	}
	if (timeout_ms < 0)
		timeout_ms = 0;
	return now_ms() + (long long)timeout_ms * scale;
}

static int
remaining(long long deadline, int cap)
{
	long long left = deadline - now_ms();

	if (left <= 0)
		return 0;
	return left < cap ? (int)left : cap;
}

/* libvterm's answers to the child (device reports, encoded keys). */
static void
on_output(const char *s, size_t len, void *user)
{
	struct vt *vt = user;

	vbuf_add(&vt->in, s, len);
}

static int
on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct vt *vt = user;

	switch (prop) {
	case VTERM_PROP_ALTSCREEN:
		vt->altscreen = val->boolean;
		break;
	case VTERM_PROP_CURSORVISIBLE:
		vt->cursor_visible = val->boolean;
		break;
	default:
		break;
	}
	return 1;
}

static int
on_bell(void *user)
{
	struct vt *vt = user;

	vt->bells++;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_settermprop,
	.bell = on_bell,
};

static void
reap(struct vt *vt)
{
	pid_t r;
	int st;

	if (vt->reaped)
		return;
	do
		r = waitpid(vt->pid, &st, WNOHANG);
	while (r == -1 && errno == EINTR);
	if (r == vt->pid) {
		vt->reaped = true;
		vt->status = st;
	} else if (r == -1) {
		/* ECHILD: someone else reaped it; nothing more to learn. */
		vt->reaped = true;
		vt->status = -1;
	}
}

/* Write what is queued for the child, as far as it goes without waiting. */
static void
flush_in(struct vt *vt)
{
	ssize_t w;

	while (vt->master != -1 && vt->in_off < vt->in.len) {
		w = write(vt->master, vt->in.data + vt->in_off,
		    vt->in.len - vt->in_off);
		if (w > 0)
			vt->in_off += (size_t)w;
		else if (w == -1 && errno == EINTR)
			continue;
		else if (w == -1 && errno == EAGAIN)
			return;
		else
			break;	/* hung up: drop it */
	}
	vt->in.len = 0;
	vt->in_off = 0;
}

/*
 * Wait up to timeout_ms for output, read all that is available, feed it to
 * the screen, write queued input when the pty takes it.  Returns the number
 * of bytes read.
 */
static size_t
pump_once(struct vt *vt, int timeout_ms)
{
	struct pollfd pfd;
	char buf[4096];
	size_t total = 0;
	ssize_t n;

	reap(vt);
	if (vt->master == -1) {
		if (timeout_ms > 0)
			sleep_ms(timeout_ms < VT_SLICE_MS ? timeout_ms :
			    VT_SLICE_MS);
		return 0;
	}
	pfd.fd = vt->master;
	pfd.events = POLLIN;
	if (vt->in_off < vt->in.len)
		pfd.events |= POLLOUT;
	pfd.revents = 0;
	if (poll(&pfd, 1, timeout_ms) <= 0)
		return 0;
	if (pfd.revents & POLLOUT)
		flush_in(vt);
	for (;;) {
		n = read(vt->master, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		vbuf_add(&vt->out, buf, (size_t)n);
		vterm_input_write(vt->term, buf, (size_t)n);
		total += (size_t)n;
	}
	if (vt->in_off < vt->in.len)
		flush_in(vt);
	return total;
}

void
vt_pump(struct vt *vt)
{
	int i;

	/* Bounded: a child printing in a loop must not keep us here. */
	for (i = 0; i < 256 && pump_once(vt, 0) > 0; i++)
		;
}

/* Read what is left after the child is gone (or before a decision). */
static void
drain(struct vt *vt)
{
	long long deadline = deadline_after(100);

	while (pump_once(vt, 0) > 0 && now_ms() < deadline)
		;
}

static void
kill_and_reap(struct vt *vt)
{
	long long deadline;

	reap(vt);
	if (vt->reaped)
		return;
	kill(-vt->pid, SIGKILL);
	kill(vt->pid, SIGKILL);
	deadline = deadline_after(VT_REAP_MS);
	while (!vt->reaped && now_ms() < deadline) {
		pump_once(vt, 0);
		if (!vt->reaped)
			sleep_ms(2);
	}
}

/* Find argv0 in the PATH the child will have, as execvp would. */
static char *
resolve(const char *argv0, char *const envp[])
{
	const char *path = NULL, *p, *end;
	char *const *e;
	struct vbuf b = { 0 };

	if (strchr(argv0, '/') != NULL)
		goto literal;
	for (e = envp; *e != NULL; e++) {
		if (strncmp(*e, "PATH=", 5) == 0) {
			path = *e + 5;
			break;
		}
	}
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; *p != '\0'; p = *end ? end + 1 : end) {
		if ((end = strchr(p, ':')) == NULL)
			end = p + strlen(p);
		b.len = 0;
		if (end == p)
			vbuf_add(&b, ".", 1);
		else
			vbuf_add(&b, p, (size_t)(end - p));
		vbuf_addc(&b, '/');
		vbuf_add(&b, argv0, strlen(argv0));
		if (access(b.data, X_OK) == 0)
			return vbuf_steal(&b);
	}
	free(b.data);
literal:
	b = (struct vbuf){ 0 };
	vbuf_add(&b, argv0, strlen(argv0));
	return vbuf_steal(&b);
}

/* In the child: only async-signal-safe calls from here on. */
static void __attribute__((noreturn))
child(int slave, const char *path, char *const argv[], char *const envp[],
    const char *errmsg)
{
	struct sigaction sa;
	sigset_t none;
	int fd, sig;

	if (setsid() == -1 || ioctl(slave, TIOCSCTTY, 0) == -1)
		_exit(127);
	if (dup2(slave, 0) == -1 || dup2(slave, 1) == -1 ||
	    dup2(slave, 2) == -1)
		_exit(127);
	if (close_range(3, ~0U, 0) == -1) {
		for (fd = 3; fd < 1024; fd++)
			close(fd);
	}

	/* Ignored signals survive exec: give the child a clean slate. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++)
		sigaction(sig, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	execve(path, argv, envp);
	if (write(2, errmsg, strlen(errmsg)) == -1) {
		/* nothing to do */
	}
	_exit(127);
}

struct vt *
vt_spawn(int rows, int cols, char *const argv[], char *const envp[])
{
	struct winsize ws;
	struct vt *vt;
	struct vbuf msg = { 0 };
	char *path;
	int m, s, saved;
	pid_t pid;

	if (rows <= 0 || cols <= 0 || argv == NULL || argv[0] == NULL) {
		errno = EINVAL;
		return NULL;
	}
	if (envp == NULL)
		envp = default_env;

	memset(&ws, 0, sizeof(ws));
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	if (openpty(&m, &s, NULL, NULL, &ws) == -1)
		return NULL;

	vt = vmalloc(sizeof(*vt));
	memset(vt, 0, sizeof(*vt));
	vt->master = m;
	vt->slave = s;
	vt->rows = rows;
	vt->cols = cols;
	vt->cursor_visible = true;
	if (ttyname_r(s, vt->slave_name, sizeof(vt->slave_name)) != 0)
		vt->slave_name[0] = '\0';
	if (tcgetattr(s, &vt->initial) == -1 ||
	    fcntl(m, F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s, F_SETFD, FD_CLOEXEC) == -1)
		goto fail;

	if ((vt->term = vterm_new(rows, cols)) == NULL)
		goto fail;
	vterm_set_utf8(vt->term, 1);
	vterm_output_set_callback(vt->term, on_output, vt);
	vt->screen = vterm_obtain_screen(vt->term);
	vterm_screen_enable_altscreen(vt->screen, 1);
	vterm_screen_set_callbacks(vt->screen, &screen_callbacks, vt);
	vterm_screen_reset(vt->screen, 1);

	path = resolve(argv[0], envp);
	vbuf_add(&msg, "vt: cannot execute ", 19);
	vbuf_add(&msg, path, strlen(path));
	vbuf_add(&msg, "\r\n", 2);

	/* Flush stdio so the child does not inherit half-written buffers. */
	fflush(NULL);
	if ((pid = fork()) == -1) {
		free(path);
		free(msg.data);
		goto fail;
	}
	if (pid == 0)
		child(s, path, argv, envp, msg.data);
	free(path);
	free(msg.data);
	vt->pid = pid;

	if (fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK) == -1)
		goto fail_child;
	return vt;

fail_child:
	saved = errno;
	kill_and_reap(vt);
	errno = saved;
fail:
	saved = errno;
	if (vt->term != NULL)
		vterm_free(vt->term);
	close(m);
	close(s);
	free(vt);
	errno = saved;
	return NULL;
}

void
vt_free(struct vt *vt)
{
	if (vt == NULL)
		return;
	kill_and_reap(vt);
	if (vt->master != -1)
		close(vt->master);
	if (vt->slave != -1)
		close(vt->slave);
	if (vt->term != NULL)
		vterm_free(vt->term);
	free(vt->out.data);
	free(vt->in.data);
	free(vt);
}

int
vt_rows(struct vt *vt)
{
	return vt->rows;
}

int
vt_cols(struct vt *vt)
{
	return vt->cols;
}

/* Queue bytes and push them to the child, reading output meanwhile. */
static bool
send_queued(struct vt *vt)
{
	long long deadline = deadline_after(VT_SEND_MS);

	for (;;) {
		flush_in(vt);
		if (vt->in_off >= vt->in.len)
			return vt->master != -1;
		if (vt->master == -1 || now_ms() >= deadline) {
			vt->in.len = 0;
			vt->in_off = 0;
			return false;
		}
		pump_once(vt, remaining(deadline, 50));
	}
}

bool
vt_send_raw(struct vt *vt, const void *bytes, size_t len)
{
	vt_pump(vt);
	vbuf_add(&vt->in, bytes, len);
	return send_queued(vt);
}

bool
vt_send(struct vt *vt, const char *keys)
{
	const char *p;
	VTermKey key;

	/* Learn the latest keypad mode before encoding keys in it. */
	vt_pump(vt);
	for (p = keys; *p != '\0'; p++) {
		key = VTERM_KEY_NONE;
		if (p[0] == '\033' && p[1] == '[') {
			switch (p[2]) {
			case 'A':
				key = VTERM_KEY_UP;
				break;
			case 'B':
				key = VTERM_KEY_DOWN;
				break;
			case 'C':
				key = VTERM_KEY_RIGHT;
				break;
			case 'D':
				key = VTERM_KEY_LEFT;
				break;
			case 'H':
				key = VTERM_KEY_HOME;
				break;
			case 'F':
				key = VTERM_KEY_END;
				break;
			}
		}
		if (key != VTERM_KEY_NONE) {
			vterm_keyboard_key(vt->term, key, VTERM_MOD_NONE);
			p += 2;
		} else
			vbuf_addc(&vt->in, *p);
	}
	return send_queued(vt);
}

static void
put_utf8(struct vbuf *b, uint32_t c)
{
	char s[4];

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		vbuf_addc(b, (char)c);
	} else if (c < 0x800) {
		s[0] = (char)(0xc0 | (c >> 6));
		s[1] = (char)(0x80 | (c & 0x3f));
		vbuf_add(b, s, 2);
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | (c >> 12));
		s[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		vbuf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (c >> 18));
		s[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		vbuf_add(b, s, 4);
	}
}

static bool
get_cell(struct vt *vt, int row, int col, VTermScreenCell *cell)
{
	VTermPos pos = { .row = row, .col = col };

	memset(cell, 0, sizeof(*cell));
	if (row < 0 || row >= vt->rows || col < 0 || col >= vt->cols)
		return false;
	return vterm_screen_get_cell(vt->screen, pos, cell) != 0;
}

/* libvterm marks the right half of a wide character this way. */
static bool
is_continuation(const VTermScreenCell *cell)
{
	return cell->chars[0] == (uint32_t)-1;
}

/*
 * Append one row to b.  If off is not NULL, off[col] gets the offset in b
 * where the cell's text starts (the right half of a wide character gets
 * the offset just past it).
 */
static void
row_text(struct vt *vt, int row, struct vbuf *b, size_t *off, bool trim)
{
	VTermScreenCell cell;
	size_t start = b->len;
	int col, i;

	for (col = 0; col < vt->cols; col++) {
		get_cell(vt, row, col, &cell);
		if (off != NULL)
			off[col] = b->len;
		if (is_continuation(&cell))
			continue;
		if (cell.chars[0] == 0) {
			vbuf_addc(b, ' ');
			continue;
		}
		for (i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
			put_utf8(b, cell.chars[i]);
	}
	if (trim) {
		while (b->len > start && b->data[b->len - 1] == ' ')
			b->len--;
	}
	vbuf_add(b, "", 0);
}

char *
vt_screen_text(struct vt *vt)
{
	struct vbuf b = { 0 };
	int row;

	for (row = 0; row < vt->rows; row++) {
		if (row > 0)
			vbuf_addc(&b, '\n');
		row_text(vt, row, &b, NULL, true);
	}
	return vbuf_steal(&b);
}

char *
vt_row(struct vt *vt, int row)
{
	struct vbuf b = { 0 };

	if (row >= 0 && row < vt->rows)
		row_text(vt, row, &b, NULL, true);
	return vbuf_steal(&b);
}

bool
vt_find_text(struct vt *vt, const char *utf8_text, int *rowp, int *colp)
{
	struct vbuf b = { 0 };
	size_t *off, at;
	const char *hit;
	int row, col, found = -1;

	off = vmalloc(sizeof(*off) * (size_t)vt->cols);
	for (row = 0; row < vt->rows && found == -1; row++) {
		b.len = 0;
		row_text(vt, row, &b, off, true);
		if ((hit = strstr(b.data, utf8_text)) == NULL)
			continue;
		at = (size_t)(hit - b.data);
		for (col = 0; col < vt->cols; col++) {
			if (off[col] > at)
				break;
			if (vt_cell_width(vt, row, col) != 0)
				found = col;
		}
		if (found == -1)
			found = 0;
		if (rowp != NULL)
			*rowp = row;
		if (colp != NULL)
			*colp = found;
	}
	free(off);
	free(b.data);
	return found != -1;
}

int
vt_cell_width(struct vt *vt, int row, int col)
{
	VTermScreenCell cell;

	if (!get_cell(vt, row, col, &cell))
		return -1;
	if (is_continuation(&cell))
		return 0;
	return cell.width;
}

static int
color_value(VTermColor *c, bool fg)
{
	if (fg && VTERM_COLOR_IS_DEFAULT_FG(c))
		return VT_COLOR_DEFAULT;
	if (!fg && VTERM_COLOR_IS_DEFAULT_BG(c))
		return VT_COLOR_DEFAULT;
	if (VTERM_COLOR_IS_INDEXED(c))
		return c->indexed.idx;
	return VT_COLOR_RGB | (c->rgb.red << 16) | (c->rgb.green << 8) |
	    c->rgb.blue;
}

struct vt_attrs
vt_cell_attrs(struct vt *vt, int row, int col)
{
	struct vt_attrs a;
	VTermScreenCell cell;

	memset(&a, 0, sizeof(a));
	a.fg = a.bg = VT_COLOR_DEFAULT;
	if (!get_cell(vt, row, col, &cell))
		return a;
	a.bold = cell.attrs.bold;
	a.underline = cell.attrs.underline != 0;
	a.italic = cell.attrs.italic;
	a.blink = cell.attrs.blink;
	a.reverse = cell.attrs.reverse;
	a.strike = cell.attrs.strike;
	a.fg = color_value(&cell.fg, true);
	a.bg = color_value(&cell.bg, false);
	return a;
}

bool
vt_cell_bold(struct vt *vt, int row, int col)
{
	return vt_cell_attrs(vt, row, col).bold;
}

bool
vt_cell_reverse(struct vt *vt, int row, int col)
{
	return vt_cell_attrs(vt, row, col).reverse;
}

void
vt_cursor(struct vt *vt, int *row, int *col)
{
	VTermPos pos;

	vterm_state_get_cursorpos(vterm_obtain_state(vt->term), &pos);
	if (row != NULL)
		*row = pos.row;
	if (col != NULL)
		*col = pos.col;
}

bool
vt_cursor_visible(struct vt *vt)
{
	return vt->cursor_visible;
}

bool
vt_altscreen_active(struct vt *vt)
{
	return vt->altscreen;
}

bool
vt_left_altscreen(struct vt *vt)
{
	static const char enter[] = "\033[?1049h", leave[] = "\033[?1049l";
	const char *p, *last = NULL, *end = vt->out.data + vt->out.len;

	if (vt->out.data == NULL)
		return false;
	for (p = vt->out.data; (p = memmem(p, (size_t)(end - p), enter,
	    sizeof(enter) - 1)) != NULL; p++)
		last = p;
	if (last == NULL)
		return false;
	last += sizeof(enter) - 1;
	return memmem(last, (size_t)(end - last), leave,
	    sizeof(leave) - 1) != NULL;
}

int
vt_bells(struct vt *vt)
{
	return vt->bells;
}

const char *
vt_output(struct vt *vt, size_t *len)
{
	if (vt->out.data == NULL)
		vbuf_add(&vt->out, "", 0);
	if (len != NULL)
		*len = vt->out.len;
	return vt->out.data;
}

bool
vt_output_contains(struct vt *vt, const char *seq)
{
	if (vt->out.data == NULL || *seq == '\0')
		return *seq == '\0';
	return memmem(vt->out.data, vt->out.len, seq, strlen(seq)) != NULL;
}

static bool
screen_has(struct vt *vt, const char *text)
{
	char *s = vt_screen_text(vt);
	bool has = strstr(s, text) != NULL;

	free(s);
	return has;
}

/*
 * Pump until the screen text does (want true) or does not contain the
 * text, the deadline passes, or the child is gone and its output read.
 * One write by the child can reach us in pieces: once the screen looks
 * right, let the output settle and look again, so that a test never sees
 * half of an update.
 */
static bool
wait_screen(struct vt *vt, const char *text, bool want, int timeout_ms)
{
	long long deadline = deadline_after(timeout_ms);
	bool done;

	for (;;) {
		vt_pump(vt);
		done = vt->reaped || now_ms() >= deadline;
		if (vt->reaped)
			drain(vt);
		if (screen_has(vt, text) == want) {
			if (vt->reaped)
				return true;
			vt_wait_quiet(vt, VT_SETTLE_MS, VT_SETTLE_MAX_MS);
			if (screen_has(vt, text) == want)
				return true;
			done = vt->reaped || now_ms() >= deadline;
		}
		if (done)
			return false;
		pump_once(vt, remaining(deadline, VT_SLICE_MS));
	}
}

bool
vt_wait_text(struct vt *vt, const char *utf8_text, int timeout_ms)
{
	return wait_screen(vt, utf8_text, true, timeout_ms);
}

bool
vt_wait_gone(struct vt *vt, const char *utf8_text, int timeout_ms)
{
	return wait_screen(vt, utf8_text, false, timeout_ms);
}

bool
vt_wait_quiet(struct vt *vt, int quiet_ms, int timeout_ms)
{
	long long deadline = deadline_after(timeout_ms);
	long long quiet_until = deadline_after(quiet_ms);

	for (;;) {
		if (pump_once(vt, remaining(quiet_until, VT_SLICE_MS)) > 0)
			quiet_until = deadline_after(quiet_ms);
		else if (vt->reaped) {
			drain(vt);
			return true;
		}
		if (now_ms() >= quiet_until)
			return true;
		if (now_ms() >= deadline)
			return false;
	}
}

int
vt_wait_exit(struct vt *vt, int timeout_ms)
{
	long long deadline = deadline_after(timeout_ms);

	while (!vt->reaped && now_ms() < deadline)
		pump_once(vt, remaining(deadline, VT_SLICE_MS));
	reap(vt);
	if (!vt->reaped) {
		kill_and_reap(vt);
		vt->timed_out = true;
	}
	drain(vt);
	return vt->timed_out ? -1 : vt->status;
}

bool
vt_running(struct vt *vt)
{
	reap(vt);
	return !vt->reaped;
}

void
vt_kill(struct vt *vt, int sig)
{
	reap(vt);
	if (!vt->reaped)
		kill(vt->pid, sig);
}

void
vt_resize(struct vt *vt, int rows, int cols)
{
	struct winsize ws, old;
	int fd = vt->master != -1 ? vt->master : vt->slave;
	bool same;
	pid_t pg;

	if (rows <= 0 || cols <= 0)
		return;
	/*
	 * Let the child finish drawing first: most programs notice SIGWINCH
	 * only while blocked reading the terminal.
	 */
	vt_wait_quiet(vt, VT_SETTLE_MS, VT_SETTLE_MAX_MS);
	same = ioctl(fd, TIOCGWINSZ, &old) == 0 && old.ws_row == rows &&
	    old.ws_col == cols;
	vterm_set_size(vt->term, rows, cols);
	vt->rows = rows;
	vt->cols = cols;
	memset(&ws, 0, sizeof(ws));
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	ioctl(fd, TIOCSWINSZ, &ws);
	if (same && vt_running(vt)) {
		if ((pg = tcgetpgrp(fd)) > 0)
			kill(-pg, SIGWINCH);
		else
			kill(-vt->pid, SIGWINCH);
	}
}

void
vt_hangup(struct vt *vt)
{
	if (vt->master == -1)
		return;
	vt_pump(vt);
	close(vt->master);
	vt->master = -1;
	vt->in.len = 0;
	vt->in_off = 0;
}

bool
vt_termios(struct vt *vt, struct termios *t)
{
	if (vt->slave != -1 && tcgetattr(vt->slave, t) == 0)
		return true;
	return vt->master != -1 && tcgetattr(vt->master, t) == 0;
}

bool
vt_termios_sane(struct vt *vt)
{
	const tcflag_t lmask = ICANON | ECHO | ISIG | IEXTEN;
	const tcflag_t imask = ICRNL;
	const tcflag_t omask = OPOST | ONLCR;
	struct termios t;

	if (!vt_termios(vt, &t))
		return false;
	return (t.c_lflag & lmask) == (vt->initial.c_lflag & lmask) &&
	    (t.c_iflag & imask) == (vt->initial.c_iflag & imask) &&
	    (t.c_oflag & omask) == (vt->initial.c_oflag & omask);
}

const char *
vt_slave_name(struct vt *vt)
{
	return vt->slave_name;
}

static void
ruler(struct vt *vt, FILE *fp, bool tens)
{
	int col;

	fputs("    ", fp);
	for (col = 0; col < vt->cols; col++) {
		if (tens)
			fputc(col % 10 == 0 ? '0' + (col / 10) % 10 : ' ', fp);
		else
			fputc('0' + col % 10, fp);
	}
	fputc('\n', fp);
}

void
vt_dump(struct vt *vt, FILE *fp)
{
	struct vbuf b = { 0 };
	int row, col, crow, ccol;

	vt_cursor(vt, &crow, &ccol);
	fprintf(fp, "vt %s: %dx%d, cursor %d,%d%s%s, ", vt->slave_name,
	    vt->rows, vt->cols, crow, ccol,
	    vt->cursor_visible ? "" : " (hidden)",
	    vt->altscreen ? ", alternate screen" : "");
	reap(vt);
	if (!vt->reaped)
		fprintf(fp, "child %ld running\n", (long)vt->pid);
	else if (vt->timed_out)
		fprintf(fp, "child killed after a timeout\n");
	else if (vt->status != -1 && WIFEXITED(vt->status))
		fprintf(fp, "child exited %d\n", WEXITSTATUS(vt->status));
	else if (vt->status != -1 && WIFSIGNALED(vt->status))
		fprintf(fp, "child killed by signal %d\n",
		    WTERMSIG(vt->status));
	else
		fprintf(fp, "child gone\n");

	ruler(vt, fp, true);
	ruler(vt, fp, false);
	fputs("   +", fp);
	for (col = 0; col < vt->cols; col++)
		fputc('-', fp);
	fputs("+\n", fp);
	for (row = 0; row < vt->rows; row++) {
		b.len = 0;
		row_text(vt, row, &b, NULL, false);
		fprintf(fp, "%3d|%s|\n", row, b.data);
	}
	fputs("   +", fp);
	for (col = 0; col < vt->cols; col++)
		fputc('-', fp);
	fputs("+\n", fp);
	free(b.data);
}
