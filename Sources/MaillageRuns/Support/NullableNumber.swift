/// A JSON number that is `null` when undefined: NaN, infinite or absent values are written as
/// `null`, and read back as nil.
struct NullableNumber: Codable {
    var value: Double?

    init(_ value: Double?) { self.value = value.flatMap { $0.isFinite ? $0 : nil } }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Double.self)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// Writes a number, or `null` when it is nil or not finite (the key is always there).
    mutating func encodeNumber(_ value: Double?, forKey key: Key) throws {
        try encode(NullableNumber(value), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// A number, or nil when the key is absent, `null`, or holds something else.
    func number(_ key: Key) -> Double? {
        (try? decodeIfPresent(NullableNumber.self, forKey: key))?.flatMap(\.value)
    }

    /// `true`/`false` or a number (non-zero is true); nil when absent or `null`.
    func flag(_ key: Key) -> Bool? {
        if let bool = try? decodeIfPresent(Bool.self, forKey: key) { return bool }
        return number(key).map { $0 != 0 }
    }
}
