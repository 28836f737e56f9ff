import PantauTestSupport
import Foundation

/// .xlsx families with a random element: each call adds the next case of its family, koperasi and UMKM in turn.
extension WorkbookCases {
    static func families(_ base: SampleBase) -> [(inout CaseMaker) -> Void] {
        func each(_ family: String, _ expect: Expectation, _ write: @escaping @Sendable (BaseExport, URL, inout SeededGenerator) throws -> Void)
            -> (inout CaseMaker) -> Void {
            var turn = 0
            return { make in
                let e = turn % 2 == 0 ? base.koperasi : base.umkm
                turn += 1
                make.add(family, e.kind, "xlsx", expect) { url, random in try write(e, url, &random) }
            }
        }
        /// A data row of the sheet, chosen at random.
        @Sendable func row(_ e: BaseExport, _ r: inout SeededGenerator) -> Int { r.int(2 ... e.rows + 1) }
        return [
            each("xlsx.bitflip", .either) { e, url, r in
                var bytes = [UInt8](e.xlsx)
                for _ in 0 ..< r.int(1 ... 4) { bytes[r.int(0 ..< bytes.count)] ^= 1 << UInt8(r.int(0 ..< 8)) }
                try Data(bytes).write(to: url)
            },
            // Without its end the zip has no central directory: not a workbook.
            each("xlsx.truncate", .refused) { e, url, r in try e.xlsx.prefix(r.int(4 ..< e.xlsx.count)).write(to: url) },
            // A sheet cut short is not well-formed XML: an error, never the rows before the cut (item 2).
            each("xlsx.truncxml", .refused) { e, url, r in
                let sheet = Data(e.sheet.utf8)
                try Workbook.write(e.parts(replacing: [sheetPart: sheet.prefix(r.int(sheet.count / 10 ..< sheet.count))]), to: url)
            },
            each("xlsx.xmlchaos", .either) { e, url, r in
                var bytes = [UInt8](e.sheet.utf8)
                let structural = [UInt8]("<>\"/=&".utf8)
                for _ in 0 ..< r.int(1 ... 5) {
                    let candidates = bytes.indices.filter { structural.contains(bytes[$0]) }
                    if r.int(0 ..< 2) == 0 { bytes.remove(at: r.pick(candidates)) } else { bytes.insert(r.pick(structural), at: r.int(0 ... bytes.count)) }
                }
                try Workbook.write(e.parts(replacing: [sheetPart: Data(bytes)]), to: url)
            },
            // Four letters or more is past column XFD.
            each("xlsx.cellref", .refused) { e, url, r in
                let letters = String((0 ..< r.int(4 ... 20)).map { _ in Character(UnicodeScalar(UInt8(65 + r.int(0 ..< 26)))) })
                let at = row(e, &r)
                try Workbook.write(edited(e, sheet: SheetXML.replacingFirst(e.sheet, "r=\"B\(at)\"", with: "r=\"\(letters)\(at)\"")), to: url)
            },
            each("xlsx.sharedindex", .refused) { e, url, r in
                let at = row(e, &r), past = r.int(0 ... 1_000_000_000)
                try Workbook.write(sharedVersion(e) { sheet, count in SheetXML.replacingValue(sheet, cell: "B\(at)", with: "\(count + past)") }, to: url)
            },
            // One bit of a part the reader needs, flipped where it is stored uncompressed: its CRC no longer matches (item 2).
            each("xlsx.badcrc", .refused) { e, url, r in
                let shared = r.int(0 ..< 2) == 0
                try Workbook.write(shared ? sharedVersion(e) : e.parts, to: url, compression: .none)
                var zip = try Data(contentsOf: url)
                let needed = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", sheetPart] + (shared ? [sharedPart] : [])
                let entry = r.pick(Workbook.layout(of: zip).filter { needed.contains($0.name) })
                zip[zip.startIndex + r.int(entry.dataRange)] ^= 1 << UInt8(r.int(0 ..< 8))
                try zip.write(to: url)
            },
        ]
    }
}
