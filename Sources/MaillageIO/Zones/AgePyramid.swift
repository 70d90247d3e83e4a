import Foundation
import MaillageCore
import MaillageFormats

/// Population by département and INSEE age band, read from INSEE's estimates by
/// département, sex and five-year age band.
///
/// Columns `annee, dep, sexe, age_band, population` (`dep_nom` optional). The sexes are
/// summed (men and women; a file with only `ensemble` rows uses those); `total` rows are
/// ignored; the five-year bands (`0-4` … `95+`) are added up into INSEE's six bands
/// (`AgeBand.insee`), each of which must contain them whole.
public struct AgePyramid: Sendable {
    /// The file read, for provenance and errors.
    public let path: String
    /// The estimates' year (`annee`), recorded in the zones' provenance.
    public let year: Int
    /// Counts by département code and band.
    public let counts: [String: [AgeBand: Double]]

    /// Reads the pyramid of `year`, or of the latest year in the file when nil.
    public init(path: String, year: Int?, csv: CSVOptions = CSVOptions()) throws {
        self.path = path
        let file = try DelimitedFile(path: path, options: csv)
        try file.requireColumns(["annee", "dep", "sexe", "age_band", "population"])
        // [year: [dep: [sex: [band: count]]]]
        var table = [Int: [String: [String: [AgeBand: Double]]]]()
        var firstLine = [String: Int]()
        try file.forEachRecord { record in
            let bandText = try record.required("age_band")
            guard bandText.lowercased() != "total" else { return }
            guard let rowYear = Int(try record.required("annee")) else {
                throw record.error("annee", value: record.string("annee"), expected: "a year such as 2021")
            }
            let band = try Self.insee(containing: bandText, record: record)
            let dep = DepartementCode.normalized(try record.required("dep"))
            let sex = try record.required("sexe").lowercased()
            let count = try record.requiredDouble("population")
            guard count >= 0, count <= Population.maximumPerZone else {
                throw record.error(
                    "population", value: "\(count)", expected: "a count from 0 to \(Int64(Population.maximumPerZone))")
            }
            table[rowYear, default: [:]][dep, default: [:]][sex, default: [:]][band, default: 0] += count
            if firstLine["\(rowYear) \(dep)"] == nil { firstLine["\(rowYear) \(dep)"] = record.line }
        }
        guard let chosen = year ?? table.keys.max() else {
            throw ImportError(file: path, expected: "rows of population by département and age band; the file has none")
        }
        guard let byDepartement = table[chosen] else {
            let years = table.keys.sorted()
            throw ImportError(
                file: path, field: "annee", value: "\(chosen)",
                expected: "a year of the file (\(years.first ?? 0)–\(years.last ?? 0))")
        }
        self.year = chosen
        counts = byDepartement.mapValues(Self.sumSexes)
        // A département with nobody in it cannot share a zone's people out: an all-zero
        // pyramid once gave Toulouse 471,583 children and no adults.
        for dep in counts.keys.sorted() {
            guard (counts[dep] ?? [:]).values.reduce(0, +) > 0 else {
                throw ImportError(
                    file: path, line: firstLine["\(chosen) \(dep)"], field: "population",
                    expected: "people in the age bands of département \(dep) (\(chosen)); every band adds up to 0")
            }
        }
    }

    /// A pyramid given directly (département code → counts by band).
    init(path: String, year: Int, counts: [String: [AgeBand: Double]]) {
        self.path = path
        self.year = year
        self.counts = counts
    }

    /// The six bands of a département, or nil when the file does not have it.
    public func bands(departement: String) -> [AgeBand: Double]? {
        DepartementCode.lookupCodes(departement).lazy.compactMap { counts[$0] }.first
    }

    /// Men plus women; `ensemble` (both) only when the sexes are not given apart.
    private static func sumSexes(_ bySex: [String: [AgeBand: Double]]) -> [AgeBand: Double] {
        let both: Set<String> = ["ensemble", "total", "t", "all", "both"]
        let apart = bySex.filter { !both.contains($0.key) }
        let chosen = apart.isEmpty ? Array(bySex.values) : Array(apart.values)
        return chosen.reduce(into: [:]) { sum, bands in sum.merge(bands, uniquingKeysWith: +) }
    }

    /// The INSEE band that holds a five-year band such as `75-79` or `95+`.
    private static func insee(containing text: String, record: Record) throws -> AgeBand {
        let band: AgeBand
        do { band = try AgeBand(id: text) } catch let error as ValidationError {
            throw record.error("age_band", value: text, expected: error.reason)
        }
        let target = AgeBand.insee.first { target in
            band.lowerAge >= target.lowerAge
                && (target.upperAge == nil || band.upperAge.map { $0 <= target.upperAge! } == true)
        }
        guard let target else {
            throw record.error(
                "age_band", value: text,
                expected: "a band inside one of INSEE's bands 0-14, 15-29, 30-44, 45-59, 60-74, 75+")
        }
        return target
    }
}
