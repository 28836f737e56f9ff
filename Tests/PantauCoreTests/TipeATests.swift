import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

@Suite struct TipeATests {
    @Test func kutaiTimurReadiness2023() async throws {
        let store = Fixtures.sampleStore
        let r = try await #require(try await store.tipeAReadiness(of: try await store.resolveRegion("Kutai Timur"), year: 2023))
        #expect(r.koperasiActive.value == 325 && r.koperasiActive.threshold == 250 && r.koperasiActive.met)
        #expect(NumberFormat.percent(r.koperasiActive.ratio) == "130,0 %")
        #expect(r.umkm.value == 9214 && r.umkm.threshold == 56000 && !r.umkm.met)
        #expect(NumberFormat.percent(r.umkm.ratio) == "16,5 %")
        #expect(r.umkm.gap == 46_786)
        #expect(!r.met)
        let pace = try #require(r.umkmPace)
        #expect(pace.targetYear == 2025 && pace.months == 24 && pace.perMonth == 1950)
        #expect(r.downgradeYear == 2024)
    }

    @Test func thresholdsAreDataWithTheirSource() async throws {
        let store = Fixtures.sampleStore
        let anyDistrict = try store.resolveRegion("Kota Samarinda")
        let target = try #require(try store.target(.tipeAUmkm, for: anyDistrict))
        #expect(target.value == 56_000 && target.regionCode == "" && target.source.contains("seed 000"))
        #expect(try await store.tipeAReadiness(of: try await store.resolveRegion("Kaltim"), year: 2023) == nil)
    }

    @Test func trendArithmetic() {
        let falling = Trend(fromYear: 2022, fromValue: 655, toYear: 2023, toValue: 325)
        #expect(falling.perYear == -330)
        #expect(falling.projected(2024) == -5)
        #expect(falling.crossingYear(of: 250) == 2024)
        #expect(falling.crossingYear(of: 400) == nil)
        let rising = Trend(fromYear: 2022, fromValue: 8108, toYear: 2023, toValue: 9214)
        #expect(rising.crossingYear(of: 56_000) == 2023 + 43)
        let flat = Trend(fromYear: 2022, fromValue: 300, toYear: 2023, toValue: 300)
        #expect(flat.crossingYear(of: 250) == nil)
        // Landing exactly on the floor is not yet below it.
        #expect(Trend(fromYear: 2022, fromValue: 350, toYear: 2023, toValue: 300).crossingYear(of: 250) == 2025)
    }

    @Test func paceRoundsUpSoThatKeepingItReachesTheTarget() {
        #expect(Pace(gap: 46_786, fromYear: 2023, targetYear: 2025).perMonth == 1950)
        #expect(Pace(gap: 24, fromYear: 2023, targetYear: 2024).perMonth == 2)
        #expect(Pace(gap: 25, fromYear: 2023, targetYear: 2024).perMonth == 3)
    }
}

@Suite struct ProjectionTests {
    let koperasi = Projection(trend: Trend(fromYear: 2022, fromValue: 655, toYear: 2023, toValue: 325), target: 250, targetYear: nil)

    @Test func activeKoperasiOfKutaiTimur() {
        #expect(koperasi.nextYear == 0, "at −330 a year nothing is left in 2024")
        #expect(koperasi.crossingYear == 2024)
        #expect(koperasi.pace == nil)
        let s = Strings(.id)
        #expect(s.crossing(koperasi) == "turun di bawah 250 pada 2024")
        #expect(s.assumption(koperasi.trend) == "dengan tren 2022–2023 (−330 per tahun)")
        #expect(Strings(.en).assumption(koperasi.trend) == "at the 2022–2023 trend (−330 a year)")
    }

    @Test func umkmOfKutaiTimur() async throws {
        let store = Fixtures.sampleStore
        let r = try await #require(try await store.tipeAReadiness(of: try await store.resolveRegion("Kutim"), year: 2023))
        let trend = try #require(r.umkmTrend)
        let umkm = Projection(trend: trend, target: 56_000, targetYear: 2025)
        #expect(trend.toValue == 9214 && trend.toYear == 2023)
        #expect(umkm.nextYear == 9214 + (9214 - trend.fromValue))
        #expect(umkm.pace?.perMonth == 1950 && umkm.pace?.months == 24)
        let years = Double(56_000 - 9214) / Double(9214 - trend.fromValue)
        #expect(umkm.crossingYear == 2023 + Int(years.rounded(.up)))
        #expect(Strings(.id).crossing(umkm) == "mencapai 56.000 pada \(umkm.crossingYear!)")
    }

    @Test func aFlatTrendNeverGetsThere() {
        let flat = Projection(trend: Trend(fromYear: 2022, fromValue: 9000, toYear: 2023, toValue: 9000), target: 56_000, targetYear: 2026)
        #expect(flat.crossingYear == nil)
        #expect(Strings(.en).crossing(flat) == "does not reach 56.000 at this pace")
        #expect(flat.pace == Pace(gap: 47_000, fromYear: 2023, targetYear: 2026))
        #expect(flat.pace?.perMonth == 1306)
    }
}
