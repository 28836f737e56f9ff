import PantauTestSupport
import Foundation

/// What the importer must do with a case, as far as the generator knows.
struct Expectation: Sendable {
    enum Outcome: Sendable {
        /// The damage is one the README promises to refuse (exit 1, nothing written).
        case refused
        /// A file that must import (exit 0).
        case imported
        /// Either, as long as the refusal writes nothing and the import is whole.
        case either
    }

    var outcome: Outcome
    /// The data rows an import must report, when the generator knows them.
    var rows: Int?
    /// Text that must never reach the database (the contents of an external entity).
    var forbidden: String?

    static let refused = Expectation(outcome: .refused)
    static let either = Expectation(outcome: .either)
    static func either(rows: Int?) -> Expectation { Expectation(outcome: .either, rows: rows) }
    static func imported(rows: Int) -> Expectation { Expectation(outcome: .imported, rows: rows) }
}

/// One malformed file: how to write it, what it holds, and what the importer must do with it.
struct FuzzCase: Sendable {
    /// The family of damage, e.g. `csv.bitflip` or `xlsx.cellref`.
    var family: String
    var index: Int
    var seed: UInt64
    /// What `pantau import` is told the file holds: koperasi or umkm.
    var kind: String
    /// csv or xlsx.
    var fileExtension: String
    var expect: Expectation
    /// Writes the file; given the case's own random generator.
    var write: @Sendable (_ url: URL, _ random: inout SeededGenerator) throws -> Void

    /// `csv.bitflip#17`: with PANTAU_FUZZ_CASE, the one case to run again.
    var name: String { "\(family)#\(index)" }

    func writeFile(to url: URL) throws {
        var random = SeededGenerator(seed: seed)
        try write(url, &random)
    }
}

/// Builds cases with seeds that depend only on the root seed, the family and the index.
struct CaseMaker {
    let root: UInt64
    private(set) var cases: [FuzzCase] = []
    private var counts: [String: Int] = [:]

    init(root: UInt64) { self.root = root }

    /// The seed the next case of `family` gets, for a case whose expectation depends on its random choices.
    func nextSeed(_ family: String) -> UInt64 { SeededGenerator.seed(root: root, family: family, index: counts[family, default: 0]) }

    mutating func add(_ family: String, _ kind: String, _ fileExtension: String, _ expect: Expectation,
                      _ write: @escaping @Sendable (URL, inout SeededGenerator) throws -> Void) {
        let index = counts[family, default: 0]
        counts[family] = index + 1
        cases.append(FuzzCase(family: family, index: index, seed: SeededGenerator.seed(root: root, family: family, index: index), kind: kind,
                              fileExtension: fileExtension, expect: expect, write: write))
    }

    /// A case whose bytes are fixed.
    mutating func add(_ family: String, _ kind: String, _ fileExtension: String, _ expect: Expectation, bytes: Data) {
        add(family, kind, fileExtension, expect) { url, _ in try bytes.write(to: url) }
    }
}
