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

    /// Hands memory freed by every thread back to the system (glibc's `malloc_trim`).
    ///
    /// Memory a worker thread frees stays in that thread's malloc arena, where the main thread
    /// cannot reuse it; a phase that ran on several threads calls this before the next one grows.
    public static func returnFreedMemory() {
        #if canImport(Glibc)
            // Looked up, not linked: Swift's Glibc module leaves malloc.h out, and a C library
            // without the call (musl) makes this a no-op.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            typealias Trim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
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
