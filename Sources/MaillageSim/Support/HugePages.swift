import MaillageCore

#if canImport(Glibc)
    import Glibc
#endif

/// Per-agent arrays backed by 2 MiB pages where the kernel offers them (transparent huge pages in
/// `madvise` mode, Debian's default).
///
/// Events reach agents in random order: with 68 million agents the per-agent arrays span about
/// 2 GB, and with 4 KiB pages almost every access also misses the TLB and walks the page tables
/// (costlier still in a virtual machine). With 2 MiB pages the same arrays need 512 times fewer
/// translations. Only where the memory lives changes, never a value.
enum HugePages {
    /// Arrays smaller than this stay on ordinary pages (they fit the caches' reach anyway).
    static let threshold = 4 << 20

    /// Asks for huge pages on the whole 2 MiB pages of a buffer not yet touched.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard buffer.count >= threshold, let pages = FreshPages.wholePages(of: buffer, size: 2 << 20) else {
                return
            }
            // Advice only: without it (THP off, an old kernel) the run is the same, only slower.
            _ = madvise(pages.baseAddress, pages.count, MADV_HUGEPAGE)
        #endif
    }
}

extension Array where Element: BitwiseCopyable {
    /// `count` elements set by `fill`, on huge pages when large (see ``HugePages``).
    static func hugePaged(count: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Void) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            fill(buffer)
            initialized = count
        }
    }

    /// `count` copies of `value`, on huge pages when large (see ``HugePages``).
    static func hugePaged(repeating value: Element, count: Int) -> [Element] {
        hugePaged(count: count) { $0.initialize(repeating: value) }
    }
}
