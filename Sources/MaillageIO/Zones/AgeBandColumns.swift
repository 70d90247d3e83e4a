import MaillageCore

/// Finds the columns that give a zone's population by age band.
///
/// Two spellings are recognised: the agreed `population.<band>` (`population.0-14` …
/// `population.75+`, any tiling of ages), and INSEE's census names `P20_POP0014`,
/// `P20_POP1529`, `P20_POP3044`, `P20_POP4559`, `P20_POP6074`, `P20_POP75P` for any year
/// prefix. INSEE files also carry overlapping bands (`P20_POP0019`, `P20_POP65P`) and several
/// census years side by side: only the six bands above are read, from the latest year that
/// has all six.
enum AgeBandColumns {
    /// The six INSEE census band codes and the band each one is.
    static let inseeCodes: [(code: String, band: AgeBand)] = zip(
        ["0014", "1529", "3044", "4559", "6074", "75P"], AgeBand.insee
    ).map { ($0, $1) }

    /// The band columns among `names`, youngest first; empty when there are none.
    ///
    /// - Throws: ``ValidationError`` when `population.<band>` columns do not tile the ages.
    static func find(in names: [String]) throws -> [(field: String, band: AgeBand)] {
        let agreed = try names.compactMap { name -> (String, AgeBand)? in
            guard name.lowercased().hasPrefix("population.") else { return nil }
            let id = String(name.dropFirst("population.".count))
            do {
                return (name, try AgeBand(id: id))
            } catch let error as ValidationError {
                throw ValidationError(field: name, reason: error.reason)
            }
        }.sorted { $0.1 < $1.1 }
        if !agreed.isEmpty {
            try AgeBand.validateTiling(agreed.map(\.1))
            return agreed.map { (field: $0.0, band: $0.1) }
        }
        guard let year = latestInseeYear(in: names) else { return [] }
        return inseeCodes.compactMap { code, band in
            names.first { $0.uppercased() == "P\(year)_POP\(code)" }.map { (field: $0, band: band) }
        }
    }

    /// The total-population column of the census year the bands come from (`P20_POP`), if any.
    static func inseeTotal(in names: [String]) -> String? {
        guard let year = latestInseeYear(in: names) ?? latestTotalYear(in: names) else { return nil }
        return names.first { $0.uppercased() == "P\(year)_POP" }
    }

    /// The two-digit census year with all six band columns, the latest first (`20` before `09`).
    private static func latestInseeYear(in names: [String]) -> String? {
        let upper = Set(names.map { $0.uppercased() })
        return years(in: names).first { year in inseeCodes.allSatisfy { upper.contains("P\(year)_POP\($0.code)") } }
    }

    private static func latestTotalYear(in names: [String]) -> String? {
        let upper = Set(names.map { $0.uppercased() })
        return years(in: names).first { upper.contains("P\($0)_POP") }
    }

    /// Two-digit years from `Pyy_` prefixes, latest first (`99` is 1999, `20` is 2020).
    private static func years(in names: [String]) -> [String] {
        let found = Set(
            names.compactMap { name -> String? in
                let upper = Array(name.uppercased())
                guard upper.count >= 7, upper[0] == "P", upper[1].isNumber, upper[2].isNumber, upper[3] == "_",
                    String(upper[4...6]) == "POP"
                else { return nil }
                return String(upper[1...2])
            })
        return found.sorted { fullYear($0) > fullYear($1) }
    }

    private static func fullYear(_ twoDigits: String) -> Int {
        let value = Int(twoDigits) ?? 0
        return value < 70 ? 2000 + value : 1900 + value
    }
}
