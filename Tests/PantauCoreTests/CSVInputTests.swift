import Foundation
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// Delimited text a hostile or broken world sends: huge lines and values, mixed encodings, NUL bytes, folders.
/// Each is refused with one located sentence and the database left as it was, or read exactly.
@Suite struct CSVInputTests {
    /// The helpers of the import tests: files, requests, and the database compared before and after.
    let importing = ImportTests()
    static let umkmHeader = "nib,nama_usaha,kode_wilayah,tahun_binaan\n"

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: Length

    @Test func aLineLongerThan64KBFailsAtOnceWithItsLine() throws {
        let long = String(repeating: "A", count: 3_000_000)
        let path = importing.file("u.csv", Self.umkmHeader + ",Warung A,64.08.03,2020\n,\(long),64.08.03,2020\n,Warung B,64.08.03,2020\n")
        try importing.expectFailure(.umkm, path, ["\(path):3: the line is longer than 64 KB, Pantau's limit for one line; check that the file is a CSV table"])
    }

    /// A file that fails part-way has staged rows already: the next file must not be staged under its number.
    @Test func aFileThatFailsPartWayLeavesTheNextOneItsOwnPlace() throws {
        let long = String(repeating: "A", count: 70_000)
        // Past the 30 rows the header is looked for in, so that rows are staged before the long line comes.
        let rows = (1...40).map { String(format: "64080310000001%02d,KSU %d,64.08.03,konsumen,10,2000,ya\n", $0, $0) }.joined()
        let broken = importing.file("a.csv", ImportTests.header + rows + "6408031000000199,\(long),64.08.03,konsumen,10,2000,ya\n")
        let fine = importing.file("b.csv", ImportTests.header + "6408031000000198,KSU B,64.08.03,konsumen,10,2000,ya\n")
        let store = try importing.fresh()
        let before = try importing.contents(store)
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(importing.request(.koperasi, broken, fine)) }
        #expect(error?.problems.map(\.description) == ["\(broken):42: the line is longer than 64 KB, Pantau's limit for one line; check that the file is a CSV table"])
        #expect(try importing.contents(store) == before)
    }

    @Test func anUnclosedQuoteStopsAt64KB() throws {
        let rows = (1...5000).map { ",Warung \($0),64.08.03,2020" }.joined(separator: "\n")
        let path = importing.file("u.csv", Self.umkmHeader + ",\"Warung Kopi,64.08.03,2020\n" + rows + "\n")
        try importing.expectFailure(.umkm, path, ["\(path):2: a quoted field runs on for more than 64 KB; its closing \" is probably missing"])
    }

    @Test func aRowOfExactly64KBIsRead() throws {
        let limit = DelimitedReader.maxRowBytes
        let fits = importing.file("fits.csv", "a,b\n" + String(repeating: "x", count: limit - 3) + ",y\n")
        let reader = try DelimitedReader(path: fits, forcedEncoding: nil, lang: .en)
        _ = try reader.nextRow()
        #expect(try reader.nextRow()?.fields.map(\.count) == [limit - 3, 1])
        let over = importing.file("over.csv", "a,b\n" + String(repeating: "x", count: limit - 2) + ",y\n")
        let tooLong = try DelimitedReader(path: over, forcedEncoding: nil, lang: .en)
        _ = try tooLong.nextRow()
        #expect(throws: ImportProblem.row(path: over, line: 2, column: nil, message: "the line is longer than 64 KB, Pantau's limit for one line; check that the file is a CSV table")) {
            try tooLong.nextRow()
        }
    }

    @Test func aLongRegionNameIsQuotedAsAnExcerptAndSuggestsNothing() throws {
        let name = String(repeating: "Muara Bengkal ", count: 715)  // 10,010 characters
        let path = importing.file("u.csv", Self.umkmHeader + ",Warung A,\(name),2020\n")
        try importing.expectFailure(.umkm, path, ["\(path):2: kode_wilayah: No region is called \"Muara Bengkal Muara Bengkal Muara Bengka…\"; give a Kemendagri code such as 64.08 or a name."])
    }

    @Test func messagesQuoteAtMost40CharactersOfAValue() throws {
        let number = String(repeating: "9", count: 5000) + "x"
        let path = importing.file("k.csv", ImportTests.header + "6408039999000001,KSU A,64.08.03,serba usaha,\(number),2000,ya\n")
        try importing.expectFailure(.koperasi, path, ["\(path):2: jumlah_anggota: \"\(String(repeating: "9", count: 40))…\" is not a whole number; write e.g. 1209 or 1.209"])
        let column = "Catatan " + String(repeating: "panjang ", count: 100)
        let warned = importing.file("u.csv", "nib,nama_usaha,kode_wilayah,tahun_binaan,\(column)\n,Warung A,64.08.03,2020,x\n")
        let summary = try importing.fresh().importFiles(importing.request(.umkm, warned))
        #expect(summary.warnings.map(\.description) == ["\(warned):1: Catatan panjang panjang panjang panjang …: unknown column, ignored"])
    }

    // MARK: Encoding

    @Test func aStrayWindows1252ByteInAFileWithAUTF8BOMIsRefused() throws {
        // The issue's example: "Warung Kopi — Bu Aisyah" in UTF-8 after a BOM, and a Windows-1252 "é" two lines on.
        let path = importing.file("u.csv", [0xEF, 0xBB, 0xBF] + bytes(Self.umkmHeader + ",Warung Kopi — Bu Aisyah,64.08.03,2020\n,Kopi Caf")
                                  + [0xE9] + bytes(",64.08.03,2021\n"))
        try importing.expectFailure(.umkm, path, ["\(path):3: is not valid UTF-8, though the file starts with a UTF-8 mark (BOM); save it again as CSV UTF-8, or give --encoding windows-1252 if it is Windows-1252"])
    }

    @Test func utf8ThenAStrayByteNamesTheBadLine() throws {
        let path = importing.file("u.csv", bytes(Self.umkmHeader + ",Warung Kopi — Bu Aisyah,64.08.03,2020\n,Warung B,64.08.03,2020\n,Kopi Caf")
                                  + [0xE9] + bytes(",64.08.03,2021\n"))
        try importing.expectFailure(.umkm, path, ["\(path):4: holds a byte that is not UTF-8, though the file also holds UTF-8 text (line 2); save it again as CSV UTF-8, or give --encoding windows-1252 to read it all as Windows-1252"])
    }

    @Test func aStrayByteAndUTF8InOneFieldAreRefused() throws {
        // A Windows-1252 dash and then a UTF-8 one, in the same field: the UTF-8 after the stray byte still counts.
        let path = importing.file("u.csv", bytes(Self.umkmHeader + ",Warung Kopi ") + [0x97] + bytes(" Bu Aisyah — Sangatta,64.08.03,2020\n"))
        try importing.expectFailure(.umkm, path, ["\(path):2: holds a byte that is not UTF-8, though the file also holds UTF-8 text (line 2); save it again as CSV UTF-8, or give --encoding windows-1252 to read it all as Windows-1252"])
    }

    @Test func aWindows1252ByteEarlyAndUTF8Past64KBIsRefused() throws {
        // Judged on the whole file: the UTF-8 dash comes after the first 64 KB.
        let padding = (1...3000).map { ",Warung \($0),64.08.03,2020\n" }.joined()
        let path = importing.file("u.csv", bytes(Self.umkmHeader + ",Kopi Caf") + [0xE9] + bytes(",64.08.03,2021\n" + padding + ",Warung Kopi — Bu Aisyah,64.08.03,2020\n"))
        try importing.expectFailure(.umkm, path, ["\(path):2: holds a byte that is not UTF-8, though the file also holds UTF-8 text (line 3003); save it again as CSV UTF-8, or give --encoding windows-1252 to read it all as Windows-1252"])
    }

    @Test func theBadLineIsFoundInsideAQuotedFieldWithLineBreaks() throws {
        let path = importing.file("u.csv", [0xEF, 0xBB, 0xBF] + bytes(Self.umkmHeader + ",\"Warung\nKopi\n") + [0x97] + bytes(" Bu Aisyah\",64.08.03,2020\n"))
        try importing.expectFailure(.umkm, path, ["\(path):4: is not valid UTF-8, though the file starts with a UTF-8 mark (BOM); save it again as CSV UTF-8, or give --encoding windows-1252 if it is Windows-1252"])
    }

    @Test func eachEncodingIsNamedInTheSummary() throws {
        let store = try importing.fresh()
        let ascii = try store.importFiles(importing.request(.umkm, importing.file("a.csv", Self.umkmHeader + ",Warung Satu,64.08.03,2020\n")))
        #expect(ascii.files.map(\.encoding) == [.utf8])
        let utf8 = try store.importFiles(importing.request(.umkm, importing.file("b.csv", Self.umkmHeader + ",Warung Kopi — Bu Aisyah,64.08.03,2020\n")))
        #expect(utf8.files.map(\.encoding) == [.utf8])
        // Old Excel: no valid multi-byte UTF-8 sequence anywhere, so Windows-1252 (0x97 is the em dash there).
        let old = importing.file("c.csv", bytes(Self.umkmHeader + ",Kopi Caf") + [0xE9, 0x20, 0x97] + bytes(" Pak Made,64.08.03,2021\n"))
        #expect(try store.importFiles(importing.request(.umkm, old)).files.map(\.encoding) == [.windows1252])
        let names = try importing.umkmNames(store)
        #expect(names.contains("Warung Kopi — Bu Aisyah") && names.contains("Kopi Café — Pak Made") && names.contains("Warung Satu"))
    }

    @Test func theEncodingGivenAlwaysWins() throws {
        let mixed = importing.file("u.csv", bytes(Self.umkmHeader + ",Warung Kopi — Bu Aisyah,64.08.03,2020\n,Kopi Caf") + [0xE9] + bytes(",64.08.03,2021\n"))
        let store = try importing.fresh()
        var asUTF8 = importing.request(.umkm, mixed)
        asUTF8.encoding = .utf8
        let before = try importing.contents(store)
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(asUTF8) }
        #expect(error?.problems.map(\.description) == ["\(mixed):3: is not valid UTF-8; save the file as CSV UTF-8 or give --encoding windows-1252"])
        #expect(try importing.contents(store) == before)
        var as1252 = importing.request(.umkm, mixed)
        as1252.encoding = .windows1252
        #expect(try store.importFiles(as1252).files.map(\.encoding) == [.windows1252])
        #expect(try importing.umkmNames(store).contains("Warung Kopi â€\u{201D} Bu Aisyah"), "told Windows-1252, Pantau reads Windows-1252")
    }

    @Test func utf16AndUTF32AreNamedForWhatTheyAre() throws {
        for (bom, name) in [([0xFF, 0xFE] as [UInt8], "UTF-16"), ([0xFE, 0xFF], "UTF-16"), ([0xFF, 0xFE, 0, 0], "UTF-32"), ([0, 0, 0xFE, 0xFF], "UTF-32")] {
            let path = importing.file("u.csv", bom + [0x6E, 0, 0x69, 0])
            try importing.expectFailure(.umkm, path, ["\(path): is \(name) text; save it as CSV UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")"])
        }
    }

    // MARK: Not a text file

    @Test func aNULByteIsFoundWhereverItIs() throws {
        let padding = (1...3000).map { ",Warung \($0),64.08.03,2020\n" }.joined()
        let path = importing.file("u.csv", bytes(Self.umkmHeader + padding + ",Warung") + [0] + bytes(",64.08.03,2020\n"))
        try importing.expectFailure(.umkm, path, ["\(path):3002: holds a NUL byte, so this is not a text file; give a .csv or .xlsx file"])
    }

    @Test func aFolderIsNotAFile() throws {
        let folder = URL(fileURLWithPath: Fixtures.temporaryPath()).deletingLastPathComponent().path
        try importing.expectFailure(.umkm, folder, ["\(folder): is a folder, not a file; give the .csv or .xlsx file inside it"])
    }
}

extension ImportTests {
    /// Names of the UMKM of Muara Bengkal, where these tests add theirs.
    func umkmNames(_ store: Store) throws -> [String] {
        final class Names: TableSink, @unchecked Sendable {
            var names: [String] = []
            func header(_ columns: [String]) throws {}
            func row(_ fields: [String]) throws { names.append(fields[1]) }
            func finish() throws {}
        }
        let sink = Names()
        try store.export(.umkm, scope: Region(code: "64.08.03", name: "", level: .kecamatan), to: sink)
        return sink.names
    }
}
