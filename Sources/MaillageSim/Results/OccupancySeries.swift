/// Daily use of each kind of capacity over the counted days, totalled over the territory.
///
/// Day 0 is the start date (the first counted day). `offered` counts only actors open that
/// day (a closed hospital offers no bed, a closed department no visit); `used` counts what
/// is in use, so a closure's patients still in bed can make it exceed the offer.
public struct OccupancySeries: Sendable, Equatable {
    /// One kind of capacity's daily totals.
    public struct Line: Sendable, Equatable {
        /// The kind of capacity.
        public var role: OccupancyRole
        /// What was in use each day.
        public var used: [Double]
        /// What open actors offered each day.
        public var offered: [Double]

        /// used ÷ offered on a day, NaN when nothing is offered.
        public func occupancy(day: Int) -> Double { offered[day] > 0 ? used[day] / offered[day] : .nan }
    }

    /// One line per kind of capacity recorded.
    public var lines: [Line]

    /// The number of counted days.
    public var days: Int { lines.first?.used.count ?? 0 }

    /// The line of `role`, if it was recorded.
    public func line(_ role: OccupancyRole) -> Line? { lines.first { $0.role == role } }

    /// The mean of replications' flat series (day-major: day × role × (used, offered)).
    init(meanOf replications: [[Double]], days: Int) {
        let n = Double(max(1, replications.count))
        lines = OccupancyRole.allCases.enumerated().map { index, role in
            var used = [Double](repeating: 0, count: days)
            var offered = used
            for series in replications {
                for day in 0..<days {
                    let base = (day * OccupancyRole.count + index) * 2
                    used[day] += series[base] / n
                    offered[day] += series[base + 1] / n
                }
            }
            return Line(role: role, used: used, offered: offered)
        }
    }
}
