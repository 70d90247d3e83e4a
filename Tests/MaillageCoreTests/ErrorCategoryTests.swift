import Foundation
import MaillageCore
import Testing

/// The category protocol's defaults: a domain rule is data, an error without a category is I/O.
@Suite struct ErrorCategoryTests {
    struct Unlabelled: Error {}

    @Test func aBrokenDomainRuleIsDataAndAForeignErrorIsIO() {
        let rule = ValidationError(field: "zone.population", reason: "-1 must be a finite number >= 0")
        #expect(rule.category == .data)
        #expect((rule as any Error).errorCategory == .data)
        #expect(rule.hint == nil)
        #expect((Unlabelled() as any Error).errorCategory == .io)
        #expect((CocoaError(.fileWriteOutOfSpace) as any Error).errorCategory == .io)
    }
}
