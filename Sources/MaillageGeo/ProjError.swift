/// A failure reported by PROJ, with PROJ's own words.
public struct ProjError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What Maillage was doing, such as "creating the transformation from EPSG:9999 to EPSG:4326".
    public let operation: String
    /// PROJ's message (the last thing it logged, or its error string).
    public let message: String
    /// PROJ's error number, 0 when it gave none.
    public let code: Int32

    /// An error of `operation` with PROJ's message and error number.
    public init(operation: String, message: String, code: Int32) {
        self.operation = operation
        self.message = message
        self.code = code
    }

    /// `PROJ failed <operation>: <message>`.
    public var description: String { "PROJ failed \(operation): \(message)" }
}
