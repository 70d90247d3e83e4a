import Foundation
import MaillageCore
import MaillageStore

/// What the territory holds and where it comes from.
struct TerritorySection: ReportSection {
    let summary: TerritorySummary
    let origin: String?
    let databaseName: String

    var anchor: String { "territory" }
    var heading: String { "Territory" }

    func body() throws -> String {
        "<div class=\"columns\">" + contents().html() + provenance().html() + "</div>\n" + actorKinds().html() + "\n"
    }

    private func contents() -> HTMLTable {
        var rows: [[String]] = [
            ["Zones", DisplayNumber.count(summary.zones)],
            ["Population", DisplayNumber.format(summary.population, decimals: 0)],
            ["Actors", DisplayNumber.count(summary.actors)],
        ]
        rows.append(["Links", DisplayNumber.count(summary.links)])
        rows.append(["Travel times", DisplayNumber.count(summary.travelTimes)])
        return HTMLTable(caption: "Contents", header: [], rows: rows, numericColumns: [1])
    }

    /// Actor counts, most numerous kind first, as one row under the kinds' names.
    private func actorKinds() -> HTMLTable {
        let kinds = summary.actorsByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        return HTMLTable(
            caption: "Actors by kind", header: kinds.map { $0.key.replacingOccurrences(of: "_", with: " ") },
            rows: [kinds.map { DisplayNumber.count($0.value) }], numericColumns: Set(kinds.indices)
        )
    }

    private func provenance() -> HTMLTable {
        var rows: [[String]] = [["Name", summary.name], ["File", databaseName]]
        if let origin {
            rows.append(["Made by", origin])
            if let seed = Self.seed(in: origin) { rows.append(["Seed", seed]) }
        }
        rows.append(["Created", summary.createdAt ?? "unknown"])
        rows.append(["Maillage version", summary.maillageVersion ?? "unknown"])
        rows.append(["Schema version", "\(summary.schemaVersion)"])
        if let crs = summary.sourceCRS { rows.append(["Source CRS", crs]) }
        if let box = summary.boundingBox {
            rows.append([
                "Extent (WGS84)",
                "lon \(DisplayNumber.format(box.minLongitude, decimals: 3)) to \(DisplayNumber.format(box.maxLongitude, decimals: 3)), "
                    + "lat \(DisplayNumber.format(box.minLatitude, decimals: 3)) to \(DisplayNumber.format(box.maxLatitude, decimals: 3))",
            ])
        }
        return HTMLTable(caption: "Provenance", header: [], rows: rows)
    }

    /// The value after `--seed` in a command line, when there is one.
    static func seed(in origin: String) -> String? {
        let words = origin.split(separator: " ")
        guard let index = words.firstIndex(of: "--seed"), index + 1 < words.count else { return nil }
        return String(words[index + 1])
    }
}
