import Foundation

/// Runs independent jobs at once, as many at a time as the machine has cores, and returns once
/// every one has finished.
///
/// Jobs given to one call share the cores; nesting ``bothAtOnce(_:_:)`` calls does not (an inner
/// call runs its two jobs one after the other while the outer one holds the threads). When
/// several jobs fail, the first one's error in the jobs' order is thrown, as if they had run in
/// that order.
public func allAtOnce(_ jobs: [() throws -> Void]) throws {
    nonisolated(unsafe) var failures = [(any Error)?](repeating: nil, count: jobs.count)
    nonisolated(unsafe) let work = jobs
    DispatchQueue.concurrentPerform(iterations: work.count) { index in
        do { try work[index]() } catch { failures[index] = error }
    }
    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
}
