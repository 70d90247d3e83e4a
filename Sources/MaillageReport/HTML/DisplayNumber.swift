import Foundation

/// Numbers as a reader sees them in the report: grouped thousands, few decimals, `.` as point.
///
/// Independent of the machine's locale so that two reports of the same run read the same.
package enum DisplayNumber {
    /// A value with a fixed number of decimals and `,` between thousands (`180,000`, `12.5`).
    package static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(max(0, decimals))f", value)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        let result = whole + grouped + fraction
        return negative && result.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" + result : result
    }

    /// A value with as many decimals as its size calls for (3 significant digits below 100),
    /// trailing zeros dropped: `30`, `3.52`, `0.0125`.
    package static func auto(_ value: Double) -> String {
        var text = format(value, decimals: decimals(for: value))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// The decimals that show about three significant digits of `value` (none from 100 up).
    package static func decimals(for value: Double) -> Int {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude > 0 else { return 0 }
        if magnitude >= 100 { return 0 }
        return min(6, max(0, 2 - Int(floor(log10(magnitude)))))
    }

    /// A share in [0, 1] as a percentage with one decimal (`80.3 %`).
    package static func percent(_ share: Double) -> String {
        format(share * 100, decimals: 1) + " %"
    }

    /// A count (`2,019`).
    package static func count(_ value: Int) -> String { format(Double(value), decimals: 0) }
}
