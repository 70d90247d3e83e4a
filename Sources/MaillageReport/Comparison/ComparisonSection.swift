import Foundation

/// A scenario comparison: maps of the zones' differences, each scenario's territory values
/// with their intervals, and the table of territory-wide differences.
struct ComparisonSection: ReportSection {
    let reading: ComparisonReading
    let territory: ProjectedTerritory
    /// Alternative → the sensitivity analysis of its differences (empty: nothing screened).
    var screenings: [String: AssumptionScreening] = [:]

    /// At most this many maps per alternative, those with significant zones first; the rest
    /// are listed in a note (they are in the GeoJSON).
    static let mapsPerAlternative = 6
    /// At most this many interval charts, indicators with a significant difference first.
    static let charts = 12

    var anchor: String { "comparison" }
    var heading: String {
        "Scenario comparison: \(reading.alternatives.joined(separator: ", ")) against \(reading.baseline)"
    }

    func body() throws -> String {
        var html = "<p class=\"note\">" + HTMLText.escape(summary()) + "</p>\n"
        // The significant differences first: with the simulation there are some sixty indicators,
        // and the maps should not sink below a long table.
        let significant = reading.differences.filter(\.significant)
        html +=
            differencesTable(significant, caption: "Significant territory-wide differences (alternative − baseline)")
            .html() + "\n"
        html += "<h3>Territory values in each scenario (95 % intervals)</h3>\n" + charts()
        for alternative in reading.alternatives {
            html +=
                "<h3>\(HTMLText.escape("Where \(alternative) differs from \(reading.baseline)"))</h3>\n"
                + maps(alternative)
        }
        html +=
            "<details><summary>Every territory-wide difference (\(reading.differences.count))</summary>\n"
            + differencesTable(reading.differences, caption: "Territory-wide differences (alternative − baseline)")
            .html() + "\n</details>\n"
        html += "<div class=\"columns\">" + provenance().html() + "</div>\n"
        return html
    }

    private func summary() -> String {
        var text = "Each alternative is compared with the baseline \(reading.baseline) on the same seeds (paired)"
        if let replications = reading.replications { text += ", over \(replications) replication(s)" }
        text +=
            ". Accessibility indicators are deterministic: their interval is the difference itself, significant when it is not 0. "
        text +=
            "Simulation indicators get a paired Student-t 95 % interval; per zone, significance is also corrected for the number of zones (Benjamini–Hochberg)."
        text += " Rests on assumptions: "
        if screenings.isEmpty {
            text +=
                "not screened; 'maillage sensitivity --scenario FILE' and 'report --sensitivity DIR' say which "
                + "differences are assumption-driven."
        } else {
            text +=
                "a difference is assumption-driven when more than half of its variance over the parameter ranges "
                + "comes from parameters no observation or calibration set (observed: false); screened by "
                + screenings.sorted { $0.key < $1.key }.map { "\($0.value.method) in \($0.value.folder) for \($0.key)" }
                .joined(separator: ", ") + "."
        }
        return text
    }

    /// Territory-wide wording: a coverage indicator's territory value is a share of the population.
    private func glossary(_ name: String) -> IndicatorGlossary { IndicatorGlossary(name, territoryWide: true) }

    private func differencesTable(_ differences: [ComparisonReading.Difference], caption: String) -> HTMLTable {
        let rows = differences.map { d -> [String] in
            let g = glossary(d.indicator)
            func shown(_ value: Double?, signed: Bool = false) -> String {
                guard let value else { return "–" }
                let text = DisplayNumber.auto(g.display(value))
                return signed && value > 0 ? "+" + text : text
            }
            let interval =
                d.lower == nil && d.upper == nil
                ? "–" : "\(shown(d.lower, signed: true)) to \(shown(d.upper, signed: true))"
            let p = d.pValue.map { $0 < 0.001 ? "< 0.001" : DisplayNumber.format($0, decimals: 3) } ?? "–"
            return [
                d.alternative, d.indicator, g.unit, shown(d.baseline), shown(d.alternativeValue),
                shown(d.difference, signed: true),
                interval, p, d.significant ? "yes" : "no",
                screenings[d.alternative]?.flag(d.indicator) ?? "not screened",
            ]
        }
        return HTMLTable(
            caption: caption,
            header: [
                "Alternative", "Indicator", "Unit", "Baseline", "Alternative", "Difference", "95 % interval", "p",
                "Significant", "Rests on assumptions",
            ],
            rows: rows, numericColumns: [3, 4, 5, 6, 7])
    }

    /// The indicators charted: those with a territory value, significant differences first.
    private func chartedIndicators() -> (shown: [String], left: [String]) {
        let names = reading.indicators.map(\.name).filter { name in
            reading.scenarios.contains { $0.estimates[name] != nil }
        }
        let significant = Set(reading.differences.filter(\.significant).map(\.indicator))
        let ordered = names.filter(significant.contains) + names.filter { !significant.contains($0) }
        return (Array(ordered.prefix(Self.charts)), Array(ordered.dropFirst(Self.charts)))
    }

    private func charts() -> String {
        let (shown, left) = chartedIndicators()
        var html = ""
        for name in shown {
            let g = glossary(name)
            let rows = reading.scenarios.map { scenario -> IntervalChart.Row in
                let estimate = scenario.estimates[name]
                return IntervalChart.Row(
                    scenario: scenario.name, mean: (estimate?.mean).map(g.display) ?? .nan,
                    low: (estimate?.low).map(g.display), high: (estimate?.high).map(g.display))
            }
            html += IntervalChart(title: "\(g.title) – \(name)", unit: g.unit, rows: rows).svg() + "\n"
        }
        if !left.isEmpty {
            html +=
                "<p class=\"note\">"
                + HTMLText.escape(
                    "Not charted (no significant difference; values in the table above and comparison.json): "
                        + left.joined(separator: ", ")) + "</p>\n"
        }
        return html
    }

    private func maps(_ alternative: String) -> String {
        guard let zones = reading.zones[alternative] else {
            return "<p class=\"note\">"
                + HTMLText.escape(
                    "No \(ComparisonReading.fileName(alternative)).geojson in \(reading.folder): no map of zone differences."
                ) + "</p>\n"
        }
        let withSignificant = zones.filter { !$0.significant.isEmpty }
        let ordered = withSignificant + zones.filter { $0.significant.isEmpty }
        let shown = ordered.prefix(Self.mapsPerAlternative)
        let known = Set(territory.zones.map(\.zone.id))
        var html = ""
        for (index, differences) in shown.enumerated() {
            let g = IndicatorGlossary(differences.indicator)
            var layer = ZoneLayer(
                title: "\(g.title): \(alternative) − \(reading.baseline)",
                unit: "difference in " + (g.unit.isEmpty ? "the indicator's units" : g.unit),
                values: differences.values.mapValues(g.display))
            layer.colouring = .diverging(significant: differences.significant)
            let unknown = differences.values.keys.filter { !known.contains($0) }.count
            var note =
                "\(differences.significant.count) zone(s) significant at 5 %, \(differences.fdrSignificant.count) after the Benjamini–Hochberg correction."
            if unknown > 0 {
                note += " \(unknown) zone(s) of the comparison are not in this database and are not drawn."
            }
            html += "<p class=\"note\">" + HTMLText.escape("\(differences.indicator): " + note) + "</p>\n"
            html +=
                ChoroplethMap(
                    territory: territory, layer: layer,
                    idPrefix: "comparison-\(index)-\(ComparisonReading.fileName(alternative))"
                ).svg() + "\n"
        }
        let left = ordered.dropFirst(Self.mapsPerAlternative).map(\.indicator)
        if !left.isEmpty {
            html +=
                "<p class=\"note\">"
                + HTMLText.escape(
                    "Not mapped (fewer significant zones; in \(ComparisonReading.fileName(alternative)).geojson): "
                        + left.joined(separator: ", ")) + "</p>\n"
        }
        return html
    }

    private func provenance() -> HTMLTable {
        var rows: [[String]] = [
            ["Folder", reading.folder], ["Baseline", reading.baseline],
            ["Alternatives", reading.alternatives.joined(separator: ", ")],
        ]
        if let replications = reading.replications { rows.append(["Replications", "\(replications)"]) }
        if let seed = reading.seed { rows.append(["Seed", seed]) }
        if let days = reading.days { rows.append(["Days simulated", "\(days)"]) }
        for (alternative, screening) in screenings.sorted(by: { $0.key < $1.key }) {
            rows.append([
                "Assumptions of \(alternative)",
                "\(screening.method) of \(screening.scenarioFile) in \(screening.folder)",
            ])
        }
        rows.append(["Indicators", reading.indicators.map { "\($0.name) (\($0.source))" }.joined(separator: ", ")])
        return HTMLTable(caption: "Provenance", header: [], rows: rows)
    }
}
