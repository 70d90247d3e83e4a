import Foundation

/// A one-line progress bar on a terminal: done share, rate and time left.
///
/// Drawn only when stderr is a terminal and `--quiet` was not given, so logs and CI output
/// stay clean. The total is an estimate (file size over the size of the first lines).
final class ProgressBar: @unchecked Sendable {
    private let estimatedTotal: Int
    private let unit: String
    private let enabled: Bool
    private let start = Date()
    /// Steps counted by ``step()``, from any thread.
    private var steps = 0
    private let lock = NSLock()

    /// - Parameter minimum: below this total no bar is drawn (one replication needs none).
    init(estimatedTotal: Int, unit: String, global: GlobalOptions, minimum: Int = 0) {
        self.estimatedTotal = max(estimatedTotal, 1)
        self.unit = unit
        enabled = !global.quiet && isatty(STDERR_FILENO) == 1 && estimatedTotal >= minimum
    }

    /// One more unit done (replications finish on several threads).
    func step() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        steps += 1
        update(steps)
    }

    /// Rows in a text file, estimated from its size and its first 64 KiB.
    static func estimatedLines(of path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path),
            let sample = try? handle.read(upToCount: 1 << 16), !sample.isEmpty,
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        else { return 1 }
        try? handle.close()
        let lines = max(1, sample.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) })
        return Int(Double(size) / Double(sample.count) * Double(lines))
    }

    func update(_ done: Int) {
        update(done, of: estimatedTotal)
    }

    /// Draws `done` out of a total known only once the work has started (pairs of a table).
    func update(_ done: Int, of estimatedTotal: Int) {
        guard enabled else { return }
        let estimatedTotal = max(estimatedTotal, 1)
        let elapsed = max(Date().timeIntervalSince(start), 1e-3)
        let share = min(1, Double(done) / Double(estimatedTotal))
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(max(0, estimatedTotal - done)) / rate : 0
        let filled = Int(share * 30)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
        let line = String(format: "\r%@ %3.0f%%  %d %@  %.0f/s  %.0f s left ", bar, share * 100, done, unit, rate, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 80) + "\r").utf8))
    }
}
