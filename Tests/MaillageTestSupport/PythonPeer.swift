import Foundation

/// The Python the tests use as a reference peer: the virtualenv `make test` prepares
/// (`scripts/install-test-python.sh`, PyPI packages pinned there), else `python3`.
public enum PythonPeer {
    /// The checkout's root, found from this file's place in the package.
    public static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let interpreter: String = {
        let venv = checkout.appendingPathComponent(".build-pytest/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
    }()

    /// Whether the modules import, or are required because CI=true (then their absence fails the test).
    public static func requiredOrAvailable(_ modules: [String]) -> Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || (try? run(["-c", modules.map { "import \($0)" }.joined(separator: "; ")]).status) == 0
    }

    /// Runs the interpreter with arguments; returns the exit status and standard output and error.
    public static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Runs a script of `scripts/` on a JSON input and decodes the JSON object it prints last.
    public static func script(_ name: String, input: Any, folder: URL) throws -> [String: Any] {
        let path = folder.appendingPathComponent("\(name)-input-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: input).write(to: path)
        let result = try run([checkout.appendingPathComponent("scripts/\(name)").path, path.path])
        guard result.status == 0, let line = result.stdout.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { throw Failure(message: "scripts/\(name) failed (\(result.status)): \(result.stderr)") }
        return object
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
