import Foundation

/// Why computing road times with OSRM failed, in one sentence for the planner.
public enum OSRMError: Error, Sendable, CustomStringConvertible {
    /// An OSRM program is neither in the given folder nor on the PATH.
    case missingTool(name: String, searched: [String])
    /// The profile (`car`) has no Lua file where profiles are looked for.
    case missingProfile(name: String, searched: [String])
    /// The input file does not exist.
    case missingFile(String)
    /// The file is not an OpenStreetMap .pbf.
    case notAPBF(String)
    /// The .pbf has no road the profile can use.
    case noRoads(file: String, profile: String)
    /// An OSRM program failed; `detail` is its last error line.
    case toolFailed(tool: String, status: Int32, detail: String)
    /// osrm-routed did not start answering.
    case serverDidNotStart(detail: String)
    /// The server could not be reached or stopped answering.
    case unreachable(url: String, detail: String)
    /// The server answered with an error that retrying will not mend.
    case serverError(url: String, code: String, message: String)
    /// The territory has no point to route from or to.
    case nothingToRoute(String)
    /// The cache folder could not be made or written.
    case cache(path: String, detail: String)
    /// The temporary file the table's pairs wait in could not be made or written.
    case scratch(path: String, detail: String)

    /// One sentence for the planner, saying what to do where there is something to do.
    public var description: String {
        switch self {
        case .missingTool(let name, let searched):
            "\(name) was not found (looked in \(searched.joined(separator: ", "))); "
                + "run scripts/install-osrm.sh and name its bin folder, or put OSRM on the PATH"
        case .missingProfile(let name, let searched):
            "no OSRM profile '\(name)' (looked for \(searched.joined(separator: ", "))); "
                + "choose car, bicycle, foot or the path of a .lua profile"
        case .missingFile(let path):
            "\(path) does not exist"
        case .notAPBF(let path):
            "\(path) is not an OpenStreetMap .pbf file (it does not start with an OSMHeader block)"
        case .noRoads(let file, let profile):
            "\(file) has no road that the '\(profile)' profile can drive on, so there is nothing to route on"
        case .toolFailed(let tool, let status, let detail):
            "\(tool) failed (exit status \(status)): \(detail)"
        case .serverDidNotStart(let detail):
            "osrm-routed did not start: \(detail)"
        case .unreachable(let url, let detail):
            "the OSRM server at \(url) does not answer (\(detail)); nothing was stored"
        case .serverError(let url, let code, let message):
            "the OSRM server at \(url) refused a table request: \(code): \(message)"
        case .nothingToRoute(let detail):
            "nothing to route: \(detail)"
        case .cache(let path, let detail):
            "cannot use the OSRM cache folder \(path): \(detail)"
        case .scratch(let path, let detail):
            "cannot keep the table's pairs in a temporary file in \(path) (\(detail)); free space there or set TMPDIR"
        }
    }
}
