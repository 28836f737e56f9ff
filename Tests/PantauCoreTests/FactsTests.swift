import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

/// Every count in shared/FACTS.md, through the same code path `pantau report` uses.
@Suite struct FactsTests {
    let store = Fixtures.sampleStore

    @Test func kutaiTimurKoperasi2023() async throws {
        let report = try await store.report(scope: "Kutai Timur", year: 2023)
        #expect(report.scope.code == "64.08")
        #expect(report.totals.koperasiTotal == 1209)
        #expect(report.totals.koperasiActive == 325)
        #expect(report.totals.koperasiInactive == 884)
        #expect(report.regionRows.count == 18)
        #expect(report.regionRows.map(\.koperasiTotal).reduce(0, +) == 1209)
    }

    @Test func kutaiTimurFellFrom655To325() async throws {
        let report = try await store.report(scope: "Kutim", year: nil)
        #expect(report.year == 2023)
        let trend = try #require(report.trend)
        #expect(trend.fromYear == 2022 && trend.fromValue == 655)
        #expect(trend.toYear == 2023 && trend.toValue == 325)
        #expect(NumberFormat.signedPercent(try #require(trend.change)) == "−50,4 %")
        #expect(try await store.report(scope: "64.08", year: 2022).totals.koperasiActive == 655)
    }

    @Test func muaraBengkal49With19Active() async throws {
        let district = try await store.report(scope: "64.08", year: 2023)
        let row = try #require(district.regionRows.first { $0.region.code == "64.08.03" })
        #expect(row.region.name == "Muara Bengkal")
        #expect(row.koperasiTotal == 49 && row.koperasiActive == 19)
        #expect(NumberFormat.percent(row.activeRatio) == "38,8 %")

        let kecamatan = try await store.report(scope: "64.08.03", year: 2023)
        #expect(kecamatan.koperasiRows.count == 49)
        #expect(kecamatan.koperasiRows.filter { $0.active == true }.count == 19)
        #expect(kecamatan.totals.koperasiTotal == 49)
    }

    @Test func kutaiTimurKecamatanAreTheRealEighteen() throws {
        let names = try store.childFigures(of: try store.resolveRegion("64.08"), year: 2023).map(\.region.name)
        #expect(names.count == 18)
        #expect(names.first == "Muara Ancalong" && names.contains("Sangatta Selatan") && names.last == "Long Mesangat")
    }

    @Test func about600Healthy() throws {
        let counts = try store.healthCounts(of: try store.resolveRegion("Kutai Timur"))
        #expect(counts[.sehat] == 600)
    }

    @Test func umkmNineThousandAndMore() async throws {
        let umkm = try await store.report(scope: "Kutai Timur", year: 2023).totals.umkm
        #expect(umkm == 9214)
        #expect((9000...9999).contains(umkm))
    }

    @Test func kalimantanTimurAbout5000With3000Active() async throws {
        let report = try await store.report(scope: "Kalimantan Timur", year: 2023)
        #expect(report.regionRows.count == 10)
        #expect((4900...5100).contains(report.totals.koperasiTotal))
        #expect((2900...3100).contains(report.totals.koperasiActive))
        #expect(report.regionRows.allSatisfy { $0.koperasiTotal > 0 })
    }

    @Test func kalimantanUtara2019() async throws {
        let report = try await store.report(scope: "Kaltara", year: nil)
        #expect(report.year == 2019)
        #expect(report.totals.koperasiTotal == 109)
        #expect(report.totals.koperasiActive == 68)
        #expect(report.totals.koperasiInactive == 41)
        #expect((11_500...11_999).contains(report.totals.umkm))
        #expect(report.regionRows.count == 5)
    }

    @Test func trainingBatchesTheReportsName() throws {
        let batches = try store.trainingBatches(for: try store.resolveRegion("Kutai Timur"))
        let third = try #require(batches.first { $0.angkatan == 3 && $0.nama.contains("Akuntansi") })
        #expect(third.tanggalMulai == "2023-06-23")
        #expect(third.tempat == "Café Teras Belad")
        #expect(third.regionCode == "64.08.12")
        #expect(third.jumlahKoperasi == 30)
        let digital = try #require(try store.trainingBatches(for: try store.resolveRegion("Kaltim")).first { $0.nama.contains("Digitalisasi") })
        #expect(digital.tanggalMulai == "2023-07-04" && digital.tanggalSelesai == "2023-07-06" && digital.jumlahPeserta == 30)
        let targets = try store.targets(of: try store.resolveRegion("64.08"))
        #expect(targets.first { $0.indicator == .angkatanPelatihan }?.value == 10)
        #expect(try store.targets(of: try store.resolveRegion("64")).first { $0.indicator == .koperasiDilatih }?.value == 600)
    }

    @Test func everyRowAddsUpToItsTotal() async throws {
        for scope in ["Kalimantan Timur", "Kalimantan Utara", "Kutai Kartanegara", "Samarinda", "Indonesia"] {
            let report = try await store.report(scope: scope, year: nil)
            #expect(report.regionRows.map(\.koperasiTotal).reduce(0, +) == report.totals.koperasiTotal, "\(scope)")
            #expect(report.regionRows.map(\.koperasiActive).reduce(0, +) == report.totals.koperasiActive, "\(scope)")
            #expect(report.regionRows.map(\.umkm).reduce(0, +) == report.totals.umkm, "\(scope)")
        }
    }
}
