import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

@Suite struct RegionLookupTests {
    let store = Fixtures.sampleStore

    @Test(arguments: ["Kutai Timur", "kutai timur", "KUTAI TIMUR", "Kabupaten Kutai Timur", "Kab. Kutai Timur", "Kutim", "64.08", "6408"])
    func kutaiTimurByAnyName(_ query: String) throws {
        #expect(try store.resolveRegion(query).code == "64.08")
    }

    @Test func shortFormsOfTheIssue() throws {
        #expect(try store.resolveRegion("Kukar").code == "64.02")
        #expect(try store.resolveRegion("PPU").code == "64.09")
        #expect(try store.resolveRegion("Kaltim").code == "64")
        #expect(try store.resolveRegion("kaltara").code == "65")
        #expect(try store.resolveRegion("Provinsi Kalimantan Timur").code == "64")
        #expect(try store.resolveRegion("Kota Balikpapan").code == "64.71")
        #expect(try store.resolveRegion("Balikpapan").code == "64.71")
        #expect(try store.resolveRegion("Kongbeng").code == "64.08.08")
        #expect(try store.resolveRegion("Mahakam Hulu").code == "64.11")
        #expect(try store.resolveRegion("Muara Bengkal").code == "64.08.03")
        #expect(try store.resolveRegion("Indonesia") == .indonesia)
    }

    @Test func ambiguousNameListsEveryCandidate() throws {
        let error = #expect(throws: PantauError.self) { try store.resolveRegion("Batu Ampar") }
        guard case .regionAmbiguous(_, let candidates) = error else { Issue.record("not ambiguous: \(String(describing: error))"); return }
        #expect(candidates.contains("Batu Ampar, Kutai Timur (64.08.17)"))
        #expect(candidates.count == 5)
        #expect(error?.message(.en).hasPrefix("\"Batu Ampar\" matches several regions; give the code of the one you mean: ") == true)
    }

    @Test func kabupatenAndKotaOfOneNameAreAmbiguous() throws {
        #expect(throws: PantauError.self) { try store.resolveRegion("Bandung") }
        #expect(try store.resolveRegion("Kota Bandung").code == "32.73")
    }

    @Test func unknownNameSuggestsTheClosest() throws {
        #expect(throws: PantauError.regionNotFound(query: "Kutai Tmur", suggestions: ["Kabupaten Kutai Timur (64.08)"])) {
            try store.resolveRegion("Kutai Tmur")
        }
        let error = #expect(throws: PantauError.self) { try store.resolveRegion("Kutai") }
        #expect(error?.message(.id) == "Tidak ada wilayah bernama \"Kutai\"; berikan kode Kemendagri seperti 64.08 atau nama wilayah. Mungkin maksud Anda: Kabupaten Kutai Kartanegara (64.02); Kabupaten Kutai Barat (64.07); Kabupaten Kutai Timur (64.08)?")
        #expect(throws: PantauError.regionNotFound(query: "99.99", suggestions: [])) { try store.resolveRegion("99.99") }
    }

    @Test func aHugeNameGetsTheUsualSentenceWithAnExcerpt() throws {
        // 100 KB: far past SQLite's LIKE pattern limit (50,000 bytes), so no pattern is built from it.
        let error = #expect(throws: PantauError.self) { try store.resolveRegion(String(repeating: "kutai", count: 20_000)) }
        #expect(error?.message(.en) == "No region is called \"\(String(repeating: "kutai", count: 8))…\"; give a Kemendagri code such as 64.08 or a name.")
    }

    @Test func aLongButPlausibleNameStillGetsSuggestions() throws {
        let error = #expect(throws: PantauError.self) { try store.resolveRegion("Kabupaten Administrasi Kepulauan Seribuu") }
        #expect(error?.message(.en) == "No region is called \"Kabupaten Administrasi Kepulauan Seribuu\"; give a Kemendagri code such as 64.08 or a name. Did you mean: Kabupaten Administrasi Kepulauan Seribu (31.01)?")
    }

    @Test func editDistanceStopsPastItsLimit() {
        #expect(RegionName.distance("muarabengkal", "muarabengkl") == 1)
        #expect(RegionName.distance("muarabengkal", "muarabengkl", limit: 2) == 1)
        #expect(RegionName.distance("muarabengkal", "kongbeng", limit: 2) == 3)
        #expect(RegionName.distance(String(repeating: "a", count: 10_000), "kongbeng", limit: 2) == 3)
    }
}
