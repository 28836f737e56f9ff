import Foundation
@testable import PantauCore

/// The repository's own sample-data folder and throwaway databases made from it.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = SampleData(folder: repository.appendingPathComponent("sample-data"))

    /// A fresh directory that is removed when the process ends is not needed: the system cleans /tmp.
    static func temporaryPath(_ name: String = "pantau.db") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-tests-" + UUID().uuidString)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// One sample database shared by the tests that only read.
    static let sampleStore: Store = try! sample.createDatabase(at: temporaryPath(), withRecords: true, demo: true)
}
