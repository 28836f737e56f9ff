/// What the dashboard's loop needs from a screen: its size, a place to put a frame, the next key.
/// The ncurses terminal is one; the tests drive the same loop through one in memory.
public protocol TerminalBackend: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Puts a frame on screen (a real terminal sends only what changed).
    func draw(_ canvas: Canvas)
    /// The next key or resize, or nil when `milliseconds` pass without one.
    func nextEvent(timeout milliseconds: Int32) -> TerminalEvent?
    /// Makes the next draw repaint the whole screen.
    func repaintAll()
    /// Ends a wait in `nextEvent` early when a result arrives, from any thread. Nil when the backend's wait cannot
    /// be interrupted (ncurses reads its own descriptor): the loop then waits in short steps while work is under way.
    var waker: (@Sendable () -> Void)? { get }
}

/// One thing that happened at the terminal.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// A key the dashboard has no use for (a function key, say).
    case ignored
}
