/// How a patient chooses among the emergency departments within reach.
///
/// The defaults (all zero) are the nearest open department, as the model always did. A positive
/// ``minutesScale`` makes the choice a logit over the open departments within the limit: a
/// department is chosen with probability proportional to
/// `exp(−minutes / minutes_scale) × (1 + short-stay beds)^size_elasticity`, times
/// ``paediatricWeight`` at a paediatric department for a child. A commune's patients then
/// spread over the departments near it, as they do in SAE's counts, instead of all going to
/// one; the bigger department draws more when the size elasticity is positive.
public struct EmergencyChoice: Sendable, Hashable, Codable {
    /// Minutes over which a department's pull falls by a factor e; 0 = always the nearest.
    public var minutesScale: Double
    /// Exponent of `1 + ed_short_stay_beds` (SAE's UHCD beds) in a department's pull; 0 = size
    /// plays no part (and departments without that capacity count as size 1 whatever the exponent).
    public var sizeElasticity: Double
    /// Children's pull towards a paediatric department (one offering `paediatric_emergency`)
    /// relative to a general one; 0 = children use general departments only, as adults do.
    public var paediatricWeight: Double

    /// A choice with the given scale, size exponent and paediatric weight.
    public init(minutesScale: Double = 0, sizeElasticity: Double = 0, paediatricWeight: Double = 0) {
        self.minutesScale = minutesScale
        self.sizeElasticity = sizeElasticity
        self.paediatricWeight = paediatricWeight
    }

    /// The first age that is not a child's (SAE counts `dt18`, the visits under 18): a band
    /// whose last age is below it is children's.
    public static let adultAge = 18

    /// The nearest open general department: the model before choice was a parameter.
    public static let nearest = EmergencyChoice()

    /// Whether the choice departs from the nearest general department (and needs its own path).
    var isNearest: Bool { minutesScale == 0 && paediatricWeight == 0 }

    enum CodingKeys: String, CodingKey {
        case minutesScale = "minutes_scale"
        case sizeElasticity = "size_elasticity"
        case paediatricWeight = "paediatric_weight"
    }
}
