import Testing

@testable import MaillageReport

/// Quantile breaks against Python's `statistics.quantiles(method="inclusive")` (type 7).
@Suite struct QuantileClassesTests {
    @Test func fiveClassesOfOneToTen() throws {
        // python3 -c "import statistics; print(statistics.quantiles([1,2,3,4,5,6,7,8,9,10], n=5, method='inclusive'))"
        // → [2.8, 4.6, 6.4, 8.2]
        let classes = try #require(QuantileClasses(values: [10, 3, 1, 2, 4, 5, 6, 7, 8, 9], classes: 5))
        #expect(classes.minimum == 1)
        let expected = [2.8, 4.6, 6.4, 8.2, 10]
        #expect(classes.upperBounds.count == 5)
        for (bound, value) in zip(classes.upperBounds, expected) { #expect(abs(bound - value) < 1e-12) }
        // Each class holds its upper bound: 2.8 is in the first, just above it in the second.
        #expect(classes.classIndex(of: 1) == 0)
        #expect(classes.classIndex(of: 2.8) == 0)
        #expect(classes.classIndex(of: 2.81) == 1)
        #expect(classes.classIndex(of: 10) == 4)
        #expect(classes.classIndex(of: .nan) == nil)
    }

    @Test func equalBreaksMergeIntoFewerClasses() throws {
        // python3 -c "import statistics; print(statistics.quantiles([0,0,0,0,0,0,1,2,3,4], n=5, method='inclusive'))"
        // → [0.0, 0.0, 0.4, 2.2]: the two 0 breaks become one class "0", then 0.4, 2.2 and the maximum 4.
        let classes = try #require(QuantileClasses(values: [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, .nan], classes: 5))
        #expect(classes.upperBounds.count == 4)
        let expected = [0, 0.4, 2.2, 4]
        for (bound, value) in zip(classes.upperBounds, expected) { #expect(abs(bound - value) < 1e-12) }
        #expect(classes.classIndex(of: 0) == 0)
        #expect(classes.classIndex(of: 1) == 2)
        #expect(abs(classes.lowerBound(ofClass: 2) - 0.4) < 1e-12)
    }

    @Test func undefinedOnlyGivesNoClassesAndOneValueGivesOne() throws {
        #expect(QuantileClasses(values: [.nan, .infinity], classes: 5) == nil)
        let single = try #require(QuantileClasses(values: [7, 7, 7], classes: 5))
        #expect(single.upperBounds == [7])
    }

    @Test func paletteHasAColourPerClass() {
        for count in 1...7 {
            #expect(SequentialPalette.colours(count: count).count == count)
        }
    }
}
