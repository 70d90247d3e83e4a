/// A coding key named at run time, for records whose keys are indicator names.
public struct RunCodingKey: CodingKey, Hashable, Sendable {
    /// The key's name.
    public let stringValue: String
    /// Never an index.
    public var intValue: Int? { nil }

    /// The key named `name`.
    public init(_ name: String) { stringValue = name }
    /// The key named `stringValue`.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// No key: runs never use indices.
    public init?(intValue: Int) { nil }
}
