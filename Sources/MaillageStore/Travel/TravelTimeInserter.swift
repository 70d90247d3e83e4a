import GRDB

/// Adds one matrix's pairs inside a transaction, reusing one prepared statement.
///
/// Made by ``TerritoryWriter/replaceTravelMatrix(_:)``; valid only inside that transaction.
public struct TravelTimeInserter {
    let statement: Statement
    let matrix: String

    /// Stores one pair; returns false, writing nothing, when the pair is already stored.
    public func insert(from origin: TravelEndpoint, to destination: TravelEndpoint, minutes: Double, km: Double?) throws -> Bool {
        do {
            try statement.execute(arguments: [
                matrix, origin.kind.rawValue, origin.id, destination.kind.rawValue, destination.id, minutes, km,
            ])
            return true
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            return false
        }
    }
}
