/// Why a workbook cannot be read, in both languages; the reader adds where (the file, its sheet, the row).
struct XLSXFault: Error {
    let id: String
    let en: String
    /// Whether the row being read is where the problem is (false: the part as a whole, as a failed checksum).
    var locatesRow = true

    init(_ id: String, _ en: String) {
        self.id = id
        self.en = en
    }

    func message(_ lang: Language) -> String { lang == .en ? en : id }

    static let saveAgain = (id: "simpan ulang dari Excel atau LibreOffice", en: "save it again from Excel or LibreOffice")

    /// The zip container is broken: a part fails its checksum, is cut short or cannot be found where it should be.
    static func damaged(_ part: String) -> XLSXFault {
        var fault = XLSXFault("rusak: bagian \(part) tidak utuh atau gagal uji checksum; \(saveAgain.id)",
                  "is damaged: its part \(part) is incomplete or fails its checksum; \(saveAgain.en)")
        fault.locatesRow = false
        return fault
    }

    /// An XML part that is not well-formed; `what` says how, in both languages.
    static func xml(_ part: String, _ what: (id: String, en: String)) -> XLSXFault {
        XLSXFault("\(part) bukan XML yang utuh (\(what.id)); \(saveAgain.id)",
                  "\(part) is not well-formed XML (\(what.en)); \(saveAgain.en)")
    }

    static func truncated(_ part: String) -> XLSXFault {
        XLSXFault("\(part) terpotong di tengah (berkasnya rusak); \(saveAgain.id)",
                  "\(part) is cut off before its end (the file is damaged); \(saveAgain.en)")
    }
}

/// The bounds a workbook must stay within, so that no file can take unbounded memory or time.
enum XLSXLimits {
    /// A cell's text, as for a field of a CSV file.
    static let cellBytes = 64 * 1024
    /// The text of one row.
    static let rowBytes = 1024 * 1024
    /// The shared strings table: their text plus 4 bytes of bookkeeping each.
    static let sharedStringsBytes = 128 * 1024 * 1024
    /// A start tag with its attributes.
    static let tagBytes = 64 * 1024
    /// Elements nested in one another (a worksheet needs 7).
    static let depth = 64
    /// How many times its compressed size a part may expand to (once past `bombFloor`); workbooks stay far below.
    static let expansion = 100
    static let bombFloor = 16 * 1024 * 1024
    /// Excel's last cell, XFD1048576.
    static let columns = 16_384
    static let rows = 1_048_576
}
