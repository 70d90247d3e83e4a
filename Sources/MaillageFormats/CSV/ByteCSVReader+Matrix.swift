import Foundation
import MaillageCore

extension ByteCSVReader {
    /// A matrix row as a caller reads it: origin and destination positions and the value.
    package typealias MatrixRow = (origin: Int, destination: Int, value: Double)

    /// Reads a sparse matrix's rows into entries, on several threads, in file order (one
    /// array per stretch of the file read).
    ///
    /// A plain row (fields unquoted and without surrounding blanks, ids present in the
    /// indexes, a plain decimal value) is decoded straight from the bytes: its origin looked
    /// up in `origins`, its destination in `destinations`, its value read as
    /// ``ByteRecord/double(_:)`` reads it. Every other record (a quoted field, blanks around a
    /// field, an unknown id, an empty value, `1e3` or `0,5`, a file not in UTF-8) goes to
    /// `otherwise`, which returns the row to keep, nil to leave it out, or throws. When
    /// `otherwise` does the same lookups for the records it gets, the result is that of
    /// reading every record with it, only faster. Records are checked for the header's
    /// number of fields, segments and line numbers are those of ``collectRecords(threads:minimumSegmentBytes:part:_:)``,
    /// and the error thrown is the first in file order.
    package func collectMatrix(
        _ positions: MatrixFieldPositions, origins: ByteKeyIndex, destinations: ByteKeyIndex,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, minimumSegmentBytes: Int = 1 << 20,
        otherwise: @Sendable (ByteRecord) throws -> MatrixRow?
    ) throws -> [[MatrixEntry]] {
        let lane = PlainMatrixRow(
            positions: positions, fieldCount: header.count, origins: origins, destinations: destinations,
            delimiter: delimiter
        )
        nonisolated(unsafe) let reader = self
        // Room for a row per 16 bytes of the segment (rows are longer).
        return try perSegment(
            threads: threads, minimumSegmentBytes: minimumSegmentBytes,
            part: { bytes in
                var entries: [MatrixEntry] = []
                entries.reserveCapacity(bytes / 16)
                return entries
            }
        ) { segment, entries in
            try reader.readMatrix(segment, lane: lane, into: &entries, otherwise: otherwise)
        }
    }

    /// Reads a sparse matrix's rows like ``collectMatrix(_:origins:destinations:threads:minimumSegmentBytes:otherwise:)``,
    /// on this thread, handing the entries to `body` a buffer at a time, in file order:
    /// memory does not grow with the file (an import streams through it).
    ///
    /// `otherwise` gets the records the fast lane does not decode, in file order, between the
    /// entries before and after them.
    package func forEachMatrixBatch(
        _ positions: MatrixFieldPositions, origins: ByteKeyIndex, destinations: ByteKeyIndex,
        otherwise: (ByteRecord) throws -> MatrixRow?, _ body: ([MatrixEntry]) throws -> Void
    ) throws {
        let lane = PlainMatrixRow(
            positions: positions, fieldCount: header.count, origins: origins, destinations: destinations,
            delimiter: delimiter
        )
        var entries: [MatrixEntry] = []
        entries.reserveCapacity(1 << 16)
        try readMatrix(Segment(start: 0, end: nil, line: 1), lane: lane, into: &entries, otherwise: otherwise) {
            entries in
            try body(entries)
            entries.removeAll(keepingCapacity: true)
        }
        try body(entries)
    }

    private func readMatrix(
        _ segment: Segment, lane start: PlainMatrixRow, into entries: inout [MatrixEntry],
        otherwise: (ByteRecord) throws -> MatrixRow?,
        afterChunk: (inout [MatrixEntry]) throws -> Void = { _ in }
    ) throws {
        let fields = FieldSpans()
        let parser = RecordParser(delimiter: delimiter, file: path)
        var lane = start
        var isHeader = segment.start == 0
        let isUTF8 = encoding == .utf8
        try forEachChunk(of: segment) { bytes, start, end, isAtEnd, line in
            // The entries of the bytes read before (whole records) go before more are read:
            // here rather than at the end, which a chunk ending inside a record never reaches.
            try afterChunk(&entries)
            while start < end {
                if isUTF8, !isHeader {
                    let stop = lane.take(bytes, from: start, end: end, into: &entries)
                    line += stop.rows
                    start = stop.offset
                    if stop.isIncomplete, !isAtEnd { return false }
                    if start >= end { break }
                }
                guard
                    let (next, newlines) = try parser.parse(
                        bytes, from: start, end: end, isAtEnd: isAtEnd, line: line, into: fields)
                else { return false }
                if isHeader {
                    isHeader = fields.isBlankLine
                } else if !fields.isBlankLine {
                    try checkFieldCount(fields.count, line: line)
                    if let row = try otherwise(ByteRecord(reader: self, line: line, bytes: bytes, spans: fields.spans))
                    {
                        entries.append(MatrixEntry(origin: row.origin, destination: row.destination, value: row.value))
                    }
                }
                line += newlines
                start = next
            }
            return isAtEnd
        }
    }
}
