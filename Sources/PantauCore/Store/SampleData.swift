import Foundation

/// The bundled `sample-data/` folder: the region list and thresholds every database gets, and the demo office's records.
public struct SampleData: Sendable {
    public let folder: URL

    public var regions: URL { folder.appendingPathComponent("wilayah.csv") }
    public var aliases: URL { folder.appendingPathComponent("alias_wilayah.csv") }
    /// The Tipe A thresholds of the regulation, for every kabupaten/kota.
    public var thresholds: URL { folder.appendingPathComponent("ambang_tipe_a.csv") }

    public init(folder: URL) { self.folder = folder }

    /// Finds `sample-data/`: `PANTAU_SAMPLE_DATA`, else beside or above the executable (or in `share/pantau/` above it,
    /// where a release installs it), else above the working directory.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SampleData {
        var starts: [URL] = []
        if let explicit = environment["PANTAU_SAMPLE_DATA"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("wilayah.csv").path) { return SampleData(folder: url) }
            throw PantauError.sampleDataMissing(searched: [explicit])
        }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                for candidate in [dir.appendingPathComponent("sample-data"), dir.appendingPathComponent("share/pantau/sample-data")]
                where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("wilayah.csv").path) {
                    return SampleData(folder: candidate)
                }
                dir.deleteLastPathComponent()
            }
        }
        throw PantauError.sampleDataMissing(searched: starts.map(\.path))
    }
}
