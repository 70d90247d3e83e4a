import MaillageCore
import MaillageFormats
import MaillageStore

/// The actors an import has read but not yet written, checked and written a batch at a time.
///
/// Row by row, an actors import asked the database three questions per actor (was the id on
/// an earlier line, does the zone exist, is the actor stored) and wrote it in about eight
/// statements. Here a batch of ``ActorUpserter/batchSize`` rows asks each question once and
/// is written by an ``ActorUpserter``. The errors stay those of a row-by-row import, in
/// file order: before an error found on reading a row (a bad value, an id repeated in the
/// batch), ``check()`` reports any error of the earlier rows still waiting.
final class ActorRowBatch {
    private struct Row {
        let actor: Actor
        let line: Int
    }

    private let file: String
    private let writer: TerritoryWriter
    private let ledger: RowLedger
    private let upserter: ActorUpserter
    private var rows: [Row] = []
    /// The lines of the ids waiting, to refuse an id repeated within the batch at once.
    private var lines: [String: Int] = [:]

    init(file: String, writer: TerritoryWriter, ledger: RowLedger) {
        self.file = file
        self.writer = writer
        self.ledger = ledger
        upserter = writer.actorUpserter()
        rows.reserveCapacity(ActorUpserter.batchSize)
    }

    /// Actors added and replaced (after ``finish()``).
    var inserted: Int { upserter.inserted }
    var updated: Int { upserter.updated }

    /// Adds the actor read on `line`; the batch is checked and written when full.
    func add(_ actor: Actor, line: Int) throws {
        if let first = lines[actor.id] {
            try check()
            throw duplicate(actor.id, line: line, first: first)
        }
        rows.append(Row(actor: actor, line: line))
        lines[actor.id] = line
        if rows.count == ActorUpserter.batchSize { try flush() }
    }

    /// Writes the rows still waiting; the import's counts are then complete.
    func finish() throws {
        try flush()
        try upserter.finish()
    }

    /// Throws the error of the first waiting row whose id an earlier batch had, or whose zone
    /// the database does not have; does nothing when they are all right.
    func check() throws {
        guard !rows.isEmpty else { return }
        let earlier = try ledger.lines(of: rows.map(\.actor.id))
        let zones = try writer.existingZoneIDs(among: Set(rows.compactMap(\.actor.zoneID)))
        for row in rows {
            if let first = earlier[row.actor.id] { throw duplicate(row.actor.id, line: row.line, first: first) }
            if let zone = row.actor.zoneID, !zones.contains(zone) {
                throw ImportError(
                    file: file, line: row.line, field: "zone_id", value: zone,
                    expected: "the id of a zone already in the database (import zones first)")
            }
        }
    }

    private func flush() throws {
        guard !rows.isEmpty else { return }
        try check()
        try ledger.record(rows.map { (id: $0.actor.id, line: $0.line, point: $0.actor.point) })
        for row in rows { try upserter.upsert(row.actor) }
        rows.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    private func duplicate(_ id: String, line: Int, first: Int) -> ImportError {
        ImportError(file: file, line: line, field: "id", value: id, expected: "a unique id; line \(first) has the same")
    }
}
