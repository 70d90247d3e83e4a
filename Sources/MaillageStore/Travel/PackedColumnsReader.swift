import GRDB
import MaillageCore

/// Reads every `travel_row` of a matrix into its final arrays, copying each blob once.
///
/// The arrays are allocated at their known size (the sum of the rows' pair counts) and each
/// row's blobs are copied in with one `memcpy`: appending them value by value (or through a
/// fill then a copy) was most of the time a reader thread spent on a 773,000-pair matrix
/// (perf).
struct PackedColumnsReader {
    /// Each row's origin, in the order read.
    var origins: [UInt32] = []
    /// Where each row starts in the columns, and where the last ends.
    var offsets = [0]
    /// Destinations of every row, back to back.
    var destinations: [UInt32] = []
    /// Minutes of every row.
    var minutes: [Double] = []
    /// Kilometres of every row (NaN where a row has none), when asked for.
    var km: [Double]?

    /// Reads the rows `statement` selects (see ``StoredTravelRows/forEachRow(_:arguments:_:)``),
    /// which hold `count` pairs in all; `distances` reads the kilometres too.
    ///
    /// - Throws: `SQLITE_CORRUPT` when the rows hold more pairs than `count`, or fewer.
    init(_ statement: Statement, arguments: StatementArguments, count: Int, distances: Bool) throws {
        var origins: [UInt32] = []
        var offsets = [0]
        var kmColumn: [Double] = []
        var minuteColumn: [Double] = []
        destinations = try [UInt32](unsafeUninitializedCapacity: count) { destinationBuffer, destinationCount in
            minuteColumn = try [Double](unsafeUninitializedCapacity: count) { minuteBuffer, minuteCount in
                kmColumn = try [Double](unsafeUninitializedCapacity: distances ? count : 0) { kmBuffer, kmCount in
                    for column in [
                        UnsafeMutableRawBufferPointer(destinationBuffer), .init(minuteBuffer), .init(kmBuffer),
                    ] {
                        FreshPages.populate(column)
                    }
                    var filled = 0
                    defer { (destinationCount, minuteCount, kmCount) = (filled, filled, distances ? filled : 0) }
                    try StoredTravelRows.forEachRow(statement, arguments: arguments) { origin, pairs, to, times, km in
                        guard pairs <= count - filled else { throw Self.corrupt("more pairs than their count") }
                        Self.copy(to, pairs, into: destinationBuffer, at: filled)
                        Self.copy(times, pairs, into: minuteBuffer, at: filled)
                        if distances {
                            if km != nil {
                                Self.copy(km, pairs, into: kmBuffer, at: filled)
                            } else {
                                kmBuffer.baseAddress.map { ($0 + filled).initialize(repeating: .nan, count: pairs) }
                            }
                        }
                        filled += pairs
                        origins.append(origin)
                        offsets.append(filled)
                    }
                    guard filled == count else { throw Self.corrupt("fewer pairs than their count") }
                }
            }
        }
        (self.origins, self.offsets, minutes, km) = (origins, offsets, minuteColumn, distances ? kmColumn : nil)
    }

    /// Copies `count` values from a blob's bytes (any alignment) to `buffer[start...]`.
    private static func copy<Value: BitwiseCopyable>(
        _ bytes: UnsafeRawPointer?, _ count: Int, into buffer: UnsafeMutableBufferPointer<Value>, at start: Int
    ) {
        guard count > 0, let bytes, let base = buffer.baseAddress else { return }
        UnsafeMutableRawPointer(base + start).copyMemory(from: bytes, byteCount: count * MemoryLayout<Value>.stride)
    }

    private static func corrupt(_ detail: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "travel_row: \(detail)")
    }
}
