/// Turns a user's name (a scenario, an alternative, an indicator label) into one file name.
///
/// The only way a name becomes part of a path: a scenario named `..` used to make
/// `scenario run --out DIR` write into DIR's parent. Names that cannot be a single, visible
/// file name (empty, `.`, `..`, a path separator, a control or invisible character, too long)
/// are refused rather than guessed at; other punctuation becomes `_`, as before
/// (`more[x=1]` → `more_x=1_`).
public enum FileNameComponent {
    /// The longest name accepted, in UTF-8 bytes: file systems allow 255, and a suffix
    /// (`.geojson`, a temporary file's `.UUID.tmp`) is added to it.
    public static let maximumBytes = 180

    /// The file name for `name`, or a ValidationError naming `field`.
    public static func make(_ name: String, field: String) throws -> String {
        if let problem = problem(name) {
            throw ValidationError(field: field, reason: "\(TextExcerpt.quoted(name)) cannot be a file name: \(problem)")
        }
        return sanitized(name)
    }

    /// The file name for `name` without the checks: each scalar that is not a letter, a digit or
    /// one of `-_=.` becomes `_`. What a reader looks for, so that it finds what ``make(_:field:)`` wrote
    /// (and what older versions wrote for names ``make(_:field:)`` now refuses, such as `a</b>`).
    public static func sanitized(_ name: String) -> String {
        String(
            name.unicodeScalars.map { scalar -> Character in
                let properties = scalar.properties
                return properties.isAlphabetic || properties.numericType != nil
                    || "-_=.".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
            })
    }

    /// Why `name` cannot be a file name, or nil.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "it names a folder ('.' or '..')" }
        if name.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" }) {
            return "it holds a path separator ('/' or '\\')"
        }
        if let scalar = name.unicodeScalars.first(where: IdentifierText.isHidden) {
            return "it holds the control or invisible character \(IdentifierText.code(scalar))"
        }
        if name.utf8.count > maximumBytes { return "it is longer than \(maximumBytes) bytes" }
        return nil
    }
}
