import ArgumentParser
import Foundation
import MaillageStore
import MaillageTravel

struct TravelLineCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "Write the straight-line model's own times (zones to actors by default) in the matrix CSV layout.",
        discussion:
            "Uses the model fitted by 'maillage travel calibrate' when the database has one (see 'maillage info'), else the built-in defaults."
    )

    @Option(help: "The territory database.")
    var db: String

    @Option(help: "The CSV file to write (origin_id,destination_id,minutes,straight_km).")
    var out: String

    @Option(help: "Keep only pairs within this many minutes.")
    var limit: Double?

    @OptionGroup var endpoints: TravelEndpointOptions

    @Flag(help: "Use the built-in default model even when the database has a fitted one.")
    var defaults = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, !(limit.isFinite && limit > 0) {
            throw ValidationError("--limit must be a positive number of minutes.")
        }
    }

    func execute() throws {
        var job = LineTimes()
        job.from = try endpoints.origins()
        job.to = try endpoints.destinations()
        job.limitMinutes = limit
        job.defaults = defaults
        let report = try job.write(from: TerritoryDatabase.open(at: db), to: out)
        global.status("travel line: wrote \(report.pairs) pairs to \(out) (model: \(report.model))")
    }
}
