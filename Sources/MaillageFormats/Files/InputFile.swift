import Foundation

/// Checks that an input path names a file before a reader opens it.
///
/// On Linux a folder opens for reading and then reads as nothing: importing one said "the
/// file is empty", or gave Foundation's raw "Is a directory" with exit 74.
package enum InputFile {
    /// Throws ``FileAccessError/missing(_:)`` when nothing is at `path`, an ``ImportError`` when it is a folder.
    package static func requireFile(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw FileAccessError.missing(path)
        }
        if isFolder.boolValue { throw ImportError(file: path, expected: "a file to import, but this is a folder") }
    }
}
