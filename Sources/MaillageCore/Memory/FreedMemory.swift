#if canImport(Glibc)
    import Glibc
#endif

/// Hands memory that threads have freed back to the system (glibc's `malloc_trim`).
///
/// Memory a worker thread frees stays in that thread's malloc arena, where the main thread
/// cannot reuse it: after the simulation's candidate searches ran on both cores, a
/// 12-million-agent run peaked 95 MB higher until the arenas were trimmed (BENCHMARKS.md,
/// "Tenth session"). A phase that ran on several threads calls this before the next one grows.
public enum FreedMemory {
    /// Returns the free memory of every malloc arena to the system; no value changes.
    public static func returnToSystem() {
        #if canImport(Glibc)
            // Looked up, not linked: Swift's Glibc module leaves malloc.h out, and a C library
            // without the call (musl) makes this a no-op.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            typealias Trim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    /// Hands the whole pages inside `region` back to the system, keeping the allocation.
    ///
    /// For memory read for the last time while its allocation must live on (one replication's
    /// tallies, read zone by zone into the values that replace them). The caller never reads
    /// the region again: on Linux its pages then read as zeros; elsewhere this does nothing.
    public static func discard(_ region: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard let start = region.baseAddress else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let first = (Int(bitPattern: start) + page - 1) / page * page
            let end = (Int(bitPattern: start) + region.count) / page * page
            guard end > first, let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
            _ = madvise(address, end - first, MADV_DONTNEED)
        #endif
    }
}
