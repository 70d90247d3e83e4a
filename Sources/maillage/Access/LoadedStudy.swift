import MaillageAccess
import MaillageRuns

/// A study's territory, with its stored travel matrix when that was read alongside.
struct LoadedStudy {
    /// The territory studied and its database.
    let input: StudyInput
    /// The stored matrix's travel times, read with the territory; nil when they come from elsewhere.
    let matrix: AccessRequest.Travel?

    /// The travel the study uses: the matrix read alongside, else the options' travel mode at `limit`.
    func travel(limit: Double, options: AccessOptions, _ global: GlobalOptions) throws -> AccessRequest.Travel {
        try matrix ?? options.travelMode(limit: limit, input: input, global)
    }
}
