import Foundation
import Testing

@testable import MaillageStore

/// A stored run's `created_at` keeps the text Foundation's ISO 8601 format gave it.
@Suite struct StoredTimestampTests {
    @Test(arguments: [0, 951_782_400.5, 1_000_000_000, 1_764_926_399.999, 4_102_444_799])
    func theTextIsFoundationsISO8601Format(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(StoredTimestamp.text(date) == date.ISO8601Format())
    }
}
