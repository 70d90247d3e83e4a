/// The fields of the record being parsed, one buffer reused from record to record.
///
/// A Swift array emptied and refilled per record paid a uniqueness check per field and a
/// generic `removeAll`: a fifth of parsing a matrix (by profile).
final class FieldSpans {
    private var base: UnsafeMutablePointer<ByteRecord.Span>
    private var capacity: Int
    /// How many fields the record has so far.
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    subscript(position: Int) -> ByteRecord.Span { base[position] }

    /// The fields, valid until the next change.
    var spans: UnsafeBufferPointer<ByteRecord.Span> { UnsafeBufferPointer(start: base, count: count) }

    /// Whether the record is a blank line: one empty, unquoted field (readers skip those).
    var isBlankLine: Bool { count == 1 && base[0].start == base[0].end && !base[0].quoted }

    @inline(__always)
    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ span: ByteRecord.Span) {
        if count == capacity {
            let larger = UnsafeMutablePointer<ByteRecord.Span>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: span)
        count += 1
    }
}
