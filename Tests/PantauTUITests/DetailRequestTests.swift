import PantauCore
import PantauTestSupport
import Testing
@testable import PantauTUI

/// A koperasi detail is loaded off the loop and comes back as an action: it opens only while it is still wanted.
@Suite struct DetailRequestTests {
    /// KSP Al-Ikhlas V Muara Bengkal Ilir, the first koperasi of Muara Bengkal.
    let firstNIK = "6408031000000023"

    /// The dashboard on Muara Bengkal's koperasi, as a plain state to send actions to in any order.
    func muaraBengkal(width: Int = 80, height: Int = 24) throws -> (DashboardState, Harness) {
        let h = try Harness(width: width, height: height, scope: "64.08.03")
        return (h.state, h)
    }

    func detail(_ h: Harness, _ nik: String) async throws -> KoperasiDetail { try await h.loader.detail(nik: nik) }

    @Test func theDetailAskedForOpens() async throws {
        var (state, h) = try muaraBengkal()
        #expect(state.update(.key(.enter)) == [.loadDetail(nik: firstNIK)])
        #expect(state.awaitingDetail == firstNIK)
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        #expect(state.detail?.koperasi.nik == firstNIK && state.awaitingDetail == nil)
    }

    @Test func escBeforeTheDetailArrivesDropsIt() async throws {
        var (state, h) = try muaraBengkal()
        _ = state.update(.key(.enter))
        #expect(state.update(.key(.escape)).isEmpty)
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        #expect(state.detail == nil && state.awaitingDetail == nil)
        #expect(state.path.last == "64.08.03", "that Esc only took the request back")
    }

    @Test func openingAnotherScopeBeforeTheDetailArrivesDropsIt() async throws {
        var (state, h) = try muaraBengkal(width: 40, height: 15)
        _ = state.update(.key(.enter))
        _ = state.update(.key(.character("1")))
        #expect(state.update(.key(.enter)) == [.load(scope: "64.08", year: 2023)])
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        #expect(state.detail == nil && state.tab == .main)
    }

    @Test func leavingTheKoperasiListDropsTheDetail() async throws {
        for key in [Key.tab, .right, .character("3")] {
            var (state, h) = try muaraBengkal(width: 40, height: 15)
            _ = state.update(.key(.enter))
            _ = state.update(.key(key))
            _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
            #expect(state.detail == nil, "after \(key)")
        }
        var (state, h) = try muaraBengkal()
        _ = state.update(.key(.enter))
        _ = state.update(.key(.tab))
        #expect(state.focus == .ratio)
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        #expect(state.detail == nil, "the wide layout would hide the focused ratio chart behind it")
    }

    @Test func changingTheYearBeforeTheDetailArrivesDropsIt() async throws {
        var (state, h) = try muaraBengkal()
        _ = state.update(.key(.enter))
        #expect(state.update(.key(.character("["))) == [.load(scope: "64.08.03", year: 2022)])
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        #expect(state.detail == nil)
    }

    @Test func onlyTheLastKoperasiAskedForOpens() async throws {
        var (state, h) = try muaraBengkal()
        _ = state.update(.key(.enter))
        _ = state.update(.key(.down))
        let second = state.mainKoperasiRows[1].nik
        #expect(state.update(.key(.enter)) == [.loadDetail(nik: second)])
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        #expect(state.detail == nil)
        _ = state.update(.detailLoaded(try await detail(h, second)))
        #expect(state.detail?.koperasi.nik == second)
    }

    @Test func theOpenDetailIsReadAgainAfterASave() async throws {
        var (state, h) = try muaraBengkal()
        _ = state.update(.key(.enter))
        _ = state.update(.detailLoaded(try await detail(h, firstNIK)))
        _ = state.update(.key(.down))
        #expect(state.detailScroll == 1)
        #expect(state.update(.saved) == [.load(scope: "64.08.03", year: 2023), .loadDetail(nik: firstNIK)])
        var fresh = try await detail(h, firstNIK)
        fresh.koperasi.anggota = 999
        _ = state.update(.detailLoaded(fresh))
        #expect(state.detail?.koperasi.anggota == 999 && state.detailScroll == 1)
        _ = state.update(.databaseChanged)
        _ = state.update(.key(.escape))
        _ = state.update(.detailLoaded(fresh))
        #expect(state.detail == nil, "a reload that comes back after Esc does not open it again")
    }
}
