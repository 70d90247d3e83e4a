import ArgumentParser
import MaillageAccess
import MaillageCore
import MaillageGeo
import MaillageStore

/// Options every `access` command takes: the database, which actors count, how to travel, where to write.
struct AccessOptions: ParsableArguments {
    @Option(help: "The territory database.")
    var db: String

    @Option(help: "Actor kind(s) that count as sites, comma-separated (gp, hospital, …).")
    var kind: String

    @Option(help: "Keep only sites offering one of these services, comma-separated (emergency, smur, …).")
    var service: String?

    @Option(help: "Travel times: 'line' (straight-line model calibrated on OSRM road times) or 'matrix' (an imported matrix).")
    var travel: String = "line"

    @Option(help: "With --travel matrix: the matrix's name (needed when the database holds several).")
    var matrix: String?

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
        case "matrix": return try matrixTravel()
        default: throw ValidationError("--travel must be 'line' or 'matrix', not '\(travel)'.")
        }
    }

    /// The rows of the chosen matrix, with its reading rules.
    func matrixTravel() throws -> AccessRequest.Travel {
        let database = try TerritoryDatabase.open(at: db)
        let matrices = try database.travelMatrices()
        let chosen: TravelMatrixDefinition
        if let matrix {
            guard let found = matrices.first(where: { $0.name == matrix }) else {
                throw CommandError(message: "\(db) has no travel matrix named '\(matrix)' (it has: \(matrices.map(\.name).joined(separator: ", ")))", status: .dataError)
            }
            chosen = found
        } else {
            guard matrices.count == 1 else {
                throw CommandError(
                    message: matrices.isEmpty ? "\(db) has no travel matrix; import one with 'maillage import matrix' or use --travel line"
                        : "\(db) has several travel matrices (\(matrices.map(\.name).joined(separator: ", "))); choose one with --matrix",
                    status: matrices.isEmpty ? .dataError : .usage)
            }
            chosen = matrices[0]
        }
        var pairs: [MatrixPair] = []
        try database.forEachTravelTime(of: chosen.name) { origin, destination, time in
            pairs.append(MatrixPair(originIsZone: origin.kind == .zone, originID: origin.id,
                                    destinationIsZone: destination.kind == .zone, destinationID: destination.id, minutes: time.minutes))
        }
        return .matrix(pairs: pairs, directed: chosen.isDirected, intrazoneMinutes: chosen.intrazoneMinutes)
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

    @Option(help: "Demand: 'population', 'age-weighted' (APL consultation weights by age), or age-band columns as in the zones CSV, alone or summed: population.75+, population.60-74+population.75+.")
    var demand: String = "population"

    @Option(help: "Express results per this many inhabitants (100000 for 'per 100,000').")
    var per: Double?

    @Flag(help: "Divide by the population-weighted mean (1 = territory average).")
    var normalize = false

    func measure() throws -> CapacityMeasure? { try capacity.map { try CapacityMeasure.parse($0) } }

    func demandMode() throws -> AccessRequest.Demand {
        do { return try AccessRequest.Demand.parse(demand) } catch let error as AccessError { throw ValidationError("--\(error.description).") }
    }

    func validate() throws {
        if let per, !(per.isFinite && per > 0) { throw ValidationError("--per must be a positive number.") }
    }
}
