import MaillageCore

/// The actors playing one role in the simulation (GPs, emergency departments, beds…), with
/// the capacity the role uses, by position in the role.
struct ProviderRole: Sendable {
    /// Positions in the territory's actor list.
    var actors: [Int]
    /// The daily (slots, visits) or standing (beds, places) capacity.
    var capacity: [Double]

    init(actors: [Int] = [], capacity: [Double] = []) {
        self.actors = actors
        self.capacity = capacity
    }

    var count: Int { actors.count }
}
