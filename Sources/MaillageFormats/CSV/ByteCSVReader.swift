import Foundation
import MaillageCore

/// A delimited file read as raw bytes, record by record: the fast path for files of
/// millions of rows (travel-time matrices).
///
/// ``DelimitedFile`` decodes every character through CSV.swift's iterators and builds a
/// `String` per field, which caps it near 150,000 rows/s (see BENCHMARKS.md). This reader
/// scans 1 MiB chunks of bytes and hands each record out as byte ranges; only the fields a
/// caller asks for become strings or numbers. Memory stays at one chunk (more only for a
/// single record longer than a chunk), whatever the file's size.
///
/// RFC 4180 quoting is handled: a quoted field may hold delimiters, newlines and doubled
/// quotes; a closing quote followed by anything but a delimiter or a line end, or a quote
/// left open at the end of the file, is an ``ImportError`` naming the line. Lines may end in
/// LF or CRLF; a UTF-8 byte-order mark is skipped; blank lines are skipped.
package final class ByteCSVReader {
    /// The file read.
    package let path: String
    /// The field delimiter, given or detected, as a byte.
    package let delimiter: UInt8
    /// The text encoding, given or detected.
    package let encoding: TextEncoding
    /// Lines end in CR alone (classic Mac OS, some exports): every CR is read as a line feed.
    /// Such files used to read as one header line and zero rows.
    package let crOnly: Bool
    /// Column names of the first line, trimmed.
    package private(set) var header: [String] = []
    internal private(set) var columns = ColumnIndex([])
    /// How many bytes are read from the file at a time.
    package let chunkSize: Int

    /// Opens a file and reads its header line; the delimiter (`,`, `;` or tab) and the
    /// encoding are detected unless given. `chunkSize` exists for tests of chunk boundaries.
    package init(
        path: String, delimiter: Unicode.Scalar? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20
    ) throws {
        self.path = path
        self.chunkSize = max(chunkSize, 4)
        try InputFile.requireFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        let sample = (try? handle.read(upToCount: DelimitedFile.sampleSize)) ?? Data()
        try? handle.close()
        guard !sample.isEmpty else {
            throw ImportError(file: path, line: 1, expected: "a header line, but the file is empty")
        }
        crOnly = sample.contains(0x0D) && !sample.contains(0x0A)
        if encoding == nil, let mixed = TextEncoding.mixedLine(sample) {
            throw ImportError(
                file: path, line: mixed.line,
                expected:
                    "one encoding for the whole file; line \(mixed.line) is Latin-1 (byte \(String(format: "0x%02X", mixed.byte))) while line \(mixed.utf8Line) is UTF-8: re-save the file in one encoding, or say which encoding it is in",
                hint: SettingHint("encoding", example: "latin1"))
        }
        self.encoding = encoding ?? TextEncoding.detect(sample, isWholeFile: sample.count < DelimitedFile.sampleSize)
        let firstLine = String(
            decoding: sample.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let scalar = delimiter ?? DelimitedFile.detectDelimiter(firstLine)
        guard scalar.isASCII else {
            throw ImportError(file: path, line: 1, expected: "a one-byte delimiter such as ',', ';' or tab")
        }
        self.delimiter = UInt8(scalar.value)
        var names: [String] = []
        try scan { record in
            names = (0..<record.count).map { record.rawString($0) }
            return false
        }
        header = names.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.contains(where: { !$0.isEmpty }) else {
            throw ImportError(file: path, line: 1, expected: "a header line naming the columns")
        }
        columns = ColumnIndex(header)
        try Self.refuseDuplicateColumns(header, file: path)
    }

    /// Refuses a header naming a column twice (ignoring case and spaces): the first used to win silently.
    package static func refuseDuplicateColumns(_ header: [String], file: String) throws {
        var seen = [String: Int]()
        for (position, name) in header.enumerated() where !name.isEmpty {
            let key = name.lowercased()
            if let first = seen[key] {
                throw ImportError(
                    file: file, line: 1, field: name,
                    expected:
                        "each column once in the header; columns \(first + 1) and \(position + 1) are both '\(name)'")
            }
            seen[key] = position
        }
    }

    /// The position of a column (exact name first, then ignoring case and spaces).
    package func position(of column: String) -> Int? { columns.position(of: column) }

    /// Calls `body` with each record after the header, in order.
    ///
    /// The record's bytes are valid only during the call. A record with fewer fields than
    /// the header (a truncated file, a wrong delimiter) is an error.
    package func forEachRecord(_ body: (ByteRecord) throws -> Void) throws {
        try forEachRecord(in: Segment(start: 0, end: nil, line: 1), body)
    }

    /// A stretch of the file that starts at a record boundary: the whole file (with its
    /// header) from offset 0, else records only.
    package struct Segment: Sendable, Equatable {
        /// The byte offset the segment starts at.
        package var start: UInt64
        /// Where the segment stops (a record boundary), nil for the end of the file.
        package var end: UInt64?
        /// The line number of the segment's first byte.
        package var line: Int
    }

    /// Calls `body` with each record of a segment, skipping the header when the segment starts the file.
    package func forEachRecord(in segment: Segment, _ body: (ByteRecord) throws -> Void) throws {
        var isHeader = segment.start == 0
        try scan(segment) { record in
            if isHeader {
                isHeader = false
                return true
            }
            try checkFieldCount(record.count, line: record.line)
            try body(record)
            return true
        }
    }

    /// Refuses a record with fewer fields than the header (a truncated file, a wrong delimiter).
    package func checkFieldCount(_ count: Int, line: Int) throws {
        guard count < header.count else { return }
        throw ImportError(
            file: path, line: line,
            expected: "\(header.count) fields as in the header, found \(count) (a truncated file or a wrong delimiter?)"
        )
    }

    /// Reads a segment's records until `body` returns false or the segment ends; blank lines are skipped.
    private func scan(_ segment: Segment = Segment(start: 0, end: nil, line: 1), _ body: (ByteRecord) throws -> Bool)
        throws
    {
        let fields = FieldSpans()
        let parser = RecordParser(delimiter: delimiter, file: path)
        try forEachChunk(of: segment) { bytes, start, end, isAtEnd, line in
            while start < end {
                guard
                    let (next, newlines) = try parser.parse(
                        bytes, from: start, end: end, isAtEnd: isAtEnd, line: line, into: fields)
                else { return false }
                if !fields.isBlankLine {
                    let keepGoing = try body(ByteRecord(reader: self, line: line, bytes: bytes, spans: fields.spans))
                    if !keepGoing { return true }
                }
                line += newlines
                start = next
            }
            return isAtEnd
        }
    }

    /// Hands a segment's bytes to `consume` a chunk at a time.
    ///
    /// `consume` gets the buffer, where the unread records start (it moves `start` past the
    /// records it takes and `line` past their line feeds), where the bytes read so far end,
    /// and whether they reach the segment's end. It returns true to stop; otherwise the
    /// unfinished record it left is kept at the front and more of the file read after it
    /// (the buffer grows only for a record longer than itself).
    package func forEachChunk(
        of segment: Segment,
        _ consume: (
            _ bytes: UnsafeBufferPointer<UInt8>, _ start: inout Int, _ end: Int, _ isAtEnd: Bool, _ line: inout Int
        ) throws -> Bool
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        defer { try? handle.close() }
        if segment.start > 0 { try handle.seek(toOffset: segment.start) }
        var remaining = segment.end.map { $0 - segment.start } ?? UInt64.max
        var storage = [UInt8](repeating: 0, count: chunkSize)
        var start = 0
        var end = 0
        var line = segment.line
        var isAtEnd = false
        var isFirstChunk = segment.start == 0
        while true {
            if start > 0 {
                storage.withUnsafeMutableBufferPointer { buffer in
                    if let base = buffer.baseAddress { memmove(base, base + start, end - start) }
                }
                end -= start
                start = 0
            }
            if end == storage.count { storage.append(contentsOf: repeatElement(0, count: storage.count)) }
            let wanted = Int(min(UInt64(storage.count - end), remaining))
            let count = try storage.withUnsafeMutableBufferPointer { buffer in
                try read(handle, into: UnsafeMutableBufferPointer(rebasing: buffer[end..<(end + wanted)]), line: line)
            }
            remaining -= UInt64(count)
            if count == 0 || remaining == 0 { isAtEnd = true }
            end += count
            if isFirstChunk {
                isFirstChunk = false
                if end >= 3, storage[0] == 0xEF, storage[1] == 0xBB, storage[2] == 0xBF { start = 3 }
            }
            let isAtSegmentEnd = isAtEnd
            let finished = try storage.withUnsafeBufferPointer { bytes in
                try consume(bytes, &start, end, isAtSegmentEnd, &line)
            }
            if finished { return }
        }
    }

    /// Reads into the buffer straight from the file (no `Data` per chunk); 0 at the end of the file.
    private func read(_ handle: FileHandle, into buffer: UnsafeMutableBufferPointer<UInt8>, line: Int) throws -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let count = Foundation.read(handle.fileDescriptor, base, buffer.count)
            if count >= 0 {
                // One byte for one byte: offsets (segments, lines) stay those of the file.
                if crOnly { for index in 0..<count where base[index] == 0x0D { base[index] = 0x0A } }
                return count
            }
            let code = errno
            guard code == EINTR else {
                throw ImportError(
                    file: path, line: line,
                    expected: "a readable file (the read failed: \(String(cString: strerror(code))))")
            }
        }
    }
}
