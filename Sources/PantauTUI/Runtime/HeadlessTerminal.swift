import Foundation

/// A terminal in memory for the dashboard's real loop: keys are fed in, frames are kept, and a result arriving from
/// a load ends the wait for a key at once (as a wait with nothing to read would on a real terminal, only sooner). The
/// tests drive the dashboard through it, and `pantau-bench` measures keys with it.
public final class HeadlessTerminal: TerminalBackend, @unchecked Sendable {
    public var width: Int
    public var height: Int
    public private(set) var frames: [Canvas] = []
    /// When each frame was drawn, by the monotonic clock.
    public private(set) var frameTimes: [ContinuousClock.Instant] = []
    /// How many cells each frame changed from the one before: what a real terminal would be sent.
    public private(set) var changedCells: [Int] = []
    public private(set) var repaints = 0
    /// Keeps only the last frame: a long measurement would otherwise hold every frame it drew.
    private let keepsFrames: Bool
    private let condition = NSCondition()
    private var events: [TerminalEvent] = []
    private var woken = false

    public init(width: Int, height: Int, keepsFrames: Bool = true) {
        self.width = width
        self.height = height
        self.keepsFrames = keepsFrames
    }

    public func feed(_ event: TerminalEvent) {
        condition.withLock {
            events.append(event)
            condition.signal()
        }
    }

    public var hasQueuedEvents: Bool { condition.withLock { !events.isEmpty } }

    public func draw(_ canvas: Canvas) {
        let previous = frames.last
        changedCells.append(previous.map { canvas.changedCells(from: $0) } ?? canvas.cells.count)
        if !keepsFrames { frames.removeAll(keepingCapacity: true) }
        frames.append(canvas)
        frameTimes.append(.now)
    }

    public func nextEvent(timeout milliseconds: Int32) -> TerminalEvent? {
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

    public func repaintAll() { repaints += 1 }

    public var waker: (@Sendable () -> Void)? {
        { [self] in
            condition.withLock {
                woken = true
                condition.signal()
            }
        }
    }

    /// The last frame's text, one line per row.
    public var screen: String { frames.last.map { $0.lines().joined(separator: "\n") } ?? "" }
}
