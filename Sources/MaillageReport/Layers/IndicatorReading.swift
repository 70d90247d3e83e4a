import Foundation
import MaillageCore
import MaillageRuns
import MaillageStore

/// How a stored indicator run reads on a map: which column, its title and unit, what to outline.
///
/// The run's method and parameters (the `StudyParameters` `maillage access` stores) decide the wording; an
/// unknown method still gets a map of its first value column, titled by its name.
public struct IndicatorReading: Sendable {
    /// The stored run as read from the database: header, parameters, per-zone values.
    public let run: IndicatorRun
    /// The parameters the study recorded.
    public let parameters: StudyParameters
    /// Territory-wide figures stored with the run (coverage share, counts).
    public let summary: [String: Double]
    /// The value column drawn.
    public let column: String?

    /// Columns that flag zones rather than measure them; never drawn as the indicator.
    static let flagColumns: Set<String> = ["covered", "catchment_beyond_loaded_sites"]

    /// Reads a run's parameters and summary and picks the column to draw (`minutes`, the method, else the first).
    public init(run: IndicatorRun) {
        self.run = run
        parameters = StudyParameters(json: run.parameters)
        summary = (try? JSONDecoder().decode([String: Double].self, from: Data((run.summary ?? "{}").utf8))) ?? [:]
        let names = Set(run.values.flatMap { $0.numbers.keys })
        column =
            ["minutes", run.method].first(where: names.contains)
            ?? names.subtracting(Self.flagColumns).sorted().first
    }

    /// The coverage threshold in minutes, for coverage runs.
    public var threshold: Double? {
        guard run.method == "coverage" else { return nil }
        return summary["threshold_minutes"] ?? parameters.limitMinutes
    }

    /// The sites the run measured access to, from its recorded `kind` and `service`, to mark on the map.
    public var sites: SiteSelection {
        let kinds = (parameters.kind ?? "").split(separator: ",").compactMap { ActorKind(rawValue: String($0)) }
        let services = (parameters.service ?? "").split(separator: ",").map(String.init)
        return SiteSelection(kinds: Set(kinds), services: Set(services))
    }

    /// The run as a map layer.
    public func layer() -> ZoneLayer {
        var values: [String: Double] = [:]
        var beyond: Set<String> = []
        for zone in run.values {
            if let column, let value = zone.numbers[column] { values[zone.zoneID] = value ?? .nan }
            if threshold != nil, zone.numbers["covered"] == .some(0) { beyond.insert(zone.zoneID) }
        }
        return ZoneLayer(
            title: title, unit: unit, values: values, highlighted: beyond,
            highlightLabel: threshold.map { "beyond \(DisplayNumber.auto($0)) min" }, threshold: threshold, sites: sites
        )
    }

    /// The sites in words (`emergency departments`, `GP practices`).
    public var sitesText: String {
        let selection = sites
        if selection.kinds == [.hospital], selection.services == ["emergency"] { return "emergency department" }
        let kinds = selection.kinds.map(ActorLabel.plural).sorted().joined(separator: " or ")
        let services = selection.services.sorted().joined(separator: " or ")
        return services.isEmpty ? kinds : "\(kinds) offering \(services)"
    }

    /// The map's title in words, from the method and the sites (`Minutes to the nearest GP practice`).
    public var title: String {
        switch run.method {
        case "nearest", "coverage": "Minutes to the nearest \(sitesText)"
        case "2sfca", "e2sfca", "3sfca": "\(run.method.uppercased()) accessibility to \(sitesText)"
        case "gravity": "Gravity accessibility to \(sitesText)"
        default: "\(run.method) (\(column ?? "no value"))"
        }
    }

    /// The legend's unit, from the method, travel source and capacity measure the run recorded.
    public var unit: String {
        switch run.method {
        case "nearest", "coverage":
            return parameters.travel == "matrix" ? "minutes (travel matrix)" : "minutes (straight-line road model)"
        case "2sfca", "e2sfca", "3sfca", "gravity":
            let capacity = parameters.capacity.flatMap { $0.isEmpty ? nil : $0 } ?? defaultCapacity
            let people = parameters.demand == "age-weighted" ? "age-weighted inhabitants" : "inhabitants"
            if parameters.isNormalized { return "index (territory average = 1)" }
            let per = parameters.perInhabitants.map { "per \(DisplayNumber.format($0, decimals: 0)) \(people)" }
            return [capacity, per ?? "per \(people.dropLast())"].joined(separator: " ")
        default:
            return column ?? ""
        }
    }

    /// The capacity `maillage access` uses when none is given, by the first site kind.
    private var defaultCapacity: String {
        switch sites.kinds.sorted(by: { $0.rawValue < $1.rawValue }).first {
        case .gp, .msp, .healthCentre, .specialist: "FTE"
        case .hospital: "beds"
        case .ssiad, .had, .ehpad: "places"
        default: "capacity"
        }
    }
}
