import ArgumentParser
import CNcurses
import Foundation
import PantauCore
import PantauTUI

/// Why the dashboard cannot start on this terminal; each says what to do instead.
enum TerminalProblem: Error {
    case notATerminal, dumbTerminal(String), unknownTerminal(String)

    func message(english: Bool) -> String {
        switch self {
        case .notATerminal:
            english ? "The dashboard needs a terminal; for output to a file or a pipe use `pantau report`."
                    : "Dasbor memerlukan terminal; untuk keluaran ke berkas atau pipa gunakan `pantau report`."
        case .dumbTerminal(let term):
            english ? "The terminal type \"\(term)\" cannot show the dashboard; set TERM (e.g. TERM=xterm-256color) or use `pantau report`."
                    : "Jenis terminal \"\(term)\" tidak dapat menampilkan dasbor; atur TERM (misalnya TERM=xterm-256color) atau gunakan `pantau report`."
        case .unknownTerminal(let term):
            english ? "The terminal type \"\(term)\" is unknown here; set TERM to a known one (e.g. TERM=xterm-256color) or use `pantau report`."
                    : "Jenis terminal \"\(term)\" tidak dikenal di sini; atur TERM ke yang dikenal (misalnya TERM=xterm-256color) atau gunakan `pantau report`."
        }
    }
}

/// The options of the full-screen commands (dashboard and presentation).
struct ScreenOptions: ParsableArguments {
    @Flag(name: .long, help: "Draw with ASCII characters only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .long, help: "No colours (also when the NO_COLOR environment variable is set).")
    var noColor = false

    /// Takes over the terminal, with glyphs and colours chosen from the locale, these flags and NO_COLOR;
    /// a terminal that cannot show a full screen gets one sentence on stderr and exit status 1.
    func start(lang: Language) throws -> (Terminal, Appearance) {
        do {
            let noColorEnv = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            let terminal = try Terminal.start(wantColor: !noColor && !noColorEnv)
            return (terminal, Appearance(ascii: ascii || pantau_locale_is_utf8() == 0, color: terminal.hasColor, lang: lang))
        } catch let problem as TerminalProblem {
            FileHandle.standardError.write(Data(("pantau: " + problem.message(english: lang == .en) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

/// The one piece of Pantau that talks to ncurses: start, draw a canvas, read keys, stop.
final class Terminal {
    private(set) var width: Int
    private(set) var height: Int
    let hasColor: Bool
    /// Keys are read from a pad of their own: ncurses refreshes any other window it reads from when it has
    /// changed, and that refresh would reach the terminal as a second write per key, outside the frame.
    private let input: UnsafeMutablePointer<WINDOW>
    private var pairs: [Int: Int16] = [:]
    private var started = true

    /// Checks the terminal and the locale, then takes over the screen.
    /// Call `setlocale` first: without it ncurses loses every non-ASCII character.
    static func start(wantColor: Bool) throws -> Terminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalProblem.notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalProblem.dumbTerminal(term.isEmpty ? "(unset)" : term) }
        guard pantau_terminal_is_known() == 1 else { throw TerminalProblem.unknownTerminal(term) }
        // Esc must act at once over SSH, not after ncurses' default second.
        set_escdelay(25)
        guard pantau_start_screen() == 1 else { throw TerminalProblem.unknownTerminal(term) }
        return Terminal(wantColor: wantColor)
    }

    private init(wantColor: Bool) {
        pantau_install_signal_handlers()
        // The terminal's modes are set on the terminal itself, before output is collected into frames.
        cbreak()
        noecho()
        nonl()
        intrflush(pantau_stdscr(), false)
        // What starting writes (alternate screen, keypad mode, hidden cursor, colours) leaves with the first frame.
        pantau_begin_frame()
        input = newpad(1, 1)!
        keypad(input, true)
        curs_set(0)
        var color = false
        if wantColor && has_colors() {
            start_color()
            use_default_colors()
            color = true
        }
        hasColor = color
        width = Int(pantau_cols())
        height = Int(pantau_lines())
    }

    /// Gives the terminal back as it was; a terminal without an alternate screen is left empty. Safe to call twice.
    func stop() {
        guard started else { return }
        started = false
        pantau_stop_screen()
    }

    deinit { stop() }

    /// Gives the terminal back and ends the process at once. Quitting waits for nothing else: every change is
    /// already committed, and closing the database would fold its WAL into the file (an fsync that takes seconds
    /// on a busy disk); SQLite does that on the next open instead.
    func stopAndExit() -> Never {
        stop()
        fflush(nil)
        exit(0)
    }

    /// Puts a frame on screen. ncurses compares it with the last one and sends only what changed, in one write.
    func draw(_ canvas: Canvas) {
        werase(pantau_stdscr())
        for y in 0..<min(canvas.height, height) {
            var x = 0
            while x < min(canvas.width, width) {
                let style = canvas[x, y].style
                var run: [wchar_t] = []
                let start = x
                while x < min(canvas.width, width) && canvas[x, y].style == style {
                    for scalar in canvas[x, y].character.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    x += 1
                }
                apply(style)
                // The last cell of the screen cannot be written without scrolling; ncurses reports that, harmlessly.
                _ = mvwaddnwstr(pantau_stdscr(), Int32(y), Int32(start), run, Int32(run.count))
            }
        }
        wattrset(pantau_stdscr(), 0)
        wnoutrefresh(pantau_stdscr())
        pantau_update_screen()
    }

    private func apply(_ style: Style) {
        var attributes = pantau_attributes(style.bold ? 1 : 0, style.reverse ? 1 : 0, style.dim ? 1 : 0, style.underline ? 1 : 0)
        if hasColor && (style.foreground != .standard || style.background != .standard) {
            attributes |= attr_t(pantau_color_pair(pair(style.foreground, style.background)))
        }
        wattrset(pantau_stdscr(), Int32(truncatingIfNeeded: attributes))
    }

    private func pair(_ foreground: PantauTUI.Color, _ background: PantauTUI.Color) -> Int16 {
        let key = (foreground.rawValue + 1) * 16 + background.rawValue + 1
        if let pair = pairs[key] { return pair }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, Int16(foreground.rawValue), Int16(background.rawValue))
        pairs[key] = pair
        return pair
    }

    /// The next key, or nil when `timeout` milliseconds pass without one. A resize comes back as `.resized`.
    func readKey(timeout: Int32) -> TerminalEvent? {
        // ncurses reads the size on a resize from its own descriptor: it must be the terminal while waiting.
        pantau_end_frame()
        // A resize that arrives while a frame is collected in memory is looked up by ncurses on that file, and lost:
        // the terminal's own size is asked before each wait.
        var rows: Int32 = 0, cols: Int32 = 0
        if pantau_terminal_size(STDOUT_FILENO, &rows, &cols) == 1, Int(cols) != width || Int(rows) != height {
            resizeterm(rows, cols)
            width = Int(pantau_cols()); height = Int(pantau_lines())
            return .resized(width: width, height: height)
        }
        wtimeout(input, timeout)
        var ch: wint_t = 0
        let result = wget_wch(input, &ch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE:
                width = Int(pantau_cols()); height = Int(pantau_lines())
                return .resized(width: width, height: height)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_ENTER: return .key(.enter)
            default: return .ignored
            }
        }
        switch ch {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26: return .key(.control(Character(UnicodeScalar(UInt8(ch) + 96))))
        default:
            guard let scalar = UnicodeScalar(UInt32(ch)) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// Makes the next draw repaint the whole screen.
    func repaintAll() { pantau_repaint_all() }
}

/// The dashboard's loop runs on the real terminal through this.
extension Terminal: TerminalBackend {
    func nextEvent(timeout milliseconds: Int32) -> TerminalEvent? { readKey(timeout: milliseconds) }

    /// ncurses waits on the terminal's own descriptor and cannot be woken from another thread.
    var waker: (@Sendable () -> Void)? { nil }
}
