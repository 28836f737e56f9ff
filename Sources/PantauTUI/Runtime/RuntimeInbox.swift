import Foundation

/// The one way finished work reaches the dashboard's loop: threads post here, the loop takes everything between keys.
final class RuntimeInbox: @unchecked Sendable {
    /// Which piece of work a result belongs to; a load's generation tells a stale result from the current one.
    enum Origin: Equatable {
        case load(generation: Int)
        case detail(generation: Int)
        /// A save finished; the data's change token as the save left it, read on the save's thread.
        case save(changeToken: String)
        /// Said by a running save while it waits for another writer; the save goes on.
        case saveWaiting
    }

    private let lock = NSLock()
    private var posted: [(Origin, Action)] = []
    private let wake: (@Sendable () -> Void)?

    init(wake: (@Sendable () -> Void)?) { self.wake = wake }

    func post(_ action: Action, from origin: Origin) {
        lock.withLock { posted.append((origin, action)) }
        wake?()
    }

    /// Everything posted so far, oldest first, leaving the inbox empty.
    func takeAll() -> [(Origin, Action)] {
        lock.withLock { defer { posted = [] }; return posted }
    }
}
