/// Which loads are current. Every request gets a new generation; a result whose generation is not the latest was
/// superseded and is dropped, so a slow old load never overwrites a newer screen and nothing queues behind it.
struct LoadTracking {
    private var loadGeneration = 0
    private var detailGeneration = 0
    /// When the current scope load started, while it runs.
    private var loadStarted: Duration?
    private var detailRunning = false
    private var indicatorShown = false

    var isPending: Bool { loadStarted != nil || detailRunning }

    mutating func startLoad(at now: Duration) -> Int {
        loadGeneration += 1
        // A load that supersedes a slow one keeps the indicator on and the first one's start.
        if loadStarted == nil { loadStarted = now }
        return loadGeneration
    }

    mutating func startDetail() -> Int {
        detailGeneration += 1
        detailRunning = true
        return detailGeneration
    }

    /// Marks a result as taken in; false when it is stale and must be dropped.
    mutating func finish(_ origin: RuntimeInbox.Origin, generation: Int) -> Bool {
        switch origin {
        case .load:
            guard generation == loadGeneration else { return false }
            loadStarted = nil
            indicatorShown = false
        case .detail:
            guard generation == detailGeneration else { return false }
            detailRunning = false
        case .save, .saveWaiting:
            break
        }
        return true
    }

    /// True once, when the current load has run longer than `delay`.
    mutating func indicatorIsDue(now: Duration, after delay: Duration) -> Bool {
        guard let loadStarted, !indicatorShown, now - loadStarted >= delay else { return false }
        indicatorShown = true
        return true
    }
}

/// Confirmed changes: one written at a time, the others next, in the order they were confirmed.
struct SaveQueue {
    var running = false
    var waiting: [FieldChange] = []

    var isBusy: Bool { running || !waiting.isEmpty }

    mutating func takeNext() -> FieldChange? { waiting.isEmpty ? nil : waiting.removeFirst() }
}
