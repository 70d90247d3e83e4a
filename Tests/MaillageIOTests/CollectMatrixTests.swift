import Foundation
import MaillageCore
import MaillageFormats
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// `ByteCSVReader.collectMatrix`: plain rows decoded by the fast lane, every other record
/// handed to `otherwise`, giving what a record-by-record read gives, in the same order.
@Suite struct CollectMatrixTests {
    let folder = try! TemporaryFolder()

    func write(_ text: String) throws -> String {
        let path = folder.path("m-\(UUID()).csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func index(_ ids: [String]) -> ByteKeyIndex {
        var index = ByteKeyIndex()
        for (position, id) in ids.enumerated() { index.set(id, to: position) }
        return index
    }

    static let zones = index(["Z1", "Z2", "Z3"]), sites = index(["S1", "S2"])

    /// Reads with the fast lane, `otherwise` doing the plain lookups and noting the lines it saw.
    func collect(_ path: String, threads: Int = 1, chunkSize: Int = 1 << 20, minimumSegmentBytes: Int = 1 << 20) throws
        -> (entries: [MatrixEntry], otherwise: [Int])
    {
        let reader = try ByteCSVReader(path: path, chunkSize: chunkSize)
        let positions = MatrixFieldPositions(
            origin: reader.position(of: "origin")!, destination: reader.position(of: "destination")!,
            value: reader.position(of: "minutes")!
        )
        let (zones, sites) = (Self.zones, Self.sites)
        let lines = LineLog()
        let parts = try reader.collectMatrix(
            positions, origins: zones, destinations: sites, threads: threads, minimumSegmentBytes: minimumSegmentBytes
        ) { record in
            lines.append(record.line)
            guard let zone = record.value(positions.origin, in: zones),
                let site = record.value(positions.destination, in: sites),
                let minutes = record.double(positions.value)
            else { return nil }
            return (zone, site, minutes)
        }
        return (parts.flatMap { $0 }, lines.sorted)
    }

    /// The same file read record by record through the general reader.
    func sequential(_ path: String) throws -> [MatrixEntry] {
        let reader = try ByteCSVReader(path: path)
        let (o, d, v) = (
            reader.position(of: "origin")!, reader.position(of: "destination")!, reader.position(of: "minutes")!
        )
        var entries: [MatrixEntry] = []
        try reader.forEachRecord { record in
            guard let zone = record.value(o, in: Self.zones), let site = record.value(d, in: Self.sites),
                let minutes = record.double(v)
            else { return }
            entries.append(MatrixEntry(origin: zone, destination: site, value: minutes))
        }
        return entries
    }

    @Test func plainRowsAndTheOthersGiveTheEntriesWrittenByHand() throws {
        let path = try write(
            """
            origin,destination,minutes
            Z1,S1,12.5
            Z1,S2,7
            Z2, S1 ,3.25
            Z2,S9,4
            Z3,S2,1e1
            Z3,S1,123456.789

            Z3,S2,

            """)
        let read = try collect(path)
        // By hand: line 4 has blanks around S1, line 5 an unknown site, line 6 an exponent,
        // line 9 no value: those go to `otherwise`, which keeps 4 and 6 (it trims and reads
        // any number) and leaves 5 and 9 out. Line 7's ten-byte number is still plain.
        #expect(
            read.entries == [
                MatrixEntry(origin: 0, destination: 0, value: 12.5), MatrixEntry(origin: 0, destination: 1, value: 7),
                MatrixEntry(origin: 1, destination: 0, value: 3.25), MatrixEntry(origin: 2, destination: 1, value: 10),
                MatrixEntry(origin: 2, destination: 0, value: 123456.789),
            ])
        #expect(read.otherwise == [4, 5, 6, 9])
    }

    /// Every irregularity, in both layouts, at every chunk size and thread count: the
    /// record-by-record result.
    @Test(arguments: [false, true], [(1, 1 << 20), (1, 7), (1, 64), (2, 1 << 20), (3, 64), (7, 1 << 20)])
    func givesWhatARecordByRecordReadGives(threeFields: Bool, reading: (threads: Int, chunkSize: Int)) throws {
        let (threads, chunkSize) = reading
        var text = threeFields ? "origin;destination;minutes\r\n" : "minutes;extra;destination;origin\r\n"
        for row in 0..<700 {
            let zone = ["Z1", "Z2", "Z3", "Z4", " Z2"][row % 5]
            let site = ["S1", "S2", "S2 ", "S1"][row % 4]
            let minutes = [
                "\(Double(row) / 4)", "-\(row)", "+1", "0,5", "\(row)e-1", "", ".5", "12345678", "123456789", "5.",
            ][row % 10]
            text += threeFields ? "\(zone);\(site);\(minutes)" : "\(minutes);x\(row);\(site);\(zone)"
            text += row % 6 == 0 ? "\r\n" : "\n"
            if row % 50 == 0 { text += "\n" }
            if threeFields, row % 97 == 0 { text += "Z1;S1;2;extra field\n" }
        }
        let path = try write(text + (threeFields ? "Z3;S2;4" : "4;x;S2;Z3"))
        let expected = try sequential(path)
        #expect(expected.count > 300)
        let read = try collect(path, threads: threads, chunkSize: chunkSize, minimumSegmentBytes: 256)
        #expect(read.entries == expected)
    }

    /// A quoted field may hold a delimiter or a line end: such a file goes the general way.
    @Test func quotedFieldsAreReadAsTheGeneralReaderReadsThem() throws {
        let path = try write("origin,destination,minutes\n\"Z1\",S1,2\nZ2,\"S\n2\",3\nZ2,S2,\"4\"\nZ3,S1,5\n")
        let read = try collect(path, threads: 2, minimumSegmentBytes: 8)
        #expect(
            read.entries == [
                MatrixEntry(origin: 0, destination: 0, value: 2), MatrixEntry(origin: 1, destination: 1, value: 4),
                MatrixEntry(origin: 2, destination: 0, value: 5),
            ])
        #expect(read.otherwise == [2, 3, 5])
    }

    @Test(arguments: [1, 3])
    func aShortRecordIsTheSameErrorAsInARecordByRecordRead(threads: Int) throws {
        var lines = ["origin,destination,minutes"] + (0..<300).map { "Z\($0 % 3 + 1),S\($0 % 2 + 1),\($0)" }
        lines[120] = "Z1,S1"  // line 121
        let path = try write(lines.joined(separator: "\n") + "\n")
        #expect {
            _ = try collect(path, threads: threads, minimumSegmentBytes: 64)
        } throws: { error in
            (error as? ImportError)?.line == 121
        }
    }
}

/// The lines `otherwise` was called with, from any thread.
private final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Int] = []

    func append(_ line: Int) {
        lock.withLock { lines.append(line) }
    }

    var sorted: [Int] { lock.withLock { lines.sorted() } }
}

/// `PlainDecimal`: the word-at-a-time reading of short decimals, against Swift's own parser.
@Suite struct PlainDecimalTests {
    func value(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes += Array(repeating: UInt8(ascii: "7"), count: 8)  // readable bytes past the field, which must not count
        return bytes.withUnsafeBytes { PlainDecimal.value(at: $0.baseAddress!, count: count) }
    }

    @Test func readsTheNumbersWrittenByHand() {
        #expect(value("13.737") == 13.737)
        #expect(value("5") == 5)
        #expect(value("12345678") == 12_345_678)
        #expect(value("1234.567") == 1234.567)
        #expect(value(".5") == 0.5)
        #expect(value("5.") == 5)
        #expect(value("0.000001") == 0.000001)
        #expect(value("9999999.") == 9_999_999)
        for text in ["", ".", "-1", "+1", "1e3", "0,5", "1.2.3", " 1", "1 ", "123456789", "12a4"] {
            #expect(value(text) == nil, "\(text)")
        }
    }

    /// Random strings of digits and dots: equal to `Double(String)` wherever the text is a
    /// plain decimal of at most eight bytes, nil elsewhere.
    @Test func agreesWithSwiftsParser() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789.")
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...8, using: &generator)
            let text = String(
                (0..<length).map { _ in
                    alphabet[Int.random(in: 0..<(Bool.random(using: &generator) ? 11 : 10), using: &generator)]
                })
            let isPlain = text.filter { $0 == "." }.count <= 1 && text.contains { $0.isNumber }
            #expect(value(text) == (isPlain ? Double(text) : nil), "\(text)")
        }
    }
}
