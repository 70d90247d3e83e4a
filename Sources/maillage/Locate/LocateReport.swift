import Foundation
import MaillageAccess

/// What `maillage locate` prints: the sites chosen, what each brings, the solution's
/// coverage, travel times and equity, and the change in the indicator the model targets.
struct LocateReport {
    let command: LocateCommand
    let model: LocationModel
    let solution: LocationSolution
    let baseline: LocationSolution?
    let after: LocationSummary
    let before: LocationSummary?
    let sites: [LocateCandidate]
    let fixed: Set<Int>
    /// The access figures count sites (supply 1 each) because capacities were missing.
    let capacityNote: Bool

    /// The indicator the model improves: its name and its value in a summary (nil when
    /// undefined, e.g. a mean time with no site open).
    var indicator: (name: String, value: (LocationSummary?) -> Double?) {
        switch model {
        case .lscp, .mclp, .capacitatedMCLP: ("coverage_share", { $0 == nil ? 0 : $0!.coverageShare })
        case .pMedian: ("mean_minutes", { $0?.meanMinutes })
        // Capacities make unmet demand the first question; the mean trip is in the summary.
        case .capacitatedPMedian: ("unserved_population", { [after] in
            $0?.unservedPopulation ?? (after.sites.reduce(0) { $0 + $1.served } + after.unservedPopulation) })
        case .pCenter: ("worst_minutes", { $0?.worstMinutes })
        case .maximinAccess: ("lowest_decile_access", { $0?.lowestDecileAccess ?? 0 })
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
    }

    func summaryObject(_ summary: LocationSummary) -> [String: Any] {
        var object: [String: Any] = [
            "coverage_limit": summary.coverageLimit, "covered_population": summary.coveredPopulation,
            "unserved_population": summary.unservedPopulation, "lowest_decile_access": summary.lowestDecileAccess,
        ]
        if let share = summary.coverageShare { object["coverage_share"] = share }
        if let mean = summary.meanMinutes { object["mean_minutes"] = mean }
        if let worst = summary.worstMinutes { object["worst_minutes"] = worst }
        if let gini = summary.giniOfAccess { object["gini_access"] = gini }
        return object
    }

    func print() {
        let (name, value) = indicator
        let (was, now) = (value(before), value(after))
        var object: [String: Any] = [
            "model": model.name, "open": solution.open.map { sites[$0].id }, "objective": solution.objective,
            "exact": solution.isExact, "unreachable_zones": solution.unreachableZones.count, "out": command.options.out,
            "travel": command.options.travel.rawValue, "direction": (command.direction ?? command.model.defaultDirection).rawValue,
            "summary": summaryObject(after),
            "sites": zip(solution.open, after.sites).map { index, figures -> [String: Any] in
                var site: [String: Any] = ["id": sites[index].id, "status": fixed.contains(index) ? "kept" : sites[index].status,
                                           "population_served": figures.served, "population_gained": figures.gained]
                if let capacity = sites[index].capacity { site["capacity"] = capacity }
                return site
            },
        ]
        var change: [String: Any] = ["name": name]
        if let was { change["before"] = was }
        if let now { change["after"] = now }
        if let was, let now { change["change"] = now - was }
        object["indicator"] = change
        if let matrix = command.options.matrix, command.options.travel == .matrix { object["matrix"] = matrix }
        if let before { object["summary_existing_only"] = summaryObject(before) }
        if let bound = solution.bound { object["bound"] = bound }
        if let gap = solution.gap { object["gap"] = gap }
        if let covered = solution.coveredPopulation { object["covered_population"] = covered }
        if let unassigned = solution.unassignedPopulation { object["unassigned_population"] = unassigned }
        if let baseline { object["objective_existing_only"] = baseline.objective; object["gain"] = solution.objective - baseline.objective }
        if capacityNote { object["note"] = "some candidates have no capacity: access counts each site as 1" }
        if command.options.json {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        let quality = solution.isExact ? " (optimal)" : solution.gap.map { String(format: " (within %.2f %% of a bound)", $0 * 100) } ?? ""
        Swift.print("\(model.name): \(solution.open.count) sites, objective \(Self.number(solution.objective))\(quality)"
                    + (baseline.map { ", existing sites alone \(Self.number($0.objective))" } ?? "") + " → \(command.options.out)")
        for (index, figures) in zip(solution.open, after.sites) where !fixed.contains(index) {
            Swift.print("  \(sites[index].id): serves \(Self.number(figures.served)), gains \(Self.number(figures.gained)) people within \(Self.number(after.coverageLimit)) min")
        }
        let describe = { (v: Double?) in v.map { String(format: "%.4g", $0) } ?? "undefined" }
        Swift.print("  \(name): \(describe(was)) → \(describe(now))")
        Swift.print(String(format: "  coverage %.1f %% within %@ min, mean %@ min, worst %@ min, Gini of access %@",
                           (after.coverageShare ?? 0) * 100, Self.number(after.coverageLimit), describe(after.meanMinutes),
                           describe(after.worstMinutes), describe(after.giniOfAccess)))
        if let unassigned = solution.unassignedPopulation, unassigned > 0 {
            Swift.print("  \(Self.number(unassigned)) people could not be assigned within the sites' capacities")
        }
    }
}
