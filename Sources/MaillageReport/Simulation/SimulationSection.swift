import Foundation
import MaillageCore
import MaillageRuns
import MaillageStore

/// One simulation run: maps of its zone indicators, occupancy over the year, the territory's
/// figures with their 95 % intervals, and where they come from.
struct SimulationSection: ReportSection {
    let reading: SimulationReading
    let territory: ProjectedTerritory

    /// The zone indicators mapped, in this order, when the run has them; the others are in
    /// the run's zones.csv and the database.
    static let mapped = [
        "share_without_declared_gp", "gp_contacts_per_inhabitant", "emergency_visits_per_inhabitant",
        "unmet_needs_share", "follow_up_7_days_share", "travel_minutes_per_inhabitant",
    ]

    var anchor: String { "simulation-\(reading.header.id)" }
    var heading: String {
        "Simulation \(reading.header.id): \(reading.header.days) days × \(reading.header.replications) replication(s)"
    }

    func body() throws -> String {
        var html = keyFigure().map { "<p class=\"key-figure\">\($0)</p>\n" } ?? ""
        html += "<h3>Occupancy over the simulated year</h3>\n" + occupancy()
        let names = Self.mapped.filter { reading.zoneValues[$0] != nil }
        html +=
            "<h3>Zone indicators</h3>\n<p class=\"note\">"
            + HTMLText.escape(
                "Means over replications, by the zone where patients live. \(names.count) of the \(reading.zoneValues.count) zone indicators are mapped; "
                    + "every one is in the run's zones.csv and zones.geojson (in the simulation's output folder) and in the table simulation_zone_column."
            ) + "</p>\n"
        for (index, name) in names.enumerated() {
            html += map(name, showAllActors: index == 0) + "\n"
        }
        html += "<div class=\"columns\">" + figures().html() + provenance().html() + "</div>\n"
        html +=
            "<details><summary>Parameters of the run (canonical JSON)</summary><pre>\(HTMLText.escape(reading.header.parameters))</pre></details>\n"
        return html
    }

    /// The run in three numbers a planner quotes, each with its interval.
    private func keyFigure() -> String? {
        let phrases = [
            ("gp_contacts_per_inhabitant", "", "GP contacts per inhabitant a year"),
            ("emergency_visits_per_inhabitant", "", "emergency visits per inhabitant a year"),
            ("share_without_declared_gp", " %", "of inhabitants without a declared GP"),
        ]
        let parts = phrases.compactMap { name, unit, words -> String? in
            guard let figure = reading.figure(name), let mean = figure.mean else { return nil }
            let glossary = IndicatorGlossary(name)
            var text = "<strong>\(HTMLText.escape(DisplayNumber.auto(glossary.display(mean)) + unit))</strong> "
            if let low = figure.low, let high = figure.high {
                text += HTMLText.escape(
                    "[\(DisplayNumber.auto(glossary.display(low))) – \(DisplayNumber.auto(glossary.display(high)))] ")
            }
            return text + HTMLText.escape(words)
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "; ") + HTMLText.escape(" (95 % intervals over replications in brackets).")
    }

    private func map(_ name: String, showAllActors: Bool) -> String {
        let glossary = IndicatorGlossary(name)
        let values = (reading.zoneValues[name] ?? [:]).mapValues(glossary.display)
        var layer = ZoneLayer(
            title: glossary.title, unit: glossary.unit.isEmpty ? "count" : glossary.unit, values: values)
        if showAllActors {
            layer.actorsByKind = true
            layer.actorNotes = reading.actorValues.compactMapValues { values in
                guard let occupancy = values["occupancy"], occupancy.isFinite else { return nil }
                return
                    "\(DisplayNumber.percent(occupancy)) of capacity used, \(DisplayNumber.format(values["contacts"] ?? 0, decimals: 0)) contacts"
            }
        }
        return ChoroplethMap(territory: territory, layer: layer, idPrefix: "\(anchor)-\(name)").svg()
    }

    private func occupancy() -> String {
        guard !reading.occupancy.isEmpty else {
            return
                "<p class=\"note\">This run was stored before Maillage kept daily series (schema 4): run the simulation again to see occupancy over the year.</p>\n"
        }
        let axis = reading.startDate.map { "days from \($0) (the start date)" } ?? "days from the start date"
        let chart = OccupancyChart(lines: reading.occupancy, axisTitle: axis)
        var html = chart.svg() + "\n"
        let lines = chart.lines
        let trends = lines.map(\.drift)
        let rows = zip(lines, trends).map { line, trend -> [String] in
            let weekly = line.rolling(window: OccupancyChart.window).filter(\.isFinite)
            let offered = line.offered.filter(\.isFinite)
            return [
                OccupancyChart.label(line.role), DisplayNumber.percent(line.overall),
                weekly.max().map(DisplayNumber.percent) ?? "–", weekly.min().map(DisplayNumber.percent) ?? "–",
                DisplayNumber.format(
                    offered.isEmpty ? .nan : offered.reduce(0, +) / Double(offered.count), decimals: 1),
                Self.trend(trend),
            ]
        }
        html +=
            HTMLTable(
                caption: "Capacity used (means over replications; a day's offer counts open actors only)",
                header: [
                    "Capacity", "Used over the run", "Busiest week", "Quietest week", "Offered a day (mean)",
                    "Trend a month (95 %)",
                ],
                rows: rows, numericColumns: [1, 2, 3, 4, 5]
            ).html() + "\n"
        let drifting = zip(lines, trends).filter { $1?.drifts(limit: Self.driftLimit) ?? false }
            .map { OccupancyChart.label($0.0.role) }
        let noisy = zip(lines, trends).filter { $1?.isNoisy(limit: Self.driftLimit) ?? false }
            .map { OccupancyChart.label($0.0.role) }
        html += "<p class=\"note\">" + HTMLText.escape(Self.trendNote(drifting: drifting, noisy: noisy)) + "</p>\n"
        return html
    }

    /// The largest trend a month a settled role may show (issue 14: 1 %).
    static let driftLimit = 0.01

    /// A drift with its 95 % interval (`−1.3 % ± 1.9 ~`): % of the mean share, or points of the
    /// beds for patients counted against them; ⚠ when the whole interval lies beyond 1 %, ~ when
    /// only the estimate does.
    static func trend(_ drift: OccupancyChart.Line.Drift?) -> String {
        guard let drift, drift.value.isFinite else { return "–" }
        let sign = drift.value >= 0 ? "+" : "−"
        let unit = drift.scale == .relative ? "%" : "pt of beds"
        let text =
            sign + String(format: "%.1f ", abs(drift.value) * 100) + unit
            + String(format: " ± %.1f", drift.halfWidth * 100)
        if drift.drifts(limit: driftLimit) { return text + " ⚠" }
        return drift.isNoisy(limit: driftLimit) ? text + " ~" : text
    }

    /// Why the trend column is there, and what a flag means.
    static func trendNote(drifting: [String], noisy: [String] = []) -> String {
        let rule =
            "Trend a month: the least-squares slope of the daily share used over 30 days, relative to its mean "
            + "(patients boarding or kept in bed: in points of the beds offered, since a handful of them make a relative "
            + "slope noise), with its 95 % interval widened for day-to-day correlation. Long stays start at their "
            + "equilibrium and the warm-up settles the rest, so without dated events no role should drift by more than "
            + "1 % a month; the default warm-up was chosen by that rule from Welch plots of the demo and Occitanie "
            + "territories (scripts/welch-occupancy.py). A role drifts (⚠) when its whole interval lies beyond 1 %; "
            + "beyond 1 % with an interval reaching back within it (~) is noise until more replications say otherwise. "
        var note = drifting.isEmpty ? rule + "No role drifts by more than 1 % a month here." : rule
        if !drifting.isEmpty {
            note +=
                "Drifting here: " + drifting.joined(separator: ", ")
                + " (a scenario's dated events do this by design; otherwise, lengthen the warm-up)."
        }
        if !noisy.isEmpty { note += " Within noise of the limit: " + noisy.joined(separator: ", ") + "." }
        return note
    }

    private func figures() -> HTMLTable {
        let rows = reading.figures.map { figure -> [String] in
            let glossary = IndicatorGlossary(figure.name)
            func shown(_ value: Double?) -> String { value.map { DisplayNumber.auto(glossary.display($0)) } ?? "–" }
            let interval =
                figure.low != nil && figure.high != nil ? "\(shown(figure.low)) – \(shown(figure.high))" : "–"
            return [figure.name, shown(figure.mean), interval, glossary.unit]
        }
        return HTMLTable(
            caption: "Territory-wide indicators (mean over replications, 95 % Student-t interval)",
            header: ["Indicator", "Mean", "95 % interval", "Unit"], rows: rows, numericColumns: [1, 2])
    }

    private func provenance() -> HTMLTable {
        let header = reading.header
        let events = try? JSONDecoder().decode([AnyJSON].self, from: Data(header.events.utf8))
        var rows: [[String]] = [["Simulation run", "\(header.id)"], ["Days counted", "\(header.days)"]]
        if let warm = reading.warmUpDays { rows.append(["Warm-up days (not counted)", "\(warm)"]) }
        if let start = reading.startDate { rows.append(["Start date", start]) }
        rows += [
            ["Seed", header.seed], ["Replications", "\(header.replications)"],
            ["Inhabitants simulated", header.sample == 1 ? "all" : DisplayNumber.percent(header.sample)],
            ["Events", events.map { $0.isEmpty ? "none" : "\($0.count): \(header.events)" } ?? header.events],
            ["Parameters fingerprint", Self.fingerprint(header.parameters)],
            ["Inputs fingerprint", header.inputsFingerprint],
            ["Computed", header.createdAt], ["Maillage version", header.maillageVersion],
        ]
        return HTMLTable(caption: "Provenance", header: [], rows: rows)
    }

    /// FNV-1a of the parameters' canonical JSON, to tell two runs' parameters apart at a glance.
    static func fingerprint(_ text: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.mix(text)
        return fingerprint.hex
    }
}
