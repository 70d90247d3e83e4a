/// The colours of a choropleth's classes, lightest for the lowest values.
///
/// ColorBrewer's YlGnBu (Cynthia Brewer, Mark Harrower, Penn State, colorbrewer2.org,
/// Apache 2.0), marked there as colour-blind safe, print friendly and photocopy safe up to 5
/// classes. Its hues run yellow → green → blue, so no class can be mistaken for the red
/// used for emergency departments and zones beyond a threshold.
package enum SequentialPalette {
    /// The palette's name, for the report's notes on colours.
    package static let name = "ColorBrewer YlGnBu (colour-blind safe)"

    /// The colours for `count` classes (1 to 7; larger counts get the 7-class scheme).
    package static func colours(count: Int) -> [String] {
        switch count {
        case ..<1: []
        case 1: ["#41b6c4"]
        case 2: ["#a1dab4", "#2c7fb8"]
        case 3: ["#edf8b1", "#7fcdbb", "#2c7fb8"]
        case 4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"]
        case 5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
        case 6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]
        default: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]
        }
    }

    /// The grey zones with no value are drawn in, under a hatch.
    package static let undefined = "#d9d9d9"
    /// Emergency departments and the outline of zones beyond a threshold.
    package static let alert = "#e31a1c"
}
