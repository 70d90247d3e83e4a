/// Text from the data made safe to place in HTML or SVG, as element content or attribute value.
///
/// Every name a report shows comes from files a planner imported (a FINESS name, a commune),
/// so it is escaped whatever it holds: `<script>` shows as text, a quote cannot end an attribute.
package enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their entities and control characters XML forbids dropped.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            // Control characters other than tab and newlines are not allowed in XML; drop them.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": continue
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
