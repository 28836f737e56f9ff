import PantauCore
import Testing
@testable import PantauTUI

/// Bars, gauges and columns have honest lengths: whole cells in ASCII, eighths in Unicode.
@Suite struct ChartTests {
    let ascii = Appearance(ascii: true, color: false, lang: .id)
    let unicode = Appearance(ascii: false, color: false, lang: .id)

    func gauge(_ ratio: Double, width: Int, _ appearance: Appearance) -> String {
        var canvas = Canvas(width: width, height: 1)
        GaugeWidget(ratio: ratio, met: ratio >= 1).draw(&canvas, canvas.bounds, percentText: NumberFormat.percent(ratio),
                                                       appearance: appearance)
        return canvas.text(in: canvas.bounds)
    }

    func columns(_ items: [(Int, Int)], height: Int, _ appearance: Appearance) -> [String] {
        var canvas = Canvas(width: 16, height: height)
        ColumnChartWidget(items: items.map { .init(label: String($0.0), value: $0.1, text: NumberFormat.integer($0.1)) })
            .draw(&canvas, canvas.bounds, appearance: appearance)
        return canvas.lines()
    }

    /// The evaluation gauge of Muara Bengkal (6 of 30), as wide as in the 80×24 dashboard.
    @Test func gaugeAtTwentyPercentHasNoGap() {
        #expect(gauge(0.2, width: 20, ascii) == "##......... 20,0 %  ")
        #expect(gauge(0.2, width: 20, unicode) == "██▎░░░░░░░░ 20,0 %  ")
    }

    @Test func gaugeIsFullOnlyWhenTheTargetIsReached() {
        #expect(gauge(1.3, width: 20, ascii) == "########## 130,0 % v")
        #expect(gauge(0.97, width: 20, ascii) == "##########. 97,0 %  ")
        #expect(gauge(0.97, width: 20, unicode) == "██████████▋ 97,0 %  ")
    }

    @Test func zeroDrawsNothingAndTheWholeFillsTheBar() {
        #expect(Bar.filled(0, width: 4, glyphs: .ascii) == "    ")
        #expect(Bar.filled(0, width: 4, glyphs: .ascii, emptyFill: true) == "....")
        #expect(Bar.filled(.nan, width: 4, glyphs: .ascii, emptyFill: true) == "....")
        #expect(Bar.filled(1, width: 4, glyphs: .ascii) == "####")
        #expect(Bar.filled(1, width: 4, glyphs: .unicode) == "████")
        #expect(Bar.filled(0, width: 4, glyphs: .unicode) == "    ")
    }

    @Test func smallNonZeroShareDrawsOneMark() {
        #expect(Bar.filled(0.01, width: 20, glyphs: .ascii) == "#" + String(repeating: " ", count: 19))
        #expect(Bar.filled(0.01, width: 20, glyphs: .unicode) == "▎" + String(repeating: " ", count: 19))
        #expect(Bar.filled(0.5, width: 1, glyphs: .ascii) == "#")
    }

    /// Half a cell rounds up; less than half rounds down.
    @Test func halfStepsRoundUp() {
        #expect(Bar.filled(0.25, width: 10, glyphs: .ascii) == "###       ")
        #expect(Bar.filled(0.375, width: 4, glyphs: .ascii, emptyFill: true) == "##..")
        #expect(Bar.filled(0.24, width: 10, glyphs: .ascii, emptyFill: true) == "##........")
        #expect(Bar.filled(0.25, width: 10, glyphs: .unicode) == "██▌       ")
    }

    /// Every ASCII bar: marks then empty fill, within one cell of the value, empty only at zero and full only at the whole.
    @Test func asciiBarsAreNeverGappedAndWithinOneCell() {
        for width in 2...30 {
            for percent in 0...100 {
                let fraction = Double(percent) / 100
                let bar = Bar.filled(fraction, width: width, glyphs: .ascii, emptyFill: true)
                let marks = bar.prefix { $0 == "#" }.count
                #expect(bar == String(repeating: "#", count: marks) + String(repeating: ".", count: width - marks))
                #expect(abs(Double(marks) - fraction * Double(width)) < 1)
                #expect((marks == 0) == (percent == 0))
                #expect((marks == width) == (percent == 100))
            }
        }
    }

    /// The ratio pane: Sandaran's 17,9 % at its width in the dashboard, and a share too small for half a cell.
    @Test func barChartShowsSmallRatios() {
        var canvas = Canvas(width: 20, height: 2)
        BarChartWidget(items: [.init(label: "Sandaran", fraction: 0.179, value: "17,9 %"),
                               .init(label: "Kecil", fraction: 0.01, value: "1,0 %")],
                       labelWidth: 8, selected: nil, highlighted: nil, offset: 0, focused: false)
            .draw(&canvas, canvas.bounds, appearance: ascii)
        #expect(canvas.lines() == ["Sandaran #    17,9 %", "Kecil    #     1,0 %"])
    }

    /// 325 active koperasi in 2023 against 655 in 2022: half as tall, to the nearest row.
    @Test func yearColumnsAreProportional() {
        let years = [(2022, 655), (2023, 325)]
        let tall = [" ######", " ######", " ######", " ######", " ######     325"] + Array(repeating: " ######  ######", count: 5)
        #expect(columns(years, height: 12, ascii) == ["    655"] + tall + ["   2022    2023"])
    }

    /// In the 80×24 dashboard the chart has three rows: 325 is 1,49 of them, drawn as one row in ASCII, one and a half in Unicode.
    @Test func yearColumnsInThreeRows() {
        let years = [(2022, 655), (2023, 325)]
        #expect(columns(years, height: 5, ascii) == ["    655", " ######", " ######     325", " ######  ######", "   2022    2023"])
        #expect(columns(years, height: 5, unicode) == ["    655", " ██████     325", " ██████  ▄▄▄▄▄▄", " ██████  ██████", "   2022    2023"])
        #expect(columns([(2022, 655), (2023, 3)], height: 5, ascii) == ["    655", " ######", " ######       3", " ######  ######", "   2022    2023"])
    }
}
