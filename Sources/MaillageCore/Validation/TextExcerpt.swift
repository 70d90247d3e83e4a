/// A short, escaped excerpt of text that came from outside, for an error message.
///
/// Errors quote what they refuse so that a planner can find it, but a message must never
/// carry a whole file (`extends: /proc/self/environ` once put the process environment into
/// one), nor control characters that a terminal would act on.
public enum TextExcerpt {
    /// The most characters quoted.
    public static let maximumCharacters = 60

    /// `text` cut to ``maximumCharacters`` (with `…` and the full length when cut), every
    /// control, invisible or non-ASCII-printable scalar written as `\u{…}`.
    public static func of(_ text: String, limit: Int = maximumCharacters) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "… (\(text.unicodeScalars.count) characters)"
                break
            }
            if scalar == "\\" {
                result += "\\\\"
            } else if IdentifierText.isHidden(scalar) || scalar.properties.generalCategory == .lineSeparator {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }

    /// The excerpt between single quotes.
    public static func quoted(_ text: String, limit: Int = maximumCharacters) -> String {
        "'" + of(text, limit: limit) + "'"
    }
}
