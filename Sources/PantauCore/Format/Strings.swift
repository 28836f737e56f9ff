/// Every piece of text Pantau shows people, in Indonesian and English. One table, so nothing is translated twice.
public struct Strings: Sendable {
    public let lang: Language

    public init(_ lang: Language) { self.lang = lang }

    private func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }

    // Nouns and headings
    public var koperasi: String { t("Koperasi", "Koperasi") }
    public var active: String { t("Aktif", "Active") }
    public var inactive: String { t("Tidak aktif", "Inactive") }
    public var ratio: String { t("Rasio", "Ratio") }
    public var activeRatio: String { t("Rasio aktif", "Active ratio") }
    public var umkm: String { t("UMKM", "UMKM") }
    public var total: String { t("Jumlah", "Total") }
    public var code: String { t("Kode", "Code") }
    public var name: String { t("Nama", "Name") }
    public var jenis: String { t("Jenis", "Type") }
    public var lastRAT: String { t("RAT akhir", "Last RAT") }
    public var members: String { t("Anggota", "Members") }
    public var health: String { t("Kesehatan", "Health") }
    public var evaluation: String { t("Evaluasi", "Evaluation") }
    public var year: String { t("Tahun", "Year") }
    public var region: String { t("Wilayah", "Region") }
    public var office: String { t("Kantor", "Office") }
    public var yes: String { t("ya", "yes") }
    public var no: String { t("tidak", "no") }
    public var reportTitle: String { t("Pantau · Laporan koperasi dan UMKM", "Pantau · Koperasi and UMKM report") }
    public var tipeA: String { t("Kesiapan Tipe A", "Tipe A readiness") }
    public var koperasiActiveLabel: String { t("Koperasi aktif", "Active koperasi") }
    public var umkmLabel: String { t("UMKM binaan", "UMKM under guidance") }
    public var met: String { t("terpenuhi", "met") }
    public var districts: String { t("Kabupaten/kota", "Districts") }
    public var activeByYear: String { t("Koperasi aktif per tahun", "Active koperasi by year") }
    public var ratioChart: String { t("Rasio aktif", "Active ratio") }

    public func childLevelName(_ level: RegionLevel) -> String {
        switch level {
        case .nasional: t("Nasional", "Country")
        case .provinsi: t("Provinsi", "Province")
        case .kabupaten: t("Kabupaten/kota", "District")
        case .kecamatan: t("Kecamatan", "Subdistrict")
        }
    }

    public func gap(_ n: Int) -> String { t("kurang \(NumberFormat.integer(n))", "\(NumberFormat.integer(n)) short") }
    public func tipeAVerdict(_ met: Bool) -> String {
        met ? t("Memenuhi syarat Tipe A.", "Meets the Tipe A thresholds.")
            : t("Belum memenuhi syarat Tipe A.", "Does not yet meet the Tipe A thresholds.")
    }
    public func pace(_ pace: Pace) -> String {
        t("Laju yang dibutuhkan: \(NumberFormat.integer(pace.perMonth)) UMKM per bulan hingga akhir \(pace.targetYear).",
          "Pace needed: \(NumberFormat.integer(pace.perMonth)) UMKM a month until the end of \(pace.targetYear).")
    }
    public func paceShort(_ pace: Pace) -> String {
        t("perlu +\(NumberFormat.integer(pace.perMonth))/bulan s.d. \(pace.targetYear)",
          "need +\(NumberFormat.integer(pace.perMonth))/month to \(pace.targetYear)")
    }
    public func downgrade(trend: Trend, threshold: Int, year: Int, alreadyBelow: Bool) -> String {
        let span = "\(trend.fromYear)–\(trend.toYear)"
        if alreadyBelow {
            return t("PERINGATAN: koperasi aktif di bawah \(threshold); risiko turun tipe.",
                     "WARNING: active koperasi are below \(threshold); risk of downgrade.")
        }
        return t("PERINGATAN: dengan tren \(span), koperasi aktif jatuh di bawah \(NumberFormat.integer(threshold)) pada \(year) (risiko turun tipe).",
                 "WARNING: at the \(span) trend, active koperasi fall below \(NumberFormat.integer(threshold)) in \(year) (downgrade risk).")
    }
    public func downgradeShort(threshold: Int, year: Int) -> String {
        t("! di bawah \(NumberFormat.integer(threshold)) pada \(year)", "! below \(NumberFormat.integer(threshold)) in \(year)")
    }
    public func change(from: Trend) -> String {
        let pct = from.change.map { " (" + NumberFormat.signedPercent($0) + ")" } ?? ""
        return t("Koperasi aktif \(from.fromYear) → \(from.toYear): \(NumberFormat.integer(from.fromValue)) → \(NumberFormat.integer(from.toValue))\(pct)",
                 "Active koperasi \(from.fromYear) → \(from.toYear): \(NumberFormat.integer(from.fromValue)) → \(NumberFormat.integer(from.toValue))\(pct)")
    }
    public var demoNotice: String {
        t("DATA DEMO: ini data contoh, bukan data kantor. Mulai basis data sendiri dengan: pantau init --db BERKAS",
          "DEMO DATA: this is sample data, not an office's. Start a real database with: pantau init --db FILE")
    }
    public var demoBadge: String { t("DEMO", "DEMO") }
    public var readOnlyBadge: String { t("HANYA BACA", "READ-ONLY") }
    public var unplaced: String { t("(kecamatan tidak diketahui)", "(subdistrict unknown)") }
}
