import MaillageFuzzFormats
import MaillageFuzzSupport

let harness = FuzzHarness(format: .calibrationSpec)

/// libFuzzer's entry point: one input, imported and thrown away.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    harness.run(bytes, count)
}
