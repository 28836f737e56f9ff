import Foundation

/// The canonical CSV columns Pantau reads and writes, and the words its cells may hold.
public enum CanonicalCSV {
    public static let koperasiColumns = ["nik", "nama", "kode_wilayah", "jenis", "sektor", "kemitraan", "jumlah_anggota",
                                         "tahun_berdiri", "tahun_rat_terakhir", "riwayat_rat", "kesehatan", "hasil_evaluasi"]
    public static let umkmColumns = ["nib", "nama_usaha", "kode_wilayah", "sektor", "tahun_binaan"]
    public static let pelatihanColumns = ["nama", "angkatan", "tanggal_mulai", "tanggal_selesai", "tempat", "kode_wilayah",
                                          "jumlah_koperasi", "jumlah_peserta", "topik", "sumber_dana"]
    public static let targetColumns = ["kode_wilayah", "indikator", "nilai", "tahun", "sumber"]

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "ya", "y", "aktif", "1", "true", "yes": true
        case "tidak", "t", "tidak aktif", "0", "false", "no": false
        default: nil
        }
    }

    static func jenis(_ text: String) -> Jenis? {
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

    static func kesehatan(_ text: String) -> Kesehatan? {
        Kesehatan.allCases.first { $0.rawValue.lowercased() == text.lowercased().trimmingCharacters(in: .whitespaces) }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
