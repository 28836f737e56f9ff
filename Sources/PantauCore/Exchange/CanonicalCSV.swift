import Foundation

/// The canonical CSV columns Pantau reads and writes, and the words its cells may hold.
public enum CanonicalCSV {
    public static let koperasiColumns = ["nik", "nama", "kode_wilayah", "jenis", "sektor", "kemitraan", "jumlah_anggota",
                                         "tahun_berdiri", "tahun_rat_terakhir", "riwayat_rat", "kesehatan", "hasil_evaluasi"]
    public static let umkmColumns = ["nib", "nama_usaha", "kode_wilayah", "sektor", "tahun_binaan"]
    public static let pelatihanColumns = ["nama", "angkatan", "tanggal_mulai", "tanggal_selesai", "tempat", "kode_wilayah",
                                          "jumlah_koperasi", "jumlah_peserta", "topik", "sumber_dana"]
    public static let targetColumns = ["kode_wilayah", "indikator", "nilai", "tahun", "sumber"]

    /// The columns that hold numbers (or, `riwayat_rat`, years): CSV output writes them as they are.
    public static let numericColumns: Set<String> = [
        "jumlah_anggota", "tahun_berdiri", "tahun_rat_terakhir", "riwayat_rat", "tahun_binaan", "angkatan", "jumlah_koperasi",
        "jumlah_peserta", "nilai", "tahun", "koperasi_total", "koperasi_aktif", "koperasi_tidak_aktif", "rasio_aktif", "umkm",
    ]

    /// What a spreadsheet takes for the start of a formula (OWASP's list): `=`, `+`, `-`, `@`, tab and CR.
    static func startsLikeFormula(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }

    /// A text cell for CSV output: one that starts like a formula gets a leading apostrophe, so that Excel and
    /// LibreOffice show it as text instead of running it. So does one whose own apostrophes come before such a start
    /// (`'=x` becomes `''=x`), so that import, which drops one of them, gives every cell back exactly.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// A cell as import reads it: the apostrophe `guarded` added is dropped, so export and import round-trip.
    /// An apostrophe before anything else is the cell's own.
    static func unguarded(_ text: String) -> String {
        text.hasPrefix("'") && needsGuard(text.dropFirst()) ? String(text.dropFirst()) : text
    }

    /// Starts like a formula once any leading apostrophes are passed.
    private static func needsGuard(_ text: Substring) -> Bool {
        startsLikeFormula(text.drop { $0 == "'" })
    }

    private static func needsGuard(_ text: String) -> Bool { needsGuard(Substring(text)) }

    package static func jenis(_ text: String) -> Jenis? {
        let key = text.lowercased().filter(\.isLetter)
        switch key {
        case "konsumen": return .konsumen
        case "produsen": return .produsen
        case "simpanpinjam", "ksp": return .simpanPinjam
        case "pemasaran": return .pemasaran
        case "jasa": return .jasa
        case "serbausaha", "ksu": return .serbaUsaha
        default: return nil
        }
    }

    package static func kesehatan(_ text: String) -> Kesehatan? {
        Kesehatan.allCases.first { $0.rawValue.lowercased() == text.lowercased().trimmingCharacters(in: .whitespaces) }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
