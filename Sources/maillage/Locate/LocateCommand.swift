import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageIO
import MaillageStore

/// `maillage locate lscp|mclp|pmedian|pcenter`: where the next sites should go.
struct LocateCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Location models (LSCP, MCLP, p-median, p-center) over candidate sites.",
        discussion: """
            Candidates are the zones' points (new sites), the existing actors of --kind (which to keep), \
            or a CSV of candidates (id, lat, lon). With --keep-existing the existing actors of --kind stay open \
            and count toward -p. Exact on small instances, greedy + interchange with a bound otherwise.
            Example: maillage locate mclp --db out/demo.db --kind hospital --service emergency --candidates zones -p 3 --limit 30 --keep-existing --out sites.csv
            """
    )

    @Argument(help: "lscp, mclp, pmedian or pcenter.") var model: String
    @Option(help: "The territory database.") var db: String
    @Option(help: "Kind of the existing sites, comma-separated.") var kind: String
    @Option(help: "Keep only existing sites offering one of these services.") var service: String?
    @Option(help: "Candidate sites: 'zones', 'actors' (the existing ones) or a CSV file (id, lat, lon).") var candidates = "zones"
    @Option(name: .customShort("p"), help: "How many sites to open (MCLP, p-median, p-center).") var p: Int?
    @Option(help: "Coverage limit in minutes (LSCP, MCLP); search limit for p-median and p-center (default 120).") var limit: Double?
    @Flag(help: "The existing sites of --kind stay open and count toward -p.") var keepExisting = false
    @Option(help: "Results: .csv or .geojson, one row per chosen site.") var out: String
    @Flag(help: "Print the result as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ["lscp", "mclp", "pmedian", "pcenter"].contains(model) else {
            throw ValidationError("the model must be lscp, mclp, pmedian or pcenter, not '\(model)'.")
        }
        if model != "lscp", p == nil { throw ValidationError("\(model) needs -p, the number of sites to open.") }
        if model == "lscp" || model == "mclp", limit == nil { throw ValidationError("\(model) needs --limit in minutes.") }
        if let limit, !(limit.isFinite && limit > 0) { throw ValidationError("--limit must be more than 0 minutes.") }
    }

    func execute() throws {
        var inputs = OutputGuard.Input.database(db)
        if !["zones", "actors"].contains(candidates) { inputs.append(.init(candidates, role: "--candidates file")) }
        try OutputGuard.check(output: out, role: "--out", against: inputs)
        let territory = try TerritoryDatabase.open(at: db).loadTerritory()
        let kinds = Set(try kind.split(separator: ",").map { try ActorKind.parse(String($0)) })
        let services = Set((service ?? "").split(separator: ",").map { String($0).lowercased() })
        let existing = territory.actors.filter { kinds.contains($0.kind) && (services.isEmpty || !services.isDisjoint(with: $0.services)) }
        let density = Dictionary(territory.zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { a, _ in a })
        var sites = try candidateSites(territory: territory, existing: existing, density: density)
        var fixed: [Int] = []
        if keepExisting && candidates != "actors" {
            fixed = Array(sites.count..<(sites.count + existing.count))
            sites += existing.map { ($0.id, $0.point, "existing", $0.zoneID.flatMap { density[$0] } ?? nil) }
        }
        guard !sites.isEmpty else { throw CommandError(message: "there are no candidate sites", status: .dataError) }
        let searchLimit = limit ?? 120
        let graph = try StraightLinePairs.graph(
            zones: territory.zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) },
            sites: sites.map { StraightLinePairs.Place(point: $0.point, density: $0.density) }, model: .calibrated, limitMinutes: searchLimit
        )
        let problem = try LocationProblem(graph: graph, population: territory.zones.map(\.population.total))
        let locationModel: LocationModel = switch model {
        case "lscp": .lscp(limit: searchLimit)
        case "mclp": .mclp(p: p!, limit: searchLimit)
        case "pmedian": .pMedian(p: p!)
        default: .pCenter(p: p!)
        }
        let solution = try LocationSolver().solve(locationModel, problem: problem, fixed: fixed)
        let baseline = fixed.isEmpty || model == "lscp" ? nil
            : try LocationSolver().solve(replacingP(locationModel, fixed.count), problem: problem, fixed: fixed)
        try write(solution, sites: sites, fixed: Set(fixed))
        report(solution, baseline: baseline, sites: sites)
    }

    private func replacingP(_ model: LocationModel, _ p: Int) -> LocationModel {
        switch model {
        case let .mclp(_, limit): .mclp(p: p, limit: limit)
        case .pMedian: .pMedian(p: p)
        case .pCenter: .pCenter(p: p)
        case .lscp: model
        }
    }

    typealias Candidate = (id: String, point: GeoPoint, status: String, density: DensityClass?)

    private func candidateSites(territory: Territory, existing: [Actor], density: [String: DensityClass?]) throws -> [Candidate] {
        switch candidates {
        case "zones":
            return territory.zones.map { ("zone:\($0.id)", $0.point, "new", $0.densityClass) }
        case "actors":
            guard !existing.isEmpty else { throw CommandError(message: "the territory has no actor of kind \(kind) to choose from", status: .dataError) }
            return existing.map { ($0.id, $0.point, "existing", $0.zoneID.flatMap { density[$0] } ?? nil) }
        default:
            var sites: [Candidate] = []
            let file = try DelimitedFile(path: candidates)
            try file.requireColumns(["id", "lat", "lon"])
            let positions = try PositionReader(file: file, crs: nil)
            try file.forEachRecord { record in
                sites.append((try record.required("id"), try positions.position(of: record).0, "new", nil))
            }
            return sites
        }
    }

    private func write(_ solution: LocationSolution, sites: [Candidate], fixed: Set<Int>) throws {
        let list = SiteList(sites: solution.open.map { index in
            SiteList.Site(id: sites[index].id, point: sites[index].point,
                          properties: [("status", fixed.contains(index) ? "kept" : sites[index].status), ("model", model)])
        })
        try list.write(to: out)
    }

    private func report(_ solution: LocationSolution, baseline: LocationSolution?, sites: [Candidate]) {
        var object: [String: Any] = [
            "model": model, "open": solution.open.map { sites[$0].id }, "objective": solution.objective,
            "exact": solution.isExact, "unreachable_zones": solution.unreachableZones.count, "out": out,
        ]
        if let bound = solution.bound { object["bound"] = bound }
        if let gap = solution.gap { object["gap"] = gap }
        if let covered = solution.coveredPopulation { object["covered_population"] = covered }
        if let baseline { object["objective_existing_only"] = baseline.objective; object["gain"] = solution.objective - baseline.objective }
        if json {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("\(model): \(solution.open.count) sites, objective \(solution.objective)"
                  + (solution.isExact ? " (optimal)" : solution.gap.map { String(format: " (within %.2f %% of a bound)", $0 * 100) } ?? "")
                  + (baseline.map { ", existing sites alone \($0.objective)" } ?? "") + " → \(out)")
        }
    }
}
