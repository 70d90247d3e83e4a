/// A scenario file that cannot be used, placed at its file, line and key.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The key path, such as `changes[2].actor`.
    public var key: String?
    /// What is wrong, as one sentence.
    public var reason: String
    /// The error is a file that does not exist (the scenario, what it extends, its params): exit 66, not 65.
    public var isMissingInput: Bool

    /// An error placed at `file`, and at `line` and `key` when known.
    public init(file: String, line: Int? = nil, key: String? = nil, reason: String, isMissingInput: Bool = false) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
        self.isMissingInput = isMissingInput
    }

    /// `file:line: key: reason`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + reason
    }
}
