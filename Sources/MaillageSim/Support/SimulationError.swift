/// Why a simulation cannot run: a parameter, an event or the territory is unusable.
///
/// Every case names what is wrong (the parameter's dotted path, the event's position) so
/// that a planner can fix the file without reading the code.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter outside its range, of the wrong type, or unknown.
    case invalidParameter(name: String, reason: String)
    /// An event that names an unknown actor or zone, or falls outside the horizon.
    case invalidEvent(index: Int, reason: String)
    /// The territory lacks what the model needs (a GP, a hospital, inhabitants).
    case unusableTerritory(String)
    /// A file that cannot be read or parsed.
    case unreadableFile(path: String, reason: String)
    /// A parameter or event file that does not exist.
    case missingFile(path: String)

    /// The problem in one line, naming the parameter, event or file.
    public var description: String {
        switch self {
        case .invalidParameter(let name, let reason): "parameter \(name): \(reason)"
        case .invalidEvent(let index, let reason): "event \(index + 1): \(reason)"
        case .unusableTerritory(let reason): "the territory cannot be simulated: \(reason)"
        case .unreadableFile(let path, let reason): "\(path): \(reason)"
        case .missingFile(let path): "\(path): does not exist"
        }
    }
}
