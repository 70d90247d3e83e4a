/// A property written as its value, or as `null` when it is nil.
///
/// Synthesised `Encodable` leaves an absent optional out; Maillage's JSON documents keep every
/// key, so that a reader finds `null` where a value could not be worked out (and a parameter
/// file may set a key whose default is unset). Read back, an absent key or `null` is nil.
@propertyWrapper
public struct NullEncoded<Value> {
    /// The value, nil for `null`.
    public var wrappedValue: Value?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
}

extension NullEncoded: Encodable where Value: Encodable {
    /// Writes the value or `null`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullEncoded: Decodable where Value: Decodable {
    /// Reads the value, or nil for `null`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension KeyedDecodingContainer {
    /// An absent key reads as nil, as for a plain optional (synthesised decoding asks for the
    /// wrapper by this overload).
    public func decode<Value: Decodable>(_ type: NullEncoded<Value>.Type, forKey key: Key) throws -> NullEncoded<Value>
    {
        try decodeIfPresent(type, forKey: key) ?? NullEncoded(wrappedValue: nil)
    }
}

extension NullEncoded: Sendable where Value: Sendable {}
extension NullEncoded: Equatable where Value: Equatable {}
extension NullEncoded: Hashable where Value: Hashable {}
