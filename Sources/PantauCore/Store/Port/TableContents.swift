/// The rows of one table as text, column by column (nil for NULL): what moves between stores whose tables share
/// their names and columns, as when a server database is made from a new office file.
public struct TableContents: Sendable {
    public var table: String
    public var columns: [String]
    public var rows: [[String?]]
    /// The identity column whose counter must move past the copied rows, if any.
    public var identity: String?

    public init(table: String, columns: [String], rows: [[String?]], identity: String? = nil) {
        self.table = table; self.columns = columns; self.rows = rows; self.identity = identity
    }
}
