/// Range checks that name the parameter.
enum Check {
    static func probability(_ value: Double, _ name: String) throws {
        guard value.isFinite, (0...1).contains(value) else {
            throw SimulationError.invalidParameter(name: name, reason: "\(value) is not a probability in 0...1")
        }
    }

    /// The largest count, capacity, multiplier or limit a parameter may hold: far above any
    /// real one, low enough that products of them stay finite (as ``Capacity/maximumValue``).
    static let largest = 1e9

    static func nonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite, value >= 0, value <= largest else {
            throw SimulationError.invalidParameter(
                name: name, reason: "\(value) must be a number from 0 to \(Int64(largest))")
        }
    }

    static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0, value <= largest else {
            throw SimulationError.invalidParameter(
                name: name, reason: "\(value) must be a number more than 0 and at most \(Int64(largest))")
        }
    }

    static func integer(_ value: Int, _ name: String, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw SimulationError.invalidParameter(
                name: name, reason: "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
    }

    static func bands(_ values: BandValues, _ name: String, probability: Bool) throws {
        guard !values.isEmpty else {
            throw SimulationError.invalidParameter(name: name, reason: "needs a value per age band")
        }
        for band in values.keys.sorted() {
            let value = values[band]!
            if probability {
                try Check.probability(value, "\(name).\(band)")
            } else {
                // More than one need a day is no longer a rate of needs, and would flood the calendar.
                guard value.isFinite, (0...365).contains(value) else {
                    throw SimulationError.invalidParameter(
                        name: "\(name).\(band)", reason: "\(value) is not a yearly rate in 0...365")
                }
            }
        }
    }

    /// A table of yearly rates by years in practice: keys whole numbers of years 0…100, each once,
    /// rates from 0 to 365 a year (more than one a day is no longer a rate).
    static func retirementBands(_ table: [String: Double]?, _ name: String) throws {
        guard let table else { return }
        guard !table.isEmpty else {
            throw SimulationError.invalidParameter(
                name: name, reason: "needs at least one band, such as {\"0\": 0, \"35\": 0.15} (or null for none)")
        }
        var seen: [Int: String] = [:]
        for key in table.keys.sorted() {
            guard let years = Int(key), key.allSatisfy(\.isASCII), (0...100).contains(years) else {
                throw SimulationError.invalidParameter(
                    name: "\(name).\(key)", reason: "'\(key)' is not a whole number of years in practice from 0 to 100")
            }
            if let other = seen.updateValue(key, forKey: years) {
                throw SimulationError.invalidParameter(
                    name: "\(name).\(key)", reason: "starts the same band as '\(other)' (\(years) years)")
            }
            let rate = table[key]!
            guard rate.isFinite, (0...365).contains(rate) else {
                throw SimulationError.invalidParameter(
                    name: "\(name).\(key)", reason: "\(rate) is not a yearly rate in 0...365")
            }
        }
    }
}
