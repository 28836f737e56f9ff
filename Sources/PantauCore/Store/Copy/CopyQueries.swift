/// The reads of `pantau copy`, in the SQL both stores speak alike (their tables share names and columns): each
/// shared table's rows inside a region, in key order. `parameter` is how the store's driver names the one
/// parameter, the region's code (empty for the whole country); `asText` turns a column into text where the
/// driver decodes by type.
package enum CopyQueries {
    package static func select(_ table: CopyTable, scope: Region, parameter p: String, asText: (String) -> String) -> String {
        let inScope = scope.level.column.map { "k.\($0) = \(p)" } ?? "\(p) = ''"
        let placed = "(\(p) = '' OR region_code = \(p) OR region_code LIKE \(p) || '.%')"
        // A region's UMKM are a range of codes: 64.08 up to 64.08/ ('/' follows '.'), as `TallyQueries.upperBound`.
        let umkmInScope = "(\(p) = '' OR (k.region_code >= \(p) AND k.region_code < \(p) || '/'))"
        func columns(_ prefix: String = "") -> String { table.columns.map { asText(prefix + $0) }.joined(separator: ", ") }
        switch table {
        case .koperasi: return "SELECT \(columns()) FROM koperasi k WHERE \(inScope) ORDER BY nik"
        case .koperasiStatus, .koperasiRAT:
            return "SELECT \(columns("c.")) FROM \(table.rawValue) c JOIN koperasi k ON k.nik = c.nik WHERE \(inScope) ORDER BY c.nik, c.year"
        case .evaluation: return "SELECT \(columns("c.")) FROM evaluation c JOIN koperasi k ON k.nik = c.nik WHERE \(inScope) ORDER BY c.nik, c.id"
        case .umkm: return "SELECT \(columns()) FROM umkm k WHERE \(umkmInScope) ORDER BY id"
        case .pelatihan: return "SELECT \(columns()) FROM pelatihan WHERE \(placed) ORDER BY nama, angkatan"
        case .target: return "SELECT \(columns()) FROM target WHERE \(placed) ORDER BY region_code, indicator"
        case .audit:
            // The history of the records inside the region; for the whole country everything (settings, rights, imports).
            return """
                SELECT \(columns()) FROM audit WHERE \(p) = ''
                   OR (entity = 'koperasi' AND record IN (SELECT nik FROM koperasi k WHERE \(inScope)))
                   OR (entity = 'umkm' AND record IN (SELECT coalesce(nib, nama_usaha) FROM umkm k WHERE \(umkmInScope)))
                   OR (entity = 'pelatihan' AND record IN (SELECT nama || ' #' || angkatan FROM pelatihan WHERE \(placed)))
                   OR (entity = 'target' AND record IN (SELECT region_code || '/' || indicator FROM target WHERE \(placed)))
                ORDER BY id
                """
        }
    }
}
