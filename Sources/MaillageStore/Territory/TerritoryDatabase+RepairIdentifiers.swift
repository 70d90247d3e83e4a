import GRDB
import MaillageCore

/// What ``TerritoryDatabase/repairIdentifiers()`` changed.
public struct IdentifierRepair: Sendable, Equatable {
    /// Ids rewritten in NFC (`old → new`), zones and actors, with every reference to them.
    public var renamed: [String] = []
    /// Ids whose NFC form was already stored: the row in the other form was removed after its
    /// references moved to the NFC one (which keeps its own name, position and figures).
    public var merged: [String] = []
    /// Ids holding invisible characters, which no repair can guess the meaning of.
    public var invisible: [String] = []
}

extension TerritoryDatabase {
    /// Rewrites zone and actor ids stored in another Unicode form than NFC, in one transaction.
    ///
    /// Older versions stored `Cafe` + U+0301 and `Café` as two ids; from then on every command
    /// failed with "given twice". References move with the ids (populations, capacities,
    /// services, links, actors' zones, matrix pairs); where both forms were stored the NFC
    /// row is kept. Ids with invisible characters are listed, not changed.
    public func repairIdentifiers() throws -> IdentifierRepair {
        try write { db in
            db.add(
                function: DatabaseFunction("maillage_nfc", argumentCount: 1, pure: true) { values in
                    String.fromDatabaseValue(values[0]).map(IdentifierText.normalised)
                })
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var repair = IdentifierRepair()
            for (table, type) in [("zone", "zone"), ("actor", "actor")] {
                let pairs = try Row.fetchAll(
                    db, sql: "SELECT id, maillage_nfc(id) AS nfc FROM \(table) WHERE id <> maillage_nfc(id) ORDER BY id"
                )
                .map { (old: $0["id"] as String, new: $0["nfc"] as String) }
                guard !pairs.isEmpty else { continue }
                try db.execute(sql: "DROP TABLE IF EXISTS temp.id_fix")
                try db.execute(sql: "CREATE TEMP TABLE id_fix (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
                for pair in pairs {
                    try db.execute(sql: "INSERT INTO temp.id_fix VALUES (?, ?)", arguments: [pair.old, pair.new])
                }
                let existing = Set(
                    try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id IN (SELECT new FROM temp.id_fix)"))
                let references: [(table: String, column: String, filter: String)] =
                    type == "zone"
                    ? [
                        ("zone_population", "zone_id", ""), ("actor", "zone_id", ""), ("link", "to_zone_id", ""),
                        ("travel_endpoint", "id", "kind = 'zone' AND "),
                    ]
                    : [
                        ("actor_capacity", "actor_id", ""), ("actor_service", "actor_id", ""),
                        ("link", "from_actor_id", ""), ("link", "to_actor_id", ""),
                        ("travel_endpoint", "id", "kind = 'actor' AND "),
                    ]
                for reference in references {
                    // OR IGNORE then DELETE: where the NFC row already has the same entry, it keeps its own.
                    try db.execute(
                        sql: """
                            UPDATE OR IGNORE \(reference.table) SET \(reference.column) = (SELECT new FROM temp.id_fix WHERE old = \(reference.column))
                            WHERE \(reference.filter)\(reference.column) IN (SELECT old FROM temp.id_fix)
                            """)
                    // A matrix's endpoint is numbered in its packed rows: one naming both forms keeps the
                    // old form's number (its pairs then name an id the territory no longer has) rather than
                    // leave rows pointing at a number nobody holds.
                    guard reference.table != "travel_endpoint" else { continue }
                    try db.execute(
                        sql:
                            "DELETE FROM \(reference.table) WHERE \(reference.filter)\(reference.column) IN (SELECT old FROM temp.id_fix)"
                    )
                }
                try db.execute(
                    sql:
                        "UPDATE OR IGNORE \(table) SET id = (SELECT new FROM temp.id_fix WHERE old = id) WHERE id IN (SELECT old FROM temp.id_fix)"
                )
                try db.execute(sql: "DELETE FROM \(table) WHERE id IN (SELECT old FROM temp.id_fix)")
                for pair in pairs {
                    let text =
                        "\(type) \(Self.showingMarks(TextExcerpt.quoted(pair.old))) → \(TextExcerpt.quoted(pair.new))"
                    if existing.contains(pair.new) { repair.merged.append(text) } else { repair.renamed.append(text) }
                }
                try db.execute(sql: "DROP TABLE temp.id_fix")
            }
            for table in ["zone", "actor"] {
                for id in try String.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id")
                where id.unicodeScalars.contains(where: IdentifierText.isHidden) {
                    repair.invisible.append("\(table) \(TextExcerpt.quoted(id))")
                }
            }
            return repair
        }
    }

    /// The text with combining marks written as `\u{301}`, so that two forms that look alike read apart.
    static func showingMarks(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar.properties.canonicalCombiningClass == .notReordered
                ? String(scalar) : "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }.joined()
    }
}
