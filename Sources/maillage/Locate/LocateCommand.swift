import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageRuns
import MaillageIO
import MaillageStore

/// `maillage locate lscp|mclp|pmedian|pcenter`: where the next sites should go.
struct LocateCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Location models (LSCP, MCLP, p-median, p-center; capacitated; equity) over candidate sites.",
        discussion: """
            Candidates are the zones' points (new sites), the existing actors of --kind (which to keep), \
            or a CSV of candidates (id, lat, lon, optionally zone_id and capacity). With --keep-existing the existing \
            actors of --kind stay open and count toward -p. Travel is the straight-line model or an imported matrix \
            (--travel matrix [--matrix NAME]); LSCP and MCLP read it site → zone (the site's catchment), the others \
            zone → site (the patient's trip), unless --direction says otherwise. A candidate from a CSV must appear in \
            the matrix, by its id or its zone_id. --capacitated (p-median, MCLP) lets each site serve at most its \
            capacity; --objective maximin-access opens the sites that most raise the access (E2SFCA) of the \
            worst-served tenth of the population. Exact on small instances; greedy + interchange (Lagrangian \
            relaxation for the capacitated models) with a reported bound otherwise.
            Example: maillage locate mclp --db out/demo.db --kind hospital --service emergency --candidates zones -p 3 --limit 30 --keep-existing --out sites.csv
            """
    )

    @Argument(help: "lscp, mclp, pmedian or pcenter.") var model: LocationModelName
    @OptionGroup var options: AccessOptions
    @Option(help: "Candidate sites: 'zones', 'actors' (the existing ones) or a CSV file (id, lat, lon[, zone_id][, capacity]).") var candidates = "zones"
    @Option(name: .customShort("p"), help: "How many sites to open (all but LSCP).") var p: Int?
    @Option(help: "Coverage limit in minutes (LSCP, MCLP; the coverage reported for the others, default 30); search limit for p-median and p-center (default 120 on the line model, the whole matrix otherwise).") var limit: Double?
    @Flag(help: "The existing sites of --kind stay open and count toward -p.") var keepExisting = false
    @Option(help: "Which times the model reads from a directed matrix: zone-to-site or site-to-zone (default: site-to-zone for LSCP and MCLP, zone-to-site otherwise).") var direction: LocationDirection?
    @Flag(help: "Each open site serves at most its capacity (p-median, MCLP); unassigned demand is reported.") var capacitated = false
    @Option(help: "Capacity of each new candidate without a capacity column, in the unit of --capacity-measure.") var capacity: Double?
    @Option(help: "Capacity measure of the existing sites (fte, beds, places…); default: the kind's usual one.") var capacityMeasure: CapacityMeasure?
    @Option(help: "People one unit of capacity serves (e.g. 1000 patients per GP FTE).") var peoplePerUnit: Double = 1
    @Option(help: "model (the model's own objective) or maximin-access (raise the worst-served tenth's E2SFCA access).") var objective: LocationObjective = .model
    @Option(help: "Distance decay of the access figures and of maximin-access (as for access e2sfca).") var decay = "step:10:1,20:0.68,30:0.22"
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if model != .lscp, p == nil { throw ValidationError("\(model.rawValue) needs -p, the number of sites to open.") }
        if (model == .lscp || model == .mclp), limit == nil { throw ValidationError("\(model.rawValue) needs --limit in minutes.") }
        if let limit, !(limit.isFinite && limit > 0) { throw ValidationError("--limit must be more than 0 minutes.") }
        if capacitated, model != .pmedian, model != .mclp { throw ValidationError("--capacitated applies to pmedian and mclp, not \(model.rawValue).") }
        if objective == .maximinAccess, model == .lscp { throw ValidationError("--objective maximin-access needs -p: use it with mclp, pmedian or pcenter.") }
        if objective == .maximinAccess, capacitated { throw ValidationError("--objective maximin-access and --capacitated cannot be combined.") }
        if let capacity, !(capacity.isFinite && capacity >= 0) { throw ValidationError("--capacity must be a number ≥ 0.") }
        guard peoplePerUnit.isFinite, peoplePerUnit > 0 else { throw ValidationError("--people-per-unit must be more than 0.") }
        do { _ = try DistanceDecay.parse(decay) } catch let error as AccessError { throw ValidationError("--decay: \(error.description).") }
    }

    func execute() throws {
        let input = try options.input(global)
        if !["zones", "actors"].contains(candidates) {
            try OutputGuard.check(output: options.out, role: "--out", against: [.init(candidates, role: "--candidates file")])
        }
        let territory = input.territory
        let kinds = try options.kinds(), services = options.services()
        let existing = territory.actors.filter { kinds.contains($0.kind) && (services.isEmpty || !services.isDisjoint(with: $0.services)) }
        let measure = capacityMeasure ?? kinds.compactMap(AccessRequest.usualCapacity).sorted { $0.rawValue < $1.rawValue }.first
        let density = Dictionary(territory.zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { a, _ in a })
        var sites = try readCandidates(territory: territory, existing: existing, measure: measure)
        var fixed: [Int] = []
        if keepExisting && candidates != "actors" {
            fixed = Array(sites.count..<(sites.count + existing.count))
            sites += existing.map { actorCandidate($0, status: "kept", density: density, measure: measure) }
        }
        guard !sites.isEmpty else { throw CommandError(message: "there are no candidate sites", category: .data) }

        let decay = try DistanceDecay.parse(decay)
        let locationModel = self.locationModel(decay: decay)
        let graph = try travelGraph(input: input, sites: sites, decay: decay)
        let capacities = try siteCapacities(sites, measure: measure)
        let problem = try LocationProblem(graph: graph, population: territory.zones.map(\.population.total),
                                          direction: direction ?? model.defaultDirection, capacity: capacities)
        let clock = ContinuousClock(), start = clock.now
        let solution = try LocationSolver().solve(locationModel, problem: problem, fixed: fixed)
        global.detail("solved \(locationModel.name) for \(problem.zoneCount) zones and \(problem.candidateCount) candidates in \(clock.now - start)")
        let baseline = fixed.isEmpty || model == .lscp ? nil
            : try LocationSolver().solve(locationModel.with(p: fixed.count), problem: problem, fixed: fixed)
        let figures = { (open: [Int], before: [Int], assignment: [LocationSolution.Assignment]?) in
            LocationSummary.compute(problem: problem, open: open, before: before, assignment: assignment,
                                    coverageLimit: limit ?? 30, decay: decay, accessLimit: nil)
        }
        let after = figures(solution.open, fixed, solution.assignment)
        let before = fixed.isEmpty ? nil : figures(fixed, [], baseline?.assignment)
        try write(solution, summary: after, sites: sites, fixed: Set(fixed))
        LocateReport(command: self, model: locationModel, solution: solution, baseline: baseline, after: after, before: before,
                     sites: sites, fixed: Set(fixed), capacityNote: capacities == nil && objective == .maximinAccess).print()
    }

    private func locationModel(decay: DistanceDecay) -> LocationModel {
        if objective == .maximinAccess { return .maximinAccess(p: p!, decay: decay, limit: nil) }
        switch model {
        case .lscp: return .lscp(limit: limit!)
        case .mclp: return capacitated ? .capacitatedMCLP(p: p!, limit: limit!) : .mclp(p: p!, limit: limit!)
        case .pmedian: return capacitated ? .capacitatedPMedian(p: p!) : .pMedian(p: p!)
        case .pcenter: return .pCenter(p: p!)
        }
    }

    /// The travel graph between zones and candidates, from the line model or the matrix.
    private func travelGraph(input: StudyInput, sites: [LocateCandidate], decay: DistanceDecay) throws -> CatchmentGraph {
        let territory = input.territory
        // Pairs needed: the model's limit (or search limit), the coverage reported, the decay's reach.
        let isDistanceModel = model == .pmedian || model == .pcenter
        var decayReach = 60.0
        if case let .steps(steps) = decay, let last = steps.last { decayReach = last.upTo }
        let reach = max(limit ?? (isDistanceModel ? 120 : 30), 30, decayReach)
        switch try options.travelMode(limit: reach, input: input, global) {
        case let .line(lineModel, _):
            return try StraightLinePairs.graph(
                zones: territory.zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) },
                sites: sites.map { StraightLinePairs.Place(point: $0.point, density: $0.density) }, model: lineModel, limitMinutes: reach
            )
        case let .matrixRows(rows, directed, intrazone):
            return try matrixGraph(territory: territory, sites: sites, pairs: rows.pairs, directed: directed, intrazone: intrazone,
                                   name: try options.matrix ?? input.database?.travelMatrices().first?.name ?? "the matrix")
        case let .matrix(pairs, directed, intrazone):
            return try matrixGraph(territory: territory, sites: sites, pairs: pairs, directed: directed, intrazone: intrazone,
                                   name: options.files.matrixFile ?? "the matrix")
        }
    }

    private func matrixGraph(territory: Territory, sites: [LocateCandidate], pairs: [MatrixPair], directed: Bool,
                             intrazone: Double, name: String) throws -> CatchmentGraph {
        let isDistanceModel = model == .pmedian || model == .pcenter
        try MatrixCandidateCheck.check(sites, pairs: pairs, matrixName: name)
        let kept = isDistanceModel && limit != nil ? pairs.filter { $0.minutes <= limit! } : pairs
        return CatchmentGraph.fromMatrix(zoneIDs: territory.zones.map(\.id), sites: sites.map(\.endpoint), pairs: kept,
                                         directed: directed, intrazoneMinutes: intrazone)
    }

    /// People each candidate can serve, when the model needs capacities (capacitated: every
    /// one must have one) or can use them (maximin-access: all or none; none counts sites).
    private func siteCapacities(_ sites: [LocateCandidate], measure: CapacityMeasure?) throws -> [Double]? {
        guard capacitated || objective == .maximinAccess else { return nil }
        if let missing = sites.first(where: { $0.capacity == nil }) {
            guard capacitated else { return nil }
            let unit = measure.map { " in \($0)" } ?? ""
            let hint = missing.status == "new" ? "give --capacity N or a capacity column in the candidates file" : "set its capacity or use --capacity-measure"
            throw CommandError(message: "candidate '\(missing.id)' (\(missing.status)) has no capacity\(unit): \(hint)", category: .data)
        }
        return sites.map { $0.capacity! * peoplePerUnit }
    }

    private func write(_ solution: LocationSolution, summary: LocationSummary, sites: [LocateCandidate], fixed: Set<Int>) throws {
        let anyCapacity = solution.open.contains { sites[$0].capacity != nil }
        let list = SiteList(sites: zip(solution.open, summary.sites).map { index, figures in
            var properties: [(name: String, value: String)] = [
                ("status", fixed.contains(index) ? "kept" : sites[index].status), ("model", modelName),
                ("population_served", LocateReport.number(figures.served)), ("population_gained", LocateReport.number(figures.gained)),
            ]
            if anyCapacity { properties.append(("capacity", sites[index].capacity.map(LocateReport.number) ?? "")) }
            return SiteList.Site(id: sites[index].id, point: sites[index].point, properties: properties)
        })
        try list.write(to: options.out, delimiter: options.delimiter.unicodeScalars.first!)
    }

    var modelName: String { locationModel(decay: .uniform).name }
}
