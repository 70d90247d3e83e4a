import Foundation

/// Département codes as FINESS writes them (`09`, `2A`, `9A` for Guadeloupe).
enum FinessDepartement {
    /// FINESS's one-character overseas suffixes and the INSEE codes they stand for.
    static let overseas: [String: String] = [
        "971": "9A", "972": "9B", "973": "9C", "974": "9D", "975": "9E", "976": "9F",
    ]

    /// The FINESS form of a code as people type it: `9` → `09`, `2a` → `2A`, `971` → `9A`.
    static func normalize(_ code: String) -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
        if let overseasCode = overseas[trimmed] { return overseasCode }
        return trimmed.count == 1 ? "0" + trimmed : trimmed
    }

    /// The département of a FINESS number: its first two characters, three overseas (`971…`).
    static func of(finessNumber id: String) -> String? {
        guard id.count >= 3 else { return nil }
        let two = String(id.prefix(2))
        return two == "97" ? normalize(String(id.prefix(3))) : normalize(two)
    }

    /// The INSEE commune code from a FINESS département and 3-character commune
    /// (`31` + `555` → `31555`, `9A` + `101` → `97101`).
    static func inseeCode(departement: String, commune: String) -> String {
        let prefix =
            departement.hasPrefix("9") && departement.count == 2 && departement.last?.isLetter == true
            ? "97" : departement
        return prefix + commune
    }
}
