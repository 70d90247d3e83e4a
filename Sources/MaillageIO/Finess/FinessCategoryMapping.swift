import MaillageCore
import MaillageFormats

/// Which actor kind a FINESS establishment category (`categetab`) becomes.
///
/// The defaults follow the care-network primer; every category not listed is `other`:
///
/// | categetab | FINESS label | kind |
/// |---|---|---|
/// | 101 | Centre Hospitalier Régional (CHR/CHU) | hospital |
/// | 106 | Centre hospitalier, ex Hôpital local | hospital |
/// | 128 | Etablissement de Soins Chirurgicaux | hospital |
/// | 129 | Etablissement de Soins Médicaux | hospital |
/// | 355 | Centre Hospitalier (C.H.) | hospital |
/// | 365 | Etablissement de Soins Pluridisciplinaire | hospital |
/// | 603 | Maison de santé (L.6223-3) | msp |
/// | 124 | Centre de Santé | health_centre |
/// | 354 | Service de Soins Infirmiers A Domicile | ssiad |
/// | 127 | Hospitalisation à Domicile | had |
/// | 620 | Pharmacie d'Officine | pharmacy |
/// | 500 | EHPAD | ehpad |
/// | 611 | Laboratoire de Biologie Médicale | lab |
///
/// A mapping file (CSV with columns `category,kind`) overrides or extends the table:
/// `122,hospital` adds obstetric clinics, `620,other` demotes pharmacies.
public struct FinessCategoryMapping: Sendable, Equatable {
    /// Kind by category code, as written in the file (`355`).
    public private(set) var kinds: [String: ActorKind]
    /// The kind of every category missing from ``kinds``.
    public var otherwise: ActorKind = .other

    /// A mapping with these kinds, every other category being `other`.
    public init(kinds: [String: ActorKind]) { self.kinds = kinds }

    /// The primer's table.
    public static let standard = FinessCategoryMapping(kinds: [
        "101": .hospital, "106": .hospital, "128": .hospital, "129": .hospital, "355": .hospital, "365": .hospital,
        "603": .msp, "124": .healthCentre, "354": .ssiad, "127": .had,
        "620": .pharmacy, "500": .ehpad, "611": .lab,
    ])

    /// The kind of an establishment of that category.
    public func kind(of category: String) -> ActorKind { kinds[category] ?? otherwise }

    /// This table with the rows of a mapping file laid over it.
    ///
    /// - Throws: `ImportError` naming the line of an unknown kind, a category that is not a
    ///   number, or a category given twice.
    public func overridden(byFile path: String) throws -> FinessCategoryMapping {
        let file = try DelimitedFile(path: path)
        try file.requireColumns(["category", "kind"])
        var copy = self
        var lines: [String: Int] = [:]
        try file.forEachRecord { record in
            let category = try record.required("category")
            guard category.allSatisfy(\.isASCIIDigit) else {
                throw record.error("category", value: category, expected: "a FINESS category code such as 355")
            }
            if let first = lines.updateValue(record.line, forKey: category) {
                throw record.error(
                    "category", value: category, expected: "each category once; line \(first) has it already")
            }
            do {
                copy.kinds[category] = try ActorKind.parse(record.required("kind"))
            } catch let error as ValidationError {
                throw ImportError(error, file: path, line: record.line)
            }
        }
        return copy
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
