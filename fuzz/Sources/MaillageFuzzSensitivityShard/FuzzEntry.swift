import MaillageFuzzFormats
import MaillageFuzzSupport

let harness = FuzzHarness(format: .sensitivityShard)

/// libFuzzer's entry point: one input, read and merged as `maillage merge` would, thrown away.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    harness.run(bytes, count)
}
