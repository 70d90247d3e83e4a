import MaillageCore
import Testing

/// Spearman's ρ, average ranks and the median against values worked out by hand.
@Suite struct RankCorrelationTests {
    @Test func averageRanksShareTheirMeanRank() {
        // 1 is first, 2 second, the two 3s share ranks 3 and 4.
        #expect(RankCorrelation.averageRanks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(RankCorrelation.averageRanks([5, 5, 5]) == [2, 2, 2])
    }

    @Test func spearmanWithoutTiesIsOneMinusSixSumOfSquaredRankDifferences() {
        // Ranks 1 2 3 4 against 1 3 2 4: Σd² = 2, ρ = 1 − 6·2 / (4·15) = 0.8.
        #expect(abs(RankCorrelation.spearman([10, 20, 30, 40], [1, 3, 2, 4]) - 0.8) < 1e-15)
        #expect(RankCorrelation.spearman([1, 2, 3], [30, 20, 10]) == -1)
    }

    @Test func spearmanWithTiesIsThePearsonCorrelationOfAverageRanks() {
        // Ranks (1, 2, 3, 4) and (1, 2.5, 2.5, 4): deviations (−1.5, −0.5, 0.5, 1.5) and
        // (−1.5, 0, 0, 1.5); covariance 4.5, variances 5 and 4.5: ρ = 4.5 / √22.5 = √0.9.
        #expect(abs(RankCorrelation.spearman([1, 2, 3, 4], [1, 2, 2, 3]) - 0.9.squareRoot()) < 1e-15)
        #expect(RankCorrelation.spearman([1, 2, 3], [7, 7, 7]).isNaN)
        #expect(RankCorrelation.spearman([1], [2]).isNaN)
    }

    @Test func medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        #expect(RankCorrelation.median([3, 1, 2]) == 2)
        #expect(RankCorrelation.median([0.4, 0.1, 0.3, 0.2]) == 0.25)
        #expect(RankCorrelation.median([]).isNaN)
    }
}
