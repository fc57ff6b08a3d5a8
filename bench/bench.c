/*
 * bench/bench.c - measure redflags against a minimal ncurses program
 * (bench/floor) started the same way, in the same run.
 *
 *   bench [-n REPS] [-k KEYS] [-C] [-V] [-K VALGRIND_KEYS]
 *         --floor PATH --redflags PATH --yaml-raw PATH
 *         --lessons DIR --catalogue DIR
 *
 * Every program runs on its own pseudo-terminal (80x24, TERM=xterm-256color,
 * LC_ALL=C.UTF-8, a fresh HOME and XDG_DATA_HOME under /tmp,
 * REDFLAGS_ONLY_LESSONS=1 and --lessons DIR so only the intended lessons
 * load), whose output is fed to a libvterm screen.  The configurations
 * are interleaved: each repetition runs every one of them once, in an
 * order that rotates from one repetition to the next.
 *
 * What one repetition of a configuration measures:
 *
 *  - first screen: from just before fork() to the arrival of the last
 *    byte of the first screen.  The first screen is complete when the
 *    bottom row of the libvterm screen shows "quick exit" (the footer is
 *    the last row ncurses writes) and then no output has come for 50 ms;
 *    the time is that of the last byte read before the pause.
 *  - bytes of the first screen: every byte written until then.
 *  - a selection move: Down is typed; the bytes that come until 20 ms of
 *    quiet are counted.  The pointer (U+25B8) must have moved.
 *  - key-to-redraw latency: KEYS keys (Down and Up in turn), each typed
 *    after the previous redraw has gone quiet; the latency is from the
 *    write() of the key to the arrival of the last byte of its redraw.
 *  - peak memory: VmHWM of the child from /proc just before the quit key
 *    (the exec'd image only), and ru_maxrss from wait4() after it quits
 *    (which Linux takes as at least the parent's size at fork()).
 *
 * "chat" opens the first shipped lesson (grooming-how-it-starts), goes to
 * its chat step (step 4: Enter to begin, two pages, s to skip a question)
 * and measures the move and the latency there.
 *
 * -C adds the `check` throughput: `redflags check DIR` against yaml-raw
 * over the same *.yaml files (found under DIR, recursively), interleaved,
 * wall time from fork() to wait4(), as MB/s of the files' total size
 * (REPS runs each; at most 10 for the catalogue).
 *
 * -V adds valgrind --tool=callgrind instruction counts (total Ir), one
 * run per program split in three with callgrind_control --dump: start-up
 * to the first screen, VALGRIND_KEYS (20) keys, quit; and check /
 * yaml-raw over both sets of files (in two processes beside).
 *
 * All times are wall clock (CLOCK_MONOTONIC) and shown as medians; the
 * figures to compare are the ratios to floor measured in the same run.
 */
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#define ROWS		24
#define COLS		80
#define FIRST_QUIET_MS	50	/* the first screen is done after this pause */
#define KEY_QUIET_MS	20	/* a redraw is done after this pause */
#define START_MS	30000	/* longest wait for a first screen */
#define VG_START_MS	300000	/* the same under valgrind */

#define KEY_DOWN	"\033OB"	/* application cursor mode: keypad() */
#define KEY_UP		"\033OA"
#define POINTER		"\xe2\x96\xb8"	/* ▸ */

static const char *opt_floor, *opt_redflags, *opt_raw, *opt_lessons,
    *opt_catalogue;
static int opt_reps = 30, opt_keys = 0, opt_vg_keys = 20;
static bool opt_check, opt_valgrind;
static char tmpbase[64];
static int spawned;

/* ------------------------------------------------------------------ */

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die("%s", "out of memory");
	return p;
}

static char *
xstrfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
xstrfmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("%s", "out of memory");
	va_end(ap);
	return s;
}

/* A growable array of doubles. */
struct samples {
	double *v;
	size_t n, cap;
};

static void
add(struct samples *s, double x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		if ((s->v = realloc(s->v, s->cap * sizeof *s->v)) == NULL)
			die("%s", "out of memory");
	}
	s->v[s->n++] = x;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) by nearest rank; NAN if empty. */
static double
quantile(struct samples *s, double q)
{
	size_t i;

	if (s->n == 0)
		return 0.0 / 0.0;
	qsort(s->v, s->n, sizeof *s->v, cmp_double);
	i = (size_t)(q * (double)(s->n - 1) + 0.5);
	return s->v[i];
}

static double
median(struct samples *s)
{
	return quantile(s, 0.5);
}

/* ------------------------------------------------------------------ */
/* A program on a pseudo-terminal. */

struct pt {
	pid_t pid;
	int fd;			/* master; -1 once the child hung up */
	VTerm *vt;
	VTermScreen *scr;
	double t_start;		/* just before fork() */
	double t_last;		/* when the last byte was read */
	size_t bytes;		/* all bytes read */
	bool reaped;
	int status;
	struct rusage ru;
	char *home;
};

static void
on_output(const char *s, size_t len, void *user)
{
	struct pt *p = user;

	/* libvterm's answers to queries: pass them on, best effort. */
	if (p->fd != -1 && write(p->fd, s, len) < 0) {
		/* the child is going away; nothing to do */
	}
}

static char **
make_env(const char *home)
{
	char **env = xmalloc(12 * sizeof *env);
	int n = 0;

	env[n++] = "TERM=xterm-256color";
	env[n++] = "LC_ALL=C.UTF-8";
	env[n++] = "PATH=/usr/local/bin:/usr/bin:/bin";
	env[n++] = xstrfmt("HOME=%s", home);
	env[n++] = xstrfmt("XDG_DATA_HOME=%s/data", home);
	env[n++] = xstrfmt("XDG_CONFIG_HOME=%s/config", home);
	env[n++] = xstrfmt("XDG_DATA_DIRS=%s/none", home);
	env[n++] = "REDFLAGS_ONLY_LESSONS=1";
	/* Each key's own time, from reading it to the end of its redraw. */
	env[n++] = xstrfmt("REDFLAGS_KEY_TIMES=%s/key-times", home);
	env[n] = NULL;
	return env;
}

static void
free_env(char **env)
{
	free(env[8]);
	free(env[3]);
	free(env[4]);
	free(env[5]);
	free(env[6]);
	free(env);
}

static struct pt *
pt_spawn(char *const argv[])
{
	struct pt *p = xmalloc(sizeof *p);
	struct winsize ws = { .ws_row = ROWS, .ws_col = COLS };
	char **env;

	memset(p, 0, sizeof *p);
	p->home = xstrfmt("%s/home-%d", tmpbase, spawned++);
	if (mkdir(p->home, 0700) != 0)
		die("cannot make %s", p->home);
	env = make_env(p->home);
	p->vt = vterm_new(ROWS, COLS);
	vterm_set_utf8(p->vt, 1);
	vterm_output_set_callback(p->vt, on_output, p);
	p->scr = vterm_obtain_screen(p->vt);
	vterm_screen_enable_altscreen(p->scr, 1);
	vterm_screen_reset(p->scr, 1);

	p->t_start = now_ms();
	p->pid = forkpty(&p->fd, NULL, NULL, &ws);
	if (p->pid == -1)
		die("%s", "forkpty failed");
	if (p->pid == 0) {
		execve(argv[0], argv, env);
		fprintf(stderr, "bench: cannot execute %s\n", argv[0]);
		_exit(127);
	}
	free_env(env);
	fcntl(p->fd, F_SETFL, fcntl(p->fd, F_GETFL) | O_NONBLOCK);
	p->t_last = p->t_start;
	return p;
}

static void
reap(struct pt *p, bool block)
{
	pid_t r;

	if (p->reaped)
		return;
	do
		r = wait4(p->pid, &p->status, block ? 0 : WNOHANG, &p->ru);
	while (r == -1 && errno == EINTR);
	if (r == p->pid || r == -1)
		p->reaped = true;
}

/* Wait up to timeout_ms for output and read all there is. */
static size_t
pump(struct pt *p, int timeout_ms)
{
	struct pollfd pfd;
	char buf[8192];
	size_t total = 0;
	ssize_t n;

	if (p->fd == -1) {
		reap(p, false);
		if (timeout_ms > 0)
			poll(NULL, 0, timeout_ms < 10 ? timeout_ms : 10);
		return 0;
	}
	pfd.fd = p->fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, timeout_ms) <= 0)
		return 0;
	for (;;) {
		n = read(p->fd, buf, sizeof buf);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {		/* EIO: the child closed its side */
			close(p->fd);
			p->fd = -1;
			break;
		}
		p->t_last = now_ms();
		p->bytes += (size_t)n;
		total += (size_t)n;
		vterm_input_write(p->vt, buf, (size_t)n);
	}
	return total;
}

static void
row_text(struct pt *p, int row, char *buf, size_t cap)
{
	VTermRect r = { .start_row = row, .end_row = row + 1,
		.start_col = 0, .end_col = COLS };
	size_t n = vterm_screen_get_text(p->scr, buf, cap - 1, r);

	buf[n] = '\0';
}

/* The first row (from the top) that contains text, or -1. */
static int
find_row(struct pt *p, const char *text)
{
	char buf[COLS * 8];
	int row;

	for (row = 0; row < ROWS; row++) {
		row_text(p, row, buf, sizeof buf);
		if (strstr(buf, text) != NULL)
			return row;
	}
	return -1;
}

static bool
row_has(struct pt *p, int row, const char *text)
{
	char buf[COLS * 8];

	row_text(p, row, buf, sizeof buf);
	return strstr(buf, text) != NULL;
}

static void
dump(struct pt *p)
{
	char buf[COLS * 8];
	int row;

	for (row = 0; row < ROWS; row++) {
		row_text(p, row, buf, sizeof buf);
		fprintf(stderr, "%2d|%s\n", row, buf);
	}
}

/* Read until output has paused for quiet_ms; false after timeout_ms. */
static bool
wait_quiet(struct pt *p, int quiet_ms, int timeout_ms)
{
	double deadline = now_ms() + timeout_ms, t;

	for (;;) {
		t = now_ms();
		if (p->fd == -1 || t >= deadline)
			return p->fd == -1;
		if (t - p->t_last >= quiet_ms && pump(p, 0) == 0)
			return true;
		pump(p, (int)(quiet_ms - (t - p->t_last)) + 1);
	}
}

/* Read until the text is on the screen (row -1: anywhere). */
static bool
wait_text(struct pt *p, int row, const char *text, int timeout_ms)
{
	double deadline = now_ms() + timeout_ms;

	for (;;) {
		if (row >= 0 ? row_has(p, row, text) : find_row(p, text) >= 0)
			return true;
		if (p->fd == -1 || now_ms() >= deadline)
			return false;
		pump(p, 10);
	}
}

static void
send_keys(struct pt *p, const char *keys)
{
	size_t len = strlen(keys), off = 0;
	ssize_t w;

	while (off < len && p->fd != -1) {
		w = write(p->fd, keys + off, len - off);
		if (w > 0)
			off += (size_t)w;
		else if (w == -1 && (errno == EINTR || errno == EAGAIN))
			pump(p, 1);
		else
			break;
	}
}

static long
vm_hwm_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	}
	fclose(fp);
	return kb;
}

/* Wait for the child to exit (reading its output); kill it after
 * timeout_ms.  True if it exited by itself with status 0. */
static bool
pt_wait_exit(struct pt *p, int timeout_ms)
{
	double deadline = now_ms() + timeout_ms;

	while (p->fd != -1 && now_ms() < deadline)
		pump(p, 10);
	while (!p->reaped && now_ms() < deadline) {
		reap(p, false);
		if (!p->reaped)
			poll(NULL, 0, 2);
	}
	if (!p->reaped) {
		kill(-p->pid, SIGKILL);
		kill(p->pid, SIGKILL);
		reap(p, true);
		return false;
	}
	return WIFEXITED(p->status) && WEXITSTATUS(p->status) == 0;
}

static void
pt_free(struct pt *p)
{
	if (!p->reaped) {
		kill(p->pid, SIGKILL);
		reap(p, true);
	}
	if (p->fd != -1)
		close(p->fd);
	vterm_free(p->vt);
	free(p->home);
	free(p);
}

/* ------------------------------------------------------------------ */
/* The configurations. */

enum { C_FLOOR, C_SHIPPED, C_CAT, C_CHAT, NCONF };

static const char *const conf_name[NCONF] = {
	"floor", "redflags, shipped lessons", "redflags, catalogue",
	"redflags, in a chat",
};

struct result {
	struct samples first;	/* ms from fork to the first screen */
	struct samples bytes_first;
	struct samples bytes_move;
	struct samples latency;	/* ms from key to the end of its redraw */
	struct samples inside;	/* ms the program itself takes a key */
	struct samples hwm;	/* KB */
	struct samples maxrss;	/* KB */
	int failures;		/* runs that went wrong */
	int misses;		/* keys with no visible redraw */
};

static struct result results[NCONF];

static char **
conf_argv(int c, const char *valgrind_out)
{
	char **argv = xmalloc(12 * sizeof *argv);
	int n = 0;

	if (valgrind_out != NULL) {
		argv[n++] = "/usr/bin/valgrind";
		argv[n++] = "--tool=callgrind";
		argv[n++] = "-q";
		argv[n++] = xstrfmt("--callgrind-out-file=%s", valgrind_out);
	}
	if (c == C_FLOOR) {
		argv[n++] = (char *)opt_floor;
	} else {
		argv[n++] = (char *)opt_redflags;
		argv[n++] = "--lessons";
		argv[n++] = (char *)(c == C_CAT ? opt_catalogue : opt_lessons);
	}
	argv[n] = NULL;
	return argv;
}

static void
free_argv(char **argv, const char *valgrind_out)
{
	if (valgrind_out != NULL)
		free(argv[3]);
	free(argv);
}

/* From the home screen of the shipped lessons to the first lesson's
 * chat step.  False (with the screen dumped) if a screen is not seen. */
static bool
open_chat(struct pt *p, int timeout_ms)
{
	static const struct {
		const char *key, *see;
	} path[] = {
		{ "\r", "Before you start" },
		{ "\r", "step 1 of" },
		{ "\r", "step 2 of" },
		{ "\r", "step 3 of" },
		{ "s", "messages flagged" },
	};
	size_t i;

	for (i = 0; i < sizeof path / sizeof path[0]; i++) {
		send_keys(p, path[i].key);
		if (!wait_text(p, -1, path[i].see, timeout_ms)) {
			fprintf(stderr, "bench: '%s' not seen on the way to the"
			    " chat:\n", path[i].see);
			dump(p);
			return false;
		}
		wait_quiet(p, KEY_QUIET_MS, timeout_ms);
	}
	return true;
}

/*
 * Type one key and wait for its redraw to finish.  Returns the latency
 * in ms (from write to the last byte), or -1 if nothing came or the
 * pointer did not move.  *bytes gets the bytes of the redraw.
 */
static double
one_key(struct pt *p, const char *key, int quiet_ms, int timeout_ms,
    size_t *bytes)
{
	int before = find_row(p, POINTER), after;
	size_t b0 = p->bytes;
	double t0;

	t0 = now_ms();
	send_keys(p, key);
	if (quiet_ms > 0) {
		/* Wait for the first byte, then for the pause after it. */
		while (p->bytes == b0 && p->fd != -1 &&
		    now_ms() - t0 < timeout_ms)
			pump(p, 10);
		wait_quiet(p, quiet_ms, timeout_ms);
	} else {
		/* Under valgrind: wait for the pointer to move. */
		while (find_row(p, POINTER) == before && p->fd != -1 &&
		    now_ms() - t0 < timeout_ms)
			pump(p, 10);
		wait_quiet(p, KEY_QUIET_MS, timeout_ms);
	}
	after = find_row(p, POINTER);
	if (bytes != NULL)
		*bytes = p->bytes - b0;
	if (p->bytes == b0 || after == before || after < 0)
		return -1;
	return p->t_last - t0;
}

/*
 * The program's own times for the last 'keys' keys (REDFLAGS_KEY_TIMES:
 * microseconds from reading a key to the end of its redraw, one a line);
 * the keys that opened the chat come before them.
 */
static void
read_key_times(const struct pt *p, int keys, struct samples *into)
{
	char *path = xstrfmt("%s/key-times", p->home);
	FILE *f = fopen(path, "r");
	double v, *all = NULL;
	size_t n = 0, cap = 0, i;

	free(path);
	if (f == NULL)
		return;
	while (fscanf(f, "%lf", &v) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			all = realloc(all, cap * sizeof *all);
			if (all == NULL)
				exit(1);
		}
		all[n++] = v;
	}
	fclose(f);
	for (i = n > (size_t)keys ? n - (size_t)keys : 0; i < n; i++)
		add(into, all[i] / 1000.0);
	free(all);
}

/* One interactive run of configuration c. */
static void
run_interactive(int c, int keys)
{
	struct result *r = &results[c];
	char **argv = conf_argv(c == C_CHAT ? C_SHIPPED : c, NULL);
	struct pt *p = pt_spawn(argv);
	size_t bytes;
	double lat;
	long hwm;
	int i;

	free_argv(argv, NULL);
	if (!wait_text(p, ROWS - 1, "quick exit", START_MS)) {
		fprintf(stderr, "bench: %s: no first screen\n", conf_name[c]);
		dump(p);
		r->failures++;
		pt_free(p);
		return;
	}
	wait_quiet(p, FIRST_QUIET_MS, START_MS);
	if (c != C_CHAT) {
		add(&r->first, p->t_last - p->t_start);
		add(&r->bytes_first, (double)p->bytes);
	}
	if (c == C_CHAT && !open_chat(p, 5000)) {
		r->failures++;
		pt_free(p);
		return;
	}
	for (i = 0; i < keys; i++) {
		lat = one_key(p, i % 2 == 0 ? KEY_DOWN : KEY_UP, KEY_QUIET_MS,
		    2000, &bytes);
		if (i == 0)
			add(&r->bytes_move, (double)bytes);
		if (lat < 0)
			r->misses++;
		else
			add(&r->latency, lat);
	}
	hwm = vm_hwm_kb(p->pid);
	if (hwm > 0)
		add(&r->hwm, (double)hwm);
	send_keys(p, "q");
	if (c == C_CHAT) {
		wait_text(p, ROWS - 1, "q quit", 5000);
		wait_quiet(p, KEY_QUIET_MS, 2000);
		send_keys(p, "q");
	}
	if (pt_wait_exit(p, 10000)) {
		add(&r->maxrss, (double)p->ru.ru_maxrss);
		read_key_times(p, keys, &r->inside);
	} else {
		fprintf(stderr, "bench: %s did not quit cleanly\n",
		    conf_name[c]);
		r->failures++;
	}
	pt_free(p);
}

/* ------------------------------------------------------------------ */
/* check throughput. */

struct files {
	char **v;
	size_t n, cap;
	unsigned long long bytes;
};

static void
find_yaml(struct files *f, const char *dir)
{
	struct dirent **names;
	struct stat st;
	int n, i;

	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		die("cannot read %s", dir);
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);
		char *path;

		if (name[0] == '.') {
			free(names[i]);
			continue;
		}
		path = xstrfmt("%s/%s", dir, name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			find_yaml(f, path);
			free(path);
		} else if (S_ISREG(st.st_mode) && len > 5 &&
		    strcmp(name + len - 5, ".yaml") == 0) {
			if (f->n + 1 >= f->cap) {
				f->cap = f->cap ? f->cap * 2 : 64;
				f->v = realloc(f->v, f->cap * sizeof *f->v);
			}
			f->v[f->n++] = path;
			f->bytes += (unsigned long long)st.st_size;
		} else {
			free(path);
		}
		free(names[i]);
	}
	free(names);
}

/* Run argv with output to /dev/null; wall ms from fork to wait4, or -1
 * if it did not exit 0. */
static double
run_quiet(char *const argv[], struct rusage *ru)
{
	double t0 = now_ms();
	int st;
	pid_t pid = fork();

	if (pid == -1)
		die("%s", "fork failed");
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	while (wait4(pid, &st, 0, ru) == -1 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	return now_ms() - t0;
}

static char **
check_argv(const char *dir, const char *vg_out)
{
	char **argv = xmalloc(8 * sizeof *argv);
	int n = 0;

	if (vg_out != NULL) {
		argv[n++] = "/usr/bin/valgrind";
		argv[n++] = "--tool=callgrind";
		argv[n++] = "-q";
		argv[n++] = xstrfmt("--callgrind-out-file=%s", vg_out);
	}
	argv[n++] = (char *)opt_redflags;
	argv[n++] = "check";
	argv[n++] = (char *)dir;
	argv[n] = NULL;
	return argv;
}

static char **
raw_argv(struct files *f, const char *vg_out)
{
	char **argv = xmalloc((f->n + 8) * sizeof *argv);
	size_t n = 0, i;

	if (vg_out != NULL) {
		argv[n++] = "/usr/bin/valgrind";
		argv[n++] = "--tool=callgrind";
		argv[n++] = "-q";
		argv[n++] = xstrfmt("--callgrind-out-file=%s", vg_out);
	}
	argv[n++] = (char *)opt_raw;
	for (i = 0; i < f->n; i++)
		argv[n++] = f->v[i];
	argv[n] = NULL;
	return argv;
}

static void
bench_check(void)
{
	const char *dirs[2] = { opt_lessons, opt_catalogue };
	const char *label[2] = { "shipped lessons", "catalogue" };
	int d, i, bad = 0;

	printf("\n`check` throughput (wall time from fork to exit, median of "
	    "%d runs, %d for the catalogue, interleaved)\n\n", opt_reps,
	    opt_reps < 10 ? opt_reps : 10);
	printf("| files | MB | check MB/s | yaml-raw MB/s | check/raw "
	    "| check CPU ms | raw CPU ms |\n|---|---|---|---|---|---|---|\n");
	for (d = 0; d < 2; d++) {
		struct files f = { 0 };
		struct samples tc = { 0 }, tr = { 0 }, cc = { 0 }, cr = { 0 };
		char **ca = check_argv(dirs[d], NULL);
		char **ra;
		struct rusage ru;
		double t, mb, mc, mr;

		find_yaml(&f, dirs[d]);
		ra = raw_argv(&f, NULL);
		/* The catalogue takes a second a run: 10 runs are enough. */
		for (i = 0; i < (d == 1 && opt_reps > 10 ? 10 : opt_reps);
		    i++) {
			bool raw_first = i % 2 == 1;
			int j;

			for (j = 0; j < 2; j++) {
				bool raw = (j == 0) == raw_first;

				t = run_quiet(raw ? ra : ca, &ru);
				if (t < 0) {
					bad++;
					continue;
				}
				add(raw ? &tr : &tc, t);
				add(raw ? &cr : &cc,
				    ru.ru_utime.tv_sec * 1e3 +
				    ru.ru_utime.tv_usec / 1e3 +
				    ru.ru_stime.tv_sec * 1e3 +
				    ru.ru_stime.tv_usec / 1e3);
			}
		}
		mb = (double)f.bytes / 1e6;
		mc = median(&tc);
		mr = median(&tr);
		printf("| %s: %zu | %.2f | %.1f | %.1f | %.0f%% | %.1f | "
		    "%.1f |\n", label[d], f.n, mb, mb / (mc / 1e3),
		    mb / (mr / 1e3), 100.0 * mr / mc, median(&cc),
		    median(&cr));
		free(ca);
		free(ra);
		for (i = 0; i < (int)f.n; i++)
			free(f.v[i]);
		free(f.v);
		free(tc.v);
		free(tr.v);
		free(cc.v);
		free(cr.v);
	}
	if (bad > 0)
		printf("\n%d runs failed (a check found errors, or a program "
		    "could not run) and are left out.\n", bad);
}

/* ------------------------------------------------------------------ */
/* valgrind: total instructions. */

/* The "totals:" (or "summary:") line of a callgrind output file. */
static double
callgrind_ir(const char *file)
{
	char line[512];
	double ir = -1;
	FILE *fp = fopen(file, "r");

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, "totals:", 7) == 0)
			ir = strtod(line + 7, NULL);
		else if (ir < 0 && strncmp(line, "summary:", 8) == 0)
			ir = strtod(line + 8, NULL);
	}
	fclose(fp);
	return ir;
}

/* Ask callgrind in process pid to write out what it has counted so far
 * (callgrind_control talks to it through vgdb). */
static bool
vg_dump(pid_t pid)
{
	char *cmd = xstrfmt("callgrind_control -d %ld >/dev/null 2>&1",
	    (long)pid);
	int rc = system(cmd);

	free(cmd);
	return rc == 0;
}

struct vg_run {
	double start;	/* Ir up to the first screen (and the chat) */
	double keys;	/* Ir of the keys */
	double quit;	/* Ir from the last key to the end */
};

/*
 * One run of configuration c under callgrind: start (and open the chat),
 * dump, type keys (each after the previous redraw), dump, quit.  The
 * three parts come from the three files callgrind writes.  False on
 * failure.
 */
static bool
vg_interactive(int c, int keys, struct vg_run *out)
{
	char *file = xstrfmt("%s/callgrind-%d.out", tmpbase, spawned);
	char *f1 = xstrfmt("%s.1", file), *f2 = xstrfmt("%s.2", file);
	char **argv = conf_argv(c == C_CHAT ? C_SHIPPED : c, file);
	struct pt *p = pt_spawn(argv);
	bool ok = false;
	int i, missed = 0;

	free_argv(argv, file);
	if (!wait_text(p, ROWS - 1, "quick exit", VG_START_MS)) {
		fprintf(stderr, "bench: valgrind %s: no first screen\n",
		    conf_name[c]);
		dump(p);
		goto done;
	}
	wait_quiet(p, 200, VG_START_MS);
	if (c == C_CHAT && !open_chat(p, 60000))
		goto done;
	if (!vg_dump(p->pid))
		goto done;
	for (i = 0; i < keys; i++) {
		if (one_key(p, i % 2 == 0 ? KEY_DOWN : KEY_UP, 0, 30000,
		    NULL) < 0)
			missed++;
	}
	if (missed > 0)
		fprintf(stderr, "bench: valgrind %s: %d of %d keys not seen\n",
		    conf_name[c], missed, keys);
	if (!vg_dump(p->pid))
		goto done;
	send_keys(p, "q");
	if (c == C_CHAT) {
		wait_text(p, ROWS - 1, "q quit", 60000);
		wait_quiet(p, 200, 60000);
		send_keys(p, "q");
	}
	if (pt_wait_exit(p, VG_START_MS)) {
		out->start = callgrind_ir(f1);
		out->keys = callgrind_ir(f2);
		out->quit = callgrind_ir(file);
		ok = out->start > 0 && out->keys > 0 && out->quit >= 0;
	}
done:
	pt_free(p);
	unlink(file);
	unlink(f1);
	unlink(f2);
	free(file);
	free(f1);
	free(f2);
	return ok;
}

static void
print_ir(const char *what, double ir)
{
	if (ir < 0)
		printf("| %s | failed | |\n", what);
	else
		printf("| %s | %.0f | |\n", what, ir);
}

static char *
vg_check_file(int d, bool raw)
{
	return xstrfmt("%s/callgrind-%s-%d.out", tmpbase, raw ? "raw" : "check",
	    d);
}

/*
 * check and yaml-raw over both sets of files under callgrind, in two
 * children of their own beside the interactive runs (the counts do not
 * depend on what else runs): part 0 is check over the catalogue, the
 * longest; part 1 the other three.
 */
static void
vg_check_runs(int part)
{
	struct rusage ru;
	int d;

	for (d = 0; d < 2; d++) {
		const char *dir = d == 0 ? opt_lessons : opt_catalogue;
		struct files f = { 0 };
		char *fc = vg_check_file(d, false), *fr = vg_check_file(d, true);

		find_yaml(&f, dir);
		if ((part == 0) == (d == 1))
			run_quiet(check_argv(dir, fc), &ru);
		if (part == 1)
			run_quiet(raw_argv(&f, fr), &ru);
	}
}

static void
bench_valgrind(void)
{
	static const int confs[] = { C_FLOOR, C_SHIPPED, C_CAT, C_CHAT };
	double floor_start = -1, floor_key = -1;
	pid_t bg[2];
	size_t i;
	int d, st;

	fflush(stdout);
	for (d = 0; d < 2; d++) {
		if ((bg[d] = fork()) == -1)
			die("%s", "fork failed");
		if (bg[d] == 0) {
			vg_check_runs(d);
			_exit(0);	/* not exit(): the parent cleans up */
		}
	}
	printf("\nInstruction counts (valgrind --tool=callgrind, total Ir; "
	    "one run each, split with callgrind_control --dump)\n\n");
	printf("| run | Ir | × floor |\n|---|---|---|\n");
	for (i = 0; i < sizeof confs / sizeof confs[0]; i++) {
		int c = confs[i];
		struct vg_run r;
		char *what;

		if (!vg_interactive(c, opt_vg_keys, &r)) {
			printf("| %s | failed | |\n", conf_name[c]);
			continue;
		}
		if (c == C_FLOOR) {
			floor_start = r.start + r.quit;
			floor_key = r.keys / opt_vg_keys;
		}
		what = xstrfmt("%s: start-up to the first screen%s, and quit",
		    conf_name[c], c == C_CHAT ? ", open the chat" : "");
		if (c == C_CHAT)
			printf("| %s | %.0f | |\n", what, r.start + r.quit);
		else
			printf("| %s | %.0f | %.2f× |\n", what,
			    r.start + r.quit, (r.start + r.quit) / floor_start);
		free(what);
		printf("| %s: one key (%d keys: %.0f) | %.0f | %.2f× |\n",
		    conf_name[c], opt_vg_keys, r.keys, r.keys / opt_vg_keys,
		    r.keys / opt_vg_keys / floor_key);
		fflush(stdout);
	}
	for (d = 0; d < 2; d++) {
		while (waitpid(bg[d], &st, 0) == -1 && errno == EINTR)
			;
	}
	for (d = 0; d < 2; d++) {
		struct files f = { 0 };
		char *fc = vg_check_file(d, false), *fr = vg_check_file(d, true);
		double irc = callgrind_ir(fc), irr = callgrind_ir(fr);
		char *what;

		find_yaml(&f, d == 0 ? opt_lessons : opt_catalogue);
		what = xstrfmt("check, %s (%zu files, %llu bytes)",
		    d == 0 ? "shipped lessons" : "catalogue", f.n, f.bytes);
		print_ir(what, irc);
		free(what);
		print_ir("yaml-raw, the same files", irr);
		if (irc > 0 && irr > 0)
			printf("| check / yaml-raw | %.2f× (raw needs %.0f%% "
			    "of check's instructions) |\n", irc / irr,
			    100 * irr / irc);
		for (i = 0; i < f.n; i++)
			free(f.v[i]);
		free(f.v);
		free(fc);
		free(fr);
	}
}

/* ------------------------------------------------------------------ */

static void
usage(void)
{
	fputs("usage: bench [-n REPS] [-k KEYS] [-C] [-V] [-K VALGRIND_KEYS]\n"
	    "             --floor PATH --redflags PATH --yaml-raw PATH\n"
	    "             --lessons DIR --catalogue DIR\n", stderr);
	exit(2);
}

static void
cleanup(void)
{
	char *cmd;

	if (tmpbase[0] == '\0')
		return;
	cmd = xstrfmt("rm -rf '%s'", tmpbase);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: could not remove %s\n", tmpbase);
	free(cmd);
}

static void
fmt_ratio(char *buf, size_t cap, double x, double ref)
{
	if (x != x || ref != ref || ref <= 0)
		snprintf(buf, cap, "-");
	else
		snprintf(buf, cap, "%.2f×", x / ref);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "floor", required_argument, NULL, 'f' },
		{ "redflags", required_argument, NULL, 'r' },
		{ "yaml-raw", required_argument, NULL, 'y' },
		{ "lessons", required_argument, NULL, 'l' },
		{ "catalogue", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	double floor_first, floor_lat;
	int ch, rep, i, keys;

	while ((ch = getopt_long(argc, argv, "n:k:CVK:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'n': opt_reps = atoi(optarg); break;
		case 'k': opt_keys = atoi(optarg); break;
		case 'K': opt_vg_keys = atoi(optarg); break;
		case 'C': opt_check = true; break;
		case 'V': opt_valgrind = true; break;
		case 'f': opt_floor = optarg; break;
		case 'r': opt_redflags = optarg; break;
		case 'y': opt_raw = optarg; break;
		case 'l': opt_lessons = optarg; break;
		case 'c': opt_catalogue = optarg; break;
		default: usage();
		}
	}
	if (!opt_floor || !opt_redflags || !opt_raw || !opt_lessons ||
	    !opt_catalogue || opt_reps < 1 || opt_vg_keys < 1)
		usage();
	/* KEYS per run; by default about 200 keys over all repetitions. */
	keys = opt_keys > 0 ? opt_keys : (200 + opt_reps - 1) / opt_reps;
	if (keys < 1)
		keys = 1;

	snprintf(tmpbase, sizeof tmpbase, "/tmp/rf-bench-XXXXXX");
	if (mkdtemp(tmpbase) == NULL)
		die("%s", "cannot make a folder in /tmp");
	atexit(cleanup);
	signal(SIGPIPE, SIG_IGN);

	fprintf(stderr, "bench: %d repetitions of %d configurations, %d keys "
	    "each\n", opt_reps, NCONF, keys);
	for (rep = 0; rep < opt_reps; rep++) {
		for (i = 0; i < NCONF; i++)
			run_interactive((rep + i) % NCONF, keys);
		if ((rep + 1) % 10 == 0)
			fprintf(stderr, "bench: %d/%d\n", rep + 1, opt_reps);
	}

	floor_first = median(&results[C_FLOOR].first);
	floor_lat = median(&results[C_FLOOR].latency);
	printf("Interactive runs: %d repetitions, interleaved; %d keys per "
	    "run (%zu latency samples for floor)\n\n", opt_reps, keys,
	    results[C_FLOOR].latency.n);
	printf("| program | first screen ms (median) | × floor | p90 ms "
	    "| first screen bytes | move bytes | key→redraw median ms "
	    "| × floor | p90 ms | in the program: key→redraw median ms "
	    "| p90 ms | peak RSS KB (VmHWM) | ru_maxrss KB "
	    "| failed runs / missed keys |\n"
	    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0; i < NCONF; i++) {
		struct result *r = &results[i];
		char rf[32], rl[32];
		double first = median(&r->first), lat = median(&r->latency);

		fmt_ratio(rf, sizeof rf, first, floor_first);
		fmt_ratio(rl, sizeof rl, lat, floor_lat);
		if (i == C_CHAT)
			printf("| %s | - | - | - | - | ", conf_name[i]);
		else
			printf("| %s | %.2f | %s | %.2f | %.0f | ",
			    conf_name[i], first, rf, quantile(&r->first, 0.9),
			    median(&r->bytes_first));
		printf("%.0f | %.3f | %s | %.3f | %.3f | %.3f | %.0f | %.0f "
		    "| %d / %d |\n",
		    median(&r->bytes_move), lat, rl,
		    quantile(&r->latency, 0.9), median(&r->inside),
		    quantile(&r->inside, 0.9), median(&r->hwm),
		    median(&r->maxrss), r->failures, r->misses);
	}
	printf("\n(bench's own VmHWM: %ld KB; ru_maxrss cannot be below the "
	    "size of the process that forked.)\n", vm_hwm_kb(getpid()));
	fflush(stdout);

	if (opt_check)
		bench_check();
	if (opt_valgrind)
		bench_valgrind();
	return 0;
}
