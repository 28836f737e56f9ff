import Foundation
import PantauCore
import PantauSQLite

/// The repository's own sample-data folder, throwaway databases made from it, and the built binary.
public enum Fixtures {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let sample = SampleData(folder: repository.appendingPathComponent("sample-data"))

    /// A path in a new, empty directory of its own, inside this test run's scratch folder.
    public static func temporaryPath(_ name: String = "pantau.db") -> String {
        let dir = scratch.appendingPathComponent(UUID().uuidString)
        makeDirectory(dir)
        return dir.appendingPathComponent(name).path
    }

    /// Everything a test run writes goes here, and is removed when the run ends (some tests write hundreds of
    /// megabytes; left behind, a few runs fill the disk). Folders of runs that were killed are removed at the next start.
    public static let scratch: URL = {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(scratchPrefix) {
            let pid = name.dropFirst(scratchPrefix.count).prefix { $0 != "-" }
            if let pid = pid_t(pid), kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let folder = temporary.appendingPathComponent("\(scratchPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        makeDirectory(folder)
        scratchToRemove = folder.path
        atexit { if let path = Fixtures.scratchToRemove { try? FileManager.default.removeItem(atPath: path) } }
        return folder
    }()

    private static let scratchPrefix = "pantau-tests-"
    nonisolated(unsafe) private static var scratchToRemove: String?

    /// A folder every account can enter (the viewer account's tests read from it), whatever the umask.
    static func makeDirectory(_ url: URL) {
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
    }

    /// One sample database shared by the tests that only read.
    public static let sampleStore: Store = try! Store.open(at: freshSampleDatabase())

    /// The sample database built once, closed, and then only copied.
    private static let template: String = {
        let path = temporaryPath("template.db")
        do {
            // The store closes (and folds its WAL into the file) when it goes out of scope here.
            _ = try sample.createDatabase(at: path, withRecords: true, demo: true)
        } catch {
            fatalError("the sample data does not load: \(error)")
        }
        return path
    }()

    /// A new sample database of its own, for tests that write or hand the file to another process.
    public static func freshSampleDatabase() throws -> String {
        let path = temporaryPath()
        try FileManager.default.copyItem(atPath: template, toPath: path)
        chmod(path, 0o600)
        return path
    }

    /// The `pantau` executable built beside the tests.
    public static var binary: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pantau").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pantau").path,
            repository.appendingPathComponent(".build/debug/pantau").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }
}
