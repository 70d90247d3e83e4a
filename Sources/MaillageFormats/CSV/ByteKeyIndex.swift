import Foundation

/// Values (row positions) by text key, looked up from a field's raw bytes without making a `String`.
///
/// Reading a travel-time matrix means two id lookups per row; through `[String: Int]` each
/// one builds a `String` and hashes it with SipHash, a third of the read (by profile).
/// This index answers exactly as a `[String: Int]` would: an ASCII field is looked up by
/// its bytes (open addressing; a key of up to 16 bytes is held and compared as two
/// machine words), any other field goes through the dictionary, so Unicode canonical
/// equivalence (`é` written in one code point or two) behaves as `String` equality does.
package struct ByteKeyIndex: Sendable {
    /// Every key, the source of truth.
    private var dictionary: [String: Int] = [:]
    /// Keys whose canonical (NFC) form is ASCII, by those bytes.
    private var entries: [Entry] = []
    /// The bytes of keys longer than 16 bytes.
    private var arena: [UInt8] = []
    /// Open addressing over the entries, each slot holding its key's words and value, so
    /// that a lookup reads one slot rather than a slot then an entry: over a 773,000-row
    /// matrix, mispredicted branches went from 3.99 M to 3.28 M (cachegrind).
    private var slots: [Slot] = Array(repeating: .empty, count: 16)

    private struct Slot: Sendable {
        var key: Words
        var value: Int
        /// The entry's position + 1, 0 for an empty slot.
        var entry: Int

        static let empty = Slot(key: Words(count: 0, first: 0, second: 0), value: 0, entry: 0)
    }

    private struct Entry: Sendable {
        var key: Words
        var hash: UInt64
        /// Where a key longer than 16 bytes lies in the arena.
        var start: Int
    }

    /// A key's length and, for up to 16 bytes, every byte packed into two words.
    fileprivate struct Words: Sendable, Equatable {
        var count: Int
        var first: UInt64
        var second: UInt64
    }

    /// An empty index.
    package init() {}

    /// How many distinct keys the index holds.
    package var count: Int { dictionary.count }

    /// The value of a key.
    package subscript(key: String) -> Int? { dictionary[key] }

    /// Sets a key's value, replacing the value an equal key had, as a dictionary does.
    package mutating func set(_ key: String, to value: Int) {
        dictionary[key] = value
        // Any ASCII text equal to the key is its canonical form, so that form is the byte key.
        let canonical = key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
        let bytes = Array(canonical.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return }
        bytes.withUnsafeBufferPointer { store($0, value: value) }
    }

    /// The value of the key whose UTF-8 bytes these are, or nil when there is none.
    package func value(forBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (words, hash, isASCII) = Self.digest(bytes)
        guard isASCII else { return dictionary[String(decoding: bytes, as: UTF8.self)] }
        return find(bytes, words, hash).map { slots[$0].value }
    }

    /// The last key looked up through it and the answer, for a column whose values repeat
    /// row after row (a matrix sorted by origin): a repeat costs one comparison. Use one per
    /// column and index.
    package struct Recent: Sendable {
        fileprivate var key = Words(count: -1, first: 0, second: 0)
        fileprivate var value: Int?

        /// An empty cache.
        package init() {}

        fileprivate init(key: Words, value: Int?) {
            self.key = key
            self.value = value
        }
    }

    /// The value of the key whose UTF-8 bytes these are, remembering the answer in `recent`.
    package func value(forBytes bytes: UnsafeBufferPointer<UInt8>, recent: inout Recent) -> Int? {
        guard bytes.count <= 16 else { return value(forBytes: bytes) }
        // A repeat is told by the key's words alone: hashing waits for a new key.
        let (words, isASCII) = Self.shortWords(bytes)
        guard isASCII else { return value(forBytes: bytes) }
        if words == recent.key { return recent.value }
        let found = find(bytes, words, Self.hash(words)).map { slots[$0].value }
        recent = Recent(key: words, value: found)
        return found
    }

    /// The key's words, a hash of every byte, and whether every byte is ASCII.
    ///
    /// Short keys are read as (possibly overlapping) unaligned loads that cover every byte,
    /// so two keys of the same length have the same words exactly when their bytes agree.
    @inline(__always)
    private static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> (Words, UInt64, Bool) {
        guard bytes.count > 16, let base = bytes.baseAddress else {
            let (words, isASCII) = shortWords(bytes)
            return (words, hash(words), isASCII)
        }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var high: UInt64 = 0
        var hash = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset < n {
            let word = raw.loadUnaligned(fromByteOffset: min(offset, n - 8), as: UInt64.self)
            high |= word
            hash = mix(hash ^ word)
            offset += 8
        }
        return (Words(count: n, first: 0, second: 0), hash, high & 0x8080_8080_8080_8080 == 0)
    }

    /// The words of a key of at most 16 bytes, and whether every byte is ASCII.
    @inline(__always)
    private static func shortWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (Words, Bool) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (Words(count: 0, first: 0, second: 0), true) }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var words = Words(count: n, first: 0, second: 0)
        switch n {
        case 1...3:
            words.first = UInt64(base[0]) | UInt64(base[n / 2]) << 8 | UInt64(base[n - 1]) << 16
        case 4...7:
            words.first =
                UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(
                    raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
        default:
            words.first = raw.loadUnaligned(as: UInt64.self)
            words.second = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        return (words, (words.first | words.second) & 0x8080_8080_8080_8080 == 0)
    }

    @inline(__always)
    private static func hash(_ words: Words) -> UInt64 {
        mix(mix(UInt64(words.count) ^ words.first) ^ words.second)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xFF51_AFD7_ED55_8CCD
        return product ^ (product >> 29)
    }

    /// The slot holding these bytes, if any.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ words: Words, _ hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.home(hash, slots: slots.count)
            while true {
                let stored = slots[slot]
                guard stored.entry > 0 else { return nil }
                if stored.key == words, words.count <= 16 || isInArena(entries[stored.entry - 1], bytes) { return slot }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The first slot to probe: the top bits of the hash times 2⁶⁴/φ.
    @inline(__always)
    private static func home(_ hash: UInt64, slots: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.trailingZeroBitCount))
    }

    private func isInArena(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        arena[entry.start..<(entry.start + entry.key.count)].elementsEqual(bytes)
    }

    private mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, value: Int) {
        let (words, hash, _) = Self.digest(bytes)
        if let existing = find(bytes, words, hash) {
            slots[existing].value = value
            return
        }
        entries.append(Entry(key: words, hash: hash, start: arena.count))
        if bytes.count > 16 { arena.append(contentsOf: bytes) }
        if entries.count * 2 > slots.count {
            // Rehashed from the old slots, which hold the values.
            let old = slots
            slots = Array(repeating: .empty, count: slots.count * 2)
            for slot in old where slot.entry != 0 { insert(slot) }
        }
        insert(Slot(key: words, value: value, entry: entries.count))
    }

    private mutating func insert(_ stored: Slot) {
        let mask = slots.count - 1
        var slot = Self.home(entries[stored.entry - 1].hash, slots: slots.count)
        while slots[slot].entry != 0 { slot = (slot + 1) & mask }
        slots[slot] = stored
    }
}
