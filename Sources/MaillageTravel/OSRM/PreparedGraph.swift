import Foundation

/// An OSRM routing graph made from a .pbf for one profile (MLD: extract, partition,
/// customize), kept in a cache folder so that a second run on the same file does not
/// prepare it again.
///
/// The cache key is the .pbf's SHA-256, the profile's name and the SHA-256 of its Lua file,
/// and OSRM's version (a graph is not readable by another version): a changed file or
/// profile is a new graph, never a stale one. A graph is built in a folder of its own and
/// renamed into place when complete, so an interrupted run leaves no half graph behind.
public struct PreparedGraph: Sendable {
    /// The `.osrm` base path to give `osrm-routed`.
    public let base: URL
    /// The .pbf's SHA-256, hexadecimal.
    public let pbfHash: String
    /// True when the graph was found in the cache.
    public let wasCached: Bool

    /// The default cache folder: `$MAILLAGE_CACHE_DIR/osrm`, else `$XDG_CACHE_HOME/maillage/osrm`,
    /// else `~/.cache/maillage/osrm`.
    public static var defaultCacheFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["MAILLAGE_CACHE_DIR"], !folder.isEmpty {
            return URL(fileURLWithPath: folder).appendingPathComponent("osrm")
        }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty {
            return URL(fileURLWithPath: folder).appendingPathComponent("maillage/osrm")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/maillage/osrm")
    }

    /// Finds the graph of `pbf` for `profile` in `cache`, or prepares it there.
    ///
    /// - Parameters:
    ///   - pbf: the OpenStreetMap extract.
    ///   - profile: the profile's .lua file.
    ///   - profileName: the profile's name, part of the cache key (`car`).
    ///   - tools: the OSRM programs that prepare the graph.
    ///   - version: OSRM's version, part of the cache key: another version prepares its own graph.
    ///   - cache: the folder graphs are kept in, by key.
    ///   - onStep: called with a few words before each OSRM step.
    public static func prepare(
        pbf: String, profile: URL, profileName: String, tools: OSRMTools, version: String, cache: URL,
        onStep: (String) -> Void = { _ in }
    ) throws -> PreparedGraph {
        guard FileManager.default.fileExists(atPath: pbf) else { throw OSRMError.missingFile(pbf) }
        try checkPBF(pbf)
        let pbfHash = try SHA256File.hex(of: pbf)
        let profileHash = try SHA256File.hex(of: profile.path)
        let key = "\(pbfHash.prefix(32))-\(safe(profileName))-\(profileHash.prefix(12))-\(safe(version))"
        let folder = cache.appendingPathComponent(key)
        let base = folder.appendingPathComponent("region.osrm")
        let complete = folder.appendingPathComponent("complete")
        if FileManager.default.fileExists(atPath: complete.path) {
            return PreparedGraph(base: base, pbfHash: pbfHash, wasCached: true)
        }
        let building = cache.appendingPathComponent(
            "\(key).building-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try ChildProcesses.shared.makeFolder(building)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw OSRMError.cache(path: cache.path, detail: error.localizedDescription)
        }
        defer {
            try? FileManager.default.removeItem(at: building)
            ChildProcesses.shared.removeFolder(building)
        }
        let input = building.appendingPathComponent("region.osm.pbf")
        try FileManager.default.createSymbolicLink(
            at: input, withDestinationURL: URL(fileURLWithPath: pbf).standardizedFileURL.absoluteURL)
        let built = building.appendingPathComponent("region.osrm")
        let log = building.appendingPathComponent("osrm.log")
        onStep("osrm-extract (\(profileName))")
        do {
            try ToolRun.run(tools.extract, ["-p", profile.path, input.path], log: log, in: building)
        } catch let OSRMError.toolFailed(tool, status, detail) {
            if detail.contains("no edges remaining") { throw OSRMError.noRoads(file: pbf, profile: profileName) }
            if detail.contains("PBF error") || detail.contains("pbf_error") { throw OSRMError.notAPBF(pbf) }
            throw OSRMError.toolFailed(tool: tool, status: status, detail: detail)
        }
        onStep("osrm-partition")
        try ToolRun.run(tools.partition, [built.path], log: log, in: building)
        onStep("osrm-customize")
        try ToolRun.run(tools.customize, [built.path], log: log, in: building)
        try FileManager.default.removeItem(at: input)
        try Data("\(pbf)\n".utf8).write(to: building.appendingPathComponent("complete"))
        do {
            try FileManager.default.moveItem(at: building, to: folder)
        } catch  where FileManager.default.fileExists(atPath: complete.path) {
            // Another run prepared the same graph meanwhile: use theirs.
        } catch {
            throw OSRMError.cache(path: folder.path, detail: error.localizedDescription)
        }
        return PreparedGraph(base: base, pbfHash: pbfHash, wasCached: false)
    }

    /// A .pbf file starts with a 4-byte header length then a BlobHeader of type `OSMHeader`.
    static func checkPBF(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw OSRMError.missingFile(path) }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        guard head.count >= 16 else { throw OSRMError.notAPBF(path) }
        let length = head.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length < 64 * 1024, head.dropFirst(4).range(of: Data("OSMHeader".utf8)) != nil else {
            throw OSRMError.notAPBF(path)
        }
    }

    private static func safe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" ? $0 : "_" })
    }
}
