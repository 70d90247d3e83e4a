import MaillageCore
import MaillageFormats

/// `sensitivity.json`: the plan, every parameter's range and every indicator's indices, as
/// one `Codable` value written through `JSONText` (sorted keys; an undefined number is null).
struct SensitivityDocument: Encodable {
    /// A parameter's range and whether an observed source backs its default.
    struct Parameter: Encodable {
        let name: String, mode: String, low: Double?, high: Double?, observed: Bool, source: String
    }

    /// One parameter's indices for an indicator: Morris's or Sobol's.
    struct Indices: Encodable {
        let values: [(key: String, value: Double)]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NamedCodingKey.self)
            for (key, value) in values { try container.encode(value.finite, forKey: NamedCodingKey(key)) }
        }
    }

    /// An indicator's mean and spread over the points, its share of variance from assumptions, its indices.
    struct Indicator: Encodable {
        let name: String
        @NullEncoded var mean: Double?
        @NullEncoded var sd: Double?
        @NullEncoded var assumptionShare: Double?
        @NullEncoded var assumptionDriven: Bool?
        let indices: [String: Indices]

        enum CodingKeys: String, CodingKey {
            case name, mean, sd
            case assumptionShare = "assumption_share"
            case assumptionDriven = "assumption_driven"
            case indices
        }
    }

    let method: String, rangesFile: String, rangesHash: String
    let size: Int, levels: Int, points: Int, designSeed: UInt64
    let seed: UInt64, replications: Int, days: Int
    @NullEncoded var sample: Double?
    @NullEncoded var scenario: String?
    let assumptionRule: String
    let parameters: [Parameter]
    let indicators: [Indicator]

    enum CodingKeys: String, CodingKey {
        case method
        case rangesFile = "ranges_file"
        case rangesHash = "ranges_hash"
        case size, levels, points
        case designSeed = "design_seed"
        case seed, replications, days, sample, scenario
        case assumptionRule = "assumption_rule"
        case parameters, indicators
    }
}

extension SensitivityDocument {
    /// The document of an analysis.
    init(_ analysis: SensitivityAnalysis) {
        let plan = analysis.plan
        method = plan.method.rawValue
        (rangesFile, rangesHash) = (plan.rangesFile, plan.rangesHash)
        (size, levels, points, designSeed) = (plan.size, plan.levels, plan.pointCount, plan.designSeed)
        (seed, replications, days, sample) = (plan.seed, plan.replications, plan.days, plan.sample.finite)
        scenario = plan.scenarioFile
        assumptionRule =
            "assumption_driven when more than half of the variance (Sobol: share of summed total indices; "
            + "Morris: share of summed mu_star squared) comes from parameters marked observed: false"
        parameters = plan.parameters.map {
            Parameter(
                name: $0.name, mode: $0.mode.rawValue, low: $0.low.finite, high: $0.high.finite,
                observed: $0.observed, source: $0.source)
        }
        indicators = analysis.indicators.map { indicator in
            var indices: [String: Indices] = [:]
            for (p, parameter) in plan.parameters.enumerated() {
                if let m = indicator.morris {
                    indices[parameter.name] = Indices(values: [
                        ("mu", m.mu[p]), ("mu_star", m.muStar[p]), ("sigma", m.sigma[p]),
                        ("mu_star_conf", m.muStarConfidence[p]),
                    ])
                } else if let s = indicator.sobol {
                    indices[parameter.name] = Indices(values: [
                        ("S1", s.firstOrder[p]), ("S1_conf", s.firstOrderConfidence[p]), ("ST", s.total[p]),
                        ("ST_conf", s.totalConfidence[p]),
                    ])
                }
            }
            let share = indicator.assumptionShare.finite
            return Indicator(
                name: indicator.name, mean: indicator.mean.finite, sd: indicator.standardDeviation.finite,
                assumptionShare: share, assumptionDriven: share.map { _ in indicator.assumptionDriven },
                indices: indices)
        }
    }
}
