import Foundation

/// The output formats of `pantau report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, csv, json
}

extension Report {
    /// The report as text in the chosen format. Text and Markdown are for people (Indonesian numbers);
    /// CSV and JSON are for machines (plain numbers).
    public func rendered(_ format: ReportFormat, lang: Language) -> String {
        switch format {
        case .text: humanReadable(lang: lang, markdown: false)
        case .markdown: humanReadable(lang: lang, markdown: true)
        case .csv: csv()
        case .json: json()
        }
    }

    /// Whether a row stands for the records placed on the scope itself rather than on a region inside it.
    func isUnplaced(_ row: RegionFigures) -> Bool { row.region.level == scope.level }

    private func table(_ s: Strings) -> TextTable {
        if scope.level == .kecamatan {
            var table = TextTable(columns: [.init(title: "NIK", align: .left), .init(title: s.name, align: .left),
                                            .init(title: s.jenis, align: .left), .init(title: s.active, align: .left),
                                            .init(title: s.lastRAT, align: .right), .init(title: s.members, align: .right)])
            table.rows = koperasiRows.map { k in
                [k.nik, TerminalSafe.text(k.nama), k.jenis, k.active.map { $0 ? s.yes : s.no } ?? "–",
                 k.lastRAT.map(String.init) ?? "–", k.anggota.map(NumberFormat.integer) ?? "–"]
            }
            table.footer = [["", s.total, "", "\(NumberFormat.integer(totals.koperasiActive)) \(s.active.lowercased())", "",
                             NumberFormat.integer(totals.koperasiTotal) + " " + s.koperasi.lowercased()]]
            return table
        }
        var table = TextTable(columns: [.init(title: s.code, align: .left), .init(title: s.childLevelName(scope.level.childLevel!), align: .left),
                                        .init(title: s.koperasi, align: .right), .init(title: s.active, align: .right),
                                        .init(title: s.inactive, align: .right), .init(title: s.activeRatio, align: .right),
                                        .init(title: s.umkm, align: .right)])
        // Without a recorded status in this year, active and inactive are unknown, not zero.
        func cells(_ f: RegionFigures) -> [String] {
            [NumberFormat.integer(f.koperasiTotal), f.hasStatus ? NumberFormat.integer(f.koperasiActive) : "–",
             f.hasStatus ? NumberFormat.integer(f.koperasiInactive) : "–",
             f.koperasiTotal == 0 || !f.hasStatus ? "–" : NumberFormat.percent(f.activeRatio), NumberFormat.integer(f.umkm)]
        }
        table.rows = regionRows.map { f in
            isUnplaced(f) ? ["", s.unplaced] + cells(f) : [f.region.code, TerminalSafe.text(f.region.name)] + cells(f)
        }
        table.footer = [["", s.total] + cells(totals)]
        return table
    }

    private func humanReadable(lang: Language, markdown: Bool) -> String {
        let s = Strings(lang)
        var lines: [String] = []
        let heading = markdown ? "# " + s.reportTitle : s.reportTitle
        lines.append(heading)
        if !markdown { lines.append(String(repeating: "=", count: heading.count)) }
        lines.append("")
        let facts = [(s.region, scopeLabel), (s.year, String(year))] + (officeName.map { [(s.office, $0)] } ?? [])
        for (key, value) in facts {
            let value = TerminalSafe.text(value)
            lines.append(markdown ? "- **\(key):** \(value)" : key.padding(toLength: 8, withPad: " ", startingAt: 0) + " " + value)
        }
        if isDemo { lines += ["", markdown ? "> **\(s.demoNotice)**" : s.demoNotice] }
        lines.append("")
        let table = table(s)
        lines += markdown ? table.markdown() : table.plain()
        if let trend, scope.level != .kecamatan || trend.fromValue > 0 {
            lines += ["", s.change(from: trend)]
        }
        if let tipeA {
            lines += [""] + tipeALines(tipeA, s, markdown: markdown)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func tipeALines(_ r: TipeAReadiness, _ s: Strings, markdown: Bool) -> [String] {
        var table = TextTable(columns: [.init(title: s.tipeA, align: .left), .init(title: "", align: .right),
                                        .init(title: "", align: .left), .init(title: "", align: .right), .init(title: "", align: .left)])
        for (label, p) in [(s.koperasiActiveLabel, r.koperasiActive), (s.umkmLabel, r.umkm)] {
            table.rows.append([label, NumberFormat.integer(p.value), "/ " + NumberFormat.integer(p.threshold),
                               NumberFormat.percent(p.ratio), p.met ? s.met : s.gap(p.gap)])
        }
        var lines = markdown ? ["## " + s.tipeA, ""] + table.markdown().dropFirst(0) : Array(table.plain().dropFirst(2).map { "  " + $0 })
        if !markdown { lines.insert(s.tipeA, at: 0) }
        lines.append("")
        lines.append(s.tipeAVerdict(r.met))
        if let pace = r.umkmPace { lines.append(s.pace(pace)) }
        if let year = r.downgradeYear, let trend = r.koperasiTrend {
            lines.append(s.downgrade(trend: trend, threshold: r.koperasiActive.threshold, year: year, alreadyBelow: !r.koperasiActive.met))
        }
        return lines
    }

    private func csv() -> String {
        CSVWriter.text(machineRows())
    }

    /// The report's rows as a table (the CSV columns, plain numbers), for CSV and .xlsx export.
    public func export(to sink: TableSink) throws {
        var rows = machineRows()
        try sink.header(rows.removeFirst())
        for row in rows { try sink.row(row) }
        try sink.finish()
    }

    private func machineRows() -> [[String]] {
        var lines: [[String]] = []
        if scope.level == .kecamatan {
            lines.append(["nik", "nama", "jenis", "aktif", "tahun_rat_terakhir", "jumlah_anggota", "kesehatan", "hasil_evaluasi"])
            lines += koperasiRows.map { k in
                [k.nik, k.nama, k.jenis, k.active.map { $0 ? "ya" : "tidak" } ?? "", k.lastRAT.map(String.init) ?? "",
                 k.anggota.map(String.init) ?? "", k.kesehatan ?? "", k.evaluation ?? ""]
            }
        } else {
            lines.append(["kode_wilayah", "nama", "koperasi_total", "koperasi_aktif", "koperasi_tidak_aktif", "rasio_aktif", "umkm"])
            lines += regionRows.map { f in
                [isUnplaced(f) ? "" : f.region.code, isUnplaced(f) ? "" : f.region.shortName, String(f.koperasiTotal),
                 String(f.koperasiActive), String(f.koperasiInactive), String(NumberFormat.machineRatio(f.activeRatio)), String(f.umkm)]
            }
        }
        return lines
    }
}
