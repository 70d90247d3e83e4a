import Testing

@testable import MaillageReport

@Suite struct HTMLTextTests {
    @Test func markupCharactersBecomeEntities() {
        // Written by hand: each of & < > " ' replaced by its entity, everything else kept.
        #expect(
            HTMLText.escape(#"<script>alert("x") & 'y'</script>"#)
                == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        #expect(HTMLText.escape("Ariège – Saint-Girons") == "Ariège – Saint-Girons")
        // A control character would make the file unreadable as XML.
        #expect(HTMLText.escape("a\u{1}b\tc") == "ab\tc")
    }

    @Test func numbersReadTheSameOnEveryMachine() {
        #expect(DisplayNumber.format(2_349_914, decimals: 0) == "2,349,914")
        #expect(DisplayNumber.format(-1234.5, decimals: 1) == "-1,234.5")
        #expect(DisplayNumber.auto(30) == "30")
        #expect(DisplayNumber.auto(3.52) == "3.52")
        #expect(DisplayNumber.auto(0.012345) == "0.0123")
        #expect(DisplayNumber.percent(0.80271) == "80.3 %")
        #expect(DisplayNumber.format(.nan, decimals: 2) == "–")
    }
}
