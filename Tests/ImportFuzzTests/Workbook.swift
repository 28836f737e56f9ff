import Foundation
import ZIPFoundation

/// One part of a workbook zip: its bytes, or (for bombs) a long run of bytes produced piece by piece.
struct WorkbookPart: Sendable {
    enum Piece: Sendable {
        case bytes(Data)
        /// `count` copies of `byte`: hundreds of MB that deflate to a few hundred KB.
        case run(UInt8, count: Int)
    }

    var name: String
    var pieces: [Piece]

    init(_ name: String, _ data: Data) { self.name = name; pieces = [.bytes(data)] }
    init(_ name: String, _ text: String) { self.init(name, Data(text.utf8)) }
    init(_ name: String, pieces: [Piece]) { self.name = name; self.pieces = pieces }

    var size: Int {
        pieces.reduce(0) { total, piece in
            switch piece {
            case .bytes(let data): total + data.count
            case .run(_, let count): total + count
            }
        }
    }

    /// The bytes in `position ..< position + count`, across pieces.
    func chunk(at position: Int, count: Int) -> Data {
        var out = Data(capacity: count)
        var start = 0
        for piece in pieces {
            let length: Int
            switch piece {
            case .bytes(let data): length = data.count
            case .run(_, let n): length = n
            }
            let from = max(position, start), to = min(position + count, start + length)
            if from < to {
                switch piece {
                case .bytes(let data): out.append(data.subdata(in: data.startIndex + from - start ..< data.startIndex + to - start))
                case .run(let byte, _): out.append(Data(repeating: byte, count: to - from))
                }
            }
            start += length
            if start >= position + count { break }
        }
        return out
    }
}

/// Workbooks as zips: read the parts of an exported one, write crafted ones, and damage their zip structure.
enum Workbook {
    /// The parts of a workbook file, in the order they are stored.
    static func parts(of url: URL) throws -> [WorkbookPart] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return WorkbookPart(entry.path, data)
        }
    }

    static func write(_ parts: [WorkbookPart], to url: URL, compression: CompressionMethod = .deflate) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_672_531_200)
        for part in parts {
            try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(part.size), modificationDate: date,
                                 compressionMethod: compression, bufferSize: 1 << 20) { position, count in
                part.chunk(at: Int(position), count: count)
            }
        }
    }

    /// Where an entry of a zip lies: its CRC fields (local header and central directory) and its stored bytes.
    struct EntryLayout {
        var name: String
        var crcOffsets: [Int]
        var dataRange: Range<Int>
    }

    /// Reads the central directory of a zip written without comment or zip64 (as `write` makes them).
    static func layout(of zip: Data) -> [EntryLayout] {
        let bytes = [UInt8](zip)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var end = bytes.count - 22
        guard end >= 0 else { return [] }
        while end > 0 && u32(end) != 0x0605_4B50 { end -= 1 }
        var at = u32(end + 16)
        var entries: [EntryLayout] = []
        for _ in 0 ..< u16(end + 10) {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { break }
            let nameLength = u16(at + 28), local = u32(at + 42)
            let name = String(decoding: bytes[at + 46 ..< at + 46 + nameLength], as: UTF8.self)
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            entries.append(EntryLayout(name: name, crcOffsets: [local + 14, at + 16], dataRange: dataStart ..< dataStart + u32(at + 20)))
            at += 46 + nameLength + u16(at + 30) + u16(at + 32)
        }
        return entries
    }

    /// The zip with the stored CRC of `name` changed in both places: the data is intact, its checksum is not.
    static func withWrongCRC(_ zip: Data, entry name: String) -> Data {
        var zip = zip
        for entry in layout(of: zip) where entry.name == name {
            for offset in entry.crcOffsets { zip[zip.startIndex + offset] ^= 0x5A }
        }
        return zip
    }
}
