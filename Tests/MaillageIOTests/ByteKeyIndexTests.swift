import Foundation
import MaillageFormats
import Testing

@testable import MaillageIO

/// `ByteKeyIndex` must answer as `[String: Int]` does, whatever the key's length or script.
@Suite struct ByteKeyIndexTests {
    func lookUp(_ text: String, in index: ByteKeyIndex) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { index.value(forBytes: $0) }
    }

    @Test func answersAsADictionary() {
        // Keys of every length class (1–3, 4–7, 8–16 bytes, longer), an empty key, a duplicate.
        let keys = [
            "", "A", "AB", "ABC", "Z001", "Z00017", "0123456789abcdef", "a-much-longer-identifier-of-40-bytes-xx",
            "31555", "31555 ", "Z00017",
        ]
        var index = ByteKeyIndex()
        var dictionary: [String: Int] = [:]
        for (value, key) in keys.enumerated() {
            index.set(key, to: value)
            dictionary[key] = value
        }
        #expect(index.count == dictionary.count)
        for key in keys + ["Z00018", "Z0001", "a-much-longer-identifier-of-40-bytes-xy", "B", "ABD"] {
            #expect(lookUp(key, in: index) == dictionary[key], "\(key)")
            #expect(index[key] == dictionary[key])
        }
        #expect(lookUp("Z00017", in: index) == 10)  // the last value set wins
    }

    @Test func manyKeysSurviveRehashing() {
        var index = ByteKeyIndex()
        for value in 0..<20_000 { index.set("Z\(value)", to: value) }
        for value in stride(from: 0, to: 20_000, by: 7) { #expect(lookUp("Z\(value)", in: index) == value) }
        #expect(lookUp("Z20000", in: index) == nil)
    }

    /// Swift's `String` equality is canonical equivalence: `é` as one code point equals `e` +
    /// combining acute, and the Kelvin sign equals `K`. The index must agree.
    @Test func canonicalEquivalenceAsStringEquality() {
        var index = ByteKeyIndex()
        index.set("Cr\u{E9}teil", to: 1)  // é precomposed
        index.set("\u{212A}", to: 2)  // KELVIN SIGN, canonically equivalent to K
        #expect(lookUp("Cre\u{301}teil", in: index) == 1)
        #expect(lookUp("Cr\u{E9}teil", in: index) == 1)
        #expect(lookUp("K", in: index) == 2)
        #expect(["\u{212A}": 2]["K"] == 2)  // the dictionary agrees
    }

    @Test func recentRemembersTheLastAnswer() {
        var index = ByteKeyIndex()
        index.set("Z1", to: 1)
        index.set("Z2", to: 2)
        var recent = ByteKeyIndex.Recent()
        let answers = ["Z1", "Z1", "Z2", "nope", "nope", "Z1"].map { text in
            Array(text.utf8).withUnsafeBufferPointer { index.value(forBytes: $0, recent: &recent) }
        }
        #expect(answers == [1, 1, 2, nil, nil, 1])
    }
}
