import Foundation
import MaillageCore
import MaillageSim

/// Simulated emergency departments against SAE per site: visits (`PASSU`), the share of
/// visits by people aged 80+ (`dt80`) and the admitted share (`dtMCO`), with the issue's
/// goals (Spearman ρ of visits ≥ 0.8, median absolute relative error ≤ 25 %, total within
/// ±5 %, 80+ share within 3 points and admitted share within 5 points, mean absolute error).
///
/// The model's age bands stop at the territory's oldest band (INSEE's `75+`): a site's
/// simulated 80+ visits are its oldest-band visits times ``CalibrationSpec/SiteSeries/eightyShareOfOldestBand``,
/// the share of people aged 80+ among the oldest band's inhabitants.
public struct SiteValidation: Sendable {
    /// One site's observed and simulated figures.
    public struct Site: Sendable, Equatable {
        /// The site's actor id.
        public var id: String
        /// The site's name.
        public var name: String
        /// The zone the site is in, if known.
        public var zoneID: String?
        /// Where the site is.
        public var point: GeoPoint
        /// Observed visits in the year.
        public var observedVisits: Double
        /// Simulated visits a year (0 when the simulation has no emergency department there).
        public var simulatedVisits: Double
        /// Observed share of visits by people aged 80+, when the series is there.
        public var observedShare80: Double?
        /// Simulated share of visits by people aged 80+, when the spec gives the 80+ share of the oldest band.
        public var simulatedShare80: Double?
        /// Observed share of visits followed by an admission, when the series is there.
        public var observedAdmittedShare: Double?
        /// Simulated share of visits followed by an admission.
        public var simulatedAdmittedShare: Double?

        /// (simulated − observed) / observed visits.
        public var relativeError: Double { (simulatedVisits - observedVisits) / observedVisits }
    }

    /// The year observed.
    public var year: Int
    /// Whether the sites were left out of the fit (held out); false when they are the fitted sites themselves.
    public var heldOut: Bool
    /// The sites compared, by id.
    public var sites: [Site]
    /// Sites left out of the comparison because they observed no visit (a relative error needs some), by id.
    /// A site the simulation has no department for stays in, with 0 simulated visits.
    public var excluded: [String]

    /// Spearman's ρ of visits per site.
    public var spearman: Double {
        RankCorrelation.spearman(sites.map(\.observedVisits), sites.map(\.simulatedVisits))
    }
    /// The median of |relative error| of visits per site.
    public var medianAbsoluteRelativeError: Double { RankCorrelation.median(sites.map { abs($0.relativeError) }) }
    /// (Σ simulated − Σ observed) / Σ observed visits.
    public var totalRelativeError: Double {
        let observed = sites.reduce(0) { $0 + $1.observedVisits }
        return (sites.reduce(0) { $0 + $1.simulatedVisits } - observed) / observed
    }
    /// The mean absolute difference of the 80+ share (a fraction; × 100 for points) over the sites having both.
    public var share80MeanAbsoluteError: Double? {
        Self.meanAbsolute(sites.map { ($0.observedShare80, $0.simulatedShare80) })
    }
    /// The mean absolute difference of the admitted share (a fraction) over the sites having both.
    public var admittedShareMeanAbsoluteError: Double? {
        Self.meanAbsolute(sites.map { ($0.observedAdmittedShare, $0.simulatedAdmittedShare) })
    }

    /// The goals: each measure, its goal as text, and whether it is reached (nil when it cannot be measured).
    public var goals: [(measure: String, value: Double?, goal: String, reached: Bool?)] {
        func check(_ value: Double?, _ test: (Double) -> Bool) -> Bool? {
            value.flatMap { $0.isFinite ? test($0) : nil }
        }
        let rho = spearman
        let median = medianAbsoluteRelativeError
        let total = totalRelativeError
        return [
            ("spearman_visits", rho, ">= 0.8", check(rho) { $0 >= 0.8 }),
            ("median_abs_relative_error_visits", median, "<= 0.25", check(median) { $0 <= 0.25 }),
            ("total_relative_error_visits", total, "within +-0.05", check(total) { abs($0) <= 0.05 }),
            ("mae_share_80", share80MeanAbsoluteError, "<= 0.03", check(share80MeanAbsoluteError) { $0 <= 0.03 }),
            (
                "mae_admitted_share", admittedShareMeanAbsoluteError, "<= 0.05",
                check(admittedShareMeanAbsoluteError) { $0 <= 0.05 }
            ),
        ]
    }

    static func meanAbsolute(_ pairs: [(Double?, Double?)]) -> Double? {
        let differences = pairs.compactMap { pair -> Double? in
            guard let observed = pair.0, let simulated = pair.1 else { return nil }
            return abs(simulated - observed)
        }
        return differences.isEmpty ? nil : differences.reduce(0, +) / Double(differences.count)
    }
}

extension SiteValidation {
    /// Compares `simulated` departments with the observed series of `year` on the actors of `subjects`.
    ///
    /// A site enters when it has observed visits above 0; one the simulation has no department
    /// for is compared with 0 simulated visits (a real miss of the model, not left out).
    static func compare(
        simulated: [EmergencySiteCounts], observed: ObservedTable, year: Int, subjects: Set<String>,
        territory: Territory, series: CalibrationSpec.SiteSeries, heldOut: Bool
    ) -> SiteValidation {
        let counts = Dictionary(simulated.map { ($0.actorID, $0) }, uniquingKeysWith: { first, _ in first })
        func values(_ name: String) -> [String: Double] {
            var result: [String: Double] = [:]
            for row in observed.rows where row.scope == "actor" && row.series == name && row.year == year {
                result[row.subject, default: 0] += row.value
            }
            return result
        }
        let visits = values(series.visits)
        let visits80 = values(series.visits80)
        let admitted = values(series.admitted)
        var sites: [Site] = []
        var excluded: [String] = []
        for actor in territory.actors where subjects.contains(actor.id) {
            guard let observedVisits = visits[actor.id] else { continue }
            guard observedVisits > 0 else {
                excluded.append(actor.id)
                continue
            }
            let count = counts[actor.id]
            let simulatedVisits = count?.visits ?? 0
            func share(_ top: Double?) -> Double? { top.map { $0 / observedVisits } }
            let simulatedShare = { (top: Double?) -> Double? in
                guard let top, simulatedVisits > 0 else { return nil }
                return top / simulatedVisits
            }
            sites.append(
                Site(
                    id: actor.id, name: actor.name, zoneID: actor.zoneID, point: actor.point,
                    observedVisits: observedVisits, simulatedVisits: simulatedVisits,
                    observedShare80: share(visits80[actor.id]),
                    simulatedShare80: simulatedShare(
                        series.eightyShareOfOldestBand.flatMap { share in count.map { $0.visitsOldestBand * share } }),
                    observedAdmittedShare: share(admitted[actor.id]),
                    simulatedAdmittedShare: simulatedShare(count?.admissions)))
        }
        sites.sort { $0.id < $1.id }
        return SiteValidation(year: year, heldOut: heldOut, sites: sites, excluded: excluded.sorted())
    }
}
