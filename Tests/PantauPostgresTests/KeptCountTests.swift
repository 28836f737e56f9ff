import Foundation
import PantauCore
import PantauSQLite
import PantauTestSupport
import Testing

/// The kept counts (`TallyRow`) against the records: long seeded sequences of every kind of write, on both stores,
/// each followed by the store's own recount. A difference names the step that made it.
@Suite struct KeptCountTests {
    typealias Kind = StoreBehaviourTests.Kind

    /// Rows a table export gives, kept in memory.
    final class Rows: TableSink, @unchecked Sendable {
        var columns: [String] = []
        var rows: [[String]] = []
        func header(_ columns: [String]) throws { self.columns = columns }
        func row(_ fields: [String]) throws { rows.append(fields) }
        func finish() throws {}
    }

    let kecamatan = (1...18).map { String(format: "64.08.%02d", $0) }

    @Test(arguments: Kind.allCases) func randomWritesKeepTheCountsEqualToTheRecords(_ kind: Kind) async throws {
        guard let store = try await StoreBehaviourTests().sample(kind) else { return }
        let original = try Store.open(at: try Fixtures.freshSampleDatabase(), readOnly: true)
        #expect(try await store.keptCountDifferences(limit: 5) == [])
        var random = SeededGenerator(seed: kind == .sqlite ? 2023 : 2024)
        for step in 1...40 {
            let done = try await write(store, original: original, using: &random, step: step)
            let differences = try await store.keptCountDifferences(limit: 5)
            #expect(differences == [], "step \(step): \(done)")
            if !differences.isEmpty { break }
        }
        // The figures still add up: the kecamatan rows of Kutai Timur sum to its total.
        let kutim = try await store.resolveRegion("64.08")
        let rows = try await store.childFigures(of: kutim, year: 2023)
        let total = try await store.figures(of: kutim, year: 2023)
        #expect(rows.reduce(0) { $0 + $1.koperasiTotal } == total.koperasiTotal)
        #expect(rows.reduce(0) { $0 + $1.koperasiActive } == total.koperasiActive)
        #expect(rows.reduce(0) { $0 + $1.umkm } == total.umkm)
    }

    /// One random write; returns what it did, for the message of a failure.
    func write(_ store: any PantauStore, original: Store, using random: inout SeededGenerator, step: Int) async throws -> String {
        let place = kecamatan.randomElement(using: &random)!
        let niks = try await store.koperasiRows(at: place, year: 2023).map(\.nik)
        guard let nik = niks.randomElement(using: &random) else { return "nothing in \(place)" }
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            let year = Int.random(in: 2012...2024, using: &random)
            try await store.recordRAT(nik: nik, year: year, heldOn: Bool.random(using: &random) ? "\(year + 1)-03-0\(step % 9 + 1)" : nil,
                                      note: "", who: "siti")
            return "RAT \(year) of \(nik)"
        case 1:
            let outcome = EvaluationOutcome.allCases.randomElement(using: &random)!
            try await store.evaluate(nik: nik, outcome: outcome, note: "", who: "budi")
            return "evaluation \(outcome) of \(nik)"
        case 2:
            let grade = Kesehatan.allCases.randomElement(using: &random)!
            let clear = Int.random(in: 0..<4, using: &random) == 0
            try await store.editKoperasi(nik: nik, members: Int.random(in: 0...500, using: &random), health: clear ? nil : grade,
                                         clearHealth: clear, note: "", who: "budi")
            return "edit of \(nik): \(clear ? "no grade" : grade.rawValue)"
        case 3:
            return try await importChangedKoperasi(store, at: place, using: &random)
        case 4:
            return try await importChangedUMKM(store, at: place, using: &random, step: step)
        case 5:
            let region = try await store.resolveRegion(place)
            let plan = try await store.mirror(try original.copyContents(scope: region), who: "siti")
            return "copy of \(place) from the sample: \(plan.changes.values.reduce(0) { $0 + $1.upserts.count + $1.deletes.count }) rows"
        default:
            let year = [2022, 2023].randomElement(using: &random)!
            try await store.recordRAT(nik: nik, year: year, heldOn: nil, note: "", who: "siti")
            return "RAT \(year) of \(nik)"
        }
    }

    /// Exports a kecamatan's koperasi, moves a few (to another kecamatan, or onto the kabupaten itself), changes their
    /// founding year, grade and 2023 status, and imports the changed rows.
    func importChangedKoperasi(_ store: any PantauStore, at place: String, using random: inout SeededGenerator) async throws -> String {
        let rows = Rows()
        try await store.export(.koperasi, scope: try await store.resolveRegion(place), year: nil, to: rows)
        let column = { (name: String) in rows.columns.firstIndex(of: name)! }
        var changed: [[String]] = []
        for var row in rows.rows.shuffled(using: &random).prefix(3) {
            row[column("kode_wilayah")] = Int.random(in: 0..<4, using: &random) == 0 ? "64.08" : kecamatan.randomElement(using: &random)!
            row[column("tahun_berdiri")] = Bool.random(using: &random) ? String(Int.random(in: 2015...2024, using: &random)) : ""
            row[column("kesehatan")] = Bool.random(using: &random) ? Kesehatan.allCases.randomElement(using: &random)!.rawValue : ""
            if let active = rows.columns.firstIndex(of: "aktif_2023") { row[active] = Bool.random(using: &random) ? "ya" : "tidak" }
            changed.append(row)
        }
        try await importRows(store, .koperasi, columns: rows.columns, rows: changed)
        return "import of \(changed.count) changed koperasi of \(place): \(changed.map { $0[column("nik")] + "→" + $0[column("kode_wilayah")] })"
    }

    /// Exports a kecamatan's UMKM, moves a few and changes their year of guidance, and adds one without a NIB.
    func importChangedUMKM(_ store: any PantauStore, at place: String, using random: inout SeededGenerator, step: Int) async throws -> String {
        let rows = Rows()
        try await store.export(.umkm, scope: try await store.resolveRegion(place), year: nil, to: rows)
        var changed = Array(rows.rows.shuffled(using: &random).prefix(4)).map { row in
            var row = row
            row[2] = kecamatan.randomElement(using: &random)!
            row[4] = String(Int.random(in: 2015...2024, using: &random))
            return row
        }
        changed.append(["", "Warung Langkah \(step)", kecamatan.randomElement(using: &random)!, "perdagangan", String(Int.random(in: 2015...2024, using: &random))])
        try await importRows(store, .umkm, columns: rows.columns, rows: changed)
        return "import of \(changed.count) UMKM rows of \(place)"
    }

    func importRows(_ store: any PantauStore, _ kind: ImportKind, columns: [String], rows: [[String]]) async throws {
        let path = Fixtures.temporaryPath("\(kind.rawValue).csv")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try {
            let sink = CSVSink(CSVWriter(handle: handle))
            try sink.header(columns)
            for row in rows { try sink.row(row) }
            try sink.finish()
        }()
        try handle.close()
        _ = try await store.importFiles(ImportRequest(kind: kind, files: [path]), progress: nil)
    }
}
