import Foundation

/// An `OutputStream` onto a file handle that writes in 64 KiB blocks.
///
/// CSV.swift's `CSVWriter` hands its stream one byte at a time; a plain file stream would
/// turn each byte into a system call. The first write failure is kept and every later write
/// refuses, so the writer stops at once and the exporter can say what went wrong.
package final class BufferedFileStream: OutputStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var status = Stream.Status.notOpen
    /// The first error the file gave.
    private(set) var failure: (any Error)?

    /// The size of the blocks written to the file (64 KiB).
    package static let blockSize = 1 << 16

    /// A stream writing onto `handle`, buffered.
    package init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.blockSize)
        super.init(toMemory: ())
    }

    /// Required by `OutputStream`; such a stream writes to /dev/null.
    package required init(toMemory: ()) {
        handle = FileHandle.nullDevice
        super.init(toMemory: ())
    }

    /// Marks the stream open (the file is already open).
    package override func open() { status = .open }
    /// Marks the stream closed; the file handle stays with its owner.
    package override func close() { status = .closed }
    /// Whether the stream is open or closed.
    package override var streamStatus: Stream.Status { status }
    /// False once a write has failed.
    package override var hasSpaceAvailable: Bool { failure == nil }
    /// The first error the file gave, if any.
    package override var streamError: (any Error)? { failure }

    /// Buffers `length` bytes, writing a block to the file when full; -1 once a write has failed.
    package override func write(_ bytes: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        guard failure == nil else { return -1 }
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        if buffer.count >= Self.blockSize { flushBuffer() }
        return failure == nil ? length : -1
    }

    /// Writes text as UTF-8.
    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { flushBuffer() }
        if let failure { throw failure }
    }

    /// Writes bytes as they are.
    package func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { flushBuffer() }
        if let failure { throw failure }
    }

    /// Writes what is buffered to the file, throwing the first failure met so far.
    package func flush() throws {
        flushBuffer()
        if let failure { throw failure }
    }

    private func flushBuffer() {
        guard failure == nil, !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }
}
