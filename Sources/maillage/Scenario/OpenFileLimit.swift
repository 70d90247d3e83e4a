#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's limit on open files (`ulimit -n`), raised for a merge that keeps one file open per shard.
///
/// The soft limit is often 1024 while the hard limit is far higher: a process may raise its
/// own soft limit up to the hard one, so a merge of many shards does that rather than fail
/// halfway through opening them with "cannot be read".
enum OpenFileLimit {
    /// Files a merge opens besides its shards: the standard streams, the territory database
    /// with its journal files, scenario and output files, and a margin. Measured: 70 shards of
    /// an accessibility comparison merged under `prlimit --nofile=76:76` but not 74:74, so 6
    /// besides the shards; 16 leaves room for larger territories and the runtime's own.
    static let reserve = 16

    #if os(Linux)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = RLIMIT_NOFILE
    #endif

    /// The soft and hard limits, or nil when the system does not say.
    static func current() -> (soft: UInt64, hard: UInt64)? {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return nil }
        return (UInt64(limit.rlim_cur), UInt64(limit.rlim_max))
    }

    /// Makes room for `shards` files open at once: raises the soft limit to the hard one when
    /// it is too low, and fails before anything is read when even the hard limit is too low.
    ///
    /// - Returns: the soft limit before and after, when it was raised.
    /// - Throws: ``CommandError`` (status ``ExitStatus/ioError``) saying how many shards, the limit and what to do.
    @discardableResult
    static func makeRoom(forShards shards: Int) throws -> (from: UInt64, to: UInt64)? {
        let needed = UInt64(shards + reserve)
        guard let limit = current(), limit.soft < needed else { return nil }
        // The hard limit may be "unlimited", which Linux refuses as a soft limit: then ask for what is needed.
        for target in [limit.hard, needed] where target >= needed && target <= limit.hard {
            var raised = rlimit(rlim_cur: rlim_t(target), rlim_max: rlim_t(limit.hard))
            if setrlimit(resource, &raised) == 0 { break }
        }
        let after = current() ?? limit
        guard after.soft >= needed else {
            throw CommandError(
                message: """
                    merge keeps every shard open at once: \(shards) shards need about \(needed) open files, but this process \
                    may open \(after.soft) (ulimit -n; hard limit \(after.hard)). Raise the limit (ulimit -n \(needed) or more; \
                    above the hard limit it takes an administrator) or cut the comparison into fewer shards (a smaller N in \
                    compare --shard I/N); merging merged shards is not supported.
                    """, category: .io)
        }
        return (limit.soft, after.soft)
    }
}
