import PantauCore
import PostgresNIO

extension RegionLevel {
    /// SQL for a row's code at this level, to compare with a scope's code: `k.kab = $1`. For the whole country it
    /// is the empty code itself, which equals Indonesia's code, so every row is inside.
    func code(in table: String? = nil) -> String {
        guard let column else { return "''" }
        return table.map { "\($0).\(column)" } ?? column
    }
}

extension PostgresStore {
    public func years(in scope: Region) async throws -> [Int] {
        try await rows("""
            SELECT DISTINCT s.year FROM koperasi_status s JOIN koperasi k ON k.nik = s.nik
            WHERE \(unescaped: scope.level.code(in: "k")) = \(scope.code) ORDER BY s.year
            """) { try $0["year", as: Int.self] }
    }

    public func figures(of scope: Region, year: Int) async throws -> RegionFigures {
        let koperasi = try await row("""
            SELECT COUNT(*) AS total, COALESCE(SUM(s.active), 0) AS active, COALESCE(SUM(p.active), 0) AS prev,
                   COUNT(p.nik) AS prev_known, COUNT(s.nik) AS known
            FROM koperasi k
            LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = \(year)
            LEFT JOIN koperasi_status p ON p.nik = k.nik AND p.year = \(year - 1)
            WHERE \(unescaped: scope.level.code(in: "k")) = \(scope.code) AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= \(year))
            """, KoperasiCounts.init) ?? KoperasiCounts()
        let umkm = try await row("""
            SELECT COUNT(*) AS n FROM umkm WHERE \(unescaped: scope.level.code()) = \(scope.code) AND tahun_binaan <= \(year)
            """) { try $0["n", as: Int.self] } ?? 0
        return koperasi.figures(of: scope, umkm: umkm)
    }

    /// Records placed on a kabupaten without a kecamatan form a row of their own, so rows always add up to the total.
    public func childFigures(of scope: Region, year: Int) async throws -> [RegionFigures] {
        guard let childLevel = scope.level.childLevel, let childColumn = childLevel.column, scope.level != .kecamatan else { return [] }
        let koperasi = try await rows("""
            SELECT k.\(unescaped: childColumn) AS code, COUNT(*) AS total, COALESCE(SUM(s.active), 0) AS active,
                   COALESCE(SUM(p.active), 0) AS prev, COUNT(p.nik) AS prev_known, COUNT(s.nik) AS known
            FROM koperasi k
            LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = \(year)
            LEFT JOIN koperasi_status p ON p.nik = k.nik AND p.year = \(year - 1)
            WHERE \(unescaped: scope.level.code(in: "k")) = \(scope.code) AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= \(year))
            GROUP BY k.\(unescaped: childColumn)
            """) { row in (code: try row["code", as: String?.self] ?? "", counts: try KoperasiCounts(row)) }
        let byCode = Dictionary(koperasi.map { ($0.code, $0.counts) }, uniquingKeysWith: { first, _ in first })
        var umkm: [String: Int] = [:]
        for (code, n) in try await rows("""
            SELECT \(unescaped: childColumn) AS code, COUNT(*) AS n FROM umkm
            WHERE \(unescaped: scope.level.code()) = \(scope.code) AND tahun_binaan <= \(year) GROUP BY \(unescaped: childColumn)
            """, { row in (try row["code", as: String?.self] ?? "", try row["n", as: Int.self]) }) {
            umkm[code, default: 0] += n
        }
        var result = regions.children(of: scope.code).map { child in
            (byCode[child.code] ?? KoperasiCounts()).figures(of: child, umkm: umkm[child.code] ?? 0)
        }
        if byCode[""] != nil || umkm[""] != nil {
            let unplaced = Region(code: scope.code, name: scope.level == .kabupaten ? "(kecamatan tidak diketahui)" : "(tidak diketahui)",
                                  level: scope.level)
            result.append((byCode[""] ?? KoperasiCounts()).figures(of: unplaced, umkm: umkm[""] ?? 0))
        }
        return result
    }

    public func yearlyFigures(of scope: Region) async throws -> [YearFigures] {
        var result: [YearFigures] = []
        for year in try await years(in: scope) {
            let f = try await figures(of: scope, year: year)
            result.append(YearFigures(year: year, koperasiTotal: f.koperasiTotal, koperasiActive: f.koperasiActive, umkm: f.umkm))
        }
        return result
    }

    /// Every province that has koperasi, with its kabupaten/kota, in one pass over the koperasi. UMKM are not
    /// counted here, as on SQLite: the list does not show them.
    public func districtFigures(year: Int) async throws -> [ProvinceFigures] {
        struct Counts { var total = 0, active = 0, known = 0 }
        var byDistrict: [String: Counts] = [:]
        let groups = try await rows("""
            SELECT k.prov, k.kab, COUNT(*) AS total, COALESCE(SUM(s.active), 0) AS active, COUNT(s.nik) AS known
            FROM koperasi k LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = \(year)
            WHERE k.tahun_berdiri IS NULL OR k.tahun_berdiri <= \(year)
            GROUP BY k.prov, k.kab
            """) { row in
            (key: try row["kab", as: String?.self] ?? row["prov", as: String.self],
             counts: Counts(total: try row["total"], active: try row["active"], known: try row["known"]))
        }
        for group in groups {
            byDistrict[group.key, default: Counts()].total += group.counts.total
            byDistrict[group.key]!.active += group.counts.active
            byDistrict[group.key]!.known += group.counts.known
        }
        let provinces = Set(byDistrict.keys.map { String($0.prefix(2)) }).sorted()
        return provinces.compactMap { code -> ProvinceFigures? in
            guard !code.isEmpty, let province = regions.region(code: code) else { return nil }
            let districts = regions.children(of: code).map { district -> RegionFigures in
                let c = byDistrict[district.code] ?? Counts()
                return RegionFigures(region: Region(code: district.code, name: district.name, level: .kabupaten), koperasiTotal: c.total,
                                     koperasiActive: c.active, umkm: 0, hasStatus: c.known > 0)
            }
            let own = byDistrict[code] ?? Counts()
            let sum = districts.reduce(own) { acc, d in
                Counts(total: acc.total + d.koperasiTotal, active: acc.active + d.koperasiActive, known: acc.known + (d.hasStatus ? 1 : 0))
            }
            return ProvinceFigures(
                province: RegionFigures(region: province, koperasiTotal: sum.total, koperasiActive: sum.active, umkm: 0, hasStatus: sum.known > 0),
                districts: districts)
        }
    }
}

/// One group's koperasi counts in a year: COUNT and SUM are bigints on the server.
struct KoperasiCounts {
    var total = 0, active = 0, previous = 0, previousKnown = 0, known = 0

    init() {}

    init(_ row: PostgresRandomAccessRow) throws {
        total = try row["total"]
        active = try row["active"]
        previous = try row["prev"]
        previousKnown = try row["prev_known"]
        known = try row["known"]
    }

    func figures(of region: Region, umkm: Int) -> RegionFigures {
        RegionFigures(region: region, koperasiTotal: total, koperasiActive: active, umkm: umkm,
                      previousActive: previousKnown > 0 ? previous : nil, hasStatus: known > 0)
    }
}
