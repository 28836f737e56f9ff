import Foundation
import PantauTestSupport

/// A real terminal for end-to-end tests: a tmux server on a socket of its own, running a shell.
/// The test types into it and reads the screen, as a person would.
final class TmuxTerminal {
    let socket = "pantau-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL

    init(width: Int = 80, height: Int = 24) throws {
        directory = URL(fileURLWithPath: Fixtures.temporaryPath("term")).deletingLastPathComponent()
        try tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", "env", "-i",
                 "PATH=/usr/bin:/bin", "HOME=\(directory.path)", "TERM=screen", "PS1=$ ", "/bin/sh")
        try tmux("set-option", "-g", "status", "off")
        // Keys typed before the shell's first prompt are echoed before it: wait for the prompt.
        _ = try waitFor { $0.hasPrefix("$") }
    }

    deinit { _ = try? tmux("kill-server") }

    /// Runs a tmux command on this server and returns what it printed.
    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        try Self.run("/usr/bin/tmux", ["-L", socket] + arguments)
    }

    /// Runs a program and returns its standard output. Spawned and reaped directly: output goes through a
    /// file, not a pipe, because the tmux server a command starts keeps inherited descriptors open.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let output = Fixtures.scratch.appendingPathComponent("e2e-out-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner's threads block and ignore some signals; a tmux server must not inherit that,
        // or it (and the program under test) would never hear SIGTERM or kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Types a line into the shell and presses Enter.
    func typeLine(_ line: String) throws {
        try tmux("send-keys", "-t", "e2e", "-l", line)
        try tmux("send-keys", "-t", "e2e", "Enter")
    }

    /// Presses keys by tmux's names ("Down", "Enter", "Escape", "C-c", "?").
    func press(_ keys: String...) throws {
        for key in keys { try tmux("send-keys", "-t", "e2e", key) }
    }

    /// The screen as text (with `escapes`, with the SGR sequences of colours and attributes).
    func screen(escapes: Bool = false) throws -> String {
        // -J joins lines the terminal wrapped, so a long message reads as one line.
        escapes ? try tmux("capture-pane", "-p", "-J", "-e", "-t", "e2e") : try tmux("capture-pane", "-p", "-J", "-t", "e2e")
    }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)")
    }

    /// Waits until the screen satisfies `condition`, up to `timeout` seconds; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (false, last)
    }

    func waitFor(_ text: String, timeout: Double = 10) throws -> (ok: Bool, screen: String) {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits for a file the shell writes when a command has finished.
    func waitForFile(_ name: String, timeout: Double = 10) -> String? {
        let url = directory.appendingPathComponent(name)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: url, encoding: .utf8), text.hasSuffix("\n") { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The process id of the program whose command line contains `marker`.
    func pid(of marker: String) throws -> Int32? {
        let out = try Self.run("/usr/bin/pgrep", ["-f", marker])
        return out.split(separator: "\n").compactMap { Int32($0) }.first
    }

    /// A shell line that runs pantau between two snapshots of the terminal's modes and records its exit status.
    /// The script traps SIGINT so that Ctrl-C ends pantau but not the script.
    func pantauLine(_ arguments: String, environment: String = "LANG=C.UTF-8") throws -> String {
        let script = """
            trap true INT
            stty -g > \(path("before"))
            env \(environment) \(Fixtures.binary) \(arguments)
            echo $? > \(path("status"))
            stty -g > \(path("after"))
            """
        try script.write(toFile: path("run.sh"), atomically: true, encoding: .utf8)
        return "sh \(path("run.sh"))"
    }

    /// The terminal modes before and after pantau ran, and its exit status, once it has ended.
    func modesAfterExit(timeout: Double = 10) -> (before: String?, after: String?, status: String?) {
        let status = waitForFile("status", timeout: timeout)
        let after = waitForFile("after", timeout: timeout)
        return (waitForFile("before", timeout: 1), after, status?.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
