import Testing

@testable import MaillageCore

@Suite struct StudentTTests {
    /// Quantiles from R: qt(0.975, c(1, 9, 29, 40, 120)).
    @Test func quantilesMatchR() {
        #expect(abs(StudentT.quantile975(df: 1) - 12.706205) < 1e-6)
        #expect(abs(StudentT.quantile975(df: 9) - 2.262157) < 1e-6)
        #expect(abs(StudentT.quantile975(df: 29) - 2.045230) < 1e-6)
        #expect(abs(StudentT.quantile975(df: 40) - 2.021075) < 1e-5)
        #expect(abs(StudentT.quantile975(df: 120) - 1.979930) < 1e-5)
    }

    /// Values 1, 2, 3: mean 2, sd 1, half-width 4.302653 / √3 = 2.484138 (by hand).
    @Test func intervalOfThreeValues() {
        let summary = StudentT.summary([1, 2, 3])
        #expect(summary.mean == 2)
        #expect(abs((summary.low ?? 0) - (2 - 2.484138)) < 1e-6)
        #expect(abs((summary.high ?? 0) - (2 + 2.484138)) < 1e-6)
        #expect(StudentT.summary([5]).low == nil)
    }
}
