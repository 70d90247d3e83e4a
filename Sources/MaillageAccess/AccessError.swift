import MaillageCore

/// A request the accessibility methods cannot answer, in words a planner can act on.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is out of its range (a negative limit, a decay β of 0…).
    case invalidParameter(String)
    /// The inputs do not fit together (no site of the kind, lengths differ…).
    case invalidInput(String)
    /// The request lacks a setting that only the caller can give (a capacity measure, a limit…).
    case needsSetting(String, SettingHint)

    /// The message alone, ready to print after the file or command it concerns.
    public var description: String {
        switch self {
        case .invalidParameter(let text), .invalidInput(let text), .needsSetting(let text, _): text
        }
    }
}
