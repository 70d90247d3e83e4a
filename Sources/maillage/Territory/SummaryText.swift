import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// How `info` shows a territory summary, as a table for people or JSON for scripts.
enum SummaryText {
    static func table(_ s: TerritorySummary, path: String) -> String {
        var lines = ["Territory \"\(s.name)\" (\(path))"]
        lines.append("  zones       \(grouped(Double(s.zones)))")
        lines.append("  population  \(grouped(s.population))")
        lines.append("  actors      \(grouped(Double(s.actors)))")
        for kind in ActorKind.allCases {
            if let count = s.actorsByKind[kind.rawValue] {
                lines.append(
                    "    \(kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))\(grouped(Double(count)))")
            }
        }
        lines.append("  links       \(grouped(Double(s.links)))")
        for kind in LinkKind.allCases {
            if let count = s.linksByKind[kind.rawValue] {
                lines.append(
                    "    \(kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))\(grouped(Double(count)))")
            }
        }
        lines.append("  travel times \(grouped(Double(s.travelTimes)))")
        if let box = s.boundingBox {
            lines.append(
                String(
                    format: "  extent      lon %.4f … %.4f, lat %.4f … %.4f",
                    box.minLongitude, box.maxLongitude, box.minLatitude, box.maxLatitude))
        }
        if let crs = s.sourceCRS { lines.append("  source CRS  \(crs)") }
        lines.append("  schema      version \(s.schemaVersion) (\(s.migrations.joined(separator: ", ")))")
        lines.append("  made by     Maillage \(s.maillageVersion ?? "?") on \(s.createdAt ?? "?")")
        return lines.joined(separator: "\n")
    }

    /// How many runs of each kind the table lists one by one: the newest, since a territory
    /// studied for months holds hundreds; `--json` lists them all.
    static let runsListed = 5

    /// The stored runs: a count per kind, then the newest few of each kind, one a line.
    static func runs(_ headers: [StoredRunHeader]) -> String {
        let counts = StoredRunHeader.Kind.allCases.map { kind in
            "\(headers.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        var lines = ["  runs        " + counts.joined(separator: ", ")]
        for kind in StoredRunHeader.Kind.allCases {
            let ofKind = headers.filter { $0.kind == kind }
            if ofKind.count > runsListed {
                lines.append("    … \(ofKind.count - runsListed) older \(kind.rawValue) runs")
            }
            for header in ofKind.suffix(runsListed) {
                let label = header.name.map { " \($0)" } ?? ""
                lines.append("    \(kind.rawValue) #\(header.id)\(label), \(header.createdAt)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(
        _ summary: TerritorySummary, path: String, lineModel: (any Encodable)? = nil, runs: [StoredRunHeader] = []
    ) throws -> String {
        struct Document: Encodable {
            let path: String
            let summary: TerritorySummary
            let lineModel: (any Encodable)?
            let runs: [StoredRunHeader]
            func encode(to encoder: any Encoder) throws {
                try summary.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(path, forKey: Key(stringValue: "path")!)
                if let lineModel { try container.encode(lineModel, forKey: Key(stringValue: "line_model")!) }
                try container.encode(runs, forKey: Key(stringValue: "runs")!)
            }
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init?(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }
        return try JSONText.report(Document(path: path, summary: summary, lineModel: lineModel, runs: runs))
    }

    /// 68000000 → "68,000,000"; fractional counts keep one decimal.
    static func grouped(_ value: Double) -> String {
        let whole = value.rounded()
        let digits = String(Int64(whole).magnitude)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        let sign = whole < 0 ? "-" : ""
        let text = sign + String(out.reversed())
        return abs(value - whole) > 1e-9 ? text + String(format: " (%.1f)", value) : text
    }
}
