import Foundation
import MaillageSim
import Testing

/// Every row of `../shared/reference/fixtures/continuity.csv` (computed with the reference
/// tools named in `indicators.md`), to 6 decimals; an empty cell is an undefined index.
@Suite struct ContinuityIndicesTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "shared/reference/fixtures/continuity.csv")

    struct Row: Sendable, CustomTestStringConvertible {
        var sequence: String
        var expected: [Double?]
        var testDescription: String { sequence }
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(sequence: cells[0], expected: cells[3...7].map { $0.isEmpty ? nil : Double($0) })
        }
    }

    @Test func fixtureHasEveryRow() throws {
        // wc -l continuity.csv gives 7: a header and six sequences.
        #expect(try Self.rows().count == 6)
    }

    @Test(arguments: try! ContinuityIndicesTests.rows())
    func matchesTheFixture(_ row: Row) throws {
        let indices = try #require(ContinuityIndices(sequence: Array(row.sequence)))
        let computed: [Double?] = [indices.upc, indices.coc, indices.secon, indices.hhi, indices.mmci]
        for (name, (value, expected)) in zip(["UPC", "COC", "SECON", "HHI", "MMCI"], zip(computed, row.expected)) {
            if let expected {
                let rounded = try #require(value).rounded6
                #expect(rounded == expected, "\(name) of \(row.sequence): \(String(describing: value)) vs \(expected)")
            } else {
                #expect(value == nil, "\(name) of \(row.sequence) should be undefined")
            }
        }
    }

    @Test func noVisitHasNoIndices() {
        #expect(ContinuityIndices(sequence: [Character]()) == nil)
    }
}

extension Double {
    var rounded6: Double { (self * 1e6).rounded() / 1e6 }
}
