import ArgumentParser

/// `maillage import KIND FILE --db DB`: the importers, one subcommand per format.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a file into a territory database (one transaction: all or nothing).",
        discussion: """
            Every import either writes everything or nothing; an error names the file, line and field. \
            Importing the same file again updates rows in place.
            """,
        subcommands: [
            ImportActorsCommand.self,
            ImportLinksCommand.self,
            ImportFinessCommand.self,
            ImportEmergencyCommand.self,
            ImportObservedCommand.self,
            ImportMatrixCommand.self,
            ImportZonesCommand.self,
            ImportPopulationCommand.self,
            ImportSupplyCountsCommand.self,
        ]
    )
}
