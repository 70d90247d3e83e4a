import Foundation
import MaillageCore
import MaillageGeo
import MaillageStore

/// `maillage travel calibrate`: fits the straight-line model on a stored road matrix, judges
/// it on held-out pairs against the defaults, and stores it as the database's line model.
public struct CalibrationJob: Sendable {
    /// The stored road matrix to fit on (`osrm_car`).
    public var matrix: String
    /// Share of pairs kept out of the fit to judge it.
    public var holdout = 0.2
    /// The seed that picks the held-out pairs: the same seed gives the same split and fit.
    public var seed: UInt64 = 1
    /// Store the fit (false: only report).
    public var store = true
    /// Also complete the road sample into a matrix (``MatrixCompletion``), stored with the fit.
    public var completion: MatrixCompletion?

    /// A calibration on `matrix` with a 20 % holdout, seed 1, storing the fit.
    public init(matrix: String) {
        self.matrix = matrix
    }

    /// What a calibration found: the fitted model and how it does on held-out pairs.
    public struct Report: Sendable, Encodable {
        /// The fitted model with its provenance, as stored (or as it would be stored).
        public let stored: StoredLineModel
        /// Errors on the held-out pairs by distance band (``DistanceBand`` labels).
        public let heldOutByBand: [String: Band]
        /// Whether the fit was written to the database.
        public let wasStored: Bool
        /// The completed matrix, when one was asked for.
        public let completion: MatrixCompletion.Report?

        /// One distance band's held-out errors under the fit and under the defaults.
        public struct Band: Sendable, Encodable {
            /// The fitted model's errors.
            public let fitted: ErrorSummary
            /// The built-in defaults' errors, to judge whether the fit is worth keeping.
            public let defaults: ErrorSummary
        }
    }

    /// Fits, judges and (with ``store``) stores the model.
    ///
    /// - Throws: `ValidationError` for a holdout outside 0..<1, a matrix the database does not have, or too few pairs
    ///   to fit; store errors.
    public func run(on database: TerritoryDatabase) throws -> Report {
        guard holdout >= 0, holdout < 1 else {
            throw ValidationError(field: "holdout", reason: "must be from 0 to below 1 (got \(holdout))")
        }
        guard let definition = try database.travelMatrices().first(where: { $0.name == matrix }) else {
            let names = try database.travelMatrices().map(\.name)
            throw ValidationError(
                field: "matrix",
                reason:
                    "the database has no travel matrix '\(matrix)' (it has: \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
            )
        }
        let territory = try database.loadTerritory()
        let places = TerritoryPlaces(territory)
        let samples = try places.samples(of: matrix, in: database)
        let (training, heldOut) = Self.split(samples, holdout: holdout, seed: seed)
        let fitted = try LineModelFit.fit(training)
        let judged = heldOut.isEmpty ? training : heldOut
        func errors(_ model: StraightLineModel, _ set: [RoadSample]) -> [Double] {
            set.map { $0.predicted(by: model) - $0.minutes }
        }
        var bands: [String: Report.Band] = [:]
        for label in DistanceBand.labels {
            let inBand = judged.filter { DistanceBand.label(forKm: $0.metres / 1000) == label }
            guard !inBand.isEmpty else { continue }
            bands[label] = Report.Band(
                fitted: ErrorSummary(errors: errors(fitted, inBand)),
                defaults: ErrorSummary(errors: errors(.calibrated, inBand)))
        }
        let previous = try StoredLineModel.stored(in: database)
        let record = StoredLineModel(
            version: (previous?.version ?? 0) + 1, parameters: .init(fitted),
            provenance: .init(
                matrix: matrix, matrixDescription: definition.description, trainingPairs: training.count,
                heldOutPairs: heldOut.count,
                holdout: holdout, seed: seed, heldOutFitted: ErrorSummary(errors: errors(fitted, judged)),
                heldOutDefault: ErrorSummary(errors: errors(.calibrated, judged)),
                createdAt: ISO8601DateFormatter().string(from: Date()), maillageVersion: MaillageVersion.current
            )
        )
        func complete(_ writer: TerritoryWriter?) throws -> MatrixCompletion.Report? {
            try completion?.run(
                training: training, heldOut: heldOut, territory: territory, places: places,
                description: completionDescription(version: record.version, trainingPairs: training.count),
                writer: writer)
        }
        var completed: MatrixCompletion.Report?
        if store {
            let text = try record.encoded()
            try database.transaction { writer in
                try writer.setMetadata(.lineModel, text)
                completed = try complete(writer)
            }
        } else {
            completed = try complete(nil)
        }
        return Report(stored: record, heldOutByBand: bands, wasStored: store, completion: completed)
    }

    private func completionDescription(version: Int, trainingPairs: Int) -> String {
        let limit = completion.map { String(format: "%g", $0.limitMinutes) } ?? "?"
        return
            "'\(matrix)' completed with line model v\(version): its \(trainingPairs) training pairs' road times, "
            + "the local road model elsewhere, within \(limit) min (Maillage \(MaillageVersion.current))"
    }

    /// A seeded shuffle of the pairs; the first `holdout` share is held out.
    public static func split(_ samples: [RoadSample], holdout: Double, seed: UInt64) -> (
        training: [RoadSample], heldOut: [RoadSample]
    ) {
        var generator = SplitMix64(seed: seed)
        var shuffled = samples
        shuffled.shuffle(using: &generator)
        let cut = Int((Double(samples.count) * holdout).rounded())
        return (Array(shuffled[cut...]), Array(shuffled[..<cut]))
    }
}
