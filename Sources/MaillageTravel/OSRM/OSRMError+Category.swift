import MaillageCore

extension OSRMError: CategorizedError {
    /// Missing programs and files are missing input, a bad .pbf is data, a failing tool or server is I/O,
    /// and a cache folder that cannot be written is an output that cannot be created.
    public var category: ErrorCategory {
        switch self {
        case .missingTool, .missingProfile, .missingFile: .missingInput
        case .notAPBF, .noRoads, .nothingToRoute: .data
        case .toolFailed, .serverDidNotStart, .unreachable, .serverError, .scratch: .io
        case .cache: .cannotCreateOutput
        }
    }

    /// Where to look for OSRM's programs, or which profile to use.
    public var hint: SettingHint? {
        switch self {
        case .missingTool: SettingHint("osrm_bin", example: ".build-osrm/bin")
        case .missingProfile: SettingHint("profile", example: "car")
        default: nil
        }
    }
}
