/// A coding key named at run time: records whose keys are indicator or index names
/// (`S1`, `mu_star`), written by runs, sensitivity and calibration documents alike.
public struct NamedCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The key's name.
    public let stringValue: String
    /// Never an index.
    public var intValue: Int? { nil }

    /// The key named `name`.
    public init(_ name: String) { stringValue = name }
    /// The key named `stringValue`.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// The key named by a literal.
    public init(stringLiteral value: String) { stringValue = value }
    /// No key: these records never use indices.
    public init?(intValue: Int) { nil }
}
