import Foundation

/// One row of an import file being read into values. Every problem is noted (not thrown),
/// so that one pass over a file reports all of them.
package struct ImportRow {
    package let fields: [String]
    package let map: ImportSchema.HeaderMap
    package let location: String
    package let line: Int
    package let lang: Language
    package var problems: [ImportProblem] = []
    /// What is read, but deserves a word in the summary.
    package var warnings: [ImportProblem] = []

    package init(fields: [String], map: ImportSchema.HeaderMap, location: String, line: Int, lang: Language) {
        self.fields = fields; self.map = map; self.location = location; self.line = line; self.lang = lang
    }

    private func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }

    package mutating func problem(_ column: String?, _ message: String) {
        problems.append(.row(path: location, line: line, column: column, message: message))
    }

    /// What the row says, for telling a repeated row from a different one with the same key: the cells that are read
    /// (a numbering column or an ignored one may differ).
    package var digest: String {
        map.read.map { $0 < fields.count ? fields[$0] : "" }.joined(separator: "\u{1F}")
    }

    /// Cells that are formulas without a saved value: a problem where they feed a field (there is nothing to read).
    package mutating func formulasWithoutValue(_ columns: [Int]) {
        for column in columns.sorted() {
            guard let field = map.field(at: column) else { continue }
            problem(field, t("rumus tanpa nilai tersimpan (program yang menulis berkas ini tidak menghitung rumus); buka berkas sekali di Excel atau LibreOffice, simpan, lalu impor lagi",
                             "is a formula without a saved value (the program that wrote the file does not calculate formulas); open the file once in Excel or LibreOffice, save it, and import again"))
        }
    }

    /// The raw text of a column, trimmed and without the apostrophe CSV export puts before `=`, `+`, `-`, `@`;
    /// nil when the column is absent or empty.
    package func raw(_ column: String) -> String? {
        guard let i = map.index[column], i < fields.count else { return nil }
        let value = Self.trimmed(CanonicalCSV.unguarded(Self.trimmed(fields[i])))
        return value.isEmpty ? nil : value
    }

    /// Without surrounding spaces, tabs and line breaks. (Foundation's trimming is far slower, and this runs per cell.)
    package static func trimmed(_ s: String) -> String {
        let utf8 = s.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0xA0 }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Text for a stored field: line breaks and tabs inside quotes become spaces; other control characters are refused.
    package mutating func text(_ column: String, required: Bool = false) -> String? {
        guard let value = raw(column) else {
            if required { problem(column, t("kosong; setiap baris perlu nilai di sini", "is empty; every row needs a value here")) }
            return nil
        }
        return clean(value, column)
    }

    package mutating func clean(_ value: String, _ column: String) -> String? {
        // The common case, checked on bytes: nothing below a space and no DEL or C1 control.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) { return value }
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || (0x7F...0x9F).contains($0.value) }) {
            problem(column, t("memuat karakter kendali (\(Excerpt.of(value))); hapus karakter itu dari sel",
                              "holds control characters (\(Excerpt.of(value))); remove them from the cell"))
            return nil
        }
        return value.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" })
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// A whole number written the Indonesian way (`1.209`) or plainly; never negative.
    package mutating func count(_ column: String, required: Bool = false) -> Int? {
        guard let value = raw(column) else {
            if required { problem(column, t("kosong; isi dengan angka", "is empty; give a number")) }
            return nil
        }
        guard let number = Self.integer(value) else {
            problem(column, t("\"\(Excerpt.of(value))\" bukan bilangan bulat; tulis misalnya 1209 atau 1.209",
                              "\"\(Excerpt.of(value))\" is not a whole number; write e.g. 1209 or 1.209"))
            return nil
        }
        guard number >= 0 else {
            problem(column, t("\(number) negatif; jumlah tidak boleh kurang dari 0", "\(number) is negative; a count cannot be below 0"))
            return nil
        }
        return number
    }

    /// `1209`, `1.209`, `-3`, or `1209.0`/`1209,0` as spreadsheets sometimes write it.
    package static func integer(_ text: String) -> Int? {
        let s = text.replacingOccurrences(of: " ", with: "")
        if let n = Int(s) { return n }
        if s.range(of: #"^-?\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil { return Int(s.replacingOccurrences(of: ".", with: "")) }
        if s.range(of: #"^-?\d+[.,]0+$"#, options: .regularExpression) != nil { return Int(s.prefix { $0 != "." && $0 != "," }) }
        return nil
    }

    package mutating func year(_ column: String, required: Bool = false) -> Int? {
        guard let value = raw(column) else {
            if required { problem(column, t("kosong; isi dengan tahun, misalnya 2023", "is empty; give a year, e.g. 2023")) }
            return nil
        }
        return checkedYear(value, column)
    }

    package mutating func checkedYear(_ value: String, _ column: String) -> Int? {
        let latest = Today.year + 1
        guard let year = Int(value) ?? Self.integer(value), (1900...latest).contains(year) else {
            problem(column, t("\"\(Excerpt.of(value))\" bukan tahun antara 1900 dan \(latest); tulis tahun empat angka",
                              "\"\(Excerpt.of(value))\" is not a year from 1900 to \(latest); write a four-digit year"))
            return nil
        }
        return year
    }

    /// A yearly status (`aktif_2023`) in the words offices use; "Bubar"/"Dibubarkan" count as inactive, with a warning
    /// that the dissolution belongs in the evaluation outcome.
    package mutating func status(at index: Int, column: String, nik: String?) -> Bool? {
        guard index < fields.count else { return nil }
        let value = Self.trimmed(fields[index])
        guard !value.isEmpty else { return nil }
        guard let word = StatusWord(value) else {
            problem(column, t("\"\(Excerpt.of(value))\" bukan status yang dikenal; tulis salah satu: \(StatusWord.accepted) (atau ya/tidak)",
                              "\"\(Excerpt.of(value))\" is not a known status; write one of: \(StatusWord.accepted) (or yes/no)"))
            return nil
        }
        if word == .dissolved {
            let command = "pantau evaluate \(nik ?? "NIK") --outcome usul-bubarkan"
            warnings.append(.row(path: location, line: line, column: column, message: t(
                "\"\(Excerpt.of(value))\" dicatat sebagai tidak aktif; koperasi yang bubar dicatat lewat hasil evaluasi (\(command))",
                "\"\(Excerpt.of(value))\" is recorded as inactive; a dissolved koperasi is recorded through the evaluation outcome (\(command))")))
        }
        return word.isActive
    }

    /// A digit string of a fixed length (NIK 16, NIB 13). Spreadsheets turn long numbers into `6,408E+15`: say so.
    package mutating func digits(_ column: String, length: Int, what: String, required: Bool) -> String? {
        guard let value = raw(column) else {
            if required { problem(column, t("kosong; setiap baris perlu \(what)", "is empty; every row needs its \(what)")) }
            return nil
        }
        let compact = value.utf8.contains(0x20) ? value.replacingOccurrences(of: " ", with: "") : value
        if compact.utf8.count == length && compact.utf8.allSatisfy({ (48...57).contains($0) }) { return compact }
        if value.uppercased().contains("E+") {
            problem(column, t("\"\(Excerpt.of(value))\" ditulis sebagai angka ilmiah oleh spreadsheet; format kolom sebagai Teks lalu ketik ulang \(what)",
                              "\"\(Excerpt.of(value))\" was turned into scientific notation by a spreadsheet; format the column as Text and type the \(what) again"))
        } else {
            problem(column, t("\"\(Excerpt.of(value))\" bukan \(what) yang sah; harus \(length) angka",
                              "\"\(Excerpt.of(value))\" is not a valid \(what); it must be \(length) digits"))
        }
        return nil
    }

    /// A choice among fixed words, matched without case; the message lists them.
    package mutating func choice<T>(_ column: String, _ parse: (String) -> T?, options: [String], required: Bool = false) -> T? {
        guard let value = raw(column) else {
            if required { problem(column, t("kosong; pilih salah satu: \(options.joined(separator: ", "))", "is empty; choose one of: \(options.joined(separator: ", "))")) }
            return nil
        }
        guard let result = parse(value) else {
            problem(column, t("\"\(Excerpt.of(value))\" bukan salah satu dari: \(options.joined(separator: ", "))",
                              "\"\(Excerpt.of(value))\" is not one of: \(options.joined(separator: ", "))"))
            return nil
        }
        return result
    }

    /// A date as YYYY-MM-DD, DD/MM/YYYY, or a spreadsheet's day number.
    package mutating func date(_ column: String) -> String? {
        guard let value = raw(column) else { return nil }
        if value.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { return value }
        if let m = value.wholeMatch(of: /(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})/), let d = Int(m.1), let mo = Int(m.2), (1...31).contains(d), (1...12).contains(mo) {
            return String(format: "%@-%02d-%02d", String(m.3), mo, d)
        }
        if let serial = Int(value), (1...80000).contains(serial) {
            let date = Date(timeIntervalSince1970: Double(serial - 25569) * 86400)
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            return f.string(from: date)
        }
        problem(column, t("\"\(Excerpt.of(value))\" bukan tanggal; tulis TTTT-BB-HH, misalnya 2023-06-23",
                          "\"\(Excerpt.of(value))\" is not a date; write YYYY-MM-DD, e.g. 2023-06-23"))
        return nil
    }
}
