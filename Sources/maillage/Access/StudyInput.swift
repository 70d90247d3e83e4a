import MaillageCore
import MaillageStore

/// The territory a study runs on, and the database it came from (nil for CSV files).
struct StudyInput {
    let territory: Territory
    let database: TerritoryDatabase?

    init(territory: Territory, database: TerritoryDatabase?) {
        self.territory = territory
        self.database = database
    }

    init(database: TerritoryDatabase) throws {
        self.init(territory: try database.loadTerritory(), database: database)
    }
}
