import MaillageFormats

/// Reads FINESS extracts with one line per establishment and a header.
///
/// Two variants: projected `coordx;coordy` (or `coordxet;coordyet`) with the projection at the
/// end of `sourcegeocod`/`sourcecoordet` (the Etalab one-line layout), or WGS84
/// `latitude,longitude` (re-published flat files). The commune is `cog`, else
/// `departement` + a 3-character `commune`.
enum FinessFlatReader {
    static func read(path: String, report: inout ImportReport) throws -> [FinessEstablishment] {
        let file = try DelimitedFile(path: path)
        try file.requireColumns(["nofinesset", "categetab"])
        let projected = projectedColumns(file)
        let geographic = geographicColumns(file)
        guard projected != nil || geographic != nil else {
            throw ImportError(
                file: path, line: 1, field: "coordx, coordy",
                expected: "columns coordx and coordy (Lambert-93 or UTM) or latitude and longitude (WGS84)")
        }
        var establishments: [FinessEstablishment] = []
        var lines: [String: Int] = [:]
        try file.forEachRecord { record in
            report.rowsRead += 1
            let establishment = try read(record, projected: projected, geographic: geographic)
            if let first = lines.updateValue(record.line, forKey: establishment.id) {
                throw record.error(
                    "nofinesset", value: establishment.id,
                    expected: "each establishment once; line \(first) has it already")
            }
            establishments.append(establishment)
        }
        return establishments
    }

    private static func read(
        _ record: Record, projected: (x: String, y: String)?, geographic: (x: String, y: String)?
    ) throws -> FinessEstablishment {
        let id = try record.required("nofinesset")
        let departement =
            record.string("departement").map(FinessDepartement.normalize) ?? FinessDepartement.of(finessNumber: id)
        let commune =
            record.string("cog")
            ?? record.string("commune").flatMap { code in
                code.count == 3 ? departement.map { FinessDepartement.inseeCode(departement: $0, commune: code) } : code
            }
        var position: FinessPosition?
        if let projected {
            let crs = FinessCRS.crs(
                sourceCoordinates: record.string("sourcegeocod") ?? record.string("sourcecoordet"),
                departement: departement)
            position = try pair(record, projected, crs: crs)
        }
        if position == nil, let geographic {
            position = try pair(record, geographic, crs: nil)
        }
        return FinessEstablishment(
            id: id, name: record.string("rslongue") ?? record.string("rs") ?? id,
            category: try record.required("categetab"), departement: departement, communeCode: commune,
            line: record.line, position: position
        )
    }

    /// Both coordinates, nil when both cells are empty, an error when only one is.
    private static func pair(_ record: Record, _ columns: (x: String, y: String), crs: String?) throws
        -> FinessPosition?
    {
        let x = try record.double(columns.x)
        let y = try record.double(columns.y)
        switch (x, y) {
        case (nil, nil): return nil
        case (let x?, let y?):
            return FinessPosition(x: x, y: y, crs: crs, line: record.line, fields: "\(columns.x), \(columns.y)")
        case (nil, _):
            throw record.error(columns.x, expected: "a number like \(columns.y) beside it; the cell is empty")
        case (_, nil):
            throw record.error(columns.y, expected: "a number like \(columns.x) beside it; the cell is empty")
        }
    }

    private static func projectedColumns(_ file: DelimitedFile) -> (x: String, y: String)? {
        [("coordx", "coordy"), ("coordxet", "coordyet")].first { file.hasColumn($0.0) && file.hasColumn($0.1) }
    }

    /// Longitude first, as everywhere in Maillage.
    private static func geographicColumns(_ file: DelimitedFile) -> (x: String, y: String)? {
        [("longitude", "latitude"), ("lon", "lat")].first { file.hasColumn($0.0) && file.hasColumn($0.1) }
    }
}
