import Foundation

/// The byte layout of a `travel_row` column: values back to back, little-endian, no header.
///
/// `destinations` holds 32-bit endpoint ordinals, `minutes` and `km` 64-bit floats (`km` NaN
/// where a pair has no distance). Minutes stay 64-bit on purpose: 32-bit floats would cut the
/// row by a third but change the times that were imported (12.345 would come back as
/// 12.3450002670288), and results computed from a stored matrix are promised the same bytes
/// as before.
enum PackedColumn {
    #if _endian(big)
        #error("travel_row blobs are stored little-endian; a big-endian build needs byte swaps here")
    #endif

    /// The blob of `values`: their bytes as they lie in memory.
    static func blob<Value: BitwiseCopyable>(_ values: ArraySlice<Value>) -> Data {
        values.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    /// Appends `count` values read from a blob's bytes (SQLite's pointer, valid until the next
    /// step; not necessarily aligned for the values).
    ///
    /// One fill and one copy of the bytes: reading them value by value cost about a tenth of an
    /// `access` command on a stored matrix (perf).
    @inline(__always)
    static func append<Value: BitwiseCopyable>(_ bytes: UnsafeRawPointer?, count: Int, to values: inout [Value]) {
        guard count > 0, let bytes else { return }
        let start = values.count
        let byteCount = count * MemoryLayout<Value>.stride
        values.append(contentsOf: repeatElement(bytes.loadUnaligned(as: Value.self), count: count))
        values.withUnsafeMutableBytes { target in
            (target.baseAddress! + start * MemoryLayout<Value>.stride).copyMemory(from: bytes, byteCount: byteCount)
        }
    }
}
