import MaillageStore

extension UpsertOutcome: UpsertOutcomeLike {
    package var isInsert: Bool { self == .inserted }
}
