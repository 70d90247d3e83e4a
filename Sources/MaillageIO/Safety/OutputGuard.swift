import Foundation
import MaillageFormats

/// Refuses an output that would replace one of the command's own inputs.
///
/// `report --db t.db --out t.db` used to render the report and rename it over the database.
/// Two paths name the same file when their resolved texts are equal (`.`/`..` and symbolic
/// links resolved, as far as the folders exist) or when both exist and have the same device
/// and inode (a hard link, a bind mount, another spelling the text misses). A database's
/// companions (`-wal`, `-shm`, `-journal`) count as the database.
public enum OutputGuard {
    /// One input of a command: its path and what the user calls it (for the message).
    public struct Input: Sendable {
        /// The input's path, as given.
        public let path: String
        /// What the user calls the input, named in the refusal (`--db`, `--candidates file`).
        public let role: String
        /// An input and the name it goes by in messages.
        public init(_ path: String, role: String) { (self.path, self.role) = (path, role) }

        /// A territory database and the files SQLite keeps beside it.
        public static func database(_ path: String, role: String = "territory database") -> [Input] {
            [Input(path, role: role)]
                + ["-wal", "-shm", "-journal"].map { Input(path + $0, role: "\(role)'s \($0.dropFirst()) file") }
        }
    }

    /// Throws unless `output` is a different file from every input.
    public static func check(output: String, role: String, against inputs: [Input]) throws {
        for input in inputs where sameFile(output, input.path) {
            throw FileAccessError.overwritesInput(
                output: output, outputRole: role, input: input.path, inputRole: input.role)
        }
    }

    /// Throws unless every one of `outputs` is a different file from every input.
    public static func check(outputs: [String], role: String, against inputs: [Input]) throws {
        for output in outputs { try check(output: output, role: role, against: inputs) }
    }

    /// Whether two paths name the same file, by resolved text or by device and inode.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        if resolved(a) == resolved(b) { return true }
        guard let first = identity(a), let second = identity(b) else { return false }
        return first == second
    }

    struct Identity: Equatable { let device: UInt64, inode: UInt64 }

    static func identity(_ path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// The absolute path with `.`/`..` and symbolic links resolved through the longest existing prefix.
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var tail: [String] = []
        while url.path != "/" {
            if let real = realpath(url.path, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return tail.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            tail.append(url.lastPathComponent)
            url.deleteLastPathComponent()
        }
        return "/" + tail.reversed().joined(separator: "/")
    }
}
