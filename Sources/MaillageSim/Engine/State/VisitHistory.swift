/// Each agent's GP visits so far, for the continuity indices: 12 bytes per agent.
///
/// Visits are labelled by the GP's position in the zone's list + 1 (0 = empty bin). The first
/// four distinct labels are counted exactly; visits to any further GP count in `overflow`.
struct VisitHistory: Sendable {
    /// Per agent, four (label, visits) pairs of 8 + 8 bits, in 16-bit bins.
    private(set) var bins: [UInt64]
    /// Per agent: visits (bits 0–7), visits to the same GP as the previous one (8–15), the last
    /// label (16–23), visits beyond four distinct GPs (24–31). Zero: no visit.
    private(set) var summary: [UInt32]

    /// No visits yet.
    init(agents: Int) {
        bins = .hugePaged(repeating: 0, count: agents)
        summary = .hugePaged(repeating: 0, count: agents)
    }

    /// One agent's visits summed up for the continuity indices.
    struct Counts {
        var visits: Int
        /// Visits to the same GP as the visit before.
        var sameAsPrevious: Int
        /// Distinct GPs seen; visits beyond four distinct GPs count as one GP each.
        var providers: Int
        var sumOfSquares: Int
        /// Visits to the GP seen most.
        var largest: Int
    }

    /// Whether the agent has had a GP visit.
    @inline(__always)
    func hasVisits(_ agent: Int) -> Bool { summary[agent] != 0 }

    /// The agent's visit counts.
    @inline(__always)
    func counts(_ agent: Int) -> Counts {
        let packed = summary[agent]
        let pairs = bins[agent]
        let overflow = Int(packed >> 24)
        var counts = Counts(
            visits: Int(packed & 0xFF), sameAsPrevious: Int((packed >> 8) & 0xFF),
            providers: overflow, sumOfSquares: overflow, largest: overflow > 0 ? 1 : 0)
        for bin in 0..<4 {
            let visits = Int((pairs >> UInt64(bin * 16 + 8)) & 0xFF)
            guard visits > 0 else { continue }
            counts.providers += 1
            counts.sumOfSquares += visits * visits
            counts.largest = max(counts.largest, visits)
        }
        return counts
    }

    /// Adds a visit to GP `label` (≥ 1); a patient's 255th visit is the last counted.
    @inline(__always)
    mutating func record(_ agent: Int, label: Int) {
        let packed = summary[agent]
        let visits = packed & 0xFF
        guard visits < 255 else { return }
        var same = (packed >> 8) & 0xFF
        let last = (packed >> 16) & 0xFF
        var overflow = packed >> 24
        let value = UInt64(label)
        if UInt64(last) == value { same += 1 }
        var pairs = bins[agent]
        var placed = false
        for bin in 0..<4 {
            let shift = UInt64(bin * 16)
            let binLabel = (pairs >> shift) & 0xFF
            if binLabel == value {
                pairs += 1 << (shift + 8)
                placed = true
                break
            }
            if binLabel == 0 {
                pairs |= value << shift | 1 << (shift + 8)
                placed = true
                break
            }
        }
        if !placed { overflow = min(255, overflow + 1) }
        bins[agent] = pairs
        summary[agent] = (visits + 1) | same << 8 | UInt32(label & 0xFF) << 16 | overflow << 24
    }
}
