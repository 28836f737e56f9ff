import PantauTestSupport
import Foundation

/// Malformed CSV files derived from the sample exports.
enum CSVCases {
    /// Cases that are each made once: a control, huge lines, byte-order marks, encodings, empty files.
    static func crafted(_ make: inout CaseMaker, _ base: SampleBase) {
        for e in [base.koperasi, base.umkm] {
            make.add("csv.control", e.kind, "csv", .imported(rows: e.rows), bytes: e.csv)
            make.add("csv.crlf", e.kind, "csv", .imported(rows: e.rows), bytes: Data(e.lines.joined(separator: Data("\r\n".utf8))) + Data("\r\n".utf8))
            make.add("csv.cr", e.kind, "csv", .either, bytes: Data(e.lines.joined(separator: Data("\r".utf8))))
            make.add("csv.headeronly", e.kind, "csv", .either(rows: 0), bytes: e.lines[0] + Data("\n".utf8))
        }
        let k = base.koperasi
        // One line of 50 MB without a newline (issue 9, item 4), written in pieces.
        make.add("csv.hugeline", k.kind, "csv", .refused) { url, _ in
            try k.csv.write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            let piece = Data(repeating: UInt8(ascii: "A"), count: 1 << 20)
            for _ in 0 ..< 50 { try handle.write(contentsOf: piece) }
        }
        make.add("csv.unclosedquote", k.kind, "csv", .refused, bytes: k.csv + Data("\"".utf8) + Data(repeating: UInt8(ascii: "b"), count: 2 << 20))
        for (label, encoding) in [("utf16le", String.Encoding.utf16LittleEndian), ("utf16be", .utf16BigEndian),
                                  ("utf32le", .utf32LittleEndian), ("utf32be", .utf32BigEndian)] {
            let bom = Data("\u{FEFF}".data(using: encoding)!)
            make.add("csv.bom.\(label)", k.kind, "csv", .either(rows: k.rows), bytes: bom + String(decoding: k.csv, as: UTF8.self).data(using: encoding)!)
            make.add("csv.bom.\(label)-on-utf8", k.kind, "csv", .either, bytes: bom + k.csv)
        }
        // Old Excel: Windows-1252 with no UTF-8 multi-byte sequence at all is read as Windows-1252.
        var lines = k.lines.map { String(decoding: $0, as: UTF8.self) }
        lines[1] = lines[1].replacingOccurrences(of: "Koperasi", with: "Koperasi Café — Bu Aisyah")
        make.add("csv.windows1252", k.kind, "csv", .imported(rows: k.rows), bytes: (lines.joined(separator: "\n") + "\n").data(using: .windowsCP1252)!)
        make.add("csv.empty", k.kind, "csv", .refused, bytes: Data())
        make.add("csv.empty", k.kind, "csv", .refused, bytes: Data([0xEF, 0xBB, 0xBF]))
        make.add("csv.empty", k.kind, "csv", .either(rows: 0), bytes: Data("\n\n\n\n".utf8))
        make.add("csv.wrongkind", "koperasi", "csv", .refused, bytes: base.umkm.csv)
        make.add("csv.wrongkind", "umkm", "csv", .refused, bytes: k.csv)
        make.add("csv.manycolumns", k.kind, "csv", .either(rows: k.rows)) { url, _ in try widened(k, by: 5_000).write(to: url) }
        make.add("csv.manycolumns", k.kind, "csv", .either(rows: k.rows)) { url, _ in try widened(k, by: 30_000).write(to: url) }
    }

    /// Families with a random element: each call adds the next case of its family.
    static func families(_ base: SampleBase) -> [(inout CaseMaker) -> Void] {
        func each(_ family: String, _ expect: @escaping (BaseExport) -> Expectation,
                  _ mutate: @escaping @Sendable (BaseExport, inout SeededGenerator) -> Data) -> (inout CaseMaker) -> Void {
            var turn = 0
            return { make in
                let e = turn % 2 == 0 ? base.koperasi : base.umkm
                turn += 1
                make.add(family, e.kind, "csv", expect(e)) { url, random in try mutate(e, &random).write(to: url) }
            }
        }
        return [
            each("csv.bitflip", { _ in .either }) { e, r in
                var bytes = [UInt8](e.csv)
                for _ in 0 ..< r.int(1 ... 8) { bytes[r.int(0 ..< bytes.count)] ^= 1 << UInt8(r.int(0 ..< 8)) }
                return Data(bytes)
            },
            each("csv.bytes", { _ in .either }) { e, r in
                var bytes = [UInt8](e.csv)
                for _ in 0 ..< r.int(1 ... 8) {
                    if r.int(0 ..< 2) == 0 { bytes.insert(r.byte(), at: r.int(0 ... bytes.count)) } else { bytes.remove(at: r.int(0 ..< bytes.count)) }
                }
                return Data(bytes)
            },
            each("csv.quotes", { _ in .either }) { e, r in
                var bytes = [UInt8](e.csv)
                for _ in 0 ..< r.int(1 ... 6) { bytes.insert(UInt8(ascii: "\""), at: r.int(0 ... bytes.count)) }
                return Data(bytes)
            },
            each("csv.delimiters", { _ in .either }) { e, r in
                var bytes = [UInt8](e.csv)
                let commas = bytes.indices.filter { bytes[$0] == UInt8(ascii: ",") }
                for _ in 0 ..< r.int(1 ... 10) { bytes[r.pick(commas)] = r.pick([UInt8(ascii: ";"), UInt8(ascii: "\t")]) }
                return Data(bytes)
            },
            // NUL in a data line is refused, with its line (issue 9, item 6).
            each("csv.nul", { _ in .refused }) { e, r in
                var lines = e.lines
                let line = r.int(1 ..< lines.count)
                lines[line].insert(0, at: lines[line].startIndex + r.int(0 ..< lines[line].count))
                return joined(lines)
            },
            // A 1 MB field: past the bound on fields (issue 9, item 4).
            each("csv.hugefield", { _ in .refused }) { e, r in
                let unit = r.pick(["x", "Koperasi ", "9"])
                return replacing(e, row: r.int(1 ..< e.lines.count), column: r.pick([1, r.int(0 ..< e.header.count)]),
                                 with: String(repeating: unit, count: (1 << 20) / unit.count + 1))
            },
            // A long region name must not hang the closest-match search (issue 9, item 4).
            each("csv.longregion", { _ in .refused }) { e, r in
                let letters = (0 ..< r.int(5_000 ... 60_000)).map { _ in Character(UnicodeScalar(UInt8(97 + r.int(0 ..< 26)))) }
                return replacing(e, row: r.int(1 ..< e.lines.count), column: e.header.firstIndex(of: "kode_wilayah")!, with: String(letters))
            },
            // Valid UTF-8 (an em dash) and stray single bytes in one file: an error, not silent Windows-1252 (issue 9, item 5).
            each("csv.mixedutf8", { _ in .refused }) { e, r in
                var lines = e.lines
                let good = r.int(1 ..< lines.count), bad = r.int(1 ..< lines.count)
                lines[good] = Data(edited(lines[good], column: 1) { $0 + " — Bu Aisyah" }.utf8)
                for _ in 0 ..< r.int(1 ... 3) {
                    // Inside the name, among ASCII letters, where no byte of 0x80 or more makes a valid sequence.
                    let commas = lines[bad].indices.filter { lines[bad][$0] == UInt8(ascii: ",") }
                    lines[bad].insert(UInt8(r.int(0x80 ... 0xFF)), at: r.int(commas[0] + 2 ..< commas[1]))
                }
                return (r.int(0 ..< 2) == 0 ? Data([0xEF, 0xBB, 0xBF]) : Data()) + joined(lines)
            },
            { truncated(&$0, base) },
        ]
    }

    /// Cut at a random point after the header: the rows left are known, and an import must count exactly those.
    static func truncated(_ make: inout CaseMaker, _ base: SampleBase) {
        let e = make.cases.count % 2 == 0 ? base.koperasi : base.umkm
        var random = SeededGenerator(seed: make.nextSeed("csv.truncate"))
        let cut = random.int(e.lines[0].count + 1 ..< e.csv.count)
        let rows = e.csv.prefix(cut).split(separator: UInt8(ascii: "\n")).count - 1
        make.add("csv.truncate", e.kind, "csv", .either(rows: rows)) { url, _ in try e.csv.prefix(cut).write(to: url) }
    }

    static func edited(_ line: Data, column: Int, _ change: (String) -> String) -> String {
        var fields = String(decoding: line, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if column < fields.count { fields[column] = change(fields[column]) }
        return fields.joined(separator: ",")
    }

    static func joined(_ lines: [Data]) -> Data { Data(lines.joined(separator: Data("\n".utf8))) + Data("\n".utf8) }

    /// The file with one field of one row replaced.
    static func replacing(_ e: BaseExport, row: Int, column: Int, with value: String) -> Data {
        var lines = e.lines
        lines[row] = Data(edited(lines[row], column: column) { _ in value }.utf8)
        return joined(lines)
    }

    /// The file with `extra` more columns (unknown names) and a value in each.
    static func widened(_ e: BaseExport, by extra: Int) -> Data {
        let names = (0 ..< extra).map { "x\($0)" }.joined(separator: ","), values = String(repeating: ",1", count: extra)
        return joined(e.lines.enumerated().map { i, line in line + Data((i == 0 ? "," + names : values).utf8) })
    }
}
