import Testing
@testable import PantauCore
import PantauTestSupport

@Suite struct FormatTests {
    @Test func indonesianNumbers() {
        #expect(NumberFormat.integer(1209) == "1.209")
        #expect(NumberFormat.integer(56000) == "56.000")
        #expect(NumberFormat.integer(130_000) == "130.000")
        #expect(NumberFormat.integer(5_000_000) == "5.000.000")
        #expect(NumberFormat.integer(999) == "999")
        #expect(NumberFormat.integer(-330) == "−330")
        #expect(NumberFormat.percent(19.0 / 49.0) == "38,8 %")
        #expect(NumberFormat.percent(9214.0 / 56000.0) == "16,5 %")
        #expect(NumberFormat.signedPercent(-330.0 / 655.0) == "−50,4 %")
        #expect(NumberFormat.signedPercent(0.03) == "+3,0 %")
        #expect(NumberFormat.decimal(1.25, places: 1) == "1,3")
        #expect(NumberFormat.machineRatio(19.0 / 49.0) == 0.3878)
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalSafe.text("KSP \u{1B}[31mMerah") == "KSP ^[[31mMerah")
        #expect(TerminalSafe.text("a\tb\u{7F}\u{9B}") == "a^Ib^?<U+009B>")
        #expect(TerminalSafe.text("Café Teras Belad") == "Café Teras Belad")
    }
}
