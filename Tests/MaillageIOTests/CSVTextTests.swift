import Foundation
import MaillageFormats
import MaillageTestSupport
import Testing

/// The one CSV writer and the one JSON writer of `MaillageFormats`, checked against bytes
/// written out by hand from RFC 4180 and the spreadsheet-escaping rule.
@Suite struct CSVTextTests {
    @Test func fieldsAreQuotedWhenTheyHoldAQuoteCRLFOrTheDelimiter() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("line\nbreak") == "\"line\nbreak\"")
        // The quoter SimulationOutput had missed CR: a lone CR must be quoted too.
        #expect(CSVText.field("carriage\rreturn") == "\"carriage\rreturn\"")
        #expect(CSVText.field("a;b", delimiter: ";") == "\"a;b\"")
        #expect(CSVText.field("a,b", delimiter: ";") == "a,b")
    }

    @Test func formulaLikeTextIsEscapedAndNumbersAreNot() {
        guard SpreadsheetEscape.isEnabled else { return }
        #expect(CSVText.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVText.field("@cmd") == "'@cmd")
        #expect(CSVText.field("-1.5") == "-1.5")
    }

    @Test func aTableEndsEveryLineWithCRLF() {
        let text = CSVText.table(header: ["id", "name"], rows: [["1", "Lyon, 3e"], ["2", ""]])
        #expect(text == "id,name\r\n1,\"Lyon, 3e\"\r\n2,\r\n")
    }

    @Test func aFileHasTheSameBytesAsTheText() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("t.csv")
        let rows = [["a\"b", "x\ry"], ["=1", "2"]]
        try CSVFile.write(header: ["h1", "h2"], rows: rows, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: bytes, as: UTF8.self) == CSVText.table(header: ["h1", "h2"], rows: rows))
    }

    @Test func aNullEncodedValueIsWrittenAsNullWhenAbsent() throws {
        struct Sample: Encodable {
            @NullEncoded var missing: Double?
            @NullEncoded var present: Int?
            var left: Double?
        }
        // Synthesised encoding leaves an absent optional out (`left`); the wrapper keeps the key.
        #expect(try JSONText.string(Sample(missing: nil, present: 3, left: nil)) == #"{"missing":null,"present":3}"#)
    }

    @Test func aNullEncodedValueReadsAbsentOrNullAsNil() throws {
        struct Sample: Decodable { @NullEncoded var value: Int? }
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Sample.self, from: Data("{}".utf8)).value == nil)
        #expect(try decoder.decode(Sample.self, from: Data(#"{"value":null}"#.utf8)).value == nil)
        #expect(try decoder.decode(Sample.self, from: Data(#"{"value":4}"#.utf8)).value == 4)
    }

    @Test func jsonHasSortedKeysAndPlainSlashes() throws {
        struct Sample: Encodable {
            var zeta = 1
            var alpha = "a/b"
        }
        #expect(try JSONText.string(Sample()) == #"{"alpha":"a/b","zeta":1}"#)
        #expect(try JSONText.string(Sample(), pretty: true) == "{\n  \"alpha\" : \"a/b\",\n  \"zeta\" : 1\n}")
    }
}
