/// A range of ages, in whole years, inclusive at both ends; the last band is open-ended.
///
/// INSEE publishes populations in the six bands of ``AgeBand/insee``; a territory may use
/// others, as long as they tile the ages from 0 upwards without gaps or overlaps.
public struct AgeBand: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// A short stable name, such as `0-14` or `75+`.
    public let id: String
    /// The first age of the band.
    public let lowerAge: Int
    /// The last age of the band, or nil for an open-ended band (`75+`).
    public let upperAge: Int?

    /// A band of ages `lowerAge...upperAge`, open-ended when `upperAge` is nil.
    ///
    /// - Throws: ``ValidationError`` for ages outside 0...130 or an upper age below the lower.
    public init(lowerAge: Int, upperAge: Int?) throws {
        guard (0...130).contains(lowerAge) else {
            throw ValidationError(field: "age_band.lower_age", reason: "\(lowerAge) is outside 0...130 years")
        }
        if let upperAge, !(lowerAge...130).contains(upperAge) {
            throw ValidationError(
                field: "age_band.upper_age",
                reason: "\(upperAge) must be between the lower age \(lowerAge) and 130 years"
            )
        }
        self.lowerAge = lowerAge
        self.upperAge = upperAge
        self.id = upperAge.map { "\(lowerAge)-\($0)" } ?? "\(lowerAge)+"
    }

    /// Reads a band from its id (`15-29`, `75+`).
    public init(id: String) throws {
        if id.hasSuffix("+"), let lower = Int(id.dropLast()) {
            try self.init(lowerAge: lower, upperAge: nil)
            return
        }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Int(parts[0]), let upper = Int(parts[1]) else {
            throw ValidationError(field: "age_band", reason: "'\(id)' is not an age band such as 15-29 or 75+")
        }
        try self.init(lowerAge: lower, upperAge: upper)
    }

    /// How many years of age the band spans (an open band counts up to age 100).
    public var width: Int { (upperAge ?? 99) - lowerAge + 1 }

    /// The band's ``id``.
    public var description: String { id }

    /// Orders bands by their first age, youngest first.
    public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool { lhs.lowerAge < rhs.lowerAge }

    /// Decodes a band from its id (`75+`), with the checks of ``init(lowerAge:upperAge:)``.
    public init(from decoder: any Decoder) throws {
        try self.init(id: decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the band as its id.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

extension AgeBand {
    /// The six bands of INSEE's census tables: 0–14, 15–29, 30–44, 45–59, 60–74, 75+.
    public static let insee: [AgeBand] = [
        (0, 14), (15, 29), (30, 44), (45, 59), (60, 74), (75, nil),
    ].map { try! AgeBand(lowerAge: $0.0, upperAge: $0.1) }

    /// Checks that bands tile the ages from 0 upwards, ending with one open band.
    public static func validateTiling(_ bands: [AgeBand]) throws {
        guard let first = bands.first, first.lowerAge == 0 else {
            throw ValidationError(field: "age_bands", reason: "the first age band must start at 0")
        }
        for (band, next) in zip(bands, bands.dropFirst()) {
            guard let upper = band.upperAge, next.lowerAge == upper + 1 else {
                throw ValidationError(
                    field: "age_bands",
                    reason: "band \(next) must start the year after \(band) ends, with no gap or overlap"
                )
            }
        }
        guard bands.last!.upperAge == nil else {
            throw ValidationError(field: "age_bands", reason: "the last age band must be open-ended, such as 75+")
        }
    }
}
