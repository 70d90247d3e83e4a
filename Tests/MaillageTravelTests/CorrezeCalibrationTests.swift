import Foundation
import GRDB
import MaillageCore
import MaillageGeo
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageTravel

/// The target, measured on Corrèze: fit the line model on 10 % of the real OSRM
/// road pairs, judge it on the other 90 %. The split's seed (13, the number) was
/// fixed before the first run and not changed. Places are the communes' points and
/// populations from `communes_france_population_points.csv` (the matrix's 9-digit ids are
/// the INSEE code followed by 0000), so every pair whose two communes exist is used.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct CorrezeCalibrationTests {
    static func correze(in folder: TemporaryFolder) throws -> TerritoryDatabase {
        let levels = try RefitDefaultsTests.densities()
        let communes = try String(
            contentsOfFile: SharedData.path("communes/communes_france_population_points.csv"), encoding: .utf8)
        var zones: [Zone] = []
        for line in communes.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, f[2] == "19", let population = Double(f[3]), let lat = Double(f[4]),
                let lon = Double(f[5])
            else { continue }
            zones.append(
                try Zone(
                    id: f[0] + "0000", name: f[1], point: GeoPoint(longitude: lon, latitude: lat),
                    population: Population(total: population),
                    densityClass: levels[f[0]]))
        }
        let database = try TerritoryDatabase.create(at: folder.path("correze.db"))
        try database.save(Territory(name: "Corrèze", zones: zones))
        let ids = Set(zones.map(\.id))
        let matrix = try String(
            contentsOfFile: SharedData.path("travel-times/osrm_correze_partial.csv"), encoding: .utf8)
        try database.transaction { writer in
            let (inserter, _) = try writer.replaceTravelMatrix(
                TravelMatrixDefinition(name: "osrm_correze", isDirected: true))
            for line in matrix.split(whereSeparator: \.isNewline).dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard ids.contains(f[0]), ids.contains(f[1]) else { continue }
                try inserter.add(
                    from: .zone(f[0]), to: .zone(f[1]), minutes: Double(f[7])! / 60, km: Double(f[6])! / 1000)
            }
            try inserter.finish()
        }
        return database
    }

    @Test func fittedOnTenPercentMeetsTheTargetOnTheOtherPairs() throws {
        let folder = try TemporaryFolder()
        let database = try Self.correze(in: folder)
        var job = CalibrationJob(matrix: "osrm_correze")
        job.holdout = 0.9
        job.seed = 13
        let report = try job.run(on: database)
        let fitted = try report.stored.parameters.model()

        let samples = try TerritoryPlaces(database.loadTerritory()).samples(of: "osrm_correze", in: database)
        let (training, heldOut) = CalibrationJob.split(samples, holdout: 0.9, seed: 13)
        let near = heldOut.filter { $0.metres <= 50_000 }
        let fittedNear = ErrorSummary(errors: near.map { $0.predicted(by: fitted) - $0.minutes })
        let defaultNear = ErrorSummary(errors: near.map { $0.predicted(by: .calibrated) - $0.minutes })

        let comparison = try TravelComparison(reference: "osrm_correze", against: .line).run(on: database)
        let thirty = try #require(comparison.coverage.first { $0.minutes == 30 })
        print(
            String(
                format:
                    "Corrèze: %d pairs, fit on %d; held-out within 50 km: %d pairs, MAE fitted %.2f (p90 %.2f, bias %.2f), defaults %.2f (p90 %.2f, bias %.2f); population within 30 min of each destination commune: mean gap %.2f points, largest %.2f",
                samples.count, training.count, near.count, fittedNear.mae, fittedNear.p90, fittedNear.bias,
                defaultNear.mae,
                defaultNear.p90, defaultNear.bias, thirty.meanGap ?? .nan, thirty.largestGap ?? .nan))
        print("fitted: \(report.stored.parameters)")
        // The file's pairs between two distinct communes of dep 19 in the commune list
        // (python3 csv on both files, origin != destination): 23,715.
        #expect(samples.count == 23_715)
        #expect(training.count == 2_371)
        // Measured (README): fitted 5.85 min against the defaults' 6.09 within 50 km. The
        // issue's 3-minute target is NOT met by a straight-line model of this form: the fit
        // is already at the floor of its form (scipy's Nelder–Mead on the same split finds
        // 5.85–5.90); guard the measured figure.
        #expect(fittedNear.mae < defaultNear.mae)
        #expect(fittedNear.mae < 6.0)
        // The planner's figure: the share of the population within 30 minutes of each
        // commune moves by 0.82 points on average (target ≤ 2; the largest gap is 6.9).
        #expect((thirty.meanGap ?? .infinity) <= 2)
        // The stored model is the one `--travel line` gets.
        #expect(try StoredLineModel.inForce(in: database).model == fitted)
        #expect(try StoredLineModel.inForce(in: database).record?.version == 1)
    }

    /// The target, through the completed matrix a planner then uses: fitted on the same
    /// 10 % (seed 13), the held-out pairs within 50 km read from the stored matrix.
    @Test func theCompletedMatrixMeetsTheTargetOnTheOtherPairs() throws {
        let folder = try TemporaryFolder()
        let database = try Self.correze(in: folder)
        var job = CalibrationJob(matrix: "osrm_correze")
        job.holdout = 0.9
        job.seed = 13
        job.completion = MatrixCompletion(name: "completed")
        // Long enough for every pair: a pair left out would leave the error unmeasured.
        job.completion?.limitMinutes = 300
        let report = try job.run(on: database)
        let completed = try #require(report.completion)

        let samples = try TerritoryPlaces(database.loadTerritory()).samples(of: "osrm_correze", in: database)
        let (training, heldOut) = CalibrationJob.split(samples, holdout: 0.9, seed: 13)
        let matrix = try #require(try database.travelMatrix(named: "completed"))
        let near = heldOut.filter { $0.metres <= 50_000 }
        let found = near.map { matrix.minutes(from: $0.origin, to: $0.destination) }
        let errors = zip(near, found).compactMap { sample, minutes in minutes.map { $0 - sample.minutes } }
        // Every pair is within the limit.
        #expect(errors.count == near.count)
        let nearError = ErrorSummary(errors: errors)
        // The fit saw the training pairs: the matrix keeps their road times, to the bit.
        for sample in training.prefix(200) {
            #expect(matrix.minutes(from: sample.origin, to: sample.destination) == sample.minutes)
        }
        let comparison = try TravelComparison(reference: "osrm_correze", against: .matrix("completed"))
            .run(on: database)
        let thirty = try #require(comparison.coverage.first { $0.minutes == 30 })
        print(
            String(
                format:
                    "Corrèze completed: %d pairs stored (%d road); held-out within 50 km: %d pairs, "
                    + "MAE %.3f (median %.2f, p90 %.2f, bias %.2f); all held-out MAE %.3f; "
                    + "population within 30 min of each destination commune: mean gap %.2f points, largest %.2f",
                completed.pairs, completed.roadPairs, near.count, nearError.mae, nearError.median, nearError.p90,
                nearError.bias, completed.heldOut.mae, thirty.meanGap ?? .nan, thirty.largestGap ?? .nan))
        // 277 communes of dep 19 in the list: every ordered pair of distinct ones.
        #expect(completed.pairs == 277 * 276)
        #expect(completed.roadPairs == training.count)
        #expect(near.count == 14_340)
        // The targets: MAE ≤ 3 minutes within 50 km, coverage within 2 points.
        #expect(nearError.mae <= 3)
        #expect((thirty.meanGap ?? .infinity) <= 2)
    }
}
