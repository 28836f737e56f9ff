import Foundation

/// One kind of record as exported from the sample database, changed so that importing it updates every row.
struct BaseExport: Sendable {
    /// koperasi or umkm: what `pantau import` is told.
    var kind: String
    /// The CSV export with one field of every row changed.
    var csv: Data
    /// The .xlsx export of those same changed rows (`pantau export --format xlsx`).
    var xlsx: Data
    /// The parts of that workbook, in stored order.
    var parts: [WorkbookPart]
    var header: [String]
    /// Data rows (the header not counted).
    var rows: Int

    /// The CSV as lines without their newline, the header first.
    var lines: [Data] { csv.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map { Data($0) } }

    var sheet: String { String(decoding: part("xl/worksheets/sheet1.xml")!, as: UTF8.self) }

    func part(_ name: String) -> Data? {
        guard let part = parts.first(where: { $0.name == name }), case .bytes(let data) = part.pieces.first else { return nil }
        return data
    }

    /// The parts with some replaced (by name), added (new names) or left out (`nil`).
    func parts(replacing changes: [String: Data?]) -> [WorkbookPart] {
        var result: [WorkbookPart] = []
        for part in parts {
            if let change = changes[part.name] {
                if let data = change { result.append(WorkbookPart(part.name, data)) }
            } else {
                result.append(part)
            }
        }
        for (name, data) in changes where !parts.contains(where: { $0.name == name }) {
            if let data { result.append(WorkbookPart(name, data)) }
        }
        return result
    }
}

/// The sample database every case starts from, its dump, and the exports the cases are derived from.
struct SampleBase: Sendable {
    /// A database made by `pantau init --sample`; each case imports into a copy of it.
    var template: String
    /// `sqlite3 TEMPLATE .dump`: what a refused import must leave.
    var templateDump: Data
    var koperasi: BaseExport
    var umkm: BaseExport

    /// The exports cover one kabupaten (koperasi) and one kecamatan (UMKM): about a hundred rows each, quick to import.
    static func make(in folder: URL, binary: String) throws -> SampleBase {
        let template = folder.appendingPathComponent("template.db").path
        try pantau(binary, ["init", "--sample", "--db", template], in: folder)
        let scratch = folder.appendingPathComponent("scratch.db").path
        try FileManager.default.copyItem(atPath: template, toPath: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        func export(_ kind: String, scope: String, change: (inout [String], [String]) -> Void) throws -> BaseExport {
            let exported = folder.appendingPathComponent("\(kind)-export.csv")
            try pantau(binary, ["export", kind, "--scope", scope, "-o", exported.path, "--db", template], in: folder)
            let text = try String(contentsOf: exported, encoding: .utf8)
            var lines = text.split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for i in 1 ..< lines.count where !lines[i].contains("\"") {
                var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                change(&fields, header)
                lines[i] = fields.joined(separator: ",")
            }
            let csv = Data((lines.joined(separator: "\n") + "\n").utf8)
            let changed = folder.appendingPathComponent("\(kind).csv"), workbook = folder.appendingPathComponent("\(kind).xlsx")
            try csv.write(to: changed)
            // A real workbook of the changed rows: import them into a scratch copy, export that.
            try pantau(binary, ["import", kind, changed.path, "--db", scratch], in: folder)
            try pantau(binary, ["export", kind, "--scope", scope, "--format", "xlsx", "-o", workbook.path, "--db", scratch], in: folder)
            return BaseExport(kind: kind, csv: csv, xlsx: try Data(contentsOf: workbook), parts: try Workbook.parts(of: workbook),
                              header: header, rows: lines.count - 1)
        }
        let koperasi = try export("koperasi", scope: "64.11") { fields, header in
            if let i = header.firstIndex(of: "jumlah_anggota"), let n = Int(fields[i]) { fields[i] = String(n + 1) }
        }
        // Not the name: UMKM without NIB are known by name and region, so a new name would be a new UMKM.
        let umkm = try export("umkm", scope: "65.04.02") { fields, header in
            if let i = header.firstIndex(of: "sektor") { fields[i] += " olahan" }
        }
        return SampleBase(template: template, templateDump: try dump(template, scratch: folder), koperasi: koperasi, umkm: umkm)
    }

    func export(_ kind: String) -> BaseExport { kind == "koperasi" ? koperasi : umkm }

    /// The whole database as SQL text, table by table.
    static func dump(_ database: String, table: String? = nil, scratch: URL) throws -> Data {
        let run = try ChildProcess.run("/usr/bin/sqlite3", [database, table.map { ".dump \($0)" } ?? ".dump"], scratch: scratch)
        guard run.exitStatus == 0 else { throw FuzzSetupError("sqlite3 .dump \(database) failed: \(run.stderrText)") }
        return run.stdout
    }

    private static func pantau(_ binary: String, _ arguments: [String], in folder: URL) throws {
        let run = try ChildProcess.run(binary, arguments, scratch: folder)
        guard run.exitStatus == 0 else {
            throw FuzzSetupError("pantau \(arguments.joined(separator: " ")) failed: \(run.stderrText)")
        }
    }
}

struct FuzzSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
