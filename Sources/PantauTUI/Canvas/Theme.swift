/// The styles of the screen's parts, for colour terminals and for monochrome ones
/// (where only bold, reverse, dim and underline remain, and everything stays readable).
public struct Theme: Sendable, Equatable {
    public var isColor: Bool
    public var border, focusedBorder, title, focusedTitle, header, selected, selectedUnfocused: Style
    public var good, bad, warning, bar, barEmpty, muted, status, badge, total: Style

    public static let color = Theme(
        isColor: true, border: Style(foreground: .blue), focusedBorder: Style(foreground: .cyan, bold: true),
        title: Style(bold: true), focusedTitle: Style(foreground: .cyan, bold: true),
        header: Style(foreground: .yellow, bold: true), selected: Style(reverse: true), selectedUnfocused: Style(underline: true),
        good: Style(foreground: .green, bold: true), bad: Style(foreground: .red, bold: true),
        warning: Style(foreground: .yellow, background: .red, bold: true),
        bar: Style(foreground: .cyan), barEmpty: Style(dim: true), muted: Style(dim: true),
        status: Style(foreground: .black, background: .cyan), badge: Style(foreground: .black, background: .yellow, bold: true),
        total: Style(bold: true))

    public static let monochrome = Theme(
        isColor: false, border: .plain, focusedBorder: Style(bold: true), title: Style(bold: true), focusedTitle: Style(bold: true, underline: true),
        header: Style(bold: true), selected: Style(reverse: true), selectedUnfocused: Style(underline: true),
        good: Style(bold: true), bad: Style(bold: true), warning: Style(bold: true, reverse: true),
        bar: .plain, barEmpty: Style(dim: true), muted: Style(dim: true),
        status: Style(reverse: true), badge: Style(bold: true), total: Style(bold: true))
}

/// How the dashboard draws: glyphs, styles and language.
public struct Appearance: Sendable, Equatable {
    public var glyphs: Glyphs
    public var theme: Theme
    public var lang: PantauCore.Language

    public init(ascii: Bool, color: Bool, lang: PantauCore.Language) {
        glyphs = ascii ? .ascii : .unicode
        theme = color ? .color : .monochrome
        self.lang = lang
    }
}

import PantauCore
