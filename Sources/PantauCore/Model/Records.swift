/// The legal kinds of koperasi (UU 25/1992 and its successors).
public enum Jenis: String, Sendable, CaseIterable, Codable {
    case konsumen, produsen, simpanPinjam = "simpan pinjam", pemasaran, jasa, serbaUsaha = "serba usaha"
}

/// KSP health categories used in the ministry's assessment.
public enum Kesehatan: String, Sendable, CaseIterable, Codable {
    case sehat = "Sehat"
    case cukupSehat = "Cukup Sehat"
    case dalamPengawasan = "Dalam Pengawasan"
    case dalamPengawasanKhusus = "Dalam Pengawasan Khusus"
}

/// Whether a koperasi works with a company (*bermitra*) or on its own (*mandiri*).
public enum Kemitraan: String, Sendable, CaseIterable, Codable {
    case bermitra, mandiri
}

/// What the evaluation of an inactive koperasi decided.
public enum EvaluationOutcome: String, Sendable, CaseIterable, Codable {
    case dibina
    case usulBekukan = "usul-bekukan"
    case usulBubarkan = "usul-bubarkan"
    case aktifKembali = "aktif-kembali"
}

/// One koperasi as the office registers it. Yearly status and RAT years are kept as sets of years.
public struct Koperasi: Sendable, Hashable {
    public var nik: String
    public var nama: String
    public var regionCode: String
    public var jenis: Jenis
    public var sektor: String
    public var kemitraan: Kemitraan?
    public var anggota: Int?
    public var tahunBerdiri: Int?
    public var kesehatan: Kesehatan?
    /// Years in which the koperasi counted as active (true) or was checked and found inactive (false).
    public var status: [Int: Bool]
    public var ratYears: Set<Int>
    public var evaluation: EvaluationOutcome?

    public init(nik: String, nama: String, regionCode: String, jenis: Jenis, sektor: String = "",
                kemitraan: Kemitraan? = nil, anggota: Int? = nil, tahunBerdiri: Int? = nil,
                kesehatan: Kesehatan? = nil, status: [Int: Bool] = [:], ratYears: Set<Int> = [],
                evaluation: EvaluationOutcome? = nil) {
        self.nik = nik; self.nama = nama; self.regionCode = regionCode; self.jenis = jenis
        self.sektor = sektor; self.kemitraan = kemitraan; self.anggota = anggota
        self.tahunBerdiri = tahunBerdiri; self.kesehatan = kesehatan; self.status = status
        self.ratYears = ratYears; self.evaluation = evaluation
    }
}

/// A small business under the office's guidance (*UMKM binaan*).
public struct Umkm: Sendable, Hashable {
    public var nib: String?
    public var namaUsaha: String
    public var regionCode: String
    public var sektor: String
    public var tahunBinaan: Int

    public init(nib: String?, namaUsaha: String, regionCode: String, sektor: String, tahunBinaan: Int) {
        self.nib = nib; self.namaUsaha = namaUsaha; self.regionCode = regionCode
        self.sektor = sektor; self.tahunBinaan = tahunBinaan
    }
}

/// One training batch (*angkatan*) of a programme.
public struct Pelatihan: Sendable, Hashable {
    public var nama: String
    public var angkatan: Int
    public var tanggalMulai: String?
    public var tanggalSelesai: String?
    public var tempat: String
    public var regionCode: String
    public var jumlahKoperasi: Int?
    public var jumlahPeserta: Int?
    public var topik: String
    public var sumberDana: String

    public init(nama: String, angkatan: Int, tanggalMulai: String?, tanggalSelesai: String?, tempat: String,
                regionCode: String, jumlahKoperasi: Int?, jumlahPeserta: Int?, topik: String, sumberDana: String) {
        self.nama = nama; self.angkatan = angkatan; self.tanggalMulai = tanggalMulai
        self.tanggalSelesai = tanggalSelesai; self.tempat = tempat; self.regionCode = regionCode
        self.jumlahKoperasi = jumlahKoperasi; self.jumlahPeserta = jumlahPeserta
        self.topik = topik; self.sumberDana = sumberDana
    }
}

/// The indicators a target can be set on.
public enum Indicator: String, Sendable, CaseIterable, Codable {
    /// Tipe A: active koperasi under the office's guidance.
    case tipeAKoperasiAktif = "tipe_a_koperasi_aktif"
    /// Tipe A: UMKM under the office's guidance.
    case tipeAUmkm = "tipe_a_umkm"
    case koperasiDilatih = "koperasi_dilatih"
    case angkatanPelatihan = "angkatan_pelatihan"
    case kspSehat = "ksp_sehat"
    case pendampingUmkm = "pendamping_umkm"
}

/// A target value for an indicator, with where it comes from. An empty region means every kabupaten/kota.
public struct Target: Sendable, Hashable {
    public var regionCode: String
    public var indicator: Indicator
    public var value: Int
    public var year: Int?
    public var source: String

    public init(regionCode: String, indicator: Indicator, value: Int, year: Int?, source: String) {
        self.regionCode = regionCode; self.indicator = indicator; self.value = value
        self.year = year; self.source = source
    }
}
