import Foundation
import MaillageRuns
import Testing

/// `maillage locate --json` prints a ``LocationRecord``: the keys and numbers it always printed
/// (the snake-case keys of the former dictionary, optional fields left out when absent).
@Suite struct LocationRecordTests {
    @Test func theRecordPrintsTheKeysTheCommandAlwaysPrinted() throws {
        let json = #"""
            {"model": "mclp", "open": ["zone:Z1"], "objective": 1200, "exact": true, "unreachable_zones": 0,
             "out": "sites.csv", "travel": "line", "direction": "site-to-zone",
             "summary": {"coverage_limit": 20, "covered_population": 1200, "unserved_population": 0,
                         "lowest_decile_access": 0.5, "coverage_share": 0.75},
             "sites": [{"id": "zone:Z1", "status": "new", "population_served": 1200, "population_gained": 300}],
             "indicator": {"name": "coverage_share", "before": 0, "after": 0.75, "change": 0.75}}
            """#
        let record = try JSONDecoder().decode(LocationRecord.self, from: Data(json.utf8))
        #expect(record.summary.meanMinutes == nil && record.sites[0].capacity == nil && record.gain == nil)
        #expect(
            RunJSON.pretty(record) == """
                {
                  "direction" : "site-to-zone",
                  "exact" : true,
                  "indicator" : {
                    "after" : 0.75,
                    "before" : 0,
                    "change" : 0.75,
                    "name" : "coverage_share"
                  },
                  "model" : "mclp",
                  "objective" : 1200,
                  "open" : [
                    "zone:Z1"
                  ],
                  "out" : "sites.csv",
                  "sites" : [
                    {
                      "id" : "zone:Z1",
                      "population_gained" : 300,
                      "population_served" : 1200,
                      "status" : "new"
                    }
                  ],
                  "summary" : {
                    "coverage_limit" : 20,
                    "coverage_share" : 0.75,
                    "covered_population" : 1200,
                    "lowest_decile_access" : 0.5,
                    "unserved_population" : 0
                  },
                  "travel" : "line",
                  "unreachable_zones" : 0
                }
                """)
    }
}
