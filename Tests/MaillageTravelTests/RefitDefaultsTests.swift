import Foundation
import MaillageCore
import MaillageGeo
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageTravel

/// Refits the line model on every public road sample in `../shared/data` and prints what
/// the README quotes: Corrèze commune pairs (OSRM, both directions as given) and the
/// 34,838 communes → Paris routes (OSRM; Paris is the point of FR_75056, whose time is 0).
///
/// The Paris file has each commune's population and area: its density level is approximated
/// from inhabitants per km² (≥ 1,500 dense, ≥ 300 intermediate, ≥ 25 sparse, else very
/// sparse; INSEE's grid works on 1 km² cells, so this is only a stand-in); Corrèze's
/// communes get theirs from the same file. Half the pool (seed 13) fits, the other half judges.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct RefitDefaultsTests {
    static func density(population: Double, km2: Double) -> DensityClass {
        let perKm2 = population / max(km2, 1e-6)
        return perKm2 >= 1500 ? .dense : perKm2 >= 300 ? .intermediate : perKm2 >= 25 ? .sparse : .verySparse
    }

    /// Density levels of every French commune by INSEE code, from the Paris file's population and area.
    static func densities() throws -> [String: DensityClass] {
        var levels: [String: DensityClass] = [:]
        let routes = try String(
            contentsOfFile: SharedData.path("travel-times/osrm_communes_to_paris.csv"), encoding: .utf8)
        for line in routes.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "\"", with: "")
            }
            guard let population = Double(f[1]), let area = Double(f[2]) else { continue }
            levels[String(f[0].dropFirst(3))] = density(population: population, km2: area)
        }
        return levels
    }

    static func samples() throws -> (correze: [RoadSample], paris: [RoadSample]) {
        let levels = try densities()
        var points: [String: GeoPoint] = [:]
        let communes = try String(
            contentsOfFile: SharedData.path("communes/communes_france_population_points.csv"), encoding: .utf8)
        for line in communes.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, f[2] == "19", let lat = Double(f[4]), let lon = Double(f[5]) else { continue }
            points[f[0] + "0000"] = try GeoPoint(longitude: lon, latitude: lat)
        }
        var correze: [RoadSample] = []
        let matrix = try String(
            contentsOfFile: SharedData.path("travel-times/osrm_correze_partial.csv"), encoding: .utf8)
        for line in matrix.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[0] != f[1], let a = points[f[0]], let b = points[f[1]] else { continue }
            correze.append(
                RoadSample(
                    origin: .zone(f[0]), destination: .zone(f[1]), metres: Geodesic.wgs84.distance(from: a, to: b),
                    minutes: Double(f[7])! / 60, roadKm: Double(f[6])! / 1000,
                    originDensity: levels[String(f[0].prefix(5))], destinationDensity: levels[String(f[1].prefix(5))]))
        }
        var paris: [RoadSample] = []
        let parisPoint = try GeoPoint(longitude: 2.34271592145243, latitude: 48.8565828421261)
        let routes = try String(
            contentsOfFile: SharedData.path("travel-times/osrm_communes_to_paris.csv"), encoding: .utf8)
        for line in routes.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "\"", with: "")
            }
            guard f[0] != "FR_75056", let population = Double(f[1]), let area = Double(f[2]), let lon = Double(f[3]),
                let lat = Double(f[4]),
                let seconds = Double(f[5])
            else { continue }
            let point = try GeoPoint(longitude: lon, latitude: lat)
            paris.append(
                RoadSample(
                    origin: .zone(f[0]), destination: .zone("FR_75056"),
                    metres: Geodesic.wgs84.distance(from: point, to: parisPoint),
                    minutes: seconds / 60, roadKm: nil, originDensity: density(population: population, km2: area),
                    destinationDensity: .dense))
        }
        return (correze, paris)
    }

    static func withoutDensity(_ samples: [RoadSample]) -> [RoadSample] {
        samples.map {
            RoadSample(
                origin: $0.origin, destination: $0.destination, metres: $0.metres, minutes: $0.minutes,
                roadKm: $0.roadKm,
                originDensity: nil, destinationDensity: nil)
        }
    }

    @Test func refitOnEveryPublicRoadSample() throws {
        let (correze, paris) = try Self.samples()
        #expect(paris.count == 34_837)
        let (training, heldOut) = CalibrationJob.split(correze + paris, holdout: 0.5, seed: 13)
        let withDensity = try LineModelFit.fit(training)
        let noDensity = try LineModelFit.fit(Self.withoutDensity(training))
        func report(_ name: String, _ set: [RoadSample]) -> String {
            func mae(_ model: StraightLineModel, _ samples: [RoadSample]) -> String {
                String(format: "%.2f", ErrorSummary(errors: samples.map { $0.predicted(by: model) - $0.minutes }).mae)
            }
            return
                "| \(name) | \(set.count) | \(mae(.calibrated, set)) | \(mae(withDensity, set)) | \(mae(noDensity, Self.withoutDensity(set))) |"
        }
        let heldCorreze = heldOut.filter { !$0.origin.id.hasPrefix("FR_") }
        let heldParis = heldOut.filter { $0.origin.id.hasPrefix("FR_") }
        let idf = heldParis.filter { $0.minutes >= 10 && $0.minutes <= 60 }
        print(
            """
            refit with density: \(withDensity)
            refit without density: \(noDensity)
            | held-out pairs | n | defaults MAE | refit with density MAE | refit without density MAE |
            |---|---|---|---|---|
            \(report("all", heldOut))
            \(report("Corrèze", heldCorreze))
            \(report("Corrèze ≤ 50 km", heldCorreze.filter { $0.metres <= 50_000 }))
            \(report("to Paris", heldParis))
            \(report("to Paris, 10–60 min", idf))
            """)
        // The refit does better than the defaults on the held-out half it never saw.
        let refitError = ErrorSummary(errors: heldOut.map { $0.predicted(by: withDensity) - $0.minutes }).mae
        let defaultError = ErrorSummary(errors: heldOut.map { $0.predicted(by: .calibrated) - $0.minutes }).mae
        #expect(refitError < defaultError)
    }
}
