import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into "interrupted, nothing written" for a command that writes a
/// set of files: the files are staged in a fresh folder and moved into place together.
///
/// Without it, Ctrl-C during `compare` killed the process between two files (the folder then
/// held new and old results mixed) and left a hidden temporary behind, with no word. The
/// signal is handled on its own queue: while nothing is being put in place, it removes what
/// the command staged, says so and exits 130; while the staged files are being moved into
/// place (a few renames), it waits for that to finish and then says the results are whole.
final class InterruptGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var cleanups: [UUID: () -> Void] = [:]
    private var committed: String?
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "maillage.interrupt")

    /// Starts handling SIGINT and SIGTERM until the process ends.
    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.interrupted() }
            source.resume()
            sources.append(source)
        }
    }

    /// Registers what to remove if the command is interrupted; returns a key to drop it.
    func onInterrupt(_ cleanup: @escaping () -> Void) -> UUID {
        let key = UUID()
        lock.withLock { cleanups[key] = cleanup }
        return key
    }

    func drop(_ key: UUID) { lock.withLock { _ = cleanups.removeValue(forKey: key) } }

    /// Runs `body` (moving staged files into place) with interruptions held until it ends.
    func committing<T>(_ description: String, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let result = try body()
        committed = description
        return result
    }

    /// Set while a signal is being handled, before its cleanups run.
    nonisolated(unsafe) private static var interrupting = false
    private static let interruptingLock = NSLock()

    /// Parks the calling thread for good when an interrupt is being handled.
    ///
    /// The cleanups kill the programs a command started (osrm-extract…), so the command's own
    /// thread may see them fail and reach its error report first: that failure is the
    /// interrupt's doing, and the handler's "interrupted" and exit status 130 are the truth.
    static func waitIfInterrupting() {
        guard interruptingLock.withLock({ interrupting }) else { return }
        while true { sleep(60) }
    }

    private func interrupted() {
        Self.interruptingLock.withLock { Self.interrupting = true }
        lock.lock()
        if let committed {
            Console.standardError("maillage: interrupted; \(committed) had already been written whole")
        } else {
            for cleanup in cleanups.values { cleanup() }
            Console.standardError("maillage: interrupted, nothing written")
        }
        // No exit handlers: the jobs' threads are still running and must not see the process torn down.
        _exit(130)
    }
}

/// A fresh folder beside the results, where a command writes them before moving them in together.
struct StagingFolder {
    let target: URL
    let url: URL

    /// Creates `<target>/.maillage-staging-<uuid>` (the target is created when missing).
    init(for target: String) throws {
        self.target = URL(fileURLWithPath: target).standardizedFileURL
        url = self.target.appendingPathComponent(".maillage-staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CommandError(
                message: "cannot create the folder \(self.target.path): \((error as NSError).localizedDescription)",
                category: .cannotCreateOutput)
        }
    }

    var path: String { url.path }

    /// Moves every staged file over its namesake in the target (each rename atomic), then removes the staging folder.
    func commit() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
            let from = url.appendingPathComponent(name).path
            let to = target.appendingPathComponent(name).path
            guard rename(from, to) == 0 else {
                throw CommandError(
                    message: "cannot move \(name) into \(target.path): \(String(cString: strerror(errno)))",
                    category: .cannotCreateOutput)
            }
        }
        remove()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
