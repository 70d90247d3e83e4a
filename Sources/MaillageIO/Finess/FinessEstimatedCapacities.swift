import MaillageCore

/// Capacities FINESS does not give, set to documented defaults and marked as estimated.
///
/// FINESS lists establishments, not their places; the simulation needs some. The defaults
/// are national averages per establishment:
///
/// | kind | measure | default | from |
/// |---|---|---|---|
/// | ssiad | places | 60 | about 125,000 SSIAD places over about 2,100 services (care-network primer) |
/// | had | places | 50 | DREES (Mauro 2017): 16,300 patients cared for at once by 313 HAD establishments in 2016 |
/// | ehpad | places | 80 | about 600,000 places in about 7,500 EHPAD (DREES EHPA survey orders of magnitude) |
///
/// A measured value from another import (an actors CSV, say) is never replaced by an estimate.
public struct FinessEstimatedCapacities: Sendable, Equatable {
    /// Default values by kind and measure.
    public var byKind: [ActorKind: [CapacityMeasure: Double]]

    /// Estimates with these defaults.
    public init(byKind: [ActorKind: [CapacityMeasure: Double]]) { self.byKind = byKind }

    /// The documented defaults of the table above: 60 SSIAD, 50 HAD and 80 EHPAD places.
    public static let standard = FinessEstimatedCapacities(byKind: [
        .ssiad: [.places: 60],
        .had: [.places: 50],
        .ehpad: [.places: 80],
    ])

    /// No estimates at all.
    public static let none = FinessEstimatedCapacities(byKind: [:])

    /// The estimated capacities of an actor of that kind, ordered by measure.
    public func capacities(for kind: ActorKind) throws -> [Capacity] {
        try (byKind[kind] ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { try Capacity($0.key, $0.value, isEstimated: true) }
    }

    /// The capacities to store for an actor: measured ones already stored are kept, estimates
    /// follow the actor's current kind (so a category change drops the old kind's estimate).
    func merged(stored: [Capacity], kind: ActorKind) throws -> [Capacity] {
        let measured = stored.filter { !$0.isEstimated }
        let measuredMeasures = Set(measured.map(\.measure))
        return measured + (try capacities(for: kind)).filter { !measuredMeasures.contains($0.measure) }
    }
}
