import Foundation
import PantauCore

/// Builds koperasi and UMKM records that reproduce a plan exactly, from a seed.
struct Generator {
    var random: SeededRandom
    /// Kecamatan codes per kabupaten, and village names per kecamatan (for plausible names).
    let kecamatanOf: [String: [String]]
    let villagesOf: [String: [String]]
    let regionName: [String: String]

    /// Koperasi of one kabupaten, kecamatan by kecamatan, in a stable order.
    mutating func koperasi(for plan: KabupatenPlan) -> [Koperasi] {
        var rng = random.derived("koperasi " + plan.code)
        let years = plan.years
        var records: [Koperasi] = []
        // Either the plan's exact kecamatan, or the kabupaten's figures spread over its real kecamatan.
        var groups: [(code: String, count: Int, active: [Int: Int]?, partnered: Int)] = []
        if plan.kecamatan.isEmpty {
            let kecamatan = kecamatanOf[plan.code] ?? []
            let placed = plan.koperasi - plan.unplaced
            for (code, count) in zip(kecamatan, rng.split(placed, into: kecamatan.count)) {
                groups.append((code, count, nil, plan.partneredPercent))
            }
            if plan.unplaced > 0 { groups.append((plan.code, plan.unplaced, nil, plan.partneredPercent)) }
        } else {
            groups = plan.kecamatan.map { ($0.code, $0.koperasi, $0.active, $0.partneredPercent ?? plan.partneredPercent) }
        }
        for group in groups {
            var groupRecords = (0..<group.count).map { i in makeKoperasi(index: i, regionCode: group.code, firstYear: years[0],
                                                                         partnered: group.partnered, rng: &rng) }
            if let active = group.active { assignStatus(&groupRecords, years: years, active: active, rng: &rng) }
            records += groupRecords
        }
        if plan.kecamatan.isEmpty { assignStatus(&records, years: years, active: plan.active, rng: &rng) }
        assignHealthAndEvaluation(&records, plan: plan, rng: &rng)
        return records
    }

    /// Marks exactly `active[year]` records active in each year; a koperasi active later was mostly active before.
    private func assignStatus(_ records: inout [Koperasi], years: [Int], active: [Int: Int], rng: inout SeededRandom) {
        var later: Set<Int> = []
        for year in years.reversed() {
            let wanted = active[year] ?? 0
            // Keep about nine in ten of the later year's active koperasi; fill up from the others.
            var chosen = Set(later.shuffled(using: &rng).prefix(min(wanted, later.count * 9 / 10)))
            let others = (0..<records.count).filter { !chosen.contains($0) }.shuffled(using: &rng)
            chosen.formUnion(others.prefix(wanted - chosen.count))
            for i in records.indices {
                records[i].status[year] = chosen.contains(i)
                if chosen.contains(i) { records[i].ratYears.insert(year) }
            }
            later = chosen
        }
        for i in records.indices where records[i].ratYears.isEmpty && Int.random(in: 0..<10, using: &rng) < 7 {
            let founded = records[i].tahunBerdiri ?? years[0] - 10
            if founded < years[0] - 1 { records[i].ratYears.insert(Int.random(in: founded...(years[0] - 1), using: &rng)) }
        }
    }

    private func assignHealthAndEvaluation(_ records: inout [Koperasi], plan: KabupatenPlan, rng: inout SeededRandom) {
        let firstYear = plan.years[0], lastYear = plan.years[plan.years.count - 1]
        // The health grade follows the assessment of the first year: the "healthy" are mostly the then-active.
        let healthy = plan.healthy ?? plan.koperasi * 45 / 100
        let ranked = records.indices.sorted { a, b in
            (records[a].status[firstYear] == true ? 0 : 1, records[a].nik) < (records[b].status[firstYear] == true ? 0 : 1, records[b].nik)
        }
        let rest = ranked.dropFirst(healthy).shuffled(using: &rng)
        for i in ranked.prefix(healthy) { records[i].kesehatan = .sehat }
        for (n, i) in rest.enumerated() {
            records[i].kesehatan = n < rest.count * 40 / 100 ? .cukupSehat : n < rest.count * 65 / 100 ? .dalamPengawasan
                : n < rest.count * 72 / 100 ? .dalamPengawasanKhusus : nil
        }
        var inactive = records.indices.filter { records[$0].status[lastYear] == false }.shuffled(using: &rng)[...]
        for (outcome, count) in plan.evaluated {
            for i in inactive.prefix(count) { records[i].evaluation = EvaluationOutcome(rawValue: outcome) }
            inactive = inactive.dropFirst(count)
        }
    }

    private func makeKoperasi(index: Int, regionCode: String, firstYear: Int, partnered: Int, rng: inout SeededRandom) -> Koperasi {
        let jenis = rng.weighted(Names.jenisMix)
        let digits = regionCode.replacingOccurrences(of: ".", with: "")
        let nik = (digits + String(repeating: "0", count: 6 - digits.count)) + "1" + String(format: "%09d", index + 1)
        let place = villagesOf[regionCode].map { rng.pick($0) } ?? regionName[regionCode].map { Region(code: regionCode, name: $0, level: .kabupaten).shortName } ?? ""
        let word = rng.pick(Names.koperasiWord)
        let suffix = Int.random(in: 0..<4, using: &rng) == 0 ? " " + rng.pick(Names.romawi) : ""
        let nama = "\(rng.pick(Names.koperasiPrefix[jenis]!)) \(word)\(suffix) \(place)".trimmingCharacters(in: .whitespaces)
        let founded = firstYear - 1 - min(45, Int(Double.random(in: 0..<1, using: &rng) * Double.random(in: 0..<1, using: &rng) * 46))
        let members = 20 + Int(pow(Double.random(in: 0..<1, using: &rng), 2.5) * 1200)
        return Koperasi(nik: nik, nama: nama, regionCode: regionCode, jenis: jenis, sektor: rng.pick(Names.sektor[jenis]!),
                        kemitraan: Int.random(in: 0..<100, using: &rng) < partnered ? .bermitra : .mandiri,
                        anggota: members, tahunBerdiri: founded)
    }

    /// UMKM of one kabupaten: exact totals by the last year, spread over the years since `umkmFirstYear`.
    mutating func umkm(for plan: KabupatenPlan, emit: (Umkm) -> Void) {
        var rng = random.derived("umkm " + plan.code)
        let lastYear = plan.years[plan.years.count - 1]
        let kecamatan = kecamatanOf[plan.code] ?? [plan.code]
        var fixed: [String: Int] = [:]
        for k in plan.kecamatan { if let n = k.umkm { fixed[k.code] = n } }
        let free = kecamatan.filter { fixed[$0] == nil }
        let shares = zip(free, rng.split(plan.umkm - fixed.values.reduce(0, +), into: free.count))
        var counts = fixed
        for (code, n) in shares { counts[code] = n }
        // Most UMKM came under guidance long ago; each later year adds a few percent more.
        let span = Array(plan.umkmFirstYear...lastYear)
        let weights = span.enumerated().map { i, _ in i == 0 ? 40 : 8 + i }
        for code in kecamatan {
            var seen: Set<String> = []
            for _ in 0..<(counts[code] ?? 0) {
                let (kind, sektor) = rng.pick(Names.usaha)
                var name = "\(kind) \(rng.pick(Names.pemilik))"
                if let villages = villagesOf[code] { name += " " + rng.pick(villages) }
                var n = 2
                let base = name
                while !seen.insert(name).inserted { name = "\(base) \(n)"; n += 1 }
                let year = rng.weighted(Array(zip(span, weights)))
                umkmSerial += 1
                let nib = Int.random(in: 0..<10, using: &rng) < 7 ? String(9_000_000_000_000 + (UInt64(umkmSerial) &* 2_654_435_761) % 1_000_000_000_000) : nil
                emit(Umkm(nib: nib, namaUsaha: name, regionCode: code, sektor: sektor, tahunBinaan: year))
            }
        }
    }

    private var umkmSerial = 0

    init(seed: UInt64, regions: [(code: String, name: String, level: String)], villages: [(code: String, name: String)]) {
        random = SeededRandom(seed: seed)
        var kecamatanOf: [String: [String]] = [:], regionName: [String: String] = [:]
        for r in regions {
            regionName[r.code] = r.name
            if r.level == "kecamatan", let parent = Region(code: r.code, name: r.name, level: .kecamatan).parentCode {
                kecamatanOf[parent, default: []].append(r.code)
            }
        }
        var villagesOf: [String: [String]] = [:]
        for v in villages { villagesOf[String(v.code.prefix(8)), default: []].append(v.name) }
        self.kecamatanOf = kecamatanOf
        self.villagesOf = villagesOf
        self.regionName = regionName
    }
}
