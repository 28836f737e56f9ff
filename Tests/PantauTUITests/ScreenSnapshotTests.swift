import PantauCore
import SnapshotTesting
import Testing
@testable import PantauTUI

/// Whole screens and single panes from the sample data, compared with the text files in __Snapshots__.
@Suite struct ScreenSnapshotTests {
    @Test func kutaiTimur80x24() throws {
        let h = try Harness()
        assertSnapshot(of: h.screen, as: .lines)
        let lines = h.canvas.lines()
        #expect(lines.contains { $0.contains("│Muara Bengkal      49    19    30  38,8 %") })
        #expect(lines.contains { $0.contains("Koperasi aktif               325 / 250") })
        #expect(lines.contains { $0.contains("UMKM binaan             9.214 / 56.000") })
        #expect(lines.contains { $0.contains("Jumlah          1.209   325   884  26,9 %") })
        #expect(lines.contains { $0.contains("22→23 −50,4 %") })
    }

    @Test func kutaiTimur120x40() throws {
        let h = try Harness(width: 120, height: 40)
        assertSnapshot(of: h.screen, as: .lines)
        #expect(h.screen.contains("Muara Bengkal                      49    19    30  38,8 %"))
        #expect(h.screen.contains("Long Mesangat"))
    }

    @Test func everyPaneAt80x24() throws {
        let h = try Harness()
        let layout = h.layout
        assertSnapshot(of: h.pane(try #require(layout.districts)), as: .lines, named: "districts")
        assertSnapshot(of: h.pane(layout.main), as: .lines, named: "kecamatan")
        assertSnapshot(of: h.pane(layout.tipeA), as: .lines, named: "tipeA")
        assertSnapshot(of: h.pane(layout.ratio), as: .lines, named: "ratio")
        assertSnapshot(of: h.pane(layout.years), as: .lines, named: "years")
        assertSnapshot(of: h.pane(layout.status), as: .lines, named: "status")
    }

    @Test func ascii80x24() throws {
        let h = try Harness(ascii: true)
        assertSnapshot(of: h.screen, as: .lines)
        let screen = h.screen
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func tooSmall() throws {
        var h = try Harness()
        _ = h.state.update(.resize(width: 39, height: 24))
        assertSnapshot(of: h.screen, as: .lines)
        #expect(h.canvas.lines().prefix(2) == ["Layar 39×24 terlalu kecil: perbesar ke", "paling sedikit 40×15."])
        _ = h.state.update(.resize(width: 80, height: 24))
        let fresh = try Harness()
        #expect(h.screen == fresh.screen)
    }

    /// However narrow the terminal, the size needed stays on screen.
    @Test func tooSmallWraps() throws {
        var h = try Harness()
        _ = h.state.update(.resize(width: 30, height: 10))
        #expect(h.canvas.lines().prefix(4) == ["Layar 30×10 terlalu kecil:", "perbesar ke paling sedikit", "40×15.", ""])
        _ = h.state.update(.resize(width: 50, height: 14))
        #expect(h.canvas.lines().prefix(2) == ["Layar 50×14 terlalu kecil: perbesar ke paling", "sedikit 40×15."])
        _ = h.state.update(.resize(width: 12, height: 2))
        #expect(h.canvas.lines() == ["Perlu 40×15.", ""])
    }

    @Test func tooSmallWrapsInASCII() throws {
        var h = try Harness(ascii: true)
        _ = h.state.update(.resize(width: 30, height: 10))
        assertSnapshot(of: h.screen, as: .lines)
        #expect(h.canvas.lines()[2] == "40x15.")
    }

    @Test func muaraBengkalKoperasi() throws {
        let h = try Harness(scope: "64.08.03")
        assertSnapshot(of: h.screen, as: .lines)
        #expect(h.canvas.lines()[0].contains("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023"))
        #expect(h.state.mainKoperasiRows.count == 49)
    }

    @Test func kalimantanTimurDistricts() throws {
        let h = try Harness(scope: "64")
        assertSnapshot(of: h.screen, as: .lines)
        #expect(h.screen.contains("Kabupaten/kota · Kalimantan Timur · 2023"))
    }

    @Test func helpOverlay() throws {
        var h = try Harness()
        try h.press(.character("?"))
        assertSnapshot(of: h.screen, as: .lines)
        for binding in KeyMap.bindings where binding.layouts.contains(.standard) { #expect(h.screen.contains(binding.help(Strings(.id)))) }
        #expect(!h.screen.contains(Strings(.id).helpChoosePane), "number keys choose panes only one pane at a time")
    }

    @Test func english120x40() throws {
        let h = try Harness(width: 120, height: 40, lang: .en)
        assertSnapshot(of: h.screen, as: .lines)
        #expect(h.screen.contains("Active koperasi"))
        #expect(h.screen.contains("9.214 / 56.000"))
    }

    @Test func monochromeSelectionIsReverseVideo() throws {
        let h = try Harness()
        let canvas = h.canvas
        let row = h.layout.main.y + 2
        #expect(canvas.text(in: Rect(x: 33, y: row, width: 14, height: 1)) == "Muara Ancalong")
        #expect(canvas[33, row].style.reverse)
        #expect(!canvas[33, row + 1].style.reverse)
        #expect(canvas.cells.allSatisfy { $0.style.foreground == .standard && $0.style.background == .standard })
    }

    @Test func colourOnlyWhenAsked() throws {
        let h = try Harness(color: true)
        #expect(h.canvas.cells.contains { $0.style.foreground != .standard })
    }
}
