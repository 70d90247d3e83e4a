import ArgumentParser

/// `maillage travel …`: road times from OSRM, the straight-line model's own times, comparing
/// travel sources, and fitting the line model on the territory's road times.
struct TravelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel",
        abstract: "Compute, inspect, compare and calibrate travel times.",
        subcommands: [
            TravelOSRMCommand.self, TravelLineCommand.self, TravelCompareCommand.self, TravelCalibrateCommand.self,
        ]
    )
}

extension String {
    /// The text padded with spaces to `width` characters (String(format:)'s `%-11@` counts bytes on Linux).
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
