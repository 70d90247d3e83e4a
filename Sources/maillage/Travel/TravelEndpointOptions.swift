import ArgumentParser
import MaillageTravel

/// Which points a travel-time job routes between, shared by `travel osrm` and `travel line`.
struct TravelEndpointOptions: ParsableArguments {
    @Option(help: "Origins: 'zones', 'actors' or actor kinds, comma-separated.")
    var from = "zones"

    @Option(help: "Destinations: 'actors' (every actor), actor kinds comma-separated, or 'zones'.")
    var to = "actors"

    func validate() throws {
        _ = try origins()
        _ = try destinations()
    }

    /// The origins of `--from`; a misspelt kind is a usage error listing the kinds.
    func origins() throws -> EndpointSelection { try selection(from, option: "--from") }

    /// The destinations of `--to`.
    func destinations() throws -> EndpointSelection { try selection(to, option: "--to") }

    private func selection(_ text: String, option: String) throws -> EndpointSelection {
        do { return try EndpointSelection.parse(text) } catch { throw ValidationError("\(option): \(error)") }
    }
}
