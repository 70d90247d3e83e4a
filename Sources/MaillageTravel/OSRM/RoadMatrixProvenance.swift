import Foundation
import MaillageFormats
import MaillageStore

/// Where a road matrix comes from: engine and version, profile, the .pbf's hash, the date,
/// and each point's distance to its road. Kept in the `metadata` table (key
/// `travel_provenance`, a JSON object by matrix name), apart from the pairs, so that the
/// pairs compare byte for byte between runs.
public struct RoadMatrixProvenance: Sendable, Codable, Hashable {
    public var engine: String
    public var version: String
    public var algorithm: String
    public var profile: String
    public var profileSHA256: String?
    public var pbf: String?
    public var pbfSHA256: String?
    public var server: String?
    public var createdAt: String
    public var from: String
    public var to: String
    public var limitMinutes: Double?
    public var pairs: Int
    public var snapThresholdMetres: Double
    /// Metres from each point to its road, by `type:id`.
    public var snapMetres: [String: Double]

    enum CodingKeys: String, CodingKey {
        case engine, version, algorithm, profile, pbf, server, from, to, pairs
        case profileSHA256 = "profile_sha256", pbfSHA256 = "pbf_sha256", createdAt = "created_at"
        case limitMinutes = "limit_minutes", snapThresholdMetres = "snap_threshold_m", snapMetres = "snap_m"
    }

    /// One line for the matrix's description.
    public var summary: String {
        var text = "\(engine) \(version) \(algorithm), profile \(profile)"
        if let pbf, let pbfSHA256 { text += ", \(pbf) (sha256 \(pbfSHA256.prefix(16))…)" }
        if let server { text += ", server \(server)" }
        text += ", \(from) → \(to)"
        if let limitMinutes { text += ", ≤ \(NumberFormatter.localizedString(from: limitMinutes as NSNumber, number: .decimal)) min" }
        return text + ", directed"
    }

    /// Every road matrix's provenance stored in the database, by matrix name.
    public static func all(in database: TerritoryDatabase) throws -> [String: RoadMatrixProvenance] {
        guard let text = try database.metadata(.travelProvenance) else { return [:] }
        return (try? JSONDecoder().decode([String: RoadMatrixProvenance].self, from: Data(text.utf8))) ?? [:]
    }

    static func encode(_ all: [String: RoadMatrixProvenance]) throws -> String {
        try JSONText.string(all)
    }
}
