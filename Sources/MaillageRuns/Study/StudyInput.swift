import MaillageCore
import MaillageStore

/// The territory a study runs on, and the database it came from (nil for CSV files).
public struct StudyInput {
    public let territory: Territory
    public let database: TerritoryDatabase?

    public init(territory: Territory, database: TerritoryDatabase?) {
        self.territory = territory
        self.database = database
    }

    /// The territory stored in `database`.
    public init(database: TerritoryDatabase) throws {
        self.init(territory: try database.loadTerritory(), database: database)
    }
}
