import Foundation

/// What a user typed for a setting, as it is stored: trimmed, a region as its code, a positive number of years.
public enum SettingValue {
    /// `regionCode` turns a region's name or code into its code (each store looks regions up its own way).
    public static func checked(_ key: SettingKey, _ text: String, regionCode: (String) throws -> String) throws -> String {
        let value = text.trimmingCharacters(in: .whitespaces)
        // A setting is printed on reports and screens: it must not carry escape sequences there.
        if value.unicodeScalars.contains(where: TerminalSafe.isControl) { throw PantauError.controlCharacters(field: key.rawValue) }
        switch key {
        case .officeRegion:
            return try regionCode(value)
        case .ratStaleYears:
            guard let years = Int(value), years >= 1 else { throw PantauError.notPositive(field: key.rawValue, text: value) }
            return String(years)
        case .officeName, .demo:
            return value
        }
    }
}
