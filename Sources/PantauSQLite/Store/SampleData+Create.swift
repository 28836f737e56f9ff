import Foundation
import GRDB
import PantauCore

extension SampleData {
    /// Creates a new office database with the region list and the thresholds; with `withRecords`, the demo office too,
    /// read through the same import every office file goes through; with `office`, the office's region (a name or code);
    /// with `group`, shared with that group of editors (mode 0660; else 0600). Built beside `path` and moved there
    /// only when complete (see `NewDatabase`), then opened.
    @discardableResult
    public func createDatabase(at path: String, withRecords: Bool, demo: Bool = false, office: String? = nil, group: String? = nil) throws -> Store {
        var groupID: gid_t?
        if let group {
            guard let entry = getgrnam(group) else { throw PantauError.unknownGroup(name: group) }
            groupID = entry.pointee.gr_gid
        }
        try NewDatabase.create(at: path, shared: groupID != nil) { temporary in
            let store = try Store.create(at: temporary, regionsCSV: regions, aliasesCSV: aliases, group: groupID)
            try load(.target, thresholds.path, into: store)
            if withRecords {
                try store.write { db in try loadOffice(into: db) }
                try load(.koperasi, "koperasi.csv", into: store)
                try load(.umkm, "umkm.csv", into: store)
                try load(.pelatihan, "pelatihan.csv", into: store)
                try load(.target, "target.csv", into: store)
            }
            if let office { try store.setSetting(.officeRegion, store.resolveRegion(office).code) }
            if demo { try store.setSetting(.demo, "1") }
            return store
        }
        return try Store.open(at: path)
    }

    private func load(_ kind: ImportKind, _ file: String, into store: Store) throws {
        var request = ImportRequest(kind: kind, files: [file.hasPrefix("/") ? file : folder.appendingPathComponent(file).path])
        request.who = "data-contoh"
        request.audited = false
        do {
            _ = try store.importFiles(request)
        } catch let failure as ImportFailure {
            throw PantauError.badFile(path: folder.path, line: 0, message: failure.message(.en))
        }
    }

    private func loadOffice(into db: Database) throws {
        let reader = try DelimitedReader(path: folder.appendingPathComponent("kantor.csv").path, forcedEncoding: .utf8)
        guard let header = try reader.nextRow()?.fields, let (_, row) = try reader.nextRow(),
              let code = header.firstIndex(of: "kode_wilayah"), let name = header.firstIndex(of: "nama"), row.count > max(code, name) else {
            throw PantauError.badFile(path: "kantor.csv", line: 2, message: "needs the columns kode_wilayah and nama")
        }
        try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('office_region', ?), ('office_name', ?)", arguments: [row[code], row[name]])
    }
}
