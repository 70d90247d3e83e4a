import GRDB
import MaillageCore

extension TerritoryWriter {
    /// The services stored for an actor, sorted; empty when it has none or does not exist.
    ///
    /// Importers that replace an actor read them first, so that services another source set
    /// (an emergency file, say) survive a re-import.
    public func services(of actorID: String) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT service FROM actor_service WHERE actor_id = ? ORDER BY service"),
            arguments: [actorID]
        )
    }

    /// The capacities stored for an actor, ordered by measure.
    public func capacities(of actorID: String) throws -> [Capacity] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT measure, value, estimated FROM actor_capacity WHERE actor_id = ? ORDER BY measure"),
            arguments: [actorID]
        ).map { row in
            try Capacity(CapacityMeasure.parse(row["measure"]), row["value"], isEstimated: row["estimated"])
        }
    }
}
