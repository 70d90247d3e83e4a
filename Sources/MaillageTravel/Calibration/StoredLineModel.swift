import Foundation
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageStore

/// The straight-line model fitted on a territory's road times, as stored in its database
/// (metadata key `line_model`, JSON): the parameters, a version that grows with each
/// calibration, and where the fit comes from.
public struct StoredLineModel: Sendable, Codable, Hashable {
    public struct Parameters: Sendable, Codable, Hashable {
        public var accessMinutes: Double
        public var detour: Double
        public var nearSpeed: Double
        public var farSpeed: Double
        public var speedScaleKm: Double
        public var densityFactors: [Double]

        public init(_ model: StraightLineModel) {
            accessMinutes = model.accessMinutes
            detour = model.detour
            nearSpeed = model.nearSpeed
            farSpeed = model.farSpeed
            speedScaleKm = model.speedScaleKm
            densityFactors = model.densityFactors
        }

        public func model() throws -> StraightLineModel {
            try StraightLineModel(accessMinutes: accessMinutes, detour: detour, nearSpeed: nearSpeed, farSpeed: farSpeed,
                                  speedScaleKm: speedScaleKm, densityFactors: densityFactors)
        }
    }

    public struct Provenance: Sendable, Codable, Hashable {
        public var matrix: String
        public var matrixDescription: String?
        public var trainingPairs: Int
        public var heldOutPairs: Int
        public var holdout: Double
        public var seed: UInt64
        public var heldOutFitted: ErrorSummary
        public var heldOutDefault: ErrorSummary
        public var createdAt: String
        public var maillageVersion: String
    }

    public var version: Int
    public var parameters: Parameters
    public var provenance: Provenance

    /// The model in force for `--travel line` in this database: the stored fit, else the
    /// built-in defaults (nil record).
    public static func inForce(in database: TerritoryDatabase) throws -> (model: StraightLineModel, record: StoredLineModel?) {
        guard let record = try stored(in: database) else { return (.calibrated, nil) }
        return (try record.parameters.model(), record)
    }

    public static func stored(in database: TerritoryDatabase) throws -> StoredLineModel? {
        guard let text = try database.metadata(.lineModel) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(StoredLineModel.self, from: Data(text.utf8))
        } catch {
            throw ValidationError(field: "metadata line_model", reason: "is not a stored line model (\(error)); run maillage travel calibrate again")
        }
    }

    func encoded() throws -> String {
        let encoder = JSONText.encoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// One line for `info`.
    public var summary: String {
        let p = parameters
        return String(format: "fitted v%d on '%@' (%d pairs, %@): access %.2f min, detour %.3f, speed %.1f→%.1f km/h over %.1f km; held-out MAE %.2f min (defaults %.2f)",
                      version, provenance.matrix, provenance.trainingPairs, provenance.createdAt, p.accessMinutes, p.detour, p.nearSpeed,
                      p.farSpeed, p.speedScaleKm, provenance.heldOutFitted.mae, provenance.heldOutDefault.mae)
    }
}
