#ifndef PANTAU_CNCURSES_SHIM_H
#define PANTAU_CNCURSES_SHIM_H
// The wide-character API is only declared with these set before the include.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>

#endif
