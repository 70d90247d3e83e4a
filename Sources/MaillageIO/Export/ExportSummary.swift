/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
    /// The table exported.
    public let table: ExportTable
    /// CSV or GeoJSON, from the output's extension.
    public let format: ExportFormat
    /// The file written.
    public let path: String
    /// Rows (CSV) or features (GeoJSON) written, header excluded.
    public let rows: Int
    /// Something the reader of the file needs to know (how to re-import a matrix).
    public var note: String?
}
