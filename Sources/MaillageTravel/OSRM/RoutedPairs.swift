import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A table's routed pairs, kept in a temporary file in (origin, destination) order as origin
/// chunks complete, and read back in that order: the table's memory does not grow with it.
///
/// The file is unlinked as soon as it is opened, so nothing is left behind, even after
/// `kill -9`. Each pair takes 24 bytes: origin and destination positions (32-bit), seconds
/// and metres (64-bit floats, NaN for no distance: a server's NaN is refused before).
package final class RoutedPairs: @unchecked Sendable {
    /// A pair as written: no optional, so that a pair is 24 bytes in memory and in the file.
    private struct Record {
        var origin: Int32
        var destination: Int32
        var seconds: Double
        var metres: Double
    }

    private let descriptor: Int32
    private let folder: String
    /// The pairs written so far.
    package private(set) var count = 0

    /// An empty list in a new unlinked file under the temporary folder (`TMPDIR`).
    package init() throws {
        folder = FileManager.default.temporaryDirectory.path
        var template = Array((folder + "/maillage-pairs-XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw OSRMError.scratch(path: folder, detail: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = opened
    }

    deinit { close(descriptor) }

    /// Appends `pairs`, which continue the (origin, destination) order.
    package func append(_ pairs: [TableClient.Pair]) throws {
        let records = pairs.map {
            Record(origin: $0.origin, destination: $0.destination, seconds: $0.seconds, metres: $0.metres ?? .nan)
        }
        try records.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw OSRMError.scratch(path: folder, detail: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        count += pairs.count
    }

    /// Calls `body` with every pair, in the order written.
    package func forEachPair(_ body: (TableClient.Pair) throws -> Void) throws {
        let batch = 1 << 16
        var records = [Record](repeating: Record(origin: 0, destination: 0, seconds: 0, metres: 0), count: batch)
        var done = 0
        while done < count {
            let wanted = min(batch, count - done)
            let stride = MemoryLayout<Record>.stride
            try records.withUnsafeMutableBytes { bytes in
                var filled = 0
                while filled < wanted * stride {
                    let read = pread(
                        descriptor, bytes.baseAddress! + filled, wanted * stride - filled, off_t(done * stride + filled)
                    )
                    if read < 0 && errno == EINTR { continue }
                    guard read > 0 else {
                        throw OSRMError.scratch(
                            path: folder, detail: read < 0 ? String(cString: strerror(errno)) : "cut short")
                    }
                    filled += read
                }
            }
            for record in records[..<wanted] {
                try body(
                    TableClient.Pair(
                        origin: record.origin, destination: record.destination, seconds: record.seconds,
                        metres: record.metres.isNaN ? nil : record.metres))
            }
            done += wanted
        }
    }

    /// Every pair, in memory: for tests and small tables.
    package func array() throws -> [TableClient.Pair] {
        var all: [TableClient.Pair] = []
        all.reserveCapacity(count)
        try forEachPair { all.append($0) }
        return all
    }
}
