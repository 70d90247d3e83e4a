import Foundation
import MaillageAccess
import MaillageRuns

/// What `maillage locate` prints: the sites chosen, what each brings, the solution's
/// coverage, travel times and equity, and the change in the indicator the model targets.
struct LocateReport {
    let outcome: LocationRunner.Outcome
    let out: String
    let json: Bool

    func print() {
        if json {
            Swift.print(RunJSON.pretty(outcome.record))
            return
        }
        let (solution, after, sites) = (outcome.solution, outcome.after, outcome.sites)
        let number = LocationRunner.number
        let quality =
            solution.isExact
            ? " (optimal)" : solution.gap.map { String(format: " (within %.2f %% of a bound)", $0 * 100) } ?? ""
        Swift.print(
            "\(outcome.model.name): \(solution.open.count) sites, objective \(number(solution.objective))\(quality)"
                + (outcome.baseline.map { ", existing sites alone \(number($0.objective))" } ?? "") + " → \(out)")
        for (index, figures) in zip(solution.open, after.sites) where !outcome.fixed.contains(index) {
            Swift.print(
                "  \(sites[index].id): serves \(number(figures.served)), gains \(number(figures.gained)) people within \(number(after.coverageLimit)) min"
            )
        }
        let describe = { (v: Double?) in v.map { String(format: "%.4g", $0) } ?? "undefined" }
        Swift.print(
            "  \(outcome.indicator.name): \(describe(outcome.indicator.before)) → \(describe(outcome.indicator.after))")
        Swift.print(
            String(
                format: "  coverage %.1f %% within %@ min, mean %@ min, worst %@ min, Gini of access %@",
                (after.coverageShare ?? 0) * 100, number(after.coverageLimit), describe(after.meanMinutes),
                describe(after.worstMinutes), describe(after.giniOfAccess)))
        if let unassigned = solution.unassignedPopulation, unassigned > 0 {
            Swift.print("  \(number(unassigned)) people could not be assigned within the sites' capacities")
        }
    }
}
