import Foundation
import PantauTestSupport

/// The dashboard run under `strace -f --seccomp-bpf -y -e trace=read,write,poll` in a tmux terminal, so that a test can press a
/// key and see how many write(2) calls reached the terminal because of it.
///
/// A key's work is what the program does between reading the key from standard input and starting to wait for the
/// next one (ncurses polls standard input with the dashboard's 1000 ms timeout); `-y` names each descriptor, so a
/// write to the terminal (a /dev/pts device) is told apart from one into the in-memory frame or the database.
final class TracedDashboard {
    let term: TmuxTerminal
    private let trace: String
    /// The line of the trace up to which keys have been accounted for.
    private(set) var position = 0

    init(database: String, width: Int = 80, height: Int = 24) throws {
        term = try TmuxTerminal(width: width, height: height)
        trace = term.path("trace")
        try term.typeLine("strace -f --seccomp-bpf -y -qq -o \(trace) -e trace=read,write,poll env LANG=C.UTF-8 \(Fixtures.binary) --db \(database)")
    }

    /// The trace so far, one line per system call (or per part of one, when threads interleave).
    var lines: [Substring] {
        ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n")
    }

    /// Waits until the program waits for a key for the first time; returns the terminal writes of its start.
    func startup(timeout: Double = 15) -> [Substring]? {
        guard let end = waitFor(timeout: timeout, { Self.firstWait(in: $0, after: 0) }) else { return nil }
        defer { position = end }
        return Self.terminalWrites(in: lines, from: 0, to: end)
    }

    /// Presses a key (by tmux's name) and returns the writes to the terminal it caused, once the program waits again.
    /// `read` is the key as strace shows what was read: "j", "\\r", "\\33".
    func press(_ key: String, read: String, timeout: Double = 10) throws -> [Substring]? {
        try term.press(key)
        let start = position
        guard let end = waitFor(timeout: timeout, { lines in
            guard let readAt = lines.indices.dropFirst(start).first(where: { lines[$0].contains("read(0</dev/pts/") && lines[$0].contains(", \"\(read)\", 1)") })
            else { return nil }
            return Self.firstWait(in: lines, after: readAt)
        }) else { return nil }
        defer { position = end }
        return Self.terminalWrites(in: lines, from: start, to: end)
    }

    /// Waits through `count` idle wake-ups (the dashboard looks for changes once a second) and returns the
    /// writes to the terminal meanwhile.
    func idle(wakeUps count: Int, timeout: Double = 15) -> [Substring]? {
        let start = position
        guard let end = waitFor(timeout: timeout, { lines in
            var at = start
            for _ in 0..<count {
                guard let next = Self.firstWait(in: lines, after: at) else { return nil }
                at = next
            }
            return at
        }) else { return nil }
        defer { position = end }
        return Self.terminalWrites(in: lines, from: start, to: end)
    }

    private func waitFor(timeout: Double, _ find: ([Substring]) -> Int?) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = find(lines) { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The first line after `start` where the program begins to wait up to a second for a key.
    static func firstWait(in lines: [Substring], after start: Int) -> Int? {
        lines.indices.dropFirst(start + 1).first { lines[$0].contains("poll([{fd=0</dev/pts/") && lines[$0].contains("], 1, 1000") }
    }

    static func terminalWrites(in lines: [Substring], from start: Int, to end: Int) -> [Substring] {
        lines[start..<end].filter { $0.range(of: #" write\([0-9]+</dev/pts/"#, options: .regularExpression) != nil }
    }
}
