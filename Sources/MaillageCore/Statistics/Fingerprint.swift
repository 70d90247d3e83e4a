/// A 64-bit FNV-1a digest of a sequence of texts, for provenance: two runs with the same
/// fingerprint were computed from the same inputs.
///
/// Not cryptographic; it only has to tell inputs apart. Each text is followed by a separator
/// byte so that ("ab", "c") and ("a", "bc") differ.
public struct Fingerprint: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty fingerprint, to which texts are added with ``mix(_:)``.
    public init() {}

    /// Adds one text, followed by a separator, to the digest.
    public mutating func mix(_ text: String) {
        mixPiece(text)
        endText()
    }

    /// Adds a piece of a text, with no separator after it.
    ///
    /// Pieces then ``endText()`` give the digest of their concatenation, without building it:
    /// `access` fingerprints 5,000 zones, and writing each one's line cost more than its E2SFCA.
    public mutating func mixPiece(_ text: String) {
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }

    /// Adds a number's text as `"\(value)"` writes it, with no separator after it.
    public mutating func mixPiece(_ value: Double) { mixPiece(value.description) }

    /// Ends a text added in pieces, with the separator ``mix(_:)`` puts after each text.
    public mutating func endText() { hash = (hash ^ 0xff) &* 0x100_0000_01b3 }

    /// The digest as lowercase hexadecimal.
    public var hex: String { String(hash, radix: 16) }

    /// The digest of one text.
    public static func of(_ text: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.mix(text)
        return fingerprint.hex
    }
}
