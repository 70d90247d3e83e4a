import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `maillage` process started without waiting for it, to be killed or raced against others.
///
/// Its output goes to files rather than pipes, so a process nobody reads from never blocks
/// on a full pipe, and a killed one leaves what it printed behind.
final class BackgroundCommand {
    let process = Process()
    let stdoutFile: URL
    let stderrFile: URL

    init(_ arguments: [String], logs folder: URL) throws {
        let tag = UUID().uuidString
        stdoutFile = folder.appendingPathComponent("\(tag).out")
        stderrFile = folder.appendingPathComponent("\(tag).err")
        FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    /// Sends SIGKILL (no handler, no cleanup can run) and waits for the process to be gone.
    ///
    /// Returns whether the signal is what ended it (false: it had already exited by itself).
    @discardableResult
    func kill() -> Bool {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// Waits for the process to exit by itself and returns its exit code and output.
    func wait() throws -> CommandLineTests.Result {
        process.waitUntilExit()
        return CommandLineTests.Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutFile, encoding: .utf8),
            stderr: try String(contentsOf: stderrFile, encoding: .utf8)
        )
    }
}
