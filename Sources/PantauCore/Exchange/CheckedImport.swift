/// One row of an import that passed every check, as the record it holds.
public enum ImportRecord: Sendable, Equatable {
    case koperasi(Koperasi)
    case umkm(Umkm)
    case pelatihan(Pelatihan)
    case target(Target)
}

/// A checked record and the line (or sheet row) it came from, for any refusal that comes later.
public struct CheckedRecord: Sendable, Equatable {
    public var line: Int
    public var record: ImportRecord

    public init(line: Int, record: ImportRecord) { self.line = line; self.record = record }
}

/// The checked contents of an import, file by file, held apart from every office store until one takes them in.
/// A shared server works this way: the files are read and checked on the officer's machine by the same code the
/// SQLite store uses (so every problem reads the same), and only checked records travel to the server, where they
/// are moved in under the officer's own rights.
public protocol CheckedImport: AnyObject, Sendable {
    /// The files and sheets read, in import order: rows, rows repeating an earlier one, warnings, the preview.
    var files: [ImportSummary.File] { get }
    var warnings: [ImportProblem] { get }
    /// With `--all-sheets`, the sheets passed over for having no header.
    var sheetsWithoutHeader: [String] { get }
    /// The canonical columns a file has: a column the file lacks leaves that field of an existing record alone.
    func columns(ofFile index: Int) -> Set<String>
    /// The path of the file (a workbook's, for one of its sheets), as the user gave it.
    func path(ofFile index: Int) -> String
    /// A file's records in file order, at most `limit` of them from `position` (0 for the first); the position of
    /// the next batch comes back with them, and an empty batch ends the file.
    func records(ofFile index: Int, from position: Int, limit: Int) throws -> (records: [CheckedRecord], next: Int)
}

/// Reads and checks the files of an import against the region list, all or nothing: any problem is thrown as an
/// `ImportFailure`, as the SQLite store throws it. `officeRegion` names the kecamatan of sheets without a region column.
public typealias ImportChecker = @Sendable (_ request: ImportRequest, _ officeRegion: String?,
                                            _ progress: ((ImportProgress) -> Void)?) throws -> any CheckedImport
