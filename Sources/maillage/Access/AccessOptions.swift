import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageGeo
import MaillageIO
import MaillageRuns
import MaillageStore
import MaillageTravel

/// Options every `access` command takes: the territory (a database, or CSV files for a one-off
/// study), which actors count, how to travel, where to write.
struct AccessOptions: ParsableArguments {
    @Option(help: "The territory database (or give --zones and --sites).")
    var db: String?

    @OptionGroup var files: StudyFileOptions

    @Option(help: "Actor kind(s) that count as sites, comma-separated (gp, hospital, …).")
    var kind: String

    @Option(help: "Keep only sites offering one of these services, comma-separated (emergency, smur, …).")
    var service: String?

    @Option(
        name: .customLong("travel"),
        help:
            "Travel times: 'line' (straight-line model calibrated on OSRM road times) or 'matrix' (an imported matrix, or --matrix-file); default: matrix with --matrix-file, else line."
    )
    var travelChoice: TravelSource?

    /// The travel mode asked for, or the default.
    var travel: TravelSource { travelChoice ?? (files.matrixFile != nil ? .matrix : .line) }

    @Option(help: "With --travel matrix: the matrix's name (needed when the database holds several).")
    var matrix: String?

    @Option(help: "The results file: .csv or .geojson.")
    var out: String

    @Option(help: "CSV delimiter of the results file: ',' or ';'.")
    var delimiter: String = ","

    @Flag(help: "Print the territory-wide results as JSON on stdout.")
    var json = false

    /// The kinds of `--kind`, comma-separated.
    func kinds() throws -> Set<ActorKind> {
        Set(try kind.split(separator: ",").map { try ActorKind.parse(String($0)) })
    }

    private func kindsOrUsageError() throws -> Set<ActorKind> {
        do { return try kinds() } catch let error as MaillageCore.ValidationError {
            throw ValidationError("--kind: \(error.reason).")
        }
    }

    func services() -> Set<String> {
        Set(
            (service ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter {
                !$0.isEmpty
            })
    }

    /// The territory the study runs on: the database's, or the one the CSV files describe.
    func input(_ global: GlobalOptions) throws -> StudyInput {
        let sources =
            db.map { OutputGuard.Input.database($0) }
            ?? [(files.zones, "--zones"), (files.sites, "--sites"), (files.matrixFile, "--matrix-file")]
            .compactMap { path, role in path.map { OutputGuard.Input($0, role: role) } }
        try OutputGuard.check(output: out, role: "--out", against: sources)
        if let db {
            let database = try TerritoryDatabase.open(at: db)
            return StudyInput(territory: try database.loadTerritory(), database: database)
        }
        return try files.input(kinds: kinds(), global)
    }

    /// The territory and, for a stored matrix, its travel times, read at once.
    ///
    /// The matrix does not depend on the command's limit, so it is read on a second thread while
    /// the territory loads: the two readings are most of an `access --db` command (perf).
    func load(_ global: GlobalOptions) throws -> LoadedStudy {
        guard let db, travel == .matrix else { return LoadedStudy(input: try input(global), matrix: nil) }
        try OutputGuard.check(output: out, role: "--out", against: OutputGuard.Input.database(db))
        let database = try TerritoryDatabase.open(at: db)
        let (territory, matrix) = try bothAtOnce({ try database.loadTerritory() }, { try matrixTravel(database) })
        return LoadedStudy(input: StudyInput(territory: territory, database: database), matrix: matrix)
    }

    func travelMode(limit: Double, input: StudyInput, _ global: GlobalOptions) throws -> AccessRequest.Travel {
        switch travel {
        case .line: return .line(try lineModel(input.database), limit: limit)
        case .matrix:
            if let database = input.database { return try matrixTravel(database) }
            return try files.matrixTravel(territory: input.territory, global)
        }
    }

    /// The line model in force in the database: the one `travel calibrate` stored, else the defaults.
    private func lineModel(_ database: TerritoryDatabase?) throws -> StraightLineModel {
        guard let database else { return .calibrated }
        return try StoredLineModel.inForce(in: database).model
    }

    /// The rows of the chosen stored matrix, with its reading rules.
    func matrixTravel(_ database: TerritoryDatabase) throws -> AccessRequest.Travel {
        let db = database.path
        let matrices = try database.travelMatrices()
        let chosen: TravelMatrixDefinition
        if let matrix {
            guard let found = matrices.first(where: { $0.name == matrix }) else {
                throw CommandError(
                    message:
                        "\(db) has no travel matrix named '\(matrix)' (it has: \(matrices.map(\.name).joined(separator: ", ")))",
                    category: .data)
            }
            chosen = found
        } else {
            guard matrices.count == 1 else {
                throw CommandError(
                    message: matrices.isEmpty
                        ? "\(db) has no travel matrix; import one with 'maillage import matrix' or use --travel line"
                        : "\(db) has several travel matrices (\(matrices.map(\.name).joined(separator: ", "))); choose one with --matrix",
                    category: matrices.isEmpty ? .data : .usage)
            }
            chosen = matrices[0]
        }
        guard let stored = try database.storedTravelMatrix(named: chosen.name) else {
            throw CommandError(message: "\(db) has no travel matrix named '\(chosen.name)'", category: .data)
        }
        return .matrixRows(MatrixRows(stored), directed: chosen.isDirected, intrazoneMinutes: chosen.intrazoneMinutes)
    }

    func validate() throws {
        switch (db, files.zones, files.sites) {
        case (_?, nil, nil): break
        case (nil, _?, _?): break
        case (_?, _, _): throw ValidationError("Give either --db or --zones and --sites, not both.")
        default:
            throw ValidationError("Give the territory: --db DB, or --zones Z.csv --sites S.csv [--matrix-file M.csv].")
        }
        if db != nil, files.matrixFile != nil {
            throw ValidationError("--matrix-file goes with --zones and --sites; with --db, import the matrix.")
        }
        if travelChoice == .line, files.matrixFile != nil {
            throw ValidationError("--matrix-file gives the travel times: leave out --travel line.")
        }
        if db == nil, travel == .matrix, files.matrixFile == nil {
            throw ValidationError("--travel matrix without --db needs --matrix-file M.csv.")
        }
        if db == nil, matrix != nil { throw ValidationError("--matrix names a matrix stored in --db.") }
        // A misspelt kind is a usage error listing the kinds, before any file is read.
        _ = try kindsOrUsageError()
        guard delimiter == "," || delimiter == ";" else { throw ValidationError("--delimiter must be ',' or ';'.") }
        guard out.lowercased().hasSuffix(".csv") || out.lowercased().hasSuffix(".geojson") else {
            throw ValidationError("--out must end in .csv or .geojson (got '\(out)').")
        }
    }
}

/// Options of the methods that use capacities and demand.
struct SupplyDemandOptions: ParsableArguments {
    @Option(
        help:
            "Capacity measure used as supply (fte, consultations_per_day, beds, places…); default: the kind's usual one."
    )
    var capacity: CapacityMeasure?

    @Option(
        help:
            "Demand: 'population', 'age-weighted' (APL consultation weights by age), or age-band columns as in the zones CSV, alone or summed: population.75+, population.60-74+population.75+."
    )
    var demand: String = "population"

    @Option(help: "Express results per this many inhabitants (100000 for 'per 100,000').")
    var per: Double?

    @Flag(help: "Divide by the population-weighted mean (1 = territory average).")
    var normalize = false

    func demandMode() throws -> AccessRequest.Demand {
        do { return try AccessRequest.Demand.parse(demand) } catch let error as AccessError {
            throw ValidationError("--\(error.description).")
        }
    }

    func validate() throws {
        if let per, !(per.isFinite && per > 0) { throw ValidationError("--per must be a positive number.") }
    }
}
