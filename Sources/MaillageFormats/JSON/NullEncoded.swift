/// A property written as its value, or as `null` when it is nil.
///
/// Synthesised `Encodable` leaves an absent optional out; Maillage's JSON documents keep every
/// key, so that a reader finds `null` where a value could not be worked out.
@propertyWrapper
package struct NullEncoded<Value: Encodable>: Encodable {
    /// The value, nil for `null`.
    package var wrappedValue: Value?

    /// Wraps `wrappedValue`.
    package init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    /// Writes the value or `null`.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullEncoded: Sendable where Value: Sendable {}
