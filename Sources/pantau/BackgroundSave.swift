import Foundation
import PantauCore
import PantauTUI

/// A save from the dashboard running on a thread of its own, so that a save waiting for another officer's write
/// never freezes the screen: the key loop goes on and picks up what the save waits for, and then its result.
final class BackgroundSave: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Action?
    private var waitingFor: String?

    /// Starts `body` (the save) at once; what it waits for is worded in `lang`.
    init(store path: String, lang: Language, _ body: @escaping @Sendable () -> Action) {
        WriteWait.report(waitsOn: path) { [self] holder in
            let message = TerminalSafe.text(holder.waitingMessage(lang))
            lock.withLock { waitingFor = message }
        }
        Thread.detachNewThread { [self] in
            let action = body()
            lock.withLock { result = action }
        }
    }

    /// What the save now waits for, once: nil when there is nothing new to say.
    func takeWaitingMessage() -> String? {
        lock.withLock { defer { waitingFor = nil }; return waitingFor }
    }

    /// The save's result once it has finished (waits stop being reported then), else nil.
    func takeResult() -> Action? {
        guard let action = lock.withLock({ result }) else { return nil }
        WriteWait.stopReporting()
        return action
    }
}
