import Foundation
import MaillageCore
import MaillageStore

/// One accessibility run: its map, the distribution across zones, its figures and provenance.
struct IndicatorSection: ReportSection {
    let header: IndicatorRunHeader
    let reading: IndicatorReading
    let territory: ProjectedTerritory

    var anchor: String { "run-\(header.id)" }
    var heading: String { "Run \(header.id): \(reading.title)" }

    func body() throws -> String {
        let layer = reading.layer()
        let map = ChoroplethMap(territory: territory, layer: layer, idPrefix: anchor)
        let values = territory.zones.map { layer.value(of: $0.zone.id) }
        var html = keyFigure().map { "<p class=\"key-figure\">\($0)</p>\n" } ?? ""
        html += map.svg() + "\n"
        html += "<h3>Distribution across zones</h3>\n"
        html +=
            Histogram(values: values, classes: map.classes, unit: layer.unit, threshold: layer.threshold).svg() + "\n"
        html +=
            "<div class=\"columns\">" + figures(layer: layer, values: values).html() + provenance().html() + "</div>\n"
        html += equity(layer: layer)
        return html
    }

    /// Gini, Theil, Palma, the Lorenz curve and the local Moran clusters of the value drawn.
    private func equity(layer: ZoneLayer) -> String {
        let (view, reason) = EquityView.make(
            territory: territory, values: layer.values, idPrefix: anchor + "-equity",
            highIsBad: reading.column == "minutes")
        if let view { return view.html() }
        return "<p class=\"note\">Equity measures left out: \(HTMLText.escape(reason ?? ""))</p>\n"
    }

    /// The sentence a planner quotes: the coverage share, for coverage runs.
    private func keyFigure() -> String? {
        guard let share = reading.summary["coverage_share"], let threshold = reading.threshold else { return nil }
        let population = reading.summary["population"] ?? 0
        let covered = reading.summary["covered_population"] ?? 0
        return "<strong>\(DisplayNumber.percent(share))</strong> of the population lives within "
            + "\(HTMLText.escape(DisplayNumber.auto(threshold))) minutes of \(HTMLText.escape(Self.article(reading.sitesText))); "
            + "<strong>\(DisplayNumber.format(population - covered, decimals: 0))</strong> inhabitants live beyond."
    }

    private static func article(_ noun: String) -> String {
        (noun.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + noun
    }

    private func figures(layer: ZoneLayer, values: [Double]) -> HTMLTable {
        var rows: [[String]] = []
        var known = Set<String>()
        func add(_ key: String, _ label: String, _ text: (Double) -> String) {
            known.insert(key)
            if let value = reading.summary[key] { rows.append([label, text(value)]) }
        }
        add("coverage_share", "Population within the threshold", DisplayNumber.percent)
        add("covered_population", "Inhabitants within the threshold") { DisplayNumber.format($0, decimals: 0) }
        if let population = reading.summary["population"], let covered = reading.summary["covered_population"] {
            rows.append(["Inhabitants beyond the threshold", DisplayNumber.format(population - covered, decimals: 0)])
            rows.append(["Zones beyond the threshold", DisplayNumber.count(layer.highlighted.count)])
        }
        add("threshold_minutes", "Threshold (minutes)", DisplayNumber.auto)
        add("population", "Population", { DisplayNumber.format($0, decimals: 0) })
        add("sites", "Sites used", { DisplayNumber.format($0, decimals: 0) })
        add("zones", "Zones", { DisplayNumber.format($0, decimals: 0) })
        add(
            "zones_catchment_beyond_loaded_sites", "Zones whose catchment reaches beyond the loaded sites",
            { DisplayNumber.format($0, decimals: 0) })
        for (key, value) in reading.summary.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
            rows.append([key, DisplayNumber.auto(value)])
        }
        rows += statistics(values: values)
        return HTMLTable(caption: "Territory-wide figures (\(layer.unit))", header: [], rows: rows, numericColumns: [1])
    }

    private func statistics(values: [Double]) -> [[String]] {
        let defined = values.filter(\.isFinite).sorted()
        var rows = [
            ["Zones with a value", DisplayNumber.count(defined.count)],
            ["Zones with no value", DisplayNumber.count(values.count - defined.count)],
        ]
        guard let minimum = defined.first, let maximum = defined.last else { return rows }
        rows.append(["Minimum", DisplayNumber.auto(minimum)])
        rows.append(["Median", DisplayNumber.auto(QuantileClasses.quantile(defined, 0.5))])
        rows.append(["Maximum", DisplayNumber.auto(maximum)])
        var weighted = 0.0
        var people = 0.0
        for (placed, value) in zip(territory.zones, values) where value.isFinite {
            weighted += value * placed.zone.population.total
            people += placed.zone.population.total
        }
        if people > 0 { rows.append(["Mean per inhabitant", DisplayNumber.auto(weighted / people)]) }
        return rows
    }

    private func provenance() -> HTMLTable {
        var rows: [[String]] = [["Run", "\(header.id)"], ["Method", header.method]]
        for (key, value) in reading.parameters.fields.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            rows.append(["  \(key)", value])
        }
        rows.append(["Value drawn", reading.column ?? "none"])
        rows.append(["Computed", header.createdAt])
        rows.append(["Maillage version", header.maillageVersion])
        rows.append(["Inputs fingerprint", header.inputsFingerprint])
        return HTMLTable(caption: "Provenance", header: [], rows: rows)
    }
}
