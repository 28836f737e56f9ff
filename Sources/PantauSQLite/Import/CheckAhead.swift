import Foundation
import GRDB
import PantauCore

/// A file's rows read and checked on a thread of their own, a batch at a time, while the caller stages the rows
/// before them: for a million UMKM, reading and checking take about 3 s and staging about 5 s, and the machine
/// has a second core. At most a few batches wait, so memory stays the same whatever the file's size.
///
/// The checks look regions up through a connection of their own (a read of `regions`). The file and the checker
/// belong to the thread until `finish`, which waits for it and gives them back; the rest is shared under
/// `condition`. `finish` must always be called: until then the thread holds that connection.
final class CheckAhead: @unchecked Sendable {
    struct Batch {
        var rows: [RowChecker.Checked] = []
        /// How far into the file the batch ends, for the progress line.
        var bytesRead = 0
    }

    static let rowsPerBatch = 256
    static let batchesAhead = 4

    private let condition = NSCondition()
    private var waiting: [Batch] = []
    /// The thread is done, to the end of the file or to `failure`.
    private var ended = false
    private var failure: (any Error)?
    /// The caller stopped taking batches: the thread stops at its next one.
    private var stopped = false
    private var source: TableSource
    private var checker: RowChecker
    private var firstRows: [SourceRow]
    private let regions: any DatabaseReader

    /// Starts reading `source` from `firstRows` (the rows already read past the header).
    init(source: TableSource, firstRows: [SourceRow], checker: RowChecker, regions: any DatabaseReader) {
        self.source = source
        self.firstRows = firstRows
        self.checker = checker
        self.regions = regions
        Thread { [self] in run() }.start()
    }

    /// The next batch in file order; nil at the end of the file. A failure of reading (a damaged workbook, an
    /// unreadable file) comes after the rows before it, as it would without the thread.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !ended { condition.wait() }
        if !waiting.isEmpty {
            condition.broadcast()
            return waiting.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the thread if it still runs, waits for it, and gives back the file and the checker.
    func finish() -> (TableSource, RowChecker) {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !ended { condition.wait() }
        condition.unlock()
        return (source, checker)
    }

    private func run() {
        var batch = Batch()
        var failure: (any Error)?
        do {
            try regions.read { db in
                var pending = firstRows[...]
                firstRows = []
                var read = 0
                while let row = try pending.popFirst() ?? source.nextRow() {
                    read += 1
                    // A long run of empty rows hands nothing over: ask now and then whether to stop.
                    if read % 4096 == 0 && isStopped() { return }
                    guard let checked = checker.check(row, db) else { continue }
                    batch.rows.append(checked)
                    if batch.rows.count == Self.rowsPerBatch {
                        batch.bytesRead = source.bytesRead
                        guard hand(batch) else { return }
                        batch = Batch()
                    }
                }
            }
        } catch {
            failure = error
        }
        // The rows checked before the end of the file, or before a failure to read on: theirs come first.
        batch.bytesRead = source.bytesRead
        _ = hand(batch)
        end(failure)
    }

    /// Hands a batch over, waiting while enough are ahead; false once the caller stopped.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.batchesAhead && !stopped { condition.wait() }
        guard !stopped else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    private func isStopped() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    private func end(_ error: (any Error)?) {
        condition.lock()
        failure = error
        ended = true
        condition.broadcast()
        condition.unlock()
    }
}
