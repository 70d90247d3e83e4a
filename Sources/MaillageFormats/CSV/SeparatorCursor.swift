/// Finds the delimiters and line feeds of a buffer one after another, eight bytes at a time.
///
/// Each word is scanned once for both bytes at once, and the positions it holds are handed
/// out from a bit mask, so a row's words are loaded once rather than again from each field's
/// start, and the loop branches once per word rather than once per field.
struct SeparatorCursor {
    private let base: UnsafePointer<UInt8>
    /// Bytes that may be read (whole words are loaded while they fit).
    private let capacity: Int
    /// Where the bytes to search end.
    private let end: Int
    private let delimiters: UInt64
    /// Where the word held in `mask` starts.
    private var word: Int
    /// A high bit for each separator of that word not handed out yet.
    private var mask: UInt64 = 0
    /// Whether ``next()`` found no separator before the end.
    private(set) var isExhausted = false

    private static let lineFeeds = _ByteWord.repeating(UInt8(ascii: "\n"))

    /// A cursor over `bytes` up to `end`, starting at `start`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, delimiter: UInt8) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        capacity = bytes.count
        self.end = min(end, bytes.count)
        delimiters = _ByteWord.repeating(delimiter)
        word = start
        mask = flags(at: start)
    }

    /// The position of the next delimiter or line feed before the end, or nil when there is none.
    @inline(__always)
    mutating func next() -> Int? {
        while mask == 0 {
            word &+= 8
            guard word < end else {
                isExhausted = true
                return nil
            }
            mask = flags(at: word)
        }
        let position = word &+ mask.trailingZeroBitCount / 8
        mask &= mask &- 1
        return position
    }

    /// The separators among the eight bytes from `offset`, only those before the end.
    @inline(__always)
    private func flags(at offset: Int) -> UInt64 {
        guard offset < end else { return 0 }
        guard offset &+ 8 <= capacity else { return byteFlags(at: offset) }
        let value = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        // Exact per byte (no borrow between bytes), unlike the cheaper first-match test.
        let found = _ByteWord.matches(value, delimiters) | _ByteWord.matches(value, Self.lineFeeds)
        let valid = end &- offset
        return valid >= 8 ? found : found & ((1 &<< UInt64(valid &* 8)) &- 1)
    }

    /// The same flags built byte by byte, for the last bytes of the buffer.
    private func byteFlags(at offset: Int) -> UInt64 {
        var found: UInt64 = 0
        let delimiter = UInt8(truncatingIfNeeded: delimiters)
        for lane in 0..<min(8, end - offset) where base[offset + lane] == delimiter || base[offset + lane] == 0x0A {
            found |= 0x80 &<< UInt64(lane * 8)
        }
        return found
    }
}
