import Foundation
import MaillageTestSupport

@testable import MaillageAccess

/// `../shared/reference/fixtures/accessibility-random`: 400 zones, 60 sites, a symmetric
/// time list, and what PySAL `access` 1.1.10 computed on it (`expected.csv`).
///
/// The files are read here with plain string splitting, independently of Maillage's importers.
struct ReferenceFixture {
    static let folder = SharedData.shared.appendingPathComponent("reference/fixtures/accessibility-random")

    var zoneIDs: [String] = []
    var population: [Double] = []
    var siteIDs: [String] = []
    var capacity: [Double] = []
    var pairs: [CatchmentGraph.Pair] = []
    /// method → zone id → value (nil = NaN, an empty cell).
    var expected: [String: [String: Double?]] = [:]

    init() throws {
        for fields in try Self.rows("zones.csv") {
            zoneIDs.append(fields[0])
            population.append(Double(fields[1])!)
        }
        for fields in try Self.rows("sites.csv") {
            siteIDs.append(fields[0])
            capacity.append(Double(fields[1])!)
        }
        let zoneIndex = Dictionary(uniqueKeysWithValues: zoneIDs.enumerated().map { ($1, $0) })
        let siteIndex = Dictionary(uniqueKeysWithValues: siteIDs.enumerated().map { ($1, $0) })
        for fields in try Self.rows("times.csv") {
            pairs.append(
                CatchmentGraph.Pair(
                    zone: zoneIndex[fields[0]]!, site: siteIndex[fields[1]]!, minutes: Double(fields[2])!))
        }
        for line in try Self.lines("expected.csv").dropFirst() {
            // The method may be quoted (it contains commas); zone and value never are.
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let value = parts[parts.count - 1]
            let zone = parts[parts.count - 2]
            let method = parts[0..<(parts.count - 2)].joined(separator: ",").trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            expected[method, default: [:]][zone] = value.isEmpty ? Optional<Double>.none : Double(value)!
        }
    }

    var graph: CatchmentGraph { CatchmentGraph(zoneCount: zoneIDs.count, siteCount: siteIDs.count, symmetric: pairs) }

    private static func lines(_ name: String) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
    }

    private static func rows(_ name: String) throws -> [[String]] {
        try lines(name).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
