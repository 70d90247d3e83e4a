import Foundation

/// What an import did: rows read, written, and skipped with the reason for each.
public struct ImportReport: Sendable, Codable, Equatable {
    /// The file imported, as given.
    public var file: String
    /// What was imported (`finess`, `actors`, `zones`, …).
    public var kind: String
    /// Data rows read, header excluded.
    public var rowsRead = 0
    /// Records written that were not in the database.
    public var inserted = 0
    /// Records already in the database (same id) that the file replaced or completed.
    public var updated = 0
    /// Skipped rows counted by reason.
    public var skipped: [String: Int] = [:]
    /// The first few skipped rows of each reason, as "line N: detail".
    public var skippedExamples: [String: [String]] = [:]
    /// Things worth a look that did not stop the import (a point far from the others, say).
    public var warnings: [String] = []
    /// Wall-clock time the import took, in seconds.
    public var seconds = 0.0

    /// An empty report for a file and what it imports.
    public init(file: String, kind: String) {
        self.file = file
        self.kind = kind
    }

    /// How many example lines are kept per skip reason.
    static let examplesPerReason = 5

    /// Rows skipped, every reason together.
    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// Counts a row as written.
    package mutating func record(_ outcome: UpsertOutcomeLike) {
        if outcome.isInsert { inserted += 1 } else { updated += 1 }
    }

    /// Counts a row as skipped, keeping the first examples of each reason.
    public mutating func skip(_ reason: String, line: Int?, detail: String = "") {
        skipped[reason, default: 0] += 1
        if skippedExamples[reason, default: []].count < Self.examplesPerReason {
            let place = line.map { "line \($0)" } ?? "?"
            skippedExamples[reason, default: []].append(detail.isEmpty ? place : "\(place): \(detail)")
        }
    }

    /// A few lines for the terminal.
    public var summary: String {
        var lines = [
            "Imported \(kind) from \(file): \(rowsRead) rows read, \(inserted) added, \(updated) updated, "
                + "\(skippedCount) skipped (\(String(format: "%.2f", seconds)) s)"
        ]
        for reason in skipped.keys.sorted() {
            let examples = skippedExamples[reason, default: []].joined(separator: "; ")
            lines.append(
                "  skipped \(skipped[reason]!): \(reason)\(examples.isEmpty ? "" : " (\(examples)\(skipped[reason]! > Self.examplesPerReason ? "; …" : ""))")"
            )
        }
        for warning in warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}

/// Anything that says whether a write inserted or updated (the store's ``UpsertOutcome``).
package protocol UpsertOutcomeLike {
    var isInsert: Bool { get }
}
