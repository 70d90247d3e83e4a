import Foundation
import MaillageCore
import MaillageStore
import Testing

@testable import MaillageTravel

/// The local road model against numpy's (`scripts/calibration/local_model_fixture.py`, an
/// independent implementation of the same fit and smoothing): the same minutes on pairs the
/// training trips did not give.
@Suite struct LocalRoadModelTests {
    struct Fixture: Decodable {
        struct Place: Decodable {
            let id: String
            let lat: Double
            let lon: Double
        }
        struct Pair: Decodable {
            let origin: String
            let destination: String
            let minutes: Double
        }
        let places: [Place]
        let training: [Pair]
        let expected: [Pair]
        let road: [Pair]
    }

    static func fixture() throws -> Fixture {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/local-road-model/reference.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: path))
    }

    /// The fixture, its places' points, and the model fitted on its training trips.
    static func fitted() throws -> (Fixture, [String: GeoPoint], LocalRoadModel) {
        let fixture = try Self.fixture()
        var points: [String: GeoPoint] = [:]
        for place in fixture.places { points[place.id] = try GeoPoint(longitude: place.lon, latitude: place.lat) }
        let model = LocalRoadModel.fit(
            fixture.training.map {
                LocalRoadModel.Trip(
                    origin: .zone($0.origin), originPoint: points[$0.origin]!, destination: .zone($0.destination),
                    destinationPoint: points[$0.destination]!, minutes: $0.minutes)
            })
        return (fixture, points, model)
    }

    @Test func theMinutesAreNumpys() throws {
        let (fixture, points, model) = try Self.fitted()
        #expect(fixture.expected.count == 60)
        var largest = 0.0
        for pair in fixture.expected {
            let minutes = model.minutes(
                from: model.terms(of: .zone(pair.origin), at: points[pair.origin]!),
                to: model.terms(of: .zone(pair.destination), at: points[pair.destination]!))
            largest = max(largest, abs(minutes - pair.minutes))
        }
        // The same arithmetic in the same order; the kernel's cut at six bandwidths is the only
        // difference (weights under e⁻¹⁸).
        print("local road model against numpy: largest difference \(largest) min")
        #expect(largest < 1e-6, "largest difference \(largest) min")
    }

    @Test func aPlaceTheFitDidNotSeeTakesItsNeighboursTermsAndFarFromAllNone() throws {
        let (_, points, model) = try Self.fitted()
        // An actor standing exactly on P0 is not P0: its terms are the fitted places' leaving
        // minutes weighted by exp(−d² / 2h²), h = 4 km, over the weights plus 0.5 (the documented
        // rule, summed here by hand over the fitted places), not P0's own.
        let own = model.terms(of: .zone("P0"), at: points["P0"]!)
        let near = model.terms(of: .actor("site"), at: points["P0"]!)
        var (weights, sum) = (0.0, 0.0)
        for place in model.known {
            let d = place.home - own.home
            let w = exp(-(d.x * d.x + d.y * d.y) / (2 * 4 * 4))
            (weights, sum) = (weights + w, sum + w * place.leaving)
        }
        #expect(near.home == own.home && near.leaving != own.leaving)
        #expect(abs(near.leaving - sum / (weights + 0.5)) < 1e-12)
        // 500 km away no place is near: no offsets, the real point.
        let far = model.terms(of: .actor("far"), at: try GeoPoint(longitude: 8, latitude: 45.2))
        #expect(far.leaving == 0 && far.arriving == 0 && far.learnt == far.home)
    }
}
