import Foundation
import GRDB

/// Reads `travel_row` rows without copying their blobs: each is handed over as SQLite holds it.
enum StoredTravelRows {
    /// Calls `body` with each row the statement selects; the statement's columns must be
    /// `destinations, minutes, km, pairs` and optionally `origin` fifth. Pointers are valid
    /// only during the call.
    static func forEachRow(
        _ statement: Statement, arguments: StatementArguments,
        _ body: (
            _ origin: UInt32, _ count: Int, _ destinations: UnsafeRawPointer?, _ minutes: UnsafeRawPointer?,
            _ km: UnsafeRawPointer?
        ) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let count: Int = row[3]
            let origin: UInt32 = row.count > 4 ? UInt32(truncatingIfNeeded: row[4] as Int64) : 0
            try row.withUnsafeData(atIndex: 0) { destinations in
                try row.withUnsafeData(atIndex: 1) { minutes in
                    try row.withUnsafeData(atIndex: 2) { km in
                        try check(destinations, count: count, width: 4, origin: origin)
                        try check(minutes, count: count, width: 8, origin: origin)
                        if let km { try check(km, count: count, width: 8, origin: origin) }
                        try destinations!.withUnsafeBytes { destinations in
                            try minutes!.withUnsafeBytes { minutes in
                                if let km {
                                    try km.withUnsafeBytes { km in
                                        try body(
                                            origin, count, destinations.baseAddress, minutes.baseAddress, km.baseAddress
                                        )
                                    }
                                } else {
                                    try body(origin, count, destinations.baseAddress, minutes.baseAddress, nil)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A blob whose length does not match the row's pair count was not written by Maillage.
    private static func check(_ data: Data?, count: Int, width: Int, origin: UInt32) throws {
        guard let data, data.count == count * width else {
            throw DatabaseError(
                resultCode: .SQLITE_CORRUPT,
                message: "travel_row of origin \(origin): a blob of \(data?.count ?? 0) bytes for \(count) pairs")
        }
    }
}
