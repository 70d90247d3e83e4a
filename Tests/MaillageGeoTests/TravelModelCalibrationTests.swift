import Foundation
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageGeo

/// The straight-line model against 9,045 real OSRM road times between Corrèze communes.
///
/// The file is read with plain string splitting; pairs are kept when both ends have
/// coordinates (only origins carry them) and are distinct. Prints the error table the README quotes.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct TravelModelCalibrationTests {
    @Test func calibratedModelFitsOSRMRoadTimes() throws {
        let text = try String(contentsOfFile: SharedData.path("travel-times/osrm_correze_partial.csv"), encoding: .utf8)
        var rows: [(origin: String, destination: String, seconds: Double)] = []
        var positions: [String: GeoPoint] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            positions[f[0]] = try GeoPoint(longitude: Double(f[5])!, latitude: Double(f[4])!)
            rows.append((f[0], f[1], Double(f[7])!))
        }
        let model = StraightLineModel.calibrated
        var errorsByBand: [Int: [Double]] = [:]
        var all: [Double] = []
        let bands = [0, 5, 10, 20, 40, 80]
        for row in rows where row.origin != row.destination {
            guard let a = positions[row.origin], let b = positions[row.destination] else { continue }
            let metres = Geodesic.wgs84.distance(from: a, to: b)
            let error = abs(model.minutes(metres: metres) - row.seconds / 60)
            let band = bands.last { Double($0) <= metres / 1000 }!
            errorsByBand[band, default: []].append(error)
            all.append(error)
        }
        func quantile(_ values: [Double], _ q: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
        }
        var table = "| distance (km) | pairs | median error (min) | p90 error (min) |\n|---|---|---|---|\n"
        for band in bands {
            guard let errors = errorsByBand[band] else { continue }
            let upper = bands.first { $0 > band }.map(String.init) ?? "…"
            table +=
                "| \(band)–\(upper) | \(errors.count) | \(String(format: "%.1f", quantile(errors, 0.5))) | \(String(format: "%.1f", quantile(errors, 0.9))) |\n"
        }
        table +=
            "| all | \(all.count) | \(String(format: "%.1f", quantile(all, 0.5))) | \(String(format: "%.1f", quantile(all, 0.9))) |"
        print(table)
        // python3 on the raw file: 9,045 rows whose destination is also an origin, origin ≠ destination.
        #expect(all.count == 9045)
        #expect(quantile(all, 0.5) < 5.5)
        #expect(quantile(all, 0.9) < 16)
    }
}
