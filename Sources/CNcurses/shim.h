#ifndef PANTAU_CNCURSES_SHIM_H
#define PANTAU_CNCURSES_SHIM_H
// The wide-character API is only declared with these set before the include. No _GNU_SOURCE: it renames a
// member of fd_set, and then this module's fd_set no longer matches the one Dispatch sees (a clean build fails).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// glibc declares memfd_create only under _GNU_SOURCE (see above); the function itself is always there.
extern int memfd_create(const char *name, unsigned int flags);
#define PANTAU_MFD_CLOEXEC 1U

/// Points `to` at what `from` is, keeping it closed across exec (dup2 clears that flag).
static inline int pantau_redirect(int from, int to) {
    while (dup2(from, to) < 0) {
        if (errno != EINTR) return -1;
    }
    fcntl(to, F_SETFD, FD_CLOEXEC);
    return to;
}

// Swift cannot see ncurses' global state and macros; these tiny wrappers expose them.
static inline WINDOW *pantau_stdscr(void) { return stdscr; }
static inline int pantau_lines(void) { return LINES; }
static inline int pantau_cols(void) { return COLS; }
static inline int pantau_color_pair(short pair) { return (int)COLOR_PAIR(pair); }
static inline attr_t pantau_attributes(int bold, int reverse, int dim, int underline) {
    attr_t a = A_NORMAL;
    if (bold) a |= A_BOLD;
    if (reverse) a |= A_REVERSE;
    if (dim) a |= A_DIM;
    if (underline) a |= A_UNDERLINE;
    return a;
}
/// Makes the next refresh repaint every cell (Ctrl-L).
static inline void pantau_repaint_all(void) { clearok(curscr, TRUE); }

/// True when the locale's character set is UTF-8 (so box drawing and blocks can be shown).
static inline int pantau_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// True when the terminfo database knows TERM (so ncurses will not print an error and exit).
static inline int pantau_terminal_is_known(void) {
    int status = 0;
    if (setupterm(NULL, STDOUT_FILENO, &status) != OK) return 0;
    int usable = (tigetstr("cup") != NULL && tigetstr("cup") != (char *)-1);
    del_curterm(cur_term);
    return usable;
}

// One write per frame. ncurses writes to its descriptor with write(2) itself, bypassing stdio, and empties its
// buffer after every cursor move: one key became about five writes, and as many packets over SSH. So ncurses
// gets a descriptor of its own. While `doupdate` runs it points at an in-memory file, and the whole frame then
// leaves for the terminal in one write; the rest of the time it is the terminal itself, so that ncurses' terminal
// modes, its size check on a resize and its `endwin` work as ever.
//
// The state is static in a header: every Swift file that calls these functions would get a copy of its own,
// so only Terminal.swift calls them.
typedef struct {
    int curses;      // ncurses' output descriptor
    int memory;      // the in-memory file a frame is collected in; -1 without one (frames then go out as ncurses writes them)
    int collecting;  // 1 while `curses` points at `memory`
    int alternate;   // 1 when the terminal has an alternate screen that `endwin` leaves
    char clear[32];  // the terminal's clear-screen sequence, padding removed
    char *frame;     // where a frame is read back before it is written
    size_t capacity;
} pantau_output;

static inline pantau_output *pantau_output_state(void) {
    static pantau_output state = { -1, -1, 0, 1, "", NULL, 0 };
    return &state;
}

static inline int pantau_has_string(const char *capability) {
    const char *value = tigetstr(capability);
    return value != NULL && value != (char *)-1 && value[0] != 0;
}

/// Writes all of `length` bytes: one write(2) unless the terminal takes only a part, or a signal interrupts it.
static inline void pantau_write_all(const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, length);
        if (written > 0) { bytes += written; length -= (size_t)written; }
        else if (written < 0 && errno == EINTR) continue;
        // A terminal shared in non-blocking mode: wait until it takes more rather than spin.
        else if (written < 0 && errno == EAGAIN) { struct pollfd ready = { STDOUT_FILENO, POLLOUT, 0 }; poll(&ready, 1, 1000); }
        else return;
    }
}

/// Points ncurses' descriptor back at the terminal; what it wrote meanwhile stays in the in-memory file.
static inline void pantau_output_to_terminal(void) {
    pantau_output *out = pantau_output_state();
    if (!out->collecting) return;
    if (pantau_redirect(STDOUT_FILENO, out->curses) >= 0) out->collecting = 0;
}

/// Starts ncurses on a descriptor of its own (see above). Returns 0 when ncurses cannot start.
static inline int pantau_start_screen(void) {
    pantau_output *out = pantau_output_state();
    int fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    FILE *file = fd < 0 ? NULL : fdopen(fd, "w");
    if (file == NULL || newterm(NULL, file, stdin) == NULL) return 0;
    out->curses = fd;
    out->memory = memfd_create("pantau-frame", PANTAU_MFD_CLOEXEC);
    out->alternate = pantau_has_string("smcup") && pantau_has_string("rmcup");
    // Padding such as vt100's "$<50>" is a delay, not text; the terminals that ask for it also have xon.
    const char *clear = pantau_has_string("clear") ? tigetstr("clear") : "";
    size_t n = 0;
    for (const char *c = clear; *c; c++) {
        if (c[0] == '$' && c[1] == '<' && strchr(c, '>') != NULL) { c = strchr(c, '>'); continue; }
        // A sequence that does not fit whole is not sent at all: half an escape would be worse than none.
        if (n + 1 >= sizeof out->clear) { n = 0; break; }
        out->clear[n++] = *c;
    }
    out->clear[n] = 0;
    return 1;
}

/// From here until `pantau_end_frame`, what ncurses writes is collected, not sent.
static inline void pantau_begin_frame(void) {
    pantau_output *out = pantau_output_state();
    if (out->collecting || out->memory < 0) return;
    if (pantau_redirect(out->memory, out->curses) >= 0) out->collecting = 1;
}

/// Sends what ncurses wrote since `pantau_begin_frame` to the terminal, in one write.
static inline void pantau_end_frame(void) {
    pantau_output *out = pantau_output_state();
    if (!out->collecting) return;
    pantau_output_to_terminal();
    off_t size = lseek(out->memory, 0, SEEK_CUR);
    if (size <= 0) return;
    if ((size_t)size > out->capacity) {
        char *grown = realloc(out->frame, (size_t)size);
        if (grown != NULL) { out->frame = grown; out->capacity = (size_t)size; }
    }
    // Only when memory is short does a frame go out in pieces, as large as there is room for.
    off_t sent = 0;
    while (sent < size && out->capacity > 0) {
        size_t piece = (size_t)(size - sent) < out->capacity ? (size_t)(size - sent) : out->capacity;
        ssize_t got = pread(out->memory, out->frame, piece, sent);
        if (got <= 0) break;
        pantau_write_all(out->frame, (size_t)got);
        sent += got;
    }
    lseek(out->memory, 0, SEEK_SET);
}

/// Puts on screen what `wnoutrefresh` prepared, in one write.
static inline void pantau_update_screen(void) {
    pantau_begin_frame();
    doupdate();
    pantau_end_frame();
}

/// A terminal without an alternate screen (vt100, vt220, the Linux console) would keep the last frame under the
/// shell's prompt: clear it, so that the prompt starts at the top of an empty screen.
static inline void pantau_clear_if_no_alternate_screen(void) {
    pantau_output *out = pantau_output_state();
    if (!out->alternate && out->clear[0] != 0) pantau_write_all(out->clear, strlen(out->clear));
}

/// Gives the terminal back: a frame still collected goes out, ncurses restores the modes, no frame stays behind.
static inline void pantau_stop_screen(void) {
    pantau_end_frame();
    endwin();
    pantau_clear_if_no_alternate_screen();
}

// The thread that draws: only it may give the terminal back.
static inline pthread_t *pantau_drawing_thread(void) {
    static pthread_t thread;
    return &thread;
}

// On a signal that ends the program, give the user's terminal back first, then die as the signal says.
// Half a frame is dropped: what `endwin` writes must reach the terminal, not the in-memory file.
// A signal sent to the process may land on any thread (loads run on the shared task pool): it is passed on to the
// thread that draws. A fault stays with the thread that caused it.
static void pantau_restore_and_reraise(int sig) {
    int sent = sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT;
    if (sent && !pthread_equal(pthread_self(), *pantau_drawing_thread())) {
        pthread_kill(*pantau_drawing_thread(), sig);
        return;
    }
    pantau_output_to_terminal();
    endwin();
    pantau_clear_if_no_alternate_screen();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void pantau_install_signal_handlers(void) {
    *pantau_drawing_thread() = pthread_self();
    // The thread that draws may be a worker of the task runtime, which blocks these: it must take them.
    sigset_t endings;
    sigemptyset(&endings);
    sigaddset(&endings, SIGINT);
    sigaddset(&endings, SIGTERM);
    sigaddset(&endings, SIGHUP);
    sigaddset(&endings, SIGQUIT);
    pthread_sigmask(SIG_UNBLOCK, &endings, NULL);
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], pantau_restore_and_reraise);
}

/// The size (rows, columns) of the terminal `fd` writes to; 0 when it is not a terminal or cannot be asked.
static inline int pantau_terminal_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    *rows = size.ws_row; *cols = size.ws_col;
    return 1;
}

#endif
