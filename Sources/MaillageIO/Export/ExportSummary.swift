import MaillageCore

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
    /// The import settings that read the file back as it was stored (a matrix's `directed`,
    /// `intrazone_minutes`), for a front end to name in its own terms.
    public var importSettings: [SettingHint] = []
}
