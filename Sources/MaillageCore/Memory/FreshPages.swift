#if canImport(Glibc)
    import Glibc
#endif

/// Backs a large buffer about to be filled with memory in one call, instead of one page fault
/// per 4 KiB page as it is first written.
///
/// A command that reads a travel matrix whole fills 9 MB of fresh columns: faulting them in
/// page by page took 4–6 ms on this 2-core virtual machine, `madvise(MADV_POPULATE_WRITE)`
/// 2.7 ms (`scripts/bench/populate.c`). Only when the memory is backed changes, never a value;
/// where the call is not offered (Linux before 5.14, other systems) pages fault in as before.
public enum FreshPages {
    /// Buffers smaller than this are left to fault in (the call would cost more than it saves).
    public static let threshold = 1 << 20

    /// Backs the whole pages of `buffer`, not yet written, when it holds at least ``threshold`` bytes.
    public static func populate(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard buffer.count >= threshold, let pages = wholePages(of: buffer, size: 4096) else { return }
            // MADV_POPULATE_WRITE (23, Linux 5.14): advice only, its failure changes nothing.
            _ = madvise(pages.baseAddress, pages.count, 23)
        #endif
    }

    /// The whole pages of `size` bytes (a power of two) that `buffer` spans, nil when none:
    /// what memory advice may name.
    public static func wholePages(of buffer: UnsafeMutableRawBufferPointer, size: Int) -> UnsafeMutableRawBufferPointer?
    {
        guard let base = buffer.baseAddress else { return nil }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return nil }
        return UnsafeMutableRawBufferPointer(start: pointer, count: end - start)
    }
}
