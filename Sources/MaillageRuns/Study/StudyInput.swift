import MaillageCore
import MaillageStore

/// The territory a study runs on, and the database it came from (nil for CSV files).
public struct StudyInput {
    /// The territory studied.
    public let territory: Territory
    /// Its database, where the run is stored; nil for CSV files.
    public let database: TerritoryDatabase?

    /// A territory and the database it came from.
    public init(territory: Territory, database: TerritoryDatabase?) {
        self.territory = territory
        self.database = database
    }

    /// The territory stored in `database`.
    public init(database: TerritoryDatabase) throws {
        self.init(territory: try database.loadTerritory(), database: database)
    }
}
