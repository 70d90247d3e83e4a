/// Hospital beds in use and staffed, and the patients kept in bed for their downstream care.
struct HospitalBeds: Sendable {
    /// A patient kept in a hospital bed until their SSIAD, HAD or EHPAD has a place.
    struct Blocked: Sendable {
        var hospital: Int32
        /// The day the stay would have ended.
        var since: Int32
    }

    /// Per hospital.
    var used: [Int32]
    var capacity: [Int32]
    /// Bed-blocking patients by agent.
    var blocked: [UInt32: Blocked] = [:]

    /// Every bed free.
    init(capacity: [Int32]) {
        used = Array(repeating: 0, count: capacity.count)
        self.capacity = capacity
    }
}
