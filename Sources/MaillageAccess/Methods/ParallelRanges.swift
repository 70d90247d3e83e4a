import Dispatch

/// Cuts `0..<count` into runs of `size` and works on them on all cores.
///
/// For loops whose iterations write disjoint places of one buffer and read shared inputs:
/// the result does not depend on how the runs are shared between threads.
enum ParallelRanges {
    /// Calls `body` once for each run of at most `size` indices of `0..<count`; inline when
    /// there is a single run.
    static func forEach(count: Int, size: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let size = max(size, 1)
        let runs = (count + size - 1) / size
        guard runs > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            body((run * size)..<min(count, (run + 1) * size))
        }
    }
}
