import Foundation

/// Hands jobs to worker threads in order and gives their results back in the same order,
/// through a reorder buffer of at most `window` jobs.
///
/// Workers may finish in any order; the consumer takes position p only once it is done, and
/// no worker starts a job more than `window` positions past the last one taken. What waits in
/// memory is therefore bounded by the window, however many jobs there are.
final class JobPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var handedOut = 0
    private var taken = 0
    private var done: [Int: Result<JobResult, any Error>] = [:]
    private var stopped = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    /// The next position to compute, waiting while the window is full; nil when every job is
    /// handed out or the consumer stopped.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, handedOut < count, handedOut >= taken + window { condition.wait() }
        guard !stopped, handedOut < count else { return nil }
        defer { handedOut += 1 }
        return handedOut
    }

    /// Stores a worker's result (or its error) for position `position`.
    func finish(_ position: Int, _ result: Result<JobResult, any Error>) {
        condition.lock()
        done[position] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The result of `position`, waiting for it; rethrows the job's error.
    func take(_ position: Int) throws -> JobResult {
        condition.lock()
        while done[position] == nil { condition.wait() }
        let result = done.removeValue(forKey: position)
        taken += 1
        condition.broadcast()
        condition.unlock()
        guard let result else { throw CancellationError() }
        return try result.get()
    }

    /// Lets the workers end after their current job (the consumer failed).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
