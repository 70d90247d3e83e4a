/// What the day's events and rhythms change: closures, slowed travel, surges and epidemics,
/// the weekly and yearly urgent-need rhythm.
struct DayConditions: Sendable {
    /// ``NeedKind``'s cases (a literal so that the inner loop folds it).
    static let needKinds = 5

    /// Number of closures (and night closures) in force per territory actor.
    var closed: [Int32]
    var nightClosed: [Int32]
    /// Per zone, the factor on travel times (slowdowns).
    var travelFactor: [Double]
    /// zone × need kind: today's surge multiplier.
    var surge: [Double]
    /// Per zone, whether any surge or epidemic ever touches it (needs there are thinned).
    let hasSurge: [Bool]
    /// Each epidemic's share of its peak excess today.
    var epidemicShape: [Double]
    /// Per simulated day, the probability of keeping an urgent need drawn at the rhythms' bound.
    var urgentKeep: [Double] = []
    /// Per simulated day, whether it is July or August.
    var summer: [Bool] = []
    /// Per zone, whether it is a tourist zone (more urgent needs in summer).
    let tourist: [Bool]
    /// Actions drawn by this replication (GP retirements), by simulated day.
    var drawnActions: [Int: [EventSchedule.Action]] = [:]

    /// Nothing closed, slowed or surging.
    init(actors: Int, zones: Int, hasSurge: [Bool], epidemics: Int, tourist: [Bool]) {
        closed = Array(repeating: 0, count: actors)
        nightClosed = closed
        travelFactor = Array(repeating: 1, count: zones)
        surge = Array(repeating: 1, count: zones * Self.needKinds)
        self.hasSurge = hasSurge
        epidemicShape = Array(repeating: 0, count: epidemics)
        self.tourist = tourist
    }

    /// Whether an actor is closed today.
    @inline(__always)
    func isClosed(_ actor: Int) -> Bool { closed[actor] > 0 }
}
