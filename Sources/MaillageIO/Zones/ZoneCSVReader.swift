import MaillageCore
import MaillageFormats

/// Reads zones from a CSV: `id,name,lat,lon,population,density_class` and age bands as
/// `population.<band>` (or INSEE's `Pyy_POP0014` … `Pyy_POP75P`), `x`/`y` with a CRS.
///
/// A row whose position cells are both empty gives a zone without a point: it can update a
/// zone already stored, and is skipped otherwise.
struct ZoneCSVReader {
    let file: DelimitedFile
    let columns: ZoneColumns
    let crs: String?

    /// The layout resolved from the header, checked to name the fields it needs.
    func layout() throws -> ZoneFieldLayout {
        let layout = try located { try ZoneFieldLayout(names: file.header, columns: columns) }
        let missing = ZoneFieldLayout.missing(columns, in: file.header)
        if !missing.isEmpty { try file.requireColumns(missing) }
        if layout.id == nil { try file.requireColumns(["id"]) }
        return layout
    }

    func read() throws -> [ZoneDraft] {
        let layout = try layout()
        let positions = try PositionReader(file: file, crs: crs)
        var drafts: [ZoneDraft] = []
        try file.forEachRecord { record in
            var draft = try ZoneDraft.read(record, layout: layout, line: record.line, place: "line \(record.line)")
            if try hasPosition(record, xy: positions.usesXY) {
                draft.point = try positions.position(of: record).0
            }
            drafts.append(draft)
        }
        return drafts
    }

    /// Whether the record has a position: false when every position cell is empty, an error
    /// naming the empty cell when only half of a pair is filled.
    private func hasPosition(_ record: Record, xy: Bool) throws -> Bool {
        let pairs = xy ? [("x", "y")] : [("lat", "lon"), ("latitude", "longitude")]
        for (first, second) in pairs where file.hasColumn(first) && file.hasColumn(second) {
            switch (record.string(first), record.string(second)) {
            case (nil, nil): continue
            case (_?, _?): return true
            case (nil, _?): throw record.error(first, expected: "a number; the cell is empty while \(second) is given")
            case (_?, nil): throw record.error(second, expected: "a number; the cell is empty while \(first) is given")
            }
        }
        return false
    }

    private func located<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ValidationError {
            throw ImportError(file: file.path, line: 1, field: error.field, expected: error.reason)
        }
    }
}
