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
}
