import Foundation

/// Writes a whole file through a temporary file renamed when complete, so that a failure
/// (full disk, interruption) never leaves a half-written file where one was asked for.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw FileAccessError.unwritable(path, error.localizedDescription)
        }
    }

    /// Collects what `body` writes to a memory stream, then writes it atomically.
    public static func write(to path: String, _ body: (OutputStream) throws -> Void) throws {
        let stream = OutputStream(toMemory: ())
        stream.open()
        try body(stream)
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        stream.close()
        try write(data, to: path)
    }
}
