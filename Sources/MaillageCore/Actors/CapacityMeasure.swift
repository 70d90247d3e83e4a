/// The unit in which a capacity is counted.
///
/// A closed list, so that a misspelt column (`capacity.bed`) is caught instead of
/// silently becoming a measure nothing reads.
public enum CapacityMeasure: String, Sendable, Hashable, Codable, FileVocabulary, CustomStringConvertible {
    /// Full-time equivalents of professionals.
    case fte
    case consultationsPerDay = "consultations_per_day"
    case consultationsPerYear = "consultations_per_year"
    /// Patients who declared this GP as their doctor, or the most it accepts.
    case listSize = "list_size"
    case beds
    /// Places in a home-care service or a nursing home.
    case places
    case edVisitsPerDay = "ed_visits_per_day"
    case edVisitsPerYear = "ed_visits_per_year"
    /// Beds of the emergency department's short-stay unit (SAE's `LIT_UHCD`): a resource, read
    /// as the department's size by the emergency choice model.
    case edShortStayBeds = "ed_short_stay_beds"

    /// The name used in files and column headers (`capacity.beds`).
    public var description: String { rawValue }

    /// How an error message names this vocabulary ("… is not a capacity measure").
    public static let vocabularyName = "a capacity measure"

    /// Reads a name as written in files, saying which names exist when it is unknown.
    public static func parse(_ text: String) throws -> CapacityMeasure { try parse(text, field: "capacity") }
}
