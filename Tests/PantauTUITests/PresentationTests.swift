import PantauCore
import PantauTestSupport
import SnapshotTesting
import Testing
@testable import PantauTUI

/// Every slide at 80×24 and 160×45, in Unicode and ASCII, and the keys of the presentation.
@Suite struct PresentationTests {
    let data = try! DashboardLoader(store: Fixtures.sampleStore).presentation(scope: Fixtures.sampleStore.resolveRegion("Kutim"), year: nil)

    func render(_ slide: Int, width: Int, height: Int, ascii: Bool) -> Canvas {
        var state = PresentationState(width: width, height: height)
        state.slide = slide
        return SlideView(state: state, data: data, appearance: Appearance(ascii: ascii, color: false, lang: .id)).render()
    }

    @Test(arguments: [(80, 24), (160, 45)])
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

    @Test func aProvinceIsRefusedWithOneSentence() throws {
        #expect(throws: PantauError.presentationNeedsDistrict(scope: "Kalimantan Timur (64)")) {
            try DashboardLoader(store: Fixtures.sampleStore).presentation(scope: try Fixtures.sampleStore.resolveRegion("Kaltim"), year: nil)
        }
    }
}
