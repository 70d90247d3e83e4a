import Foundation
import MaillageFuzzFormats
import MaillageStore

/// What a fuzz target does with each input: hand it to the importer, ignore the outcome.
///
/// A thrown error is the importer refusing bad input, which is what it should do; only a
/// crash (a trap, a sanitizer report, a timeout or running out of memory) is a finding. The
/// reader and its options are ``FuzzFormat``'s (the main package's `MaillageFuzzFormats`), the
/// ones the Swift tests replay the committed corpus with.
///
/// Every input meets the template territory as it was built. Opening a database costs more
/// than most imports, so the copy stays open while inputs are refused: each import is one
/// transaction, and a refused one leaves nothing behind. After an accepted input the copy is
/// replaced. libFuzzer calls the target from one thread, hence `@unchecked Sendable`.
public final class FuzzHarness: @unchecked Sendable {
    public let format: FuzzFormat
    let folder: URL
    let territory: FuzzTerritory?
    private var database: TerritoryDatabase?

    /// Prepares a private folder under `$TMPDIR` and, when the importer needs one, the territory.
    public init(format: FuzzFormat) {
        self.format = format
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("maillage-fuzz-\(format.rawValue)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            territory = format.needsTerritory ? try FuzzTerritory(folder: folder) : nil
        } catch {
            // Without its folder or template the target would test nothing: stop loudly.
            FileHandle.standardError.write(Data("fuzz harness setup failed: \(error)\n".utf8))
            exit(70)
        }
    }

    /// Runs one input; the return value is libFuzzer's (0: keep going).
    public func run(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
        run(Data(bytes: bytes, count: count))
        return 0
    }

    /// Runs one input through the importer, swallowing thrown errors.
    public func run(_ data: Data) {
        do {
            let input = folder.appendingPathComponent("input.\(format.fileExtension)")
            try format.feed(data, file: input, database: try openTerritory())
            // Accepted: it may have written, the next input gets a new copy.
            if format.writesTerritory { database = nil }
        } catch {
            // Refused input: the expected outcome for most mutations.
        }
    }

    private func openTerritory() throws -> TerritoryDatabase? {
        guard let territory else { return nil }
        if let database { return database }
        let opened = try territory.copy(to: folder.appendingPathComponent("territory.db").path)
        database = opened
        return opened
    }
}
