/// Which loads are current. Every request gets a new generation; a result whose generation is not the latest was
/// superseded and is dropped, so a slow old load never overwrites a newer screen. At most one scope load runs at a
/// time (the store reads through one connection): a request made meanwhile waits as the one next load, replacing
/// any request that waited before it, so nothing queues behind a superseded load.
struct LoadTracking {
    struct Request: Equatable {
        var scope: String
        var year: Int?
        var generation: Int
    }

    private var loadGeneration = 0
    private var detailGeneration = 0
    /// When the current scope load was asked for, until its result is taken in.
    private var loadStarted: Duration?
    private var detailRunning = false
    private var indicatorShown = false
    /// A scope load is running (current or superseded).
    private(set) var loadRunning = false
    /// The newest request made while a load was running: started when that one returns.
    private var next: Request?

    /// A current load or detail has not come back, or a superseded load still holds the store.
    var isPending: Bool { loadStarted != nil || detailRunning || loadRunning }

    /// Asks for a scope load: returned when it may start now, else kept as the next one.
    mutating func requestLoad(scope: String, year: Int?, at now: Duration) -> Request? {
        loadGeneration += 1
        // A load that supersedes a slow one keeps the indicator on and the first one's start.
        if loadStarted == nil { loadStarted = now }
        let request = Request(scope: scope, year: year, generation: loadGeneration)
        guard !loadRunning else { next = request; return nil }
        loadRunning = true
        return request
    }

    /// A scope load returned (current or not): the waiting request, if any, starts now.
    mutating func loadReturned() -> Request? {
        guard let waiting = next else { loadRunning = false; return nil }
        next = nil
        return waiting
    }

    mutating func startDetail() -> Int {
        detailGeneration += 1
        detailRunning = true
        return detailGeneration
    }

    /// Marks a scope load's result as taken in; false when it is stale and must be dropped.
    mutating func loadFinished(generation: Int) -> Bool {
        guard generation == loadGeneration else { return false }
        loadStarted = nil
        indicatorShown = false
        return true
    }

    /// Marks a detail as taken in; false when a newer one was asked for since.
    mutating func detailFinished(generation: Int) -> Bool {
        guard generation == detailGeneration else { return false }
        detailRunning = false
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
