import Foundation

/// Where OSRM's programs and profiles are, and which version they are.
///
/// Programs are looked for in the folder given (`--osrm-bin`), then on the `PATH`. Profiles
/// (`car.lua`) are looked for beside the programs, in `../share/profiles` (the layout of the
/// osrm-bindings wheel that `scripts/install-osrm.sh` unpacks), `../share/osrm/profiles`
/// (Debian and Docker's `/opt`), `../profiles` and `/opt` (Docker's osrm/osrm-backend image).
public struct OSRMTools: Sendable {
    /// `osrm-extract`: turns the .pbf into a graph with the profile.
    public let extract: URL
    /// `osrm-partition`: the MLD partition of the graph.
    public let partition: URL
    /// `osrm-customize`: the MLD weights.
    public let customize: URL
    /// `osrm-routed`: the HTTP server that answers `/table`.
    public let routed: URL

    /// Finds the four programs in `folder`, then on the `PATH`.
    ///
    /// - Throws: ``OSRMError/missingTool(name:searched:)`` naming the program and where it was looked for.
    public init(folder: String?) throws {
        var searched: [String] = []
        if let folder { searched.append(folder) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        searched += path.split(separator: ":").map(String.init)
        func find(_ name: String) throws -> URL {
            for directory in searched {
                let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            throw OSRMError.missingTool(name: name, searched: folder.map { [$0, "the PATH"] } ?? ["the PATH"])
        }
        extract = try find("osrm-extract")
        partition = try find("osrm-partition")
        customize = try find("osrm-customize")
        routed = try find("osrm-routed")
    }

    /// The Lua file of a profile: a path ending in `.lua` as is, else `NAME.lua` in the
    /// profile folders beside the programs.
    public func profile(_ name: String) throws -> URL {
        if name.hasSuffix(".lua") {
            guard FileManager.default.fileExists(atPath: name) else {
                throw OSRMError.missingProfile(name: name, searched: [name])
            }
            return URL(fileURLWithPath: name)
        }
        let bin = extract.resolvingSymlinksInPath().deletingLastPathComponent()
        let folders = [
            bin.appendingPathComponent("../share/profiles"), bin.appendingPathComponent("../share/osrm/profiles"),
            bin.appendingPathComponent("../profiles"), URL(fileURLWithPath: "/opt"),
        ]
        let candidates = folders.map { $0.appendingPathComponent("\(name).lua").standardizedFileURL }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw OSRMError.missingProfile(name: name, searched: candidates.map(\.path))
        }
        return found
    }

    /// `v26.10.0`, as `osrm-routed --version` prints it.
    public func version() throws -> String {
        let output = try ToolRun.capture(routed, ["--version"])
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
