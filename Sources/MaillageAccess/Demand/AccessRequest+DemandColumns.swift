import MaillageCore

extension AccessRequest.Demand {
    /// Reads a demand as written on the command line: `population` (everyone),
    /// `age-weighted` (APL weights), or age-band columns named as in the zones CSV,
    /// alone or summed: `population.75+`, `population.60-74+population.75+`.
    public static func parse(_ text: String) throws -> Self {
        switch text {
        case "population": return .population
        case "age-weighted": return .ageWeighted(.drees)
        default: return .bands(try bands(in: text))
        }
    }

    /// The bands of `population.<band>` terms joined by `+`. A band id may itself end in `+`
    /// (`75+`), so terms are read one at a time rather than split on `+`.
    static func bands(in text: String) throws -> [AgeBand] {
        let prefix = "population."
        let invalid = AccessError.invalidParameter(
            "demand must be 'population', 'age-weighted' or population.<band> columns joined by '+' "
                + "(population.75+, population.60-74+population.75+), not '\(text)'"
        )
        var rest = Substring(text)
        var bands: [AgeBand] = []
        while true {
            guard rest.hasPrefix(prefix) else { throw invalid }
            rest = rest.dropFirst(prefix.count)
            let lower = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(lower.count)
            var id = String(lower)
            if rest.first == "-" {
                let upper = rest.dropFirst().prefix(while: \.isASCIIDigit)
                rest = rest.dropFirst(1 + upper.count)
                id += "-" + upper
            } else if rest.first == "+" {
                rest = rest.dropFirst()
                id += "+"
            }
            guard let band = try? AgeBand(id: id) else { throw invalid }
            guard !bands.contains(band) else {
                throw AccessError.invalidParameter("demand names population.\(band) twice ('\(text)')")
            }
            bands.append(band)
            if rest.isEmpty { return bands }
            // After an open band (`75+`) its own `+` may serve as the join: population.75+population.0-14.
            if id.hasSuffix("+"), rest.hasPrefix(prefix) { continue }
            guard rest.first == "+" else { throw invalid }
            rest = rest.dropFirst()
        }
    }

    /// Each zone's demand.
    ///
    /// Band columns must be among the zones' `population.<band>` columns (the error names
    /// those the territory has), and every zone must have them: a zone without would
    /// otherwise count as nobody, silently.
    public func values(for zones: [Zone]) throws -> [Double] {
        switch self {
        case .population: return zones.map(\.population.total)
        case .ageWeighted(let weights): return zones.map { weights.demand(of: $0.population) }
        case .bands(let bands): return try Self.sums(of: bands, zones: zones)
        }
    }

    private static func sums(of bands: [AgeBand], zones: [Zone]) throws -> [Double] {
        let known = Set(zones.flatMap(\.population.bands))
        if let unknown = bands.first(where: { !known.contains($0) }) {
            let columns = ["population"] + known.sorted().map { "population.\($0)" }
            throw AccessError.invalidInput(
                "unknown demand column 'population.\(unknown)'; the zones have: \(columns.joined(separator: ", "))"
                    + (known.isEmpty ? " (import the population's age bands first)" : "")
            )
        }
        for band in bands {
            let missing = zones.filter { !$0.population.bands.contains(band) }
            if let first = missing.first {
                throw AccessError.invalidInput(
                    "\(missing.count) zone(s) have no population.\(band) (first: \(first.id)), so demand \(bands.map { "population.\($0)" }.joined(separator: "+")) is unknown there"
                )
            }
        }
        return zones.map { zone in bands.reduce(0) { $0 + (zone.population[$1] ?? 0) } }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
