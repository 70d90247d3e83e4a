import Dispatch
import Foundation

extension ByteCSVReader {
    /// Reads the records after the header on several threads, each stretch of the file into
    /// its own accumulator, and returns the accumulators in file order.
    ///
    /// The file is cut at line ends into at most `threads` segments of at least
    /// `minimumSegmentBytes`; each is read by the same scanner as ``forEachRecord(_:)``, so
    /// `body` sees every record with the same fields and line number as a sequential read
    /// would, and merging the parts in order gives the sequential result whatever the
    /// thread count. A file holding any double quote is read in one piece: a quoted field
    /// may hold a line end, which is then no record boundary. When records fail, the error
    /// thrown is the first in file order, the one a sequential read meets.
    ///
    /// `makePart` is given each segment's size in bytes, to reserve room: growing arrays
    /// page by page was a third of a matrix read (by profile). `body` runs on several threads
    /// at once, each call with its own segment's part.
    package func collectRecords<Part>(
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, minimumSegmentBytes: Int = 1 << 20,
        part makePart: (_ bytes: Int) -> Part, _ body: @Sendable (inout Part, ByteRecord) throws -> Void
    ) throws -> [Part] {
        nonisolated(unsafe) let reader = self
        return try perSegment(threads: threads, minimumSegmentBytes: minimumSegmentBytes, part: makePart) {
            segment, part in
            try reader.forEachRecord(in: segment) { try body(&part, $0) }
        }
    }

    /// Reads the file's segments on several threads, each into its own accumulator, and
    /// returns the accumulators in file order; the error thrown is the first in file order.
    package func perSegment<Part>(
        threads: Int, minimumSegmentBytes: Int, part makePart: (_ bytes: Int) -> Part,
        _ read: @Sendable (Segment, inout Part) throws -> Void
    ) throws -> [Part] {
        let size = try fileSize()
        let segments = try segments(count: threads, minimumBytes: minimumSegmentBytes, size: size)
        if segments.count == 1 {
            var part = makePart(Int(size))
            try read(segments[0], &part)
            return [part]
        }
        let results = UnsafeMutableBufferPointer<Result<Part, any Error>>.allocate(capacity: segments.count)
        _ = results.initialize(from: segments.map { .success(makePart(Int(($0.end ?? size) - $0.start))) })
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: segments.count) { index in
            guard case .success(var part) = slots[index] else { return }
            do {
                try read(segments[index], &part)
                slots[index] = .success(part)
            } catch {
                slots[index] = .failure(error)
            }
        }
        return try results.map { try $0.get() }
    }

    /// The file cut at line ends into at most `count` segments of about equal size, each
    /// with the line number it starts on; one segment for the whole file when it is small
    /// or holds a double quote.
    package func segments(count: Int, minimumBytes: Int, size: UInt64) throws -> [Segment] {
        let whole = [Segment(start: 0, end: nil, line: 1)]
        let wanted = min(max(count, 1), Int(size / UInt64(max(minimumBytes, 1))))
        guard wanted > 1 else { return whole }
        let bounds = (0...wanted).map { size * UInt64($0) / UInt64(wanted) }
        guard let lineFeeds = try countLineFeeds(between: bounds) else { return whole }
        let headerEnd = try lineEnd(atOrAfter: 0).map { $0 + 1 } ?? size
        var cuts: [(offset: UInt64, line: Int)] = [(0, 1)]
        var before = 0  // line feeds in [0, bounds[k])
        for k in 1..<wanted {
            before += lineFeeds[k - 1]
            // The first record boundary at or after the nominal bound: just past a line end.
            guard let feed = try lineEnd(atOrAfter: bounds[k] - 1) else { break }
            let cut = feed + 1
            guard cut > headerEnd, cut > cuts[cuts.count - 1].offset, cut < size else { continue }
            cuts.append((cut, 1 + before + (feed >= bounds[k] ? 1 : 0)))
        }
        return cuts.indices.map { index in
            Segment(
                start: cuts[index].offset, end: index + 1 < cuts.count ? cuts[index + 1].offset : nil,
                line: cuts[index].line)
        }
    }

    /// The file's size in bytes.
    package func fileSize() throws -> UInt64 {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        defer { try? handle.close() }
        return try handle.seekToEnd()
    }

    /// Line feeds between consecutive bounds, counted on several threads; nil when the file holds a double quote.
    private func countLineFeeds(between bounds: [UInt64]) throws -> [Int]? {
        let stretches = bounds.count - 1
        let counts = UnsafeMutableBufferPointer<Result<Int?, any Error>>.allocate(capacity: stretches)
        counts.initialize(repeating: .success(0))
        defer { counts.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = counts
        let path = path
        let chunk = chunkSize
        DispatchQueue.concurrentPerform(iterations: stretches) { index in
            slots[index] = Result {
                try Self.lineFeeds(in: path, from: bounds[index], to: bounds[index + 1], chunk: chunk)
            }
        }
        var feeds: [Int] = []
        for count in counts {
            guard let count = try count.get() else { return nil }
            feeds.append(count)
        }
        return feeds
    }

    /// Line feeds in a byte range, nil when it holds a double quote.
    private static func lineFeeds(in path: String, from start: UInt64, to end: UInt64, chunk: Int) throws -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        defer { try? handle.close() }
        var feeds = 0
        var hasQuote = false
        var remaining = end - start
        try handle.seek(toOffset: start)
        while remaining > 0 {
            guard let data = try handle.read(upToCount: Int(min(UInt64(chunk), remaining))), !data.isEmpty else {
                throw ImportError(
                    file: path, line: 1, expected: "\(end) bytes, but the file ended early (was it changed while read?)"
                )
            }
            remaining -= UInt64(data.count)
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                let counts = countLineFeedsAndQuotes(bytes)
                feeds += counts.feeds
                hasQuote = hasQuote || counts.hasQuote
            }
        }
        return hasQuote ? nil : feeds
    }

    /// Line feeds in a buffer, and whether it holds a double quote, eight bytes at a time: a byte loop cost a
    /// pass over the file at 8 instructions a byte (by profile), an eighth of the whole run.
    /// Matches are tallied per byte lane and the lanes added up every 255 words, before one
    /// could overflow.
    private static func countLineFeedsAndQuotes(_ bytes: UnsafeRawBufferPointer) -> (feeds: Int, hasQuote: Bool) {
        let lineFeeds = _ByteWord.repeating(0x0A)
        let quotes = _ByteWord.repeating(0x22)
        func laneSum(_ lanes: UInt64) -> Int {
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        var feedCount = 0
        var quoteFlags: UInt64 = 0
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                var lanes: UInt64 = 0
                var words = 0
                while words < 255, offset + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    lanes &+= _ByteWord.matches(word, lineFeeds) >> 7
                    quoteFlags |= _ByteWord.matches(word, quotes)
                    offset += 8
                    words += 1
                }
                feedCount += laneSum(lanes)
            }
        }
        var hasQuote = quoteFlags != 0
        for byte in bytes[offset...] {
            if byte == 0x0A { feedCount += 1 }
            if byte == 0x22 { hasQuote = true }
        }
        return (feedCount, hasQuote)
    }

    /// The offset of the first line feed at or after `offset`, nil when there is none.
    private func lineEnd(atOrAfter offset: UInt64) throws -> UInt64? {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        var position = offset
        while let data = try handle.read(upToCount: 1 << 16), !data.isEmpty {
            if let found = data.firstIndex(of: 0x0A) { return position + UInt64(found - data.startIndex) }
            position += UInt64(data.count)
        }
        return nil
    }
}
