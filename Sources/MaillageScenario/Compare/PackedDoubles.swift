import Foundation

/// Doubles stored bit for bit (little-endian, base64 in JSON), NaN included.
///
/// A shard's numbers must come back exactly as they were computed, or a merged comparison
/// would differ from one machine's in the last digit.
public struct PackedDoubles: Sendable, Equatable, Codable {
    /// The numbers, NaN included.
    public var values: [Double]

    /// Packs `values`.
    public init(_ values: [Double]) { self.values = values }

    /// Equal when every number has the same bits (NaN equals NaN).
    public static func == (a: Self, b: Self) -> Bool { a.values.map(\.bitPattern) == b.values.map(\.bitPattern) }

    /// Reads the base64 text of the little-endian bytes.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for text that is not base64 of whole doubles.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text), data.count % 8 == 0 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not packed doubles"))
        }
        values = stride(from: 0, to: data.count, by: 8).map { offset in
            var bits: UInt64 = 0
            for byte in (0..<8).reversed() { bits = bits << 8 | UInt64(data[data.startIndex + offset + byte]) }
            return Double(bitPattern: bits)
        }
    }

    /// Writes the numbers as base64 of their little-endian bytes.
    public func encode(to encoder: Encoder) throws {
        var data = Data(capacity: values.count * 8)
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<8 {
                data.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}
