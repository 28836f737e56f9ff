import Foundation
import GRDB
import PantauCore

/// The checking half of reading a file: each row after the header classified, and a record's row parsed and
/// checked into the record, or into the problems that keep it out. Regions are looked up in the database the caller
/// gives, so the checks can run on a thread and connection of their own (see CheckAhead).
struct RowChecker: SpeaksTheRequestsLanguage {
    let request: ImportRequest
    /// How problems name the file: its path, or `path:Sheet`.
    let location: String
    let map: ImportSchema.HeaderMap
    /// How many fields the header row has (a delimited row with fewer lost a delimiter or a quote).
    let headerWidth: Int
    let delimited: Bool
    /// The region of every row of a sheet without a region column, from the sheet's name.
    let sheetRegion: String?
    private let classifier: RowClassifier
    private var regions: [String: Result<Region, PantauError>] = [:]
    private var unknownRegions = 0

    init(request: ImportRequest, location: String, map: ImportSchema.HeaderMap, headerWidth: Int, delimited: Bool, sheetRegion: String?) {
        self.request = request
        self.location = location
        self.map = map
        self.headerWidth = headerWidth
        self.delimited = delimited
        self.sheetRegion = sheetRegion
        classifier = RowClassifier(map: map, kind: request.kind)
    }

    /// What a row of the file is, once checked.
    enum Checked {
        /// A row that only sums the rows above it ("Jumlah"): passed over, and said so in the preview.
        case total(label: String, line: Int)
        /// A record's row with problems: it stays out, and the import fails.
        case rejected([ImportProblem])
        /// A record, with its row for the checks that need the staging area (and for its warnings).
        case record(ImportRow, Parsed)
    }

    /// Checks one row of the file; nil for an empty row.
    mutating func check(_ sourceRow: SourceRow, _ db: Database) -> Checked? {
        let (line, fields) = (sourceRow.line, sourceRow.fields)
        switch classifier.kind(of: fields) {
        case .empty: return nil
        case .total(let label): return .total(label: label, line: line)
        case .record: break
        }
        var row = ImportRow(fields: fields, map: map, location: location, line: line, lang: request.lang)
        if !sourceRow.formulasWithoutValue.isEmpty {
            row.formulasWithoutValue(sourceRow.formulasWithoutValue)
            if !row.problems.isEmpty { return .rejected(row.problems) }
        }
        if delimited && fields.count < headerWidth {
            row.problem(nil, t("hanya \(fields.count) kolom, padahal judul punya \(headerWidth); ada pemisah yang hilang atau tanda kutip yang tidak ditutup",
                               "has \(fields.count) fields but the header has \(headerWidth); a delimiter is missing or a quote is not closed"))
            return .rejected(row.problems)
        }
        guard let record = parse(&row, db) else { return .rejected(row.problems) }
        return .record(row, record)
    }

    /// A kabupaten/kota or kecamatan given by code or name (a province or none at all for targets and training).
    private mutating func region(_ row: inout ImportRow, _ column: String, levels: Set<RegionLevel>, required: Bool, _ db: Database) -> String? {
        if row.map.index[column] == nil, let sheetRegion { return sheetRegion }
        guard let value = row.raw(column) else {
            if required { row.problem(column, t("kosong; isi kode wilayah seperti 64.08.03 atau nama kecamatan", "is empty; give a region code such as 64.08.03 or a name")) }
            return nil
        }
        let result: Result<Region, PantauError>
        if let cached = regions[value] {
            result = cached
        } else {
            let raw = value
            var value = value
            // A spreadsheet that took "64.10" for a number writes it back as "64.1".
            let u = Array(value.utf8)
            if u.count == 4, u[2] == UInt8(ascii: "."), u.allSatisfy({ $0 == UInt8(ascii: ".") || (48...57).contains($0) }) { value += "0" }
            // Past the problems a failed import lists, a suggestion would never be shown: skip its search.
            let suggesting = unknownRegions < ImportFailure.listLimit
            do {
                result = .success(try Store.resolveRegion(db, value, suggesting: suggesting))
            } catch let error as PantauError {
                result = .failure(error)
            } catch {
                result = .failure(.regionNotFound(query: Excerpt.of(value), suggestions: []))
            }
            // A hostile file may hold a million different wrong names: only the first few failures are kept.
            if case .failure = result { unknownRegions += 1 }
            if case .success = result { regions[raw] = result } else if suggesting { regions[raw] = result }
        }
        switch result {
        case .success(let region) where levels.contains(region.level):
            return region.code
        case .success(let region):
            row.problem(column, t("\(region.name) adalah \(region.level.rawValue); berikan kabupaten/kota atau kecamatan", "\(region.name) is a \(region.level.rawValue); give a kabupaten/kota or kecamatan"))
        case .failure(let error):
            row.problem(column, error.message(request.lang))
        }
        return nil
    }

    struct Parsed {
        var value: ImportRecord
        var key: String
        var keyColumn: String
        var keyLabel: String
        var digest: String
    }

    /// Where a koperasi or UMKM may be: made once, not per row.
    private static let placed: Set<RegionLevel> = [.kabupaten, .kecamatan]

    mutating func parse(_ row: inout ImportRow, _ db: Database) -> Parsed? {
        switch request.kind {
        case .koperasi:
            let nik = row.digits("nik", length: 16, what: "NIK", required: true)
            let nama = row.text("nama", required: true)
            let code = region(&row, "kode_wilayah", levels: Self.placed, required: true, db)
            let jenis = row.choice("jenis", CanonicalCSV.jenis, options: Jenis.allCases.map(\.rawValue), required: true)
            var k = Koperasi(nik: nik ?? "", nama: nama ?? "", regionCode: code ?? "", jenis: jenis ?? .serbaUsaha)
            k.sektor = row.text("sektor") ?? ""
            k.kemitraan = row.choice("kemitraan", { Kemitraan(rawValue: $0.lowercased()) }, options: Kemitraan.allCases.map(\.rawValue))
            k.anggota = row.count("jumlah_anggota")
            k.tahunBerdiri = row.year("tahun_berdiri")
            k.kesehatan = row.choice("kesehatan", CanonicalCSV.kesehatan, options: Kesehatan.allCases.map(\.rawValue))
            k.evaluation = row.choice("hasil_evaluasi", { EvaluationOutcome(rawValue: $0.lowercased()) }, options: EvaluationOutcome.allCases.map(\.rawValue))
            if let last = row.year("tahun_rat_terakhir") { k.ratYears.insert(last) }
            if let history = row.raw("riwayat_rat") {
                for part in history.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," || $0 == "|" }) {
                    if let year = row.checkedYear(String(part), "riwayat_rat") { k.ratYears.insert(year) }
                }
            }
            for (index, year) in row.map.statusYears {
                if let active = row.status(at: index, column: "aktif_\(year)", nik: nik) { k.status[year] = active }
            }
            guard row.problems.isEmpty else { return nil }
            return Parsed(value: .koperasi(k), key: k.nik, keyColumn: "nik", keyLabel: "NIK \(k.nik)", digest: row.digest)
        case .umkm:
            let nib = row.digits("nib", length: 13, what: "NIB", required: false)
            let nama = row.text("nama_usaha", required: true)
            let code = region(&row, "kode_wilayah", levels: Self.placed, required: true, db)
            let year = row.year("tahun_binaan", required: true)
            guard row.problems.isEmpty, let nama, let code, let year else { return nil }
            let u = Umkm(nib: nib, namaUsaha: nama, regionCode: code, sektor: row.text("sektor") ?? "", tahunBinaan: year)
            // UMKM find their duplicates through the table itself (see Upsert.umkm): no key or digest to build per row.
            return Parsed(value: .umkm(u), key: "", keyColumn: nib == nil ? "nama_usaha" : "nib",
                          keyLabel: nib.map { "NIB \($0)" } ?? "\"\(Excerpt.of(nama))\"", digest: "")
        case .pelatihan:
            let nama = row.text("nama", required: true)
            let batch = row.count("angkatan", required: true)
            let code = region(&row, "kode_wilayah", levels: [.provinsi, .kabupaten, .kecamatan], required: true, db)
            let p = Pelatihan(nama: nama ?? "", angkatan: batch ?? 0, tanggalMulai: row.date("tanggal_mulai"), tanggalSelesai: row.date("tanggal_selesai"),
                              tempat: row.text("tempat") ?? "", regionCode: code ?? "", jumlahKoperasi: row.count("jumlah_koperasi"),
                              jumlahPeserta: row.count("jumlah_peserta"), topik: row.text("topik") ?? "", sumberDana: row.text("sumber_dana") ?? "")
            guard row.problems.isEmpty else { return nil }
            return Parsed(value: .pelatihan(p), key: "\(p.nama)#\(p.angkatan)", keyColumn: "angkatan", keyLabel: "\(Excerpt.of(p.nama)) angkatan \(p.angkatan)",
                          digest: row.digest)
        case .target:
            let code = row.raw("kode_wilayah") == nil ? "" : region(&row, "kode_wilayah", levels: Set(RegionLevel.allCases), required: false, db)
            let indicator = row.choice("indikator", Indicator.init(rawValue:), options: Indicator.allCases.map(\.rawValue), required: true)
            let value = row.count("nilai", required: true)
            let year = row.year("tahun")
            let source = row.text("sumber", required: true)
            guard row.problems.isEmpty, let code, let indicator, let value, let source else { return nil }
            let target = Target(regionCode: code, indicator: indicator, value: value, year: year, source: source)
            return Parsed(value: .target(target), key: "\(code)/\(indicator.rawValue)", keyColumn: "indikator",
                          keyLabel: "\(indicator.rawValue) \(code)", digest: row.digest)
        }
    }
}

/// The reading and the checking of an import word their problems in the language the request asks for.
protocol SpeaksTheRequestsLanguage {
    var request: ImportRequest { get }
}

extension SpeaksTheRequestsLanguage {
    func t(_ id: String, _ en: String) -> String { request.lang == .en ? en : id }
}
