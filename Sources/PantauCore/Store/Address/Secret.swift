/// A password held in memory. It prints as `(hidden)` however it is printed — interpolation, `dump`,
/// `String(reflecting:)` — so no log line or message can carry it by accident; only `revealed` gives it.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The password itself: for the connection, never for text a person sees.
    public let revealed: String

    public init(_ revealed: String) { self.revealed = revealed }

    public var description: String { "(hidden)" }
    public var debugDescription: String { "(hidden)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
