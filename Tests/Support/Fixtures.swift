import Foundation
import PantauCore

/// The repository's own sample-data folder, throwaway databases made from it, and the built binary.
public enum Fixtures {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let sample = SampleData(folder: repository.appendingPathComponent("sample-data"))

    /// A path in a new, empty directory of its own.
    public static func temporaryPath(_ name: String = "pantau.db") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-tests-" + UUID().uuidString)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
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
