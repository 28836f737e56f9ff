import PantauCore
import PantauSQLite
import PantauTestSupport
import Testing
@testable import PantauTUI

/// The keys of the narrow layout: changing tabs, and everything else still working one pane at a time.
@Suite struct NarrowKeysTests {
    func narrow(scope: String = "64.08") throws -> Harness { try Harness(width: 40, height: 15, scope: scope) }

    @Test func tabAndShiftTabGoRoundTheTabs() throws {
        var h = try narrow()
        #expect(h.state.tab == .main && h.state.focus == .main)
        var seen: [Tab] = []
        for _ in Tab.allCases {
            try h.press(.tab)
            seen.append(h.state.tab)
        }
        #expect(seen == [.tipeA, .ratio, .years, .evaluation, .districts, .main])
        try h.press(.backTab)
        #expect(h.state.tab == .districts && h.state.focus == .districts)
    }

    @Test func arrowsAndHLStopAtTheEnds() throws {
        var h = try narrow()
        try h.press(.left, .left)
        #expect(h.state.tab == .districts)
        try h.press(.right, .character("l"), .character("l"))
        #expect(h.state.tab == .ratio && h.state.focus == .ratio)
        try h.press(.right, .right, .right, .right)
        #expect(h.state.tab == .evaluation)
        try h.press(.character("h"))
        #expect(h.state.tab == .years)
        #expect(h.state.focus == .ratio, "a tab without a list leaves the focus on the last list")
    }

    @Test func numberKeysChooseTheTab() throws {
        var h = try narrow()
        for tab in Tab.allCases.reversed() {
            try h.press(.character(Character(String(tab.rawValue + 1))))
            #expect(h.state.tab == tab)
        }
        try h.press(.character("7"), .character("0"))
        #expect(h.state.tab == .districts)
    }

    @Test func numberKeysDoNothingWithThePanesSideBySide() throws {
        var h = try Harness()
        try h.press(.character("1"), .character("4"))
        #expect(h.state.tab == .main && h.state.focus == .main)
    }

    @Test func keysTypeIntoTheFilterInsteadOfChangingTabs() throws {
        var h = try narrow()
        try h.press(.character("/"))
        try h.type("hl2")
        #expect(h.state.main.filter == "hl2" && h.state.tab == .main)
        try h.press(.enter, .character("l"))
        #expect(h.state.tab == .tipeA, "after Enter the keys are commands again")
    }

    @Test func tabAndArrowsDoNotLeaveTheListBeingFiltered() throws {
        var h = try narrow()
        try h.press(.character("/"))
        try h.type("mu")
        for key in [Key.tab, .backTab, .left, .right] {
            try h.press(key)
            #expect(h.state.tab == .main && h.state.focus == .main && h.state.editingFilter, "after \(key)")
            #expect(h.state.main.filter == "mu" && h.state.districts.filter.isEmpty, "after \(key)")
        }
        try h.type("ara")
        #expect(h.state.main.filter == "muara" && h.state.tab == .main)
        #expect(h.state.mainRegionRows.map(\.region.name) == ["Muara Ancalong", "Muara Wahau", "Muara Bengkal"])
        #expect(h.screen.contains("Muara Wahau"), "the list being filtered is the one on screen")
        try h.press(.enter, .tab)
        #expect(h.state.tab == .tipeA, "after Enter, Tab changes tabs again")
    }

    @Test func filteringTheDistrictTabStaysThere() throws {
        var h = try narrow()
        try h.press(.character("1"), .character("/"))
        try h.type("ku")
        try h.press(.right, .tab)
        try h.type("tai")
        #expect(h.state.tab == .districts && h.state.districts.filter == "kutai" && h.state.main.filter.isEmpty)
    }

    @Test func keysTypeIntoAFormInsteadOfChangingTabs() throws {
        var h = try Harness(width: 40, height: 15, scope: "64.08.03", store: try Store.open(at: try Fixtures.freshSampleDatabase()))
        try h.press(.character("R"), .enter, .enter)
        try h.type("hal 3")
        try h.press(.tab, .backTab)
        #expect(h.state.form?.fields[2].value == "hal 3" && h.state.tab == .main)
        try h.press(.escape)
        try h.press(.character("e"), .character("3"))
        #expect(h.state.form?.fields[0].value == "usul-bubarkan" && h.state.tab == .main)
        try h.press(.right)
        #expect(h.state.form?.fields[0].value == "aktif-kembali" && h.state.tab == .main)
    }

    @Test func listKeysDoNothingOnAChartTab() throws {
        var h = try narrow()
        try h.press(.character("3"), .down, .down, .enter, .character("s"))
        #expect(h.state.main.selected == 0 && h.state.main.sort == 0 && h.state.path == ["64", "64.08"])
        try h.press(.character("2"), .down, .down, .enter)
        #expect(h.state.path.last == "64.08.03" && h.state.tab == .main)
    }

    @Test func drillDownDetailAndBack() throws {
        var h = try narrow()
        try h.press(.down, .down, .enter)
        #expect(h.state.data?.scopeFigures.koperasiTotal == 49 && h.state.data?.scopeFigures.koperasiActive == 19)
        try h.press(.enter)
        #expect(h.state.detail?.koperasi.nik == "6408031000000023")
        try h.press(.character("j"), .character("j"))
        #expect(h.state.detailScroll == 2)
        try h.press(.escape)
        #expect(h.state.detail == nil)
        try h.press(.escape)
        #expect(h.state.path == ["64", "64.08"] && h.state.main.selected == 2)
    }

    @Test func openingADistrictFromItsTabClosesTheDetail() throws {
        var h = try narrow(scope: "64.08.03")
        try h.press(.enter, .character("1"))
        try h.press(.enter)
        #expect(h.state.detail == nil && h.state.tab == .main && h.state.focus == .main)
    }

    @Test func theYearChangesOnAnyTab() throws {
        var h = try narrow()
        try h.press(.character("5"), .character("["))
        #expect(h.state.data?.year == 2022 && h.state.data?.scopeFigures.koperasiActive == 655)
        try h.press(.character("]"))
        #expect(h.state.data?.year == 2023)
    }

    @Test func helpPagesWithPgDnPgUpAndSpace() throws {
        var h = try narrow()
        try h.press(.character("?"))
        #expect(h.state.showHelp && h.state.helpPage == 0)
        #expect(h.canvas.lines()[0].contains("Bantuan · tombol · halaman 1/3"))
        try h.press(.pageDown)
        #expect(h.canvas.lines()[0].contains("halaman 2/3"))
        try h.press(.character(" "), .character(" "))
        #expect(h.state.helpPage == 2 && h.canvas.lines()[0].contains("halaman 3/3"))
        try h.press(.pageUp)
        #expect(h.state.helpPage == 1)
        try h.press(.escape)
        #expect(!h.state.showHelp && h.state.helpPage == 0)
        let helped = HelpOverlay.pages(width: 40, height: 15, lang: .id).flatMap { $0.map(\.text) }.joined(separator: " ")
        for binding in KeyMap.bindings where binding.layouts.contains(.narrow) { #expect(helped.contains(binding.help(Strings(.id)))) }
        #expect(!helped.contains(Strings(.id).helpTogglePanel), "v does nothing one pane at a time")
    }

    @Test func resizeToNarrowAndBackKeepsTheSelection() throws {
        var h = try Harness()
        try h.press(.down, .down, .tab)
        #expect(h.state.focus == .ratio)
        try h.press(.down)
        try h.send(.resize(width: 40, height: 15))
        #expect(h.state.isNarrow && h.state.tab == .ratio)
        try h.press(.left)
        #expect(h.state.tab == .tipeA)
        try h.press(.character("2"))
        #expect(h.state.tab == .main && h.state.main.selected == 2)
        try h.send(.resize(width: 80, height: 24))
        #expect(!h.state.isNarrow && h.state.focus == .main && h.state.main.selected == 2 && h.state.ratio.selected == 1)
    }

    @Test func aListHiddenByTheWideLayoutGivesTheFocusBack() throws {
        var h = try narrow(scope: "64.08.03")
        try h.press(.character("1"))
        try h.send(.resize(width: 80, height: 24))
        #expect(h.state.focus == .main && h.state.tab == .main)
    }
}
