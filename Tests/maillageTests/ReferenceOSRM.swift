import Foundation
import MaillageTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// OSRM run by the test itself, apart from Maillage's code: its own graph preparation in a
/// temporary folder, its own osrm-routed, and one `/table` request for the whole table.
/// This is the independent source the stored matrices are checked against.
final class ReferenceOSRM: @unchecked Sendable {
    struct Table: Decodable {
        struct Waypoint: Decodable { let distance: Double }
        let code: String
        let durations: [[Double?]]
        let distances: [[Double?]]
        let sources: [Waypoint]
        let destinations: [Waypoint]
    }

    let folder: TemporaryFolder
    let port: Int
    private let server: Process

    init(pbf: String) throws {
        folder = try TemporaryFolder()
        let input = folder.path("ref.osm.pbf")
        try FileManager.default.copyItem(atPath: pbf, toPath: input)
        try Self.run(OSRMBinaries.tool("osrm-extract"), ["-p", OSRMBinaries.carProfile.path, input])
        try Self.run(OSRMBinaries.tool("osrm-partition"), [folder.path("ref.osrm")])
        try Self.run(OSRMBinaries.tool("osrm-customize"), [folder.path("ref.osrm")])
        port = 20_000 + Int.random(in: 0..<20_000)
        server = Process()
        server.executableURL = try OSRMBinaries.tool("osrm-routed")
        server.arguments = [
            "-a", "MLD", "-i", "127.0.0.1", "-p", "\(port)", "--max-table-size", "10000", folder.path("ref.osrm"),
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        var problem: any Error = URLError(.cannotConnectToHost)
        for _ in 0..<400 {
            do {
                _ = try table(["7.42,43.73", "7.43,43.74"], sources: [0], destinations: [1])
                return
            } catch {
                problem = error
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw problem
    }

    deinit { stop() }

    func stop() {
        if server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
    }

    /// The whole table in one request: coordinates as "lon,lat".
    func table(_ coordinates: [String], sources: [Int], destinations: [Int]) throws -> Table {
        let text =
            "http://127.0.0.1:\(port)/table/v1/driving/\(coordinates.joined(separator: ";"))?sources="
            + sources.map(String.init).joined(separator: ";") + "&destinations="
            + destinations.map(String.init).joined(separator: ";")
            + "&annotations=duration,distance"
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var body: Data?
        URLSession.shared.dataTask(with: URL(string: text)!) { data, _, _ in
            body = data
            done.signal()
        }.resume()
        done.wait()
        guard let body else { throw URLError(.cannotConnectToHost) }
        return try JSONDecoder().decode(Table.self, from: body)
    }

    private static func run(_ tool: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    }
}
