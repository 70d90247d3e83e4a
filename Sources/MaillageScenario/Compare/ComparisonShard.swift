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

    private enum CodingKeys: String, CodingKey { case index, count }

    /// Reads a shard's numbers from a shard file, refusing what `--shard` would: a hand-edited
    /// share 0 of 0 made `merge` trap on the range of shares 1…0.
    ///
    /// - Throws: `DecodingError.dataCorrupted` unless 1 ≤ index ≤ count.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let (index, count) = (
            try container.decode(Int.self, forKey: .index), try container.decode(Int.self, forKey: .count)
        )
        guard count >= 1, (1...count).contains(index) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "shard \(index)/\(count) is not I/N with 1 ≤ I ≤ N"))
        }
        (self.index, self.count) = (index, count)
    }

    /// Whether the job at `position` in the plan's list belongs to this shard (round robin,
    /// so each shard gets a fair mix of scenarios and replications).
    public func contains(position: Int) -> Bool { position % count == index - 1 }

    /// The shard (1-based) that holds the job at `position` when the jobs are cut in `count` shares.
    public static func index(ofPosition position: Int, count: Int) -> Int { position % count + 1 }

    /// The first `limit` shares of `count` for which `present` is false, in order, searched
    /// lazily: a damaged file may claim 10¹⁷ shares, and listing them all ran out of memory.
    public static func missing(of count: Int, limit: Int = 10, present: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        var share = 1
        while share <= count, found.count < limit {
            if !present(share) { found.append(share) }
            share += 1
        }
        return found
    }

    /// Checks that the shards of a sensitivity analysis or a calibration are every share 1…N
    /// of one cut, each once (comparison shards are checked with their readers, by
    /// `ComparisonShardFile`).
    ///
    /// - Throws: ``ScenarioError`` naming a share given twice or cut otherwise, or the first ten
    ///   missing shares.
    public static func checkEveryShareOnce(_ shards: [(path: String, shard: ComparisonShard)]) throws {
        guard let first = shards.first else { throw ScenarioError(file: "merge", reason: "no shard given") }
        let count = first.shard.count
        var seen = Set<Int>()
        for (path, shard) in shards {
            guard shard.count == count, seen.insert(shard.index).inserted else {
                throw ScenarioError(
                    file: path, reason: "share \(shard) is given twice or cut in another number of shares")
            }
        }
        let missing = Self.missing(of: count) { seen.contains($0) }
        guard missing.isEmpty else {
            let listed = missing.map(String.init).joined(separator: ", ")
            let more = missing.count < 10 ? "" : ", … (\(count - seen.count) in all)"
            throw ScenarioError(file: first.path, reason: "shares \(listed)\(more) of \(count) are missing")
        }
    }

    /// `I/N`, as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }
}
