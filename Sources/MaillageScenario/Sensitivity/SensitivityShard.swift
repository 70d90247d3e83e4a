import Foundation
import MaillageFormats

/// One share of a sensitivity analysis's design points (`--shard I/N`): the file it writes,
/// and the merge of all the shares into the analysis one machine would give.
public struct SensitivityShard: Sendable, Equatable, Codable {
    /// The plan every shard must share.
    public var plan: SensitivityPlan
    /// Which share of the points this is.
    public var shard: ComparisonShard
    /// The indicators' names, the columns of each point's values.
    public var indicators: [String]
    /// Point index → indicator values, as shortest round-trip text ("nan" for undefined).
    public var points: [Int: [String]]

    /// `sensitivity-shard-I-of-N.json`.
    public static func fileName(_ shard: ComparisonShard) -> String {
        "sensitivity-shard-\(shard.index)-of-\(shard.count).json"
    }

    /// The design positions that belong to `shard` (round robin).
    public static func positions(_ plan: SensitivityPlan, shard: ComparisonShard) -> [Int] {
        (0..<plan.pointCount).filter { shard.contains(position: $0) }
    }

    /// The share `shard` of `outputs`: the points it ran.
    public init(plan: SensitivityPlan, shard: ComparisonShard, outputs: SensitivityOutputs) {
        self.plan = plan
        self.shard = shard
        indicators = outputs.indicators
        var points: [Int: [String]] = [:]
        for (index, row) in outputs.values.enumerated() { if let row { points[index] = row.map { String($0) } } }
        self.points = points
    }

    /// Writes the shard into `folder` and returns its path.
    ///
    /// - Throws: ``ScenarioError`` when the file cannot be written.
    public func write(to folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Self.fileName(shard)).path
        do { try JSONText.data(self).write(to: URL(fileURLWithPath: path)) } catch {
            throw ScenarioError(file: path, reason: "cannot be written: \(error.localizedDescription)")
        }
        return path
    }

    /// Reads a shard file.
    ///
    /// - Throws: ``ScenarioError`` for a file that cannot be read or is not a shard.
    public static func read(_ path: String) throws -> SensitivityShard {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, reason: "cannot be read")
        }
        do { return try JSONDecoder().decode(SensitivityShard.self, from: data) } catch {
            throw ScenarioError(file: path, reason: "is not a sensitivity shard: \(error)")
        }
    }

    /// Whether a file looks like a sensitivity shard (by name).
    public static func isShardFile(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasPrefix("sensitivity-shard-") && name.hasSuffix(".json")
    }

    /// Puts shards back together: the same plan, every share 1…N once, every point once.
    public static func merge(_ paths: [String]) throws -> (plan: SensitivityPlan, outputs: SensitivityOutputs) {
        let shards = try paths.map { (path: $0, shard: try read($0)) }
        guard let first = shards.first else { throw ScenarioError(file: "merge", reason: "no shard given") }
        if let problem = first.shard.plan.problem {
            throw ScenarioError(file: first.path, reason: "holds a plan no sensitivity run makes: \(problem)")
        }
        for (path, shard) in shards {
            guard shard.plan == first.shard.plan, shard.indicators == first.shard.indicators else {
                throw ScenarioError(
                    file: path,
                    reason: "was made with another plan (ranges, method, seed or settings) than \(first.path)")
            }
        }
        try ComparisonShard.checkEveryShareOnce(shards.map { ($0.path, $0.shard.shard) })
        var values = [[Double]?](repeating: nil, count: first.shard.plan.pointCount)
        for (path, shard) in shards {
            for (index, row) in shard.points {
                guard values.indices.contains(index), values[index] == nil else {
                    throw ScenarioError(file: path, reason: "point \(index) is out of the design or repeated")
                }
                guard row.count == first.shard.indicators.count else {
                    throw ScenarioError(
                        file: path,
                        reason: "point \(index) has \(row.count) values for \(first.shard.indicators.count) indicators")
                }
                values[index] = try row.map { text in
                    guard let value = Double(text) else {
                        throw ScenarioError(file: path, reason: "point \(index) has '\(text)', not a number")
                    }
                    return value
                }
            }
        }
        return (first.shard.plan, SensitivityOutputs(indicators: first.shard.indicators, values: values))
    }
}
