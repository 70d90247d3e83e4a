/// One record per hospital discharge, for the windowed follow-up and readmission indicators.
struct DischargeRecords: Sendable {
    var agent: [UInt32] = []
    var day: [Int32] = []
    /// The first GP contact on or after the discharge day, -1 = none yet.
    var followUp: [Int32] = []
    /// Readmitted within 30 days.
    var readmitted: [Bool] = []

    /// Adds a discharge with no follow-up yet; returns its record number.
    mutating func open(agent: Int, day: Int) -> Int32 {
        let record = Int32(self.agent.count)
        self.agent.append(UInt32(agent))
        self.day.append(Int32(day))
        followUp.append(-1)
        readmitted.append(false)
        return record
    }
}
