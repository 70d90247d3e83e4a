import ArgumentParser
import Foundation
import MaillageStore

/// `maillage repair DB`: mends what older versions let into a database.
struct RepairCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Rewrite zone and actor ids in one Unicode form (NFC), for databases where 'Café' was stored twice.",
        discussion: """
            Older versions accepted canonically equivalent ids (NFD 'Cafe' + U+0301 and NFC 'Café') from two files \
            as two zones or actors, and every later command failed with "given twice". This rewrites every id in NFC \
            with all references to it (populations, capacities, services, links, matrix pairs), in one transaction. \
            Where both forms were stored, the NFC row is kept and the other removed (both are listed). Ids holding \
            invisible characters (zero-width spaces, bidi controls) are listed but left alone: re-import them cleaned.
            Example: maillage repair out/demo.db
            """
    )

    @OptionGroup var database: DatabaseArgument
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let repair = try TerritoryDatabase.open(at: database.path).repairIdentifiers()
        for line in repair.renamed { print("renamed \(line)") }
        for line in repair.merged { print("merged \(line) (kept the NFC row)") }
        for line in repair.invisible { print("left alone, invisible characters: \(line)") }
        global.status(
            "\(database.path): \(repair.renamed.count) id(s) renamed, \(repair.merged.count) merged, \(repair.invisible.count) with invisible characters"
        )
    }
}
