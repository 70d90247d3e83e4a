/// Declared GPs ("médecin traitant"): each GP's list of patients, and who has none.
struct GPDeclarations: Sendable {
    /// Declared patients and list places per GP.
    var patients: [Int32]
    var capacity: [Int32]
    /// GPs that take no new declared patients (retired, closed for good).
    var closedToNew: [Bool]
    /// Inhabitants at home without a declared GP.
    var withoutGP = 0

    /// Empty lists.
    init(capacity: [Int32]) {
        self.capacity = capacity
        patients = Array(repeating: 0, count: capacity.count)
        closedToNew = Array(repeating: false, count: capacity.count)
    }

    /// Whether a GP has list room for one more patient.
    @inline(__always)
    func hasRoom(_ gp: Int) -> Bool { patients[gp] < capacity[gp] }
}
