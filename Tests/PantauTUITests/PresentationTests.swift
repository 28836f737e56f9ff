import Foundation
import PantauCore
import PantauSQLite
import PantauTestSupport
import SnapshotTesting
import Testing
@testable import PantauTUI

/// Every slide from 40×15 (a phone held upright) to 160×45 (a projector), in Unicode and ASCII, and the keys of the presentation.
@Suite struct PresentationTests {
    let data: PresentationData

    init() async throws {
        data = try await DashboardLoader(store: Fixtures.sampleStore).presentation(scope: Fixtures.sampleStore.resolveRegion("Kutim"), year: nil)
    }

    func render(_ slide: Int, width: Int, height: Int, ascii: Bool) -> Canvas {
        var state = PresentationState(width: width, height: height)
        state.slide = slide
        return SlideView(state: state, data: data, appearance: Appearance(ascii: ascii, color: false, lang: .id)).render()
    }

    @Test(arguments: [(40, 15), (50, 30), (60, 20), (80, 24), (160, 45)])
    func slidesInUnicodeAndASCII(size: (Int, Int)) {
        for slide in 0..<PresentationState.slideCount {
            for ascii in [false, true] {
                let canvas = render(slide, width: size.0, height: size.1, ascii: ascii)
                assertSnapshot(of: canvas.lines().joined(separator: "\n"), as: .lines,
                               named: "slide\(slide + 1)-\(size.0)x\(size.1)\(ascii ? "-ascii" : "")")
                if ascii { #expect(canvas.lines().joined().unicodeScalars.allSatisfy { $0.isASCII }) }
            }
        }
    }

    @Test func bigNumbersAreAlsoWrittenInText() {
        let readiness = render(0, width: 80, height: 24, ascii: false).lines().joined(separator: "\n")
        #expect(readiness.contains("325 dari 250") && readiness.contains("9.214 dari 56.000"))
        #expect(readiness.contains("130,0 % · terpenuhi ✓") && readiness.contains("16,5 % · kurang 46.786"))
        #expect(readiness.contains("BELUM MEMENUHI SYARAT TIPE A"))
        #expect(render(1, width: 80, height: 24, ascii: false).lines().contains { $0.contains("655 → 325 (−50,4 %)") })
        let evaluation = render(3, width: 80, height: 24, ascii: false).lines().joined(separator: "\n")
        #expect(evaluation.contains("126 dari 884 koperasi tidak aktif sudah dievaluasi (14,3 %)"))
        let programmes = render(4, width: 80, height: 24, ascii: false).lines().joined(separator: "\n")
        #expect(programmes.contains("3 dari 10 angkatan 2023 diadakan (rencana: 10 × 30 koperasi)"))
        #expect(programmes.contains("Target provinsi 2023: 600 koperasi dilatih"))
        let pace = render(5, width: 80, height: 24, ascii: false).lines().joined(separator: "\n")
        #expect(pace.contains("1.950 UMKM per bulan agar 56.000 tercapai pada akhir 2025"))
        #expect(pace.contains("Koperasi aktif: turun di bawah 250 pada 2024"))
    }

    /// The figures each slide must show whole, on one line, at every size.
    static let figuresBySlide = [
        ["325 dari 250", "130,0 % · terpenuhi ✓", "9.214 dari 56.000", "16,5 % · kurang 46.786", "BELUM MEMENUHI SYARAT TIPE A"],
        ["655", "325", "2022", "2023", "655 → 325 (−50,4 %)"],
        ["38,8 %  (19/49)", "32,0 %  (78/244)", "17,9 %  (5/28)"],
        ["Dievaluasi", "126 dari 884", "(14,3 %)", "80", "28", "18"],
        ["3 dari 10 angkatan 2023", "(rencana: 10 × 30 koperasi)", "Koperasi dilatih: 90 dari 300"],
        ["1.950 UMKM per bulan", "56.000 tercapai pada akhir 2025", "UMKM: mencapai 56.000 pada 2068", "di bawah 250 pada 2024"],
    ]

    @Test(arguments: [15, 18, 21, 23])
    func everyFigureIsWholeFromFortyColumnsUp(height: Int) {
        for width in stride(from: 40, through: 80, by: 4) {
            for slide in 0..<PresentationState.slideCount {
                let lines = render(slide, width: width, height: height, ascii: false).lines()
                for figure in Self.figuresBySlide[slide] {
                    #expect(lines.contains { $0.contains(figure) }, "slide \(slide + 1) at \(width)×\(height) lacks \(figure)")
                }
                #expect(!lines.joined().contains("…") || slide == 2, "slide \(slide + 1) at \(width)×\(height) cuts a text")
            }
        }
    }

    @Test func whereBigDigitsDoNotFitTheNumberIsBoldPlainTextCentred() throws {
        let canvas = render(0, width: 40, height: 15, ascii: false)
        let lines = canvas.lines()
        #expect(!lines.joined().contains("█"), "no big digit at 40×15")
        for (label, number) in [("Koperasi aktif", "325"), ("UMKM binaan", "9.214")] {
            let y = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == label })
            #expect(lines[y + 1].trimmingCharacters(in: .whitespaces) == number)
            let x = try #require(lines[y + 1].firstIndex { $0 != " " }).utf16Offset(in: lines[y + 1])
            #expect(x == (40 - number.count) / 2 && canvas[x, y + 1].style.bold)
        }
        #expect(render(0, width: 50, height: 30, ascii: false).lines().joined().contains("█"), "big digits from 50×30")
    }

    @Test func centredTextWrapsEvenlyAndKeepsAPercentageWhole() {
        #expect(BlockLayout.lines("126 dari 884 koperasi tidak aktif sudah dievaluasi (14,3 %)", 40)
                == ["126 dari 884 koperasi tidak", "aktif sudah dievaluasi (14,3 %)"])
        #expect(BlockLayout.lines("3 dari 10 angkatan 2023 diadakan (rencana: 10 × 30 koperasi)", 48)
                == ["3 dari 10 angkatan 2023 diadakan", "(rencana: 10 × 30 koperasi)"])
        #expect(BlockLayout.lines("655 → 325 (−50,4 %)", 40) == ["655 → 325 (−50,4 %)"])
    }

    @Test func keysMoveAndPause() {
        var state = PresentationState(width: 80, height: 24, interval: 15)
        state.update(.key(.character(" ")))
        state.update(.key(.right))
        #expect(state.slide == 2)
        state.update(.key(.left))
        #expect(state.slide == 1)
        state.update(.key(.character("6")))
        #expect(state.slide == 5)
        state.update(.tick)
        #expect(state.slide == 0, "auto-advance wraps around")
        state.update(.key(.character("p")))
        state.update(.tick)
        #expect(state.slide == 0 && state.paused)
        state.update(.key(.character("p")))
        state.update(.tick)
        #expect(state.slide == 1)
        state.update(.key(.character("9")))
        #expect(state.slide == 1)
        state.update(.key(.character("q")))
        #expect(state.quitting)
    }

    @Test func aProvinceIsRefusedWithOneSentence() async throws {
        await #expect(throws: PantauError.presentationNeedsDistrict(scope: "Kalimantan Timur (64)")) {
            try await DashboardLoader(store: Fixtures.sampleStore).presentation(scope: try Fixtures.sampleStore.resolveRegion("Kaltim"), year: nil)
        }
    }
}
