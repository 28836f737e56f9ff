import Foundation

/// Writes RFC 4180 CSV (UTF-8, LF line ends), quoting only the fields that need it.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer = Data()

    public init(handle: FileHandle) { self.handle = handle }

    /// Creates (or truncates) the file at `path`.
    public convenience init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw PantauError.databaseUnreadable(path: path, reason: "cannot write the file")
        }
        self.init(handle: handle)
    }

    public func write(_ fields: [String]) {
        buffer.append(contentsOf: fields.map(Self.escape).joined(separator: ",").utf8)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    public func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
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
