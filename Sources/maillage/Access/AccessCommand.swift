import ArgumentParser

/// `maillage access …`: who is far from care, and how much care is within reach.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Accessibility and coverage indicators per zone (nearest, coverage, 2SFCA family, gravity).",
        discussion: """
            Results are written to --out (CSV or GeoJSON by extension) and stored in the database as an indicator run.
            Example: maillage access e2sfca --db out/demo.db --kind gp --decay exponential:0.12 --limit 30 --out apl.csv
            """,
        subcommands: [
            AccessNearestCommand.self, AccessCoverageCommand.self,
            Access2SFCACommand.self, AccessE2SFCACommand.self, Access3SFCACommand.self, AccessGravityCommand.self,
            AccessEquityCommand.self, AccessIsochronesCommand.self,
        ]
    )
}
