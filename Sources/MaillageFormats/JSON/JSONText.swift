import Foundation

/// The one way Maillage writes JSON from `Codable` values: keys sorted, so the same value
/// gives the same bytes on every run, and `/` written as it is (no `\/`).
///
/// Numbers are written as `JSONEncoder` writes a `Double` (the shortest text that reads back
/// as the same value). The streamed GeoJSON exports (`GeoJSONText`) write their numbers with
/// ``NumberText`` instead: fixed 6-decimal coordinates, no exponent.
public enum JSONText {
    /// An encoder with Maillage's settings; `pretty` adds indentation and line breaks for files
    /// a person reads.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The value as JSON bytes.
    public static func data(_ value: some Encodable, pretty: Bool = false) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    /// The value as JSON text.
    public static func string(_ value: some Encodable, pretty: Bool = false) throws -> String {
        String(decoding: try data(value, pretty: pretty), as: UTF8.self)
    }
}
