import Foundation
import MaillageCore
import MaillageFormats

/// One share of a calibration's searches (`calibrate --shard I/N`): the evaluations its starts
/// made, and the merge of every share into what one machine's run needs to replay them all.
///
/// A merge replays the whole calibration in one process with every evaluation known, so it
/// simulates only the best point once more (for its sites) and writes the files one machine
/// would, byte for byte.
public struct CalibrationShard: Sendable, Equatable, Codable {
    /// One evaluation: its unit point (``Calibration/key(_:)``), objective and simulated targets,
    /// as shortest round-trip text ("inf", "nan" and empty for undefined kept as they are).
    public struct Entry: Sendable, Equatable, Codable {
        /// The unit point's key.
        public var key: String
        /// The objective.
        public var objective: String
        /// Each target's simulated figure; nil when undefined.
        public var simulated: [String?]
    }

    /// The spec file, absolute.
    public var targets: String
    /// The spec's ``CalibrationSpec/contentHash``.
    public var specHash: String
    /// The territory database, absolute.
    public var database: String
    /// The territory, observed series and base parameters the evaluations ran on.
    public var inputsFingerprint: String
    /// Which share this is.
    public var shard: ComparisonShard
    /// The starts this share searched from.
    public var starts: [Int]
    /// Every evaluation the share made, in order.
    public var evaluations: [Entry]

    /// A shard of `shard`'s starts and what they evaluated.
    public init(
        targets: String, specHash: String, database: String, inputsFingerprint: String, shard: ComparisonShard,
        starts: [Int], history: [Calibration.Evaluation]
    ) {
        (self.targets, self.specHash, self.database) = (targets, specHash, database)
        (self.inputsFingerprint, self.shard, self.starts) = (inputsFingerprint, shard, starts)
        evaluations = history.map { evaluation in
            Entry(
                key: Calibration.key(evaluation.unit), objective: String(evaluation.objective),
                simulated: evaluation.simulated.map { $0.map { String($0) } })
        }
    }

    /// `calibration-shard-I-of-N.json`.
    public static func fileName(_ shard: ComparisonShard) -> String {
        "calibration-shard-\(shard.index)-of-\(shard.count).json"
    }

    /// The starts that belong to `shard` (round robin over the spec's starts).
    public static func starts(_ spec: CalibrationSpec, shard: ComparisonShard) -> [Int] {
        (0..<spec.starts).filter { shard.contains(position: $0) }
    }

    /// Whether a file looks like a calibration shard (by name).
    public static func isShardFile(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasPrefix("calibration-shard-") && name.hasSuffix(".json")
    }

    /// Writes the shard into `folder` and returns its path.
    ///
    /// - Throws: ``ScenarioError`` when the file cannot be written.
    public func write(to folder: String) throws -> String {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Self.fileName(shard)).path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try JSONText.data(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScenarioError(file: path, reason: "cannot be written: \(error.localizedDescription)")
        }
        return path
    }

    /// Reads a shard file.
    ///
    /// - Throws: ``ScenarioError`` for a file that cannot be read or is not a calibration shard.
    public static func read(_ path: String) throws -> CalibrationShard {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, reason: "cannot be read")
        }
        do { return try JSONDecoder().decode(CalibrationShard.self, from: data) } catch {
            throw ScenarioError(file: path, reason: "is not a calibration shard: \(problem(error))")
        }
    }

    /// What is wrong, by key: the decoder's own text is a paragraph of Swift type names.
    static func problem(_ error: Error) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return path.isEmpty ? "" : "'\(path.joined(separator: "."))' "
        }
        switch error as? DecodingError {
        case .typeMismatch(let type, let context): return "\(at(context))is not a \(type)"
        case .valueNotFound(_, let context): return "\(at(context))is missing"
        case .keyNotFound(let key, let context): return "\(at(context))lacks '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return "\(at(context))\(TextExcerpt.quoted(context.debugDescription))"
        default: return TextExcerpt.quoted("\(error)")
        }
    }

    /// Puts shards back together: the same spec and inputs, every share 1…N once; returns the
    /// first shard (for the spec and database) and every evaluation by key.
    ///
    /// - Throws: ``ScenarioError`` for shards of different calibrations, missing or repeated
    ///   shares, or a value that is not a number.
    public static func merge(_ paths: [String]) throws -> (first: CalibrationShard, known: Calibration.KnownEvaluations)
    {
        let shards = try paths.map { (path: $0, shard: try read($0)) }
        guard let first = shards.first else { throw ScenarioError(file: "merge", reason: "no shard given") }
        for (path, shard) in shards {
            guard shard.specHash == first.shard.specHash, shard.inputsFingerprint == first.shard.inputsFingerprint,
                shard.targets == first.shard.targets, shard.database == first.shard.database
            else {
                throw ScenarioError(
                    file: path,
                    reason: "belongs to another calibration (spec, territory or observations) than \(first.path)")
            }
        }
        try ComparisonShard.checkEveryShareOnce(shards.map { ($0.path, $0.shard.shard) })
        var known: Calibration.KnownEvaluations = [:]
        for (path, shard) in shards {
            for entry in shard.evaluations {
                func number(_ text: String) throws -> Double {
                    guard let value = Double(text) else {
                        throw ScenarioError(file: path, reason: "evaluation \(entry.key) has '\(text)', not a number")
                    }
                    return value
                }
                known[entry.key] = (try number(entry.objective), try entry.simulated.map { try $0.map(number) })
            }
        }
        return (first.shard, known)
    }
}
