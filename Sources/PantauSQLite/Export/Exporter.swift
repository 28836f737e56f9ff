import Foundation
import GRDB
import PantauCore
extension Store {
    /// Streams a table in its canonical columns: the koperasi, UMKM, training batches or targets within a scope.
    /// Rows come in key order, so that exporting twice gives the same bytes.
    public func export(_ kind: ImportKind, scope: Region = .indonesia, year: Int? = nil, to sink: TableSink) throws {
        let filter = scope.level.column.map { "\($0) = :code" } ?? "1"
        try read { db in
            switch kind {
            case .koperasi:
                let years = try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM koperasi_status ORDER BY year").filter { year == nil || $0 == year }
                try sink.header(CanonicalCSV.koperasiHeader(years: years))
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT k.*,
                           (SELECT group_concat(s.year || ':' || s.active) FROM koperasi_status s WHERE s.nik = k.nik) AS statuses,
                           (SELECT group_concat(r.year, ' ') FROM (SELECT year FROM koperasi_rat WHERE nik = k.nik ORDER BY year) r) AS rats,
                           (SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1) AS outcome
                    FROM koperasi k WHERE \(filter) ORDER BY k.nik
                    """, arguments: ["code": scope.code])
                while let row = try rows.next() {
                    var k = Koperasi(nik: row["nik"], nama: row["nama"], regionCode: row["region_code"], jenis: Jenis(rawValue: row["jenis"]) ?? .serbaUsaha,
                                     sektor: row["sektor"], kemitraan: (row["kemitraan"] as String?).flatMap(Kemitraan.init), anggota: row["anggota"],
                                     tahunBerdiri: row["tahun_berdiri"], kesehatan: (row["kesehatan"] as String?).flatMap(Kesehatan.init),
                                     evaluation: (row["outcome"] as String?).flatMap(EvaluationOutcome.init))
                    for pair in ((row["statuses"] as String?) ?? "").split(separator: ",") {
                        let parts = pair.split(separator: ":")
                        if parts.count == 2, let y = Int(parts[0]) { k.status[y] = parts[1] == "1" }
                    }
                    k.ratYears = Set(((row["rats"] as String?) ?? "").split(separator: " ").compactMap { Int($0) })
                    try sink.row(CanonicalCSV.row(k, years: years))
                }
            case .umkm:
                try sink.header(CanonicalCSV.umkmColumns)
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT nib, nama_usaha, region_code, sektor, tahun_binaan FROM umkm
                    WHERE \(scope.code.isEmpty ? "1" : "region_code >= :code AND region_code < :upper") AND (:year IS NULL OR tahun_binaan <= :year)
                    ORDER BY region_code, nama_usaha, nib
                    """, arguments: ["code": scope.code, "upper": TallyQueries.upperBound(of: scope.code), "year": year])
                while let row = try rows.next() {
                    try sink.row(CanonicalCSV.row(Umkm(nib: row["nib"], namaUsaha: row["nama_usaha"], regionCode: row["region_code"],
                                                       sektor: row["sektor"], tahunBinaan: row["tahun_binaan"])))
                }
            case .pelatihan:
                try sink.header(CanonicalCSV.pelatihanColumns)
                for p in try trainingBatchesUnlocked(db, scope: scope) {
                    try sink.row([p.nama, String(p.angkatan), p.tanggalMulai ?? "", p.tanggalSelesai ?? "", p.tempat, p.regionCode,
                                  p.jumlahKoperasi.map(String.init) ?? "", p.jumlahPeserta.map(String.init) ?? "", p.topik, p.sumberDana])
                }
            case .target:
                try sink.header(CanonicalCSV.targetColumns)
                for row in try Row.fetchAll(db, sql: "SELECT * FROM target ORDER BY region_code, indicator") {
                    try sink.row([row["region_code"], row["indicator"], String(row["value"] as Int), (row["year"] as Int?).map(String.init) ?? "", row["source"]])
                }
            }
        }
        try sink.finish()
    }
}
