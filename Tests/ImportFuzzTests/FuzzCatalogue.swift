import Foundation

/// The cases of a run, running them two at a time, and the table of results by family.
enum FuzzCatalogue {
    /// Every crafted case once, then the random families in turn until there are `count` cases.
    static func cases(count: Int, base: SampleBase, root: UInt64) -> [FuzzCase] {
        var make = CaseMaker(root: root)
        CSVCases.crafted(&make, base)
        WorkbookCases.crafted(&make, base)
        let families = CSVCases.families(base) + WorkbookCases.families(base)
        var turn = 0
        while make.cases.count < count {
            families[turn % families.count](&make)
            turn += 1
        }
        return make.cases
    }

    /// Runs the cases on `workers` threads, each one child process at a time; results in the cases' order.
    static func run(_ cases: [FuzzCase], with runner: CaseRunner, workers: Int) -> [CaseResult] {
        let queue = ResultQueue(cases)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let (index, fuzzCase) = queue.take() {
                let result = queue.givenUp(fuzzCase.family) ? runner.skipped(fuzzCase) : runner.run(fuzzCase)
                if result.failed { print("FAIL " + result.report(binary: runner.binary).split(separator: "\n").prefix(2).joined(separator: " ")) }
                queue.put(result, at: index)
            }
        }
        return queue.results
    }

    /// Cases, failures and the slowest and largest case, family by family.
    static func table(_ results: [CaseResult], seconds: Double, root: UInt64) -> String {
        var families: [String: [CaseResult]] = [:]
        for result in results { families[result.fuzzCase.family, default: []].append(result) }
        var lines = ["Import fuzzing: \(results.count) cases, \(results.filter(\.failed).count) failed, \(String(format: "%.0f", seconds)) s, seed \(root)",
                     "family                         cases  failed  slowest  peak MiB"]
        for (family, group) in families.sorted(by: { $0.key < $1.key }) {
            let slowest = group.compactMap(\.outcome?.seconds).max() ?? 0, peak = (group.compactMap(\.outcome?.peakRSS).max() ?? 0) >> 20
            lines.append(family.padding(toLength: 30, withPad: " ", startingAt: 0)
                + String(format: " %6d  %6d  %6.1fs  %8d", group.count, group.filter(\.failed).count, slowest, peak))
        }
        return lines.joined(separator: "\n")
    }
}

/// The cases still to run and the results so far, shared by the worker threads.
private final class ResultQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let cases: [FuzzCase]
    private var next = 0
    private var slots: [CaseResult?]

    init(_ cases: [FuzzCase]) {
        self.cases = cases
        slots = Array(repeating: nil, count: cases.count)
    }

    func take() -> (Int, FuzzCase)? {
        lock.withLock {
            guard next < cases.count else { return nil }
            defer { next += 1 }
            return (next, cases[next])
        }
    }

    /// Families with this many cases past the time limit are not run further: each would take the whole limit again.
    static let timeoutsBeforeGivingUp = 2
    private var timeouts: [String: Int] = [:]

    func givenUp(_ family: String) -> Bool { lock.withLock { timeouts[family, default: 0] >= Self.timeoutsBeforeGivingUp } }

    func put(_ result: CaseResult, at index: Int) {
        lock.withLock {
            slots[index] = result
            if result.outcome?.timedOut == true { timeouts[result.fuzzCase.family, default: 0] += 1 }
        }
    }

    var results: [CaseResult] { lock.withLock { slots.compactMap { $0 } } }
}
