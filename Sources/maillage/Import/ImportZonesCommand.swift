import ArgumentParser
import MaillageIO
import MaillageStore

struct ImportZonesCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones",
        abstract:
            "Import zones from a CSV (id, name, lat/lon or x/y, population, density_class, population.<band>) or a GeoJSON of polygons.",
        discussion: """
            The format follows the extension (.geojson or .json: GeoJSON, else CSV). A GeoJSON zone's point is \
            the area-weighted centroid of its polygon (computed in EPSG:3035, equal-area) unless it has lat/lon \
            properties. A zone already stored is completed: a file without populations updates the geometry, \
            point and name only. Ids stay text (09001 keeps its zero).
            Examples:
              maillage import zones communes_occitanie5_attributes.csv --db t.db --id-column code_insee \\
                  --name-column nom --population-column population_2021 --density-column dens4_code
              maillage import zones communes-31-haute-garonne.geojson --db t.db --id-column code --name-column nom
            """
    )

    @OptionGroup var common: ImportOptions
    @OptionGroup var reading: CSVReadingOptions

    @Option(help: "CRS of x/y columns, such as EPSG:2154 (lat/lon are WGS84).")
    var crs: String?

    @Option(help: "Column or property holding the zone id (default: id, else code_insee, CODGEO, COM or code).")
    var idColumn: String?

    @Option(help: "Column or property holding the zone name (default: name, else nom).")
    var nameColumn: String?

    @Option(help: "Column or property holding the total population (default: population, else PMUN or Pyy_POP).")
    var populationColumn: String?

    @Option(help: "Column or property holding the INSEE density class 1-4 (default: density_class).")
    var densityColumn: String?

    @Option(help: "CSV of old_code,new_code: rows of merged communes become one zone under the new code.")
    var codeMap: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let importer = ZonesImporter(
            csv: try reading.csvOptions(),
            columns: ZoneColumns(id: idColumn, name: nameColumn, population: populationColumn, density: densityColumn),
            crs: crs, codeMap: try codeMap.map { try CodeMap(path: $0) }
        )
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
