import NIOCore
import PostgresNIO

/// A one-dimensional array read straight from the server's binary form. Many rows sent as a few arrays in one row
/// cost the client less than the rows one by one, but postgres-nio's own array decoding, generic per element,
/// still cost more than the query (the country's kept counts are four arrays of about 39.000 values). Every size
/// in the reply is checked against the bytes that are there before it is used.
struct ArrayColumn<Element: ArrayElement>: PostgresDecodable {
    var values: [Element]

    init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                           context: PostgresDecodingContext<JSONDecoder>) throws {
        // Dimensions, whether any element is NULL, the elements' type; then each dimension's length and lower bound.
        guard format == .binary else { throw MalformedArray(reason: "not in binary form") }
        guard let dimensions = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
              let elementType = buffer.readInteger(as: UInt32.self)
        else { throw MalformedArray(reason: "cut short") }
        guard Element.accepts(PostgresDataType(elementType)) else { throw MalformedArray(reason: "not an array of \(Element.self)") }
        guard dimensions == 1 else {
            guard dimensions == 0, buffer.readableBytes == 0 else { throw MalformedArray(reason: "\(dimensions) dimensions") }
            values = []
            return
        }
        // Each element takes at least its four-byte length, so a count larger than that allows is not believed.
        guard let count = buffer.readInteger(as: Int32.self), count >= 0, buffer.readInteger(as: Int32.self) != nil,
              Int(count) <= buffer.readableBytes / 4
        else { throw MalformedArray(reason: "a length the reply does not hold") }
        values = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            // A NULL element's length is -1: the columns read this way hold none.
            guard let length = buffer.readInteger(as: Int32.self), length >= 0, let bytes = buffer.readSlice(length: Int(length))
            else { throw MalformedArray(reason: "an element that is NULL or cut short") }
            values.append(try Element(arrayElement: bytes))
        }
        guard buffer.readableBytes == 0 else { throw MalformedArray(reason: "bytes after the last element") }
    }
}

struct MalformedArray: Error, CustomStringConvertible {
    let reason: String
    var description: String { "an array in the server's reply could not be read (\(reason))" }
}

/// What an `ArrayColumn` holds, from an element's bytes in binary form.
protocol ArrayElement {
    static func accepts(_ type: PostgresDataType) -> Bool
    init(arrayElement: ByteBuffer) throws
}

extension String: ArrayElement {
    static func accepts(_ type: PostgresDataType) -> Bool { type == .text || type == .varchar || type == .name }

    init(arrayElement bytes: ByteBuffer) throws { self.init(buffer: bytes) }
}

extension Int: ArrayElement {
    static func accepts(_ type: PostgresDataType) -> Bool { type == .int2 || type == .int4 || type == .int8 }

    init(arrayElement bytes: ByteBuffer) throws {
        var bytes = bytes
        switch bytes.readableBytes {
        case 2: self = Int(bytes.readInteger(as: Int16.self) ?? 0)
        case 4: self = Int(bytes.readInteger(as: Int32.self) ?? 0)
        case 8: self = Int(bytes.readInteger(as: Int64.self) ?? 0)
        default: throw MalformedArray(reason: "a number of \(bytes.readableBytes) bytes")
        }
    }
}
