import Foundation
import MaillageFormats
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct ByteCSVReaderTests {
    let folder = try! TemporaryFolder()

    func write(_ text: String, _ name: String = "f-\(UUID()).csv") throws -> String {
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every record as (line, fields), read with a given chunk size.
    func records(_ path: String, chunkSize: Int = 1 << 20, delimiter: Unicode.Scalar? = nil) throws -> [(Int, [String])]
    {
        let reader = try ByteCSVReader(path: path, delimiter: delimiter, chunkSize: chunkSize)
        var result: [(Int, [String])] = []
        try reader.forEachRecord { record in
            result.append((record.line, (0..<record.count).map { record.string($0) ?? "" }))
        }
        return result
    }

    /// RFC 4180 quoting, CRLF, a BOM, a blank line and no final newline; the expected fields
    /// and lines are written by hand from the text.
    static let tricky =
        "\u{FEFF}a,b,c\r\n"  // line 1: header behind a byte-order mark
        + "1,\"x, y\",3\r\n"  // line 2: a delimiter inside quotes
        + "2,\"say \"\"hi\"\"\",\"multi\nline\"\r\n"  // line 3: doubled quotes, a newline inside quotes
        + "\n"  // line 5: blank
        + "3,,\"\"\n"  // line 6: empty fields, quoted and not
        + "4,é,z"  // line 7: UTF-8, no final newline

    static let expected: [(Int, [String])] = [
        (2, ["1", "x, y", "3"]),
        (3, ["2", "say \"hi\"", "multi\nline"]),
        (6, ["3", "", ""]),
        (7, ["4", "é", "z"]),
    ]

    @Test(arguments: [1 << 20, 4, 5, 7, 13])
    func readsRFC4180WhateverTheChunkSize(chunkSize: Int) throws {
        let path = try write(Self.tricky)
        let reader = try ByteCSVReader(path: path, chunkSize: chunkSize)
        #expect(reader.header == ["a", "b", "c"])
        let read = try records(path, chunkSize: chunkSize)
        #expect(read.map(\.0) == Self.expected.map(\.0))
        #expect(read.map(\.1) == Self.expected.map(\.1))
    }

    @Test func detectsSemicolonsAndReadsDecimalCommas() throws {
        let path = try write("o;d;t\nA;B;12,5\nA;C; 7 \n")
        let reader = try ByteCSVReader(path: path)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        var values: [Double?] = []
        try reader.forEachRecord { values.append($0.double(2)) }
        #expect(values == [12.5, 7])
    }

    @Test(
        arguments: [
            ("a,b\n1,\"open\n2,3\n", 2, "closing quote"),  // a quote never closed
            ("a,b\n1,\"x\"y\n", 2, "after the closing quote"),  // junk after a closing quote
            ("a,b\n1,2\n3\n", 3, "2 fields"),  // a short record
            ("", 1, "empty"),
        ] as [(String, Int, String)])
    func malformedFilesAreErrorsNamingTheLine(text: String, line: Int, words: String) throws {
        #expect {
            let path = try write(text)
            _ = try records(path)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == line && error.description.contains(words)
        }
    }

    /// The byte-level conversion must agree with the standard library's `Double(String)`.
    @Test func fastDecimalsMatchTheStandardLibrary() throws {
        var texts = [
            "0", "-0", "+3", "4356.6", "82487.2", "0.1", "0.30000000000000004", "123456789012345",
            "1234567890.12345", ".5", "5.", "-12.25", "999999999999999", "0.000001",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...15, using: &generator)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 0...digits, using: &generator)))
            texts.append(text)
        }
        for text in texts {
            let fast = Array(text.utf8).withUnsafeBufferPointer { ByteRecord.fastDecimal($0) }
            if text.filter(\.isNumber).count <= 15 {
                #expect(fast == Double(text), "\(text)")
            } else {
                #expect(fast == nil, "\(text)")
            }
        }
        // Not plain decimals: left to the slow path.
        for text in ["1e3", "0,5", "abc", "-", "1.2.3", "0x10"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { ByteRecord.fastDecimal($0) } == nil)
        }
    }
}
