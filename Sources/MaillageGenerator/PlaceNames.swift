/// Plausible French-sounding place and family names, made from syllables.
struct PlaceNames {
    private static let starts = [
        "Bel", "Mont", "Val", "Roque", "Cas", "Ville", "Pra", "Lau", "Mira", "Font", "Sau", "Bor",
        "Cam", "Ger", "Lan", "Mar", "Pey", "Rieu", "Sal", "Ter", "Aur", "Bra", "Cor", "Esc",
    ]
    private static let middles = ["", "", "a", "e", "i", "o", "ou", "ar", "er", "on", "ig", "au"]
    private static let ends = [
        "ac", "an", "ès", "ens", "ville", "mont", "ière", "et", "ols", "eux", "ort", "ignan",
        "as", "ouse", "y", "onne", "ade", "ac-sur-Tarn", "val", "ols-d'Olt",
    ]
    private static let prefixes = ["", "", "", "", "Saint-", "Le ", "La ", "Les "]
    private static let surnames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David",
        "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
        "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier",
    ]

    private var used = Set<String>()

    /// A place name not given before.
    mutating func place<G: RandomNumberGenerator>(using rng: inout G) -> String {
        let prefix = Self.prefixes.pick(using: &rng)
        let start = Self.starts.pick(using: &rng)
        var middle = Self.middles.pick(using: &rng)
        let end = Self.ends.pick(using: &rng)
        if Self.startsWithVowel(end) { middle = "" }
        let article = (prefix == "Le " || prefix == "La ") && Self.startsWithVowel(start) ? "L'" : prefix
        let base = article + start + middle + end
        var name = base
        var suffix = 2
        while !used.insert(name).inserted {
            name = "\(base) \(suffix)"
            suffix += 1
        }
        return name
    }

    private static func startsWithVowel(_ text: String) -> Bool {
        text.first.map { "AEIOUYaeiouyè".contains($0) } ?? false
    }

    /// A family name (repeats are fine).
    static func surname<G: RandomNumberGenerator>(using rng: inout G) -> String {
        surnames.pick(using: &rng)
    }
}
