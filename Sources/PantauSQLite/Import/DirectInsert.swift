import GRDB
import GRDBSQLite

/// A prepared statement run with SQLite's own binding calls. Staging binds seven values per row, a million rows per
/// file: through GRDB's general arguments that cost more than SQLite's insert itself.
struct DirectInsert {
    enum Value {
        case int(Int)
        case text(String)
        case null

        static func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
    }

    let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Runs the statement once with these values (as many as it has parameters); throws SQLite's error as GRDB does.
    func run(_ values: Value...) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32 = switch value {
            case .int(let n): sqlite3_bind_int64(handle, position, Int64(n))
            case .null: sqlite3_bind_null(handle, position)
            // An empty text is bound as an empty text, never through a missing pointer (that would be NULL).
            case .text(let s) where s.isEmpty: sqlite3_bind_text(handle, position, "", 0, Self.transient)
            case .text(var s): s.withUTF8 { sqlite3_bind_text(handle, position, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            if code != SQLITE_OK { throw failure(code) }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        if code != SQLITE_DONE { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(statement.sqliteStatement)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
                             sql: statement.sql)
    }

    /// SQLite copies the text before the call returns (the Swift string's storage is only borrowed for it).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
