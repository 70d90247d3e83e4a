import MaillageFuzzFormats
import MaillageFuzzSupport

let harness = FuzzHarness(format: .matrixRead)

/// libFuzzer's entry point: one input, read three ways, which must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    harness.run(bytes, count)
}
