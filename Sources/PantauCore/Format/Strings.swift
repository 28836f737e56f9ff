/// Every piece of text Pantau shows people, in Indonesian and English. One table, so nothing is translated twice.
public struct Strings: Sendable {
    public let lang: Language

    public init(_ lang: Language) { self.lang = lang }

    func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }

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
    public func downgrade(trend: Trend, threshold: Int, year: Int, alreadyBelow: Bool) -> String {
        let span = "\(trend.fromYear)–\(trend.toYear)"
        if alreadyBelow {
            return t("PERINGATAN: koperasi aktif di bawah \(threshold); risiko turun tipe.",
                     "WARNING: active koperasi are below \(threshold); risk of downgrade.")
        }
        return t("PERINGATAN: dengan tren \(span), koperasi aktif jatuh di bawah \(NumberFormat.integer(threshold)) pada \(year) (risiko turun tipe).",
                 "WARNING: at the \(span) trend, active koperasi fall below \(NumberFormat.integer(threshold)) in \(year) (downgrade risk).")
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
    public var snapshotBadge: String { t("SALINAN", "SNAPSHOT") }
    public var disconnectedBadge: String { t("TERPUTUS · mencoba lagi", "DISCONNECTED · retrying") }
    public var unplaced: String { t("(kecamatan tidak diketahui)", "(subdistrict unknown)") }
}

// Dashboard text.
extension Strings {
    public var helpMoveUp: String { t("naik satu baris", "up one row") }
    public var helpMoveDown: String { t("turun satu baris", "down one row") }
    public var helpPageUp: String { t("naik satu halaman", "up one page") }
    public var helpPageDown: String { t("turun satu halaman", "down one page") }
    public var helpFirst: String { t("ke baris pertama", "to the first row") }
    public var helpLast: String { t("ke baris terakhir", "to the last row") }
    public var helpNextPane: String { t("panel berikutnya", "next pane") }
    public var helpPreviousPane: String { t("panel sebelumnya", "previous pane") }
    public var helpPaneLeft: String { t("panel di kiri", "pane to the left") }
    public var helpPaneRight: String { t("panel di kanan", "pane to the right") }
    public var helpOpen: String { t("buka yang terpilih", "open the selection") }
    public var helpBack: String { t("kembali satu tingkat", "back one level") }
    public var helpFilter: String { t("saring nama (Enter, Esc)", "filter by name (Enter, Esc)") }
    public var helpSort: String { t("ganti urutan kolom", "cycle the sort column") }
    public var helpReverseSort: String { t("balik urutan", "reverse the sort") }
    public var helpPreviousYear: String { t("tahun sebelumnya", "previous year") }
    public var helpNextYear: String { t("tahun berikutnya", "next year") }
    public var helpReload: String { t("muat ulang data", "reload the data") }
    public var helpRepaint: String { t("gambar ulang layar", "repaint the screen") }
    public var helpHelp: String { t("bantuan ini", "this help") }
    public var helpQuit: String { t("keluar", "quit") }
    public var helpTitle: String { t("Bantuan · tombol", "Help · keys") }
    public var hintHelp: String { t("? bantuan", "? help") }
    public var hintQuit: String { t("q keluar", "q quit") }
    public var hintOpen: String { t("Enter buka", "Enter open") }
    public var hintBack: String { t("Esc kembali", "Esc back") }
    public var hintFilter: String { t("/ saring", "/ filter") }
    public var filterPrompt: String { t("saring", "filter") }
    public var loading: String { t("Memuat…", "Loading…") }
    /// The status line's word while a load takes longer than a blink.
    public var stillLoading: String { t("memuat…", "loading…") }
    public var wilayah: String { t("Wilayah", "Region") }
    public var ratioPane: String { t("Rasio aktif", "Active ratio") }
    public var yearsPane: String { t("Aktif/tahun", "Active/year") }
    public var tipeAPane: String { t("Tipe A", "Tipe A") }
    public var noTipeA: String { t("Syarat Tipe A berlaku untuk kabupaten/kota.", "Tipe A applies to a kabupaten/kota.") }
    public var sortNames: [String] { lang == .en ? ["code", "name", "total", "active", "ratio"] : ["kode", "nama", "jumlah", "aktif", "rasio"] }
    public var sortLabel: String { t("urut", "sort") }
    public var inactiveShort: String { t("Tdk", "Inact") }
    public var totalShort: String { t("Total", "Total") }

    public func tooSmall(width: Int, height: Int, needed: String) -> String {
        t("Layar \(width)×\(height) terlalu kecil: perbesar ke paling sedikit \(needed).",
          "The terminal is \(width)×\(height): make it at least \(needed).")
    }
    public func tooSmallShort(needed: String) -> String { t("Perlu \(needed).", "Needs \(needed).") }
    public func yearChanged(_ year: Int) -> String {
        t("Wilayah ini punya data sampai \(year); tahun diganti ke \(year).", "This region has data up to \(year); showing \(year).")
    }
    public func noOtherYear(_ year: Int) -> String { t("Tidak ada data untuk tahun \(year).", "There is no data for \(year).") }
    public func gapPace(gap: Int, pace: Pace?) -> String {
        let gapText = t("kurang \(NumberFormat.integer(gap))", "\(NumberFormat.integer(gap)) short")
        guard let pace else { return gapText }
        return gapText + t(" · +\(NumberFormat.integer(pace.perMonth))/bln s.d. \(pace.targetYear)",
                           " · +\(NumberFormat.integer(pace.perMonth))/mo to \(pace.targetYear)")
    }
    /// The downgrade warning; without a trend, the short form for narrow panes.
    public func downgradeLine(threshold: Int, year: Int, trend: Trend?) -> String {
        let n = NumberFormat.integer(threshold)
        guard let trend else { return t("RISIKO: aktif < \(n) pada \(year)", "RISK: active < \(n) in \(year)") }
        return t("RISIKO: aktif < \(n) pada \(year) (tren \(trend.fromYear)–\(trend.toYear))",
                 "RISK: active < \(n) in \(year) (\(trend.fromYear)–\(trend.toYear) trend)")
    }
}

extension Strings {
    public var koperasiSortNames: [String] {
        lang == .en ? ["name", "NIK", "type", "active", "RAT", "members", "evaluation"] : ["nama", "NIK", "jenis", "aktif", "RAT", "anggota", "evaluasi"]
    }
    public func koperasiTitle(_ name: String, total: Int, active: Int) -> String {
        t("Koperasi · \(name): \(NumberFormat.integer(total)), aktif \(NumberFormat.integer(active))",
          "Koperasi · \(name): \(NumberFormat.integer(total)), \(NumberFormat.integer(active)) active")
    }
}

// Field work in the dashboard.
extension Strings {
    public var helpRecordRAT: String { t("catat RAT", "record a RAT") }
    public var helpEvaluate: String { t("catat hasil evaluasi", "record an evaluation outcome") }
    public var helpEdit: String { t("ubah anggota, kesehatan", "edit members, health") }
    public var helpStatusFilter: String { t("saring status koperasi", "filter koperasi by status") }
    public var helpTogglePanel: String { t("panel rasio / evaluasi", "ratio / evaluation pane") }
    public func statusFilterNames(staleYears: Int) -> [String] {
        lang == .en ? ["all", "active", "inactive", "not evaluated", "no RAT for \(staleYears)+ years"]
                    : ["semua", "aktif", "tidak aktif", "belum dievaluasi", "tanpa RAT ≥ \(staleYears) tahun"]
    }
    public var evaluationPane: String { t("Evaluasi", "Evaluation") }
    public var evaluated: String { t("Dievaluasi", "Evaluated") }
    public var detailTitle: String { t("Koperasi", "Koperasi") }
    public var readOnlyRefused: String {
        t("Hanya baca: perubahan tidak diizinkan.", "Read-only: changes are not allowed.")
    }
    public var selectKoperasiFirst: String { t("Pilih koperasi lebih dulu (buka sebuah kecamatan).", "Select a koperasi first (open a kecamatan).") }
    public var saved: String { t("Tersimpan.", "Saved.") }
    public var savingBeforeQuit: String { t("Menyimpan perubahan sebelum keluar… (Ctrl-C: keluar tanpa menyimpan)", "Saving the change before quitting… (Ctrl-C: quit without saving it)") }
    public var formRAT: String { t("Catat RAT", "Record RAT") }
    public var formEvaluate: String { t("Hasil evaluasi", "Evaluation outcome") }
    public var formEdit: String { t("Ubah data koperasi", "Edit koperasi") }
    public var fieldYear: String { t("Tahun buku", "Book year") }
    public var fieldDate: String { t("Tanggal (TTTT-BB-HH, boleh kosong)", "Date (YYYY-MM-DD, optional)") }
    public var fieldNote: String { t("Catatan", "Note") }
    public var fieldOutcome: String { t("Hasil", "Outcome") }
    public var fieldMembers: String { t("Jumlah anggota", "Members") }
    public var fieldHealth: String { t("Kesehatan", "Health") }
    public var formHint: String { t("Enter lanjut · ←/→ pilih · Esc batal", "Enter next · ←/→ choose · Esc cancel") }
    public var confirmSave: String { t("Simpan? y = ya, n = batal", "Save? y = yes, n = cancel") }
    public var yearMustBeNumber: String { t("Tahun harus berupa angka, misalnya 2023.", "The year must be a number, e.g. 2023.") }
    public var membersMustBeNumber: String { t("Jumlah anggota harus berupa angka.", "Members must be a number.") }
    public var statusByYear: String { t("Status per tahun", "Status by year") }
    public var ratHistory: String { t("Riwayat RAT", "RAT history") }
    public var evaluationHistory: String { t("Riwayat evaluasi", "Evaluation history") }
    public var auditEntries: String { t("Jejak perubahan", "Audit trail") }
    public var none: String { t("(belum ada)", "(none)") }
    public var sector: String { t("Sektor", "Sector") }
    public var partnership: String { t("Kemitraan", "Partnership") }
    public var founded: String { t("Berdiri", "Founded") }
}

// The narrow layout (one pane at a time).
extension Strings {
    public var helpChoosePane: String { t("panel nomor 1–6", "pane number 1–6") }
    public var helpNextPage: String { t("PgDn/Spasi: halaman berikut", "PgDn/Space: next page") }
    public func helpPageOf(_ page: Int, _ pages: Int) -> String { t("halaman \(page)/\(pages)", "page \(page)/\(pages)") }
    public func koperasiTitleShort(_ name: String, total: Int, active: Int) -> String {
        t("\(name): \(NumberFormat.integer(total)), aktif \(NumberFormat.integer(active))",
          "\(name): \(NumberFormat.integer(total)), \(NumberFormat.integer(active)) active")
    }
}

// The presentation.
extension Strings {
    public func of(_ value: Int, _ target: Int) -> String { t("\(NumberFormat.integer(value)) dari \(NumberFormat.integer(target))", "\(NumberFormat.integer(value)) of \(NumberFormat.integer(target))") }
    public var slideReadiness: String { t("Kesiapan Tipe A", "Tipe A readiness") }
    public var slideYears: String { t("Koperasi aktif per tahun", "Active koperasi by year") }
    public var slideRanking: String { t("Rasio aktif per kecamatan: 5 terbaik dan 5 terendah", "Active ratio by kecamatan: the five best and five lowest") }
    public var slideEvaluation: String { t("Evaluasi koperasi tidak aktif", "Evaluation of inactive koperasi") }
    public var slideProgrammes: String { t("Program pembinaan", "Programmes") }
    public var slidePace: String { t("Laju yang dibutuhkan", "The pace needed") }
    public var metVerdict: String { t("MEMENUHI SYARAT TIPE A", "MEETS THE TIPE A THRESHOLDS") }
    public var notMetVerdict: String { t("BELUM MEMENUHI SYARAT TIPE A", "DOES NOT YET MEET TIPE A") }
    public var paused: String { t("jeda", "paused") }
    public func evaluatedCaption(_ p: EvaluationProgress) -> String {
        t("\(of(p.evaluated, p.inactive)) koperasi tidak aktif sudah dievaluasi (\(NumberFormat.percent(p.ratio)))",
          "\(of(p.evaluated, p.inactive)) inactive koperasi evaluated (\(NumberFormat.percent(p.ratio)))")
    }
    public func batchesCaption(held: Int, plan: Int, perBatch: Int?, year: Int) -> String {
        let per = perBatch.map { " × \($0) koperasi" } ?? ""
        return t("\(of(held, plan)) angkatan \(year) diadakan (rencana: \(plan)\(per))",
                 "\(of(held, plan)) batches of \(year) held (plan: \(plan)\(per))")
    }
    public var batchesLabel: String { t("Angkatan pelatihan", "Training batches") }
    public func trained(_ n: Int, _ target: Int) -> String { t("Koperasi dilatih: \(of(n, target))", "Koperasi trained: \(of(n, target))") }
    public func provinceTraining(_ target: Target) -> String {
        t("Target provinsi \(target.year.map(String.init) ?? ""): \(NumberFormat.integer(target.value)) koperasi dilatih",
          "Province target \(target.year.map(String.init) ?? ""): \(NumberFormat.integer(target.value)) koperasi trained")
    }
    public func assistants(_ target: Target?) -> String {
        guard let target else { return t("Pendamping lapangan: belum ada data", "Field assistants: no data yet") }
        return t("Pendamping lapangan: \(NumberFormat.integer(target.value)) direkrut (\(target.year.map(String.init) ?? ""))",
                 "Field assistants: \(NumberFormat.integer(target.value)) to recruit (\(target.year.map(String.init) ?? ""))")
    }
    public func paceCaption(_ pace: Pace, target: Int) -> String {
        t("\(NumberFormat.integer(pace.perMonth)) UMKM per bulan agar \(NumberFormat.integer(target)) tercapai pada akhir \(pace.targetYear)",
          "\(NumberFormat.integer(pace.perMonth)) UMKM a month to reach \(NumberFormat.integer(target)) by the end of \(pace.targetYear)")
    }
    public var umkmTrendLabel: String { t("UMKM", "UMKM") }
    public var koperasiTrendLabel: String { t("Koperasi aktif", "Active koperasi") }
    public var noPlan: String { t("Belum ada rencana pelatihan untuk wilayah ini.", "No training plan for this region yet.") }
}

// The presentation on a narrow screen.
extension Strings {
    /// The ranking slide's title where the full one does not fit (40–50 columns).
    public var slideRankingShort: String { t("Rasio aktif: 5 terbaik, 5 terendah", "Active ratio: 5 best, 5 lowest") }
}

// Store addresses (--db and PANTAU_DB) and the PostgreSQL password file.
extension Strings {
    /// The part of a PostgreSQL address a message is about (lower case: it stands inside a sentence).
    public func storeAddressPart(_ part: StoreAddressPart) -> String {
        switch part {
        case .user: t("nama pengguna", "user name")
        case .password: t("kata sandi", "password")
        case .host: t("host", "host")
        case .port: t("port", "port")
        case .database: t("nama basis data", "database name")
        case .parameter(let name?): t("parameter \"\(name)\"", "parameter \"\(name)\"")
        case .parameter(nil): t("parameter", "parameter")
        }
    }

    /// libpq ignores a password file others may read; so does Pantau, and says so once.
    public func passwordFileOpenToOthers(_ path: String) -> String {
        t("Peringatan: berkas kata sandi \(path) dapat dibaca pengguna lain, jadi diabaikan; lindungi dengan chmod 600 \(path).",
          "Warning: the password file \(path) may be read by other users, so it is ignored; protect it with chmod 600 \(path).")
    }

    /// A folder, device or pipe where the password file should be.
    public func passwordFileNotAFile(_ path: String) -> String {
        t("Peringatan: \(path) bukan berkas biasa, jadi tidak dipakai sebagai berkas kata sandi; periksa PGPASSFILE atau ~/.pgpass.",
          "Warning: \(path) is not a plain file, so it is not used as the password file; check PGPASSFILE or ~/.pgpass.")
    }
}
