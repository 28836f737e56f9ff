import GRDB
import PantauCore

extension Store {
    /// The years with koperasi status records inside the region, oldest first.
    public func years(in scope: Region) throws -> [Int] {
        try read { db in
            let years = try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM koperasi_status ORDER BY year")
            guard let column = scope.level.column else { return years }
            return try years.filter { year in
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik AND s.year = ?
                                   WHERE k.\(column) = ?)
                    """, arguments: [year, scope.code]) ?? false
            }
        }
    }

    /// The scope's figures in one year.
    public func figures(of scope: Region, year: Int) throws -> RegionFigures {
        try read { db in
            let filter = scope.level.column.map { "k.\($0) = :code" } ?? "1"
            let umkmFilter = scope.level.column.map { "\($0) = :code" } ?? "1"
            let args: StatementArguments = ["code": scope.code, "year": year]
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS total, COALESCE(SUM(s.active), 0) AS active, COALESCE(SUM(p.active), 0) AS prev,
                       COUNT(p.nik) AS prev_known, COUNT(s.nik) AS known
                FROM koperasi k
                LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = :year
                LEFT JOIN koperasi_status p ON p.nik = k.nik AND p.year = :year - 1
                WHERE \(filter) AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= :year)
                """, arguments: args)!
            let umkm = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM umkm WHERE \(umkmFilter) AND tahun_binaan <= :year", arguments: args) ?? 0
            let prevKnown: Int = row["prev_known"]
            return RegionFigures(region: scope, koperasiTotal: row["total"], koperasiActive: row["active"], umkm: umkm,
                                 previousActive: prevKnown > 0 ? row["prev"] : nil, hasStatus: (row["known"] as Int) > 0)
        }
    }

    /// The figures of each region directly inside the scope (provinces, kabupaten/kota or kecamatan) in one year.
    /// Records placed on a kabupaten without a kecamatan form a row of their own, so rows always add up to the total.
    public func childFigures(of scope: Region, year: Int) throws -> [RegionFigures] {
        guard let childColumn = scope.level.childLevel?.column, scope.level != .kecamatan else { return [] }
        return try read { db in
            let filter = scope.level.column.map { "k.\($0) = :code" } ?? "1"
            let umkmFilter = scope.level.column.map { "\($0) = :code" } ?? "1"
            let args: StatementArguments = ["code": scope.code, "year": year]
            var koperasi: [String: (Int, Int, Int, Int, Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT k.\(childColumn) AS code, COUNT(*) AS total, COALESCE(SUM(s.active), 0) AS active,
                       COALESCE(SUM(p.active), 0) AS prev, COUNT(p.nik) AS prev_known, COUNT(s.nik) AS known
                FROM koperasi k
                LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = :year
                LEFT JOIN koperasi_status p ON p.nik = k.nik AND p.year = :year - 1
                WHERE \(filter) AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= :year)
                GROUP BY k.\(childColumn)
                """, arguments: args) {
                let code: String? = row["code"]
                koperasi[code ?? ""] = (row["total"], row["active"], row["prev"], row["prev_known"], row["known"])
            }
            var umkm: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT \(childColumn) AS code, COUNT(*) AS n FROM umkm WHERE \(umkmFilter) AND tahun_binaan <= :year GROUP BY \(childColumn)
                """, arguments: args) {
                let code: String? = row["code"]
                umkm[code ?? "", default: 0] += row["n"]
            }
            let regionRows = try Row.fetchAll(db, sql: "SELECT code, name, level FROM region WHERE parent = ? ORDER BY code", arguments: [scope.code])
            var result = regionRows.compactMap { row -> RegionFigures? in
                guard let level = RegionLevel(rawValue: row["level"]) else { return nil }
                return Self.makeFigures(Region(code: row["code"], name: row["name"], level: level), koperasi, umkm)
            }
            if koperasi[""] != nil || umkm[""] != nil {
                let unplaced = Region(code: scope.code, name: scope.level == .kabupaten ? "(kecamatan tidak diketahui)" : "(tidak diketahui)",
                                      level: scope.level)
                result.append(Self.makeFigures(unplaced, koperasi, umkm, key: ""))
            }
            return result
        }
    }

    private static func makeFigures(_ region: Region, _ koperasi: [String: (Int, Int, Int, Int, Int)], _ umkm: [String: Int],
                                    key: String? = nil) -> RegionFigures {
        let k = koperasi[key ?? region.code] ?? (0, 0, 0, 0, 0)
        return RegionFigures(region: region, koperasiTotal: k.0, koperasiActive: k.1, umkm: umkm[key ?? region.code] ?? 0,
                             previousActive: k.3 > 0 ? k.2 : nil, hasStatus: k.4 > 0)
    }

    /// Total and active koperasi and UMKM of the scope for every year with data, oldest first.
    public func yearlyFigures(of scope: Region) throws -> [YearFigures] {
        try years(in: scope).map { year in
            let f = try figures(of: scope, year: year)
            return YearFigures(year: year, koperasiTotal: f.koperasiTotal, koperasiActive: f.koperasiActive, umkm: f.umkm)
        }
    }
}

extension Store {
    /// Every province that has koperasi, with its kabupaten/kota, in one pass over the koperasi. UMKM are not
    /// counted here (the list does not show them, and with millions of records the count would cost seconds).
    public func districtFigures(year: Int) throws -> [ProvinceFigures] {
        try read { db in
            struct Counts { var total = 0, active = 0, known = 0 }
            var byDistrict: [String: Counts] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT k.prov, k.kab, COUNT(*) AS total, COALESCE(SUM(s.active), 0) AS active, COUNT(s.nik) AS known
                FROM koperasi k LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = :year
                WHERE k.tahun_berdiri IS NULL OR k.tahun_berdiri <= :year
                GROUP BY k.prov, k.kab
                """, arguments: ["year": year]) {
                let kab: String? = row["kab"]
                byDistrict[kab ?? row["prov"], default: Counts()].total += row["total"]
                byDistrict[kab ?? row["prov"]]!.active += row["active"]
                byDistrict[kab ?? row["prov"]]!.known += row["known"]
            }
            let provinces = Set(byDistrict.keys.map { String($0.prefix(2)) }).sorted()
            return try provinces.compactMap { code -> ProvinceFigures? in
                guard let province = try Self.fetchRegion(db, code: code) else { return nil }
                let districts = try Row.fetchAll(db, sql: "SELECT code, name FROM region WHERE parent = ? ORDER BY code", arguments: [code])
                    .map { row -> RegionFigures in
                        let c = byDistrict[row["code"]] ?? Counts()
                        return RegionFigures(region: Region(code: row["code"], name: row["name"], level: .kabupaten), koperasiTotal: c.total,
                                             koperasiActive: c.active, umkm: 0, hasStatus: c.known > 0)
                    }
                let own = byDistrict[code] ?? Counts()
                let sum = districts.reduce(own) { acc, d in
                    Counts(total: acc.total + d.koperasiTotal, active: acc.active + d.koperasiActive, known: acc.known + (d.hasStatus ? 1 : 0))
                }
                return ProvinceFigures(
                    province: RegionFigures(region: province, koperasiTotal: sum.total, koperasiActive: sum.active, umkm: 0,
                                            hasStatus: sum.known > 0),
                    districts: districts)
            }
        }
    }
}
