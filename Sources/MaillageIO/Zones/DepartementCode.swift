/// The département of a commune, from its INSEE code.
///
/// The first two characters for mainland France and Corsica (`31555` → `31`, `2A004` →
/// `2A`); the first three for overseas départements and collectivities (`97411` → `974`, `98` codes alike). INSEE tables written
/// before Corsica's split (or that merge it) use `20`: ``lookupCodes(_:)`` gives it as a
/// fallback for `2A`/`2B`.
enum DepartementCode {
    /// The département code, or nil for a code too short to be an INSEE commune code.
    static func of(_ communeCode: String) -> String? {
        guard communeCode.count >= 3 else { return nil }
        let length = communeCode.hasPrefix("97") || communeCode.hasPrefix("98") ? 3 : 2
        return String(communeCode.prefix(length))
    }

    /// The codes to look the département up under, in order (`2A`, then `20`).
    static func lookupCodes(_ departement: String) -> [String] {
        ["2A", "2B"].contains(departement.uppercased()) ? [departement.uppercased(), "20"] : [departement]
    }

    /// A code as written in a table, with the leading zero some files drop (`9` → `09`).
    static func normalized(_ text: String) -> String {
        text.count == 1 && text.first?.isNumber == true ? "0" + text : text.uppercased()
    }
}
