import MaillageFuzzFormats
import MaillageFuzzSupport

let harness = FuzzHarness(format: .comparisonShard)

/// libFuzzer's entry point: one input, read as a shard to its last job and thrown away.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    harness.run(bytes, count)
}
