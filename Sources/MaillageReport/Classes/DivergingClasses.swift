/// Classes of differences centred on 0: three of equal, round width on each side, and 0 alone.
///
/// The width is a round number (1, 2 or 5 × a power of ten) so that the legend reads
/// `0 – 5`, `5 – 10`, `10 – 15`; the classes reach the largest difference in absolute value,
/// so a fall and a rise of the same size get the same depth of colour. A class holds its
/// upper bound in absolute value (a difference of exactly 5 is in `0 – 5`).
package struct DivergingClasses: Sendable, Equatable {
    /// The width of each class.
    package let step: Double
    /// Classes on each side of 0, so that the palette's six colours are used.
    package static let perSide = 3

    /// Classes reaching the largest finite |value|, or nil when every value is 0 or undefined.
    package init?(values: [Double]) {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        guard largest > 0 else { return nil }
        step = NiceNumbers.roundStep(largest / Double(Self.perSide))
    }

    /// Position in ``DivergingPalette/colours``: 0…2 below 0, 3…5 above; nil for 0 or undefined.
    package func classIndex(of value: Double) -> Int? {
        guard value.isFinite, value != 0 else { return nil }
        let depth = min(Self.perSide - 1, max(0, Int((abs(value) / step).rounded(.up)) - 1))
        return value < 0 ? Self.perSide - 1 - depth : Self.perSide + depth
    }

    /// The (lower, upper) bounds of a class, as the legend prints them.
    package func bounds(ofClass index: Int) -> (low: Double, high: Double) {
        let depth = index < Self.perSide ? Self.perSide - 1 - index : index - Self.perSide
        let near = Double(depth) * step
        let far = Double(depth + 1) * step
        return index < Self.perSide ? (-far, -near) : (near, far)
    }
}

/// The colours of a diverging map: ColorBrewer PuOr (colour-blind safe), orange for falls,
/// purple for rises, a near-white for no change and a mid grey for a difference that is not
/// significant.
package enum DivergingPalette {
    /// The palette's name, for the report's notes on colours.
    package static let name = "ColorBrewer PuOr (colour-blind safe)"
    /// Six classes from the largest fall to the largest rise (PuOr's 6-class scheme, reversed so that purple is a rise).
    package static let colours = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]
    /// A difference of exactly 0.
    package static let zero = "#f7f7f7"
    /// A difference that is not significant at 5 %.
    package static let notSignificant = "#bdbdbd"
}
