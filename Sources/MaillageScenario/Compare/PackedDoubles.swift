import Foundation

/// Doubles stored bit for bit (little-endian, base64 in JSON), NaN included.
///
/// A shard's numbers must come back exactly as they were computed, or a merged comparison
/// would differ from one machine's in the last digit.
public struct PackedDoubles: Sendable, Equatable, Codable {
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public static func == (a: Self, b: Self) -> Bool { a.values.map(\.bitPattern) == b.values.map(\.bitPattern) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text), data.count % 8 == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not packed doubles"))
        }
        values = stride(from: 0, to: data.count, by: 8).map { offset in
            var bits: UInt64 = 0
            for byte in (0..<8).reversed() { bits = bits << 8 | UInt64(data[data.startIndex + offset + byte]) }
            return Double(bitPattern: bits)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var data = Data(capacity: values.count * 8)
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<8 { data.append(UInt8(truncatingIfNeeded: bits)); bits >>= 8 }
        }
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}
