import ArgumentParser
import MaillageIO

/// What `maillage export` writes: one table of the database, or everything as a GeoPackage.
enum ExportSubject: ExpressibleByArgument, CaseIterable, Equatable {
    case table(ExportTable)
    case geopackage

    static var allCases: [ExportSubject] { ExportTable.allCases.map(ExportSubject.table) + [.geopackage] }

    init?(argument: String) {
        if argument == "geopackage" {
            self = .geopackage
        } else if let table = ExportTable(rawValue: argument) {
            self = .table(table)
        } else {
            return nil
        }
    }

    /// The name on the command line.
    var name: String {
        switch self {
        case .table(let table): table.rawValue
        case .geopackage: "geopackage"
        }
    }

    static var allValueStrings: [String] { allCases.map(\.name) }

    var defaultValueDescription: String { name }
}
