import MaillageFormats

/// A zone's differences as `maillage compare` writes them in `<alternative>.geojson`:
/// `<indicator>_difference`, `<indicator>_significant`, `<indicator>_fdr_significant`.
public struct ZoneDifferenceProperties: Decodable, Sendable {
    /// The zone, when the properties name it (`zone_id`, else `id`).
    public var zoneID: String?
    /// The `id` property, when the file names zones that way.
    public var id: String?
    /// Indicator → the zone's difference (nil when undefined).
    public var differences: [String: Double?]
    /// Indicators whose difference is significant, before and after the Benjamini–Hochberg correction.
    public var significant: Set<String>
    /// Indicators still significant after the Benjamini–Hochberg correction across zones.
    public var fdrSignificant: Set<String>

    /// Reads a zone's properties: `zone_id`, then each indicator's difference and significance flags.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        zoneID = (try? container.decodeIfPresent(String.self, forKey: NamedCodingKey("zone_id"))) ?? nil
        id = (try? container.decodeIfPresent(String.self, forKey: NamedCodingKey("id"))) ?? nil
        (differences, significant, fdrSignificant) = ([:], [], [])
        for key in container.allKeys where key.stringValue.hasSuffix("_difference") {
            let indicator = String(key.stringValue.dropLast("_difference".count))
            differences.updateValue(container.number(key), forKey: indicator)
            if container.flag(NamedCodingKey(indicator + "_significant")) == true { significant.insert(indicator) }
            if container.flag(NamedCodingKey(indicator + "_fdr_significant")) == true {
                fdrSignificant.insert(indicator)
            }
        }
    }
}
