import Foundation

/// Edits of an exported worksheet's XML, where every cell is `<c r="B2" t="inlineStr"><is><t …>text</t></is></c>`.
enum SheetXML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    static func replacingFirst(_ text: String, _ target: String, with replacement: String) -> String {
        guard let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }

    /// The range of the text of cell `reference` (inline or shared string index).
    static func valueRange(_ sheet: String, cell reference: String) -> Range<String.Index>? {
        guard let cell = sheet.range(of: "<c r=\"\(reference)\""),
              let end = sheet.range(of: "</c>", range: cell.upperBound ..< sheet.endIndex) else { return nil }
        let inside = cell.upperBound ..< end.lowerBound
        guard let tag = sheet.range(of: "<t xml:space=\"preserve\">", range: inside) ?? sheet.range(of: "<v>", range: inside),
              let close = sheet.range(of: "</", range: tag.upperBound ..< end.lowerBound) else { return nil }
        return tag.upperBound ..< close.lowerBound
    }

    static func replacingValue(_ sheet: String, cell reference: String, with value: String) -> String {
        guard let range = valueRange(sheet, cell: reference) else { return sheet }
        return sheet.replacingCharacters(in: range, with: value)
    }

    /// Inserts a DOCTYPE right after the XML declaration.
    static func withDoctype(_ xml: String, _ doctype: String) -> String {
        replacingFirst(xml, declaration, with: declaration + doctype)
    }

    /// The sheet with every text cell turned into an index into a shared-string table, and that table.
    static func shared(_ sheet: String) -> (sheet: String, sharedStrings: String, count: Int) {
        let cell = #/<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)</t></is></c>/#
        var strings: [String] = [], index: [String: Int] = [:]
        let converted = sheet.replacing(cell) { match in
            let text = String(match.2)
            let i = index[text] ?? strings.count
            if index[text] == nil { index[text] = i; strings.append(text) }
            return "<c r=\"\(match.1)\" t=\"s\"><v>\(i)</v></c>"
        }
        let table = declaration + "\n" + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" "#
            + #"uniqueCount="\#(strings.count)">"# + strings.map { #"<si><t xml:space="preserve">\#($0)</t></si>"# }.joined() + "</sst>"
        return (converted, table, strings.count)
    }

    /// A billion laughs: ten levels of ten, 10^10 characters from one reference to `&lol9;`.
    static let billionLaughs = "<!DOCTYPE worksheet [<!ENTITY lol0 \"lollollollol\">"
        + (1 ... 9).map { level in "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }.joined() + "]>"
}
