import Foundation
import GRDB

/// The bundled `sample-data/` folder: the region list every database gets, and the demo office's records.
public struct SampleData: Sendable {
    public let folder: URL

    public var regions: URL { folder.appendingPathComponent("wilayah.csv") }
    public var aliases: URL { folder.appendingPathComponent("alias_wilayah.csv") }
    public var targets: URL { folder.appendingPathComponent("target.csv") }

    public init(folder: URL) { self.folder = folder }

    /// Finds `sample-data/`: `PANTAU_SAMPLE_DATA`, else beside or above the executable, else above the working directory.
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
                let candidate = dir.appendingPathComponent("sample-data")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("wilayah.csv").path) {
                    return SampleData(folder: candidate)
                }
                dir.deleteLastPathComponent()
            }
        }
        throw PantauError.sampleDataMissing(searched: starts.map(\.path))
    }

    /// Creates a new office database holding the region list and the standard thresholds; with `withRecords`, the demo office too.
    public func createDatabase(at path: String, withRecords: Bool, demo: Bool = false) throws -> Store {
        let store = try Store.create(at: path, regionsCSV: regions, aliasesCSV: aliases)
        do {
            try store.write { db in
                try loadTargets(into: db, onlyStandard: !withRecords)
                if withRecords { try loadRecords(into: db) }
                if demo { try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('demo', '1')") }
            }
        } catch {
            try? Store.removeDatabaseFiles(at: path)
            throw error
        }
        return store
    }

    private func loadTargets(into db: Database, onlyStandard: Bool) throws {
        let writer = try RecordWriter(db)
        var rows = try CSVRows(targets)
        while let row = rows.next() {
            let target = try CanonicalCSV.target(row, from: rows)
            if onlyStandard && !target.regionCode.isEmpty { continue }
            try writer.insert(target)
        }
    }

    private func loadRecords(into db: Database) throws {
        var writer = try RecordWriter(db)
        var office = try CSVRows(folder.appendingPathComponent("kantor.csv"))
        while let row = office.next() {
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('office_region', ?), ('office_name', ?)",
                           arguments: [try office.required(row, "kode_wilayah"), try office.required(row, "nama")])
        }
        var koperasi = try CSVRows(folder.appendingPathComponent("koperasi.csv"))
        while let row = koperasi.next() {
            let record = try CanonicalCSV.koperasi(row, from: koperasi)
            guard try writer.isRecordRegion(record.regionCode) else { throw koperasi.fail("kode_wilayah: \(record.regionCode) is not a kabupaten/kota or kecamatan code") }
            try writer.insert(record, evaluatedOn: "2023-09-30", by: "data-contoh")
        }
        var umkm = try CSVRows(folder.appendingPathComponent("umkm.csv"))
        while let row = umkm.next() {
            let record = try CanonicalCSV.umkm(row, from: umkm)
            guard try writer.isRecordRegion(record.regionCode) else { throw umkm.fail("kode_wilayah: \(record.regionCode) is not a kabupaten/kota or kecamatan code") }
            try writer.insert(record)
        }
        var pelatihan = try CSVRows(folder.appendingPathComponent("pelatihan.csv"))
        while let row = pelatihan.next() { try writer.insert(try CanonicalCSV.pelatihan(row, from: pelatihan)) }
    }
}
