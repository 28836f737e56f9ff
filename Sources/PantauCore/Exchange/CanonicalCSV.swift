import Foundation

/// The canonical CSV columns Pantau reads and writes, and the parsing of one row into a record.
public enum CanonicalCSV {
    public static let koperasiColumns = ["nik", "nama", "kode_wilayah", "jenis", "sektor", "kemitraan", "jumlah_anggota",
                                         "tahun_berdiri", "tahun_rat_terakhir", "riwayat_rat", "kesehatan", "hasil_evaluasi"]
    public static let umkmColumns = ["nib", "nama_usaha", "kode_wilayah", "sektor", "tahun_binaan"]
    public static let pelatihanColumns = ["nama", "angkatan", "tanggal_mulai", "tanggal_selesai", "tempat", "kode_wilayah",
                                          "jumlah_koperasi", "jumlah_peserta", "topik", "sumber_dana"]
    public static let targetColumns = ["kode_wilayah", "indikator", "nilai", "tahun", "sumber"]

    /// `aktif_2023` → 2023.
    static func statusYear(ofColumn name: String) -> Int? {
        guard name.hasPrefix("aktif_") else { return nil }
        return Int(name.dropFirst("aktif_".count))
    }

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

    static func years(_ text: String) -> [Int]? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "|" })
        let years = parts.compactMap { Int($0) }
        return years.count == parts.count ? years : nil
    }

    static func koperasi(_ row: [String: String], from rows: CSVRows) throws -> Koperasi {
        let nik = try rows.required(row, "nik")
        guard nik.count == 16, nik.allSatisfy(\.isASCIIDigit) else {
            throw rows.fail("nik: \"\(nik)\" is not a Nomor Induk Koperasi; it must be 16 digits")
        }
        let jenisText = try rows.required(row, "jenis")
        guard let jenis = jenis(jenisText) else {
            throw rows.fail("jenis: \"\(jenisText)\" is not one of \(Jenis.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var k = Koperasi(nik: nik, nama: try rows.required(row, "nama"), regionCode: try rows.required(row, "kode_wilayah"), jenis: jenis)
        k.sektor = rows.optional(row, "sektor") ?? ""
        if let text = rows.optional(row, "kemitraan") {
            guard let value = Kemitraan(rawValue: text.lowercased()) else { throw rows.fail("kemitraan: \"\(text)\" must be bermitra or mandiri") }
            k.kemitraan = value
        }
        k.anggota = try rows.int(row, "jumlah_anggota")
        k.tahunBerdiri = try rows.int(row, "tahun_berdiri")
        if let text = rows.optional(row, "kesehatan") {
            guard let value = kesehatan(text) else {
                throw rows.fail("kesehatan: \"\(text)\" is not one of \(Kesehatan.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            k.kesehatan = value
        }
        if let text = rows.optional(row, "hasil_evaluasi") {
            guard let value = EvaluationOutcome(rawValue: text.lowercased()) else {
                throw rows.fail("hasil_evaluasi: \"\(text)\" is not one of \(EvaluationOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            k.evaluation = value
        }
        if let text = rows.optional(row, "riwayat_rat") {
            guard let years = years(text) else { throw rows.fail("riwayat_rat: \"\(text)\" must be years separated by spaces") }
            k.ratYears.formUnion(years)
        }
        if let last = try rows.int(row, "tahun_rat_terakhir") { k.ratYears.insert(last) }
        for column in rows.header {
            guard let year = statusYear(ofColumn: column), let text = rows.optional(row, column) else { continue }
            guard let active = bool(text) else { throw rows.fail("\(column): \"\(text)\" must be ya or tidak") }
            k.status[year] = active
        }
        return k
    }

    static func umkm(_ row: [String: String], from rows: CSVRows) throws -> Umkm {
        let nib = rows.optional(row, "nib")
        if let nib, !(nib.count == 13 && nib.allSatisfy(\.isASCIIDigit)) {
            throw rows.fail("nib: \"\(nib)\" is not a Nomor Induk Berusaha; it must be 13 digits")
        }
        guard let year = try rows.int(row, "tahun_binaan") else { throw rows.fail("tahun_binaan: is empty; every row needs a value here") }
        return Umkm(nib: nib, namaUsaha: try rows.required(row, "nama_usaha"), regionCode: try rows.required(row, "kode_wilayah"),
                    sektor: rows.optional(row, "sektor") ?? "", tahunBinaan: year)
    }

    static func pelatihan(_ row: [String: String], from rows: CSVRows) throws -> Pelatihan {
        guard let batch = try rows.int(row, "angkatan") else { throw rows.fail("angkatan: is empty; every row needs a value here") }
        return Pelatihan(nama: try rows.required(row, "nama"), angkatan: batch,
                         tanggalMulai: rows.optional(row, "tanggal_mulai"), tanggalSelesai: rows.optional(row, "tanggal_selesai"),
                         tempat: rows.optional(row, "tempat") ?? "", regionCode: try rows.required(row, "kode_wilayah"),
                         jumlahKoperasi: try rows.int(row, "jumlah_koperasi"), jumlahPeserta: try rows.int(row, "jumlah_peserta"),
                         topik: rows.optional(row, "topik") ?? "", sumberDana: rows.optional(row, "sumber_dana") ?? "")
    }

    static func target(_ row: [String: String], from rows: CSVRows) throws -> Target {
        let text = try rows.required(row, "indikator")
        guard let indicator = Indicator(rawValue: text) else {
            throw rows.fail("indikator: \"\(text)\" is not one of \(Indicator.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let value = try rows.int(row, "nilai") else { throw rows.fail("nilai: is empty; every row needs a value here") }
        return Target(regionCode: rows.optional(row, "kode_wilayah") ?? "", indicator: indicator, value: value,
                      year: try rows.int(row, "tahun"), source: try rows.required(row, "sumber"))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
