import GRDB
import PantauCore

/// With `--all-sheets` the sheets of a workbook go in as one import: a koperasi (NIK), an UMKM (NIB), a training
/// batch or a target met on two sheets is a problem, whatever each says, since the second would silently overwrite
/// the first. Kept in the staging area beside the other import tables (made by ImportStaging), so memory stays small.
enum SheetKeys {
    static let table = "import_sheet_keys"

    /// Where the key was met on another sheet of the same workbook, if it was; else it is noted as met here.
    static func elsewhere(_ db: Database, path: String, key: String, sheet: String, line: Int) throws -> (sheet: String, line: Int)? {
        try db.cachedStatement(sql: "INSERT INTO temp.\(table)(path, key, sheet, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [path, key, sheet, line])
        guard db.changesCount == 0,
              let earlier = try Row.fetchOne(db.cachedStatement(sql: "SELECT sheet, line FROM temp.\(table) WHERE path = ? AND key = ?"), arguments: [path, key]),
              earlier["sheet"] as String != sheet else { return nil }
        return (earlier["sheet"], earlier["line"])
    }
}

extension FileImporter {
    /// A record of a sheet of `--all-sheets` whose key is on another sheet too: noted as a problem of this row.
    func isOnAnotherSheet(_ record: RowChecker.Parsed, _ row: inout ImportRow) throws -> Bool {
        guard unit.oneOfAllSheets, let sheet = source.sheet else { return false }
        let key: String? = if case .umkm(let u) = record.value { u.nib.map { "nib " + $0 } } else { record.key }
        guard let key, let other = try SheetKeys.elsewhere(db, path: unit.path, key: key, sheet: sheet, line: row.line) else { return false }
        row.problem(record.keyColumn, t("\(record.keyLabel) juga ada di lembar \(Excerpt.of(other.sheet)) baris \(other.line); satu catatan hanya boleh ada di satu lembar",
                                        "\(record.keyLabel) is also on sheet \(Excerpt.of(other.sheet)), row \(other.line); keep each record on one sheet only"))
        return true
    }
}
