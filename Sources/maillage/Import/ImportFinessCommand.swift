import ArgumentParser
import Foundation
import MaillageIO
import MaillageStore

struct ImportFinessCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "finess",
        abstract: "Import FINESS establishments as actors (Etalab stock file, or one line per site).",
        discussion: """
            The layout is detected: the official Etalab stock file (structureet and geolocalisation \
            records), or a header with nofinesset and coordx/coordy (Lambert-93, UTM overseas) or \
            latitude/longitude. Kinds come from categetab: 101, 106, 128, 129, 355, 365 hospital; \
            603 msp; 124 health_centre; 354 ssiad; 127 had; 620 pharmacy; 500 ehpad; 611 lab; others \
            other. SSIAD, HAD and EHPAD get estimated places (60, 50, 80).
            Example: maillage import finess etalab_cs1100507_stock.csv --db t.db --departements 09,31
            """
    )

    @OptionGroup var common: ImportOptions

    @Option(help: "Keep only these départements (comma-separated: 09,31,2A).")
    var departements: String?

    @Option(help: "Keep only these categories (categetab, comma-separated: 355,620).")
    var categories: String?

    @Option(help: "For establishments without coordinates: skip, or commune (the commune zone's point).")
    var fallback: FinessPositionFallback = .skip

    @Option(help: "A CSV with columns category,kind that overrides or extends the category → kind table.")
    var mapping: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let importer = FinessImporter(
            departements: Self.list(departements), categories: Self.list(categories), fallback: fallback,
            mapping: try mapping.map { try FinessCategoryMapping.standard.overridden(byFile: $0) } ?? .standard
        )
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }

    private static func list(_ text: String?) -> Set<String>? {
        text.map {
            Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
    }
}
