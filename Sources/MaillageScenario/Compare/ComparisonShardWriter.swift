import Foundation
import MaillageFormats

/// Writes a shard file as its jobs come: the header, then one job per line.
///
/// The file is written under a temporary name and renamed when complete, so an interrupted
/// run never leaves a shard that looks whole.
public final class ComparisonShardWriter {
    /// Where the shard ends up once complete.
    public let path: String
    /// Where the shard is written until it is complete.
    public let partial: String
    private let handle: FileHandle
    private let encoder: JSONEncoder
    /// Jobs written so far.
    public private(set) var written = 0

    /// Starts the shard: creates the partial file and writes `header`.
    ///
    /// - Throws: ``ScenarioError`` when the file cannot be created or written.
    public init(path: String, header: ComparisonShardHeader) throws {
        self.path = path
        partial = path + ".partial"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw ScenarioError(file: path, reason: "cannot be written")
        }
        self.handle = handle
        encoder = JSONText.encoder()
        try line(try encoder.encode(header))
    }

    deinit { try? handle.close() }

    /// Appends one job's result (JSON has no raw newline, so it stays on its line).
    public func append(_ result: JobResult) throws {
        try line(try encoder.encode(result))
        written += 1
    }

    /// Closes the file and gives it its name.
    public func finish() throws {
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    /// Removes the unfinished file (the run failed): no partial shard is left behind.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }

    private func line(_ data: Data) throws {
        try handle.write(contentsOf: data + Data([UInt8(ascii: "\n")]))
    }
}
