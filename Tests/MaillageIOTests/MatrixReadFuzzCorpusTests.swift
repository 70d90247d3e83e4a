import Foundation
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageFuzzFormats

/// Replays `Tests/FuzzCorpus/matrix-read` through ``FuzzFormat/matrixRead``, the call its fuzz
/// target makes: the matrix reader's fast lane, on one thread and on three over tiny
/// segments, must give what the record-by-record read gives (the comparison traps otherwise).
@Suite struct MatrixReadFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    func read(_ name: String) throws -> [MatrixEntry] {
        let data = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path("matrix-read", name)))
        let outcome = try FuzzFormat.matrixRead.feed(
            data, file: URL(fileURLWithPath: folder.path("\(UUID()).csv")), database: nil)
        guard case .matrixEntries(let entries) = outcome else { throw CocoaError(.coderInvalidValue) }
        return entries
    }

    @Test func theMixedSeedGivesTheEntriesCountedByHand() throws {
        // Z1..Z10 are origins 0..3, S1, S2, S10 destinations 0..2 (MatrixReadComparison). By hand:
        // line 5 trimmed, line 6 quoted, line 7 an unknown site (left out), line 8 blank,
        // line 11 no value (left out).
        #expect(
            try read("seed-mixed.csv") == [
                MatrixEntry(origin: 0, destination: 0, value: 12.5), MatrixEntry(origin: 0, destination: 1, value: 7),
                MatrixEntry(origin: 0, destination: 2, value: 10), MatrixEntry(origin: 1, destination: 0, value: 3.25),
                MatrixEntry(origin: 1, destination: 1, value: 4),
                MatrixEntry(origin: 2, destination: 2, value: 123456.789),
                MatrixEntry(origin: 3, destination: 0, value: -2),
            ])
    }

    @Test func theOtherLayoutSeedGivesTheEntriesCountedByHand() throws {
        // Semicolons, columns in another order, a decimal comma, a quoted field holding the delimiter.
        #expect(
            try read("seed-other-layout.csv") == [
                MatrixEntry(origin: 0, destination: 0, value: 0.5), MatrixEntry(origin: 1, destination: 1, value: 12),
                MatrixEntry(origin: 2, destination: 2, value: 7.25),
            ])
    }

    @Test(arguments: FuzzCorpus.inputs("matrix-read"))
    func everyInputReadsAlikeEveryWay(_ name: String) throws {
        // The same comparison the fuzz target traps on, reported here instead; an error the
        // three reads agree on is a normal outcome.
        let file = folder.path("\(UUID()).csv")
        try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path("matrix-read", name))).write(
            to: URL(fileURLWithPath: file))
        let disagreement = MatrixReadComparison.compare(file).disagreement
        #expect(disagreement == nil, "\(name): \(disagreement ?? "")")
    }
}
