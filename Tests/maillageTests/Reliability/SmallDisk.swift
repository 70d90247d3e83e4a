import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder on a file system that can be made full, for the full-disk tests.
///
/// When the process may mount (root, as on CI), it is a tmpfs of a few megabytes mounted for
/// the test and unmounted by ``unmount()``; ``fill(leaving:)`` then takes all but a few bytes
/// of it with a filler file, and ``release()`` frees them. Otherwise (no right to mount) the
/// folder is an ordinary one and the commands run under a file-size limit (`prlimit --fsize`,
/// with SIGXFSZ ignored), so that their writes fail as on a full disk, with `EFBIG` instead of
/// `ENOSPC`. ``isMounted`` says which, and the tests print it.
final class SmallDisk {
    let folder: URL
    let isMounted: Bool
    /// Why the mount was refused, when it was.
    let mountFailure: String?
    private var filler: URL { folder.appendingPathComponent("filler") }

    init(megabytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "maillage-small-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // MAILLAGE_TEST_NO_MOUNT=1 tries the fallback on a machine that could mount.
        guard ProcessInfo.processInfo.environment["MAILLAGE_TEST_NO_MOUNT"] != "1" else {
            isMounted = false
            mountFailure = "MAILLAGE_TEST_NO_MOUNT=1"
            return
        }
        let mount = try Self.tool("mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path])
        isMounted = mount.status == 0
        mountFailure = isMounted ? nil : mount.output
    }

    /// Unmounts the tmpfs (everything on it goes) and removes the folder.
    func unmount() {
        if isMounted { _ = try? Self.tool("umount", [folder.path]) }
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Bytes still free on the file system.
    var available: Int {
        var info = statvfs()
        guard statvfs(folder.path, &info) == 0 else { return 0 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    /// Writes a filler file until the disk refuses, then gives `bytes` back (tmpfs only).
    func fill(leaving bytes: Int) throws {
        guard isMounted else { return }
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(repeating: 0xA5, count: 1 << 16)
        var written = 0
        while (try? handle.write(contentsOf: block)) != nil { written += block.count }
        try handle.close()
        // A failed write may have stored part of its block: measure, then shrink.
        let size = (try FileManager.default.attributesOfItem(atPath: filler.path)[.size] as? Int) ?? written
        guard truncate(filler.path, off_t(max(0, size - bytes))) == 0 else {
            throw Failure(message: "cannot shrink the filler")
        }
    }

    /// Frees the filler's space.
    func release() throws {
        if FileManager.default.fileExists(atPath: filler.path) { try FileManager.default.removeItem(at: filler) }
    }

    /// The files on the disk, the filler aside, hidden ones included.
    func files() throws -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let name = walker?.nextObject() as? String { names.append(name) }
        return names.filter { $0 != "filler" }.sorted()
    }

    /// Runs `maillage` with its files limited to `limit` bytes when no tmpfs could be mounted,
    /// plainly otherwise.
    func run(_ arguments: [String], fileSizeLimit limit: Int) throws -> CommandLineTests.Result {
        if isMounted { return try CommandLineTests.run(arguments) }
        // Ignored signals stay ignored across exec: the write fails with EFBIG instead of killing.
        let script = "trap '' XFSZ; exec prlimit --fsize=\(limit) \"$@\""
        return try CommandLineTests.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            ["-c", script, "sh", CommandLineTests.binary.path] + arguments)
    }

    private static func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }

    struct Failure: Error { let message: String }
}
