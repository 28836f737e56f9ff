import Foundation

/// Numbers as Indonesian readers expect them: `1.209`, `38,8 %`, `−50,4 %`.
public enum NumberFormat {
    /// An integer with `.` between thousands.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return value < 0 ? "−" + out : out
    }

    /// A decimal with a `,` and a fixed number of places, rounded half away from zero.
    public static func decimal(_ value: Double, places: Int = 1) -> String {
        let scale = pow(10.0, Double(places))
        let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let frac = Int(scaled) - whole * Int(scale)
        var text = integer(whole)
        if places > 0 {
            let fracText = String(frac)
            text += "," + String(repeating: "0", count: places - fracText.count) + fracText
        }
        return value < 0 && scaled != 0 ? "−" + text : text
    }

    /// A ratio (0.388) as a percentage (`38,8 %`).
    public static func percent(_ ratio: Double, places: Int = 1) -> String {
        decimal(ratio * 100, places: places) + " %"
    }

    /// A change as a signed percentage (`+3,0 %`, `−50,4 %`).
    public static func signedPercent(_ ratio: Double, places: Int = 1) -> String {
        let text = percent(ratio, places: places)
        return ratio > 0 && !text.hasPrefix("0,0") ? "+" + text : text
    }

    /// A signed integer (`+12`, `−330`).
    public static func signedInteger(_ value: Int) -> String {
        value > 0 ? "+" + integer(value) : integer(value)
    }

    /// A ratio rounded for machine output (four decimals, plain `.`).
    public static func machineRatio(_ ratio: Double) -> Double {
        (ratio * 10_000).rounded() / 10_000
    }
}
