import Foundation

/// What `compare --shard I/N` writes and `merge` reads: the plan it belongs to and its jobs' results.
public struct ComparisonShardFile: Sendable, Codable {
    public static let format = "maillage-comparison-shard"

    public var format: String
    public var version: Int
    /// The scenario files, as absolute paths, baseline first: a merge reads them again.
    public var files: [String]
    public var replications: Int
    public var planFingerprint: String
    public var shard: ComparisonShard
    public var results: [JobResult]

    public init(files: [String], plan: ComparisonPlan, shard: ComparisonShard, results: [JobResult]) {
        format = Self.format
        version = 1
        self.files = files.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        replications = plan.replications
        planFingerprint = plan.fingerprint
        self.shard = shard
        self.results = results
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a shard file, with errors that say which file and why.
    public static func read(_ path: String) throws -> ComparisonShardFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, reason: "cannot be read (does it exist?)")
        }
        let file: ComparisonShardFile
        do {
            file = try JSONDecoder().decode(ComparisonShardFile.self, from: data)
        } catch {
            throw ScenarioError(file: path, reason: "is not a shard written by 'maillage compare --shard' (\(error))")
        }
        guard file.format == format, file.version == 1 else {
            throw ScenarioError(file: path, reason: "is a \(file.format) version \(file.version) file, not a version 1 comparison shard")
        }
        return file
    }

    /// Puts shards back together: the plan (read again from the scenario files, which must
    /// not have changed) and every job's result.
    public static func merge(_ shards: [(path: String, file: ComparisonShardFile)]) throws -> ScenarioComparisonResult {
        guard let first = shards.first else { throw ScenarioError(file: "merge", reason: "give at least one shard") }
        for (path, shard) in shards where shard.planFingerprint != first.file.planFingerprint || shard.files != first.file.files {
            throw ScenarioError(file: path, reason: "belongs to another comparison than \(first.path) (other scenario files, seed or replications)")
        }
        let counts = Set(shards.map(\.file.shard.count))
        guard counts.count == 1, let count = counts.first else {
            throw ScenarioError(file: "merge", reason: "the shards were cut in different numbers of shares (\(counts.sorted().map(String.init).joined(separator: ", ")))")
        }
        let present = Set(shards.map(\.file.shard.index))
        let absent = (1...count).filter { !present.contains($0) }
        guard absent.isEmpty else {
            throw ScenarioError(file: "merge", reason: "shard \(absent.map { "\($0)/\(count)" }.joined(separator: ", ")) missing: merge all \(count) shards")
        }
        guard present.count == shards.count else { throw ScenarioError(file: "merge", reason: "a shard was given twice") }
        let scenarios = try ScenarioLoader.loadComparison(first.file.files)
        let plan = try ComparisonPlan(scenarios: scenarios, replications: first.file.replications)
        guard plan.fingerprint == first.file.planFingerprint else {
            throw ScenarioError(file: first.file.files[0], reason: "the scenario files changed since the shards were computed; run the comparison again")
        }
        return try ScenarioComparisonResult(plan: plan, results: shards.flatMap(\.file.results))
    }
}
