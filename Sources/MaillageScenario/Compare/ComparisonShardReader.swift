import Foundation

/// Reads a shard file as a stream: its header at once, then one job at a time.
public final class ComparisonShardReader {
    /// The shard file.
    public let path: String
    /// The shard's header, read when the file was opened.
    public let header: ComparisonShardHeader
    private let lines: LineReader
    private let decoder = JSONDecoder()
    /// Jobs read so far.
    public private(set) var read = 0

    /// Opens `path` and reads its header.
    ///
    /// - Throws: ``ScenarioError`` naming the file: missing, not a shard, or an older format.
    public init(path: String) throws {
        self.path = path
        lines = try LineReader(path: path)
        guard let first = try lines.next() else {
            throw ScenarioError(
                file: path, reason: "is empty, not a comparison shard (one share of a sharded comparison's jobs)")
        }
        header = try ComparisonShardHeader.read(first, path: path)
    }

    /// The next job's result, or nil after the last line.
    public func next() throws -> JobResult? {
        guard let line = try lines.next() else { return nil }
        do {
            let result = try decoder.decode(JobResult.self, from: Data(line))
            read += 1
            return result
        } catch {
            throw ScenarioError(file: path, reason: "job line \(read + 1) is damaged (\(error)); run this shard again")
        }
    }
}
