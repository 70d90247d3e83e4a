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
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0xff) &* 0x100_0000_01b3
    }

    /// The digest as lowercase hexadecimal.
    public var hex: String { String(hash, radix: 16) }

    /// The digest of one text.
    public static func of(_ text: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.mix(text)
        return fingerprint.hex
    }
}
