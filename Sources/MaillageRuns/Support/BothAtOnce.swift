import Foundation

/// Runs two independent readings at once, one on each of two threads, and returns both results.
///
/// A command that reads a territory and a large travel matrix from one database spends most of
/// its time in those two readings; on two cores they overlap. When both fail, the first
/// reading's error is the one thrown, as if they had run one after the other.
public func bothAtOnce<First, Second>(
    _ first: () throws -> First, _ second: () throws -> Second
) throws -> (First, Second) {
    nonisolated(unsafe) var firstResult: Result<First, any Error>?
    nonisolated(unsafe) var secondResult: Result<Second, any Error>?
    nonisolated(unsafe) let (runFirst, runSecond) = (first, second)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            firstResult = Result { try runFirst() }
        } else {
            secondResult = Result { try runSecond() }
        }
    }
    return (try firstResult!.get(), try secondResult!.get())
}
