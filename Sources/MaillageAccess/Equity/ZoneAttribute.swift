import Foundation
import MaillageCore

/// A number known for each zone, to rank or group zones by: `population`, `density` (INSEE
/// class 1–4), an age band's count `population.75+` or its share of the zone's people `share.75+`.
public enum ZoneAttribute: Sendable, Equatable, CustomStringConvertible {
    case population
    case density
    case bandCount(AgeBand)
    case bandShare(AgeBand)

    /// Reads `population`, `density`, `population.BAND` or `share.BAND` (`share.75+`).
    ///
    /// - Throws: ``AccessError/invalidParameter(_:)`` for anything else, listing the valid forms.
    public static func parse(_ text: String) throws -> ZoneAttribute {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lower {
        case "population": return .population
        case "density", "density_class": return .density
        default: break
        }
        for (prefix, make) in [("population.", ZoneAttribute.bandCount), ("share.", ZoneAttribute.bandShare)]
        where lower.hasPrefix(prefix) {
            do { return make(try AgeBand(id: String(lower.dropFirst(prefix.count)))) } catch {
                throw AccessError.invalidParameter("'\(text)' names no age band (such as \(prefix)75+)")
            }
        }
        throw AccessError.invalidParameter(
            "'\(text)' is not a zone attribute: population, density, population.BAND or share.BAND (share.75+)")
    }

    /// The attribute as ``parse(_:)`` reads it.
    public var description: String {
        switch self {
        case .population: "population"
        case .density: "density"
        case .bandCount(let band): "population.\(band.id)"
        case .bandShare(let band): "share.\(band.id)"
        }
    }

    /// The zone's value; NaN when unknown (no density class, no age bands, nobody living there).
    public func value(of zone: Zone) -> Double {
        switch self {
        case .population: return zone.population.total
        case .density: return zone.densityClass.map { Double($0.rawValue) } ?? .nan
        case .bandCount(let band): return zone.population[band] ?? .nan
        case .bandShare(let band):
            guard let count = zone.population[band], zone.population.total > 0 else { return .nan }
            return count / zone.population.total
        }
    }
}

/// How zones are grouped for the Theil decomposition.
public enum ZoneGrouping: Sendable, Equatable, CustomStringConvertible {
    /// By département, read from the INSEE commune code (`31555` → 31, `97411` → 974).
    case departement
    /// By INSEE density class; zones without one form the group `unknown`.
    case density
    /// By population-weighted quintile of a numeric attribute (Q1 lowest).
    case quintiles(ZoneAttribute)

    /// Reads `departement`, `density`, or an attribute whose quintiles form the groups.
    ///
    /// - Throws: ``AccessError/invalidParameter(_:)`` for an attribute ``ZoneAttribute/parse(_:)`` refuses.
    public static func parse(_ text: String) throws -> ZoneGrouping {
        switch text.lowercased() {
        case "departement", "département", "department": return .departement
        case "density", "density_class": return .density
        default: return .quintiles(try ZoneAttribute.parse(text))
        }
    }

    /// The grouping as ``parse(_:)`` reads it.
    public var description: String {
        switch self {
        case .departement: "departement"
        case .density: "density"
        case .quintiles(let attribute): "quintiles of \(attribute)"
        }
    }

    /// The group label of each zone.
    public func labels(_ zones: [Zone]) throws -> [String] {
        switch self {
        case .departement:
            return zones.map { zone in
                guard zone.id.count >= 3 else { return "unknown" }
                let length = zone.id.hasPrefix("97") || zone.id.hasPrefix("98") ? 3 : 2
                return String(zone.id.prefix(length))
            }
        case .density:
            return zones.map { $0.densityClass.map { "\($0.rawValue) \($0)" } ?? "unknown" }
        case .quintiles(let attribute):
            let key = zones.map(attribute.value(of:))
            if let missing = key.firstIndex(where: { !$0.isFinite }) {
                throw AccessError.invalidInput("zone \(zones[missing].id) has no \(attribute) to group by")
            }
            let weights = zones.map(\.population.total)
            let total = weights.reduce(0, +)
            let order = key.indices.sorted { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
            var labels = [String](repeating: "", count: zones.count)
            var before = 0.0
            // A zone goes to the quintile holding the middle of its people.
            for i in order {
                let middle = total > 0 ? (before + weights[i] / 2) / total : 0
                labels[i] = "Q\(min(5, Int(middle * 5) + 1))"
                before += weights[i]
            }
            return labels
        }
    }
}
