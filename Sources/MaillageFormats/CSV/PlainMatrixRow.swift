import MaillageCore

/// Decodes plain matrix rows straight from their bytes, for ``ByteCSVReader/collectMatrix(_:origins:destinations:threads:minimumSegmentBytes:otherwise:)``.
///
/// A row is plain when no field starts with a quote, it has at least the header's number of
/// fields, its origin and destination are ids of the indexes written without surrounding
/// blanks, and its value is a plain decimal (`ByteRecord`'s fast conversion). Such a row
/// reads the same here as through ``RecordParser`` and ``ByteRecord``; any other row is
/// left to them. Walking the general record machinery (a span per field, a record per
/// row, optional answers per accessor) was most of a matrix read (by profile), so this
/// loop keeps its state in locals and takes rows until one is not plain.
struct PlainMatrixRow {
    let positions: MatrixFieldPositions
    /// Fields a row must have: the header's count.
    let fieldCount: Int
    let origins: ByteKeyIndex
    let destinations: ByteKeyIndex
    let delimiter: UInt8
    /// The last origin looked up: rows come grouped by origin.
    var recent = ByteKeyIndex.Recent()

    init(
        positions: MatrixFieldPositions, fieldCount: Int, origins: ByteKeyIndex, destinations: ByteKeyIndex,
        delimiter: UInt8
    ) {
        self.positions = positions
        self.fieldCount = fieldCount
        self.origins = origins
        self.destinations = destinations
        self.delimiter = delimiter
    }

    /// Where taking rows stopped.
    struct Stop {
        /// Where the first row not taken starts.
        var offset: Int
        /// Rows taken (each one line).
        var rows: Int
        /// Whether the buffer ends inside that row (read more); otherwise it is not plain.
        var isIncomplete: Bool
    }

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Appends the plain rows from `start` on to `entries`, until a row is not plain or the
    /// bytes end inside a row. A last row without a line end is left to the general reader.
    mutating func take(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into entries: inout [MatrixEntry]
    ) -> Stop {
        guard let base = bytes.baseAddress, start < end else { return Stop(offset: start, rows: 0, isIncomplete: true) }
        var separators = SeparatorCursor(bytes, from: start, end: end, delimiter: delimiter)
        var recent = self.recent
        defer { self.recent = recent }
        let isThreeFields = positions == MatrixFieldPositions(origin: 0, destination: 1, value: 2) && fieldCount <= 3
        var row = start
        var rows = 0
        while true {
            guard row < end else { return Stop(offset: row, rows: rows, isIncomplete: true) }
            let fields =
                isThreeFields
                ? threeFields(base, from: row, end: end, separators: &separators)
                : anyFields(base, from: row, end: end, separators: &separators)
            guard let fields else {
                return Stop(offset: row, rows: rows, isIncomplete: separators.isExhausted)
            }
            guard Self.isBare(base, fields.origin), Self.isBare(base, fields.destination),
                Self.isBare(base, fields.value),
                let from = origins.value(
                    forBytes: UnsafeBufferPointer(start: base + fields.origin.lowerBound, count: fields.origin.count),
                    recent: &recent),
                let to = destinations.value(
                    forBytes: UnsafeBufferPointer(
                        start: base + fields.destination.lowerBound, count: fields.destination.count)),
                let number = Self.number(base, fields.value, bufferCount: bytes.count)
            else { return Stop(offset: row, rows: rows, isIncomplete: false) }
            entries.append(MatrixEntry(origin: from, destination: to, value: number))
            rows &+= 1
            row = fields.next
        }
    }

    /// A row's three fields of interest and where the next row starts.
    struct Fields {
        var origin: Range<Int>
        var destination: Range<Int>
        var value: Range<Int>
        var next: Int
    }

    /// The fields of an `origin,destination,value` row, nil when it has a quoted field, not
    /// exactly three fields, or no line end before `end`.
    ///
    /// The layout of most matrix files, read without the general loop's per-field position
    /// tests: 650 M instructions for a whole E2SFCA run on a 773,000-row matrix against
    /// 728 M (callgrind). ``anyFields(_:from:end:separators:)``
    /// reads the same rows the same way.
    @inline(__always)
    private func threeFields(_ base: UnsafePointer<UInt8>, from row: Int, end: Int, separators: inout SeparatorCursor)
        -> Fields?
    {
        guard base[row] != Self.quote, let first = separators.next(), base[first] == delimiter,
            first &+ 1 >= end || base[first &+ 1] != Self.quote,
            let second = separators.next(), base[second] == delimiter,
            second &+ 1 >= end || base[second &+ 1] != Self.quote,
            let third = separators.next(), base[third] == Self.lineFeed
        else { return nil }
        let valueEnd = third > second &+ 1 && base[third &- 1] == Self.carriageReturn ? third &- 1 : third
        return Fields(
            origin: row..<first, destination: (first &+ 1)..<second, value: (second &+ 1)..<valueEnd, next: third &+ 1)
    }

    /// The fields of interest of a row of any layout, nil when it has a quoted field, fewer
    /// fields than the header, or no line end before `end`.
    @inline(__always)
    private func anyFields(_ base: UnsafePointer<UInt8>, from row: Int, end: Int, separators: inout SeparatorCursor)
        -> Fields?
    {
        var fields = Fields(origin: 0..<0, destination: 0..<0, value: 0..<0, next: 0)
        var field = 0
        var i = row
        while true {
            if i < end, base[i] == Self.quote { return nil }
            guard let j = separators.next() else { return nil }
            let isLast = base[j] == Self.lineFeed
            var fieldEnd = j
            if isLast, fieldEnd > i, base[fieldEnd &- 1] == Self.carriageReturn { fieldEnd &-= 1 }
            if field == positions.origin { fields.origin = i..<fieldEnd }
            if field == positions.destination { fields.destination = i..<fieldEnd }
            if field == positions.value { fields.value = i..<fieldEnd }
            field &+= 1
            i = j &+ 1
            if isLast { break }
        }
        fields.next = i
        return field >= fieldCount ? fields : nil
    }

    /// The value field as ``ByteRecord/double(_:)`` reads a plain decimal, nil for anything else.
    @inline(__always)
    private static func number(_ base: UnsafePointer<UInt8>, _ field: Range<Int>, bufferCount: Int) -> Double? {
        if field.lowerBound &+ 8 <= bufferCount,
            let value = PlainDecimal.value(at: UnsafeRawPointer(base + field.lowerBound), count: field.count)
        {
            return value
        }
        return ByteRecord.fastDecimal(UnsafeBufferPointer(start: base + field.lowerBound, count: field.count))
    }

    /// Whether a field is non-empty with no blank at either end (the general reader trims them).
    @inline(__always)
    private static func isBare(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.lowerBound < range.upperBound else { return false }
        let first = bytes[range.lowerBound]
        let last = bytes[range.upperBound - 1]
        return first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09
    }
}
