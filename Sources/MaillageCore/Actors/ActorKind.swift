/// What an actor of the care network is.
///
/// The raw values are the names used in files and on the command line (`health_centre`).
public enum ActorKind: String, Sendable, Hashable, Codable, FileVocabulary, CustomStringConvertible {
    /// Centre hospitalier, CHU, private MCO clinic: beds, specialists, sometimes an emergency department.
    case hospital
    /// A general practitioner's practice: first contact and the declared doctor.
    case gp
    /// Maison de santé pluriprofessionnelle: grouped GPs and nurses.
    case msp
    /// Centre de santé: salaried professionals in one place.
    case healthCentre = "health_centre"
    /// A specialist's practice outside hospital.
    case specialist
    /// Service de soins infirmiers à domicile: home nursing.
    case ssiad
    /// Hospitalisation à domicile: hospital-level care at home.
    case had
    case pharmacy
    /// Nursing home for dependent elderly people.
    case ehpad
    /// Medical biology laboratory.
    case lab
    /// Communauté professionnelle territoriale de santé: a coordination body, not a place of care.
    case cpts
    case other

    /// The name used in files and on the command line (`health_centre`).
    public var description: String { rawValue }

    /// How an error message names this vocabulary ("… is not an actor kind").
    public static let vocabularyName = "an actor kind"

    /// Reads a name as written in files, saying which names exist when it is unknown.
    public static func parse(_ text: String) throws -> ActorKind { try parse(text, field: "kind") }

    /// Whether patients are cared for at this actor's address (a CPTS only coordinates).
    public var isPlaceOfCare: Bool { self != .cpts }
}
