/// A scenario file that cannot be used, placed at its file, line and key.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The key path, such as `changes[2].actor`.
    public var key: String?
    public var reason: String
    /// The error is a file that does not exist (the scenario, what it extends, its params): exit 66, not 65.
    public var isMissingInput: Bool

    public init(file: String, line: Int? = nil, key: String? = nil, reason: String, isMissingInput: Bool = false) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
        self.isMissingInput = isMissingInput
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + reason
    }
}
