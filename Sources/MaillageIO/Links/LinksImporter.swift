import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Imports links from a CSV with columns `from`, `to`, `kind` and optional `strength`.
///
/// Both ends must already be in the database: an actor for `from`, and for `to` an actor
/// (or a zone for `covers`); `member_of` must end at a CPTS.
public struct LinksImporter {
    /// How the CSV is read: delimiter, encoding, header.
    public var csv = CSVOptions()

    /// An importer reading the CSV as told.
    public init(csv: CSVOptions = CSVOptions()) { self.csv = csv }

    /// Imports the file's links in one transaction; a bad row is an error naming its line and field.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "links")
        let file = try DelimitedFile(path: path, options: csv)
        try file.requireColumns(["from", "to", "kind"])
        var links: [(line: Int, link: Link)] = []
        try file.forEachRecord { record in
            report.rowsRead += 1
            do {
                let link = try Link(
                    from: record.required("from"), kind: LinkKind.parse(record.required("kind")),
                    to: record.required("to"), strength: record.double("strength") ?? 1
                )
                links.append((record.line, link))
            } catch let error as ValidationError {
                throw ImportError(error, file: path, line: record.line)
            }
        }
        try database.transaction { writer in
            for (line, link) in links {
                try Self.checkEnds(link, writer: writer, file: path, line: line)
                report.record(try writer.upsert(link))
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private static func checkEnds(_ link: Link, writer: TerritoryWriter, file: String, line: Int) throws {
        guard try writer.actorKind(link.from) != nil else {
            throw ImportError(
                file: file, line: line, field: "from", value: link.from, expected: "the id of an actor in the database")
        }
        if link.kind.targetsZone {
            guard try writer.zoneExists(link.to) else {
                throw ImportError(
                    file: file, line: line, field: "to", value: link.to,
                    expected: "the id of a zone in the database (covers links end at zones)")
            }
            return
        }
        guard let target = try writer.actorKind(link.to) else {
            throw ImportError(
                file: file, line: line, field: "to", value: link.to, expected: "the id of an actor in the database")
        }
        if link.kind == .memberOf, target != .cpts {
            throw ImportError(
                file: file, line: line, field: "to", value: link.to,
                expected: "a cpts for a member_of link, not a \(target)")
        }
    }
}
