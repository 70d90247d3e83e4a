import Foundation

/// The one form an identifier takes, wherever it enters: NFC, with no invisible characters.
///
/// `Cafe` + U+0301 (NFD, as macOS file names and some exports write it) and `Café` (NFC)
/// compare equal as Swift strings but are different bytes in SQLite, so a territory could
/// hold both and every later command then failed with "given twice". Ids are normalised to
/// NFC at every entry point (files, scenario files, events, matrices), and ids carrying
/// characters that cannot be seen (zero-width spaces, bidi overrides, controls) are refused:
/// two look-alike ids would otherwise be two actors.
public enum IdentifierText {
    /// `id` in Unicode normalisation form C (canonical composition).
    public static func normalised(_ id: String) -> String {
        // Below U+0300 (ASCII, Latin-1, Latin Extended: every French name) text is already
        // NFC: the common case costs one scan and no allocation.
        if id.utf8.allSatisfy({ $0 < 0x80 }) || id.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return id }
        return id.precomposedStringWithCanonicalMapping
    }

    /// Whether a scalar is a control character or one that is invisible or reorders text:
    /// C0/C1 controls, format characters (zero-width space and joiners, bidi marks,
    /// embeddings, overrides and isolates, the byte-order mark, soft hyphen), line and
    /// paragraph separators, and noncharacters.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return true
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }

    /// Whether a scalar is white space (Unicode's `White_Space`), ASCII answered without the
    /// Unicode tables: the lookup for both ends of every zone id was about a tenth of loading a
    /// 5,000-zone territory (perf).
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// `U+200B` for a scalar, for messages.
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
