import Foundation
import MaillageTestSupport
import Testing

@testable import MaillageFormats
@testable import MaillageIO

/// `ByteCSVReader.collectRecords`: a file read in segments on several threads must hand out
/// exactly the records (fields and line numbers) and the first error of a sequential read.
@Suite struct SegmentedReadTests {
    let folder = try! TemporaryFolder()

    func write(_ text: String) throws -> String {
        let path = folder.path("f-\(UUID()).csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A matrix-like file of `rows` records with CRLF and LF line ends, blank lines, spaces
    /// and no final newline: every irregularity a cut point could meet.
    static func matrix(rows: Int) -> String {
        var text = "origin,destination,minutes\r\n"
        for row in 0..<rows {
            text += "Z\(row % 37), S\(row % 11) ,\(Double(row) / 8)"
            text += row % 5 == 0 ? "\r\n" : "\n"
            if row % 13 == 0 { text += "\n" }
        }
        return text + "Zlast,Slast,1.5"
    }

    func sequential(_ path: String) throws -> [(Int, [String])] {
        var result: [(Int, [String])] = []
        try ByteCSVReader(path: path).forEachRecord { record in
            result.append((record.line, (0..<record.count).map { record.string($0) ?? "" }))
        }
        return result
    }

    func segmented(_ path: String, threads: Int, minimumSegmentBytes: Int = 16) throws -> [(Int, [String])] {
        let parts = try ByteCSVReader(path: path).collectRecords(
            threads: threads, minimumSegmentBytes: minimumSegmentBytes, part: { _ in [(Int, [String])]() }
        ) { part, record in
            part.append((record.line, (0..<record.count).map { record.string($0) ?? "" }))
        }
        return parts.flatMap { $0 }
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func segmentsGiveTheSequentialRecordsWhateverTheThreadCount(threads: Int) throws {
        let path = try write(Self.matrix(rows: 500))
        let expected = try sequential(path)
        // Line numbers counted by hand from the generator: header line 1, then each row one
        // line, plus a blank line after rows 0, 13, 26, …; the last record follows them all.
        #expect(expected.count == 501)
        #expect(expected[0].0 == 2 && expected[1].0 == 4)  // row 0 on line 2, its blank line 3
        #expect(expected.last!.0 == 1 + 500 + 39 + 1)  // 39 blank lines (rows 0, 13, …, 494)
        let read = try segmented(path, threads: threads)
        #expect(read.map(\.0) == expected.map(\.0))
        #expect(read.map(\.1) == expected.map(\.1))
        if threads > 1 {
            #expect(
                try ByteCSVReader(path: path).segments(
                    count: threads, minimumBytes: 16, size: ByteCSVReader(path: path).fileSize()
                ).count > 1)
        }
    }

    /// A quoted field may hold a line end, so a file with quotes is read in one piece.
    @Test func aFileWithQuotesIsReadInOnePiece() throws {
        let text = Self.matrix(rows: 200).replacingOccurrences(of: "Z7,", with: "\"Z\n7\",")
        let path = try write(text)
        let reader = try ByteCSVReader(path: path)
        #expect(try reader.segments(count: 4, minimumBytes: 16, size: reader.fileSize()).count == 1)
        let read = try segmented(path, threads: 4)
        let expected = try sequential(path)
        #expect(read.map(\.0) == expected.map(\.0))
        #expect(read.map(\.1) == expected.map(\.1))
        #expect(read.contains { $0.1[0] == "Z\n7" })
    }

    /// Short records in two segments: the error thrown names the first one in file order.
    @Test(arguments: [1, 2, 5])
    func theFirstErrorInFileOrderIsThrown(threads: Int) throws {
        // Split on the line-feed byte: as Characters, "\r\n" is one and would not split.
        var lines = Self.matrix(rows: 400).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        lines[100] = "broken"  // line 101
        lines[300] = "broken too"  // line 301
        let path = try write(lines.joined(separator: "\n"))
        #expect {
            _ = try segmented(path, threads: threads)
        } throws: { error in
            (error as? ImportError)?.line == 101
        }
    }

    @Test func smallFilesAreOneSegment() throws {
        let path = try write("a,b\n1,2\n")
        let reader = try ByteCSVReader(path: path)
        #expect(
            try reader.segments(count: 8, minimumBytes: 1 << 20, size: reader.fileSize()) == [
                .init(start: 0, end: nil, line: 1)
            ])
    }
}
