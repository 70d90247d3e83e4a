import Testing

@testable import MaillageScenario

/// The tornado chart's numbers: whatever the estimates (a few Sobol' samples give wild ones),
/// every figure is written, never trapped on.
@Suite struct SensitivityTornadoTests {
    @Test(arguments: [
        (0.0, "0"), (150.4, "150"), (-250.6, "-251"), (0.01234, "0.0123"), (2.5, "2.5"),
        (1e19, "10000000000000000000"), (-1e22, "-1" + String(repeating: "0", count: 22)),
        (Double.nan, "0"), (Double.infinity, "0"),
    ])
    func numbersOfAnyMagnitudeAreWritten(value: Double, text: String) {
        #expect(SensitivityTornado.format(value) == text)
    }

    @Test func theLargestDoubleIsWrittenWhole() {
        // 1.797…e308: 309 digits, the first ones those of the binary value.
        let text = SensitivityTornado.format(.greatestFiniteMagnitude)
        #expect(text.count == 309 && text.hasPrefix("17976931348623157"))
    }
}
