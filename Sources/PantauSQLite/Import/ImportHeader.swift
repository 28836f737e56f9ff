import Foundation
import PantauCore

/// A file or sheet without a header row: a problem, except for a sheet of `--all-sheets`, which is passed over.
struct NoHeader: Error {
    /// `file.xlsx:Sheet`.
    let location: String
    let problem: ImportProblem
}

extension FileImporter {
    /// Finds the header (see HeaderFinder) and what each column feeds; for a sheet without a region column, the
    /// kecamatan its name gives. Returns the rows read past the header, the first of the data.
    mutating func readHeader() throws -> [SourceRow] {
        let kind = request.kind
        let regionRequired = ImportSchema.columns(kind).contains { $0.name == ImportSchema.region.name && $0.required }
        let header: HeaderFinder.Header, rowsAfter: [SourceRow]
        switch try HeaderFinder.find(in: source, kind: kind, regionElsewhere: source.sheet != nil && regionRequired) {
        case .found(let found, let rows):
            (header, rowsAfter) = (found, rows)
        case .notFound(let closest?, _):
            throw ImportProblem.row(path: source.location, line: closest.line, column: nil, message: t(
                "kolom wajib tidak ada: \(closest.map.missing.joined(separator: ", ")); tambahkan kolom itu (lihat pantau import --template \(kind.rawValue))",
                "required columns are missing: \(closest.map.missing.joined(separator: ", ")); add them (see pantau import --template \(kind.rawValue))"))
        case .notFound(nil, let empty):
            throw NoHeader(location: source.location, problem: .file(path: source.location, message: noHeader(empty: empty)))
        }
        map = header.map
        headerWidth = header.names.count
        source.limitColumns(to: header.names.count)
        summary.preview = ImportPreview(header: header, sheet: source.sheet)
        for name in map.unknown {
            warnings.append(.row(path: source.location, line: header.line, column: name, message: t("kolom tidak dikenal, diabaikan", "unknown column, ignored")))
        }
        // The first sheet of a workbook kept one sheet per kecamatan: say that the others were not read.
        if unit.sheet == nil, source.sheetNames.count > 1, let names = otherSheetsWithHeader() {
            warnings.append(.file(path: source.location, message: t("hanya lembar ini yang dibaca; lembar \(names) juga punya judul kolom: impor semuanya dengan --all-sheets",
                                                                    "only this sheet was read; the sheets \(names) have a header too: import them all with --all-sheets")))
        }
        if regionRequired, map.index[ImportSchema.region.name] == nil, let sheet = source.sheet {
            let region = try regionFromSheet(sheet, headerLine: header.line)
            sheetRegion = region.code
            summary.preview.regionFromSheet = region.label
        }
        return rowsAfter
    }

    /// Why there is no header, and for a workbook whose other sheets have one, a pointer to `--all-sheets`.
    private func noHeader(empty: Bool) -> String {
        let kind = request.kind
        let required = ImportSchema.columns(kind).filter(\.required).map(\.name).joined(separator: ", ")
        var message = empty && source.sheet == nil
            ? t("kosong; baris pertama harus berisi nama kolom", "is empty; its first line must name the columns")
            : t("tidak ada baris judul kolom di \(HeaderFinder.rowsSearched) baris pertama; judul kolom harus memuat paling sedikit: \(required) (lihat pantau import --template \(kind.rawValue))",
                "no header row in the first \(HeaderFinder.rowsSearched) rows; the header must name at least: \(required) (see pantau import --template \(kind.rawValue))")
        if !unit.oneOfAllSheets, let names = otherSheetsWithHeader() {
            message += t("; lembar \(names) punya judul kolom: impor semuanya dengan --all-sheets",
                         "; the sheets \(names) have one: import them all with --all-sheets")
        }
        return message
    }

    /// The other sheets of this workbook that have a header of this kind, listed for a message; nil when none has.
    private func otherSheetsWithHeader() -> String? {
        guard let sheet = source.sheet else { return nil }
        let others = WorkbookSheets.withHeader(path: unit.path, names: source.sheetNames, except: sheet, kind: request.kind, lang: request.lang)
        return others.isEmpty ? nil : WorkbookSheets.list(others)
    }

    /// The kecamatan a sheet's name gives, found as SheetRegion says; never a guess.
    private func regionFromSheet(_ sheet: String, headerLine: Int) throws -> (code: String, label: String) {
        let name = Excerpt.of(sheet)
        switch try SheetRegion.lookup(sheet: sheet, db) {
        case .found(let region, let label):
            return (region.code, label)
        case .notAKecamatan(let office):
            throw ImportProblem.row(path: source.location, line: headerLine, column: nil, message: t(
                "tidak punya kolom wilayah, dan nama lembar \"\(name)\" bukan kecamatan di \(office); tambahkan kolom Kecamatan (nama atau kode seperti 64.08.03) atau beri lembar nama kecamatannya",
                "has no region column, and the sheet name \"\(name)\" is not a kecamatan of \(office); add a Kecamatan column (a name or a code such as 64.08.03) or name the sheet after its kecamatan"))
        case .noOffice:
            throw ImportProblem.row(path: source.location, line: headerLine, column: nil, message: t(
                "tidak punya kolom wilayah, dan wilayah kantor belum diatur, jadi nama lembar \"\(name)\" tidak bisa dicari; tambahkan kolom Kecamatan atau atur pantau setting office_region",
                "has no region column, and the office's region is not set, so the sheet name \"\(name)\" cannot be looked up; add a Kecamatan column or set pantau setting office_region"))
        }
    }
}
