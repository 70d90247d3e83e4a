/// The I-th of N shares of a comparison's jobs (`--shard I/N`, 1-based).
public struct ComparisonShard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The shard's number, 1-based.
    public var index: Int
    /// How many shards the jobs are cut into.
    public var count: Int

    /// Reads `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// A shard from its numbers; the caller keeps 1 ≤ index ≤ count.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether the job at `position` in the plan's list belongs to this shard (round robin,
    /// so each shard gets a fair mix of scenarios and replications).
    public func contains(position: Int) -> Bool { position % count == index - 1 }

    /// The shard (1-based) that holds the job at `position` when the jobs are cut in `count` shares.
    public static func index(ofPosition position: Int, count: Int) -> Int { position % count + 1 }

    /// `I/N`, as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }
}
