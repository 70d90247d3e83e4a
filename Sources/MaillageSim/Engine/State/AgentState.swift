/// The flags of one agent that the engine tests on every need: one byte per agent.
struct AgentState: OptionSet, Sendable {
    var rawValue: UInt8

    /// A chronic condition, drawn at creation from the age band's prevalence: needs come at the chronic rates.
    static let chronic = AgentState(rawValue: 1 << 0)
    /// In a hospital bed, or boarding in an emergency department for one: no outside needs until discharge.
    static let inHospital = AgentState(rawValue: 1 << 1)
}
