import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageRuns
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
    @Option(
        help:
            "Candidate sites: 'zones', 'actors' (the existing ones) or a CSV file (id, lat, lon[, zone_id][, capacity])."
    ) var candidates = "zones"
    @Option(name: .customShort("p"), help: "How many sites to open (all but LSCP).") var p: Int?
    @Option(
        help:
            "Coverage limit in minutes (LSCP, MCLP; the coverage reported for the others, default 30); search limit for p-median and p-center (default 120 on the line model, the whole matrix otherwise)."
    ) var limit: Double?
    @Flag(help: "The existing sites of --kind stay open and count toward -p.") var keepExisting = false
    @Option(
        help:
            "Which times the model reads from a directed matrix: zone-to-site or site-to-zone (default: site-to-zone for LSCP and MCLP, zone-to-site otherwise)."
    ) var direction: LocationDirection?
    @Flag(help: "Each open site serves at most its capacity (p-median, MCLP); unassigned demand is reported.")
    var capacitated = false
    @Option(help: "Capacity of each new candidate without a capacity column, in the unit of --capacity-measure.")
    var capacity: Double?
    @Option(help: "Capacity measure of the existing sites (fte, beds, places…); default: the kind's usual one.")
    var capacityMeasure: CapacityMeasure?
    @Option(help: "People one unit of capacity serves (e.g. 1000 patients per GP FTE).") var peoplePerUnit: Double = 1
    @Option(help: "model (the model's own objective) or maximin-access (raise the worst-served tenth's E2SFCA access).")
    var objective: LocationObjective = .model
    @Option(help: "Distance decay of the access figures and of maximin-access (as for access e2sfca).") var decay =
        "step:10:1,20:0.68,30:0.22"
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if model != .lscp, p == nil {
            throw ValidationError("\(model.rawValue) needs -p, the number of sites to open.")
        }
        if model == .lscp || model == .mclp, limit == nil {
            throw ValidationError("\(model.rawValue) needs --limit in minutes.")
        }
        if let limit, !(limit.isFinite && limit > 0) { throw ValidationError("--limit must be more than 0 minutes.") }
        if capacitated, model != .pmedian, model != .mclp {
            throw ValidationError("--capacitated applies to pmedian and mclp, not \(model.rawValue).")
        }
        if objective == .maximinAccess, model == .lscp {
            throw ValidationError("--objective maximin-access needs -p: use it with mclp, pmedian or pcenter.")
        }
        if objective == .maximinAccess, capacitated {
            throw ValidationError("--objective maximin-access and --capacitated cannot be combined.")
        }
        if let capacity, !(capacity.isFinite && capacity >= 0) {
            throw ValidationError("--capacity must be a number ≥ 0.")
        }
        guard peoplePerUnit.isFinite, peoplePerUnit > 0 else {
            throw ValidationError("--people-per-unit must be more than 0.")
        }
        do { _ = try DistanceDecay.parse(decay) } catch let error as AccessError {
            throw ValidationError("--decay: \(error.description).")
        }
    }

    func execute() throws {
        let study = try options.load(global)
        let input = study.input
        if !["zones", "actors"].contains(candidates) {
            try OutputGuard.check(
                output: options.out, role: "--out", against: [.init(candidates, role: "--candidates file")])
        }
        let request = try locationRequest()
        let travel = try study.travel(limit: request.travelReach, options: options, global)
        let matrixName: String =
            switch travel {
            case .line: "the matrix"
            case .matrixRows: try options.matrix ?? input.database?.travelMatrices().first?.name ?? "the matrix"
            case .matrix: options.files.matrixFile ?? "the matrix"
            }
        let outcome = try LocationRunner.run(
            request, input: input, travel: travel, matrixName: matrixName, log: global.log)
        LocateReport(outcome: outcome, out: options.out, json: options.json).print()
    }

    /// The library's request from the parsed options.
    private func locationRequest() throws -> LocationRequest {
        let source: LocationRequest.Candidates =
            switch candidates {
            case "zones": .zones
            case "actors": .actors
            default: .file(candidates)
            }
        return LocationRequest(
            model: model, candidates: source, kinds: try options.kinds(), services: options.services(), p: p,
            limit: limit,
            keepExisting: keepExisting, direction: direction, capacitated: capacitated, capacity: capacity,
            capacityMeasure: capacityMeasure, peoplePerUnit: peoplePerUnit, objective: objective,
            decay: try DistanceDecay.parse(decay), out: options.out, delimiter: options.delimiter.unicodeScalars.first!,
            travel: options.travel.rawValue, matrix: options.matrix)
    }
}
