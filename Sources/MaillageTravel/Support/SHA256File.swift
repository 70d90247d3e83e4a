import Foundation

/// The SHA-256 of a file, by coreutils' `sha256sum` (present wherever OSRM runs; Foundation
/// on Linux has no hash and a .pbf can be gigabytes, which sha256sum reads at disk speed).
enum SHA256File {
    static func hex(of path: String) throws -> String {
        let tool = ["/usr/bin/sha256sum", "/bin/sha256sum"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { throw OSRMError.missingTool(name: "sha256sum", searched: ["/usr/bin", "/bin"]) }
        let output = try ToolRun.capture(URL(fileURLWithPath: tool), ["-b", path])
        guard let hash = output.split(separator: " ").first, hash.count == 64 else {
            throw OSRMError.toolFailed(tool: "sha256sum", status: 0, detail: "unexpected output for \(path)")
        }
        return String(hash)
    }
}
