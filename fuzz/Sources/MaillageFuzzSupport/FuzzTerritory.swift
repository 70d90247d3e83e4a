import Foundation
import MaillageFuzzFormats
import MaillageStore

/// A small territory every input is imported into, as it was built.
///
/// Its zones and actors (`Tests/FuzzCorpus/territory`, shared with the Swift tests that replay
/// the corpus) carry ids that the seed files use: INSEE codes of 01, 09 and 31, the OSRM
/// table's Corrèze codes, FINESS numbers of the SAE files. So population joins, links, matrix
/// rows and emergency sites reach their write paths instead of stopping at "unknown id".
/// It is built once per process, then copied, so that one input's writes never change how
/// another runs (a crash must replay on its own).
public struct FuzzTerritory: Sendable {
    /// The template file, never opened again once built.
    let templatePath: String

    /// `Tests/FuzzCorpus/territory`, found from this file's place in the checkout.
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/FuzzCorpus/territory")

    /// Builds the template in `folder`.
    public init(folder: URL) throws {
        templatePath = folder.appendingPathComponent("template.db").path
        Self.remove(templatePath)
        do {
            try FuzzFormat.buildTerritory(try TerritoryDatabase.create(at: templatePath), from: Self.sources)
        }
        // The connections are closed: SQLite has checkpointed the WAL into the main file.
    }

    /// A fresh copy of the template at `path`, opened.
    public func copy(to path: String) throws -> TerritoryDatabase {
        Self.remove(path)
        try FileManager.default.copyItem(atPath: templatePath, toPath: path)
        if FileManager.default.fileExists(atPath: templatePath + "-wal") {
            try FileManager.default.copyItem(atPath: templatePath + "-wal", toPath: path + "-wal")
        }
        return try TerritoryDatabase.open(at: path)
    }

    /// Removes a database file and its WAL and shared-memory files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
