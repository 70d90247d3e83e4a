import MaillageCore

/// Bad input found while importing, placed at its file, line and field.
///
/// The message says what was found and what was expected, so that a planner can fix the
/// file without reading code: `actors.csv:12: field 'lat': '95.2' is not valid; expected a
/// latitude in -90...90`.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the error is in.
    public var file: String
    /// 1-based line of the file where the record starts, when known.
    public var line: Int?
    /// The column or property, when one is at fault.
    public var field: String?
    /// The offending value, as read.
    public var value: String?
    /// What was expected instead, or what is wrong, in words.
    public var expected: String
    /// The setting of the import that would mend the input, when one would (a front end names it).
    public var hint: SettingHint?

    /// An error in `file`, at `line` and `field` when known, holding `value`, where `expected` was expected.
    public init(
        file: String, line: Int? = nil, field: String? = nil, value: String? = nil, expected: String,
        hint: SettingHint? = nil
    ) {
        self.file = file
        self.line = line
        self.field = field
        self.value = value
        self.expected = expected
        self.hint = hint
    }

    /// The same error, with the setting of the import that would mend it.
    public func hinted(_ setting: String, example: String? = nil) -> ImportError {
        var copy = self
        copy.hint = SettingHint(setting, example: example)
        return copy
    }

    /// Places a domain rule's error at a file and line.
    public init(_ error: ValidationError, file: String, line: Int?) {
        self.init(file: file, line: line, field: error.field, expected: error.reason)
    }

    /// The error in words: file, line, field, value and what was expected.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field '\(field)': " }
        // A short escaped excerpt: a value can be a whole line of someone else's file.
        if let value { text += "\(TextExcerpt.quoted(value, limit: 80)) is not valid; expected " }
        return text + expected
    }
}
