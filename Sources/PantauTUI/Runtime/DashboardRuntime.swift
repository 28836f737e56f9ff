import Foundation
import PantauCore

/// The dashboard's loop: wait for a key, update, start the work the update asks for, draw. Loads and saves run on
/// threads of their own and come back as actions through one inbox, taken between keys, so keys are answered while
/// a national load runs. While idle the loop blocks about a second per wait and looks whether the data changed.
public final class DashboardRuntime {
    public var state: DashboardState
    /// The effects the last key or resize asked for, not those of results arriving after it (the tests look at them).
    public private(set) var lastEventEffects: [Effect] = []
    let terminal: any TerminalBackend
    let appearance: Appearance
    private(set) var source: any DashboardDataSource
    private let clock: any RuntimeClock
    private let inbox: RuntimeInbox
    private var loads = LoadTracking()
    private var saves = SaveQueue()
    private var lastChange: String
    /// The frame of a key that started a load is drawn when the load returns, or at this time if it has not.
    private var frameHeldUntil: Duration?

    /// A load still running after this long shows a quiet word in the status line.
    public static let indicatorDelay = Duration.milliseconds(150)
    /// How long one wait for a key lasts while work is under way, when the terminal cannot be woken.
    static let busyWait: Int32 = 10
    /// How long one wait lasts while idle: also how often a change by another process is looked for.
    static let idleWait: Int32 = 1000

    public init(terminal: any TerminalBackend, source: any DashboardDataSource, appearance: Appearance, state: DashboardState,
                clock: any RuntimeClock = SystemRuntimeClock()) {
        self.terminal = terminal
        self.source = source
        self.appearance = appearance
        self.state = state
        self.clock = clock
        inbox = RuntimeInbox(wake: terminal.waker)
        lastChange = source.changeToken()
    }

    /// Runs until the user quits; a confirmed change still being written is finished first.
    public func run() {
        start()
        while !state.quitting { step() }
        finishSaving()
    }

    /// The first frame appears before the data is read; the first load starts with it.
    public func start() {
        draw()
        perform([.load(scope: state.scopeCode, year: state.year)])
    }

    /// True while a current load, detail or save has not come back (stale loads do not count).
    public var isBusy: Bool { loads.isPending || saves.isBusy }

    /// One turn of the loop: wait for an event (briefly while work is under way), take in finished work, answer the
    /// event, and draw when anything changed.
    public func step() {
        let event = terminal.nextEvent(timeout: isBusy ? Self.busyWait : Self.idleWait)
        var changed = takeFinishedWork()
        let now = clock.now()
        if loads.indicatorIsDue(now: now, after: Self.indicatorDelay) {
            apply(.loadTakesLong)
            changed = true
        }
        if changed { frameHeldUntil = nil }
        switch event {
        case .key(let key):
            lastEventEffects = apply(.key(key))
            changed = true
            // A key that starts a load waits a moment for it, so a quick load reaches the screen as one frame.
            let startsLoad = lastEventEffects.contains { if case .load = $0 { true } else if case .loadDetail = $0 { true } else { false } }
            frameHeldUntil = startsLoad ? now + Self.indicatorDelay : nil
        case .resized(let width, let height):
            lastEventEffects = apply(.resize(width: width, height: height))
            frameHeldUntil = nil
            changed = true
        case .ignored:
            break
        case nil:
            if state.isDisconnected == source.isReachable {
                state.isDisconnected = !source.isReachable
                changed = true
            }
            if !isBusy && databaseChanged() {
                state.isSnapshot = source.isSnapshot
                apply(.databaseChanged)
                changed = true
            }
        }
        if let held = frameHeldUntil {
            guard now >= held else { return }
            frameHeldUntil = nil
            changed = true
        }
        if changed && !state.quitting { draw() }
    }

    /// Sends an action through update and starts the work it asks for, which it returns.
    @discardableResult
    public func apply(_ action: Action) -> [Effect] {
        let effects = state.update(action)
        perform(effects)
        return effects
    }

    /// Quitting never drops a confirmed change: it is written first (Ctrl-C still leaves at once, unsaved).
    private func finishSaving() {
        guard saves.isBusy else { return }
        state.message = Strings(appearance.lang).savingBeforeQuit
        draw()
        while saves.isBusy {
            _ = terminal.nextEvent(timeout: Self.busyWait)
            if takeFinishedWork() { draw() }
        }
    }

    /// Applies what finished since the last turn, dropping results of loads a newer one superseded.
    private func takeFinishedWork() -> Bool {
        var changed = false
        for (origin, action) in inbox.takeAll() {
            switch origin {
            case .load(let generation):
                if let next = loads.loadReturned() { startLoad(next) }
                guard loads.loadFinished(generation: generation) else { continue }
            case .detail(let generation):
                guard loads.detailFinished(generation: generation) else { continue }
            case .save(let changeToken):
                saves.running = false
                lastChange = changeToken
                if let next = saves.takeNext() { startSave(next) }
            case .saveWaiting:
                break
            }
            apply(action)
            changed = true
        }
        return changed
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .load(let scope, let year):
                if let request = loads.requestLoad(scope: scope, year: year, at: clock.now()) { startLoad(request) }
            case .loadDetail(let nik):
                let generation = loads.startDetail()
                run(from: .detail(generation: generation)) { .detailLoaded(try await $0.detail(nik: nik)) }
            case .save(let change):
                if saves.isBusy { saves.waiting.append(change) } else { startSave(change) }
            case .repaint:
                terminal.repaintAll()
            case .quit:
                break
            }
        }
    }

    private func startLoad(_ request: LoadTracking.Request) {
        run(from: .load(generation: request.generation)) { .loaded(try await $0.load(scopeCode: request.scope, year: request.year)) }
    }

    /// Writes in a task of its own; the change token is read there too, so the key loop never waits for the store.
    private func startSave(_ change: FieldChange) {
        saves.running = true
        Self.save(change, with: source, postingTo: inbox, lang: appearance.lang)
    }

    private static func save(_ change: FieldChange, with source: any DashboardDataSource, postingTo inbox: RuntimeInbox, lang: Language) {
        Task.detached(executorPreference: LoadExecutor.shared) {
            let action: Action
            do {
                try await source.save(change) { holder in
                    inbox.post(.saveWaiting(TerminalSafe.text(holder.waitingMessage(lang))), from: .saveWaiting)
                }
                action = .saved
            } catch {
                action = .saveFailed(sentence(for: error, lang: lang))
            }
            inbox.post(action, from: .save(changeToken: source.changeToken()))
        }
    }

    /// Runs a load as a task of its own and posts its action, or the failure worded for the status line.
    private func run(from origin: RuntimeInbox.Origin, _ body: @escaping @Sendable (any DashboardDataSource) async throws -> Action) {
        Self.run(body, with: source, postingTo: inbox, from: origin, lang: appearance.lang)
    }

    private static func run(_ body: @escaping @Sendable (any DashboardDataSource) async throws -> Action, with source: any DashboardDataSource,
                            postingTo inbox: RuntimeInbox, from origin: RuntimeInbox.Origin, lang: Language) {
        Task.detached(executorPreference: LoadExecutor.shared) {
            let action: Action
            do {
                action = try await body(source)
            } catch {
                action = .loadFailed(sentence(for: error, lang: lang))
            }
            inbox.post(action, from: origin)
        }
    }

    private static func sentence(for error: any Error, lang: Language) -> String {
        (error as? PantauError)?.message(lang) ?? PantauError.explaining(error)?.message(lang) ?? "\(error)"
    }

    /// True when the data changed since the last look. A frozen copy is reopened, live if it can be now.
    private func databaseChanged() -> Bool {
        let token = source.changeToken()
        guard token != lastChange else { return false }
        lastChange = token
        if let reopened = source.reopenedIfFrozen() {
            source = reopened
            lastChange = reopened.changeToken()
        }
        return true
    }

    private func draw() {
        terminal.draw(DashboardView(state: state, appearance: appearance).render())
    }
}
