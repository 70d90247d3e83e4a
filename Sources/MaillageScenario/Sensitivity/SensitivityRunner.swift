import Dispatch
import Foundation
import MaillageCore

/// The model's indicators at some points of a plan's design: the expensive part, shardable.
public struct SensitivityOutputs: Sendable, Equatable, Codable {
    /// The indicators' names, the columns of each row of values.
    public var indicators: [String]
    /// `values[point]`: one value per indicator (nil for the points another shard ran).
    public var values: [[Double]?]

    /// Outputs from their rows.
    public init(indicators: [String], values: [[Double]?]) {
        self.indicators = indicators
        self.values = values
    }

    /// The complete output matrix, or nil while a point is missing.
    public var complete: [[Double]]? {
        let present = values.compactMap { $0 }
        return present.count == values.count ? present : nil
    }
}

/// Runs a plan's design points through a model, in parallel, the same whatever the thread count.
public enum SensitivityRunner {
    /// Evaluates the points `positions` (all when nil) of `plan`'s design.
    public static func run(
        _ plan: SensitivityPlan, model: SensitivityModel, positions: [Int]? = nil, threads: Int,
        progress: (@Sendable () -> Void)? = nil
    ) throws -> SensitivityOutputs {
        let design = plan.design
        let point = try ParameterPoint(ranges: plan.parameters, base: try model.baseParameters())
        let wanted = positions ?? Array(design.indices)
        let slots = Slots(count: wanted.count)
        let work: @Sendable (Int) -> Void = { slot in
            do {
                let result = try model.evaluate(point.overrides(at: design[wanted[slot]]))
                slots.store(.success(result), at: slot)
            } catch {
                slots.store(.failure(error), at: slot)
            }
            progress?()
        }
        let workers = max(1, min(threads, wanted.count))
        if workers == 1 {
            for slot in wanted.indices { work(slot) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let slot = slots.next() { work(slot) }
            }
        }
        var names: [String]?
        var values = [[Double]?](repeating: nil, count: design.count)
        for (slot, position) in wanted.enumerated() {
            let result = try slots.result(slot).get()
            if names == nil { names = result.map(\.name) }
            values[position] = result.map(\.value)
        }
        return SensitivityOutputs(indicators: names ?? [], values: values)
    }

    private final class Slots: @unchecked Sendable {
        private var results: [Result<[(name: String, value: Double)], any Error>?]
        private var cursor = 0
        private let lock = NSLock()

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.withLock {
                guard cursor < results.count else { return nil }
                defer { cursor += 1 }
                return cursor
            }
        }

        func store(_ result: Result<[(name: String, value: Double)], any Error>, at slot: Int) {
            lock.withLock { results[slot] = result }
        }

        func result(_ slot: Int) -> Result<[(name: String, value: Double)], any Error> {
            lock.withLock { results[slot]! }
        }
    }
}
