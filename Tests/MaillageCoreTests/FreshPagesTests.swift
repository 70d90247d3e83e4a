import MaillageCore
import Testing

/// The whole pages memory advice may name, worked out by hand on addresses never touched.
@Suite struct FreshPagesTests {
    @Test func wholePagesAreTheAlignedInsideOfTheBuffer() throws {
        let base = try #require(UnsafeMutableRawPointer(bitPattern: 0x1000_0123))
        let pages = try #require(FreshPages.wholePages(of: .init(start: base, count: 0x3000), size: 0x1000))
        #expect(Int(bitPattern: pages.baseAddress) == 0x1000_1000 && pages.count == 0x2000)
        #expect(FreshPages.wholePages(of: .init(start: base, count: 0x1000), size: 0x1000) == nil)
        #expect(FreshPages.wholePages(of: .init(start: nil, count: 0), size: 0x1000) == nil)
    }
}
