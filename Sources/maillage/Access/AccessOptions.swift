import ArgumentParser
import MaillageAccess
import MaillageCore
import MaillageGeo

/// Options every `access` command takes: the database, which actors count, how to travel, where to write.
struct AccessOptions: ParsableArguments {
    @Option(help: "The territory database.")
    var db: String

    @Option(help: "Actor kind(s) that count as sites, comma-separated (gp, hospital, …).")
    var kind: String

    @Option(help: "Keep only sites offering one of these services, comma-separated (emergency, smur, …).")
    var service: String?

    @Option(help: "Travel times: 'line' (straight-line model calibrated on OSRM road times).")
    var travel: String = "line"

    @Option(help: "The results file: .csv or .geojson.")
    var out: String

    @Option(help: "CSV delimiter of the results file: ',' or ';'.")
    var delimiter: String = ","

    @Flag(help: "Print the territory-wide results as JSON on stdout.")
    var json = false

    func kinds() throws -> Set<ActorKind> {
        Set(try kind.split(separator: ",").map { try ActorKind.parse(String($0)) })
    }

    func services() -> Set<String> {
        Set((service ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    func travelMode(limit: Double) throws -> AccessRequest.Travel {
        switch travel {
        case "line": return .line(.calibrated, limit: limit)
        default: throw ValidationError("--travel must be 'line', not '\(travel)'.")
        }
    }

    func validate() throws {
        guard delimiter == "," || delimiter == ";" else { throw ValidationError("--delimiter must be ',' or ';'.") }
        guard out.lowercased().hasSuffix(".csv") || out.lowercased().hasSuffix(".geojson") else {
            throw ValidationError("--out must end in .csv or .geojson (got '\(out)').")
        }
    }
}

/// Options of the methods that use capacities and demand.
struct SupplyDemandOptions: ParsableArguments {
    @Option(help: "Capacity measure used as supply (fte, consultations_per_day, beds, places…); default: the kind's usual one.")
    var capacity: String?

    @Option(help: "Demand: 'population' or 'age-weighted' (APL consultation weights by age).")
    var demand: String = "population"

    @Option(help: "Express results per this many inhabitants (100000 for 'per 100,000').")
    var per: Double?

    @Flag(help: "Divide by the population-weighted mean (1 = territory average).")
    var normalize = false

    func measure() throws -> CapacityMeasure? { try capacity.map { try CapacityMeasure.parse($0) } }

    func demandMode() throws -> AccessRequest.Demand {
        switch demand {
        case "population": .population
        case "age-weighted": .ageWeighted(.drees)
        default: throw ValidationError("--demand must be 'population' or 'age-weighted', not '\(demand)'.")
        }
    }

    func validate() throws {
        if let per, !(per.isFinite && per > 0) { throw ValidationError("--per must be a positive number.") }
    }
}
