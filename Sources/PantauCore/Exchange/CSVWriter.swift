import Foundation

/// Writes RFC 4180 CSV (UTF-8, LF line ends), quoting only the fields that need it.
/// The first row written is the header: it tells which columns hold numbers. A text cell a spreadsheet would run
/// as a formula is guarded with an apostrophe (see `CanonicalCSV.guarded`); numbers are written as they are.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer = Data()
    /// Per column, whether it holds numbers; nil until the header is written.
    private var numeric: [Bool]?

    public init(handle: FileHandle) { self.handle = handle }

    /// Creates (or truncates) the file at `path`.
    public convenience init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw PantauError.databaseUnreadable(path: path, reason: "cannot write the file")
        }
        self.init(handle: handle)
    }

    public func write(_ fields: [String]) {
        buffer.append(contentsOf: Self.line(fields, numeric: numeric ?? []).utf8)
        buffer.append(0x0A)
        if numeric == nil { numeric = fields.map(CanonicalCSV.numericColumns.contains) }
        if buffer.count > 1 << 16 { flush() }
    }

    public func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }

    /// Rows as CSV text, the first of them the header: for a table built whole, such as a report.
    public static func text(_ rows: [[String]]) -> String {
        let numeric = rows.first.map { $0.map(CanonicalCSV.numericColumns.contains) } ?? []
        return rows.enumerated().map { i, row in line(row, numeric: i == 0 ? [] : numeric) }.joined(separator: "\n") + "\n"
    }

    /// One row without its line end; a column marked numeric is never guarded.
    package static func line(_ fields: [String], numeric: [Bool]) -> String {
        fields.enumerated().map { i, field in
            escape(i < numeric.count && numeric[i] ? field : CanonicalCSV.guarded(field))
        }.joined(separator: ",")
    }

    /// Quoted when it holds a comma, a quote or a line break. (Checked on bytes: "\r\n" is one Character, equal to neither.)
    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CanonicalCSV {
    /// The canonical koperasi header with one `aktif_YYYY` column per year.
    public static func koperasiHeader(years: [Int]) -> [String] {
        koperasiColumns + years.map { "aktif_\($0)" }
    }

    /// A koperasi as a canonical row; a year without a status is left empty.
    public static func row(_ k: Koperasi, years: [Int]) -> [String] {
        let rat = k.ratYears.sorted()
        var fields: [String] = [k.nik, k.nama, k.regionCode, k.jenis.rawValue, k.sektor]
        fields.append(k.kemitraan?.rawValue ?? "")
        fields.append(k.anggota.map(String.init) ?? "")
        fields.append(k.tahunBerdiri.map(String.init) ?? "")
        fields.append(rat.last.map(String.init) ?? "")
        fields.append(rat.map(String.init).joined(separator: " "))
        fields.append(k.kesehatan?.rawValue ?? "")
        fields.append(k.evaluation?.rawValue ?? "")
        for year in years {
            fields.append(k.status[year].map { $0 ? "ya" : "tidak" } ?? "")
        }
        return fields
    }

    public static func row(_ u: Umkm) -> [String] {
        [u.nib ?? "", u.namaUsaha, u.regionCode, u.sektor, String(u.tahunBinaan)]
    }
}
