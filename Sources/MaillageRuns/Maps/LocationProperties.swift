import MaillageFormats

/// A chosen site's properties as `maillage locate --out FILE.geojson` writes them.
///
/// Locate writes its table's cells as text: numbers are read from a JSON number or its text.
public struct LocationProperties: Decodable, Sendable {
    /// The site chosen.
    public var siteID: String
    /// `new` or `kept`.
    public var status: String
    /// The location model that chose it (`mclp`, `p-median`…).
    public var model: String
    /// Inhabitants the site serves, and those it gains over the current sites (NaN when absent).
    public var populationServed: Double
    /// Inhabitants newly within reach thanks to this site, beyond the current sites' reach (NaN when absent).
    public var populationGained: Double

    enum CodingKeys: String, CodingKey {
        case status, model
        case siteID = "site_id"
        case populationServed = "population_served"
        case populationGained = "population_gained"
    }

    /// Reads a site's properties; missing populations read as NaN rather than failing the file.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        siteID = try container.decode(String.self, forKey: .siteID)
        status = (try? container.decodeIfPresent(String.self, forKey: .status)) ?? ""
        model = (try? container.decodeIfPresent(String.self, forKey: .model)) ?? ""
        populationServed = container.numberOrText(.populationServed) ?? .nan
        populationGained = container.numberOrText(.populationGained) ?? .nan
    }
}

extension KeyedDecodingContainer {
    /// A number written as a JSON number or as text.
    func numberOrText(_ key: Key) -> Double? {
        number(key) ?? (try? decodeIfPresent(String.self, forKey: key)).flatMap { $0.flatMap(Double.init) }
    }
}
