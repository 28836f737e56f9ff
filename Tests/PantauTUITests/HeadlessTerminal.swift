import Foundation
@testable import PantauTUI

/// A terminal in memory for the dashboard's real loop: keys are fed in, frames are kept, and a result arriving from
/// a load ends the wait for a key at once (as a wait with nothing to read would on a real terminal, only sooner).
final class HeadlessTerminal: TerminalBackend, @unchecked Sendable {
    var width: Int
    var height: Int
    private(set) var frames: [Canvas] = []
    /// When each frame was drawn, by the monotonic clock.
    private(set) var frameTimes: [ContinuousClock.Instant] = []
    private(set) var repaints = 0
    private let condition = NSCondition()
    private var events: [TerminalEvent] = []
    private var woken = false

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    func feed(_ event: TerminalEvent) {
        condition.withLock {
            events.append(event)
            condition.signal()
        }
    }

    var hasQueuedEvents: Bool { condition.withLock { !events.isEmpty } }

    func draw(_ canvas: Canvas) {
        frames.append(canvas)
        frameTimes.append(.now)
    }

    func nextEvent(timeout milliseconds: Int32) -> TerminalEvent? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: Double(milliseconds) / 1000)
        while events.isEmpty && !woken {
            if !condition.wait(until: deadline) { break }
        }
        woken = false
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resized(let width, let height) = event { self.width = width; self.height = height }
        return event
    }

    func repaintAll() { repaints += 1 }

    var waker: (@Sendable () -> Void)? {
        { [self] in
            condition.withLock {
                woken = true
                condition.signal()
            }
        }
    }

    /// The last frame's text, one line per row.
    var screen: String { frames.last.map { $0.lines().joined(separator: "\n") } ?? "" }
}
