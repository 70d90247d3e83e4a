import MaillageFormats

/// Where a zone's attribute values are read from: a CSV record or a GeoJSON feature's properties.
///
/// Both answer with trimmed text or a number, and make errors that say where the value was.
protocol ZoneFieldSource {
    /// The value as text, or nil when absent or empty.
    func string(_ field: String) -> String?
    /// The value as a number, nil when absent or empty; an error when it is not a number.
    func double(_ field: String) throws -> Double?
    /// An error about a field of this record or feature.
    func error(_ field: String?, value: String?, expected: String) -> ImportError
}

extension Record: ZoneFieldSource {}
