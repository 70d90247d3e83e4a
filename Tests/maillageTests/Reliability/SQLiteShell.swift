import Foundation

/// The `sqlite3` command-line shell, used as an independent witness of what a database holds.
///
/// The reliability tests judge Maillage's files with SQLite's own tool rather than with the
/// code under test: `PRAGMA integrity_check` and `.sha3sum` (a SHA3 of every row of a table).
enum SQLiteShell {
    /// The tables that make up a territory; a content digest covers exactly these.
    static let territoryTables = [
        "zone", "zone_population", "actor", "actor_capacity", "actor_service", "link", "travel_matrix",
        "travel_endpoint", "travel_row",
    ]

    /// Runs `script` (SQL and dot-commands) against `database` and returns what it prints.
    static func run(_ database: String, _ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-batch", database]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, complaints.isEmpty else {
            throw ShellFailure(message: String(decoding: complaints, as: UTF8.self))
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `PRAGMA integrity_check`'s verdict: `ok` for a sound file.
    static func integrity(_ database: String) throws -> String {
        try run(database, "PRAGMA integrity_check;\n")
    }

    /// One SHA3 per territory table, joined: two files with the same digest hold the same territory.
    static func territoryDigest(_ database: String) throws -> String {
        try run(database, territoryTables.map { ".sha3sum \($0)\n" }.joined())
    }

    /// The first column of each row `sql` selects.
    static func column(_ database: String, _ sql: String) throws -> [String] {
        try run(database, sql + "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    struct ShellFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { "sqlite3 failed: \(message)" }
    }
}
