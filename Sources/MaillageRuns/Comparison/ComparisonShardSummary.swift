/// What `maillage compare --shard I/N --json` prints: the shard, its jobs, its file.
public struct ComparisonShardSummary: Codable, Sendable, Equatable {
    /// `I/N`.
    public var shard: String
    /// Jobs this shard ran, and the file it wrote.
    public var jobs: Int
    /// The partial comparison file the shard wrote, for `maillage merge`.
    public var file: String

    /// A shard's summary.
    public init(shard: String, jobs: Int, file: String) {
        (self.shard, self.jobs, self.file) = (shard, jobs, file)
    }
}
