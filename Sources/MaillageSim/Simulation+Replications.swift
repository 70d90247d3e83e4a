import Dispatch
import Foundation
import MaillageCore

extension Simulation {
    /// Runs the replications numbered `indices` (0-based random streams) and returns each one's
    /// indicators, in the order of `indices`.
    ///
    /// This is what a comparison needs: replication `r` of two scenarios draws from the same
    /// stream (common random numbers), and a share of the replications can run on another
    /// machine and give exactly what this one would. `request.replications` is ignored.
    public static func indicators(
        _ request: SimulationRequest, replications indices: [Int],
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [ReplicationIndicators] {
        guard indices.allSatisfy({ $0 >= 0 }) else {
            throw SimulationError.invalidParameter(name: "replication", reason: "replication indices start at 0")
        }
        let prepared = try PreparedSimulation(request)
        let slots = ResultSlots(count: indices.count)
        let work: @Sendable (Int) -> Void = { position in
            // Indices were checked above: a replication cannot fail to run.
            guard let indicators = try? prepared.indicators(replication: indices[position]) else { return }
            slots.store(indicators, at: position)
            progress?(indices[position])
        }
        let threads = max(1, min(request.threads, indices.count))
        if threads == 1 {
            for position in indices.indices { work(position) }
        } else {
            // Workers take the next replication as they finish one; each writes its own slot,
            // so the result does not depend on the thread count or the order they finish in.
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let position = slots.nextPosition() { work(position) }
            }
        }
        return slots.values()
    }
}

/// One slot per replication, written once each from concurrent workers.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [ReplicationIndicators?]
    private var next = 0
    private let lock = NSLock()

    func nextPosition() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: ReplicationIndicators, at position: Int) {
        lock.withLock { slots[position] = value }
    }

    func values() -> [ReplicationIndicators] { lock.withLock { slots.compactMap { $0 } } }
}
