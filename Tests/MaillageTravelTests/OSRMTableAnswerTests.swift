import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

@testable import MaillageTravel

/// An OSRM server's `/table` answer is input like a file: every answer of the fuzzing corpus
/// (`Tests/FuzzCorpus/osrm-table`) is read as the fuzz target `MaillageFuzzOsrmTable` reads it,
/// and must give a table or an ``OSRMError``, never a crash.
///
/// The `crash-*` answers stopped the process before: waypoints or distances shorter than the
/// block were indexed by the block's positions (index out of range).
@Suite struct OSRMTableAnswerTests {
    let folder = try! TemporaryFolder()
    let client = TableClient(server: URL(string: "http://127.0.0.1:5000")!)

    @Test(arguments: FuzzCorpus.inputs(FuzzFormat.osrmTable.rawValue))
    func readsOrRefuses(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(FuzzFormat.osrmTable.rawValue, name)))
        let file = URL(fileURLWithPath: folder.path("unused.json"))
        do {
            let outcome = try FuzzFormat.osrmTable.feed(data, file: file, database: nil)
            guard case .osrmTable = outcome else {
                Issue.record("\(name): \(outcome)")
                return
            }
            #expect(!name.hasPrefix("crash-") && !name.hasPrefix("damage-"), "\(name) must be refused")
        } catch let error as OSRMError {
            #expect(!name.hasPrefix("seed-"), "the seed \(name) must be read: \(error)")
            #expect("\(error)".contains("BadAnswer"), "\(name): \(error)")
        }
    }

    /// The seed's 3 × 4 table, by hand: one null duration (unroutable), two over the hour
    /// (3700.2 and 4000 s; 1800 and 2405.9 are within), the rest kept in (origin, destination) order.
    @Test func theSeedGivesItsPairs() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path("osrm-table", "seed-routed.json")))
        let table = try #require(
            try client.table(answer: data, status: 200, origins: 3, destinations: 4, limitSeconds: 3600))
        #expect(table.unroutable == 1)
        #expect(table.overLimit == 2)
        let pairs = try table.pairs.array()
        #expect(
            pairs.map { "\($0.origin)>\($0.destination)" } == [
                "0>0", "0>1", "0>3", "1>0", "1>1", "1>2", "2>0", "2>1", "2>2",
            ])
        #expect(pairs.map(\.seconds) == [0, 612.4, 1800, 605.1, 0, 2405.9, 1790, 2400, 0])
        #expect(pairs.map(\.metres) == [0, 8123.5, 24000, 8100, 0, 31000.2, 23900, 30980, 0])
        #expect(table.originSnapMetres == [12.5, 0, 3.25])
        #expect(table.destinationSnapMetres == [1, 2, 3, 4])
    }

    /// Shapes and figures a server must not send, each refused with what is wrong.
    @Test(arguments: [
        (
            #"{"code":"Ok","durations":[[1,2,3,4],[1,2,3,4],[1,2,3,4]],"sources":[{"distance":1}]}"#,
            "1 sources for 3 origins"
        ),
        (
            #"{"code":"Ok","durations":[[1,2,3,4],[1,2,3,4],[1,2,3,4]],"destinations":[{"distance":1}]}"#,
            "1 destinations for 4"
        ),
        (#"{"code":"Ok","durations":[[1,2,3,4],[1,2,3,4],[1,2,3,4]],"distances":[[1,2],[3]]}"#, "3 × 4 distances"),
        (#"{"code":"Ok","durations":[[1,2,3,4],[1,2,3,4],[1,2,3]]}"#, "3 × 4 durations"),
        (#"{"code":"Ok","durations":[[1,-2,3,4],[1,2,3,4],[1,2,3,4]]}"#, "negative or infinite"),
        (
            #"{"code":"Ok","durations":[[1,2,3,4],[1,2,3,4],[1,2,3,4]],"sources":[{"distance":-1},{},{}]}"#,
            "negative or infinite"
        ),
    ])
    func malformedAnswersAreRefused(_ answer: String, _ expected: String) {
        #expect {
            _ = try client.table(answer: Data(answer.utf8), status: 200, origins: 3, destinations: 4, limitSeconds: nil)
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains("BadAnswer")
        }
    }

    /// A server's own error text is quoted short and escaped, never whole.
    @Test func aServerErrorIsQuotedShort() {
        // JSON's \u001b is an escape character: a terminal would act on it.
        let answer = #"{"code":"InvalidQuery","message":"bad\u001b[2J"# + String(repeating: "x", count: 500) + #""}"#
        #expect {
            _ = try client.table(answer: Data(answer.utf8), status: 400, origins: 3, destinations: 4, limitSeconds: nil)
        } throws: { error in
            let text = "\(error)"
            return text.contains("InvalidQuery") && text.contains("(507 characters)") && !text.contains("\u{1B}")
        }
    }

    /// A busy server (HTTP 503) and a block too big are not errors of the answer: nil, the client retries or cuts.
    @Test func retriesAndSplitsAreNoTable() throws {
        #expect(
            try client.table(answer: Data("oops".utf8), status: 503, origins: 3, destinations: 4, limitSeconds: nil)
                == nil)
        let tooBig = Data(#"{"code":"TooBig","message":"Too many table coordinates"}"#.utf8)
        #expect(try client.table(answer: tooBig, status: 400, origins: 3, destinations: 4, limitSeconds: nil) == nil)
    }
}
