import Foundation

/// One part of a zip file, as its central directory describes it.
struct ZipEntry {
    package let name: String
    let method: UInt16
    let flags: UInt16
    let crc: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    let localHeaderOffset: UInt64
}

/// The central directory of a zip file: which parts it holds and where. Every size and offset read from the file
/// is checked against the file's real size before it is used.
struct ZipDirectory {
    let file: FileHandle
    let fileSize: UInt64
    private var entries: [String: ZipEntry] = [:]

    /// More parts than any workbook has; a larger directory is not a workbook.
    static let maxEntries = 65_536
    static let maxDirectoryBytes: UInt64 = 16 * 1024 * 1024

    /// Throws `notZip` when the file is not a zip file that can be read.
    init(path: String) throws {
        guard let file = FileHandle(forReadingAtPath: path) else { throw XLSXFault.notZip }
        self.file = file
        fileSize = (try? file.seekToEnd()) ?? 0
        let tailSize = min(fileSize, 22 + 65_535)
        let tail = try Self.read(file, at: fileSize - tailSize, count: Int(tailSize))
        // The end-of-central-directory record: its signature, searched from the end (a comment may follow it).
        guard tail.count >= 22, let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { tail.u32($0) == 0x0605_4B50 }) else {
            throw XLSXFault.notZip
        }
        var count = UInt64(tail.u16(end + 10))
        var size = UInt64(tail.u32(end + 12))
        var offset = UInt64(tail.u32(end + 16))
        let endOffset = fileSize - tailSize + UInt64(end)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, end >= 20, tail.u32(end - 20) == 0x0706_4B50 {
            // ZIP64: the locator before the record points to a larger record.
            let at = tail.u64(end - 20 + 8)
            guard at < fileSize, fileSize - at >= 56 else { throw XLSXFault.notZip }
            let record = try Self.read(file, at: at, count: 56)
            guard record.count == 56, record.u32(0) == 0x0606_4B50 else { throw XLSXFault.notZip }
            (count, size, offset) = (record.u64(32), record.u64(40), record.u64(48))
        }
        guard count <= UInt64(Self.maxEntries), size <= Self.maxDirectoryBytes, offset <= endOffset, size <= endOffset - offset else {
            throw XLSXFault.notZip
        }
        let directory = try Self.read(file, at: offset, count: Int(size))
        guard directory.count == Int(size) else { throw XLSXFault.notZip }
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4B50 else { throw XLSXFault.notZip }
            let nameLength = Int(directory.u16(at + 28)), extraLength = Int(directory.u16(at + 30)), commentLength = Int(directory.u16(at + 32))
            let nameStart = at + 46, extraStart = nameStart + nameLength, next = extraStart + extraLength + commentLength
            guard next <= directory.count else { throw XLSXFault.notZip }
            var compressed = UInt64(directory.u32(at + 20)), uncompressed = UInt64(directory.u32(at + 24))
            var local = UInt64(directory.u32(at + 42))
            // ZIP64 extra field: 64-bit values, in this order, for those set to all ones above.
            var field = extraStart
            while field + 4 <= extraStart + extraLength {
                let id = directory.u16(field), length = Int(directory.u16(field + 2))
                var value = field + 4
                let fieldEnd = value + length
                guard fieldEnd <= extraStart + extraLength else { break }
                if id == 0x0001 {
                    for slot in [0, 1, 2] where value + 8 <= fieldEnd {
                        switch slot {
                        case 0 where uncompressed == 0xFFFF_FFFF: uncompressed = directory.u64(value); value += 8
                        case 1 where compressed == 0xFFFF_FFFF: compressed = directory.u64(value); value += 8
                        case 2 where local == 0xFFFF_FFFF: local = directory.u64(value); value += 8
                        default: break
                        }
                    }
                }
                field = fieldEnd
            }
            let name = String(decoding: directory[nameStart..<extraStart], as: UTF8.self)
            if entries[name] == nil {
                entries[name] = ZipEntry(name: name, method: directory.u16(at + 10), flags: directory.u16(at + 8), crc: directory.u32(at + 16),
                                         compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local)
            }
            at = next
        }
    }

    subscript(name: String) -> ZipEntry? { entries[name] }

    /// Where the bytes of a part begin, after its local header; throws when they would lie outside the file.
    func dataOffset(of entry: ZipEntry) throws -> UInt64 {
        guard entry.localHeaderOffset < fileSize, fileSize - entry.localHeaderOffset >= 30 else { throw XLSXFault.damaged(entry.name) }
        let header = try Self.read(file, at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, header.u32(0) == 0x0403_4B50 else { throw XLSXFault.damaged(entry.name) }
        let start = entry.localHeaderOffset + 30 + UInt64(header.u16(26)) + UInt64(header.u16(28))
        guard start <= fileSize, entry.compressedSize <= fileSize - start else { throw XLSXFault.damaged(entry.name) }
        return start
    }

    static func read(_ file: FileHandle, at offset: UInt64, count: Int) throws -> [UInt8] {
        do {
            try file.seek(toOffset: offset)
            return [UInt8](try file.read(upToCount: count) ?? Data())
        } catch {
            throw XLSXFault.notZip
        }
    }
}

extension XLSXFault {
    static let notZip = XLSXFault("bukan buku kerja .xlsx yang terbaca; \(saveAgain.id)", "is not a readable .xlsx workbook; \(saveAgain.en)")
}

/// Little-endian integers at a position of a byte array (the caller has checked the bounds).
fileprivate extension Array where Element == UInt8 {
    func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    func u64(_ i: Int) -> UInt64 { UInt64(u32(i)) | UInt64(u32(i + 4)) << 32 }
}
