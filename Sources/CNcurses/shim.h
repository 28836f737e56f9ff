#ifndef PANTAU_CNCURSES_SHIM_H
#define PANTAU_CNCURSES_SHIM_H
// The wide-character API is only declared with these set before the include.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

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

// On a signal that ends the program, give the user's terminal back first, then die as the signal says.
static void pantau_restore_and_reraise(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void pantau_install_signal_handlers(void) {
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], pantau_restore_and_reraise);
}

#endif
