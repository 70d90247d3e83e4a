import Foundation
import Testing

@testable import MaillageTravel

/// The temporary file a table's pairs wait in between the server's answers and the database.
@Suite struct RoutedPairsTests {
    /// Pairs written in several appends come back in order, a missing distance as nil, across
    /// more than one read batch (65,536 pairs).
    @Test func pairsComeBackAsWritten() throws {
        let pairs = try RoutedPairs()
        var written: [TableClient.Pair] = []
        for chunk in 0..<3 {
            var part: [TableClient.Pair] = []
            for index in 0..<50_000 {
                let metres: Double? = index % 7 == 0 ? nil : Double(index) * 1.5
                part.append(
                    TableClient.Pair(
                        origin: Int32(chunk), destination: Int32(index), seconds: Double(index) / 10, metres: metres))
            }
            try pairs.append(part)
            written += part
        }
        #expect(pairs.count == 150_000)
        let read = try pairs.array()
        #expect(read == written)
        #expect(read[7].metres == nil && read[8].metres == 12)
        var seen = 0
        try pairs.forEachPair { _ in seen += 1 }
        #expect(seen == 150_000)
    }

    @Test func anEmptyListReadsAsNothing() throws {
        let pairs = try RoutedPairs()
        try pairs.append([])
        #expect(try pairs.array().isEmpty)
    }
}
