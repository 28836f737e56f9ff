import Foundation
import PantauTestSupport

/// Debian's `mosh-server` on loopback, running one command, waiting for the `mosh-client` that holds its key.
/// It detaches and outlives a client that dies, so whoever starts one stops it (`stop()`, in a `defer`).
struct MoshServer {
    static let serverBinary = "/usr/bin/mosh-server"
    static let clientBinary = "/usr/bin/mosh-client"
    static var installed: Bool {
        [serverBinary, clientBinary].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let port: Int
    let key: String
    /// The detached server, which the command runs under.
    let pid: pid_t
    /// All the server printed, for the message of a failing test.
    let announcement: String

    /// Starts a server for `command` in a clean UTF-8 environment (mosh refuses any other locale).
    /// Port 0 lets the system choose a free UDP port, so parallel runs never collide.
    init(running command: [String], home: String) throws {
        let arguments = ["env", "-i", "PATH=/usr/bin:/bin", "HOME=\(home)", "LANG=C.UTF-8",
                         Self.serverBinary, "new", "-i", "127.0.0.1", "-p", "0", "--"] + command
        // mosh-server prints the key on standard output and its pid on standard error; the shell joins them.
        announcement = try TmuxTerminal.run("/bin/sh", ["-c", "exec \"$@\" 2>&1", "sh"] + arguments)
        let connect = Self.firstMatch(#"MOSH CONNECT (\d+) (\S+)"#, in: announcement)
        let detached = Self.firstMatch(#"\[mosh-server detached, pid = (\d+)\]"#, in: announcement)
        guard let connect, let port = Int(connect[0]), let detached, let pid = pid_t(detached[0]) else {
            throw MoshError.noConnectLine(announcement)
        }
        (self.port, key, self.pid) = (port, connect[1], pid)
    }

    /// The shell lines that run `mosh-client` against this server and record its exit status in `statusFile`.
    func clientScript(statusFile: String, term: String = "screen") -> String {
        """
        env TERM=\(term) LANG=C.UTF-8 MOSH_KEY=\(key) \(Self.clientBinary) 127.0.0.1 \(port)
        echo $? > \(statusFile)
        """
    }

    /// Whether the server is still running: a zombie no one has reaped yet counts as ended.
    var isRunning: Bool { Self.isRunning(pid) }

    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return stat.split(separator: ")").last?.split(separator: " ").first != "Z"
    }

    /// Ends the server (and with it the command) if it is still there.
    func stop() {
        if isRunning { kill(pid, SIGTERM) }
    }

    private static func firstMatch(_ pattern: String, in text: String) -> [String]? {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
    }
}

enum MoshError: Error, CustomStringConvertible {
    case noConnectLine(String)

    var description: String {
        switch self {
        case .noConnectLine(let output): "mosh-server did not print its port, key and pid: \(output)"
        }
    }
}
