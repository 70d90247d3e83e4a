import Foundation

/// Reads a file line by line (`\n`), holding at most one line and one chunk in memory.
///
/// A merge keeps one of these open per shard: what each holds between lines stays below the
/// chunk size, so many shards of large jobs can be merged at once.
final class LineReader {
    private let handle: FileHandle
    private let chunk: Int
    private var buffer: [UInt8] = []
    /// Where the search for the next newline resumes (bytes before it hold none).
    private var scanned = 0
    private var atEnd = false

    init(path: String, chunk: Int = 64 << 10) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioError(file: path, reason: "cannot be read (does it exist?)")
        }
        self.handle = handle
        self.chunk = chunk
    }

    deinit { try? handle.close() }

    /// The next line without its newline, or nil at the end of the file.
    func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer = Array(buffer[(newline + 1)...])  // a new array: the long line's storage is freed
                scanned = 0
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer {
                    buffer = []
                    scanned = 0
                }
                return buffer
            }
            let data = try handle.read(upToCount: chunk) ?? Data()
            if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        }
    }
}
