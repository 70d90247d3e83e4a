/// Why a report could not be made from what was asked.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// `--run` names a run the database does not hold.
    case unknownRun(id: Int64, path: String, available: [Int64])

    public var description: String {
        switch self {
        case let .unknownRun(id, path, available) where available.isEmpty:
            "\(path) holds no indicator run, so there is no run \(id); compute one with 'maillage access …'"
        case let .unknownRun(id, path, available):
            "\(path) has no indicator run \(id); its runs are \(available.map(String.init).joined(separator: ", "))"
        }
    }
}
