import PantauCore
import Testing
@testable import PantauTUI

/// One test per command of the key table, with the real sample data behind the dashboard.
@Suite struct UpdateTests {
    @Test func opensOnTheOfficeDistrictWithItsKecamatanFocused() throws {
        let h = try Harness()
        #expect(h.state.path == ["64", "64.08"])
        #expect(h.state.focus == .main)
        #expect(h.state.mainRegionRows.count == 18)
        #expect(h.state.districtRows[h.state.districts.selected].figures.region.code == "64.08")
    }

    @Test func everyKeyInTheTableDispatches() {
        for binding in KeyMap.bindings {
            for key in binding.keys { #expect(KeyMap.command(for: key) == binding.command) }
        }
        #expect(Set(KeyMap.bindings.map(\.command)) == Set(Command.allCases))
    }

    @Test func upAndDownMoveTheSelection() throws {
        var h = try Harness()
        try h.press(.down)
        #expect(h.state.main.selected == 1)
        try h.press(.character("j"), .character("j"))
        #expect(h.state.main.selected == 3)
        try h.press(.up, .character("k"))
        #expect(h.state.main.selected == 1)
        try h.press(.up, .up)
        #expect(h.state.main.selected == 0)
        #expect(h.effects.isEmpty)
    }

    @Test func pagesHomeAndEnd() throws {
        var h = try Harness()
        try h.press(.pageDown)
        #expect(h.state.main.selected == 11)
        try h.press(.pageDown)
        #expect(h.state.main.selected == 17)
        try h.press(.pageUp)
        #expect(h.state.main.selected == 6)
        try h.press(.character("G"))
        #expect(h.state.main.selected == 17)
        try h.press(.character("g"))
        #expect(h.state.main.selected == 0)
        try h.press(.end, .home)
        #expect(h.state.main.selected == 0)
        try h.press(.control("f"))
        #expect(h.state.main.selected == 11)
        try h.press(.control("b"))
        #expect(h.state.main.selected == 0)
    }

    @Test func tabAndArrowsMoveBetweenPanes() throws {
        var h = try Harness()
        try h.press(.tab)
        #expect(h.state.focus == .ratio)
        try h.press(.tab)
        #expect(h.state.focus == .districts)
        try h.press(.backTab)
        #expect(h.state.focus == .ratio)
        try h.press(.character("h"), .left)
        #expect(h.state.focus == .districts)
        try h.press(.left)
        #expect(h.state.focus == .districts)
        try h.press(.character("l"))
        #expect(h.state.focus == .main)
        try h.press(.right)
        #expect(h.state.focus == .ratio)
    }

    @Test func enterDrillsInAndEscGoesBack() throws {
        var h = try Harness()
        try h.press(.down, .down)
        try h.press(.enter)
        #expect(h.effects == [.load(scope: "64.08.03", year: 2023)])
        #expect(h.state.showsKoperasi)
        #expect(h.state.mainKoperasiRows.count == 49)
        #expect(h.state.mainKoperasiRows.filter { $0.active == true }.count == 19)
        #expect(h.state.visiblePanes == [.main, .ratio])
        try h.press(.escape)
        #expect(h.effects == [.load(scope: "64.08", year: 2023)])
        #expect(h.state.main.selected == 2, "going back keeps the selection")
        try h.press(.backspace)
        #expect(h.state.path == ["64"])
        #expect(h.state.mainRegionRows.count == 10)
        try h.press(.escape)
        #expect(h.effects.isEmpty, "the top level has nowhere to go back to")
    }

    @Test func enterOnTheDistrictListOpensThatDistrict() throws {
        var h = try Harness()
        try h.press(.tab, .tab)
        #expect(h.state.focus == .districts)
        try h.press(.character("G"))
        try h.press(.enter)
        #expect(h.state.path == ["65", "65.71"])
        #expect(h.state.data?.year == 2019, "Kalimantan Utara has data up to 2019")
        #expect(h.state.message == "Wilayah ini punya data sampai 2019; tahun diganti ke 2019.")
        #expect(h.state.focus == .main)
    }

    @Test func enterOnTheRatioChartOpensThatKecamatan() throws {
        var h = try Harness()
        try h.press(.tab, .enter)
        #expect(h.state.path == ["64", "64.08", "64.08.03"], "Muara Bengkal has the best ratio")
    }

    @Test func slashFiltersAsYouType() throws {
        var h = try Harness()
        try h.press(.character("/"))
        #expect(h.state.editingFilter)
        try h.type("muara")
        #expect(h.state.mainRegionRows.map(\.region.name) == ["Muara Ancalong", "Muara Wahau", "Muara Bengkal"])
        try h.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(h.state.mainRegionRows.count == 18)
        try h.type("sang")
        try h.press(.enter)
        #expect(!h.state.editingFilter)
        #expect(h.state.mainRegionRows.map(\.region.name) == ["Sangatta Utara", "Sangkulirang", "Busang", "Sangatta Selatan", "Long Mesangat"])
        try h.press(.character("j"))
        #expect(h.state.main.selected == 1, "after Enter, keys move again")
        try h.press(.character("/"), .escape)
        #expect(h.state.main.filter.isEmpty)
        #expect(h.state.mainRegionRows.count == 18)
    }

    @Test func paneKeysWaitWhileAFilterIsTyped() throws {
        var h = try Harness()
        try h.press(.character("/"))
        try h.type("mu")
        for key in [Key.tab, .backTab, .left, .right] {
            try h.press(key)
            #expect(h.state.focus == .main && h.state.editingFilter && h.state.main.filter == "mu", "after \(key)")
        }
        try h.type("ara")
        #expect(h.state.mainRegionRows.count == 3 && h.state.districts.filter.isEmpty)
        try h.press(.down)
        #expect(h.state.main.selected == 1, "moving in the filtered list still works")
        try h.press(.enter, .tab)
        #expect(h.state.focus == .ratio)
    }

    @Test func slashDoesNotFilterTheListUnderTheDetail() throws {
        var h = try Harness(scope: "64.08.03")
        try h.press(.enter, .character("/"))
        #expect(h.state.detail != nil && !h.state.editingFilter)
    }

    @Test func sortCyclesAndReverses() throws {
        var h = try Harness()
        try h.press(.character("s"))
        #expect(h.state.mainRegionRows.first?.region.name == "Batu Ampar")
        try h.press(.character("s"))
        #expect(h.state.mainRegionRows.first?.region.name == "Sangatta Utara")
        try h.press(.character("s"))
        #expect(h.state.mainRegionRows.first?.region.name == "Sangatta Utara")
        try h.press(.character("s"))
        #expect(h.state.mainRegionRows.first?.region.name == "Muara Bengkal")
        try h.press(.character("S"))
        #expect(h.state.mainRegionRows.first?.region.name == "Sandaran")
        try h.press(.character("s"))
        #expect(h.state.mainRegionRows.first?.region.code == "64.08.18", "back to code order, reversed")
        _ = h.state.update(.resize(width: 120, height: 40))
        #expect(h.canvas.lines()[0].contains("Kecamatan · Kabupaten Kutai Timur · 2023 · urut kode ↓"))
    }

    @Test func bracketsChangeTheYear() throws {
        var h = try Harness()
        try h.press(.character("["))
        #expect(h.effects == [.load(scope: "64.08", year: 2022)])
        #expect(h.state.data?.scopeFigures.koperasiActive == 655)
        try h.press(.character("["))
        #expect(h.effects.isEmpty)
        #expect(h.state.message == "Tidak ada data untuk tahun 2021.")
        try h.press(.character("]"))
        #expect(h.state.data?.scopeFigures.koperasiActive == 325)
        #expect(h.state.message == nil)
    }

    @Test func reloadRepaintHelpQuit() throws {
        var h = try Harness()
        try h.press(.character("r"))
        #expect(h.effects == [.load(scope: "64.08", year: 2023)])
        try h.press(.control("l"))
        #expect(h.effects == [.repaint])
        try h.press(.character("?"))
        #expect(h.state.showHelp)
        try h.press(.down)
        #expect(h.state.main.selected == 0, "help takes the keys while open")
        try h.press(.escape)
        #expect(!h.state.showHelp)
        try h.press(.character("?"), .character("?"))
        #expect(!h.state.showHelp)
        try h.press(.character("q"))
        #expect(h.effects == [.quit])
        #expect(h.state.quitting)
    }

    @Test func resizeKeepsTheState() throws {
        var h = try Harness()
        try h.press(.down)
        _ = h.state.update(.resize(width: 39, height: 20))
        #expect(h.state.isTooSmall)
        _ = h.state.update(.resize(width: 120, height: 40))
        #expect(!h.state.isTooSmall && h.state.main.selected == 1)
    }

    @Test func scopeOptionOpensWhereAsked() throws {
        #expect(try Harness(scope: "64").state.mainRegionRows.count == 10)
        let kecamatan = try Harness(scope: "64.08.03")
        #expect(kecamatan.state.showsKoperasi && kecamatan.state.mainKoperasiRows.count == 49)
        #expect(try Harness(scope: "64.08", year: 2022).state.data?.scopeFigures.koperasiActive == 655)
    }
}
