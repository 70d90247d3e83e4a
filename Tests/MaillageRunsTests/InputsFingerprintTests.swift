import MaillageCore
import MaillageRuns
import Testing

/// A study's inputs fingerprint is FNV-1a over texts written out by hand here, the recipe that
/// stored runs already carry: a faster way of mixing them must give the same digest.
@Suite struct InputsFingerprintTests {
    /// 64-bit FNV-1a of `texts`, each followed by the byte 0xff, written independently of
    /// `Fingerprint`.
    private func fnv1a(_ texts: [String]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for text in texts {
            let bytes: [UInt8] = Array(text.utf8) + [0xff]
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 1_099_511_628_211
            }
        }
        return String(hash, radix: 16)
    }

    @Test func aStudyMixesItsZonesSitesAndParametersAsTexts() throws {
        let territory = try Territory(
            name: "t",
            zones: [
                Zone(
                    id: "Z1", name: "Un", point: GeoPoint(longitude: 1.4442469, latitude: 43.6044622),
                    population: Population(total: 1200)),
                Zone(
                    id: "Z2", name: "Deux", point: GeoPoint(longitude: -0.5, latitude: 44.837789),
                    population: Population(total: 0.25)),
            ],
            actors: [
                Actor(
                    id: "GP1", kind: .gp, name: "a", point: GeoPoint(longitude: 1.45, latitude: 43.6),
                    capacities: [Capacity(.fte, 1.5), Capacity(.consultationsPerYear, 4200)]),
                Actor(id: "GP2", kind: .gp, name: "b", point: GeoPoint(longitude: 2, latitude: 44)),
            ])
        let fingerprint = InputsFingerprint.study(territory, siteIDs: ["GP1"], parameters: #"{"kind":"gp"}"#)
        // Capacities in the actor's order (sorted by measure), the unused site GP2 left out.
        let texts = [
            "Z1", "1.4442469,43.6044622,1200.0", "Z2", "-0.5,44.837789,0.25",
            "GP1", "1.45,43.6", "consultations_per_year=4200.0", "fte=1.5", #"{"kind":"gp"}"#,
        ]
        #expect(fingerprint == fnv1a(texts))
    }

    @Test func piecesThenTheEndGiveTheDigestOfTheirConcatenation() {
        var whole = Fingerprint()
        whole.mix("12.5,-3e-05,abc")  // as Swift writes -0.00003
        var pieces = Fingerprint()
        pieces.mixPiece(12.5)
        pieces.mixPiece(",")
        pieces.mixPiece(-3.0e-05)
        pieces.mixPiece(",abc")
        pieces.endText()
        #expect(pieces.hex == whole.hex)
        #expect(whole.hex == fnv1a(["12.5,-3e-05,abc"]))
    }

    /// FNV-1a's published test vectors (Fowler, Noll, Vo): a text with no separator after it.
    @Test func aPieceAloneIsPlainFNV1a() {
        var a = Fingerprint()
        a.mixPiece("a")
        #expect(a.hex == "af63dc4c8601ec8c")
        var foobar = Fingerprint()
        foobar.mixPiece("foobar")
        #expect(foobar.hex == "85944171f73967e8")
    }
}
