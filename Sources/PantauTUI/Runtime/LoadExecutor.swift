import Dispatch

/// Where the runtime's loads and saves run: threads of their own rather than the shared task pool. A store may block
/// its thread (SQLite reads from disk), and the pool has only as many threads as cores: a blocked pool would starve
/// everything else that waits on it, the terminal's owner included.
final class LoadExecutor: TaskExecutor {
    static let shared = LoadExecutor()

    private let queue = DispatchQueue(label: "pantau.loads", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
