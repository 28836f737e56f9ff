import Foundation

/// The JSON shape of a report: plain numbers, ratios to four decimals, stable key order.
private struct ReportJSON: Encodable {
    struct Scope: Encodable { var code: String; var name: String; var level: String }
    struct RegionRow: Encodable {
        var code: String?
        var name: String
        var koperasi_total, koperasi_active, koperasi_inactive: Int
        var active_ratio: Double
        var umkm: Int
        var koperasi_active_previous_year: Int?
    }
    struct KoperasiRowJSON: Encodable {
        var code, nik, name, jenis: String
        var active: Bool?
        var last_rat: Int?
        var members: Int?
        var health, evaluation: String?
    }
    struct Totals: Encodable {
        var koperasi_total, koperasi_active, koperasi_inactive: Int
        var active_ratio: Double
        var umkm: Int
    }
    struct TrendJSON: Encodable {
        var from_year, from_value, to_year, to_value: Int
        var change: Double?
    }
    struct TipeA: Encodable {
        var koperasi_active, koperasi_threshold, umkm, umkm_threshold, umkm_gap: Int
        var koperasi_met, umkm_met, met: Bool
        var umkm_ratio: Double
        var umkm_per_month_needed: Int?
        var target_year: Int?
        var downgrade_year: Int?
    }
    enum Rows: Encodable {
        case regions([RegionRow]), koperasi([KoperasiRowJSON])
        func encode(to encoder: Encoder) throws {
            switch self {
            case .regions(let rows): try rows.encode(to: encoder)
            case .koperasi(let rows): try rows.encode(to: encoder)
            }
        }
    }

    var scope: Scope
    package var year: Int
    var office: String?
    var demo: Bool
    var rows: Rows
    var totals: Totals
    var trend: TrendJSON?
    var tipe_a: TipeA?
}

extension Report {
    func json() -> String {
        let ratio = NumberFormat.machineRatio
        let rows: ReportJSON.Rows = scope.level == .kecamatan
            ? .koperasi(koperasiRows.map { k in
                .init(code: k.nik, nik: k.nik, name: k.nama, jenis: k.jenis, active: k.active, last_rat: k.lastRAT,
                      members: k.anggota, health: k.kesehatan, evaluation: k.evaluation)
            })
            : .regions(regionRows.map { f in
                .init(code: isUnplaced(f) ? nil : f.region.code, name: isUnplaced(f) ? "" : f.region.shortName,
                      koperasi_total: f.koperasiTotal, koperasi_active: f.koperasiActive, koperasi_inactive: f.koperasiInactive,
                      active_ratio: ratio(f.activeRatio), umkm: f.umkm, koperasi_active_previous_year: f.previousActive)
            })
        let document = ReportJSON(
            scope: .init(code: scope.code, name: scope.shortName, level: scope.level.rawValue),
            year: year, office: officeName, demo: isDemo, rows: rows,
            totals: .init(koperasi_total: totals.koperasiTotal, koperasi_active: totals.koperasiActive,
                          koperasi_inactive: totals.koperasiInactive, active_ratio: ratio(totals.activeRatio), umkm: totals.umkm),
            trend: trend.map { .init(from_year: $0.fromYear, from_value: $0.fromValue, to_year: $0.toYear, to_value: $0.toValue,
                                     change: $0.change.map(ratio)) },
            tipe_a: tipeA.map { r in
                .init(koperasi_active: r.koperasiActive.value, koperasi_threshold: r.koperasiActive.threshold, umkm: r.umkm.value,
                      umkm_threshold: r.umkm.threshold, umkm_gap: r.umkm.gap, koperasi_met: r.koperasiActive.met, umkm_met: r.umkm.met,
                      met: r.met, umkm_ratio: ratio(r.umkm.ratio), umkm_per_month_needed: r.umkmPace?.perMonth,
                      target_year: r.umkmPace?.targetYear, downgrade_year: r.downgradeYear)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
