import Foundation

/// The runtime's sense of time, for the loading indicator's delay. Tests pass a clock they move by hand,
/// so "not before 150 ms" is checked without sleeping.
public protocol RuntimeClock: AnyObject {
    /// Time since some fixed point; only differences matter.
    func now() -> Duration
}

/// The monotonic clock of the machine.
public final class SystemRuntimeClock: RuntimeClock {
    private let start = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - start }
}
