/// Eight bytes handled at once in a `UInt64` (SWAR), the tricks the byte-level readers share.
enum _ByteWord {
    /// 0x01 in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// `byte` in every byte of the word.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    /// The high bit of each zero byte of `word`, and only of those (no borrow from byte to
    /// byte, so every match is flagged, not just the first).
    @inline(__always)
    static func zeros(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word | lows)
    }

    /// The high bit of each byte of `word` equal to `byte`'s repetition `pattern`.
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        zeros(word ^ pattern)
    }
}
