/// One row of the event log: day counted from the start date (negative in the warm-up).
public struct EventLogRow: Sendable, Equatable {
    public var caseID: Int
    public var day: Int
    public var activity: String
    public var resource: String
    public var zone: String
}
