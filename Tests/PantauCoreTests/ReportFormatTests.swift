import Foundation
import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

@Suite struct ReportFormatTests {
    let store = Fixtures.sampleStore

    @Test func textReportOfKutaiTimur() async throws {
        let text = try await store.report(scope: "Kutim", year: 2023).rendered(.text, lang: .id)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("DATA DEMO: ini data contoh, bukan data kantor. Mulai basis data sendiri dengan: pantau init --db BERKAS"))
        #expect(lines.contains("64.08.03  Muara Bengkal           49     19           30       38,8 %    512"))
        #expect(lines.contains("          Jumlah               1.209    325          884       26,9 %  9.214"))
        #expect(lines.contains("Koperasi aktif 2022 → 2023: 655 → 325 (−50,4 %)"))
        #expect(lines.contains("  Koperasi aktif     325  / 250     130,0 %  terpenuhi"))
        #expect(lines.contains("  UMKM binaan      9.214  / 56.000   16,5 %  kurang 46.786"))
        #expect(lines.contains("Laju yang dibutuhkan: 1.950 UMKM per bulan hingga akhir 2025."))
        #expect(lines.contains("PERINGATAN: dengan tren 2022–2023, koperasi aktif jatuh di bawah 250 pada 2024 (risiko turun tipe)."))
    }

    @Test func jsonShapeOfTheIssue() async throws {
        let json = try await store.report(scope: "Kutai Timur", year: 2023).rendered(.json, lang: .id)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let scope = try #require(object["scope"] as? [String: Any])
        #expect(scope["code"] as? String == "64.08" && scope["name"] as? String == "Kutai Timur" && scope["level"] as? String == "kabupaten")
        #expect(object["year"] as? Int == 2023)
        let rows = try #require(object["rows"] as? [[String: Any]])
        let bengkal = try #require(rows.first { $0["code"] as? String == "64.08.03" })
        #expect(bengkal["name"] as? String == "Muara Bengkal")
        #expect(bengkal["koperasi_total"] as? Int == 49 && bengkal["koperasi_active"] as? Int == 19)
        #expect(bengkal["active_ratio"] as? Double == 0.3878)
        #expect(bengkal["umkm"] as? Int == 512)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["koperasi_total"] as? Int == 1209 && totals["koperasi_active"] as? Int == 325 && totals["umkm"] as? Int == 9214)
        let tipeA = try #require(object["tipe_a"] as? [String: Any])
        #expect(tipeA["koperasi_active"] as? Int == 325 && tipeA["koperasi_threshold"] as? Int == 250)
        #expect(tipeA["umkm"] as? Int == 9214 && tipeA["umkm_threshold"] as? Int == 56000 && tipeA["met"] as? Bool == false)
    }

    @Test func kecamatanRowsAreKoperasiKeyedByNIK() async throws {
        let json = try await store.report(scope: "64.08.03", year: 2023).rendered(.json, lang: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 49)
        #expect(rows.allSatisfy { ($0["code"] as? String)?.count == 16 && $0["code"] as? String == $0["nik"] as? String })
        #expect(rows.filter { $0["active"] as? Bool == true }.count == 19)
        #expect(object["tipe_a"] == nil)

        let csv = try await store.report(scope: "64.08.03", year: 2023).rendered(.csv, lang: .id)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "nik,nama,jenis,aktif,tahun_rat_terakhir,jumlah_anggota,kesehatan,hasil_evaluasi")
        #expect(lines.count == 50)
    }

    @Test func csvUsesPlainNumbers() async throws {
        let csv = try await store.report(scope: "Kaltara", year: 2019).rendered(.csv, lang: .id)
        #expect(csv.hasPrefix("kode_wilayah,nama,koperasi_total,koperasi_aktif,koperasi_tidak_aktif,rasio_aktif,umkm\n65.01,Bulungan,28,17,11,0.6071,2710\n"))
    }

    @Test func markdownReport() async throws {
        let md = try await store.report(scope: "Kutim", year: 2023).rendered(.markdown, lang: .en)
        #expect(md.hasPrefix("# Pantau · Koperasi and UMKM report\n"))
        #expect(md.contains("| 64.08.03 | Muara Bengkal | 49 | 19 | 30 | 38,8 % | 512 |"))
        #expect(md.contains("| **Total** | **1.209** | **325** | **884** | **26,9 %** | **9.214** |"))
    }

    @Test func yearWithoutDataListsTheYearsThereAre() async throws {
        await #expect(throws: PantauError.yearWithoutData(year: 2019, scope: "Kabupaten Kutai Timur (64.08)", available: [2022, 2023])) {
            try await store.report(scope: "Kutim", year: 2019)
        }
    }
}
