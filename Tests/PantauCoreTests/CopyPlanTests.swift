import PantauCore
import Testing

/// What `pantau copy` changes is a diff of two stores' rows by the office's keys: FROM wins inside the region,
/// audit history is only ever added, and entries never travel back to the store that first wrote them.
@Suite struct CopyPlanTests {
    let region = Region(code: "64.08.03", name: "Muara Bengkal", level: .kecamatan)

    func copy(_ source: String, _ rows: [CopyTable: [[String?]]]) -> OfficeCopy { OfficeCopy(scope: region, source: source, rows: rows) }

    @Test func theSourceWinsByKey() {
        let from = copy("a.db", [
            .koperasi: [["1", "Satu", "64.08.03", "jasa", "", nil, "10", nil, nil], ["2", "Dua Baru", "64.08.03", "jasa", "", nil, nil, nil, nil]],
            .koperasiStatus: [["1", "2023", "1"], ["2", "2023", "0"]],
            .umkm: [[nil, "Warung", "64.08.03", "kuliner", "2022"], ["9000000000001", "Kios", "64.08.03", "", "2023"]],
            .evaluation: [["1", "dibina", "", "2023-01-01T00:00:00Z", "siti"]],
        ])
        let to = copy("b.db", [
            .koperasi: [["2", "Dua", "64.08.03", "jasa", "", nil, nil, nil, nil], ["3", "Tiga", "64.08.03", "jasa", "", nil, nil, nil, nil]],
            .koperasiStatus: [["2", "2023", "0"], ["3", "2023", "1"]],
            .umkm: [[nil, "Warung", "64.08.03", "kuliner", "2021"], [nil, "Warung", "64.08.01", "kuliner", "2022"]],
            .evaluation: [["3", "usul-bekukan", "", "2022-01-01T00:00:00Z", "budi"]],
        ])
        let plan = CopyPlan(from: from, to: to, targetName: "b.db")
        #expect(plan.changes(.koperasi).upserts.map { $0[0] } == ["1", "2"])
        #expect([plan.changes(.koperasi).added, plan.changes(.koperasi).changed] == [1, 1])
        #expect(plan.changes(.koperasi).deletes.map { $0[0] } == ["3"])
        #expect(plan.changes(.koperasiStatus).upserts == [["1", "2023", "1"]])
        #expect(plan.changes(.koperasiStatus).deletes == [["3", "2023", "1"]])
        // An UMKM without NIB is the same one by name and region: one changed, one new, one elsewhere removed.
        #expect([plan.changes(.umkm).added, plan.changes(.umkm).changed, plan.changes(.umkm).deletes.count] == [1, 1, 1])
        #expect(plan.evaluationsOf == ["1", "3"])
        #expect(plan.note == "koperasi +1 ~1 -1, koperasi_status +1 ~0 -1, umkm +1 ~1 -1, evaluation 2")
    }

    @Test func equalSidesGiveAnEmptyPlan() {
        let rows: [CopyTable: [[String?]]] = [.koperasi: [["1", "Satu", "64.08.03", "jasa", "", nil, nil, nil, nil]],
                                              .audit: [["7", "2023-01-01T00:00:00Z", "siti", "koperasi", "1", "rat", nil, "2023", "", nil, nil]]]
        let first = CopyPlan(from: copy("a.db", rows), to: copy("b.db", [.koperasi: rows[.koperasi]!]), targetName: "b.db")
        #expect(first.auditEntries == [["7", "2023-01-01T00:00:00Z", "siti", "koperasi", "1", "rat", nil, "2023", "", "a.db", "7"]])
        // Once copied, the entry is known by its origin: copying again adds nothing.
        let second = CopyPlan(from: copy("a.db", rows), to: copy("b.db", [.koperasi: rows[.koperasi]!, .audit: [["1"] + first.auditEntries[0].dropFirst()]]),
                              targetName: "b.db")
        #expect(second.isEmpty)
        // And an entry never comes back to the store that wrote it.
        let back = CopyPlan(from: copy("b.db", [.koperasi: rows[.koperasi]!, .audit: [["1"] + first.auditEntries[0].dropFirst()]]),
                            to: copy("a.db", rows), targetName: "a.db")
        #expect(back.isEmpty)
    }
}
