/// Emergency departments' crowding, and the patients boarding there for a bed.
struct EmergencyDepartments: Sendable {
    /// A patient waiting in an emergency department for a bed.
    struct Boarder: Sendable {
        var agent: UInt32
        /// Arrival time in days (day + fraction).
        var since: Double
        /// The kind of admission they wait for.
        var source: Tally
    }

    /// Arrivals today and yesterday per department (the crowding of the last 24 hours).
    var arrivalsToday: [Int32]
    var arrivalsYesterday: [Int32]
    /// Staffed visits a day per department.
    var staffedVisits: [Double]
    /// Per hospital, boarders in arrival order.
    var boarders: [[Boarder]]
    /// Boarders in all hospitals.
    var boardingCount = 0

    /// No arrivals and no boarders yet.
    init(staffedVisits: [Double], hospitals: Int) {
        arrivalsToday = Array(repeating: 0, count: staffedVisits.count)
        arrivalsYesterday = arrivalsToday
        self.staffedVisits = staffedVisits
        boarders = Array(repeating: [], count: hospitals)
    }

    /// Yesterday's arrivals become today's history and today starts at zero.
    mutating func startDay() {
        swap(&arrivalsToday, &arrivalsYesterday)
        for index in arrivalsToday.indices { arrivalsToday[index] = 0 }
    }
}
