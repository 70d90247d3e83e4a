/// Writes a whole text file atomically (through a temporary file renamed when complete).
public enum TextFile {
    /// Writes `text` as UTF-8 to `path`, whole or not at all.
    public static func write(_ text: String, to path: String) throws {
        try AtomicFile.write(to: path) { try $0.write(text) }
    }
}
