import CZlib
import Foundation

/// The bytes of one zip part, inflated a chunk at a time as the reader asks for them. It reads exactly the part's
/// compressed bytes, checks the CRC-32 at the end, and refuses a part that expands like a zip bomb.
final class ZipEntryStream {
    private let file: FileHandle
    private let entry: ZipEntry
    private var position: UInt64
    private var compressedLeft: UInt64
    /// How much of the part's compressed bytes has been read, for progress.
    var compressedRead: UInt64 { entry.compressedSize - compressedLeft }
    private var produced: UInt64 = 0
    private var crc: UInt32 = 0
    private var ended = false
    private var finished = false
    private let stream: UnsafeMutablePointer<z_stream>?
    private let input: UnsafeMutablePointer<UInt8>
    private let output: UnsafeMutablePointer<UInt8>
    static let chunkSize = 64 * 1024

    init(directory: ZipDirectory, entry: ZipEntry) throws {
        guard entry.flags & 1 == 0, entry.method == 0 || entry.method == 8 else { throw XLSXFault.damaged(entry.name) }
        file = directory.file
        self.entry = entry
        position = try directory.dataOffset(of: entry)
        compressedLeft = entry.compressedSize
        input = .allocate(capacity: Self.chunkSize)
        output = .allocate(capacity: Self.chunkSize)
        if entry.method == 8 {
            // zlib keeps a pointer back to its z_stream: it must not move, so it lives in memory of its own.
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                throw XLSXFault.damaged(entry.name)
            }
            self.stream = stream
        } else {
            stream = nil
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        input.deallocate()
        output.deallocate()
    }

    /// The next bytes of the part, or nil at its end (once its checksum has been verified).
    func next() throws -> [UInt8]? {
        if finished { return nil }
        while true {
            if ended {
                finished = true
                guard crc == entry.crc else { throw XLSXFault.damaged(entry.name) }
                return nil
            }
            let count = stream == nil ? try copyStored() : try inflateSome()
            if count > 0 {
                produced += UInt64(count)
                if produced > UInt64(XLSXLimits.bombFloor), produced / UInt64(XLSXLimits.expansion) > entry.compressedSize {
                    throw XLSXFault.bomb(entry.name)
                }
                crc = UInt32(crc32(UInt(crc), output, UInt32(count)))
                return Array(UnsafeBufferPointer(start: output, count: count))
            }
        }
    }

    /// Reads up to `count` compressed bytes of the part into `input`.
    private func readCompressed() throws -> Int {
        let count = Int(min(UInt64(Self.chunkSize), compressedLeft))
        guard count > 0 else { return 0 }
        let data: Data
        do {
            try file.seek(toOffset: position)
            data = try file.read(upToCount: count) ?? Data()
        } catch {
            throw XLSXFault.damaged(entry.name)
        }
        guard data.count == count else { throw XLSXFault.damaged(entry.name) }
        data.copyBytes(to: input, count: count)
        position += UInt64(count)
        compressedLeft -= UInt64(count)
        return count
    }

    private func copyStored() throws -> Int {
        let count = try readCompressed()
        guard count > 0 else { ended = true; return 0 }
        output.update(from: input, count: count)
        return count
    }

    private func inflateSome() throws -> Int {
        guard let stream else { return 0 }
        if stream.pointee.avail_in == 0 {
            let count = try readCompressed()
            // Every compressed byte read and the deflate stream not at its end: the part is cut short.
            guard count > 0 else { throw XLSXFault.damaged(entry.name) }
            stream.pointee.next_in = input
            stream.pointee.avail_in = UInt32(count)
        }
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(Self.chunkSize)
        let result = inflate(stream, Z_NO_FLUSH)
        let count = Self.chunkSize - Int(stream.pointee.avail_out)
        switch result {
        case Z_STREAM_END: ended = true
        case Z_OK: break
        case Z_BUF_ERROR where stream.pointee.avail_in == 0: break
        default: throw XLSXFault.damaged(entry.name)
        }
        return count
    }
}

extension XLSXFault {
    static func bomb(_ part: String) -> XLSXFault {
        XLSXFault("bagian \(part) mengembang lebih dari \(XLSXLimits.expansion) kali ukuran mampatnya, yang tidak dilakukan buku kerja mana pun (bom zip); \(saveAgain.id)",
                  "its part \(part) expands to more than \(XLSXLimits.expansion) times its compressed size, which no workbook does (a zip bomb); \(saveAgain.en)")
    }
}
