import ArgumentParser
import MaillageAccess
import MaillageCore
import MaillageIO

// The library's vocabularies as option values: an unknown value is a usage error (exit 64)
// whose message lists the valid ones (ArgumentParser's `allValueStrings`), where a string
// used to be read again later, sometimes with a silent fallback.

extension FileVocabulary {
    /// Reads an option's value as files do: ignoring case and surrounding spaces.
    static func argument(_ text: String) -> Self? { try? parse(text, field: "argument") }
}

extension ActorKind: ExpressibleByArgument {
    /// Reads the name ignoring case and surrounding spaces.
    public init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }
}

extension CapacityMeasure: ExpressibleByArgument {
    /// Reads the name ignoring case and surrounding spaces.
    public init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }
}

extension TravelSource: ExpressibleByArgument {
    /// Reads the name ignoring case and surrounding spaces.
    public init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }
}

extension TravelTimeUnit: ExpressibleByArgument {
    /// Reads `min`, `s`, `h` or the unit's word (`seconds`).
    public init?(argument: String) {
        guard let unit = Self.parse(argument) else { return nil }
        self = unit
    }
}

extension TravelDistanceUnit: ExpressibleByArgument {
    /// Reads `km`, `m` or the unit's word (`metres`).
    public init?(argument: String) {
        guard let unit = Self.parse(argument) else { return nil }
        self = unit
    }
}

extension FinessPositionFallback: ExpressibleByArgument {}
extension EquityAnalysis.Weighting: ExpressibleByArgument {}
extension LocationModelName: ExpressibleByArgument {}
extension LocationObjective: ExpressibleByArgument {}
extension LocationDirection: ExpressibleByArgument {}
