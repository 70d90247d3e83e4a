import Testing

@testable import MaillageCore

/// The shared helpers of issue 20, with expected values written by hand.
@Suite struct SafetyHelpersTests {
    @Test(arguments: [
        "", ".", "..", "a/b", "..\\evil", "tab\there", "nul\u{0}", "zw\u{200B}", "rtl\u{202E}gnp", "bom\u{FEFF}",
        String(repeating: "x", count: 181),
    ])
    func namesThatCannotBeFileNames(_ name: String) {
        #expect(FileNameComponent.problem(name) != nil, "\(name.debugDescription)")
        #expect(throws: ValidationError.self) { try FileNameComponent.make(name, field: "name") }
    }

    @Test func ordinaryNamesBecomeFileNames() throws {
        #expect(try FileNameComponent.make("more[x=1]", field: "n") == "more_x=1_")
        #expect(try FileNameComponent.make("fermeture-urgences_été.v2", field: "n") == "fermeture-urgences_été.v2")
        #expect(try FileNameComponent.make("a b,c", field: "n") == "a_b_c")
        #expect(try FileNameComponent.make("...", field: "n") == "...")
    }

    @Test func excerptsAreShortAndEscaped() {
        #expect(TextExcerpt.of("a\u{0}b\nc") == #"a\u{0}b\u{A}c"#)
        #expect(TextExcerpt.of("back\\slash") == #"back\\slash"#)
        let long = String(repeating: "PATH=/usr/bin:", count: 100)
        let excerpt = TextExcerpt.of(long)
        #expect(excerpt.hasPrefix(String(long.prefix(60))) && excerpt.hasSuffix("… (1400 characters)"))
        #expect(TextExcerpt.quoted("x") == "'x'")
    }

    @Test func whiteSpaceIsUnicodesOnBothSidesOfTheASCIIShortcut() throws {
        let scalars = (UInt32(0)..<0x3100).compactMap(Unicode.Scalar.init)
        #expect(scalars.filter(IdentifierText.isWhitespace) == scalars.filter(\.properties.isWhitespace))
        for padded in [" A", "A\t", "\u{A0}A", "A\u{3000}", "\u{85}A"] {
            #expect(throws: ValidationError.self, "\(padded.unicodeScalars.map(\.value))") {
                try Zone(id: padded, name: "x", point: GeoPoint(longitude: 2, latitude: 46))
            }
        }
    }

    @Test func identifiersAreNFCAndInvisiblesRefused() throws {
        #expect(Array(IdentifierText.normalised("Cafe\u{301}").unicodeScalars) == Array("Caf\u{E9}".unicodeScalars))
        #expect(
            Array(IdentifierText.normalised("Noe\u{308}l").unicodeScalars.map(\.value)) == [0x4E, 0x6F, 0xEB, 0x6C])
        #expect(IdentifierText.normalised("31555") == "31555")
        let zone = try Zone(id: "Cafe\u{301}", name: "x", point: GeoPoint(longitude: 2, latitude: 46))
        #expect(Array(zone.id.utf8) == [0x43, 0x61, 0x66, 0xC3, 0xA9])
        for hidden in ["A\u{200B}", "\u{202E}A", "A\u{2066}B", "\u{FEFF}A", "A\u{00AD}B", "A\u{2028}B"] {
            #expect(throws: ValidationError.self, "\(hidden.unicodeScalars.map(\.value))") {
                try Zone(id: hidden, name: "x", point: GeoPoint(longitude: 2, latitude: 46))
            }
        }
        // Visible non-ASCII letters stay welcome.
        _ = try Zone(id: "Montpellier-Méditerranée Œ", name: "x", point: GeoPoint(longitude: 2, latitude: 46))
    }

    @Test func countsAreBounded() throws {
        #expect(throws: ValidationError.self) { try Population(total: 1e19) }
        #expect(throws: ValidationError.self) { try Population(total: 1.1e10) }
        _ = try Population(total: 1e10)
        #expect(throws: ValidationError.self) { try Capacity(.fte, 1e308) }
        _ = try Capacity(.edVisitsPerYear, 250_000)
    }
}
