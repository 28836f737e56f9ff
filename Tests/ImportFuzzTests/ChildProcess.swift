import Foundation

/// How a child process ended, how long it took and the most memory it held.
struct ChildOutcome: Sendable {
    var exitStatus: Int32?
    var signal: Int32?
    /// Killed by us: still running at the time limit.
    var timedOut = false
    /// Killed by us: its memory passed the kill threshold (so that one case cannot take the machine down).
    var memoryKilled = false
    var seconds: Double
    /// Peak resident memory in bytes: the last VmHWM read while it ran (see `run`).
    var peakRSS: Int
    var stdout: Data
    var stderr: Data

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a program with a time limit and a memory ceiling, and measures its peak memory.
///
/// The peak is VmHWM of /proc/PID/status, read every 5 ms while the child runs. `ru_maxrss` from wait4 would be simpler
/// but is wrong here: posix_spawn's child shares the test process's memory until exec, and Linux keeps that high-water
/// mark (over 100 MiB of test runner) as the child's own.
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String], scratch: URL, timeLimit: Double = 60,
                    killAbove memory: Int = 1 << 30) throws -> ChildOutcome {
        let out = scratch.appendingPathComponent("stdout-\(UUID().uuidString)"), err = out.appendingPathExtension("err")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "PANTAU_DB")
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

        var status: Int32 = 0
        var outcome = ChildOutcome(seconds: 0, peakRSS: 0, stdout: Data(), stderr: Data())
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited == -1 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            let (resident, peak) = memoryUse(of: pid)
            outcome.peakRSS = max(outcome.peakRSS, peak)
            let overTime = Date().timeIntervalSince(started) > timeLimit
            let overMemory = resident > memory
            if overTime || overMemory {
                outcome.timedOut = overTime
                outcome.memoryKilled = overMemory
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                break
            }
            usleep(5_000)
        }
        outcome.seconds = Date().timeIntervalSince(started)
        // The wait status: low 7 bits are the signal (0: exited normally), the next byte the exit status.
        if status & 0x7F == 0 { outcome.exitStatus = (status >> 8) & 0xFF } else { outcome.signal = status & 0x7F }
        outcome.stdout = (try? Data(contentsOf: out)) ?? Data()
        outcome.stderr = (try? Data(contentsOf: err)) ?? Data()
        return outcome
    }

    /// VmRSS and VmHWM of a running process, in bytes (0 once it is gone).
    private static func memoryUse(of pid: pid_t) -> (resident: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return (0, 0) }
        func kilobytes(_ field: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
        }
        return (kilobytes("VmRSS:"), kilobytes("VmHWM:"))
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGILL: "SIGILL (a Swift runtime trap)", SIGTRAP: "SIGTRAP (a Swift runtime trap)", SIGABRT: "SIGABRT",
                                      SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGKILL: "SIGKILL", SIGFPE: "SIGFPE"]
        return names[signal] ?? "signal \(signal)"
    }
}
