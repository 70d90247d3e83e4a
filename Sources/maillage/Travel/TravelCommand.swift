import ArgumentParser

/// `maillage travel …`: road times from OSRM, the straight-line model's own times, comparing
/// travel sources, and fitting the line model on the territory's road times.
struct TravelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel",
        abstract: "Compute, inspect, compare and calibrate travel times.",
        subcommands: [TravelOSRMCommand.self, TravelLineCommand.self, TravelCompareCommand.self, TravelCalibrateCommand.self]
    )
}
