/// A value that breaks a rule of the domain, with the field that holds it.
///
/// The domain types throw this from their initialisers, so that an invalid value
/// (a latitude of 95, a negative population) can never exist in memory. Importers
/// add the file and line they were reading with ``located(file:line:)``.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field that holds the bad value, as a dotted path (`zone.population`).
    public var field: String
    /// What was wrong and what was expected, as one sentence without a final period.
    public var reason: String
    /// The file the value was read from, when known.
    public var file: String?
    /// The 1-based line of that file, when known.
    public var line: Int?
    /// The operation that mends the error when editing the input would not (ids stored in two forms).
    public var remedy: Remedy?

    /// An error on `field`; importers give `file` and `line` when they know them.
    public init(field: String, reason: String, file: String? = nil, line: Int? = nil, remedy: Remedy? = nil) {
        self.field = field
        self.reason = reason
        self.file = file
        self.line = line
        self.remedy = remedy
    }

    /// The same error, placed at a file and line.
    public func located(file: String, line: Int? = nil) -> ValidationError {
        var copy = self
        copy.file = file
        copy.line = line
        return copy
    }

    /// The same error, with its field placed under a parent (`zone Z1` + `population`).
    public func nested(under parent: String) -> ValidationError {
        var copy = self
        copy.field = parent + "." + field
        return copy
    }

    /// `file:line: field reason`, or `field reason` when the place is unknown.
    public var description: String {
        var place = ""
        if let file { place += file }
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        if !place.isEmpty { place += ": " }
        return "\(place)\(field): \(reason)"
    }
}

extension ValidationError {
    /// Checks that a number is finite and inside a closed range.
    public static func check(
        _ value: Double, in range: ClosedRange<Double>, field: String, unit: String = ""
    ) throws {
        guard value.isFinite else {
            throw ValidationError(field: field, reason: "\(value) is not a finite number")
        }
        guard range.contains(value) else {
            let suffix = unit.isEmpty ? "" : " \(unit)"
            throw ValidationError(
                field: field,
                reason: "\(value)\(suffix) is outside \(range.lowerBound)...\(range.upperBound)\(suffix)"
            )
        }
    }

    /// Checks that a number is finite and not negative.
    public static func checkNonNegative(_ value: Double, field: String) throws {
        guard value.isFinite, value >= 0 else {
            throw ValidationError(field: field, reason: "\(value) must be a finite number >= 0")
        }
    }

    /// Checks that an identifier is usable: not empty, no surrounding spaces, no control or
    /// invisible characters (a zero-width space or a bidi override makes a look-alike id).
    public static func checkIdentifier(_ id: String, field: String) throws {
        guard !id.isEmpty else {
            throw ValidationError(field: field, reason: "an identifier cannot be empty")
        }
        guard let first = id.unicodeScalars.first, let last = id.unicodeScalars.last,
            !IdentifierText.isWhitespace(first), !IdentifierText.isWhitespace(last)
        else {
            throw ValidationError(field: field, reason: "identifier '\(id)' starts or ends with a space")
        }
        // ASCII answered without the Unicode tables (the controls there are 0x00–0x1F and 0x7F):
        // the lookup was a tenth of an actors import.
        if let hidden = id.unicodeScalars.first(where: IdentifierText.isHidden) {
            let what = hidden.properties.generalCategory == .control ? "a control character" : "an invisible character"
            throw ValidationError(
                field: field,
                reason: "identifier \(TextExcerpt.quoted(id)) contains \(what) (\(IdentifierText.code(hidden)))")
        }
    }
}

extension String {
    /// The string without leading and trailing white space (Foundation-free).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
