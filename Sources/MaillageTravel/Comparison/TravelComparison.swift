import Foundation
import MaillageCore
import MaillageGeo
import MaillageStore

/// `maillage travel compare`: a stored matrix against another or against the line model,
/// over the first matrix's pairs: errors by distance band, and what they change for a
/// planner, the share of the population within 15, 30 and 45 minutes of each site kind
/// (or, for a zone-to-zone matrix, of each destination zone) under each source.
public struct TravelComparison: Sendable {
    /// What the reference matrix is compared with.
    public enum Against: Sendable {
        case matrix(String)
        /// The line model in force in the database (fitted, else the defaults).
        case line
    }

    /// The stored matrix whose pairs are compared.
    public var reference: String
    /// The other source.
    public var against: Against
    /// The times, in minutes, at which population coverage is compared.
    public var thresholds: [Double] = [15, 30, 45]

    /// A comparison of `reference` with `against` at 15, 30 and 45 minutes.
    public init(reference: String, against: Against) {
        self.reference = reference
        self.against = against
    }

    /// The share of people within a time of a kind of site, under each source.
    public struct Coverage: Sendable, Encodable {
        /// A site kind (`hospital`) or, for zone destinations, `zones` (the mean over sites).
        public let sites: String
        /// The time, in minutes.
        public let minutes: Double
        /// Share of the population, in percent.
        public let reference: Double
        /// The same share under the compared source, in percent.
        public let compared: Double
        /// For zone destinations: the mean and largest gap over the sites, in points.
        public let meanGap: Double?
        /// For zone destinations: the largest gap over the sites, in points.
        public let largestGap: Double?
    }

    /// What a comparison found, for the terminal, `--json` and `--out`.
    public struct Report: Sendable, Encodable {
        /// The reference matrix's name.
        public let reference: String
        /// The compared source's name (a matrix, or the line model).
        public let compared: String
        /// Reference pairs the compared source also has.
        public let comparedPairs: Int
        /// Reference pairs the compared matrix lacks, left out of the errors.
        public let missingInCompared: Int
        /// Errors by distance band (``DistanceBand`` labels).
        public let bands: [String: ErrorSummary]
        /// Errors over every pair compared.
        public let all: ErrorSummary
        /// Population coverage under each source, by site kind and time.
        public let coverage: [Coverage]
    }

    /// Compares the sources over the reference's pairs.
    ///
    /// - Throws: `ValidationError` for a matrix the database does not have; store errors.
    public func run(on database: TerritoryDatabase) throws -> Report {
        let territory = try database.loadTerritory()
        let places = TerritoryPlaces(territory)
        guard try database.travelMatrices().contains(where: { $0.name == reference }) else {
            throw ValidationError(field: "matrix", reason: "the database has no travel matrix '\(reference)'")
        }
        let samples = try places.samples(of: reference, in: database)
        let compared: (RoadSample) -> Double?
        let comparedName: String
        var line: StraightLineModel?
        switch against {
        case .matrix(let name):
            guard let matrix = try database.travelMatrix(named: name) else {
                throw ValidationError(field: "against", reason: "the database has no travel matrix '\(name)'")
            }
            compared = { matrix.minutes(from: $0.origin, to: $0.destination) }
            comparedName = name
        case .line:
            let (model, record) = try StoredLineModel.inForce(in: database)
            line = model
            compared = { $0.predicted(by: model) }
            comparedName = record.map { "line (fitted v\($0.version))" } ?? "line (defaults)"
        }
        var byBand: [String: [Double]] = [:]
        var all: [Double] = []
        var missing = 0
        var comparedTimes: [Double?] = []
        for sample in samples {
            let other = compared(sample)
            comparedTimes.append(other)
            guard let other else {
                missing += 1
                continue
            }
            let error = other - sample.minutes
            byBand[DistanceBand.label(forKm: sample.metres / 1000), default: []].append(error)
            all.append(error)
        }
        let coverage = try self.coverage(
            territory: territory, places: places, samples: samples, comparedTimes: comparedTimes, line: line,
            database: database)
        return Report(
            reference: reference, compared: comparedName, comparedPairs: all.count, missingInCompared: missing,
            bands: byBand.mapValues(ErrorSummary.init), all: ErrorSummary(errors: all), coverage: coverage)
    }

    private func coverage(
        territory: Territory, places: TerritoryPlaces, samples: [RoadSample], comparedTimes: [Double?],
        line: StraightLineModel?,
        database: TerritoryDatabase
    ) throws -> [Coverage] {
        let zones = territory.zones.filter { $0.population.total > 0 }
        let total = zones.reduce(0) { $0 + $1.population.total }
        guard total > 0 else { return [] }
        // Reference and compared times by zone → destination, over the reference's pairs
        // (and, for the line model, over every zone × site pair: it has no gaps).
        var result: [Coverage] = []
        let actorKind = Dictionary(uniqueKeysWithValues: territory.actors.map { ($0.id, $0.kind) })
        let zoneOrigin = samples.indices.filter { samples[$0].origin.kind == .zone }
        let kinds = Set(
            zoneOrigin.compactMap {
                samples[$0].destination.kind == .actor ? actorKind[samples[$0].destination.id] : nil
            })
        for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
            var nearestReference: [String: Double] = [:]
            var nearestCompared: [String: Double] = [:]
            for index in zoneOrigin
            where samples[index].destination.kind == .actor && actorKind[samples[index].destination.id] == kind {
                let zone = samples[index].origin.id
                nearestReference[zone] = min(nearestReference[zone] ?? .infinity, samples[index].minutes)
                if line == nil, let other = comparedTimes[index] {
                    nearestCompared[zone] = min(nearestCompared[zone] ?? .infinity, other)
                }
            }
            if let line {
                let sites = territory.actors.filter { $0.kind == kind }
                for zone in zones {
                    let from = places.places[.zone(zone.id)]!
                    nearestCompared[zone.id] = sites.map { site in
                        let to = places.places[.actor(site.id)]!
                        return line.minutes(
                            metres: Geodesic.wgs84.distance(from: from.point, to: to.point), from: from.density,
                            to: to.density)
                    }.min()
                }
            }
            for minutes in thresholds {
                func share(_ nearest: [String: Double]) -> Double {
                    100 * zones.reduce(0) { $0 + ((nearest[$1.id] ?? .infinity) <= minutes ? $1.population.total : 0) }
                        / total
                }
                result.append(
                    Coverage(
                        sites: kind.rawValue, minutes: minutes, reference: share(nearestReference),
                        compared: share(nearestCompared), meanGap: nil, largestGap: nil))
            }
        }
        // Zone destinations: each destination zone is a site; the population of origin zones within reach.
        let zoneToZone = zoneOrigin.filter { samples[$0].destination.kind == .zone }
        if !zoneToZone.isEmpty {
            let population = Dictionary(uniqueKeysWithValues: zones.map { ($0.id, $0.population.total) })
            var bySite: [String: [Int]] = [:]
            for index in zoneToZone { bySite[samples[index].destination.id, default: []].append(index) }
            for minutes in thresholds {
                var referenceShares: [Double] = []
                var comparedShares: [Double] = []
                var gaps: [Double] = []
                // In id order: a dictionary's order changes from one process to the next, and so
                // would the sums' last digits.
                for site in bySite.keys.sorted() {
                    let indices = bySite[site] ?? []
                    var reach = population[site] ?? 0
                    var reachCompared = population[site] ?? 0
                    for index in indices {
                        let people = population[samples[index].origin.id] ?? 0
                        if samples[index].minutes <= minutes { reach += people }
                        if let other = comparedTimes[index], other <= minutes { reachCompared += people }
                    }
                    referenceShares.append(100 * reach / total)
                    comparedShares.append(100 * reachCompared / total)
                    gaps.append(abs(100 * (reachCompared - reach) / total))
                }
                let count = Double(bySite.count)
                result.append(
                    Coverage(
                        sites: "zones (mean over \(bySite.count) destination zones)", minutes: minutes,
                        reference: referenceShares.reduce(0, +) / count, compared: comparedShares.reduce(0, +) / count,
                        meanGap: gaps.reduce(0, +) / count, largestGap: gaps.max()))
            }
        }
        return result
    }
}
