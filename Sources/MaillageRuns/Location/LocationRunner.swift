import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats

/// Solves a location model over candidate sites and writes the sites file: what `maillage locate` runs.
public enum LocationRunner {
    /// What the run found: the solution, its figures, and its record for `--json`.
    public struct Outcome {
        /// The model solved.
        public var model: LocationModel
        /// The solution.
        public var solution: LocationSolution
        /// The existing sites alone (when some were kept and the model takes `p`).
        public var baseline: LocationSolution?
        /// Figures of the solution.
        public var after: LocationSummary
        /// Figures of the existing sites alone.
        public var before: LocationSummary?
        /// Every candidate, kept ones included, indexed as in the solution.
        public var sites: [LocateCandidate]
        /// The indices of the sites that stayed open.
        public var fixed: Set<Int>
        /// The targeted indicator's name, before and after.
        public var indicator: LocationRecord.Indicator
        /// What `--json` prints.
        public var record: LocationRecord
    }

    /// Reads the candidates, builds the travel graph from `travel`, solves, and writes `request.out`.
    ///
    /// `travel` is how the caller models travel, up to ``LocationRequest/travelReach`` minutes;
    /// `matrixName` names the matrix in errors about candidates it lacks.
    public static func run(
        _ request: LocationRequest, input: StudyInput, travel: AccessRequest.Travel, matrixName: String,
        log: RunLog = .silent
    ) throws -> Outcome {
        let territory = input.territory
        let existing = territory.actors.filter {
            request.kinds.contains($0.kind)
                && (request.services.isEmpty || !request.services.isDisjoint(with: $0.services))
        }
        let measure =
            request.capacityMeasure
            ?? request.kinds.compactMap(AccessRequest.usualCapacity).sorted { $0.rawValue < $1.rawValue }.first
        let density = Dictionary(territory.zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { a, _ in a })
        var sites = try request.readCandidates(territory: territory, existing: existing, measure: measure)
        var fixed: [Int] = []
        if request.keepExisting && request.candidates != .actors {
            fixed = Array(sites.count..<(sites.count + existing.count))
            sites += existing.map { request.actorCandidate($0, status: "kept", density: density, measure: measure) }
        }
        guard !sites.isEmpty else { throw LocationRunError("there are no candidate sites", category: .data) }

        let locationModel = try request.locationModel()
        let graph = try travelGraph(request, territory: territory, sites: sites, travel: travel, matrixName: matrixName)
        let capacities = try siteCapacities(request, sites: sites, measure: measure)
        let problem = try LocationProblem(
            graph: graph, population: territory.zones.map(\.population.total),
            direction: request.direction ?? request.model.defaultDirection,
            capacity: capacities)
        let clock = ContinuousClock()
        let start = clock.now
        let solution = try LocationSolver().solve(locationModel, problem: problem, fixed: fixed)
        log.detail(
            "solved \(locationModel.name) for \(problem.zoneCount) zones and"
                + " \(problem.candidateCount) candidates"
                + " in \(clock.now - start)")
        let baseline =
            fixed.isEmpty || request.model == .lscp
            ? nil
            : try LocationSolver().solve(locationModel.with(p: fixed.count), problem: problem, fixed: fixed)
        let figures = { (open: [Int], before: [Int], assignment: [LocationSolution.Assignment]?) in
            LocationSummary.compute(
                problem: problem, open: open, before: before, assignment: assignment,
                coverageLimit: request.limit ?? 30, decay: request.decay, accessLimit: nil)
        }
        let after = figures(solution.open, fixed, solution.assignment)
        let before = fixed.isEmpty ? nil : figures(fixed, [], baseline?.assignment)
        try write(
            solution, request: request, modelName: locationModel.name, summary: after, sites: sites,
            fixed: Set(fixed))
        let indicator = indicator(model: locationModel, before: before, after: after)
        let partial = Outcome(
            model: locationModel, solution: solution, baseline: baseline, after: after,
            before: before, sites: sites, fixed: Set(fixed), indicator: indicator,
            record: LocationRecord(
                model: "", open: [], objective: 0, exact: false, unreachableZones: 0, out: "",
                travel: "", direction: "", summary: .init(after), sites: [], indicator: indicator))
        var outcome = partial
        outcome.record = record(
            of: partial, request: request,
            capacityNote: capacities == nil && request.objective == .maximinAccess)
        return outcome
    }

    /// A number as the sites file writes it: an integer when it is one, else six significant digits.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
    }

    /// The travel graph between zones and candidates, from the line model or the matrix.
    private static func travelGraph(
        _ request: LocationRequest, territory: Territory, sites: [LocateCandidate],
        travel: AccessRequest.Travel, matrixName: String
    ) throws -> CatchmentGraph {
        let reach = request.travelReach
        switch travel {
        case .line(let lineModel, _):
            return try StraightLinePairs.graph(
                zones: territory.zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) },
                sites: sites.map { StraightLinePairs.Place(point: $0.point, density: $0.density) }, model: lineModel,
                limitMinutes: reach
            )
        case .matrixRows(let rows, let directed, let intrazone):
            return try matrixGraph(
                request, territory: territory, sites: sites, pairs: rows.pairs, directed: directed,
                intrazone: intrazone, name: matrixName)
        case .matrix(let pairs, let directed, let intrazone):
            return try matrixGraph(
                request, territory: territory, sites: sites, pairs: pairs, directed: directed,
                intrazone: intrazone, name: matrixName)
        }
    }

    private static func matrixGraph(
        _ request: LocationRequest, territory: Territory, sites: [LocateCandidate],
        pairs: [MatrixPair], directed: Bool, intrazone: Double,
        name: String
    ) throws -> CatchmentGraph {
        let isDistanceModel = request.model == .pmedian || request.model == .pcenter
        try MatrixCandidateCheck.check(sites, pairs: pairs, matrixName: name)
        let kept = isDistanceModel && request.limit != nil ? pairs.filter { $0.minutes <= request.limit! } : pairs
        return CatchmentGraph.fromMatrix(
            zoneIDs: territory.zones.map(\.id), sites: sites.map(\.endpoint), pairs: kept,
            directed: directed, intrazoneMinutes: intrazone)
    }

    /// People each candidate can serve, when the model needs capacities (capacitated: every
    /// one must have one) or can use them (maximin-access: all or none; none counts sites).
    private static func siteCapacities(
        _ request: LocationRequest, sites: [LocateCandidate],
        measure: CapacityMeasure?
    ) throws -> [Double]? {
        guard request.capacitated || request.objective == .maximinAccess else { return nil }
        if let missing = sites.first(where: { $0.capacity == nil }) {
            guard request.capacitated else { return nil }
            let unit = measure.map { " in \($0)" } ?? ""
            // The fix is a setting of the request; the front end names it in its own terms.
            let isNew = missing.status == "new"
            let remedy =
                isNew
                ? "give new candidates a capacity, or a capacity column in the candidates file"
                : "set its capacity or choose another capacity measure"
            throw LocationRunError(
                "candidate '\(missing.id)' (\(missing.status)) has no capacity\(unit): \(remedy)",
                category: .data,
                hint: isNew
                    ? SettingHint("capacity", example: "N")
                    : SettingHint("capacity_measure"))
        }
        return sites.map { $0.capacity! * request.peoplePerUnit }
    }

    private static func write(
        _ solution: LocationSolution, request: LocationRequest, modelName: String,
        summary: LocationSummary, sites: [LocateCandidate], fixed: Set<Int>
    ) throws {
        let anyCapacity = solution.open.contains { sites[$0].capacity != nil }
        let list = SiteList(
            sites: zip(solution.open, summary.sites).map { index, figures in
                var properties: [(name: String, value: String)] = [
                    ("status", fixed.contains(index) ? "kept" : sites[index].status), ("model", modelName),
                    ("population_served", number(figures.served)), ("population_gained", number(figures.gained)),
                ]
                if anyCapacity { properties.append(("capacity", sites[index].capacity.map(number) ?? "")) }
                return SiteList.Site(id: sites[index].id, point: sites[index].point, properties: properties)
            })
        try list.write(to: request.out, delimiter: request.delimiter)
    }

    /// The indicator the model improves, before and after.
    private static func indicator(
        model: LocationModel, before: LocationSummary?,
        after: LocationSummary
    ) -> LocationRecord.Indicator {
        let (name, value): (String, (LocationSummary?) -> Double?) =
            switch model {
            case .lscp, .mclp, .capacitatedMCLP: ("coverage_share", { $0 == nil ? 0 : $0!.coverageShare })
            case .pMedian: ("mean_minutes", { $0?.meanMinutes })
            // Capacities make unmet demand the first question; the mean trip is in the summary.
            case .capacitatedPMedian:
                (
                    "unserved_population",
                    {
                        $0?.unservedPopulation ?? (after.sites.reduce(0) { $0 + $1.served } + after.unservedPopulation)
                    }
                )
            case .pCenter: ("worst_minutes", { $0?.worstMinutes })
            case .maximinAccess: ("lowest_decile_access", { $0?.lowestDecileAccess ?? 0 })
            }
        let (was, now) = (value(before), value(after))
        var change: Double?
        if let was, let now { change = now - was }
        return .init(name: name, before: was, after: now, change: change)
    }

    private static func record(of outcome: Outcome, request: LocationRequest, capacityNote: Bool) -> LocationRecord {
        let (solution, sites, fixed) = (outcome.solution, outcome.sites, outcome.fixed)
        var record = LocationRecord(
            model: outcome.model.name, open: solution.open.map { sites[$0].id }, objective: solution.objective,
            exact: solution.isExact, unreachableZones: solution.unreachableZones.count, out: request.out,
            travel: request.travel, direction: (request.direction ?? request.model.defaultDirection).rawValue,
            summary: .init(outcome.after),
            sites: zip(solution.open, outcome.after.sites).map { index, figures in
                .init(
                    id: sites[index].id, status: fixed.contains(index) ? "kept" : sites[index].status,
                    populationServed: figures.served, populationGained: figures.gained,
                    capacity: sites[index].capacity)
            },
            indicator: outcome.indicator)
        if let matrix = request.matrix, request.travel == "matrix" { record.matrix = matrix }
        record.summaryExistingOnly = outcome.before.map(LocationRecord.Summary.init)
        record.bound = solution.bound
        record.gap = solution.gap
        record.coveredPopulation = solution.coveredPopulation
        record.unassignedPopulation = solution.unassignedPopulation
        if let baseline = outcome.baseline {
            record.objectiveExistingOnly = baseline.objective
            record.gain = solution.objective - baseline.objective
        }
        if capacityNote { record.note = "some candidates have no capacity: access counts each site as 1" }
        return record
    }
}
