import Foundation
import MaillageCore
import Yams

/// Reads scenario files: YAML, `extends` chains, and sweeps expanded into scenarios.
public enum ScenarioLoader {
    /// The scenarios a file describes: one, or one per point of its `sweep` grid.
    public static func load(_ path: String) throws -> [Scenario] {
        let (scenario, sweep) = try read(path, chain: [])
        guard !sweep.isEmpty else { return [scenario] }
        try checkGrid(sweep, file: path)
        return expand(scenario, sweep: sweep)
    }

    /// The most scenarios a sweep may expand into. Each is a whole run, so a bigger grid is a
    /// mistake, and thirty two-value keys (a few hundred bytes) would ask for 2^30 scenarios.
    static let maximumSweepPoints = 10_000

    /// Refuses a grid with an empty axis or more than ``maximumSweepPoints`` points.
    private static func checkGrid(_ sweep: [(String, [Double])], file: String) throws {
        var points = 1
        for (key, values) in sweep {
            guard !values.isEmpty else {
                throw ScenarioError(file: file, key: "sweep.\(key)", reason: "needs at least one value")
            }
            let (product, overflow) = points.multipliedReportingOverflow(by: values.count)
            guard !overflow, product <= maximumSweepPoints else {
                let sizes = sweep.map { "\($0.1.count)" }.joined(separator: " × ")
                throw ScenarioError(
                    file: file, key: "sweep",
                    reason:
                        "the grid (\(sizes)) has more than \(maximumSweepPoints) points; split it into several files")
            }
            points = product
        }
    }

    private static func read(_ path: String, chain: [String], extendedBy origin: String? = nil) throws -> (
        Scenario, [(String, [Double])]
    ) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !chain.contains(absolute) else {
            throw ScenarioError(
                file: path, key: "extends", reason: "extends itself through \(chain.joined(separator: " → "))")
        }
        let text = try ScenarioText.read(path, referencedBy: origin.map { ($0, "extends") })
        let root = YAMLValue(node: try ScenarioText.compose(text, file: path), file: path, key: "")
        // What a file extends must be a scenario (a mapping), not any file that happens to parse.
        guard root.node.mapping != nil else {
            throw ScenarioError(
                file: origin ?? path, key: origin == nil ? nil : "extends",
                reason:
                    "\(origin == nil ? "" : path + " ")is not a scenario (a YAML mapping of keys such as territory, changes, events)"
            )
        }
        let known: Set = [
            "name", "extends", "territory", "start", "days", "seed", "replications", "params", "overrides",
            "indicators", "access_day", "changes", "events", "sweep", "simulation",
        ]
        for key in try root.keys() where !known.contains(key) {
            throw ScenarioError(
                file: path, line: try root.required(key).line, key: key,
                reason: "is not a scenario key; expected one of \(known.sorted().joined(separator: ", "))")
        }
        var scenario: Scenario
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String { URL(fileURLWithPath: relative, relativeTo: folder).path }
        if let parent = try root.optional("extends") {
            scenario = try read(resolve(try parent.string()), chain: chain + [absolute], extendedBy: path).0
            scenario.file = path
            // A file is its own scenario: named after itself unless it says otherwise.
            scenario.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            scenario.contentHash = hash(scenario.contentHash + text)
        } else {
            guard let territory = try root.optional("territory") else {
                throw ScenarioError(
                    file: path, key: "territory",
                    reason: "the key 'territory' is required (a database path, relative to the file)")
            }
            scenario = Scenario(
                name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, file: path,
                territoryPath: resolve(try territory.string()), start: ScenarioDay.iso.date(from: "2026-01-01")!,
                days: 365,
                seed: 1, replications: 1, parametersPath: nil, overrides: [:], indicators: [], accessDay: 0,
                changes: [], events: [], simulation: SimulationSettings(), contentHash: hash(text)
            )
        }
        try apply(root, to: &scenario, resolve: resolve)
        let sweep =
            try root.optional("sweep").map { value in
                try value.keys().map { key in (key, try value.required(key).list().map { try $0.double() }) }
            } ?? []
        return (scenario, sweep)
    }

    /// The file's own keys, over what it extends: scalars replace, lists of changes and
    /// events add to the parent's, a list of indicators replaces the parent's.
    private static func apply(_ root: YAMLValue, to scenario: inout Scenario, resolve: (String) -> String) throws {
        if let name = try root.optional("name") { scenario.name = try name.string() }
        if let territory = try root.optional("territory") { scenario.territoryPath = resolve(try territory.string()) }
        if let start = try root.optional("start") {
            guard let date = ScenarioDay.date(try start.string()) else {
                throw start.error("expected an ISO date such as 2026-01-01")
            }
            scenario.start = date
        }
        if let days = try root.optional("days") {
            scenario.days = try days.int()
            guard scenario.days > 0 else { throw days.error("the horizon must be at least 1 day") }
        }
        if let seed = try root.optional("seed") {
            guard let value = UInt64(try seed.string()) else { throw seed.error("expected a whole number ≥ 0") }
            scenario.seed = value
        }
        if let replications = try root.optional("replications") {
            scenario.replications = try replications.int()
            guard scenario.replications >= 1 else { throw replications.error("at least 1 replication is needed") }
        }
        if let params = try root.optional("params") { scenario.parametersPath = resolve(try params.string()) }
        if let overrides = try root.optional("overrides") {
            for key in try overrides.keys() { scenario.overrides[key] = try overrides.required(key).double() }
        }
        if let accessDay = try root.optional("access_day") {
            scenario.accessDay = try ScenarioDay.read(accessDay, start: scenario.start)
        }
        if let indicators = try root.optional("indicators") {
            scenario.indicators = try indicators.list().map(readIndicator)
        }
        if let simulation = try root.optional("simulation") {
            try readSimulation(simulation, into: &scenario.simulation)
        }
        if let changes = try root.optional("changes") {
            scenario.changes += try changes.list().map { try ChangeReader.change($0, start: scenario.start) }
        }
        if let events = try root.optional("events") {
            scenario.events += try events.list().map { try ChangeReader.event($0, start: scenario.start) }
        }
        for change in scenario.changes where change.value.day < 0 || change.value.day > scenario.days {
            throw ScenarioError(
                file: change.file, line: change.line, key: "changes",
                reason: "day \(change.value.day) is outside the horizon (day 0 to \(scenario.days))")
        }
    }

    private static func readSimulation(_ value: YAMLValue, into settings: inout SimulationSettings) throws {
        for key in try value.keys() where !["enabled", "sample", "zone_indicators"].contains(key) {
            throw value.error(
                "'\(key)' is not a simulation setting; expected enabled, sample or zone_indicators",
                key: "simulation.\(key)")
        }
        if let enabled = try value.optional("enabled") {
            switch try enabled.string().lowercased() {
            case "true", "yes": settings.enabled = true
            case "false", "no": settings.enabled = false
            default: throw enabled.error("expected true or false")
            }
        }
        if let sample = try value.optional("sample") {
            settings.sample = try sample.double()
            guard settings.sample > 0, settings.sample <= 1 else {
                throw sample.error("a sample is a fraction in (0, 1]")
            }
        }
        if let zones = try value.optional("zone_indicators") { settings.zoneIndicators = try zones.strings() }
    }

    /// One indicator: its method, and only the options that method takes (a misspelt key is
    /// refused as parameter files refuse theirs), each value checked where it is written.
    private static func readIndicator(_ value: YAMLValue) throws -> IndicatorSpec {
        let methodValue = try value.required("method")
        let method: AccessMethodName
        do { method = try AccessMethodName.parse(try methodValue.string()) } catch let error as ValidationError {
            throw methodValue.error(error.reason, key: "\(value.key).method")
        }
        var options: [String: String] = [:]
        for key in try value.keys() where key != "method" {
            let option = try value.required(key)
            guard method.optionKeys.contains(key) else {
                let valid = method.optionKeys.joined(separator: ", ")
                throw option.error(
                    "'\(key)' is not an option of \(method); expected one of \(valid)", key: "\(value.key).\(key)")
            }
            options[key] = try option.strings().joined(separator: ",")
        }
        guard options["kind"] != nil else {
            throw value.error("an indicator needs a kind (kind: gp)", key: "\(value.key).kind")
        }
        let spec = IndicatorSpec(method: method, options: options, file: value.file, line: value.line)
        // Values are read now, so that a typo stops the run before any work, at its line.
        do { _ = try spec.readRequest() } catch let problem as IndicatorSpec.OptionProblem {
            let option = try problem.key.flatMap { try value.optional($0) }
            throw (option ?? value).error(problem.reason, key: "\(value.key)" + (problem.key.map { ".\($0)" } ?? ""))
        }
        return spec
    }

    /// One scenario per point of the grid, named after its values.
    static func expand(_ scenario: Scenario, sweep: [(String, [Double])]) -> [Scenario] {
        var points: [[(String, Double)]] = [[]]
        for (key, values) in sweep {
            points = points.flatMap { point in values.map { point + [(key, $0)] } }
        }
        return points.map { point in
            var copy = scenario
            for (key, value) in point { copy.overrides[key] = value }
            copy.name = scenario.name + "[" + point.map { "\($0.0)=\(format($0.1))" }.joined(separator: ",") + "]"
            return copy
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// The files' content digest (FNV-1a 64), for provenance.
    static func hash(_ text: String) -> String { Fingerprint.of(text) }
}

extension ScenarioLoader {
    /// The scenarios of a comparison: the baseline file's one scenario, then every scenario of
    /// the alternatives' files (a sweep gives several).
    public static func loadComparison(_ files: [String]) throws -> [Scenario] {
        guard let baselineFile = files.first else {
            throw ScenarioError(file: "compare", reason: "give a baseline scenario file")
        }
        let baseline = try load(baselineFile)
        guard baseline.count == 1 else {
            throw ScenarioError(
                file: baselineFile, key: "sweep",
                reason: "the baseline is a sweep of \(baseline.count) scenarios; give a single scenario as baseline")
        }
        return try baseline + files.dropFirst().flatMap(load)
    }
}
