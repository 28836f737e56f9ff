import NIOCore
@testable import PantauPostgres
import PostgresNIO
import Testing

/// The kept counts and the regions come as arrays read by Pantau's own decoder: what the server sends is read
/// exactly, and a reply whose sizes do not fit its bytes is refused with a reason, never trusted with an index.
@Suite struct ArrayColumnTests {
    /// An array in PostgreSQL's binary form: dimensions, NULL flag, element type, then length and lower bound.
    func array(dimensions: Int32 = 1, elementType: PostgresDataType, count: Int32? = nil, elements: [[UInt8]?]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(dimensions)
        buffer.writeInteger(Int32(elements.contains { $0 == nil } ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        if dimensions > 0 {
            buffer.writeInteger(count ?? Int32(elements.count))
            buffer.writeInteger(Int32(1))
        }
        for element in elements {
            guard let element else {
                buffer.writeInteger(Int32(-1))
                continue
            }
            buffer.writeInteger(Int32(element.count))
            buffer.writeBytes(element)
        }
        return buffer
    }

    func decode<T: ArrayElement>(_ buffer: ByteBuffer, as: T.Type, format: PostgresFormat = .binary) throws -> [T] {
        var buffer = buffer
        return try ArrayColumn<T>(from: &buffer, type: .textArray, format: format, context: .default).values
    }

    func reason<T: ArrayElement>(_ buffer: ByteBuffer, as type: T.Type) -> String? {
        do {
            _ = try decode(buffer, as: type)
            return nil
        } catch {
            return (error as? MalformedArray)?.reason ?? "\(error)"
        }
    }

    func bigEndian<I: FixedWidthInteger>(_ value: I) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    @Test func textAndNumbersAreReadAsSent() throws {
        let text = array(elementType: .text, elements: [Array("64.08".utf8), Array("inactive:".utf8), [], Array("Kutai Timur ✓".utf8)])
        #expect(try decode(text, as: String.self) == ["64.08", "inactive:", "", "Kutai Timur ✓"])
        let numbers = array(elementType: .int8, elements: [bigEndian(Int64(4_999_765)), bigEndian(Int64(-3))])
        #expect(try decode(numbers, as: Int.self) == [4_999_765, -3])
        let years = array(elementType: .int4, elements: [bigEndian(Int32(2023)), bigEndian(Int32(2022))])
        #expect(try decode(years, as: Int.self) == [2023, 2022])
        #expect(try decode(array(elementType: .int2, elements: [bigEndian(Int16(-7))]), as: Int.self) == [-7])
        #expect(try decode(array(dimensions: 0, elementType: .text, elements: []), as: String.self) == [])
    }

    @Test func aReplyThatDoesNotFitIsRefusedWithItsReason() {
        let place = Array("64.08".utf8)
        #expect(reason(array(elementType: .int4, elements: [place]), as: String.self) == "not an array of String")
        #expect(reason(array(elementType: .text, elements: [place]), as: Int.self) == "not an array of Int")
        #expect(reason(array(dimensions: 2, elementType: .text, elements: [place]), as: String.self) == "2 dimensions")
        #expect(reason(array(elementType: .text, count: Int32.max, elements: [place]), as: String.self) == "a length the reply does not hold")
        #expect(reason(array(elementType: .text, count: -1, elements: [place]), as: String.self) == "a length the reply does not hold")
        #expect(reason(array(elementType: .text, count: 2, elements: [place, place, place]), as: String.self) == "bytes after the last element")
        #expect(reason(array(elementType: .text, elements: [place, nil]), as: String.self) == "an element that is NULL or cut short")
        #expect(reason(array(elementType: .int4, elements: [[0, 1, 2]]), as: Int.self) == "a number of 3 bytes")
        var cut = array(elementType: .text, elements: [place])
        cut.moveWriterIndex(to: cut.writerIndex - 1)
        #expect(reason(cut, as: String.self) == "an element that is NULL or cut short")
        var header = array(elementType: .text, elements: [])
        header.moveWriterIndex(to: 6)
        #expect(reason(header, as: String.self) == "cut short")
        #expect(throws: MalformedArray.self) { try decode(array(elementType: .text, elements: [place]), as: String.self, format: .text) }
    }

    /// Every cut of a valid reply, and random bytes after a valid header, are refused or read; none traps.
    @Test func noCutOrNoiseTraps() {
        let valid = array(elementType: .text, elements: (0..<20).map { Array("64.\($0)".utf8) })
        for end in 0..<valid.readableBytes {
            var cut = valid
            cut.moveWriterIndex(to: end)
            #expect(reason(cut, as: String.self) != nil, "a reply cut at byte \(end) is refused")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var noise = array(elementType: .int8, elements: [])
            noise.moveWriterIndex(to: 12)
            noise.writeBytes((0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            _ = reason(noise, as: Int.self)
        }
    }
}
