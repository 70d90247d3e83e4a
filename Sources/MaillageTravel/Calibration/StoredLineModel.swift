import Foundation
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageStore

/// The straight-line model fitted on a territory's road times, as stored in its database
/// (metadata key `line_model`, JSON): the parameters, a version that grows with each
/// calibration, and where the fit comes from.
public struct StoredLineModel: Sendable, Codable, Hashable {
    /// The model's parameters, as `StraightLineModel` names them.
    public struct Parameters: Sendable, Codable, Hashable {
        /// Fixed time to start and end a trip, in minutes.
        public var accessMinutes: Double
        /// Road length over straight-line length.
        public var detour: Double
        /// Speed of the shortest trips, km/h.
        public var nearSpeed: Double
        /// Speed approached by long trips, km/h.
        public var farSpeed: Double
        /// The distance over which speed moves from near to far, km.
        public var speedScaleKm: Double
        /// Speed multipliers for INSEE density levels 1 to 4.
        public var densityFactors: [Double]

        /// The parameters of `model`.
        public init(_ model: StraightLineModel) {
            accessMinutes = model.accessMinutes
            detour = model.detour
            nearSpeed = model.nearSpeed
            farSpeed = model.farSpeed
            speedScaleKm = model.speedScaleKm
            densityFactors = model.densityFactors
        }

        /// The model these parameters describe.
        ///
        /// - Throws: `ValidationError` when a stored value is out of the model's range (a hand-edited database).
        public func model() throws -> StraightLineModel {
            try StraightLineModel(
                accessMinutes: accessMinutes, detour: detour, nearSpeed: nearSpeed, farSpeed: farSpeed,
                speedScaleKm: speedScaleKm, densityFactors: densityFactors)
        }
    }

    /// Where a fit comes from and how it did, for `maillage info` and reports.
    public struct Provenance: Sendable, Codable, Hashable {
        /// The road matrix it was fitted on.
        public var matrix: String
        /// That matrix's description, when it has one.
        public var matrixDescription: String?
        /// Pairs used to fit.
        public var trainingPairs: Int
        /// Pairs kept out to judge the fit.
        public var heldOutPairs: Int
        /// The share of pairs held out.
        public var holdout: Double
        /// The seed of the split.
        public var seed: UInt64
        /// The fit's errors on the held-out pairs.
        public var heldOutFitted: ErrorSummary
        /// The defaults' errors on the same pairs.
        public var heldOutDefault: ErrorSummary
        /// When the fit was made (ISO 8601, UTC).
        public var createdAt: String
        /// The Maillage version that made it.
        public var maillageVersion: String
    }

    /// Grows by one with each calibration stored in the database.
    public var version: Int
    /// The fitted parameters.
    public var parameters: Parameters
    /// Where the fit comes from.
    public var provenance: Provenance

    /// The model in force for `--travel line` in this database: the stored fit, else the
    /// built-in defaults (nil record).
    public static func inForce(in database: TerritoryDatabase) throws -> (
        model: StraightLineModel, record: StoredLineModel?
    ) {
        guard let record = try stored(in: database) else { return (.calibrated, nil) }
        return (try record.parameters.model(), record)
    }

    /// The model stored in `database`, or nil when none was ever calibrated there.
    ///
    /// - Throws: store errors, or a `ValidationError` when the stored JSON cannot be read.
    public static func stored(in database: TerritoryDatabase) throws -> StoredLineModel? {
        guard let text = try database.metadata(.lineModel) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(StoredLineModel.self, from: Data(text.utf8))
        } catch {
            throw ValidationError(
                field: "metadata line_model",
                reason: "is not a stored line model (\(error)); run maillage travel calibrate again")
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
        return String(
            format:
                "fitted v%d on '%@' (%d pairs, %@): access %.2f min, detour %.3f, speed %.1f→%.1f km/h over %.1f km; held-out MAE %.2f min (defaults %.2f)",
            version, provenance.matrix, provenance.trainingPairs, provenance.createdAt, p.accessMinutes, p.detour,
            p.nearSpeed,
            p.farSpeed, p.speedScaleKm, provenance.heldOutFitted.mae, provenance.heldOutDefault.mae)
    }
}
