import MaillageStore

extension UpsertOutcome: UpsertOutcomeLike {
    public var isInsert: Bool { self == .inserted }
}
