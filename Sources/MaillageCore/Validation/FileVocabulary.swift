/// A closed list of names as written in files and on the command line (`health_centre`,
/// `member_of`, `ed_visits_per_day`), read forgivingly and refused with the list of names.
public protocol FileVocabulary: CaseIterable, RawRepresentable where RawValue == String {
    /// What one of these is called in an error message: "an actor kind".
    static var vocabularyName: String { get }
}

extension FileVocabulary {
    /// Reads a name, ignoring case and surrounding spaces; an unknown name is an error that
    /// lists the known ones.
    public static func parse(_ text: String, field: String) throws -> Self {
        guard let value = Self(rawValue: text.trimmingWhitespace().lowercased()) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: field, reason: "'\(text)' is not \(vocabularyName); expected one of \(names)")
        }
        return value
    }
}
