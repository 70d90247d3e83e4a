import ArgumentParser
import MaillageStore

struct InitCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty territory database.",
        discussion: "Refuses to touch an existing file. Example: maillage init haute-garonne.db --name 'Haute-Garonne'"
    )

    @Argument(help: "The database file to create.")
    var database: String

    @Option(help: "The territory's name (default: the file name).")
    var name: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        _ = try TerritoryDatabase.create(at: database, name: name)
        global.status("Created empty territory database \(database)")
    }
}
