import MaillageFormats

/// Reads the official Etalab FINESS stock layout (`etalab_cs1100507_stock_*.csv`).
///
/// ISO-8859-1, `;`, no header: a metadata line `finess;etalab;…`, then one `structureet`
/// record per establishment, then one `geolocalisation` record per establishment carrying
/// its coordinates. A record with fewer fields than its type has is a truncated file; a
/// `structureet` block without any `geolocalisation` record is one too.
enum FinessStockReader {
    /// The columns of a `structureet` record.
    static let structureColumns = [
        "structureet", "nofinesset", "nofinessej", "rs", "rslongue", "complrs", "compldistrib", "numvoie",
        "typvoie", "voie", "compvoie", "lieuditbp", "commune", "departement", "libdepartement",
        "ligneacheminement", "telephone", "telecopie", "categetab", "libcategetab", "categagretab",
        "libcategagretab", "siret", "codeape", "codemft", "libmft", "codesph", "libsph", "dateouv",
        "dateautor", "datemaj", "numuai",
    ]
    /// The columns of a `geolocalisation` record.
    static let geolocationColumns = [
        "geolocalisation", "nofinesset", "coordxet", "coordyet", "sourcecoordet", "datemaj",
    ]

    /// Every establishment of the file in order, with its coordinates when it has some.
    static func read(path: String, report: inout ImportReport) throws -> [FinessEstablishment] {
        let file = try FinessStockLines(path: path)
        var establishments: [FinessEstablishment] = []
        var index: [String: Int] = [:]
        var located: [String: Int] = [:]
        try file.forEachLine { line, fields in
            let record = Record(file: path, line: line, fields: fields, columns: ColumnIndex([]))
            switch record.field(0) {
            case "finess" where record.line == 1:
                return
            case "structureet":
                report.rowsRead += 1
                let establishment = try structure(record)
                if let first = index[establishment.id] {
                    throw record.error(
                        "nofinesset", value: establishment.id,
                        expected: "each establishment once; line \(establishments[first].line) has it already")
                }
                index[establishment.id] = establishments.count
                establishments.append(establishment)
            case "geolocalisation":
                let (id, position) = try geolocation(record)
                if let first = located.updateValue(record.line, forKey: id) {
                    throw record.error(
                        "nofinesset", value: id,
                        expected: "one geolocalisation record per establishment; line \(first) has one already")
                }
                guard let position else { return }
                guard let at = index[id] else {
                    report.skip(
                        "geolocalisation record of an establishment with no structureet record", line: record.line,
                        detail: id)
                    return
                }
                establishments[at].position = position
            default:
                throw record.error(
                    nil, value: record.field(0) ?? "",
                    expected: "a structureet or geolocalisation record (the Etalab FINESS stock layout)")
            }
        }
        guard !establishments.isEmpty else {
            throw ImportError(
                file: path, line: 1, expected: "structureet records (the Etalab FINESS stock layout); the file has none"
            )
        }
        guard !located.isEmpty else {
            throw ImportError(
                file: path, line: establishments[establishments.count - 1].line + 1,
                expected: "a geolocalisation block after the structureet block; it is missing (a truncated file?)")
        }
        return establishments
    }

    private static func structure(_ record: Record) throws -> FinessEstablishment {
        try requireFields(record, structureColumns)
        let value = { (name: String) in column(record, name, in: structureColumns) }
        guard let id = value("nofinesset") else {
            throw record.error("nofinesset", expected: "a FINESS number; the field is empty")
        }
        guard let category = value("categetab") else {
            throw record.error("categetab", expected: "a category code; the field is empty")
        }
        let departement = value("departement").map(FinessDepartement.normalize)
        let commune = value("commune")
        return FinessEstablishment(
            id: id, name: value("rslongue") ?? value("rs") ?? id, category: category, departement: departement,
            communeCode: departement.flatMap { d in
                commune.map { FinessDepartement.inseeCode(departement: d, commune: $0) }
            },
            line: record.line, position: nil
        )
    }

    /// The establishment's number and its coordinates, nil when both are empty.
    private static func geolocation(_ record: Record) throws -> (String, FinessPosition?) {
        try requireFields(record, geolocationColumns)
        let value = { (name: String) in column(record, name, in: geolocationColumns) }
        guard let id = value("nofinesset") else {
            throw record.error("nofinesset", expected: "a FINESS number; the field is empty")
        }
        let x = value("coordxet")
        let y = value("coordyet")
        if x == nil && y == nil { return (id, nil) }
        let crs = FinessCRS.crs(
            sourceCoordinates: value("sourcecoordet"), departement: FinessDepartement.of(finessNumber: id))
        return (
            id,
            FinessPosition(
                x: try number(x, "coordxet", record, crs: crs), y: try number(y, "coordyet", record, crs: crs),
                crs: crs, line: record.line, fields: "coordxet, coordyet"
            )
        )
    }

    private static func number(_ text: String?, _ field: String, _ record: Record, crs: String) throws -> Double {
        guard let text else {
            throw record.error(
                field, expected: "a coordinate in \(crs) like the other one of the pair; the field is empty")
        }
        guard let value = Record.number(text) else {
            throw record.error(field, value: text, expected: "a number (a coordinate in \(crs), in metres)")
        }
        return value
    }

    private static func column(_ record: Record, _ name: String, in columns: [String]) -> String? {
        columns.firstIndex(of: name).flatMap { record.field($0) }
    }

    private static func requireFields(_ record: Record, _ columns: [String]) throws {
        guard record.fields.count >= columns.count else {
            throw record.error(
                nil, value: nil,
                expected:
                    "\(columns.count) fields in a \(columns[0]) record, found \(record.fields.count) (a truncated file?)"
            )
        }
    }
}
