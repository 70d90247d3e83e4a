/// When a GP retires under rates by years in practice: a unit exponential draw spent along the
/// cumulative hazard, the rate changing as the years in practice cross a band's first year.
///
/// The hazard is piecewise constant, so the cumulative hazard is piecewise linear and the day
/// it reaches the draw is found band by band: the same draw a flat rate `r` turns into
/// `draw / r` days gives, with one band from 0 at `r`, the same day.
struct RetirementHazard {
    /// The bands by first year in practice, ascending, with their rates per year.
    let bands: [(fromYears: Int, ratePerYear: Double)]

    /// Days in a year of practice and of the rates.
    static let daysPerYear = 365.0

    /// The years in practice on the start date of a practitioner who started in `year`, taken to
    /// be mid-year (1 July: the year alone is known), never below 0.
    static func yearsInPractice(startedIn year: Int, startDay: Int) -> Double {
        let began = CalendarDay.daysSinceEpoch(year: year, month: 7, day: 1) ?? startDay
        return max(0, Double(startDay - began) / daysPerYear)
    }

    /// The day after the start date (fractional) at which the cumulative hazard of a GP with
    /// `yearsAtStart` years in practice reaches `exposure`, or nil when that is `horizon` days or later.
    func day(exposure: Double, yearsAtStart: Double, horizon: Double) -> Double? {
        var years = yearsAtStart
        var elapsed = 0.0
        var left = exposure
        while elapsed < horizon {
            let rate = bands.last { Double($0.fromYears) <= years }?.ratePerYear ?? 0
            let next = bands.first { Double($0.fromYears) > years }.map { Double($0.fromYears) }
            let span = next.map { ($0 - years) * Self.daysPerYear } ?? .infinity
            let perDay = rate / Self.daysPerYear
            if perDay > 0, left <= perDay * span {
                let day = elapsed + left / perDay
                return day < horizon ? day : nil
            }
            guard let next else { return nil }
            left -= perDay * span
            elapsed += span
            years = next
        }
        return nil
    }
}
