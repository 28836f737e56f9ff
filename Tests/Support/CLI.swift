import Foundation

/// Runs the built `pantau` binary as a user would, and returns what it printed and its exit status.
public enum CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// `user`: run as this account (through runuser; the tests run as root in CI). `directory`: the working
    /// directory (default `/`), for tests that check what a command left beside it.
    public static func run(_ arguments: [String], user: String? = nil, environment: [String: String] = [:],
                           directory: String = "/") throws -> Result {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", binaryForOtherAccounts] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Fixtures.binary)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "PANTAU_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Fixtures.scratch.appendingPathComponent("cli-\(UUID().uuidString)")
        let err = out.appendingPathExtension("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A copy of the binary where any account can run it: the clone may sit in a folder others may not enter
    /// (a home directory of mode 0700), and then another account could not reach the built binary itself. Written
    /// by `install` in a process of its own: a copy written here would leave its open file in any child another test
    /// starts meanwhile, and running the copy would fail with "Text file busy".
    static let binaryForOtherAccounts: String = {
        let copy = Fixtures.temporaryPath("pantau")
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/usr/bin/install")
        install.arguments = ["-m", "755", Fixtures.binary, copy]
        guard (try? install.run()) != nil else { return Fixtures.binary }
        install.waitUntilExit()
        return install.terminationStatus == 0 ? copy : Fixtures.binary
    }()

    /// True when an account of that name exists and this process may switch to it.
    public static func canRunAs(_ user: String) -> Bool {
        geteuid() == 0 && getpwnam(user) != nil && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }
}
