import Foundation

/// Writes a file whole or not at all.
///
/// The content goes to a hidden temporary file beside the target, which is renamed over the
/// target only once everything is written and synced; a failure half-way removes the
/// temporary file and leaves any previous file untouched.
///
/// `..` segments are resolved in the path's text first, as Foundation does when it creates the
/// folder: otherwise `a/../b/out.csv` with no `a` made the folder `b` and then failed to write in it.
package enum AtomicFile {
    /// Runs `body` on a stream onto a temporary file beside `path`, then renames it over `path`.
    package static func write(to path: String, _ body: (BufferedFileStream) throws -> Void) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
            throw FileAccessError.unwritable(path, "it is a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileAccessError.unwritable(path, "cannot create its folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if DiskSpace.isFullError(code) || DiskSpace.isFull(at: folder.path) {
                throw FileAccessError.unwritable(path, diskFull)
            }
            // The system's own reason: /proc says "No such file or directory", not that a disk is full.
            throw FileAccessError.unwritable(
                path, "cannot create a file in \(folder.path): \(String(cString: strerror(code)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var renamed = false
        defer {
            try? handle.close()
            if !renamed { try? FileManager.default.removeItem(atPath: temporary) }
        }
        let stream = BufferedFileStream(handle: handle)
        stream.open()
        do {
            try body(stream)
            try stream.flush()
            try handle.synchronize()
        } catch let error as FileAccessError {
            throw error
        } catch let error as ImportError {
            throw error
        } catch {
            throw FileAccessError.unwritable(path, reason(stream.failure ?? error, folder: folder.path))
        }
        guard rename(temporary, target.path) == 0 else {
            throw FileAccessError.unwritable(path, String(cString: strerror(errno)))
        }
        renamed = true
    }

    /// The reason given when the disk is full.
    package static let diskFull =
        "the disk holding it is full: nothing was written and any previous file is untouched; free space and run again"

    /// Why a write failed, in words: a full disk said plainly, anything else as the system put it.
    private static func reason(_ error: any Error, folder: String) -> String {
        let system = error as NSError
        // Foundation wraps the system's error number in a generic "could not be completed".
        let posix = [system, system.userInfo[NSUnderlyingErrorKey] as? NSError].compactMap { $0 }.first {
            $0.domain == NSPOSIXErrorDomain
        }
        let outOfSpace = system.domain == NSCocoaErrorDomain && system.code == CocoaError.fileWriteOutOfSpace.rawValue
        if outOfSpace || posix.map({ DiskSpace.isFullError(Int32($0.code)) }) == true || DiskSpace.isFull(at: folder) {
            return diskFull
        }
        return posix.map { String(cString: strerror(Int32($0.code))) } ?? system.localizedDescription
    }
}
