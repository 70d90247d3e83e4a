/// Why a report could not be made from what was asked.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// `--run` names a run the database does not hold.
    case unknownRun(id: Int64, path: String, available: [Int64])
    /// `--simulation` names a simulation run the database does not hold.
    case unknownSimulationRun(id: Int64, path: String, available: [Int64])
    /// A comparison folder's file is missing or not what `maillage compare` writes.
    case unreadableComparison(path: String, reason: String)
    /// An isochrones file is missing or not what `maillage access isochrones` writes.
    case unreadableIsochrones(path: String, reason: String)
    /// A chosen-sites file is not what `maillage locate` writes.
    case unreadableLocation(path: String, reason: String)
    /// A sensitivity folder's `sensitivity.json` is not what `maillage sensitivity --scenario` writes, or
    /// names no alternative of the comparison.
    case unreadableSensitivity(path: String, reason: String)
    /// A calibration folder's `calibration.json` or `sites.geojson` is not what `maillage calibrate` writes.
    case unreadableCalibration(path: String, reason: String)
    /// A file to draw (`what`: the comparison, the isochrones, the chosen sites) does not exist.
    case missingFile(path: String, what: String)

    /// One sentence naming the run, file or folder and what is available instead.
    public var description: String {
        switch self {
        case .unknownRun(let id, let path, let available) where available.isEmpty:
            "\(path) holds no indicator run, so there is no run \(id); compute an indicator first"
        case .unknownRun(let id, let path, let available):
            "\(path) has no indicator run \(id); its runs are \(available.map(String.init).joined(separator: ", "))"
        case .unknownSimulationRun(let id, let path, let available) where available.isEmpty:
            "\(path) holds no simulation run, so there is no simulation \(id); run a simulation first"
        case .unknownSimulationRun(let id, let path, let available):
            "\(path) has no simulation run \(id); its simulation runs are \(available.map(String.init).joined(separator: ", "))"
        case .unreadableComparison(let path, let reason):
            "cannot read the comparison \(path): \(reason)"
        case .unreadableIsochrones(let path, let reason):
            "cannot read the isochrones \(path): \(reason)"
        case .unreadableLocation(let path, let reason):
            "cannot read the chosen sites \(path): \(reason)"
        case .unreadableSensitivity(let path, let reason):
            "cannot use the sensitivity analysis \(path): \(reason)"
        case .unreadableCalibration(let path, let reason):
            "cannot read the calibration \(path): \(reason)"
        case .missingFile(let path, let what):
            "\(what) \(path) cannot be read: the file does not exist"
        }
    }
}
