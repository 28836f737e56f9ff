import ArgumentParser
import Foundation
import PantauCore
import PantauPostgres
import PantauSQLite
import PantauTUI

/// The dashboard's own loop, in process, on a terminal in memory: the time from a key to its frame (update, render
/// and the comparison with the frame before), which a poller outside the process cannot resolve below a few
/// milliseconds. Selection moves and pane switches are measured while loads of the whole country run, each load
/// reading the kept counts afresh (as the first load after any change does).
@main
struct KeyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pantau-bench",
        abstract: "Measure the dashboard's key-to-frame times in process, on a database or server.",
        discussion: "Prints one Markdown row per measurement (p50 / p99 / max). A benchmark to read, not a test.")

    @Argument(help: ArgumentHelp("The database: a file path or a postgresql:// address.", valueName: "address"))
    var address: String

    @Option(help: ArgumentHelp("Where the dashboard opens.", valueName: "name|code"))
    var scope = "Indonesia"

    @Option(help: "How many keys of each kind are measured.")
    var presses = 200

    @Option(help: "The terminal's size.")
    var width = 80
    @Option(help: "The terminal's size.")
    var height = 24

    func run() async throws {
        let store: any PantauStore
        let location = try DatabaseLocation.resolve(option: address)
        switch location.address {
        case .sqlite: store = try location.open(readOnly: true)
        case .postgres(let server): store = try await PostgresStore.open(server, readOnly: true, hearingChanges: true)
        }
        let start = try await store.resolveRegion(scope)
        let name = address.hasPrefix("postgresql:") ? "PostgreSQL" : "SQLite"
        let size = "\(width)×\(height)"
        try await MainActor.run {
            var bench = try Bench(source: DashboardLoader(store: store), scope: start, width: width, height: height)
            print("| \(name) | \(start.name), \(size), first load to full frame | \(bench.firstFrame.milliseconds) ms |")
            for (label, key, back) in [("Enter (open the first row) / Esc", Key.enter, Key.escape), ("[ (year before) / ]", .character("["), .character("]"))] {
                var there: [Duration] = [], home: [Duration] = []
                for _ in 0..<max(1, presses / 10) {
                    there.append(try bench.settle(after: key))
                    home.append(try bench.settle(after: back))
                }
                print("| \(name) | \(size), \(label), key to settled frame | \(Summary(there)) | \(Summary(home)) |")
            }
            let idle = try (0..<presses).map { i in try bench.frame(after: i % 20 < 10 ? .down : .up) }
            print("| \(name) | \(size), selection moves, idle | \(Summary(idle)) |")

            bench = try Bench(source: ColdLoads(store: store), scope: start, width: width, height: height)
            var moves: [Duration] = [], panes: [Duration] = [], loads = 0
            while moves.count < presses || panes.count < presses {
                try bench.startLoad(loads % 2 == 0 ? .character("[") : .character("]"))
                loads += 1
                while bench.runtime.isBusy && (moves.count < presses || panes.count < presses) {
                    if moves.count <= panes.count {
                        moves.append(try bench.frame(after: moves.count % 20 < 10 ? .down : .up))
                    } else {
                        panes.append(try bench.frame(after: .tab))
                    }
                }
                try bench.settle()
            }
            print("| \(name) | \(size), while \(loads) loads of the whole country ran | selection moves \(Summary(moves)) | pane switches \(Summary(panes)) |")
        }
    }
}

/// The runtime on a headless terminal, turned by hand.
@MainActor
struct Bench {
    let runtime: DashboardRuntime
    let terminal: HeadlessTerminal
    let firstFrame: Duration

    init(source: any DashboardDataSource, scope: Region, width: Int, height: Int) throws {
        terminal = HeadlessTerminal(width: width, height: height, keepsFrames: false)
        let state = DashboardState(width: width, height: height, path: scopePath(to: scope.code), year: nil, isReadOnly: true)
        runtime = DashboardRuntime(terminal: terminal, source: source, appearance: Appearance(ascii: false, color: true, lang: .id), state: state)
        let started = ContinuousClock.now
        runtime.start()
        try Self.settle(runtime, terminal)
        guard runtime.state.data != nil else { throw BenchFailure("the first load gave no figures: \(terminal.screen)") }
        firstFrame = terminal.frameTimes.last! - started
    }

    /// Key to the frame that answers it, whatever runs meanwhile.
    func frame(after key: Key) throws -> Duration {
        let drawn = terminal.frameTimes.count
        let started = ContinuousClock.now
        terminal.feed(.key(key))
        while terminal.frameTimes.count == drawn || terminal.hasQueuedEvents { runtime.step() }
        return terminal.frameTimes.last! - started
    }

    /// Key to the last frame once its load has come back.
    func settle(after key: Key) throws -> Duration {
        let started = ContinuousClock.now
        terminal.feed(.key(key))
        try settle()
        return terminal.frameTimes.last! - started
    }

    /// Presses a key that starts a load and returns while it runs.
    func startLoad(_ key: Key) throws {
        terminal.feed(.key(key))
        while terminal.hasQueuedEvents { runtime.step() }
    }

    func settle() throws { try Self.settle(runtime, terminal) }

    private static func settle(_ runtime: DashboardRuntime, _ terminal: HeadlessTerminal) throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while terminal.hasQueuedEvents || runtime.isBusy {
            guard ContinuousClock.now < deadline else { throw BenchFailure("a load did not come back within a minute") }
            runtime.step()
        }
    }
}

/// Every load reads the kept counts afresh: a new loader has an empty cache.
struct ColdLoads: DashboardDataSource {
    let store: any PantauStore
    private var loader: DashboardLoader { DashboardLoader(store: store) }

    func load(scopeCode: String, year: Int?) async throws -> DashboardData { try await loader.load(scopeCode: scopeCode, year: year) }
    func detail(nik: String) async throws -> KoperasiDetail { try await loader.detail(nik: nik) }
    func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) async throws { try await loader.save(change, waiting: waiting) }
    func changeToken() -> String { loader.changeToken() }
    var isSnapshot: Bool { loader.isSnapshot }
    var isReachable: Bool { loader.isReachable }
    func reopenedIfFrozen() -> (any DashboardDataSource)? { nil }
}

struct Summary: CustomStringConvertible {
    let sorted: [Duration]
    init(_ samples: [Duration]) { sorted = samples.sorted() }

    var description: String {
        guard !sorted.isEmpty else { return "no samples" }
        let p50 = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        return "p50 \(p50.milliseconds) / p99 \(p99.milliseconds) / max \(sorted.last!.milliseconds) ms (\(sorted.count))"
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var milliseconds: String {
        let (seconds, attoseconds) = components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
