import Foundation

/// The first line of a shard file: the plan the shard belongs to and how many jobs follow.
///
/// A shard file (format version 2) is JSON Lines: this header, then one ``JobResult`` per
/// line in plan order, so that `compare --shard` writes it and `merge` reads it as streams.
public struct ComparisonShardHeader: Sendable, Codable, Equatable {
    /// The `format` every shard file declares.
    public static let format = "maillage-comparison-shard"
    /// The format version this build writes and reads.
    public static let version = 2

    /// Must be `ComparisonShardHeader.format`: a file of another kind is refused.
    public var format: String
    /// Must be `ComparisonShardHeader.version`: a shard of another version is refused.
    public var version: Int
    /// The scenario files, as absolute paths, baseline first: a merge reads them again.
    public var files: [String]
    /// Replications of the plan.
    public var replications: Int
    /// The plan's fingerprint (inputs, scenarios, seed): shards of different plans must not merge.
    public var planFingerprint: String
    /// Which share of the jobs this file holds.
    public var shard: ComparisonShard
    /// Job lines that follow the header.
    public var jobs: Int

    /// The header of `shard` of `plan`, whose scenarios were read from `files`.
    public init(files: [String], plan: ComparisonPlan, shard: ComparisonShard) {
        format = Self.format
        version = Self.version
        self.files = files.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        replications = plan.replications
        planFingerprint = plan.fingerprint
        self.shard = shard
        jobs = plan.jobs(in: shard).count
    }

    /// Reads a header line, with errors that say which file and why (an older shard file included).
    static func read(_ line: [UInt8], path: String) throws -> ComparisonShardHeader {
        struct Probe: Decodable {
            var format: String?
            var version: Int?
        }
        let data = Data(line)
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data), probe.format == format else {
            throw ScenarioError(
                file: path, reason: "is not a comparison shard (one share of a sharded comparison's jobs)")
        }
        guard probe.version == version else {
            let found = probe.version.map { "version \($0)" } ?? "an unversioned"
            throw ScenarioError(
                file: path,
                reason: "is a \(found) comparison shard; this maillage reads version \(version) "
                    + "(one job per line, merged as a stream): compute that shard again with this version of Maillage")
        }
        let header: ComparisonShardHeader
        do {
            header = try JSONDecoder().decode(ComparisonShardHeader.self, from: data)
        } catch {
            throw ScenarioError(file: path, reason: "has a damaged header (\(error))")
        }
        if let problem = header.problem {
            throw ScenarioError(file: path, reason: "has a damaged header (\(problem)); run this shard again")
        }
        return header
    }

    /// What makes a well-formed header impossible to merge, checked before a merge counts on it
    /// (a share count of 0 would make its range of shares empty, no files no baseline).
    var problem: String? {
        if shard.count < 1 || shard.index < 1 || shard.index > shard.count {
            return "shard \(shard) is not I/N with 1 ≤ I ≤ N"
        }
        if jobs < 0 { return "\(jobs) jobs" }
        if replications < 1 { return "\(replications) replications" }
        if files.count < 2 { return "\(files.count) scenario file(s) where a comparison has at least 2" }
        return nil
    }
}
