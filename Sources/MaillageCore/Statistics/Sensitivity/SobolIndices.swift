/// First-order and total Sobol' indices with bootstrap intervals, from outputs on a Saltelli design.
///
/// The estimators are SALib's (`SALib.analyze.sobol.analyze`, `calc_second_order=False`):
/// outputs are first standardised over the whole sample (mean 0, population sd 1); then with
/// A, B and AB_j the outputs of the design's blocks, and V the population variance of A and B
/// together, S1_j = mean(B (AB_j − A)) / V (Saltelli et al. 2010) and ST_j = mean((A − AB_j)²) / (2V)
/// (Jansen 1999). Interval half-widths are z · sd over bootstrap resamples of the base points.
public struct SobolIndices: Sendable, Equatable, Codable {
    /// The first-order index of each input: the share of output variance it explains alone.
    public var firstOrder: [Double]
    /// Half-width of the bootstrap interval on each first-order index.
    public var firstOrderConfidence: [Double]
    /// The total index of each input: its share of variance including every interaction.
    public var total: [Double]
    /// Half-width of the bootstrap interval on each total index.
    public var totalConfidence: [Double]

    /// Analyses the outputs of a Saltelli design, with bootstrap intervals.
    ///
    /// - Parameters:
    ///   - outputs: N (D + 2) outputs in the order of ``SaltelliDesign``.
    ///   - dimension: the number of inputs, D.
    ///   - bootstrap: the resamples of the base points behind the intervals.
    ///   - confidenceLevel: the intervals' level (0.95 for 95 %).
    public static func analyze(
        outputs: [Double], dimension: Int,
        bootstrap: SensitivityBootstrap = .seeded(count: 100, seed: 1),
        confidenceLevel: Double = 0.95
    ) -> SobolIndices {
        let step = dimension + 2
        precondition(dimension > 0 && outputs.count % step == 0 && outputs.count / step > 1, "N (D + 2) outputs")
        let n = outputs.count / step
        let mean = outputs.reduce(0, +) / Double(outputs.count)
        let sd = (outputs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(outputs.count)).squareRoot()
        let y = outputs.map { ($0 - mean) / sd }
        let a = (0..<n).map { y[$0 * step] }
        let b = (0..<n).map { y[$0 * step + step - 1] }
        let ab = (0..<dimension).map { j in (0..<n).map { y[$0 * step + 1 + j] } }
        let z = NormalQuantile.of(0.5 + confidenceLevel / 2)
        let resamples = bootstrap.resamples(size: n)
        var result = SobolIndices(firstOrder: [], firstOrderConfidence: [], total: [], totalConfidence: [])
        let all = Array(0..<n)
        for j in 0..<dimension {
            result.firstOrder.append(first(a, ab[j], b, all))
            result.total.append(total(a, ab[j], b, all))
            // SALib gives a zero interval when every resampled A and B output is the same.
            let flat =
                !resamples.isEmpty
                && resamples.allSatisfy { $0.allSatisfy { a[$0] == a[resamples[0][0]] && b[$0] == a[resamples[0][0]] } }
            result.firstOrderConfidence.append(
                flat ? 0 : z * sampleStandardDeviation(resamples.map { first(a, ab[j], b, $0) }))
            result.totalConfidence.append(
                flat ? 0 : z * sampleStandardDeviation(resamples.map { total(a, ab[j], b, $0) }))
        }
        return result
    }

    /// Population variance of the A and B outputs of the base points `rows`.
    private static func variance(_ a: [Double], _ b: [Double], _ rows: [Int]) -> Double {
        let values = rows.map { a[$0] } + rows.map { b[$0] }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    }

    private static func first(_ a: [Double], _ ab: [Double], _ b: [Double], _ rows: [Int]) -> Double {
        rows.reduce(0) { $0 + b[$1] * (ab[$1] - a[$1]) } / Double(rows.count) / variance(a, b, rows)
    }

    private static func total(_ a: [Double], _ ab: [Double], _ b: [Double], _ rows: [Int]) -> Double {
        0.5 * rows.reduce(0) { $0 + (a[$1] - ab[$1]) * (a[$1] - ab[$1]) } / Double(rows.count) / variance(a, b, rows)
    }
}
