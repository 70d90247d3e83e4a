import Foundation
import MaillageCore
import MaillageScenario
import MaillageSim
import MaillageTestSupport
import Testing

/// A per-site fit recovers an emergency choice it did not see. One town and four departments
/// 0, 3.8, 7.6 and 11.5 km east of it (so that the minutes scale sets their shares); the
/// observed visits are the model's own with `minutes_scale` 8 (same seed, days and sample:
/// common random numbers make 8 an exact fit), and the search starts from 20.
@Suite struct ChoiceRecoveryTests {
    let folder = try! TemporaryFolder()

    func territory() throws -> Territory {
        let zone = try Zone(
            id: "Z1", name: "Z1", point: GeoPoint(longitude: 2.35, latitude: 46.6),
            population: Population(total: 40_000), densityClass: .intermediate)
        let gp = try Actor(
            id: "g1", kind: .gp, name: "g1", point: zone.point, zoneID: "Z1",
            capacities: [Capacity(.consultationsPerDay, 2_000), Capacity(.listSize, 60_000)])
        let departments = try [2.35, 2.40, 2.45, 2.50].enumerated().map { index, longitude in
            try Actor(
                id: "ed\(index)", kind: .hospital, name: "ed\(index)",
                point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: "Z1",
                capacities: [Capacity(.beds, 500)], services: ["emergency"])
        }
        return try Territory(name: "recovery", zones: [zone], actors: [gp] + departments)
    }

    @Test func thePerSiteFitFindsTheMinutesScale() throws {
        let base = try ParameterFile.apply(["emergency": ["choice": ["minutes_scale": 20]]])
        let model = SensitivityModel(
            territory: try territory(), base: base, days: 90, seed: 4, replications: 1, sample: 1)
        let truth = try model.evaluateWithSites(["emergency.choice.minutes_scale": 8]).sites
        #expect(truth.count == 4 && truth[0].visits > 2 * truth[3].visits, "\(truth)")
        let observed = ObservedTable(
            rows: truth.map {
                .init(scope: "actor", subject: $0.actorID, series: "PASSU", year: 2018, value: $0.visits)
            },
            population: 40_000)
        let path = try folder.write(
            "recover.yaml",
            """
            parameters:
              - {name: emergency.choice.minutes_scale, range: [2, 30]}
            targets:
              - {name: site_visits, indicator: site_emergency_visits, series: PASSU, per_site: true, error: log}
            fit_year: 2018
            simulation: {days: 90, seed: 4, replications: 1, sample: 1}
            max_evaluations: 25
            """)
        let spec = try CalibrationSpec.load(path).expandingPerSiteTargets(
            observed: observed, territory: try territory())
        let result = try Calibration.run(spec, model: model, observed: observed)
        let fitted = try #require(result.fittedOverrides["emergency.choice.minutes_scale"])
        #expect(abs(fitted - 8) < 0.5, "fitted \(fitted) min after \(result.history.count) evaluations")
    }
}
