import Foundation
import MaillageFormats
import MaillageStore

/// Where a road matrix comes from: engine and version, profile, the .pbf's hash, the date,
/// and each point's distance to its road. Kept in the `metadata` table (key
/// `travel_provenance`, a JSON object by matrix name), apart from the pairs, so that the
/// pairs compare byte for byte between runs.
public struct RoadMatrixProvenance: Sendable, Codable, Hashable {
    /// The routing engine (`OSRM`).
    public var engine: String
    /// The engine's version, as its programs report it.
    public var version: String
    /// The routing algorithm (`MLD`).
    public var algorithm: String
    /// The profile (`car`, or a .lua file's name).
    public var profile: String
    /// The SHA-256 of the profile's file, when it was read here.
    public var profileSHA256: String?
    /// The .pbf the graph was prepared from, when it was prepared here.
    public var pbf: String?
    /// The SHA-256 of the .pbf: the same hash means the same roads.
    public var pbfSHA256: String?
    /// The server's URL, when the planner gave one.
    public var server: String?
    /// When the matrix was computed (ISO 8601, UTC).
    public var createdAt: String
    /// The origins, as ``EndpointSelection`` describes them.
    public var from: String
    /// The destinations, as ``EndpointSelection`` describes them.
    public var to: String
    /// The time limit pairs were kept within, when there was one.
    public var limitMinutes: Double?
    /// Pairs stored.
    public var pairs: Int
    /// The distance to the road beyond which a point is reported.
    public var snapThresholdMetres: Double
    /// Metres from each point to its road, by `type:id`.
    public var snapMetres: [String: Double]

    enum CodingKeys: String, CodingKey {
        case engine, version, algorithm, profile, pbf, server, from, to, pairs
        case profileSHA256 = "profile_sha256"
        case pbfSHA256 = "pbf_sha256"
        case createdAt = "created_at"
        case limitMinutes = "limit_minutes"
        case snapThresholdMetres = "snap_threshold_m"
        case snapMetres = "snap_m"
    }

    /// One line for the matrix's description.
    public var summary: String {
        var text = "\(engine) \(version) \(algorithm), profile \(profile)"
        if let pbf, let pbfSHA256 { text += ", \(pbf) (sha256 \(pbfSHA256.prefix(16))…)" }
        if let server { text += ", server \(server)" }
        text += ", \(from) → \(to)"
        if let limitMinutes {
            text += ", ≤ \(NumberFormatter.localizedString(from: limitMinutes as NSNumber, number: .decimal)) min"
        }
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
