import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageIO
import MaillageRuns
import MaillageStore

/// A one-off study without an import: the territory and its travel times read from CSV files
/// with the importers' columns, checks and errors (`maillage import zones|actors|matrix`).
struct StudyFileOptions: ParsableArguments {
    @Option(
        help: "Instead of --db: the zones CSV (id, name, lat, lon, population, age bands), as 'import zones' reads it.")
    var zones: String?

    @Option(
        help:
            "Instead of --db: the sites CSV (id, kind, name, lat, lon, capacity.<measure>), as 'import actors' reads it; without a kind column every row is the --kind given."
    )
    var sites: String?

    @Option(
        help:
            "With --zones and --sites: a travel-time matrix CSV, as 'import matrix' reads it (implies --travel matrix)."
    )
    var matrixFile: String?

    /// How --matrix-file is read (its columns, time unit, direction).
    @OptionGroup var columns: MatrixColumnOptions

    /// The territory of the zones and sites files (every site file's row as an actor).
    func input(kinds: Set<ActorKind>, _ global: GlobalOptions) throws -> StudyInput {
        guard let zones, let sites else { throw ValidationError("Give --zones and --sites (or --db).") }
        let (zoneList, zoneReport) = try ZonesImporter().zones(file: zones)
        global.detail(zoneReport.summary)
        let (actors, actorReport) = try ActorsImporter(kind: kinds.count == 1 ? kinds.first : nil)
            .actors(file: sites, zones: Set(zoneList.map(\.id)))
        global.detail(actorReport.summary)
        let name = URL(fileURLWithPath: zones).deletingPathExtension().lastPathComponent
        do {
            return StudyInput(territory: try Territory(name: name, zones: zoneList, actors: actors), database: nil)
        } catch let error as MaillageCore.ValidationError {
            throw CommandError(message: "\(zones), \(sites): \(error.reason)", category: .data)
        }
    }

    /// The matrix file's pairs for the territory, with the importer's errors and skips.
    func matrixTravel(territory: Territory, _ global: GlobalOptions) throws -> AccessRequest.Travel {
        guard let matrixFile else { throw ValidationError("--travel matrix without --db needs --matrix-file M.csv.") }
        var importer = MatrixImporter()
        columns.configure(&importer)
        let (stored, report) = try importer.read(
            file: matrixFile, zoneIDs: territory.zones.map(\.id), actorIDs: territory.actors.map(\.id))
        global.detail(report.summary)
        for warning in report.warnings { global.status("warning: \(warning)") }
        return .matrixRows(MatrixRows(stored), directed: columns.directed, intrazoneMinutes: columns.intrazoneMinutes)
    }
}

extension MatrixRows {
    /// The rows of a stored matrix (from a database or a file read whole).
    init(_ stored: StoredTravelMatrix) {
        self.init(
            endpointIsZone: stored.endpoints.map { $0.kind == .zone }, endpointIDs: stored.endpoints.map(\.id),
            origins: stored.origins, offsets: stored.offsets, destinations: stored.destinations, minutes: stored.minutes
        )
    }
}
