/// A JSON number that is `null` when undefined: NaN, infinite or absent values are written as
/// `null`, and read back as nil.
package struct NullableNumber: Codable {
    /// The number, nil for `null`.
    package var value: Double?

    /// The number when finite, nil otherwise.
    package init(_ value: Double?) { self.value = value?.finite }

    /// Reads a number or `null`.
    package init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Double.self)
    }

    /// Writes the number or `null`.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// Writes a number, or `null` when it is nil or not finite (the key is always there).
    package mutating func encodeNumber(_ value: Double?, forKey key: Key) throws {
        try encode(NullableNumber(value), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// A number, or nil when the key is absent, `null`, or holds something else.
    package func number(_ key: Key) -> Double? {
        (try? decodeIfPresent(NullableNumber.self, forKey: key))?.flatMap(\.value)
    }

    /// `true`/`false` or a number (non-zero is true); nil when absent or `null`.
    package func flag(_ key: Key) -> Bool? {
        if let bool = try? decodeIfPresent(Bool.self, forKey: key) { return bool }
        return number(key).map { $0 != 0 }
    }
}

extension Double {
    /// The value when finite, nil (written as `null`) otherwise.
    package var finite: Double? { isFinite ? self : nil }
}
