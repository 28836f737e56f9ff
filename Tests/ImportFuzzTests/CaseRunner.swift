import Foundation

/// What happened to one case, and every promise it broke.
struct CaseResult: Sendable {
    var fuzzCase: FuzzCase
    var outcome: ChildOutcome?
    var problems: [String]
    /// The case's folder, kept when it failed: the file and the database it left.
    var folder: URL

    var failed: Bool { !problems.isEmpty }

    /// Several lines: the case, what broke, and how to run it again by hand.
    func report(binary: String) -> String {
        let c = fuzzCase
        var head = "\(c.name) (seed 0x\(String(c.seed, radix: 16)), import \(c.kind) .\(c.fileExtension)"
        if let o = outcome {
            let ended = o.signal.map { "killed by \(ChildProcess.signalName($0))" } ?? "exit \(o.exitStatus ?? -1)"
            head += ", \(ended), \(String(format: "%.1f", o.seconds)) s, peak \(o.peakRSS >> 20) MiB"
        }
        let file = folder.appendingPathComponent("case.\(c.fileExtension)").path
        return ([head + ")"] + problems.map { "  - " + $0 } + [
            "  file: \(file)",
            "  by hand: rm -f /tmp/fuzz.db* && \(binary) init --sample --db /tmp/fuzz.db && \(binary) import \(c.kind) \(file) --db /tmp/fuzz.db --lang en",
            "  again: PANTAU_FUZZ_CASE=\(c.name) swift test --filter ImportFuzzTests",
        ]).joined(separator: "\n")
    }
}

/// Runs cases through the real binary, each into its own copy of the sample database, and judges them.
struct CaseRunner: Sendable {
    static let timeLimit = 60.0
    static let memoryLimit = 256 << 20
    /// Past this a case is killed rather than left to eat the machine; its peak is then reported as at least this.
    static let killAbove = 512 << 20
    static let longestMessageLine = 2_000

    var base: SampleBase
    var binary: String
    var folder: URL

    func run(_ c: FuzzCase) -> CaseResult {
        let dir = folder(of: c)
        var result = CaseResult(fuzzCase: c, outcome: nil, problems: [], folder: dir)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent("case.\(c.fileExtension)"), db = dir.appendingPathComponent("pantau.db").path
            try c.writeFile(to: file)
            try FileManager.default.copyItem(atPath: base.template, toPath: db)
            let outcome = try ChildProcess.run(binary, ["import", c.kind, file.path, "--db", db, "--lang", "en"], scratch: dir,
                                               timeLimit: Self.timeLimit, killAbove: Self.killAbove)
            result.outcome = outcome
            result.problems = try judge(c, outcome, file: file.path, db: db, scratch: dir)
        } catch {
            result.problems.append("the harness could not run the case: \(error)")
        }
        if result.failed {
            // Keep the file (small) but not the 13 MB database: reproducing starts from a new sample database.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dir.appendingPathComponent("pantau.db" + suffix).path) }
        } else {
            try? FileManager.default.removeItem(at: dir)
        }
        return result
    }

    /// A case not run because its family already ran past the time limit twice: a failure all the same.
    func skipped(_ c: FuzzCase) -> CaseResult {
        let dir = folder(of: c)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? c.writeFile(to: dir.appendingPathComponent("case.\(c.fileExtension)"))
        return CaseResult(fuzzCase: c, outcome: nil, problems: ["not run: two cases of \(c.family) already ran past \(Int(Self.timeLimit)) s"],
                          folder: dir)
    }

    private func folder(of c: FuzzCase) -> URL { folder.appendingPathComponent(c.name.replacingOccurrences(of: "#", with: "-")) }

    private func judge(_ c: FuzzCase, _ o: ChildOutcome, file: String, db: String, scratch: URL) throws -> [String] {
        var problems: [String] = []
        if o.timedOut { problems.append("still running after \(Int(Self.timeLimit)) s: killed") }
        if o.memoryKilled { problems.append("memory passed \(Self.killAbove >> 20) MiB: killed") }
        if let signal = o.signal, !o.timedOut && !o.memoryKilled { problems.append("crashed: \(ChildProcess.signalName(signal))") }
        if let status = o.exitStatus, status != 0 && status != 1 { problems.append("exit status \(status) (only 0 or 1 are allowed)") }
        if o.peakRSS > Self.memoryLimit && !o.memoryKilled {
            problems.append("peak memory \(o.peakRSS >> 20) MiB (at most \(Self.memoryLimit >> 20) MiB)")
        }
        let stderr = o.stderrText
        for phrase in ["unexpected error", "Fatal error", "Stack dump", "stack trace", "NSCocoaErrorDomain", "SQLite error"]
        where stderr.localizedCaseInsensitiveContains(phrase) {
            let line = stderr.split(separator: "\n").first { $0.localizedCaseInsensitiveContains(phrase) } ?? ""
            problems.append("stderr says \"\(phrase)\": \(excerpt(line))")
        }
        if let longest = o.stderr.split(separator: UInt8(ascii: "\n")).map(\.count).max(), longest > Self.longestMessageLine {
            problems.append("a message line of \(longest) bytes: an error echoes more than a short excerpt")
        }

        if o.exitStatus == 0 {
            problems += try judgeImport(c, o, file: file, db: db, scratch: scratch)
        } else {
            // A refusal, a crash or a kill: the database must be exactly as before.
            let changed = try changedTables(db, scratch: scratch)
            if !changed.isEmpty { problems.append("nothing may be written, but these tables changed: \(changed.joined(separator: ", "))") }
            if o.exitStatus == 1 && c.expect.outcome == .imported {
                problems.append("refused a file that must import: \(excerpt(stderr.split(separator: "\n").first ?? ""))")
            }
        }
        return problems
    }

    /// Exit 0: the file was meant to import, every row the generator knows of is counted, and the import is whole.
    private func judgeImport(_ c: FuzzCase, _ o: ChildOutcome, file: String, db: String, scratch: URL) throws -> [String] {
        var problems: [String] = []
        if c.expect.outcome == .refused { problems.append("imported (exit 0) a file that must be refused: \(excerpt(o.stdoutText))") }
        guard let summary = ImportCounts(summary: o.stdoutText) else {
            return problems + ["exit 0 without a summary: \(excerpt(o.stdoutText))"]
        }
        if let rows = c.expect.rows, summary.rows != rows {
            problems.append("imported \(summary.rows) of the file's \(rows) rows, with exit 0")
        }
        if c.expect.outcome == .imported && summary.inserted + summary.updated != summary.rows {
            problems.append("every row of this file changes the database, yet only \(summary.inserted + summary.updated) of \(summary.rows) did")
        }
        if let forbidden = c.expect.forbidden, try SampleBase.dump(db, scratch: scratch).range(of: Data(forbidden.utf8)) != nil {
            problems.append("the database holds the contents of an external entity (\(forbidden))")
        }
        // Whole: importing the same file again (a dry run) finds everything already there.
        let again = try ChildProcess.run(binary, ["import", c.kind, file, "--db", db, "--lang", "en", "--dry-run"], scratch: scratch,
                                         timeLimit: Self.timeLimit, killAbove: Self.killAbove)
        if again.exitStatus != 0 {
            problems.append("imported once, then a dry run of the same file fails: \(excerpt(again.stderrText.split(separator: "\n").first ?? ""))")
        } else if let second = ImportCounts(summary: again.stdoutText), second.inserted + second.updated > 0 || second.rows != summary.rows {
            problems.append("not imported whole: the same file again would still insert \(second.inserted) and update \(second.updated) of \(second.rows) rows")
        }
        return problems
    }

    /// The tables whose contents differ from the template's.
    private func changedTables(_ db: String, scratch: URL) throws -> [String] {
        guard try SampleBase.dump(db, scratch: scratch) != base.templateDump else { return [] }
        let tables = String(decoding: try ChildProcess.run("/usr/bin/sqlite3", [base.template, ".tables"], scratch: scratch).stdout, as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).map(String.init)
        let changed = try tables.filter {
            try SampleBase.dump(db, table: $0, scratch: scratch) != SampleBase.dump(base.template, table: $0, scratch: scratch)
        }
        return changed.isEmpty ? ["(the schema)"] : changed
    }

    private func excerpt(_ text: some StringProtocol) -> String {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}

/// The counts of an import summary (`--lang en`), added over its files.
struct ImportCounts: Equatable {
    var rows = 0, inserted = 0, updated = 0, unchanged = 0
}

extension ImportCounts {
    init?(summary: String) {
        self.init()
        let pattern = #/: ([\d.,]+) rows: ([\d.,]+) inserted, ([\d.,]+) updated, ([\d.,]+) unchanged/#
        var found = false
        for line in summary.split(separator: "\n") {
            guard let m = line.firstMatch(of: pattern) else { continue }
            func n(_ s: Substring) -> Int { Int(s.filter(\.isNumber)) ?? 0 }
            rows += n(m.1); inserted += n(m.2); updated += n(m.3); unchanged += n(m.4)
            found = true
        }
        if !found { return nil }
    }
}
