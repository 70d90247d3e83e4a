import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whether the file system that holds a path has run out of room, to tell a full disk from
/// other write failures in messages.
package enum DiskSpace {
    /// Below this many free bytes a file system counts as full: a write of one more block fails.
    package static let fullBelow: UInt64 = 64 * 1024

    /// Bytes an unprivileged process may still write on the file system holding `path` (or
    /// its nearest existing folder); nil when the system cannot tell.
    package static func available(at path: String) -> UInt64? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" { url.deleteLastPathComponent() }
        var info = statvfs()
        // A pseudo file system (/proc, /sys) has no blocks at all: it is not full, it cannot hold files.
        guard statvfs(url.path, &info) == 0, info.f_blocks > 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// Whether the file system holding `path` is (nearly) full.
    package static func isFull(at path: String) -> Bool {
        available(at: path).map { $0 < fullBelow } ?? false
    }

    /// Whether a system error number says the disk or a quota is full.
    package static func isFullError(_ code: Int32) -> Bool {
        code == ENOSPC || code == EDQUOT
    }
}
