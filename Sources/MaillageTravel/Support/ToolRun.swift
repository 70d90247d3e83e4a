import Foundation

/// Runs an external program to its end, its output to a log file (a pipe left unread would
/// block a chatty program), and turns a failure into an ``OSRMError/toolFailed``.
enum ToolRun {
    /// Runs `tool` with `arguments`, writing its output to `log`; throws with the log's last
    /// error line when it fails.
    static func run(_ tool: URL, _ arguments: [String], log: URL, in folder: URL? = nil) throws {
        try ChildProcesses.shared.checkNotTerminating()
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try ChildProcesses.shared.run(process)
        process.waitUntilExit()
        ChildProcesses.shared.remove(process.processIdentifier)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw OSRMError.toolFailed(
                tool: tool.lastPathComponent, status: process.terminationStatus, detail: lastError(in: log))
        }
    }

    /// Runs a program and returns what it printed on stdout.
    static func capture(_ tool: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OSRMError.toolFailed(
                tool: tool.lastPathComponent, status: process.terminationStatus, detail: "no output")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The last line of a log that reads as an error, without OSRM's timestamp and level.
    static func lastError(in log: URL) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        let chosen =
            lines.last { $0.contains("[error]") || $0.contains("what():") || $0.lowercased().contains("error") }
            ?? lines.last ?? "no output"
        var line = chosen
        for marker in ["[error] ", "what():  ", "what(): "] {
            if let range = line.range(of: marker) { line = String(line[range.upperBound...]) }
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}

/// The OSRM programs this process started and has not yet seen end, so that an interrupt
/// (Ctrl-C) can stop them before the process exits.
///
/// Also the half-built graph folders to remove then. The programs are killed (SIGKILL): an
/// interrupt handler has to ignore SIGINT/SIGTERM, and programs started after that inherit
/// the ignoring, so a polite signal would not reach osrm-extract.
public final class ChildProcesses: @unchecked Sendable {
    /// The one list of the process: the interrupt handler reaches it from its own thread.
    public static let shared = ChildProcesses()
    private var pids = Set<Int32>()
    private var folders = Set<URL>()
    /// Set by ``terminateAll()``: from then on nothing new may start or be created.
    private var terminating = false
    private let lock = NSLock()

    /// Starts `process` and registers it in one step under the lock, so that an interrupt
    /// handler either sees it in the list or stops it from starting. Started first and
    /// registered after, a program launched just as the handler took the list was left running
    /// once the command had exited (CI found one osrm-routed so). Refuses once an interrupt is
    /// being handled.
    func run(_ process: Process) throws {
        try lock.withLock {
            guard !terminating else { throw CancellationError() }
            try process.run()
            pids.insert(process.processIdentifier)
        }
    }

    func remove(_ pid: Int32) { lock.withLock { _ = pids.remove(pid) } }

    /// Creates `url` (with its parents) and registers it for removal on interrupt, in one step
    /// under the lock: a folder made just after the handler removed the others would otherwise
    /// be left behind. Refuses once an interrupt is being handled.
    func makeFolder(_ url: URL) throws {
        try lock.withLock {
            guard !terminating else { throw CancellationError() }
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            folders.insert(url)
        }
    }

    /// Registers a file or folder to remove on interrupt; one registered while an interrupt is
    /// being handled is removed at once.
    func addFolder(_ url: URL) {
        let late = lock.withLock { () -> Bool in
            if terminating { return true }
            folders.insert(url)
            return false
        }
        if late { try? FileManager.default.removeItem(at: url) }
    }
    func removeFolder(_ url: URL) { lock.withLock { _ = folders.remove(url) } }

    /// Kills every program still running, waits for them, and removes the half-built
    /// folders; for an interrupt handler, before exiting. Nothing starts after it begins.
    public func terminateAll() {
        let (running, leftovers) = lock.withLock { () -> (Set<Int32>, Set<URL>) in
            terminating = true
            return (pids, folders)
        }
        for pid in running {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        for folder in leftovers { Self.remove(folder) }
    }

    /// Removes `folder`, again while it is still there: the command's own thread may be writing
    /// into it (a log, a program started a moment before it was killed) while the removal walks
    /// it, and the last `rmdir` then fails on a file created meanwhile. Once the folder is gone
    /// nothing can bring it back: files are only created inside it, and no folder is made any more.
    private static func remove(_ folder: URL) {
        for _ in 0..<40 {
            try? FileManager.default.removeItem(at: folder)
            guard FileManager.default.fileExists(atPath: folder.path) else { return }
            usleep(25_000)
        }
    }

    /// Throws once an interrupt is being handled, so that the command's thread starts nothing new.
    func checkNotTerminating() throws {
        if lock.withLock({ terminating }) { throw CancellationError() }
    }
}
