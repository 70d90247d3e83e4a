/// An export the command line asked for that cannot be done as asked.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output's extension names no format.
    case unknownExtension(path: String)
    /// The table has no representation in that format.
    case unsupportedFormat(ExportTable, ExportFormat)
    /// The database has no travel matrix.
    case noMatrix(database: String)
    /// Several matrices and none chosen.
    case matrixNeeded(names: [String])
    /// The chosen matrix does not exist.
    case unknownMatrix(name: String, names: [String])

    /// Whether the command line was wrong (as opposed to the database lacking something).
    public var isUsage: Bool {
        if case .noMatrix = self { return false }
        return true
    }

    /// The message for the planner, naming the file or the matrices there are.
    public var description: String {
        switch self {
        case .unknownExtension(let path):
            "cannot tell the format of \(path); end it in .csv or .geojson"
        case .unsupportedFormat(let table, let format):
            "\(table.rawValue) cannot be exported as \(format.rawValue); write a .csv file"
        case .noMatrix(let database):
            "\(database) has no travel matrix; import a travel matrix first"
        case .matrixNeeded(let names):
            "the database has several travel matrices (\(names.joined(separator: ", "))); choose one"
        case .unknownMatrix(let name, let names):
            "no travel matrix is named '\(name)'; the database has \(names.isEmpty ? "none" : names.joined(separator: ", "))"
        }
    }
}
