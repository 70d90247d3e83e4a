import MaillageCore
import MaillageStore

/// The rows an import has seen (the store's ``ImportRowLedger``), with the outlier check run
/// over all of them once the file is read.
struct RowLedger {
    private let rows: ImportRowLedger

    init(_ writer: TerritoryWriter) throws {
        rows = try writer.rowLedger()
    }

    /// The line each of `ids` was recorded with, for those already recorded.
    func lines(of ids: [String]) throws -> [String: Int] { try rows.lines(of: ids) }

    /// Records ids not recorded yet (check them with ``lines(of:)`` first: a duplicate fails).
    func record(_ batch: [(id: String, line: Int, point: GeoPoint)]) throws { try rows.record(batch) }

    /// ``OutlierCheck``'s warnings over every recorded point, reading them back one by one.
    func outlierWarnings(label: (String, Int) -> String) throws -> [String] {
        guard try rows.count() >= OutlierCheck.minimumPoints, let center = try rows.medianPoint() else { return [] }
        var warnings = OutlierCheck.Collector()
        // The store's ledger streams its rows through a callback; it is not a Sequence.
        // swift-format-ignore: ReplaceForEachWithForLoop
        try rows.forEach { id, line, point in warnings.check(label(id, line), point, from: center) }
        return warnings.lines
    }

    /// Drops the ledger's table (at the end of a successful import, inside its transaction).
    func finish() throws { try rows.finish() }
}
