import Foundation
import PantauCore
import PantauSQLite
import PantauTestSupport
import Testing
@testable import PantauTUI

/// The runtime loop itself: keys answered while a load runs, stale loads dropped, the slow-load word's delay.
/// Loads are held back at a gate the test opens; the data behind them is the real sample store's.
@Suite struct RuntimeTests {
    let loader = DashboardLoader(store: Fixtures.sampleStore)

    /// A dashboard on Kutai Timur (2023) whose load of 2022 waits at `gate`.
    func holdingYear2022(at gate: LoadGate, clock: any RuntimeClock = SystemRuntimeClock()) throws -> Harness {
        try Harness(source: GatedSource(loader: loader) { _, year in year == 2022 ? gate : nil }, clock: clock)
    }

    @Test func keysAreAnsweredWhileALoadRuns() throws {
        let gate = LoadGate()
        var h = try holdingYear2022(at: gate)
        h.pressWithoutWaiting(.character("["))
        #expect(h.effects == [.load(scope: "64.08", year: 2022)])
        #expect(h.runtime.isBusy && h.state.data?.year == 2023, "the 2022 figures are still held back")

        let framesBefore = h.terminal.frames.count
        h.pressWithoutWaiting(.down, .down)
        #expect(h.state.main.selected == 2)
        #expect(h.terminal.frames.count == framesBefore + 2, "each key drew a frame")
        h.pressWithoutWaiting(.tab)
        #expect(h.state.focus == .ratio)
        h.pressWithoutWaiting(.character("?"))
        #expect(h.state.showHelp && h.terminal.screen.contains("Bantuan · tombol"))
        h.pressWithoutWaiting(.character("?"), .backTab)
        #expect(!h.state.showHelp && h.state.focus == .main && h.runtime.isBusy)

        gate.open()
        try h.settle()
        #expect(h.state.year == 2022 && h.state.data?.year == 2022)
        #expect(h.state.main.selected == 2, "the selection made while loading is kept")
        #expect(h.terminal.screen.contains("Kabupaten Kutai Timur · 2022"))
    }

    @Test func keysTypedAheadOfALoadBuildOnWhatWasAsked() throws {
        let gate = LoadGate()
        var h = try holdingYear2022(at: gate)
        let kecamatan = try #require(h.state.data?.children.first?.region.code)
        h.pressWithoutWaiting(.character("["), .enter)
        #expect(h.effects == [.load(scope: kecamatan, year: 2022)], "the drill asks for the year asked for, not the one on screen")
        gate.open()
        try h.settle()
        #expect(h.state.data?.scope.code == kecamatan && h.state.data?.year == 2022)
    }

    @Test func quittingDoesNotWaitForALoad() throws {
        let gate = LoadGate()
        let h = try holdingYear2022(at: gate)
        // Were the loop to wait for the held load, the gate would open it after 20 s and `run` end only then.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { gate.open() }
        h.terminal.feed(.key(.character("[")))
        h.terminal.feed(.key(.character("q")))
        let started = ContinuousClock.now
        h.runtime.run()
        #expect(ContinuousClock.now - started < .seconds(10), "the loop ended while the 2022 load was still held")
        #expect(h.state.quitting && h.state.data?.year == 2023)
    }

    @Test func aNewerLoadSupersedesAnOlderOneAndNothingQueuesBehindIt() throws {
        let gate = LoadGate()
        let source = GatedSource(loader: loader) { scope, _ in scope == "64" ? nil : gate }
        var h = try Harness(scope: "64", source: source)
        let kabupaten = try #require(h.state.data?.children.first?.region.code)
        // Four keys while the first load is held: only the first and the last ever reach the store.
        h.pressWithoutWaiting(.enter)
        #expect(h.effects == [.load(scope: kabupaten, year: 2023)])
        h.pressWithoutWaiting(.escape, .enter, .escape)
        #expect(h.effects == [.load(scope: "64", year: 2023)])
        #expect(h.runtime.isBusy && h.state.path == ["64"], "keys were answered while the first load is held")

        gate.open()
        try h.settle()
        #expect(source.finished.all == ["64", kabupaten, "64"], "the held load, then only the newest request")
        #expect(h.state.path == ["64"] && h.state.data?.scope.code == "64", "the held load's stale result was dropped")
        #expect(h.terminal.screen.contains("Kabupaten/kota · Kalimantan Timur · 2023"))
        #expect(!h.runtime.isBusy)
    }

    @Test func theLoadingWordAppearsOnlyAfterItsDelay() throws {
        let gate = LoadGate()
        let clock = ManualClock()
        var h = try holdingYear2022(at: gate, clock: clock)
        h.pressWithoutWaiting(.character("["))
        h.runtime.step()
        #expect(!h.terminal.screen.contains("memuat…"))
        clock.advance(by: .milliseconds(149))
        h.runtime.step()
        #expect(!h.terminal.screen.contains("memuat…"), "not at 149 ms")
        clock.advance(by: .milliseconds(2))
        h.runtime.step()
        #expect(h.terminal.screen.split(separator: "\n").last?.contains("memuat…") == true, "in the status line at 151 ms")
        h.pressWithoutWaiting(.down)
        #expect(h.terminal.screen.contains("memuat…"), "kept while the load still runs")

        gate.open()
        try h.settle()
        #expect(!h.terminal.screen.contains("memuat…") && h.state.year == 2022)
    }

    @Test func aQuickLoadReachesTheScreenAsOneFrame() throws {
        // The clock stands still, so however slowly this machine loads, the load is "quick".
        var h = try Harness(source: loader, clock: ManualClock())
        let framesBefore = h.terminal.frames.count
        try h.press(.enter)
        #expect(h.state.data?.scope.level == .kecamatan)
        #expect(h.terminal.frames.count == framesBefore + 1, "the key's frame waited for its load")
        #expect(h.terminal.screen == h.screen, "the frame drawn is the frame of the state")
    }

    @Test func theLoadingWordOutlastsTheHintsOnANarrowScreen() throws {
        let h = try Harness(width: 40, height: 15, lang: .en)
        h.state.isLoadingSlowly = true
        #expect(h.canvas.lines().last == " Kabupaten Kutai Timur · 2023  loading…", "the hints made room for it")
    }

    /// Key → update → render → frame, in process, while a load is held back. A figure to read, not a target:
    /// the only bound is a sanity check far above any real latency.
    @Test func selectionLatencyWhileALoadRuns() throws {
        let gate = LoadGate()
        defer { gate.open() }
        var h = try holdingYear2022(at: gate)
        h.pressWithoutWaiting(.character("["))
        var latencies: [Duration] = []
        for i in 0..<400 {
            let started = ContinuousClock.now
            h.pressWithoutWaiting(i % 20 < 10 ? .down : .up)
            latencies.append(try #require(h.terminal.frameTimes.last) - started)
        }
        #expect(h.runtime.isBusy, "measured while the load was still running")
        latencies.sort()
        let p50 = latencies[latencies.count / 2], p99 = latencies[latencies.count * 99 / 100]
        print("selection key→frame while loading, 80×24, \(latencies.count) keys: p50 \(p50.milliseconds) ms, p99 \(p99.milliseconds) ms")
        #expect(p99 < .seconds(1))
    }

    /// A server that cannot be reached: the last figures stay, the status line says so, and it goes when the
    /// link is back; keys are answered all along.
    @Test func aLostServerIsShownWhileTheLastFiguresStay() throws {
        let source = GatedSource(loader: loader) { _, _ in nil }
        var h = try Harness(source: source)
        source.link.isUp = false
        h.runtime.step()
        #expect(h.terminal.screen.split(separator: "\n").last == " Kabupaten Kutai Timur · 2023  TERPUTUS · mencoba lagi   DEMO          q keluar")
        #expect(h.terminal.screen.contains("Muara Bengkal      49    19    30  38,8 %"))
        try h.press(.down)
        #expect(h.state.main.selected == 1)
        source.link.isUp = true
        h.runtime.step()
        #expect(!h.terminal.screen.contains("TERPUTUS"))
    }
}

extension Duration {
    /// Milliseconds with two decimals, for printing.
    var milliseconds: String {
        let (seconds, attoseconds) = components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
