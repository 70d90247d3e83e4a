import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Joins populations (and age bands) from a CSV onto zones already stored, by zone id.
///
/// The id, total and name columns are found as for zones (``ZoneColumns``: `id`,
/// `code_insee`, `CODGEO` or `COM`; `population`, `PMUN` or `Pyy_POP`), so INSEE's
/// `donnees_communes.csv` reads without options. Codes go through the ``codeMap`` first;
/// rows sent to one zone are summed. Codes that match no zone are reported (count and
/// examples with their names) and skipped; stored zones the file does not mention keep their
/// population and are listed in the warnings.
///
/// Age bands: the file's own band columns when it has them; else, with an ``AgePyramid``,
/// the zone's département pyramid scaled to the zone's total and, with ``over75Column``,
/// adjusted so that the 75+ band is the zone's own figure; else the stored bands when they
/// still add up to the new total (otherwise they are dropped). The zone's provenance says which.
public struct PopulationImporter {
    /// How the CSV is read: delimiter, encoding, header.
    public var csv = CSVOptions()
    /// The zone id and population columns, when they have other names than the usual ones.
    public var columns = ZoneColumns()
    /// Old commune codes → current ones, applied before zones are matched.
    public var codeMap: CodeMap?
    /// Département age pyramids, to give age bands to zones whose file row has none.
    public var pyramid: AgePyramid?
    /// A column giving each zone's people aged 75+ (a share or a count, see ``over75Unit``).
    public var over75Column: String?
    /// Guessed from the column's name when nil (``Over75Unit/guess(column:)``).
    public var over75Unit: Over75Unit?

    /// An importer; by default the usual columns, no code map, no pyramid and no 75+ column.
    public init(
        csv: CSVOptions = CSVOptions(), columns: ZoneColumns = ZoneColumns(), codeMap: CodeMap? = nil,
        pyramid: AgePyramid? = nil, over75Column: String? = nil, over75Unit: Over75Unit? = nil
    ) {
        self.csv = csv
        self.columns = columns
        self.codeMap = codeMap
        self.pyramid = pyramid
        self.over75Column = over75Column
        self.over75Unit = over75Unit
    }

    /// One row of the file, read and checked.
    struct Row {
        let draft: ZoneDraft
        let zoneID: String
        /// People aged 75+, as a count.
        let over75: Double?
    }

    /// Updates the stored zones' populations in one transaction; unmatched codes are counted, not errors.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "population")
        let file = try DelimitedFile(path: path, options: csv)
        let layout = try self.layout(file)
        var rows: [Row] = []
        try file.forEachRecord { record in
            report.rowsRead += 1
            rows.append(try read(record, layout: layout))
        }
        try ZonesImporter.checkUnique(rows.map(\.draft), file: path)
        let source = ZoneSourceDescription(
            fileName: URL(fileURLWithPath: path).lastPathComponent, populationField: layout.population,
            bandFields: layout.bands.map(\.field), centroidMethod: nil
        )
        try database.transaction { writer in
            let zones = try writer.zoneEntries()
            if let codeMap {
                let stored = codeMap.storedOldCodes { zones[$0] != nil }
                guard stored.isEmpty else { throw codeMap.doubleCountError(stored) }
            }
            var groups = [String: [Row]]()
            var order: [String] = []
            for row in rows {
                guard zones[row.zoneID] != nil else {
                    report.skip("code matches no zone", line: row.draft.line, detail: Self.label(row))
                    continue
                }
                if groups[row.zoneID] == nil { order.append(row.zoneID) }
                groups[row.zoneID, default: []].append(row)
            }
            var bands = BandRegistry()
            var capped: [String] = []
            for id in order {
                let group = groups[id] ?? []
                guard let zone = try writer.zone(id) else { continue }
                guard let updated = try population(of: zone, from: group, source: source, file: path, capped: &capped)
                else {
                    report.skip(
                        "empty population", line: group.first?.draft.line,
                        detail: group.map(Self.label).joined(separator: ", "))
                    continue
                }
                try bands.register(updated, writer: writer, file: path, place: group[0].draft.place)
                report.record(try writer.upsert(updated))
            }
            report.warnings += try Self.unmatchedZones(zones, matched: Set(order), writer: writer)
            if !capped.isEmpty {
                report.warnings.append(
                    "\(capped.count) zone(s) have more people aged 75+ in \(over75Column ?? "") than in total; "
                        + "75+ set to the total: " + capped.prefix(5).joined(separator: ", ")
                        + (capped.count > 5 ? ", …" : ""))
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The columns to read, checked against the header.
    private func layout(_ file: DelimitedFile) throws -> ZoneFieldLayout {
        let layout: ZoneFieldLayout
        do { layout = try ZoneFieldLayout(names: file.header, columns: columns) } catch let error as ValidationError {
            throw ImportError(file: file.path, line: 1, field: error.field, expected: error.reason)
        }
        let named =
            ZoneFieldLayout.missing(columns, in: file.header)
            + (over75Column.map { file.hasColumn($0) ? [] : [$0] } ?? [])
        if !named.isEmpty { try file.requireColumns(named) }
        if layout.id == nil { try file.requireColumns(["id"]) }
        if layout.population == nil && layout.bands.isEmpty { try file.requireColumns(["population"]) }
        return layout
    }

    private func read(_ record: Record, layout: ZoneFieldLayout) throws -> Row {
        let draft = try ZoneDraft.read(record, layout: layout, line: record.line, place: "line \(record.line)")
        var over75: Double?
        if let column = over75Column, let value = try record.double(column), let total = draft.population {
            let unit = over75Unit ?? Over75Unit.guess(column: column)
            guard let count = unit.count(value, total: total) else {
                throw record.error(
                    column, value: record.string(column),
                    expected: "a \(unit.rawValue) of people aged 75+ "
                        + "(or say whether the column is a share, a percent or a count)"
                )
                .hinted("over75_unit", example: "share")
            }
            over75 = count
        }
        return Row(draft: draft, zoneID: codeMap?.resolve(draft.id) ?? draft.id, over75: over75)
    }

    /// The zone with the group's population; nil when no row of the group gives one.
    private func population(
        of zone: Zone, from group: [Row], source: ZoneSourceDescription, file: String, capped: inout [String]
    ) throws -> Zone? {
        let totals = group.compactMap(\.draft.population)
        guard !totals.isEmpty else { return nil }
        var draft = group[0].draft
        draft.id = zone.id
        draft.name = nil
        draft.density = nil
        draft.population = totals.reduce(0, +)
        let withBands = group.filter { !$0.draft.bands.isEmpty }
        draft.bands =
            withBands.count == group.count
            ? withBands.reduce(into: [:]) { sum, row in sum.merge(row.draft.bands, uniquingKeysWith: +) } : [:]
        var provenance = Provenance(zone.provenance)
        provenance.set(
            "population",
            "\(source.fileName) (\(source.populationField ?? "age bands"))"
                + (group.count > 1 || group[0].draft.id != zone.id
                    ? " via code map: \(group.map(\.draft.id).joined(separator: " "))" : ""))
        var estimated: [AgeBand: Double]?
        if draft.bands.isEmpty, let pyramid, let total = draft.population {
            let over75s = group.compactMap(\.over75)
            let over75 = over75Column != nil && over75s.count == group.count ? over75s.reduce(0, +) : nil
            if let over75, over75 > total { capped.append("\(zone.id) \(zone.name) (\(over75) > \(total))") }
            estimated = try estimate(
                zone: zone, total: total, over75: over75, pyramid: pyramid, file: file, line: draft.line)
            provenance.set(
                "age bands",
                "estimated from INSEE département \(DepartementCode.of(zone.id) ?? "?") pyramid \(pyramid.year) "
                    + "(\(URL(fileURLWithPath: pyramid.path).lastPathComponent))"
                    + (over75 != nil ? " and the commune's 75+ figure (\(over75Column ?? ""))" : ""))
        } else if !draft.bands.isEmpty {
            provenance.set("age bands", "\(source.fileName) (\(source.bandFields.joined(separator: ", ")))")
        }
        do {
            let population: Population
            if let estimated {
                population = try Population(total: draft.population ?? 0, byBand: estimated)
            } else if !draft.bands.isEmpty {
                population = try Population(total: draft.population ?? 0, byBand: draft.bands)
            } else if let kept = try? Population(total: draft.population ?? 0, byBand: zone.population.byBand) {
                population = kept
            } else {
                population = try Population(total: draft.population ?? 0)
                provenance.remove("age bands")
            }
            return try Zone(
                id: zone.id, name: zone.name, point: zone.point, boundary: zone.boundary, population: population,
                densityClass: zone.densityClass, provenance: provenance.text)
        } catch let error as ValidationError {
            throw ImportError(
                file: file, line: draft.line, field: error.field, expected: "\(error.reason) (zone \(zone.id))")
        }
    }

    private func estimate(zone: Zone, total: Double, over75: Double?, pyramid: AgePyramid, file: String, line: Int?)
        throws -> [AgeBand: Double]
    {
        guard let departement = DepartementCode.of(zone.id), let bands = pyramid.bands(departement: departement) else {
            throw ImportError(
                file: file, line: line, field: "id", value: zone.id,
                expected:
                    "a zone whose département (the first characters of its INSEE code) is in the pyramid \(pyramid.path) for \(pyramid.year); "
                    + "it has \(pyramid.counts.keys.sorted().joined(separator: ", "))"
            )
        }
        return AgeBandEstimator.estimate(total: total, pyramid: bands, over75: over75)
    }

    /// `31555 Toulouse` (and the code it was mapped to).
    static func label(_ row: Row) -> String {
        let name = row.draft.name.map { " \($0)" } ?? ""
        return row.zoneID == row.draft.id ? "\(row.draft.id)\(name)" : "\(row.draft.id)\(name) → \(row.zoneID)"
    }

    /// Warnings about stored zones the file did not mention.
    static func unmatchedZones(_ zones: [String: ZoneEntry], matched: Set<String>, writer: TerritoryWriter) throws
        -> [String]
    {
        let unmatched = zones.values.filter { !matched.contains($0.id) }.sorted { $0.id < $1.id }
        guard !unmatched.isEmpty else { return [] }
        let empty = unmatched.filter { $0.population == 0 }
        var warnings = [
            "\(unmatched.count) zone(s) are not in the file and keep their population: "
                + unmatched.prefix(5).map { "\($0.id) \($0.name)" }.joined(separator: ", ")
                + (unmatched.count > 5 ? ", …" : "")
        ]
        if !empty.isEmpty {
            warnings.append(
                "\(empty.count) zone(s) are left without a population: "
                    + empty.prefix(5).map { "\($0.id) \($0.name)" }.joined(separator: ", ")
                    + (empty.count > 5 ? ", …" : ""))
        }
        return warnings
    }
}
