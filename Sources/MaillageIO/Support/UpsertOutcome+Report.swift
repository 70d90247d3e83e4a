import MaillageStore

extension UpsertOutcome: UpsertOutcomeLike {
    /// Whether the row was new, so that the report counts it as inserted rather than updated.
    package var isInsert: Bool { self == .inserted }
}
