/// One row of the event log: day counted from the start date (negative in the warm-up).
public struct EventLogRow: Sendable, Equatable {
    /// The agent the row is about (the case, in process-mining terms).
    public var caseID: Int
    /// The day, counted from the start date.
    public var day: Int
    /// What happened (`need_acute_minor`, `gp_contact`, `emergency_visit`, `admission`…).
    public var activity: String
    /// The id of the actor it happened at; empty when none (a need arising).
    public var resource: String
    /// The agent's zone.
    public var zone: String
}
