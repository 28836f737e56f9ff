import Foundation
import GRDB
import PantauCore

/// One file of an import: header, rows and checks into the staging area, then the staged rows into the database.
struct FileImporter {
    /// The file being read. A server import lets it go once every row is staged (see `closeSource`): a workbook's
    /// shared strings may be large, and the staged rows are all it needs from then on.
    var source: TableSource!
    /// How problems name the file: its path, or `path:Sheet`.
    let location: String
    let unit: ImportUnit
    let index: Int
    let request: ImportRequest
    let db: Database
    var upsert: Upsert
    var warnings: [ImportProblem] = []
    private var unlistedWarnings = 0
    /// Rows read, and rows that repeat an earlier one exactly; the rest comes when the rows are moved in.
    var summary: ImportSummary.File
    var map = ImportSchema.HeaderMap()
    /// The region of every row of a sheet without a region column, from the sheet's name.
    var sheetRegion: String?
    /// How many fields the header row has.
    var headerWidth = 0
    private var regions: [String: Result<Region, PantauError>] = [:]
    private var unknownRegions = 0

    init(_ unit: ImportUnit, index: Int, request: ImportRequest, db: Database) throws {
        source = try TableSource(path: unit.path, encoding: request.encoding, sheet: unit.sheet, lang: request.lang)
        self.unit = unit
        self.index = index
        self.request = request
        self.db = db
        location = source.location
        summary = ImportSummary.File(location: location)
        upsert = Upsert(db: db, who: request.who, note: (request.lang == .en ? "import " : "impor ") + (unit.path as NSString).lastPathComponent,
                        audited: request.audited, dryRun: request.dryRun)
    }

    func t(_ id: String, _ en: String) -> String { request.lang == .en ? en : id }

    private var present: Set<String> { Set(map.index.keys) }

    /// Reads and checks every row, and stages the good ones; problems go to `note`.
    mutating func stage(note: ([ImportProblem]) -> Void, progress: (Int, Int) -> Void) throws {
        var rowsAfterHeader = try readHeader()[...]
        let rows = RowClassifier(map: map, kind: request.kind)
        let delimited = source.encoding != nil
        while let sourceRow = try rowsAfterHeader.popFirst() ?? source.nextRow() {
            let (line, fields) = (sourceRow.line, sourceRow.fields)
            switch rows.kind(of: fields) {
            case .empty: continue
            case .total(let label): summary.preview.passOver(totalRow: label, line: line); continue
            case .record: break
            }
            summary.rows += 1
            if summary.rows % 4096 == 0 { progress(summary.rows, source.bytesRead) }
            var row = ImportRow(fields: fields, map: map, location: location, line: line, lang: request.lang)
            if !sourceRow.formulasWithoutValue.isEmpty {
                row.formulasWithoutValue(sourceRow.formulasWithoutValue)
                if !row.problems.isEmpty { note(row.problems); continue }
            }
            if delimited && fields.count < headerWidth {
                row.problem(nil, t("hanya \(fields.count) kolom, padahal judul punya \(headerWidth); ada pemisah yang hilang atau tanda kutip yang tidak ditutup",
                                   "has \(fields.count) fields but the header has \(headerWidth); a delimiter is missing or a quote is not closed"))
                note(row.problems)
                continue
            }
            guard let record = parse(&row) else { note(row.problems); continue }
            if try isOnAnotherSheet(record, &row) { note(row.problems); continue }
            // One warning per cell could be a million: the first few are listed, all are counted.
            for warning in row.warnings {
                if warnings.count < ImportFailure.listLimit { warnings.append(warning) } else { unlistedWarnings += 1 }
            }
            if case .umkm(let u) = record.value {
                switch try ImportStaging.stage(db, file: index, line: line, u) {
                case .staged: break
                case .sameAsEarlier: summary.unchanged += 1
                case .differsFromEarlier:
                    row.problem(record.keyColumn, t("\(record.keyLabel) sudah ada di baris sebelumnya dengan isi berbeda; simpan salah satunya saja",
                                                    "\(record.keyLabel) is also on an earlier line with different contents; keep only one of the rows"))
                    note(row.problems)
                }
                continue
            }
            // The same key twice in one file must say the same thing.
            try db.cachedStatement(sql: "INSERT INTO temp.import_seen(file, key, digest, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .execute(arguments: [index, record.key, record.digest, line])
            if db.changesCount == 0 {
                let earlier = try Row.fetchOne(db.cachedStatement(sql: "SELECT digest, line FROM temp.import_seen WHERE file = ? AND key = ?"),
                                               arguments: [index, record.key])!
                if earlier["digest"] as String != record.digest {
                    row.problem(record.keyColumn, t("\(record.keyLabel) sama dengan baris \(earlier["line"] as Int) tetapi isinya berbeda; simpan salah satunya saja",
                                                    "\(record.keyLabel) is also on line \(earlier["line"] as Int) with different contents; keep only one of the two rows"))
                    note(row.problems)
                } else {
                    summary.unchanged += 1
                }
                continue
            }
            try ImportStaging.stage(db, file: index, line: line, fields: fields)
        }
        progress(summary.rows, source.bytesRead)
        summary.warned = warnings.count + unlistedWarnings
        summary.encoding = source.encoding
    }

    /// Writes the staged rows (a dry run only counts them), counted against the records as they are now.
    mutating func move() throws -> ImportSummary.File {
        var file = summary
        upsert.now = Store.now()
        if request.kind == .umkm {
            let counts = try ImportStaging.moveUmkm(db, file: index, fields: present, upsert: upsert)
            file.inserted += counts.inserted
            file.updated += counts.updated
            file.unchanged += counts.unchanged
        } else {
            // One record at a time, as it comes out of the staging area: memory stays the same whatever the file's size.
            let (upsert, present) = (upsert, present)
            try forEachCheckedRecord { record in
                switch try Self.write(record.record, with: upsert, present: present) {
                case .inserted: file.inserted += 1
                case .updated: file.updated += 1
                case .unchanged: file.unchanged += 1
                }
            }
        }
        if request.kind == .umkm && file.inserted > 0 && request.audited && !request.dryRun {
            try Store.audit(db, entity: "umkm", record: (location as NSString).lastPathComponent, field: "impor", old: nil,
                            new: t("\(file.inserted) ditambah", "\(file.inserted) added"), note: upsert.note, who: request.who)
        }
        return file
    }

    /// The staged rows of a file of any kind but UMKM (those stay in the staging area), parsed again into records one
    /// at a time in file order, from the line after `afterLine` and at most `limit` of them: checked when staged, so
    /// parsing again gives the same records.
    mutating func forEachCheckedRecord(afterLine: Int = 0, limit: Int = .max, _ body: (CheckedRecord) throws -> Void) throws {
        let rows = try ImportStaging.rows(db, file: index, afterLine: afterLine, limit: limit)
        while let staged = try rows.next() {
            var row = ImportRow(fields: try ImportStaging.fields(staged), map: map, location: location, line: staged["line"], lang: request.lang)
            guard let record = parse(&row) else { throw ImportFailure(problems: row.problems, unlisted: 0) }
            try body(CheckedRecord(line: row.line, record: record.value))
        }
    }

    /// Lets the file go (its records are parsed again from the staging area).
    mutating func closeSource() { source = nil }

    /// The canonical columns the file has.
    var columns: Set<String> { present }

    private static func write(_ record: ImportRecord, with upsert: Upsert, present: Set<String>) throws -> UpsertOutcome {
        switch record {
        case .koperasi(let k): try upsert.koperasi(k, fields: present)
        case .umkm: .unchanged  // moved in all at once (see ImportStaging.moveUmkm)
        case .pelatihan(let p): try upsert.pelatihan(p)
        case .target(let t): try upsert.target(t)
        }
    }

    /// A kabupaten/kota or kecamatan given by code or name (a province or none at all for targets and training).
    private mutating func region(_ row: inout ImportRow, _ column: String, levels: Set<RegionLevel>, required: Bool) -> String? {
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

    private mutating func parse(_ row: inout ImportRow) -> Parsed? {
        switch request.kind {
        case .koperasi:
            let nik = row.digits("nik", length: 16, what: "NIK", required: true)
            let nama = row.text("nama", required: true)
            let code = region(&row, "kode_wilayah", levels: Self.placed, required: true)
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
            let code = region(&row, "kode_wilayah", levels: Self.placed, required: true)
            let year = row.year("tahun_binaan", required: true)
            guard row.problems.isEmpty, let nama, let code, let year else { return nil }
            let u = Umkm(nib: nib, namaUsaha: nama, regionCode: code, sektor: row.text("sektor") ?? "", tahunBinaan: year)
            // UMKM find their duplicates through the table itself (see Upsert.umkm): no key or digest to build per row.
            return Parsed(value: .umkm(u), key: "", keyColumn: nib == nil ? "nama_usaha" : "nib",
                          keyLabel: nib.map { "NIB \($0)" } ?? "\"\(Excerpt.of(nama))\"", digest: "")
        case .pelatihan:
            let nama = row.text("nama", required: true)
            let batch = row.count("angkatan", required: true)
            let code = region(&row, "kode_wilayah", levels: [.provinsi, .kabupaten, .kecamatan], required: true)
            let p = Pelatihan(nama: nama ?? "", angkatan: batch ?? 0, tanggalMulai: row.date("tanggal_mulai"), tanggalSelesai: row.date("tanggal_selesai"),
                              tempat: row.text("tempat") ?? "", regionCode: code ?? "", jumlahKoperasi: row.count("jumlah_koperasi"),
                              jumlahPeserta: row.count("jumlah_peserta"), topik: row.text("topik") ?? "", sumberDana: row.text("sumber_dana") ?? "")
            guard row.problems.isEmpty else { return nil }
            return Parsed(value: .pelatihan(p), key: "\(p.nama)#\(p.angkatan)", keyColumn: "angkatan", keyLabel: "\(Excerpt.of(p.nama)) angkatan \(p.angkatan)",
                          digest: row.digest)
        case .target:
            let code = row.raw("kode_wilayah") == nil ? "" : region(&row, "kode_wilayah", levels: Set(RegionLevel.allCases), required: false)
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
